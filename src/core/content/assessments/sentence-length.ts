/**
 * Sentence length: share of long sentences.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "3) Sentence length"),
 * English default: a sentence is long above 20 words; green 9 when ≤ 25 % of sentences are long,
 * orange 6 for 25–30 %, red 3 above 30 %.
 */
import { type Assessment, type AssessmentOutcome, num, percent, ratio100 } from './assessment.js';

export interface SentenceLengthDefaults {
  maxWords: number;
  goodPercent: number;
  okPercent: number;
}

export const sentenceLength: Assessment<SentenceLengthDefaults> = {
  meta: {
    id: 'sentence-length',
    title: 'Sentence length',
    kind: 'readability',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: { maxWords: 20, goodPercent: 25, okPercent: 30 },
    source: 'Yoast SEO readability docs: SentenceLengthInTextAssessment (> 20 words; 25 % / 30 %)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const o = ctx.options;
    const sentences = ctx.text.proseSentences;
    if (sentences.length === 0) return { score: 0, messageId: 'sentence-length.no-text', status: 'not-applicable' };
    const long = sentences.filter((s) => s.words.length > o.maxWords).length;
    const share = ratio100(long, sentences.length);
    const params = { percent: percent(long, sentences.length), maxWords: o.maxWords, maxPercent: o.goodPercent };
    const measured = { sentences: sentences.length, long, percent: percent(long, sentences.length) };
    if (share <= o.goodPercent) return { score: 9, messageId: 'sentence-length.good', params, measured };
    if (share <= o.okPercent) return { score: 6, messageId: 'sentence-length.long', params, measured };
    return { score: 3, messageId: 'sentence-length.too-long', params, measured };
  },
  messages: {
    'sentence-length.good': () => 'Sentence length: great!',
    'sentence-length.long': (p) =>
      `Sentence length: ${num(p, 'percent')} % of the sentences have more than ${num(p, 'maxWords')} words, above the recommended maximum of ${num(p, 'maxPercent')} %. Shorten some.`,
    'sentence-length.too-long': (p) =>
      `Sentence length: ${num(p, 'percent')} % of the sentences have more than ${num(p, 'maxWords')} words, well above the recommended maximum of ${num(p, 'maxPercent')} %. Shorten them.`,
    'sentence-length.no-text': () => 'Sentence length: no sentences to check.',
  },
};
