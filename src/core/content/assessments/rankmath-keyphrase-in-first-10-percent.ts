/**
 * Keyphrase in the first 10 % of the content (Rank Math's variant of "keyphrase in introduction").
 * Threshold source: Rank Math content analysis, "Focus Keyword at the beginning of the content" (3 points:
 * the keyword appears in the first 10 % of the content). Here: green 9 when all content words of the
 * keyphrase (any form) occur within the first 10 % of the words, red 3 otherwise. The window is at
 * least one sentence long, so a text of ten words is judged on its first sentence, not on one word.
 */
import { containsKeyphrase } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface FirstTenPercentDefaults {
  share: number;
}

export const rankmathKeyphraseInFirst10Percent: Assessment<FirstTenPercentDefaults> = {
  meta: {
    id: 'rankmath-keyphrase-in-first-10-percent',
    title: 'Keyphrase in the first 10 % (Rank Math)',
    kind: 'seo',
    profiles: ['rankmath'],
    requires: ['keyphrase'],
    english: false,
    defaults: { share: 0.1 },
    source: 'Rank Math content analysis: keyword in the first 10 % of the content',
  },
  run(_doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const sentences = ctx.text.sentences.filter((s) => s.kind !== 'heading');
    const total = sentences.reduce((n, s) => n + s.words.length, 0);
    if (k === null || total === 0) return { score: 3, messageId: 'rankmath-keyphrase-in-first-10-percent.no-input' };
    const limit = Math.max(1, Math.ceil(total * ctx.options.share));
    // Collect terms word by word up to the limit (at least the whole first sentence).
    const terms: string[] = [];
    const stems: string[] = [];
    let words = 0;
    for (let si = 0; si < sentences.length && words < limit; si++) {
      const s = sentences[si] as (typeof sentences)[number];
      let t = 0;
      for (const w of s.words) {
        if (words >= limit && si > 0) break;
        words++;
        t += w.terms.length;
      }
      terms.push(...s.terms.slice(0, t));
      stems.push(...s.stems.slice(0, t));
    }
    const found = containsKeyphrase(k, { terms, stems });
    const params = { words, percent: Math.round(ctx.options.share * 100) };
    const measured = { windowWords: words, totalWords: total, found };
    if (found) return { score: 9, messageId: 'rankmath-keyphrase-in-first-10-percent.good', params, measured };
    return { score: 3, messageId: 'rankmath-keyphrase-in-first-10-percent.missing', params, measured };
  },
  messages: {
    'rankmath-keyphrase-in-first-10-percent.good': (p) =>
      `Keyphrase in the first ${num(p, 'percent')} %: found in the first ${num(p, 'words')} words. Good job!`,
    'rankmath-keyphrase-in-first-10-percent.missing': (p) =>
      `Keyphrase in the first ${num(p, 'percent')} %: not in the first ${num(p, 'words')} words. Use it near the beginning.`,
    'rankmath-keyphrase-in-first-10-percent.no-input': () => 'Keyphrase in the first 10 %: add both a keyphrase and some text.',
  },
};
