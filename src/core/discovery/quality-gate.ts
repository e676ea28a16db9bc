/**
 * The quality gate: is an author worth a place on the prospect list at all? It answers `qualified` or says
 * why not, in the words of the issue ("one viral hit: 92% of claps from one story", "inactive since …").
 * The score (author-score.ts) ranks; the gate filters — the method's "filter by follower threshold and
 * regular writing → saved list" step (feature-anchors §3 gap 1).
 *
 * Every check is `pass`, `fail`, `unknown` (the metric it needs is null) or `not-applicable`. An author is
 * qualified only when no check failed and none is unknown: the gate never guesses in the author's favour.
 * Unknown checks are listed with their cause, so the user sees "follower count unknown", not a silent fail.
 * Reasons come in a fixed order: followers, posts, niche, viral, activity.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import type { AuthorMetrics } from './author-metrics.js';
import { causeParams, type DiscoveryMessage, discoveryMessage } from './messages.js';

export interface QualityGate {
  /**
   * Fewest followers (inclusive). 500 is the example: it drops brand-new and abandoned accounts
   * while keeping niche writers far from famous (the score still ranks reach above the gate).
   */
  minFollowers: number;
  /**
   * Fewest posts in the metrics window (90 days), inclusive. 3 ≈ one post a month: the least that still
   * reads as "regular writing" (feature-anchors §3 gap 1).
   */
  minPostsInWindow: number;
  /**
   * Smallest niche share (inclusive). 0.4 = 4 of the 10 latest feed items (Medium RSS gives 10, medium-data
   * §1): the niche is a recurring theme, not a one-off; generalists with a steady niche thread still pass.
   */
  minNicheShare: number;
  /**
   * Largest share of all claps the top story may hold (fails when strictly above). 0.8 per the issue: 80%
   * of the claps from one story over ≥ 3 stories means the audience came for one hit, not for the writer.
   */
  maxTopClapShare: number;
  /** The viral check needs clap counts of at least this many posts (issue: "with ≥ 3 posts"). */
  minPostsForViralCheck: number;
  /**
   * Longest silence in days (fails when strictly above). 60 days = two missed slots for a monthly writer
   * (the minPostsInWindow pace); the score's recency factor shades shorter gaps.
   */
  maxDaysInactive: number;
}

export const DEFAULT_QUALITY_GATE: Readonly<QualityGate> = Object.freeze({
  minFollowers: 500,
  minPostsInWindow: 3,
  minNicheShare: 0.4,
  maxTopClapShare: 0.8,
  minPostsForViralCheck: 3,
  maxDaysInactive: 60,
});

export type GateCheckId = 'followers' | 'postsInWindow' | 'nicheShare' | 'viral' | 'activity';
export type GateCheckStatus = 'pass' | 'fail' | 'unknown' | 'not-applicable';

export interface GateCheck {
  id: GateCheckId;
  status: GateCheckStatus;
  /** The metric value checked (null when unknown or not applicable). */
  value: number | null;
  /** The threshold it was checked against. */
  threshold: number;
  /** Why it failed or is unknown; null for pass and not-applicable. */
  reason: DiscoveryMessage | null;
}

export interface GateResult {
  qualified: boolean;
  /** The messages of the failed and unknown checks, in check order. Empty when qualified. */
  reasons: DiscoveryMessage[];
  checks: GateCheck[];
  gate: QualityGate;
}

const GATE_KEYS = Object.keys(DEFAULT_QUALITY_GATE) as (keyof QualityGate)[];

function resolveGate(gate: Partial<QualityGate> | undefined): QualityGate {
  const out: QualityGate = { ...DEFAULT_QUALITY_GATE };
  for (const [key, value] of Object.entries(gate ?? {})) {
    if (!(GATE_KEYS as string[]).includes(key)) {
      throw new LinkwrightError('INVALID_INPUT', `unknown quality gate setting "${key}"`, { details: { key, known: GATE_KEYS } });
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new LinkwrightError('INVALID_INPUT', `quality gate setting "${key}" must be a finite number ≥ 0`, { details: { key, value } });
    }
    out[key as keyof QualityGate] = value;
  }
  for (const key of ['minNicheShare', 'maxTopClapShare'] as const) {
    if (out[key] > 1)
      throw new LinkwrightError('INVALID_INPUT', `quality gate setting "${key}" is a share (0..1)`, { details: { key, value: out[key] } });
  }
  return out;
}

/**
 * Applies the gate to one author's metrics. `gate` overrides some defaults (finite, ≥ 0; shares ≤ 1;
 * unknown keys throw `INVALID_INPUT`).
 */
