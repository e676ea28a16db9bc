/**
 * Content length, Rank Math's way: longer content by default.
 * Threshold source: Rank Math content analysis, "Content Length" test (8 points; Rank Math help "Content
 * length": the test fails under 600 words, and its scale tops out at 2,500 words — the recommended range
 * is 600–2,500). Here: red 3 under 600 words, green 9 from 600; `share` reports how far toward the
 * 2,500-word top of the scale the text is.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface RankMathContentLengthDefaults {
  min: number;
  top: number;
}

export const rankmathContentLength: Assessment<RankMathContentLengthDefaults> = {
  meta: {
    id: 'rankmath-content-length',
    title: 'Content length (Rank Math)',
    kind: 'seo',
    profiles: ['rankmath'],
    requires: [],
    english: false,
    defaults: { min: 600, top: 2500 },
    source: 'Rank Math content analysis: Content Length (fails < 600 words; scale to 2,500)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const words = ctx.text.wordCount;
    const o = ctx.options;
    const share = Math.min(1, words / o.top);
    const params = { words, min: o.min, top: o.top };
    const measured = { words, share: Math.round(share * 100) / 100 };
    if (words < o.min) return { score: 3, messageId: 'rankmath-content-length.too-short', params, measured };
    return { score: 9, messageId: 'rankmath-content-length.good', params, measured };
  },
  messages: {
    'rankmath-content-length.good': (p) =>
      `Content length: ${num(p, 'words')} words (Rank Math recommends ${num(p, 'min')}–${num(p, 'top')}). Good job!`,
    'rankmath-content-length.too-short': (p) => `Content length: ${num(p, 'words')} words. Rank Math recommends at least ${num(p, 'min')}.`,
  },
};
