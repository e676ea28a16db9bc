/**
 * Consecutive sentences starting alike.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "4) Consecutive sentences"):
 * red 3 when 3 or more sentences in a row start with the same word, green 9 otherwise.
 * The beginning of a sentence is its first word, lower-cased; when that word is an article, a
 * demonstrative or a number ("the", "this", "two" …) the next word is added, so "The cat… The dog…"
 * are different beginnings (our own rule; such openers say little on their own).
 */
import { type Assessment, type AssessmentOutcome, num, str } from './assessment.js';

export interface ConsecutiveDefaults {
  maxRun: number;
}

const WEAK_OPENERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
]);

export const consecutiveSentences: Assessment<ConsecutiveDefaults> = {
  meta: {
    id: 'consecutive-sentences',
    title: 'Consecutive sentences',
    kind: 'readability',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: true,
    defaults: { maxRun: 2 },
    source: 'Yoast SEO readability docs: SentenceBeginningsAssessment (3+ in a row is red)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const sentences = ctx.text.proseSentences;
    if (sentences.length === 0) return { score: 0, messageId: 'consecutive-sentences.no-text', status: 'not-applicable' };
    const beginnings = sentences.map((s) => {
      const words = s.words.map((w) => w.text.toLowerCase().replace(/’/g, "'"));
      const first = words[0] ?? '';
      return WEAK_OPENERS.has(first) && words.length > 1 ? `${first} ${words[1]}` : first;
    });
    const runs: { word: string; length: number }[] = [];
    let runStart = 0;
    for (let i = 1; i <= beginnings.length; i++) {
      if (i === beginnings.length || beginnings[i] !== beginnings[runStart] || beginnings[i] === '') {
        const length = i - runStart;
        if (length > ctx.options.maxRun && beginnings[runStart] !== '') runs.push({ word: beginnings[runStart] as string, length });
        runStart = i;
      }
    }
    const longest = runs.reduce((m, r) => Math.max(m, r.length), 0);
    const measured = { sentences: sentences.length, repetitiveRuns: runs.length, longest, words: runs.map((r) => r.word) };
    if (runs.length > 0)
      return {
        score: 3,
        messageId: 'consecutive-sentences.repetitive',
        params: { runs: runs.length, longest, words: runs.map((r) => r.word).slice(0, 5) },
        measured,
      };
    return { score: 9, messageId: 'consecutive-sentences.good', measured };
  },
  messages: {
    'consecutive-sentences.good': () => "Consecutive sentences: there are no repetitive sentence beginnings. That's great!",
    'consecutive-sentences.repetitive': (p) =>
      `Consecutive sentences: ${num(p, 'runs')} time(s) the text has ${num(p, 'longest') > 3 ? 'up to ' : ''}${num(p, 'longest')} sentences in a row starting with the same word (${str(p, 'words')}). Mix things up.`,
    'consecutive-sentences.no-text': () => 'Consecutive sentences: no sentences to check.',
  },
};
