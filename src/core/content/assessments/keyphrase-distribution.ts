/**
 * Keyphrase distribution: the keyphrase should appear throughout the text, not in one place.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "11) Keyphrase distribution", Premium):
 * for texts of 15+ sentences, score = longest run of consecutive sentences without the keyphrase or a
 * synonym ÷ number of sentences; green 9 below 0.3, orange 6 from 0.3 to 0.5, red 1 above 0.5. Shorter
 * texts are green when the keyphrase occurs at all; red 1 when it never does (or no keyphrase).
 * Sentences are the running-text sentences (paragraphs, list items, quotes).
 */
import { containsKeyphrase } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface DistributionDefaults {
  minSentences: number;
  goodBelow: number;
  okUpTo: number;
}

export const keyphraseDistribution: Assessment<DistributionDefaults> = {
  meta: {
    id: 'keyphrase-distribution',
    title: 'Keyphrase distribution',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: { minSentences: 15, goodBelow: 0.3, okUpTo: 0.5 },
    source: 'Yoast SEO scoring docs: KeyphraseDistribution (< 0.3 / 0.3–0.5 / > 0.5 over 15+ sentences)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const sentences = ctx.text.proseSentences;
    if (k === null || sentences.length === 0) return { score: 1, messageId: 'keyphrase-distribution.no-input' };
    const phrases = [k, ...(ctx.synonyms ?? [])];
    let found = 0;
    let run = 0;
    let longest = 0;
    for (const s of sentences) {
      if (phrases.some((p) => containsKeyphrase(p, s))) {
        found++;
        run = 0;
      } else {
        run++;
        longest = Math.max(longest, run);
      }
    }
    const o = ctx.options;
    const score = longest / sentences.length;
    const measured = { sentences: sentences.length, withKeyphrase: found, longestGap: longest, score: Math.round(score * 1000) / 1000 };
    if (found === 0) return { score: 1, messageId: 'keyphrase-distribution.not-found', measured };
    if (sentences.length < o.minSentences) return { score: 9, messageId: 'keyphrase-distribution.good', measured };
    const params = { gap: longest, sentences: sentences.length };
    if (score < o.goodBelow) return { score: 9, messageId: 'keyphrase-distribution.good', params, measured };
    if (score <= o.okUpTo) return { score: 6, messageId: 'keyphrase-distribution.uneven', params, measured };
    return { score: 1, messageId: 'keyphrase-distribution.very-uneven', params, measured };
  },
  messages: {
    'keyphrase-distribution.good': () => 'Keyphrase distribution: good job!',
    'keyphrase-distribution.uneven': (p) =>
      `Keyphrase distribution: uneven — ${num(p, 'gap')} sentences in a row (of ${num(p, 'sentences')}) go without the keyphrase or its synonyms. Distribute them more evenly.`,
    'keyphrase-distribution.very-uneven': (p) =>
      `Keyphrase distribution: very uneven — ${num(p, 'gap')} sentences in a row (of ${num(p, 'sentences')}) go without the keyphrase or its synonyms. Distribute them more evenly.`,
    'keyphrase-distribution.not-found': () => 'Keyphrase distribution: the keyphrase and its synonyms do not occur in the text.',
    'keyphrase-distribution.no-input': () => 'Keyphrase distribution: add both a keyphrase and some text that contains it.',
  },
};
