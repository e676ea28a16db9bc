/**
 * Reading time as Medium computes it (a grey notice, not scored).
 * Threshold source: Medium Help Center, "Read time": the word count at the average adult reading speed of
 * about 265 words per minute, plus 12 seconds for the first image, 11 for the second, one second less for
 * each further image down to 3 seconds from the tenth on. Medium shows it rounded to whole minutes
 * (at least 1). Medium's data team found reading attention peaks around 7-minute posts ("The Optimal Post
 * is 7 Minutes", Medium Data Lab, 2013) — given as context, not as a pass/fail line.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface ReadingTimeDefaults {
  wordsPerMinute: number;
}

/** Seconds Medium adds for `images` images (12, 11, 10 … 4, then 3 each). */
export function mediumImageSeconds(images: number): number {
  let s = 0;
  for (let i = 0; i < images; i++) s += Math.max(3, 12 - i);
  return s;
}

export function mediumReadingMinutes(words: number, images: number, wordsPerMinute = 265): number {
  return words / wordsPerMinute + mediumImageSeconds(images) / 60;
}

export const mediumReadingTime: Assessment<ReadingTimeDefaults> = {
  meta: {
    id: 'medium-reading-time',
    title: 'Reading time (Medium)',
    kind: 'medium',
    profiles: ['medium'],
    requires: [],
    english: false,
    defaults: { wordsPerMinute: 265 },
    source: 'Medium Help Center "Read time": 265 wpm + 12 s/11 s/… per image',
  },
  run(doc, ctx): AssessmentOutcome {
    const words = ctx.text.wordCount;
    const exact = mediumReadingMinutes(words, doc.images.length, ctx.options.wordsPerMinute);
    const minutes = Math.max(1, Math.round(exact));
    return {
      score: 0,
      status: 'info',
      messageId: 'medium-reading-time.info',
      params: { minutes },
      measured: { minutes, exactMinutes: Math.round(exact * 100) / 100, words, images: doc.images.length },
    };
  },
  messages: {
    'medium-reading-time.info': (p) => `Reading time: Medium will show "${num(p, 'minutes')} min read".`,
  },
};
