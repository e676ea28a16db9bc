/**
 * Flesch reading ease (Rudolf Flesch, "A new readability yardstick", Journal of Applied Psychology 32(3),
 * 1948, pp. 221–233), the English formula:
 *
 *     FRE = 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷ words)
 *
 * and the interpretation table from the same paper (reading ease → style → school grade), which Flesch
 * repeated in "The Art of Readable Writing" (1949):
 *     90–100 very easy (5th grade) · 80–89 easy (6th) · 70–79 fairly easy (7th) · 60–69 standard (8th–9th)
 *     50–59 fairly difficult (10th–12th) · 30–49 difficult (college) · 0–29 very difficult (college graduate)
 * The score is not clamped (very short words can give more than 100, long ones less than 0); the band is.
 */

export type FleschBand = 'very-easy' | 'easy' | 'fairly-easy' | 'standard' | 'fairly-difficult' | 'difficult' | 'very-difficult';

export interface FleschResult {
  score: number;
  band: FleschBand;
  /** US school grade the band corresponds to, as Flesch gave it. */
  grade: string;
  words: number;
  sentences: number;
  syllables: number;
}

/** Lower bounds of each band, highest first (Flesch 1948, table 5). */
export const FLESCH_BANDS: readonly { min: number; band: FleschBand; grade: string }[] = [
  { min: 90, band: 'very-easy', grade: '5th grade' },
  { min: 80, band: 'easy', grade: '6th grade' },
  { min: 70, band: 'fairly-easy', grade: '7th grade' },
  { min: 60, band: 'standard', grade: '8th–9th grade' },
  { min: 50, band: 'fairly-difficult', grade: '10th–12th grade' },
  { min: 30, band: 'difficult', grade: 'college' },
  { min: Number.NEGATIVE_INFINITY, band: 'very-difficult', grade: 'college graduate' },
];

export function fleschBand(score: number): { band: FleschBand; grade: string } {
  for (const b of FLESCH_BANDS) if (score >= b.min) return { band: b.band, grade: b.grade };
  return { band: 'very-difficult', grade: 'college graduate' };
}

/** Flesch reading ease from counts; null when there are no words or sentences. */
export function fleschReadingEase(words: number, sentences: number, syllables: number): FleschResult | null {
  if (words <= 0 || sentences <= 0) return null;
  const score = 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
  return { score, ...fleschBand(score), words, sentences, syllables };
}
