/**
 * Keyphrase density: how often the keyphrase (all its content words, in any of their forms, within one
 * sentence) occurs per 100 words of text.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "3) Keyphrase density"):
 *   texts of 100+ words: green 9 for 0.5 ≤ density ≤ 3 % (≤ 3.5 % when word forms are matched — always
 *   here unless the keyphrase is quoted), red 4 below 0.5 %, red −10 above the upper bound up to 4 %,
 *   red −50 above 4 %;
 *   texts of 51–99 words: green for 1–2 occurrences, −10 for 3, −50 for 4+;
 *   texts of ≤ 50 words: green for 1, −10 for 2, −50 for 3+;
 *   red 4 when the keyphrase is not found, −50 with no text.
 * Yoast's newer step model for the recommended counts ("step size 214 words for 1-word keyphrases") is
 * not public in full; the plain density bounds above are what its docs state.
 */
import { countMatches } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface KeyphraseDensityDefaults {
  minPercent: number;
  maxPercent: number;
  maxPercentWordForms: number;
  wayTooHighPercent: number;
}

export const keyphraseDensity: Assessment<KeyphraseDensityDefaults> = {
  meta: {
    id: 'keyphrase-density',
    title: 'Keyphrase density',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase'],
    english: false,
    defaults: { minPercent: 0.5, maxPercent: 3, maxPercentWordForms: 3.5, wayTooHighPercent: 4 },
    source: 'Yoast SEO scoring docs: KeywordDensityAssessment (0.5–3 %, 3.5 % with word forms; −10 / −50 penalties)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const words = ctx.text.wordCount;
    if (k === null || words === 0) return { score: -50, messageId: 'keyphrase-density.no-input', measured: { words, matches: 0 } };
    let matches = 0;
    for (const s of ctx.text.sentences) matches += countMatches(k, s);
    const o = ctx.options;
    const upper = k.exact ? o.maxPercent : o.maxPercentWordForms;
    const density = (matches * 100) / words;
    const recommendedMin = words >= 100 ? Math.max(1, Math.ceil((o.minPercent / 100) * words)) : 1;
    const recommendedMax = words >= 100 ? Math.max(1, Math.floor((upper / 100) * words)) : words > 50 ? 2 : 1;
    const measured = { matches, words, density: Math.round(density * 100) / 100, recommendedMin, recommendedMax, upperPercent: upper };
    const params = { count: matches, min: recommendedMin, max: recommendedMax, density: Math.round(density * 10) / 10 };
    if (matches === 0) return { score: 4, messageId: 'keyphrase-density.not-found', params, measured };
    if (words >= 100) {
      if (density > o.wayTooHighPercent) return { score: -50, messageId: 'keyphrase-density.way-too-high', params, measured };
      if (density > upper) return { score: -10, messageId: 'keyphrase-density.too-high', params, measured };
      if (density < o.minPercent) return { score: 4, messageId: 'keyphrase-density.too-low', params, measured };
      return { score: 9, messageId: 'keyphrase-density.good', params, measured };
    }
    // Short texts use counts (Yoast: 51–99 words → 1–2 fine; ≤ 50 words → 1 fine).
    const okMax = words > 50 ? 2 : 1;
    if (matches > okMax + 1) return { score: -50, messageId: 'keyphrase-density.way-too-high', params, measured };
    if (matches > okMax) return { score: -10, messageId: 'keyphrase-density.too-high', params, measured };
    return { score: 9, messageId: 'keyphrase-density.good', params, measured };
  },
  messages: {
    'keyphrase-density.good': (p) =>
      `Keyphrase density: the keyphrase was found ${num(p, 'count')} times (${num(p, 'density')} %). This is great!`,
    'keyphrase-density.not-found': (p) =>
      `Keyphrase density: the keyphrase was found 0 times, less than the recommended minimum of ${num(p, 'min')} for a text of this length. Focus on your keyphrase.`,
    'keyphrase-density.too-low': (p) =>
      `Keyphrase density: the keyphrase was found ${num(p, 'count')} times, less than the recommended minimum of ${num(p, 'min')} for a text of this length. Focus on your keyphrase.`,
    'keyphrase-density.too-high': (p) =>
      `Keyphrase density: the keyphrase was found ${num(p, 'count')} times, more than the recommended maximum of ${num(p, 'max')} for a text of this length. Don't over-optimise.`,
    'keyphrase-density.way-too-high': (p) =>
      `Keyphrase density: the keyphrase was found ${num(p, 'count')} times, far more than the recommended maximum of ${num(p, 'max')} for a text of this length. Don't over-optimise.`,
    'keyphrase-density.no-input': () => 'Keyphrase density: add both a keyphrase and some text that contains it.',
  },
};
