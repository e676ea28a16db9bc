/**
 * Keyphrase in introduction: the topic should be clear from the first paragraph.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", Yoast/wordpress-seo
 * packages/yoastseo/src/scoring/assessments/scoringDocumentation, "1) Keyphrase in introduction"):
 * green 9 when all content words of the keyphrase or a synonym are in one sentence of the first paragraph,
 * orange 6 when they are all in the first paragraph but spread over sentences, red 3 otherwise
 * (also red 3 with no keyphrase or no text).
 */
import { containsKeyphrase, unitOfSentences } from '../language/keyphrase.js';
import { PROSE_KINDS } from '../language/text-analysis.js';
import { type Assessment, type AssessmentOutcome, str } from './assessment.js';

export const keyphraseInIntroduction: Assessment = {
  meta: {
    id: 'keyphrase-in-introduction',
    title: 'Keyphrase in introduction',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: IntroductionKeywordAssessment (9/6/3)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null) return { score: 3, messageId: 'keyphrase-in-introduction.no-keyphrase' };
    const first = ctx.text.blocks.find((b) => PROSE_KINDS.has(b.kind) && b.words > 0);
    if (first === undefined) return { score: 3, messageId: 'keyphrase-in-introduction.no-text' };
    const phrases = [k, ...(ctx.synonyms ?? [])];
    for (const p of phrases) {
      const idx = first.sentences.findIndex((s) => containsKeyphrase(p, s));
      if (idx >= 0) {
        return {
          score: 9,
          messageId: 'keyphrase-in-introduction.good',
          params: { phrase: p.raw },
          measured: { block: first.block, matchedIn: 'sentence', sentence: idx, phrase: p.raw },
        };
      }
    }
    const whole = unitOfSentences(first.sentences);
    for (const p of phrases) {
      if (containsKeyphrase(p, whole)) {
        return {
          score: 6,
          messageId: 'keyphrase-in-introduction.not-one-sentence',
          params: { phrase: p.raw },
          measured: { block: first.block, matchedIn: 'paragraph', phrase: p.raw },
        };
      }
    }
    return {
      score: 3,
      messageId: 'keyphrase-in-introduction.missing',
      params: { phrase: k.raw },
      measured: { block: first.block, matchedIn: null },
    };
  },
  messages: {
    'keyphrase-in-introduction.good': (p) =>
      `Keyphrase in introduction: "${str(p, 'phrase')}" appears in one sentence of the first paragraph. Well done!`,
    'keyphrase-in-introduction.not-one-sentence': (p) =>
      `Keyphrase in introduction: the words of "${str(p, 'phrase')}" are in the first paragraph, but not within one sentence. Bring them together.`,
    'keyphrase-in-introduction.missing': (p) =>
      `Keyphrase in introduction: "${str(p, 'phrase')}" (or a synonym) is not in the first paragraph. Make the topic clear immediately.`,
    'keyphrase-in-introduction.no-keyphrase': () => 'Keyphrase in introduction: set a keyphrase and an introduction that contains it.',
    'keyphrase-in-introduction.no-text': () =>
      'Keyphrase in introduction: there is no first paragraph to check. Add an introduction that contains the keyphrase.',
  },
};
