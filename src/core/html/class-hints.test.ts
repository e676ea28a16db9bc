/**
 * hintBits runs an Aho–Corasick automaton over each class/id string. These tests hold it to the
 * matching rules written the slow, obvious way (every word tried at every position with indexOf), on
 * generated strings that pack words, overlapping words, case changes, separators, non-ASCII letters
 * and control characters together.
 */
import { describe, expect, it } from 'vitest';
import { H_ARTICLE_HEADER, H_BIO, H_NAV, H_NEGATIVE, H_RELATED, H_SHARE, HINT_WORDS, hintBits } from './class-hints.js';

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** The rules of class-hints.ts, one word and one position at a time. */
function referenceHintBits(s: string): number {
  if (s.length < 3) return 0;
  // ASCII-lower-case by `| 32` (the same folding hintBits documents); non-ASCII never matches a word.
  let lowered = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    lowered += String.fromCharCode(c < 128 ? c | 32 : 0);
  }
  let bits = 0;
  let share = false;
  for (const [word, e] of HINT_WORDS) {
    for (let at = lowered.indexOf(word); at !== -1; at = lowered.indexOf(word, at + 1)) {
      bits |= e.sub;
      const end = at + word.length;
      if (e.whole !== 0 && (at === 0 || !isLetter(s.charCodeAt(at - 1))) && (end >= s.length || !isLetter(s.charCodeAt(end)))) {
        bits |= e.whole;
      }
      if (word === 'share') share = true;
    }
  }
  // Readability negative `^hid$| hid$| hid |^hid `.
  for (let at = lowered.indexOf('hid'); at !== -1; at = lowered.indexOf('hid', at + 1)) {
    if ((at === 0 || s.charCodeAt(at - 1) === 32) && (at + 3 === s.length || s.charCodeAt(at + 3) === 32)) bits |= H_NEGATIVE;
  }
  if (share && /(\b|_)(share|sharedaddy)(\b|_)/i.test(s)) bits |= H_SHARE;
  if (bits & H_NAV && /(?:entry|post|article|story|content)[-_]header/i.test(s)) bits |= H_ARTICLE_HEADER;
  return bits;
}

/** Deterministic generator (a linear congruential generator), so a failure is reproducible. */
function generator(seed: number): () => number {
  let x = seed;
  return () => {
    x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
    return x / 0x7fffffff;
  };
}

describe('hintBits', () => {
  it('agrees with the one-word-at-a-time reference on generated class strings', () => {
    const words = [...HINT_WORDS.keys()];
    const pieces = [
      ...words,
      'hid',
      'sharedaddy',
      'navsidebar',
      'post-header',
      'x',
      'q',
      '-',
      '_',
      ' ',
      '  ',
      '\t',
      '\n',
      '\u0010',
      '\u0019',
      'é',
      'ı',
      'K',
      '9',
    ];
    const rnd = generator(20240611);
    let checked = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const parts = Math.floor(rnd() * 7);
      for (let j = 0; j < parts; j++) {
        const piece = pieces[Math.floor(rnd() * pieces.length)] ?? '';
        // Cut words and change case now and then, so partial and mixed-case matches are exercised.
        const cut = rnd() < 0.2 ? piece.slice(0, Math.max(1, Math.floor(rnd() * piece.length))) : piece;
        s += rnd() < 0.25 ? cut.toUpperCase() : cut;
      }
      expect(hintBits(s), JSON.stringify(s)).toBe(referenceHintBits(s));
      checked++;
    }
    expect(checked).toBe(20_000);
  });

  it('reports overlapping and adjacent words, and whole words only between non-letters', () => {
    // "sidebar" inside "navsidebar" (overlap with "nav"): substring bits yes, whole-word related no.
    expect(hintBits('navsidebar')).toBe(referenceHintBits('navsidebar'));
    expect(hintBits('navsidebar') & H_RELATED).toBe(0);
    expect(hintBits('nav-sidebar') & (H_RELATED | H_NAV)).toBe(H_RELATED | H_NAV);
    expect(hintBits('AUTHOR_bio') & H_BIO).toBe(H_BIO);
    expect(hintBits('hid')).toBe(H_NEGATIVE);
    expect(hintBits('a hid b') & H_NEGATIVE).toBe(H_NEGATIVE);
    expect(hintBits('ahid') & H_NEGATIVE).toBe(0);
    expect(hintBits('entry-header site-nav') & H_ARTICLE_HEADER).toBe(H_ARTICLE_HEADER);
  });
});
