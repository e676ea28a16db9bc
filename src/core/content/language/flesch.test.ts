/**
 * Flesch reading ease against reference values computed by hand.
 *
 * Text A: "The cat sat on the mat. It was a sunny day."
 *   words 6 + 5 = 11; sentences 2; syllables: the cat sat on the mat = 6, it was a sun·ny day = 6 → 12.
 *   FRE = 206.835 − 1.015 × (11 / 2) − 84.6 × (12 / 11)
 *       = 206.835 − 5.5825 − 92.290909… = 108.961591  → very easy (5th grade).
 * Text B: "Readability formulas estimate comprehension difficulty. Professional documentation frequently
 *          contains complicated terminology."
 *   words 5 + 6 = 11; sentences 2; syllables: read·a·bil·i·ty 5, for·mu·las 3, es·ti·mate 3,
 *   com·pre·hen·sion 4, dif·fi·cul·ty 4 = 19; pro·fes·sion·al 4, doc·u·men·ta·tion 5, fre·quent·ly 3,
 *   con·tains 2, com·pli·cat·ed 4, ter·mi·nol·o·gy 5 = 23 → 42.
 *   FRE = 206.835 − 1.015 × 5.5 − 84.6 × (42 / 11) = 206.835 − 5.5825 − 323.018182 = −121.765682
 *   → very difficult (college graduate).
 * Text C: "Search engines reward pages that answer questions clearly. Writers should keep their sentences short."
 *   words 8 + 6 = 14; sentences 2; syllables: search 1, en·gines 2, re·ward 2, pag·es 2, that 1,
 *   an·swer 2, ques·tions 2, clear·ly 2 = 14; writ·ers 2, should 1, keep 1, their 1, sen·tenc·es 3,
 *   short 1 = 9 → 23.
 *   FRE = 206.835 − 1.015 × 7 − 84.6 × (23 / 14) = 206.835 − 7.105 − 138.985714 = 60.744286 → standard.
 */
import { describe, expect, it } from 'vitest';
import { draft } from '../content.test-support.js';
import { FLESCH_BANDS, fleschBand, fleschReadingEase } from './flesch.js';
import { analyseDocument } from './text-analysis.js';

const A = 'The cat sat on the mat. It was a sunny day.';
const B = 'Readability formulas estimate comprehension difficulty. Professional documentation frequently contains complicated terminology.';
const C = 'Search engines reward pages that answer questions clearly. Writers should keep their sentences short.';

describe('fleschReadingEase (formula)', () => {
  it('computes the published formula from counts', () => {
    expect(fleschReadingEase(11, 2, 12)?.score).toBeCloseTo(108.961591, 5);
    expect(fleschReadingEase(11, 2, 42)?.score).toBeCloseTo(-121.765682, 5);
    expect(fleschReadingEase(14, 2, 23)?.score).toBeCloseTo(60.744286, 5);
    expect(fleschReadingEase(100, 5, 150)?.score).toBeCloseTo(206.835 - 1.015 * 20 - 84.6 * 1.5, 9);
  });

  it('is null without words or sentences', () => {
    expect(fleschReadingEase(0, 1, 0)).toBeNull();
    expect(fleschReadingEase(5, 0, 5)).toBeNull();
  });

  it('maps scores to Flesch 1948 bands at and around each boundary', () => {
    expect(fleschBand(100).band).toBe('very-easy');
    expect(fleschBand(90).band).toBe('very-easy');
    expect(fleschBand(89.99).band).toBe('easy');
    expect(fleschBand(80).band).toBe('easy');
    expect(fleschBand(79.9).band).toBe('fairly-easy');
    expect(fleschBand(70).band).toBe('fairly-easy');
    expect(fleschBand(69.9).band).toBe('standard');
    expect(fleschBand(60).band).toBe('standard');
    expect(fleschBand(59.9).band).toBe('fairly-difficult');
    expect(fleschBand(50).band).toBe('fairly-difficult');
    expect(fleschBand(49.9).band).toBe('difficult');
    expect(fleschBand(30).band).toBe('difficult');
    expect(fleschBand(29.9).band).toBe('very-difficult');
    expect(fleschBand(-50)).toEqual({ band: 'very-difficult', grade: 'college graduate' });
    expect(fleschBand(60).grade).toBe('8th–9th grade');
    expect(FLESCH_BANDS).toHaveLength(7);
  });
});

describe('Flesch over a parsed text (tokenizer + sentences + syllables)', () => {
  it.each([
    ['A', A, 11, 2, 12, 108.961591, 'very-easy'],
    ['B', B, 11, 2, 42, -121.765682, 'very-difficult'],
    ['C', C, 14, 2, 23, 60.744286, 'standard'],
  ])('text %s gives the hand-computed counts and score', (_name, text, words, sentences, syllables, score, band) => {
    const f = analyseDocument(draft(text)).flesch;
    expect(f).not.toBeNull();
    expect(f?.words).toBe(words);
    expect(f?.sentences).toBe(sentences);
    expect(f?.syllables).toBe(syllables);
    expect(f?.score).toBeCloseTo(score, 5);
    expect(f?.band).toBe(band);
  });

  it('leaves headings and code out and counts each paragraph as its own sentences', () => {
    const f = analyseDocument(
      draft(`# A very long heading about complicated terminology\n\n${A}\n\n\`\`\`\ncomplicated terminology everywhere\n\`\`\`\n`),
    ).flesch;
    expect(f?.words).toBe(11);
    expect(f?.syllables).toBe(12);
  });
});
