import { describe, expect, it } from 'vitest';
import { isSameTarget, normalizeUrl, stripTrackingParams } from './normalize-url.js';

describe('normalizeUrl', () => {
  it('canonicalises scheme, host, port, userinfo, fragment and dot segments', () => {
    expect(normalizeUrl('HTTPS://User:Pw@WWW.Example.COM:443/a/./b/../c#frag')).toBe('https://www.example.com/a/c');
    expect(normalizeUrl('http://example.com:8080')).toBe('http://example.com:8080/');
    expect(normalizeUrl('http://example.com./x')).toBe('http://example.com/x');
  });

  it('decodes unreserved escapes, upper-cases the others, keeps high-bit and control bytes encoded', () => {
    expect(normalizeUrl('http://x.com/%7euser/%2d%5F%41')).toBe('http://x.com/~user/-_A');
    expect(normalizeUrl('http://x.com/a%2fb?q=%3d%c3%a9')).toBe('http://x.com/a%2Fb?q=%3D%C3%A9');
    expect(normalizeUrl('http://x.com/%00%7F%FF')).toBe('http://x.com/%00%7F%FF');
  });

  it('escapes what crawlers escape and a stray %', () => {
    expect(normalizeUrl('http://x.com/a|b^c[d]?q={x}`y|z')).toBe('http://x.com/a%7Cb%5Ec%5Bd%5D?q=%7Bx%7D%60y%7Cz');
    expect(normalizeUrl('http://x.com/100%?p=5%')).toBe('http://x.com/100%25?p=5%25');
  });

  it('sorts query parameters by name, stable for repeated names, and drops empty ones', () => {
    expect(normalizeUrl('http://x.com/?b=2&a=1&b=1&c=&&=z')).toBe('http://x.com/?a=1&b=2&b=1&c');
    expect(normalizeUrl('http://x.com/?b=2&a=1', undefined, { sortQuery: false })).toBe('http://x.com/?b=2&a=1');
    expect(normalizeUrl('http://x.com/p?')).toBe('http://x.com/p');
    expect(normalizeUrl('http://x.com/p?&')).toBe('http://x.com/p');
  });

  it('removes session ids (any case, query and ;jsessionid path parameter) unless told not to', () => {
    expect(normalizeUrl('http://x.com/a;jsessionid=0AB12?PHPSESSID=zz&id=3&JSESSIONID=q&sid=1')).toBe('http://x.com/a?id=3');
    expect(normalizeUrl('http://x.com/a?PHPSESSID=zz', undefined, { removeSessionIds: false })).toBe('http://x.com/a?PHPSESSID=zz');
    // A parameter that merely contains "sid" is kept.
    expect(normalizeUrl('http://x.com/a?side=left')).toBe('http://x.com/a?side=left');
  });

  it('keeps tracking parameters by default and drops them with stripTracking', () => {
    const url = 'https://blog.example.com/post?utm_source=medium&utm_Medium=x&source=rss-abc&id=7';
    expect(normalizeUrl(url)).toBe('https://blog.example.com/post?id=7&source=rss-abc&utm_Medium=x&utm_source=medium');
    expect(normalizeUrl(url, undefined, { stripTracking: true })).toBe('https://blog.example.com/post?id=7');
    expect(normalizeUrl(url, undefined, { removeQueryParams: [/^utm_/i, 'id'] })).toBe('https://blog.example.com/post?source=rss-abc');
  });

  it('collapses repeated slashes, converts IDNs, prints IPv4-mapped IPv6 dotted', () => {
    expect(normalizeUrl('http://x.com//a///b//')).toBe('http://x.com/a/b/');
    expect(normalizeUrl('http://Bücher.DE/Straße')).toBe('http://xn--bcher-kva.de/Stra%C3%9Fe');
    expect(normalizeUrl('http://[::FFFF:7f00:1]:80/')).toBe('http://[::ffff:127.0.0.1]/');
    expect(normalizeUrl('http://[2001:DB8::1]/')).toBe('http://[2001:db8::1]/');
  });

  it('adds http:// to scheme-less input (also host:port) and resolves against a base', () => {
    expect(normalizeUrl('example.com/page')).toBe('http://example.com/page');
    expect(normalizeUrl('localhost:3000/x')).toBe('http://localhost:3000/x');
    expect(normalizeUrl('../b?y=1&x=2', 'https://example.com/a/c/d')).toBe('https://example.com/a/b?x=2&y=1');
  });

  it('returns null for non-canonicalisable schemes, bad hosts and garbage, and never throws', () => {
    for (const bad of [
      '',
      '   ',
      'javascript:alert(1)',
      'mailto:a@b.c',
      'data:text/plain,x',
      'http://',
      'http://a b/',
      'http://"quoted"/',
      'http://a*b.com/',
      '%%%',
    ]) {
      expect(normalizeUrl(bad), bad).toBeNull();
    }
    expect(normalizeUrl(null as unknown as string)).toBeNull();
    let junk = '';
    for (let i = 0; i < 100_000; i++) junk += String.fromCharCode((i * 7919) % 0x3000);
    expect(() => normalizeUrl(junk)).not.toThrow();
    expect(() => normalizeUrl(`http://x.com/${junk}?${junk}`)).not.toThrow();
    expect(normalizeUrl(`http://x.com/${junk}`)).toMatch(/^http:\/\/x\.com\//);
  });

  it('prints file URLs in the RFC 8089 local-path form', () => {
    expect(normalizeUrl('file:///var/www/../x/index.html#top')).toBe('file:/var/x/index.html');
    expect(normalizeUrl('file://server/share/a')).toBe('file://server/share/a');
  });
});

describe('isSameTarget', () => {
  it('compares canonical keys', () => {
    expect(isSameTarget('https://Example.com/a?b=2&a=1#x', 'https://example.com:443/a?a=1&b=2')).toBe(true);
    expect(isSameTarget('https://example.com/a', 'http://example.com/a')).toBe(false);
    expect(isSameTarget('https://example.com/p?utm_source=x', 'https://example.com/p', { stripTracking: true })).toBe(true);
    expect(isSameTarget('not a url', 'not a url')).toBe(false);
  });
});

describe('stripTrackingParams', () => {
  it('removes utm_* and source, keeping everything else byte for byte', () => {
    expect(stripTrackingParams('https://medium.com/@a/post-123?source=rss-abc------2')).toBe('https://medium.com/@a/post-123');
    expect(stripTrackingParams('https://x.com/p?b=%2f&UTM_Campaign=z&a=1+2#frag')).toBe('https://x.com/p?b=%2f&a=1+2#frag');
    expect(stripTrackingParams(new URL('https://x.com/p?utm_source=a&utm_medium=b'))).toBe('https://x.com/p');
    expect(stripTrackingParams('https://x.com/p?sources=1&utm=2')).toBe('https://x.com/p?sources=1&utm=2');
  });

  it('returns null for unparseable input and the href for a URL without query', () => {
    expect(stripTrackingParams('nope')).toBeNull();
    expect(stripTrackingParams('https://x.com')).toBe('https://x.com/');
  });
});

describe('normalizeUrl scheme-less heuristics', () => {
  it('does not turn tel: or mailto: into http hosts', () => {
    expect(normalizeUrl('tel:5551234')).toBeNull();
    expect(normalizeUrl('mailto:42')).toBeNull();
    expect(normalizeUrl('Example.com:8080')).toBe('http://example.com:8080/');
  });
});
