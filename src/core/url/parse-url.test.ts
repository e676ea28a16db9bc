import { describe, expect, it } from 'vitest';
import { isHttpUrl, MAX_URL_LENGTH, parseHttpUrl, parseUrl } from './parse-url.js';

describe('parseUrl', () => {
  it('parses absolute URLs and resolves relative ones against a base', () => {
    expect(parseUrl('HTTPS://Example.COM:443/a/../b?x#y')?.href).toBe('https://example.com/b?x#y');
    expect(parseUrl('../c', 'https://example.com/a/b/')?.href).toBe('https://example.com/a/c');
    expect(parseUrl('//cdn.example.net/x', new URL('https://example.com/'))?.href).toBe('https://cdn.example.net/x');
  });

  it('returns null instead of throwing on garbage, bad bases and non-strings', () => {
    expect(parseUrl('')).toBeNull();
    expect(parseUrl('not a url')).toBeNull();
    expect(parseUrl('http://')).toBeNull();
    expect(parseUrl('http://exa mple.com/')).toBeNull();
    expect(parseUrl('/relative')).toBeNull();
    expect(parseUrl('/relative', 'not a base')).toBeNull();
    expect(parseUrl(undefined as unknown as string)).toBeNull();
    expect(parseUrl(42 as unknown as string)).toBeNull();
    expect(parseUrl('a', 42 as unknown as string)).toBeNull();
  });

  it('never throws on 100 KB of junk, random bytes or lone surrogates', () => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    let junk = '';
    for (let i = 0; i < 100_000; i++) junk += String.fromCharCode(random() % 0xffff);
    expect(() => parseUrl(junk)).not.toThrow();
    expect(() => parseUrl(junk, 'http://example.com/')).not.toThrow();
    expect(() => parseUrl(`http://example.com/${junk}`)).not.toThrow();
    expect(parseUrl('http://example.com/\uD800')?.pathname).toBe('/%EF%BF%BD');
  });

  it('refuses inputs longer than MAX_URL_LENGTH (Chromium kMaxURLChars, 2 MiB)', () => {
    const longPath = 'a'.repeat(MAX_URL_LENGTH);
    expect(parseUrl(`http://example.com/${longPath}`)).toBeNull();
    expect(parseUrl('x', `http://example.com/${longPath}`)).toBeNull();
    const justFits = `http://example.com/${'a'.repeat(MAX_URL_LENGTH - 'http://example.com/'.length)}`;
    expect(justFits.length).toBe(MAX_URL_LENGTH);
    expect(parseUrl(justFits)).not.toBeNull();
  });

  it('returns a fresh object each time (callers may mutate it)', () => {
    const a = parseUrl('https://example.com/');
    const b = parseUrl('https://example.com/');
    expect(a).not.toBe(b);
    if (a !== null) a.pathname = '/changed';
    expect(b?.pathname).toBe('/');
  });
});

describe('parseHttpUrl', () => {
  it('accepts http and https only', () => {
    expect(parseHttpUrl('http://example.com')?.href).toBe('http://example.com/');
    expect(parseHttpUrl('https://example.com/x')?.href).toBe('https://example.com/x');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,hi',
      'mailto:a@b.c',
      'ftp://example.com/',
      'file:///etc/passwd',
      'ws://example.com/',
    ]) {
      expect(parseHttpUrl(bad), bad).toBeNull();
    }
  });

  it('judges the scheme after resolution against the base', () => {
    expect(parseHttpUrl('/a', 'https://example.com/b')?.href).toBe('https://example.com/a');
    expect(parseHttpUrl('/a', 'ftp://example.com/b')).toBeNull();
    expect(parseHttpUrl('javascript:void(0)', 'https://example.com/')).toBeNull();
  });

  it('isHttpUrl matches parseHttpUrl', () => {
    expect(isHttpUrl(new URL('https://x.y/'))).toBe(true);
    expect(isHttpUrl(new URL('blob:https://x.y/uuid'))).toBe(false);
  });
});
