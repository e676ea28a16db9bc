import { describe, expect, it } from 'vitest';
import { GramIndex } from './gram-index.js';
import { HARD_BREAK, KeywordVocabulary, SOFT_BREAK, tokeniseStory } from './keyword-tokens.js';

/** Render a story's tokens as words and break marks: `|` soft, `/` hard. */
function render(title: string | null, body: string | null): string {
  const vocab = new KeywordVocabulary();
  const { tokens } = tokeniseStory(vocab, title, body);
  return [...tokens].map((t) => (t === SOFT_BREAK ? '|' : t === HARD_BREAK ? '/' : vocab.terms[t])).join(' ');
}

describe('tokeniseStory', () => {
  it('lower-cases words and ends sentences with hard breaks', () => {
    expect(render(null, 'Link building works. It takes time!')).toBe('link building works / it takes time');
  });

  it('breaks softly at commas, brackets, quotes, numbers, URLs, mentions and hashtags', () => {
    expect(render(null, 'tools, budgets (and) goals')).toBe('tools | budgets | and | goals');
    expect(render(null, 'in 2024 we grew')).toBe('in | we grew');
    expect(render(null, 'see https://example.com/a for more')).toBe('see | for more');
    expect(render(null, 'ask @bob about #seo today')).toBe('ask | about | today');
    expect(render(null, 'a “quoted” word')).toBe('a | quoted | word');
  });

  it('treats letters glued to a number and dotted abbreviations as breaks', () => {
    expect(render(null, 'grow 10x faster')).toBe('grow | faster');
    expect(render(null, 'tools e.g. crawlers')).toBe('tools | crawlers');
  });

  it('keeps hyphenated compounds as one run of terms and drops clitics without a break', () => {
    expect(render(null, 'link-building tips')).toBe('link building tips');
    expect(render(null, 'link–building tips')).toBe('link building tips');
    expect(render(null, "Google's new guide isn't short")).toBe('google new guide is short');
    // A dash with spaces around it is punctuation, not a compound.
    expect(render(null, 'links — and more')).toBe('links | and more');
  });

  it('puts the title first, then a hard break, then the body; line breaks are hard breaks', () => {
    const vocab = new KeywordVocabulary();
    const tok = tokeniseStory(vocab, 'Link   Building\n101 guide', 'First line\nSecond line');
    expect([...tok.tokens].map((t) => (t < 0 ? t : vocab.terms[t]))).toEqual([
      'link',
      'building',
      -1,
      'guide',
      HARD_BREAK,
      'first',
      'line',
      HARD_BREAK,
      'second',
      'line',
    ]);
    expect(tok.bodyStart).toBe(5);
    expect(tok.words).toBe(7);
    expect(tokeniseStory(vocab, null, 'Body only.').bodyStart).toBe(0);
    const titleOnly = tokeniseStory(vocab, 'Just a title', null);
    expect(titleOnly.bodyStart).toBe(titleOnly.tokens.length);
  });

  it('interns word forms to one stem and flags function words', () => {
    const vocab = new KeywordVocabulary();
    const { tokens } = tokeniseStory(vocab, null, 'backlinks and a backlink');
    const [a, and, , b] = [...tokens] as number[];
    expect(vocab.terms[a as number]).toBe('backlinks');
    expect(vocab.stemOf[a as number]).toBe(vocab.stemOf[b as number]);
    expect(vocab.stems[vocab.stemOf[a as number] as number]).toBe('backlink');
    expect(vocab.functionWord[and as number]).toBe(1);
    expect(vocab.functionWord[a as number]).toBe(0);
  });

  it('returns no tokens for empty input', () => {
    const tok = tokeniseStory(new KeywordVocabulary(), null, '  ');
    expect(tok.tokens.length).toBe(0);
    expect(tok.words).toBe(0);
  });
});

describe('GramIndex', () => {
  it('finds what it added, keeps dense ids in insertion order, and grows', () => {
    const index = new GramIndex(4);
    const added: number[] = [];
    for (let a = 1; a <= 200; a++) added.push(index.add(a, a % 7, a % 3 === 0 ? 0 : a + 1));
    expect(added).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect(index.size).toBe(200);
    for (let a = 1; a <= 200; a++) expect(index.find(a, a % 7, a % 3 === 0 ? 0 : a + 1)).toBe(a - 1);
    expect(index.add(5, 5, 6)).toBe(4);
    expect(index.find(5, 5, 7)).toBe(-1);
    expect(index.words(index.add(9, 0, 0))).toBe(1);
    expect(index.words(index.add(9, 4, 0))).toBe(2);
    expect(index.words(index.add(9, 4, 2))).toBe(3);
    index.clear();
    expect(index.size).toBe(0);
    expect(index.find(1, 1, 2)).toBe(-1);
  });
});
