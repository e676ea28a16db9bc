import { describe, expect, it } from 'vitest';
import { childBase, documentBase, removeDotSegments, resolveIri, safeAbsoluteIri } from './iri.js';

/** RFC 3986 §5.4.1 "Normal Examples" and §5.4.2 "Abnormal Examples", base `http://a/b/c/d;p?q`. */
const RFC3986_BASE = 'http://a/b/c/d;p?q';
const RFC3986_EXAMPLES: Array<[string, string]> = [
  ['g:h', 'g:h'],
  ['g', 'http://a/b/c/g'],
  ['./g', 'http://a/b/c/g'],
  ['g/', 'http://a/b/c/g/'],
  ['/g', 'http://a/g'],
  ['//g', 'http://g'],
  ['?y', 'http://a/b/c/d;p?y'],
  ['g?y', 'http://a/b/c/g?y'],
  ['#s', 'http://a/b/c/d;p?q#s'],
  ['g#s', 'http://a/b/c/g#s'],
  ['g?y#s', 'http://a/b/c/g?y#s'],
  [';x', 'http://a/b/c/;x'],
  ['g;x', 'http://a/b/c/g;x'],
  ['g;x?y#s', 'http://a/b/c/g;x?y#s'],
  ['', 'http://a/b/c/d;p?q'],
  ['.', 'http://a/b/c/'],
  ['./', 'http://a/b/c/'],
  ['..', 'http://a/b/'],
  ['../', 'http://a/b/'],
  ['../g', 'http://a/b/g'],
  ['../..', 'http://a/'],
  ['../../', 'http://a/'],
  ['../../g', 'http://a/g'],
  // §5.4.2
  ['../../../g', 'http://a/g'],
  ['../../../../g', 'http://a/g'],
  ['/./g', 'http://a/g'],
  ['/../g', 'http://a/g'],
  ['g.', 'http://a/b/c/g.'],
  ['.g', 'http://a/b/c/.g'],
  ['g..', 'http://a/b/c/g..'],
  ['..g', 'http://a/b/c/..g'],
  ['./../g', 'http://a/b/g'],
  ['./g/.', 'http://a/b/c/g/'],
  ['g/./h', 'http://a/b/c/g/h'],
  ['g/../h', 'http://a/b/c/h'],
  ['g;x=1/./y', 'http://a/b/c/g;x=1/y'],
  ['g;x=1/../y', 'http://a/b/c/y'],
  ['g?y/./x', 'http://a/b/c/g?y/./x'],
  ['g?y/../x', 'http://a/b/c/g?y/../x'],
  ['g#s/./x', 'http://a/b/c/g#s/./x'],
  ['g#s/../x', 'http://a/b/c/g#s/../x'],
  ['http:g', 'http:g'], // the strict reading (§5.4.2)
];

describe('resolveIri', () => {
  it.each(RFC3986_EXAMPLES)('RFC 3986 §5.4: %s → %s', (ref, expected) => {
    expect(resolveIri(RFC3986_BASE, ref)).toBe(expected);
  });

  it('keeps IRIs as written: no punycode, no percent-encoding (RFC 3987)', () => {
    expect(resolveIri('http://www.詹姆斯.com/feed', '')).toBe('http://www.詹姆斯.com/feed');
    expect(resolveIri('http://any.test/', 'À')).toBe('http://any.test/À');
    expect(resolveIri('http://e.test/a b/', 'c d')).toBe('http://e.test/a b/c d');
  });

  it('trims surrounding white space and collapses extra slashes after scheme:// (feedparser _urifixer)', () => {
    expect(resolveIri('http://e.test/x/', '  /relative/uri \n')).toBe('http://e.test/relative/uri');
    expect(resolveIri('http://e.test/', 'http:///example.com/test/')).toBe('http://example.com/test/');
    expect(resolveIri(null, 'file:///etc/feed.xml')).toBe('file:///etc/feed.xml');
  });

  it('without a base, or with a relative one, gives a relative result', () => {
    expect(resolveIri(null, 'a/b')).toBe('a/b');
    expect(resolveIri('feed/', 'entry/')).toBe('feed/entry/');
    expect(resolveIri('feed/x.xml', '../y')).toBe('y');
  });

  it('does not graft relative paths onto opaque bases (urn:, tag:, mailto:)', () => {
    expect(resolveIri('tag:example.com,2004:feed', 'entry1')).toBe('entry1');
    expect(resolveIri('mailto:a@example.com', 'b')).toBe('b');
    expect(resolveIri('urn:isbn:123', '#frag')).toBe('urn:isbn:123#frag');
  });

  it('removeDotSegments follows §5.2.4 step by step', () => {
    expect(removeDotSegments('/a/b/c/./../../g')).toBe('/a/g');
    expect(removeDotSegments('mid/content=5/../6')).toBe('mid/6');
  });
});

describe('safe bases (feedparser make_safe_absolute_uri)', () => {
  it('refuses results with schemes outside the acceptable list, and relative results', () => {
    expect(safeAbsoluteIri('http://e.test/', "javascript:alert('x')")).toBe('');
    expect(safeAbsoluteIri('http://e.test/', 'data:text/html,x')).toBe('');
    expect(safeAbsoluteIri('http://e.test/a/', 'b')).toBe('http://e.test/a/b');
    expect(safeAbsoluteIri('feed/', 'b')).toBe('');
    expect(safeAbsoluteIri(null, 'b')).toBe('b');
  });

  it('an xml:base inherits the parent, and an unsafe or empty one leaves the parent base', () => {
    expect(childBase('http://e.test/a/', 'b/')).toBe('http://e.test/a/b/');
    expect(childBase('http://e.test/a/', 'http://other.test/')).toBe('http://other.test/');
    expect(childBase('http://e.test/a/', "javascript:alert('x')")).toBe('http://e.test/a/');
    expect(childBase('http://e.test/a/x.xml', '')).toBe('http://e.test/a/x.xml');
    expect(childBase('http://e.test/a/', undefined)).toBe('http://e.test/a/');
    expect(childBase(null, 'feed/')).toBe('feed/');
    expect(childBase(null, 'javascript:x')).toBeNull();
  });

  it('the document base is Content-Location resolved against the URL, when it is safe', () => {
    expect(documentBase('http://127.0.0.1:8097/tests/x.xml', '/feed/pg.cgi')).toBe('http://127.0.0.1:8097/feed/pg.cgi');
    expect(documentBase('http://127.0.0.1:8097/tests/x.xml', "javascript:alert('unsafe');")).toBe('http://127.0.0.1:8097/tests/x.xml');
    expect(documentBase('http://h.test/feed', undefined)).toBe('http://h.test/feed');
    expect(documentBase(undefined, 'http://example.com/')).toBe('http://example.com/');
    expect(documentBase(undefined, undefined)).toBeNull();
  });
});
