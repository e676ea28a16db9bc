/**
 * Readability assessments at and around each threshold (Yoast readability docs; Flesch 1948).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { draft, paragraph, resetWords, runOne, sentence } from '../content.test-support.js';

beforeEach(() => resetWords());

describe('flesch-reading-ease', () => {
  const id = 'flesch-reading-ease';
  // Hand-computed in language/flesch.test.ts: A = 108.96, C = 60.74, B = −121.77.
  const A = 'The cat sat on the mat. It was a sunny day.';
  const B =
    'Readability formulas estimate comprehension difficulty. Professional documentation frequently contains complicated terminology.';
  const C = 'Search engines reward pages that answer questions clearly. Writers should keep their sentences short.';
  it('scores the default bands: ≥ 60 green, 50–60 orange, < 50 red', () => {
    expect(runOne(draft(A), id).rawScore).toBe(9);
    const c = runOne(draft(C), id);
    expect([c.rawScore, c.params.score, c.params.band, c.params.grade]).toEqual([9, 60.7, 'standard', '8th–9th grade']);
    expect(runOne(draft(B), id).rawScore).toBe(3);
  });
  it('switches exactly at the thresholds (60.74 against moved limits)', () => {
    expect(runOne(draft(C), id, { overrides: { [id]: { good: 60.74 } } }).rawScore).toBe(9);
    expect(runOne(draft(C), id, { overrides: { [id]: { good: 60.75 } } }).rawScore).toBe(6);
    expect(runOne(draft(C), id, { overrides: { [id]: { good: 70, ok: 60.74 } } }).rawScore).toBe(6);
    expect(runOne(draft(C), id, { overrides: { [id]: { good: 70, ok: 60.75 } } }).rawScore).toBe(3);
  });
  it('is not applicable without prose and for a non-English text', () => {
    expect(runOne(draft('# Heading only'), id).status).toBe('not-applicable');
    const r = runOne(draft(A), id, { locale: 'de' });
    expect([r.status, r.messageId]).toEqual(['not-applicable', 'content.language-unsupported']);
  });
});

describe('subheading-distribution', () => {
  const id = 'subheading-distribution';
  it('without subheadings: green up to 300 words, red 2 above', () => {
    expect(runOne(draft(paragraph(300)), id).rawScore).toBe(9);
    expect(runOne(draft(paragraph(301)), id).rawScore).toBe(2);
  });
  it('with subheadings: a section of ≤ 300 words is green, 301–350 orange, > 350 red', () => {
    const doc = (n: number) => draft(`${paragraph(100)}\n\n## Section\n\n${paragraph(n)}\n\n## Other\n\n${paragraph(50)}`);
    expect(runOne(doc(300), id).rawScore).toBe(9);
    expect(runOne(doc(301), id).rawScore).toBe(6);
    expect(runOne(doc(350), id).rawScore).toBe(6);
    expect(runOne(doc(351), id).rawScore).toBe(3);
  });
  it('judges the text before the first subheading too', () => {
    const r = runOne(draft(`${paragraph(320)}\n\n## Section\n\n${paragraph(50)}`), id);
    expect([r.rawScore, r.params.beginning, r.measured.beginningTooLong]).toEqual([6, true, true]);
  });
  it('does not count H1 as a subheading', () => {
    expect(runOne(draft(`# Title\n\n${paragraph(301)}`), id).rawScore).toBe(2);
  });
});

describe('paragraph-length', () => {
  const id = 'paragraph-length';
  it.each([
    [150, 9],
    [151, 6],
    [200, 6],
    [201, 3],
  ])('longest paragraph of %i words → %i', (n, raw) => {
    const r = runOne(draft(`${paragraph(40)}\n\n${paragraph(n)}`), id);
    expect(r.rawScore).toBe(raw);
    expect(r.measured.longest).toBe(n);
  });
  it('does not count list items as paragraphs', () => {
    expect(runOne(draft(`- ${paragraph(250)}`), id).status).toBe('not-applicable');
  });
});

describe('sentence-length', () => {
  const id = 'sentence-length';
  /** `n` sentences, `long` of them 21 words, the others 20 words (20 is not long). */
  const text = (n: number, long: number) => draft(Array.from({ length: n }, (_, i) => sentence(i < long ? 21 : 20)).join(' '));
  it('is green at ≤ 25 % long sentences, orange up to 30 %, red above', () => {
    expect(runOne(text(4, 0), id).rawScore).toBe(9);
    expect(runOne(text(4, 1), id).rawScore).toBe(9); // 25 %
    expect(runOne(text(50, 13), id).rawScore).toBe(6); // 26 %
    expect(runOne(text(10, 3), id).rawScore).toBe(6); // 30 %
    expect(runOne(text(13, 4), id).rawScore).toBe(3); // 30.8 %
  });
  it('reports the measured share', () => {
    expect(runOne(text(10, 3), id).measured).toMatchObject({ sentences: 10, long: 3, percent: 30 });
  });
});

