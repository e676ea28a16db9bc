/**
 * Keyphrase length, in content words (function words do not count).
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "2) Keyphrase length"), English (a
 * language with function-word support): green 9 for 1–4 content words, orange 6 for 5–8, red 3 above 8;
 * no keyphrase at all is red with score −999, which pulls the overall SEO score to 0 ("set a focus
 * keyphrase in order to calculate your SEO score").
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface KeyphraseLengthDefaults {
  recommendedMax: number;
  acceptableMax: number;
}

export const keyphraseLength: Assessment<KeyphraseLengthDefaults> = {
  meta: {
    id: 'keyphrase-length',
    title: 'Keyphrase length',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: ['keyphrase'],
    english: false,
    defaults: { recommendedMax: 4, acceptableMax: 8 },
    source: 'Yoast SEO scoring docs: KeyphraseLengthAssessment (1–4 / 5–8 / >8; −999 without keyphrase)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null) return { score: -999, messageId: 'keyphrase-length.missing', measured: { words: 0 } };
    const words = k.content.length;
    const { recommendedMax, acceptableMax } = ctx.options;
    const params = { words, max: recommendedMax };
    const measured = { words, contentWords: k.content, allWords: k.terms.length };
    if (words <= recommendedMax) return { score: 9, messageId: 'keyphrase-length.good', params, measured };
    if (words <= acceptableMax) return { score: 6, messageId: 'keyphrase-length.long', params, measured };
    return { score: 3, messageId: 'keyphrase-length.too-long', params, measured };
  },
  messages: {
    'keyphrase-length.good': () => 'Keyphrase length: good job!',
    'keyphrase-length.long': (p) =>
      `Keyphrase length: the keyphrase has ${num(p, 'words')} content words, more than the recommended maximum of ${num(p, 'max')}. Make it shorter.`,
    'keyphrase-length.too-long': (p) =>
      `Keyphrase length: the keyphrase has ${num(p, 'words')} content words, far more than the recommended maximum of ${num(p, 'max')}. Make it shorter.`,
    'keyphrase-length.missing': () => 'Keyphrase length: no focus keyphrase was set. Set one to get an SEO score.',
  },
};
