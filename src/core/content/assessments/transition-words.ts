/**
 * Transition words: share of sentences with a transition word or phrase.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "6) Transition words"): only
 * for texts of more than 200 words — green 9 at ≥ 30 % of sentences, orange 6 for 20–30 %, red 3 under
 * 20 % (and with none at all); shorter texts are green. Word list: language/transition-words.ts.
 */
import { findTransition } from '../language/transition-words.js';
import { type Assessment, type AssessmentOutcome, num, percent, ratio100 } from './assessment.js';

export interface TransitionDefaults {
  minWords: number;
  goodPercent: number;
  okPercent: number;
}

export const transitionWords: Assessment<TransitionDefaults> = {
  meta: {
    id: 'transition-words',
    title: 'Transition words',
    kind: 'readability',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: true,
    defaults: { minWords: 200, goodPercent: 30, okPercent: 20 },
    source: 'Yoast SEO readability docs: TransitionWordsAssessment (> 200 words; 30 % / 20 %)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const sentences = ctx.text.proseSentences;
    const o = ctx.options;
    let withTransition = 0;
    for (const s of sentences) if (findTransition(s.terms) !== null) withTransition++;
    const share = ratio100(withTransition, sentences.length);
    const measured = {
      sentences: sentences.length,
      withTransition,
      percent: percent(withTransition, sentences.length),
      words: ctx.text.wordCount,
    };
    if (ctx.text.wordCount <= o.minWords) {
      return { score: 9, messageId: withTransition > 0 ? 'transition-words.good' : 'transition-words.short-text', measured };
    }
    const params = { percent: percent(withTransition, sentences.length), min: o.goodPercent };
    if (share >= o.goodPercent) return { score: 9, messageId: 'transition-words.good', params, measured };
    if (share >= o.okPercent) return { score: 6, messageId: 'transition-words.few', params, measured };
    if (withTransition === 0) return { score: 3, messageId: 'transition-words.none', params, measured };
    return { score: 3, messageId: 'transition-words.too-few', params, measured };
  },
  messages: {
    'transition-words.good': () => 'Transition words: well done!',
    'transition-words.short-text': () =>
      "Transition words: you are not using any, but the text is short enough that it probably doesn't need them.",
    'transition-words.few': (p) =>
      `Transition words: only ${num(p, 'percent')} % of the sentences contain them (aim for ${num(p, 'min')} %). Use more.`,
    'transition-words.too-few': (p) =>
      `Transition words: only ${num(p, 'percent')} % of the sentences contain them (aim for ${num(p, 'min')} %). This is not enough; use more.`,
    'transition-words.none': () => 'Transition words: none of the sentences contain transition words. Use some.',
  },
};
