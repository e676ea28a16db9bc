/**
 * A 0–100 author score *inside Medium*. Domain metrics (DR, DA, TF) are useless here: every Medium author
 * inherits medium.com's authority (feature-anchors §3 gap 2), so the score is built from what an author does
 * on the platform — reach, activity, topic consistency, engagement and its spread, recency, publications —
 * in the spirit of Followerwonk's Social Authority ("engaged audience beats raw follower count",
 * feature-anchors §1.7).
 *
 * How the score is made:
 * 1. Each factor maps one metric to `normalised` 0..1 with a documented curve (SCORE_CURVES below).
 * 2. points = 100 × weight × normalised ÷ (sum of the weights of the factors whose metric is known).
 *    A factor whose metric is null (e.g. RSS-only evidence has no claps) is *left out*, not scored as 0 or
 *    as a guess; `coverage` says which share of the total weight was known, so a score from thin evidence is
 *    visible as such. Nothing is known → score 0, coverage 0.
 * 3. score = round(sum of points), an integer 0..100.
 *
 * The weights and curves are a first calibration from the method's priorities (topic consistency first,
 * then reach and steady activity, engagement as a check), not fitted to data: they are exported, documented
 * and overridable (`scoreAuthor(metrics, { nicheShare: 30 })`), and every factor explains itself.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import type { AuthorMetrics, Measured } from './author-metrics.js';
import { causeParams, type DiscoveryMessage, discoveryMessage } from './messages.js';

export type ScoreFactorId =
  | 'followers'
  | 'postsInWindow'
  | 'regularity'
  | 'nicheShare'
  | 'medianClaps'
  | 'responses'
  | 'viral'
  | 'recency'
  | 'publication';

export type ScoreWeights = Record<ScoreFactorId, number>;

/**
 * Default weights (sum 100, so a weight reads as "points at full marks"):
 * - nicheShare 22 — the guide's first criterion: an author who writes about *your* topic is the one who links
 *   to your kind of content; an off-niche star is a poor prospect whatever their reach.
 * - followers 18 — reach of a placed link and a sign of an established writer; log-scaled (see curves).
 * - postsInWindow 14 — a writer who publishes often has more stories in which a link can appear.
 * - medianClaps 12 — typical (not best) engagement: the median is robust to one viral story.
 * - regularity 8 — "steady writer vs one-off" (DESIGN §1); weighted below activity because it is only
 *   meaningful with several posts.
 * - recency 8 — a prospect who stopped writing will not place a link soon.
 * - responses 8 — conversation under the stories; also where on-platform engagement (comments) happens.
 * - viral 6 — penalty for engagement that rests on one story (max ÷ median claps); the quality gate handles
 *   the extreme case, so the score only shades it.
 * - publication 4 — publication posts reach the publication's followers and passed an editor; a small bonus
 *   because many good independent writers publish on their own profile.
 */
export const DEFAULT_SCORE_WEIGHTS: Readonly<ScoreWeights> = Object.freeze({
  nicheShare: 22,
  followers: 18,
  postsInWindow: 14,
  medianClaps: 12,
  regularity: 8,
  recency: 8,
  responses: 8,
  viral: 6,
  publication: 4,
});

/** Factor order in the output (most important first, as in DEFAULT_SCORE_WEIGHTS). */
export const SCORE_FACTOR_IDS: readonly ScoreFactorId[] = [
  'nicheShare',
  'followers',
  'postsInWindow',
  'medianClaps',
  'regularity',
  'recency',
  'responses',
  'viral',
  'publication',
];

const LABELS: Record<ScoreFactorId, string> = {
  nicheShare: 'Niche share',
  followers: 'Followers',
  postsInWindow: 'Posts in window',
  medianClaps: 'Median claps',
  regularity: 'Regularity',
  recency: 'Recency',
  responses: 'Responses per story',
  viral: 'Steady engagement (no single viral hit)',
  publication: 'Publication membership',
};

