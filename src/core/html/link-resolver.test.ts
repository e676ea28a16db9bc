import { describe, expect, it } from 'vitest';
import { LinkResolver } from './link-resolver.js';

describe('LinkResolver', () => {
  it('gives the same host with or without the fast path, for a base host with a trailing dot', () => {
    const resolver = new LinkResolver(new URL('https://example.com./post'));
    const fast = resolver.resolve('/about'); // root-relative, already serialised: fast path
    const slow = resolver.resolve('./about'); // dot segment: URL parser
    expect(fast).toEqual({ url: 'https://example.com./about', host: 'example.com' });
    expect(slow).toEqual({ url: 'https://example.com./about', host: 'example.com' });
  });

  it('resolves against the base, caches parser results, and refuses non-http(s) schemes', () => {
    const resolver = new LinkResolver(new URL('https://Example.com/a/b'));
    expect(resolver.resolve('c?x=1#f')).toEqual({ url: 'https://example.com/a/c?x=1#f', host: 'example.com' });
    expect(resolver.resolve('c?x=1#f')).toEqual({ url: 'https://example.com/a/c?x=1#f', host: 'example.com' });
    expect(resolver.resolve('mailto:a@b.c')).toBeNull();
    expect(resolver.resolve('https://other.org')).toEqual({ url: 'https://other.org/', host: 'other.org' });
  });

  it('without a base only absolute http(s) hrefs resolve', () => {
    const resolver = new LinkResolver(null);
    expect(resolver.resolve('/relative')).toBeNull();
    expect(resolver.resolve('http://a.test/x')).toEqual({ url: 'http://a.test/x', host: 'a.test' });
  });
});
