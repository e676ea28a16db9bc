import { describe, expect, it } from 'vitest';
import { collapseWhitespace, isFollowed, relTokens } from './link-text.js';

describe('relTokens', () => {
  it('splits on ASCII whitespace, lower-cases and de-duplicates in order', () => {
    expect(relTokens('Noopener UGC  nofollow\tugc\nNOFOLLOW')).toEqual(['noopener', 'ugc', 'nofollow']);
  });
  it('splits on every HTML space character (tab, LF, FF, CR, space) and nothing else', () => {
    expect(relTokens('\fa\rb\r\nc  ')).toEqual(['a', 'b', 'c']);
    // Vertical tab and NBSP are not separators in HTML token lists (§2.3.8).
    expect(relTokens('a\u000bb c\u00a0d')).toEqual(['a\u000bb', 'c\u00a0d']);
    expect(relTokens('NoFollow')).toEqual(['nofollow']);
  });
  it('gives [] for absent or blank rel', () => {
    expect(relTokens(null)).toEqual([]);
    expect(relTokens(undefined)).toEqual([]);
    expect(relTokens('   ')).toEqual([]);
  });
});

describe('isFollowed', () => {
  it('is false when nofollow, ugc or sponsored is present', () => {
    expect(isFollowed(['noopener', 'nofollow'])).toBe(false);
    expect(isFollowed(['ugc'])).toBe(false);
    expect(isFollowed(['sponsored', 'noopener'])).toBe(false);
  });
  it('is true otherwise (no rel, noopener, follow, me)', () => {
    expect(isFollowed([])).toBe(true);
    expect(isFollowed(['noopener', 'follow'])).toBe(true);
    expect(isFollowed(['me', 'author'])).toBe(true);
  });
});

describe('collapseWhitespace', () => {
  it('collapses runs (incl. NBSP and newlines) and trims', () => {
    expect(collapseWhitespace('  Read\n\t  the\u00a0\u00a0docs  ')).toBe('Read the docs');
    expect(collapseWhitespace('a\u2003b')).toBe('a b');
  });
  it('returns already clean text unchanged', () => {
    const s = 'already clean text';
    expect(collapseWhitespace(s)).toBe(s);
    expect(collapseWhitespace('')).toBe('');
    expect(collapseWhitespace(' \n ')).toBe('');
  });
});