export function applyQualityGate(metrics: AuthorMetrics, gate?: Partial<QualityGate>): GateResult {
  const g = resolveGate(gate);
  const checks: GateCheck[] = [];

  // followers ≥ min
  const followers = metrics.followers.value;
  if (followers === null) {
    checks.push({
      id: 'followers',
      status: 'unknown',
      value: null,
      threshold: g.minFollowers,
      reason: discoveryMessage('gate.followers.unknown', { min: g.minFollowers, ...causeParams(metrics.followers.missing) }),
    });
  } else {
    const ok = followers >= g.minFollowers;
    checks.push({
      id: 'followers',
      status: ok ? 'pass' : 'fail',
      value: followers,
      threshold: g.minFollowers,
      reason: ok ? null : discoveryMessage('gate.followers.below', { followers, min: g.minFollowers }),
    });
  }

  // posts in window ≥ min
  const posts = metrics.postsInWindow.value;
  if (posts === null) {
    checks.push({
      id: 'postsInWindow',
      status: 'unknown',
      value: null,
      threshold: g.minPostsInWindow,
      reason: discoveryMessage('gate.posts.unknown', {
        min: g.minPostsInWindow,
        windowDays: metrics.windowDays,
        ...causeParams(metrics.postsInWindow.missing),
      }),
    });
  } else {
    const ok = posts >= g.minPostsInWindow;
    checks.push({
      id: 'postsInWindow',
      status: ok ? 'pass' : 'fail',
      value: posts,
      threshold: g.minPostsInWindow,
      reason: ok
        ? null
        : discoveryMessage('gate.posts.below', {
            posts,
            min: g.minPostsInWindow,
            windowDays: metrics.windowDays,
            lowerBound: metrics.postsInWindow.lowerBound,
          }),
    });
  }

  // niche share ≥ min
  const share = metrics.nicheShare.value;
  if (share === null) {
    checks.push({
      id: 'nicheShare',
      status: 'unknown',
      value: null,
      threshold: g.minNicheShare,
      reason: discoveryMessage('gate.niche.unknown', { min: g.minNicheShare, ...causeParams(metrics.nicheShare.missing) }),
    });
  } else {
    const ok = share >= g.minNicheShare;
    checks.push({
      id: 'nicheShare',
      status: ok ? 'pass' : 'fail',
      value: share,
      threshold: g.minNicheShare,
      reason: ok
        ? null
        : discoveryMessage('gate.niche.below', {
            share,
            min: g.minNicheShare,
            matched: metrics.nicheMatches.filter((m) => m.matched).length,
            evaluated: metrics.nicheMatches.length,
          }),
    });
  }

  // top story's share of claps ≤ max (with ≥ minPostsForViralCheck clapped posts)
  const topShare = metrics.topClapShare.value;
  const clapped = metrics.topClapShare.basedOn ?? 0;
  if (topShare !== null && clapped >= g.minPostsForViralCheck) {
    const ok = topShare <= g.maxTopClapShare;
    checks.push({
      id: 'viral',
      status: ok ? 'pass' : 'fail',
      value: topShare,
      threshold: g.maxTopClapShare,
      reason: ok
        ? null
        : discoveryMessage('gate.viral.one-hit', {
            share: topShare,
            max: g.maxTopClapShare,
            postId: metrics.topPost?.postId ?? null,
            title: metrics.topPost?.title ?? null,
            claps: metrics.topPost?.claps ?? null,
            posts: clapped,
          }),
    });
  } else if (metrics.sample.recent < g.minPostsForViralCheck) {
    // Fewer stories than the rule needs: "one hit among many" cannot apply; the posts check covers thin output.
    checks.push({ id: 'viral', status: 'not-applicable', value: null, threshold: g.maxTopClapShare, reason: null });
  } else {
    const cause =
      topShare === null
        ? metrics.topClapShare.missing
        : discoveryMessage('metric.claps.too-few', { have: clapped, need: g.minPostsForViralCheck });
    checks.push({
      id: 'viral',
      status: 'unknown',
      value: null,
      threshold: g.maxTopClapShare,
      reason: discoveryMessage('gate.viral.unknown', { max: g.maxTopClapShare, ...causeParams(cause) }),
    });
  }

  // days since the last post ≤ max
  const days = metrics.daysSinceLastPost.value;
  if (days === null) {
    checks.push({
      id: 'activity',
      status: 'unknown',
      value: null,
      threshold: g.maxDaysInactive,
      reason: discoveryMessage('gate.activity.unknown', { max: g.maxDaysInactive, ...causeParams(metrics.daysSinceLastPost.missing) }),
    });
  } else {
    const ok = days <= g.maxDaysInactive;
    checks.push({
      id: 'activity',
      status: ok ? 'pass' : 'fail',
      value: days,
      threshold: g.maxDaysInactive,
      reason: ok ? null : discoveryMessage('gate.inactive', { since: metrics.lastPostAt.value, days, max: g.maxDaysInactive }),
    });
  }

  const reasons = checks.flatMap((c) => (c.reason === null ? [] : [c.reason]));
  return { qualified: reasons.length === 0, reasons, checks, gate: g };
}
