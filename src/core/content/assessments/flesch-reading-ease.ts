/**
 * Flesch reading ease (English formula), with the grade band.
 * Formula and bands: Flesch (1948), see language/flesch.ts.
 * Threshold source: Yoast SEO's Flesch reading ease assessment (English; in Yoast's readability analysis
 * until 2023, still in its assessor overview): green 9 at ≥ 60 ("fairly easy" to "very easy" and
 * "standard"), orange 6 for 50–59.9 ("fairly difficult"), red 3 below 50. Rank Math scores the same
 * formula (6 points). Words are those with a letter; numbers and URLs are left out; syllables come from
 * language/syllables.ts.
 */
import { type Assessment, type AssessmentOutcome, num, str } from './assessment.js';

export interface FleschDefaults {
  good: number;
  ok: number;
}

export const fleschReadingEaseAssessment: Assessment<FleschDefaults> = {
  meta: {
    id: 'flesch-reading-ease',
    title: 'Flesch reading ease',
    kind: 'readability',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: [],
    english: true,
    defaults: { good: 60, ok: 50 },
    source: 'Flesch 1948 (formula, bands); Yoast Flesch assessment (≥ 60 good, 50–60 ok, < 50 bad)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const f = ctx.text.flesch;
    if (f === null) return { score: 0, messageId: 'flesch-reading-ease.no-text', status: 'not-applicable' };
    const score = Math.round(f.score * 10) / 10;
    const params = { score, band: f.band, grade: f.grade };
    const measured = { score, band: f.band, grade: f.grade, words: f.words, sentences: f.sentences, syllables: f.syllables };
    if (f.score >= ctx.options.good) return { score: 9, messageId: 'flesch-reading-ease.good', params, measured };
    if (f.score >= ctx.options.ok) return { score: 6, messageId: 'flesch-reading-ease.fairly-difficult', params, measured };
    return { score: 3, messageId: 'flesch-reading-ease.difficult', params, measured };
  },
  messages: {
    'flesch-reading-ease.good': (p) =>
      `Flesch reading ease: ${num(p, 'score')} (${str(p, 'band').replace(/-/g, ' ')}, ${str(p, 'grade')}). Good job!`,
    'flesch-reading-ease.fairly-difficult': (p) =>
      `Flesch reading ease: ${num(p, 'score')} (fairly difficult, ${str(p, 'grade')}). Try shorter sentences and shorter words.`,
    'flesch-reading-ease.difficult': (p) =>
      `Flesch reading ease: ${num(p, 'score')} (${str(p, 'band').replace(/-/g, ' ')}, ${str(p, 'grade')}). The text is hard to read; use shorter sentences and shorter words.`,
    'flesch-reading-ease.no-text': () => 'Flesch reading ease: no running text to measure.',
  },
};
