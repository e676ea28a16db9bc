/**
 * Overall scores, the way Yoast aggregates its traffic lights.
 *
 * Per result (Yoast "How are individual traffic lights assigned?", SCORING SEO.md / SCORING READABILITY.md):
 *   score ≤ 4 (negative included) → red, 5–7 → orange, 8–9 → green; an explicit 0 is a grey notice.
 *
 * SEO (and the Medium group, the same way): Yoast "How is the overall score calculated?":
 *     overall = round( Σ scores ÷ (number of scores × 9) × 100 )
 *   over the scored results (good/ok/bad; grey notices, not-applicable and errors are left out). Yoast's
 *   negative scores (−10, −20, −50, −999) enter the sum as they are, so stuffing or a missing keyphrase
 *   drags the total down; the result is clamped to 0–100.
 *
 * Readability: Yoast penalty points — red 3, orange 2, green 0 (English has full support) — then
 *     total ≥ 6 → 30, total ≥ 4 → 60, below 4 → 90.
 *
 * Overall rating (Yoast `scoreToRating` on the 0–10 scale): ≤ 40 red, 41–70 orange, > 70 green.
 */
import type { AssessmentRating, AssessmentResult, OverallScore } from './content-types.js';

export function ratingForScore(score: number): AssessmentRating {
  if (score <= 4) return 'red';
  if (score <= 7) return 'orange';
  return 'green';
}

export function overallRating(score0to100: number): AssessmentRating {
  if (score0to100 <= 40) return 'red';
  if (score0to100 <= 70) return 'orange';
  return 'green';
}

function scored(results: readonly AssessmentResult[]): AssessmentResult[] {
  return results.filter((r) => r.status === 'good' || r.status === 'ok' || r.status === 'bad');
}

/** Yoast SEO aggregation (mean of raw scores on 0–100). */
export function aggregateSeo(results: readonly AssessmentResult[]): OverallScore {
  const counted = scored(results);
  if (counted.length === 0) return { score: 0, rating: 'grey', counted: 0 };
  const sum = counted.reduce((n, r) => n + r.rawScore, 0);
  const score = Math.max(0, Math.min(100, Math.round((sum / (counted.length * 9)) * 100)));
  return { score, rating: overallRating(score), counted: counted.length };
}

/** Readability penalty points per rating (full language support). */
export const READABILITY_PENALTY: Readonly<Record<'red' | 'orange', number>> = { red: 3, orange: 2 };

/** Yoast readability aggregation (penalty points → 30/60/90). */
export function aggregateReadability(results: readonly AssessmentResult[]): OverallScore {
  const counted = scored(results);
  if (counted.length === 0) return { score: 0, rating: 'grey', counted: 0, penalty: 0 };
  let penalty = 0;
  for (const r of counted) {
    if (r.rating === 'red') penalty += READABILITY_PENALTY.red;
    else if (r.rating === 'orange') penalty += READABILITY_PENALTY.orange;
  }
  const score = penalty >= 6 ? 30 : penalty >= 4 ? 60 : 90;
  return { score, rating: overallRating(score), counted: counted.length, penalty };
}
