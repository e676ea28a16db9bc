/**
 * Keyphrase in SEO title, and where.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "8) Keyphrase in SEO title"): green 9 for
 * the exact keyphrase at the beginning of the title (function words before it are ignored for the
 * position); orange 6 for the exact match elsewhere, or for all content words present without the exact
 * match; red 2 when content words are missing, when a quoted keyphrase has no exact match, or with no
 * title/keyphrase. Rank Math scores the same two facts (keyword in title 30 points, at the beginning 3).
 */
import { isFunctionWord } from '../language/function-words.js';
import { containsKeyphrase, unitOf } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, str } from './assessment.js';

function findSequence(hay: readonly string[], needle: readonly string[]): number {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let ok = true;
    for (let k = 0; k < needle.length; k++) {
      if (hay[i + k] !== needle[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return i;
  }
  return -1;
}

export const keyphraseInTitle: Assessment = {
  meta: {
    id: 'keyphrase-in-title',
    title: 'Keyphrase in SEO title',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: TitleKeywordAssessment (9 / 6 / 2)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null || doc.title === null || doc.title.trim() === '') return { score: 2, messageId: 'keyphrase-in-title.no-input' };
    const unit = unitOf(doc.title);
    const at = findSequence(unit.terms, k.terms);
    const params = { phrase: k.raw };
    if (at >= 0) {
      const before = unit.terms.slice(0, at);
      const atStart = before.every((t) => isFunctionWord(t));
      const measured = { exact: true, position: at, atStart };
      if (atStart) return { score: 9, messageId: 'keyphrase-in-title.good', params, measured };
      return { score: 6, messageId: 'keyphrase-in-title.not-at-start', params, measured };
    }
    if (k.exact) return { score: 2, messageId: 'keyphrase-in-title.no-exact-quoted', params, measured: { exact: false, allWords: false } };
    if (containsKeyphrase(k, unit))
      return { score: 6, messageId: 'keyphrase-in-title.no-exact', params, measured: { exact: false, allWords: true } };
    return { score: 2, messageId: 'keyphrase-in-title.missing-words', params, measured: { exact: false, allWords: false } };
  },
  messages: {
    'keyphrase-in-title.good': () => 'Keyphrase in SEO title: the exact keyphrase appears at the beginning of the title. Good job!',
    'keyphrase-in-title.not-at-start': () =>
      'Keyphrase in SEO title: the exact keyphrase is in the title, but not at the beginning. Move it to the beginning.',
    'keyphrase-in-title.no-exact': () =>
      'Keyphrase in SEO title: the title has the words of the keyphrase but not the exact keyphrase. Use the exact match, at the beginning.',
    'keyphrase-in-title.no-exact-quoted': (p) =>
      `Keyphrase in SEO title: the title does not contain the exact match of ${str(p, 'phrase')}. Add it at the beginning.`,
    'keyphrase-in-title.missing-words': (p) =>
      `Keyphrase in SEO title: not all words of "${str(p, 'phrase')}" appear in the title. Write the exact keyphrase at the beginning of the title.`,
    'keyphrase-in-title.no-input': () => 'Keyphrase in SEO title: add both a keyphrase and a title that begins with it.',
  },
};
