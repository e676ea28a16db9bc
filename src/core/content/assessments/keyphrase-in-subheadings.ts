/**
 * Keyphrase in subheadings: H2/H3 subheadings should reflect the topic.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "5) Keyphrase in subheadings"): a
 * subheading reflects the topic when it holds at least half of the keyphrase's (or a synonym's) content
 * words. Green 9 for 30–75 % of H2/H3 subheadings, or for the only one; red 3 under 30 % or over 75 %;
 * no subheadings: green 9 when the text has ≤ 300 words, red 2 when longer; red 1 with no keyphrase or text.
 */
import { shareOfWords, unitOfSentences } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, num, ratio100 } from './assessment.js';

export interface SubheadingKeyphraseDefaults {
  levels: readonly number[];
  minPercent: number;
  maxPercent: number;
  shortTextWords: number;
  matchShare: number;
}

export const keyphraseInSubheadings: Assessment<SubheadingKeyphraseDefaults> = {
  meta: {
    id: 'keyphrase-in-subheadings',
    title: 'Keyphrase in subheadings',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: { levels: [2, 3], minPercent: 30, maxPercent: 75, shortTextWords: 300, matchShare: 0.5 },
    source: 'Yoast SEO scoring docs: SubHeadingsKeywordAssessment (30–75 % of H2/H3; ≤ 300 words without subheadings)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const o = ctx.options;
    if (k === null || ctx.text.wordCount === 0) return { score: 1, messageId: 'keyphrase-in-subheadings.no-input' };
    const subs = ctx.text.blocks.filter((b) => b.kind === 'heading' && o.levels.includes(b.level));
    if (subs.length === 0) {
      const measured = { subheadings: 0, words: ctx.text.wordCount };
      if (ctx.text.wordCount <= o.shortTextWords) return { score: 9, messageId: 'keyphrase-in-subheadings.short-text', measured };
      return { score: 2, messageId: 'keyphrase-in-subheadings.none', measured };
    }
    const phrases = [k, ...(ctx.synonyms ?? [])];
    let reflecting = 0;
    for (const h of subs) {
      const unit = unitOfSentences(h.sentences);
      if (phrases.some((p) => shareOfWords(p, unit) >= o.matchShare)) reflecting++;
    }
    const pct = ratio100(reflecting, subs.length);
    const measured = { subheadings: subs.length, reflecting, percent: Math.round(pct * 10) / 10 };
    const params = { reflecting, total: subs.length };
    if (subs.length === 1 && reflecting === 1) return { score: 9, messageId: 'keyphrase-in-subheadings.good', params, measured };
    if (pct < o.minPercent) return { score: 3, messageId: 'keyphrase-in-subheadings.too-few', params, measured };
    if (pct > o.maxPercent) return { score: 3, messageId: 'keyphrase-in-subheadings.too-many', params, measured };
    return { score: 9, messageId: 'keyphrase-in-subheadings.good', params, measured };
  },
  messages: {
    'keyphrase-in-subheadings.good': (p) =>
      `Keyphrase in subheadings: ${num(p, 'reflecting')} of ${num(p, 'total')} higher-level subheadings reflect the topic of your copy. Good job!`,
    'keyphrase-in-subheadings.too-few': (p) =>
      `Keyphrase in subheadings: only ${num(p, 'reflecting')} of ${num(p, 'total')} H2/H3 subheadings reflect the topic. Use the keyphrase or synonyms in more of them.`,
    'keyphrase-in-subheadings.too-many': (p) =>
      `Keyphrase in subheadings: ${num(p, 'reflecting')} of ${num(p, 'total')} H2/H3 subheadings repeat the keyphrase, more than 75 %. Don't over-optimise.`,
    'keyphrase-in-subheadings.none': () =>
      'Keyphrase in subheadings: the text is long but has no H2/H3 subheadings with the keyphrase or its synonyms. Add some.',
    'keyphrase-in-subheadings.short-text': () =>
      'Keyphrase in subheadings: no H2/H3 subheadings, but the text is short enough not to need them.',
    'keyphrase-in-subheadings.no-input': () => 'Keyphrase in subheadings: add both a keyphrase and some text to get feedback.',
  },
};