/**
 * Normalisation curves (all clamp to 0..1):
 * - followers: log10(1 + f) ÷ log10(1 + 50 000). Follower counts are heavy-tailed, so each tenfold step is
 *   worth the same (100 → 0.43, 1 000 → 0.64, 10 000 → 0.85); saturation at ~50k (issue brief): beyond it
 *   one more story link reaches "many" either way.
 * - postsInWindow: n ÷ 12, capped. 12 posts per 90 days ≈ weekly (90 ÷ 7 ≈ 12.9); more than weekly adds
 *   no link opportunity worth scoring and often means thin posts.
 * - regularity: the metric itself, 1 ÷ (1 + CV of gaps) (see author-metrics.ts): clockwork 1, random 0.5.
 * - nicheShare: linear, the share itself.
 * - medianClaps: log10(1 + c) ÷ log10(1 + 1 000): 10 → 0.35, 100 → 0.67, 1 000 → 1. Most content gets
 *   little engagement (BuzzSumo: median 8 shares, feature-anchors §1.7), so the first tens of claps matter
 *   most; a median of 1 000 claps per story is top tier on Medium (calibration guess, to revisit with data).
 * - responses: ln(1 + r) ÷ ln(1 + 20) per story: 1 → 0.23, 5 → 0.59, 20 → 1.
 * - viral (max ÷ median claps = d): 1 up to d = 4, 0 from d = 40, log-linear between. Claps are
 *   heavy-tailed, so a best story with 2–4× the median is ordinary for a steady writer; the issue's
 *   one-hit example ("92% of claps from one story" over ~10 posts) gives d ≈ 100.
 * - recency (days since the newest post = t): 1 within 14 days (a fortnightly writer is current), then
 *   halves every 30 days: 44 days → 0.5, 60 days (the gate's inactivity limit) → 0.35, 134 days → 0.06.
 * - publication: linear, share of recent posts in publications.
 */
export const SCORE_CURVES = Object.freeze({
  followersSaturation: 50_000,
  postsSaturation: 12,
  clapsSaturation: 1_000,
  responsesSaturation: 20,
  viralFullUpTo: 4,
  viralZeroAt: 40,
  recencyGraceDays: 14,
  recencyHalfLifeDays: 30,
});

export interface ScoreFactor {
  id: ScoreFactorId;
  label: string;
  /** The metric value the factor was computed from (null when unknown). */
  value: number | null;
  /** 0..1 after the curve; null when the metric is unknown (the factor is then left out of the score). */
  normalised: number | null;
  /** The configured weight. */
  weight: number;
  /** Points this factor adds to the 0–100 score (0 when unknown), rounded to 2 decimals. */
  points: number;
  explanation: DiscoveryMessage;
}

export interface AuthorScore {
  /** Integer 0..100. */
  score: number;
  /** Share of the total weight whose metric was known (0..1). */
  coverage: number;
  factors: ScoreFactor[];
  weights: ScoreWeights;
}

const clamp01 = (x: number): number => Math.max(0, Math.min(1, x));
const r4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function normaliseFollowers(followers: number): number {
  return clamp01(Math.log10(1 + followers) / Math.log10(1 + SCORE_CURVES.followersSaturation));
}
export function normalisePostsInWindow(posts: number): number {
  return clamp01(posts / SCORE_CURVES.postsSaturation);
}
export function normaliseMedianClaps(claps: number): number {
  return clamp01(Math.log10(1 + claps) / Math.log10(1 + SCORE_CURVES.clapsSaturation));
}
export function normaliseResponses(perStory: number): number {
  return clamp01(Math.log(1 + perStory) / Math.log(1 + SCORE_CURVES.responsesSaturation));
}
export function normaliseViralDominance(dominance: number): number {
  const { viralFullUpTo: lo, viralZeroAt: hi } = SCORE_CURVES;
  if (dominance <= lo) return 1;
  if (dominance >= hi) return 0;
  return clamp01(1 - Math.log(dominance / lo) / Math.log(hi / lo));
}
export function normaliseRecency(daysSinceLastPost: number): number {
  const { recencyGraceDays: grace, recencyHalfLifeDays: half } = SCORE_CURVES;
  if (daysSinceLastPost <= grace) return 1;
  return clamp01(0.5 ** ((daysSinceLastPost - grace) / half));
}

function resolveWeights(weights: Partial<ScoreWeights> | undefined): ScoreWeights {
  const out: ScoreWeights = { ...DEFAULT_SCORE_WEIGHTS };
  for (const [key, value] of Object.entries(weights ?? {})) {
    if (!(SCORE_FACTOR_IDS as readonly string[]).includes(key)) {
      throw new LinkwrightError('INVALID_INPUT', `unknown score weight "${key}"`, { details: { key, known: [...SCORE_FACTOR_IDS] } });
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new LinkwrightError('INVALID_INPUT', `score weight "${key}" must be a finite number ≥ 0`, { details: { key, value } });
    }
    out[key as ScoreFactorId] = value;
  }
  if (SCORE_FACTOR_IDS.reduce((a, id) => a + out[id], 0) <= 0) {
    throw new LinkwrightError('INVALID_INPUT', 'at least one score weight must be above 0');
  }
  return out;
}