describe('consecutive-sentences', () => {
  const id = 'consecutive-sentences';
  it('is red when 3 sentences in a row start with the same word, green for 2', () => {
    expect(runOne(draft('Cats purr. Cats sleep. Dogs bark.'), id).rawScore).toBe(9);
    const r = runOne(draft('Cats purr. Cats sleep. Cats eat. Dogs bark.'), id);
    expect([r.rawScore, r.params.words]).toEqual([3, ['cats']]);
  });
  it('reads "the X" openers as two words', () => {
    expect(runOne(draft('The cat purrs. The dog barks. The bird sings.'), id).rawScore).toBe(9);
    expect(runOne(draft('The cat purrs. The cat sleeps. The cat eats.'), id).rawScore).toBe(3);
  });
});

describe('passive-voice', () => {
  const id = 'passive-voice';
  const PASSIVE = 'The lamp was broken by the wind.';
  /** `n` sentences, `passive` of them passive. */
  const text = (n: number, passive: number) => draft(Array.from({ length: n }, (_, i) => (i < passive ? PASSIVE : sentence(6))).join(' '));
  it('is green at ≤ 10 %, orange up to 15 %, red above', () => {
    expect(runOne(text(20, 2), id).rawScore).toBe(9); // 10 %
    expect(runOne(text(20, 3), id).rawScore).toBe(6); // 15 %
    expect(runOne(text(20, 4), id).rawScore).toBe(3); // 20 %
    expect(runOne(text(30, 4), id).rawScore).toBe(6); // 13.3 %
  });
  it('lists the participles found', () => {
    expect(runOne(text(10, 1), id).measured).toMatchObject({ passive: 1, participles: ['broken'] });
  });
});

describe('transition-words', () => {
  const id = 'transition-words';
  /** `n` sentences of 11 words, `withTransition` of them starting with "However". */
  const text = (n: number, withTransition: number) =>
    draft(Array.from({ length: n }, (_, i) => (i < withTransition ? `However, ${sentence(10).toLowerCase()}` : sentence(11))).join(' '));
  it('only judges texts of more than 200 words', () => {
    expect(runOne(draft(paragraph(200)), id).messageId).toBe(`${id}.short-text`);
    expect(runOne(draft(paragraph(200)), id).rawScore).toBe(9);
  });
  it('is green at ≥ 30 %, orange from 20 %, red below (220 words)', () => {
    expect(runOne(text(20, 6), id).rawScore).toBe(9); // 30 %
    expect(runOne(text(20, 5), id).rawScore).toBe(6); // 25 %
    expect(runOne(text(20, 4), id).rawScore).toBe(6); // 20 %
    expect(runOne(text(20, 3), id).rawScore).toBe(3); // 15 %
    expect(runOne(text(20, 0), id).messageId).toBe(`${id}.none`);
  });
});

describe('text-presence', () => {
  it('is red under 50 characters and green from 50', () => {
    expect(runOne(draft('x'.repeat(49)), 'text-presence').rawScore).toBe(3);
    expect(runOne(draft('x'.repeat(50)), 'text-presence').rawScore).toBe(9);
  });
});
