/**
 * Function words in keyphrase: a keyphrase made only of function words ("how to", "what is") cannot
 * describe a topic.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 7) Function words in keyphrase"):
 * a grey notice (score 0, not counted) when the keyphrase consists of function words only; otherwise the
 * check does not apply. Function words: language/function-words.ts.
 */
import { type Assessment, type AssessmentOutcome, str } from './assessment.js';

export const functionWordsInKeyphrase: Assessment = {
  meta: {
    id: 'function-words-in-keyphrase',
    title: 'Function words in keyphrase',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: ['keyphrase'],
    english: true,
    defaults: {},
    source: 'Yoast SEO scoring docs: FunctionWordsInKeyphraseAssessment (grey notice)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null || !k.functionWordsOnly) return { score: 0, messageId: 'function-words-in-keyphrase.fine', status: 'not-applicable' };
    return {
      score: 0,
      messageId: 'function-words-in-keyphrase.only',
      params: { phrase: k.raw },
      status: 'info',
      measured: { words: k.terms },
    };
  },
  messages: {
    'function-words-in-keyphrase.only': (p) =>
      `Function words in keyphrase: "${str(p, 'phrase')}" contains function words only. Pick a keyphrase that names the topic.`,
    'function-words-in-keyphrase.fine': () => 'Function words in keyphrase: the keyphrase has content words.',
  },
};