interface RawFactor {
  id: ScoreFactorId;
  value: number | null;
  normalised: number | null;
  explanation: DiscoveryMessage;
}

function missingExplanation(m: Measured<unknown>): DiscoveryMessage {
  return m.missing ?? discoveryMessage('score.missing', causeParams(null));
}

function rawFactors(m: AuthorMetrics): RawFactor[] {
  const c = SCORE_CURVES;
  const out: RawFactor[] = [];
  const push = (
    id: ScoreFactorId,
    metric: Measured<number>,
    normalise: (v: number) => number,
    explain: (v: number) => DiscoveryMessage,
  ): void => {
    if (metric.value === null) out.push({ id, value: null, normalised: null, explanation: missingExplanation(metric) });
    else out.push({ id, value: metric.value, normalised: r4(normalise(metric.value)), explanation: explain(metric.value) });
  };
  push('nicheShare', m.nicheShare, clamp01, (v) => {
    const evaluated = m.nicheMatches.length;
    const matched = m.nicheMatches.filter((x) => x.matched).length;
    return discoveryMessage('score.niche-share', { share: v, matched, evaluated });
  });
  push('followers', m.followers, normaliseFollowers, (v) =>
    discoveryMessage('score.followers', { followers: v, saturation: c.followersSaturation }),
  );
  push('postsInWindow', m.postsInWindow, normalisePostsInWindow, (v) =>
    discoveryMessage('score.posts-in-window', {
      posts: v,
      windowDays: m.windowDays,
      saturation: c.postsSaturation,
      lowerBound: m.postsInWindow.lowerBound,
    }),
  );
  push('medianClaps', m.medianClaps, normaliseMedianClaps, (v) =>
    discoveryMessage('score.median-claps', { claps: v, saturation: c.clapsSaturation, basedOn: m.medianClaps.basedOn }),
  );
  push('regularity', m.regularity, clamp01, (v) =>
    discoveryMessage('score.regularity', { regularity: v, medianGapDays: m.medianGapDays.value, variation: m.gapVariation.value }),
  );
  push('recency', m.daysSinceLastPost, normaliseRecency, (v) =>
    discoveryMessage('score.recency', {
      days: v,
      lastPostAt: m.lastPostAt.value,
      graceDays: c.recencyGraceDays,
      halfLifeDays: c.recencyHalfLifeDays,
    }),
  );
  push('responses', m.responsesPerStory, normaliseResponses, (v) =>
    discoveryMessage('score.responses', { perStory: v, saturation: c.responsesSaturation }),
  );
  push('viral', m.viralDominance, normaliseViralDominance, (v) =>
    discoveryMessage('score.viral', {
      dominance: v,
      topShare: m.topClapShare.value,
      fullUpTo: c.viralFullUpTo,
      zeroAt: c.viralZeroAt,
      topPostId: m.topPost?.postId ?? null,
    }),
  );
  push('publication', m.publicationShare, clamp01, (v) => {
    const evaluated = m.publicationShare.basedOn ?? 0;
    const names = m.publications.map((p) => p.name ?? p.slug ?? p.key).join(', ');
    return discoveryMessage('score.publication', {
      share: v,
      inPublication: Math.round(v * evaluated),
      evaluated,
      publications: names === '' ? null : names,
    });
  });
  return out;
}

/**
 * Scores an author from their metrics. `weights` overrides some defaults (each finite and ≥ 0; at least one
 * above 0; unknown keys throw `INVALID_INPUT`). Deterministic: the same metrics and weights always give the
 * same record.
 */
export function scoreAuthor(metrics: AuthorMetrics, weights?: Partial<ScoreWeights>): AuthorScore {
  const w = resolveWeights(weights);
  const raw = rawFactors(metrics);
  const totalWeight = SCORE_FACTOR_IDS.reduce((a, id) => a + w[id], 0);
  const knownWeight = raw.reduce((a, f) => a + (f.normalised === null ? 0 : w[f.id]), 0);
  let sum = 0;
  const factors: ScoreFactor[] = raw.map((f) => {
    const exact = f.normalised === null || knownWeight === 0 ? 0 : (100 * w[f.id] * f.normalised) / knownWeight;
    sum += exact;
    return {
      id: f.id,
      label: LABELS[f.id],
      value: f.value,
      normalised: f.normalised,
      weight: w[f.id],
      points: Math.round(exact * 100) / 100,
      explanation: f.explanation,
    };
  });
  const score = Math.max(0, Math.min(100, Math.round(sum)));
  return { score, coverage: r4(knownWeight / totalWeight), factors, weights: w };
}
