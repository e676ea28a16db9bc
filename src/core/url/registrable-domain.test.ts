import { describe, expect, it } from 'vitest';
import { hostOf, isSameSite, matchesSite, registrableDomain } from './registrable-domain.js';

describe('registrableDomain', () => {
  it('takes bare hosts and URLs', () => {
    expect(registrableDomain('www.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('https://User@Blog.Example.CO.UK:8443/x?y#z')).toBe('example.co.uk');
    expect(registrableDomain('EXAMPLE.com:8080')).toBe('example.com');
    expect(registrableDomain('example.com/path')).toBe('example.com');
    expect(registrableDomain('  www.example.com.  ')).toBe('example.com');
  });

  it('uses the private section of the PSL (github.io, blogspot.com are suffixes)', () => {
    expect(registrableDomain('alice.github.io')).toBe('alice.github.io');
    expect(registrableDomain('github.io')).toBeNull();
    expect(registrableDomain('https://someone.blogspot.com/2024/post.html')).toBe('someone.blogspot.com');
    expect(registrableDomain('medium.com')).toBe('medium.com');
    expect(registrableDomain('https://writer.medium.com/story-abc')).toBe('medium.com');
  });

  it('answers Unicode for a Unicode host and punycode for a URL', () => {
    expect(registrableDomain('www.Bücher.de')).toBe('bücher.de');
    expect(registrableDomain('https://www.bücher.de/')).toBe('xn--bcher-kva.de');
  });

  it('returns null for IPs, single labels, suffixes, empty labels and garbage', () => {
    for (const input of [
      '127.0.0.1',
      'http://10.0.0.1:8080/',
      '[::1]',
      'http://[2001:db8::1]/',
      'localhost',
      'co.uk',
      '.example.com',
      'a..example.com',
      '',
      '   ',
      'http://',
      'not a host at all',
    ]) {
      expect(registrableDomain(input), input).toBeNull();
    }
    expect(registrableDomain(undefined as unknown as string)).toBeNull();
    expect(() => registrableDomain('x'.repeat(100_000))).not.toThrow();
    expect(() => registrableDomain(`${'a.'.repeat(50_000)}com`)).not.toThrow();
  });
});

describe('hostOf', () => {
  it('returns the lower-case ASCII hostname without a trailing dot', () => {
    expect(hostOf('https://Blog.Example.com:8080/p')).toBe('blog.example.com');
    expect(hostOf('http://www.example.com./')).toBe('www.example.com');
    expect(hostOf(new URL('http://[::1]:3000/'))).toBe('[::1]');
    expect(hostOf('https://bücher.de/')).toBe('xn--bcher-kva.de');
  });

  it('returns null without an absolute URL with a host', () => {
    expect(hostOf('mailto:a@example.com')).toBeNull();
    expect(hostOf('example.com')).toBeNull();
    expect(hostOf('/relative')).toBeNull();
  });
});

describe('isSameSite', () => {
  it('compares registrable domains, or hosts when there is none', () => {
    expect(isSameSite('https://a.example.com/x', 'http://b.example.com:81/')).toBe(true);
    expect(isSameSite('example.com', 'example.org')).toBe(false);
    expect(isSameSite('alice.github.io', 'bob.github.io')).toBe(false);
    expect(isSameSite('127.0.0.1', 'http://127.0.0.1:8080/')).toBe(true);
    expect(isSameSite('127.0.0.1', '127.0.0.2')).toBe(false);
    expect(isSameSite('localhost', 'example.com')).toBe(false);
    expect(isSameSite('', '')).toBe(false);
  });
});

describe('matchesSite', () => {
  it('matches the site and its subdomains only', () => {
    expect(matchesSite('example.com', 'example.com')).toBe(true);
    expect(matchesSite('blog.example.com', 'example.com')).toBe(true);
    expect(matchesSite('a.b.example.com', 'https://Example.com/')).toBe(true);
    expect(matchesSite('notexample.com', 'example.com')).toBe(false);
    expect(matchesSite('example.com.evil.net', 'example.com')).toBe(false);
    expect(matchesSite('example.com', 'www.example.com')).toBe(false);
  });

  it('ignores case, trailing dots, ports and the Unicode/punycode spelling', () => {
    expect(matchesSite('WWW.EXAMPLE.COM.', 'example.com')).toBe(true);
    expect(matchesSite('https://shop.bücher.de:8443/x', 'xn--bcher-kva.de')).toBe(true);
    expect(matchesSite('BÜCHER.de', 'https://xn--bcher-kva.de/')).toBe(true);
  });

  it('is false for garbage and never matches everything through an empty site', () => {
    expect(matchesSite('example.com', '')).toBe(false);
    expect(matchesSite('', 'example.com')).toBe(false);
    expect(matchesSite('example.com', '.')).toBe(false);
    expect(matchesSite('example.com', 'com')).toBe(true);
  });
});
