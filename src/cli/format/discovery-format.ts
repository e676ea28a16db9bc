/**
 * Text and JSON shapes of discovery results (discover, prospects, author, demo). Messages arrive as ids +
 * params (DESIGN §3); here they get their English text. JSON keeps the ids and params and adds `text`, so
 * scripts can key on ids while people read the text.
 */
import type { ProspectReport } from '../../app/discover-prospects.js';
import { formatCount, formatPercent, renderDiscoveryMessage } from '../../core/discovery/messages.js';
import type { StoredProspect } from '../../store/prospects-repository.js';
import { renderTable } from './table.js';

export interface MessageLike {
  messageId: string;
  params: Record<string, string | number | boolean | null>;
}

function isMessage(value: unknown): value is MessageLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MessageLike).messageId === 'string' &&
    typeof (value as MessageLike).params === 'object'
  );
}

export function messageText(message: MessageLike): string {
  return renderDiscoveryMessage(message.messageId, message.params ?? {});
}

export function withText(message: MessageLike): MessageLike & { text: string } {
  return { messageId: message.messageId, params: message.params, text: messageText(message) };
}

export interface FactorLike {
  id: string;
  label: string;
  value: number | null;
  normalised: number | null;
  weight: number;
  points: number;
  explanation: MessageLike;
}

function isFactor(value: unknown): value is FactorLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FactorLike).id === 'string' &&
    isMessage((value as FactorLike).explanation)
  );
}

/** Stored JSON is display-only: anything unexpected (an older or newer record) is skipped, never fatal. */
export function storedFactors(breakdown: unknown): FactorLike[] {
  return Array.isArray(breakdown) ? breakdown.filter(isFactor) : [];
}

export function storedReasons(reasons: unknown): MessageLike[] {
  return Array.isArray(reasons) ? reasons.filter(isMessage) : [];
}

export function factorJson(f: FactorLike) {
  return {
    id: f.id,
    label: f.label,
    value: f.value,
    normalised: f.normalised,
    weight: f.weight,
    points: f.points,
    explanation: withText(f.explanation),
  };
}

/** `--json` record of one judged author (discover). */
export function prospectReportJson(p: ProspectReport) {
  return {
    rank: p.rank,
    username: p.username,
    name: p.name,
    userId: p.userId,
    profileUrl: p.profileUrl,
    followers: p.followers,
    score: p.score,
    coverage: p.coverage,
    qualified: p.qualified,
    stage: p.stage,
    created: p.created,
    reasons: p.reasons.map(withText),
    factors: p.factors.map(factorJson),
    checks: p.checks.map((c) => ({ ...c, reason: c.reason === null ? null : withText(c.reason) })),
    evidence: p.evidence,
    metrics: {
      postsInWindow: p.metrics.postsInWindow.value,
      windowDays: p.metrics.windowDays,
      nicheShare: p.metrics.nicheShare.value,
      medianClaps: p.metrics.medianClaps.value,
      topClapShare: p.metrics.topClapShare.value,
      responsesPerStory: p.metrics.responsesPerStory.value,
      medianGapDays: p.metrics.medianGapDays.value,
      daysSinceLastPost: p.metrics.daysSinceLastPost.value,
      lastPostAt: p.metrics.lastPostAt.value,
      topPost: p.metrics.topPost,
    },
  };
}

/** `--json` record of a stored prospect (prospects, author). */
export function storedProspectJson(p: StoredProspect, rank?: number) {
  return {
    ...(rank === undefined ? {} : { rank }),
    username: p.username,
    name: p.name,
    userId: p.userId,
    profileUrl: p.profileUrl,
    followers: p.followers,
    following: p.following,
    niche: p.niche,
    score: p.score,
    coverage: p.coverage,
    qualified: p.qualified,
    stage: p.stage,
    nextTouchAt: p.nextTouchAt,
    reasons: storedReasons(p.gateReasons).map(withText),
    factors: storedFactors(p.breakdown).map(factorJson),
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

/** The one-line "why" of a prospect: the gate's first reason, or its two strongest factors when qualified. */
export function whyLine(qualified: boolean, reasons: readonly MessageLike[], factors: readonly FactorLike[]): string {
  if (!qualified) return reasons.map(messageText).join('; ') || 'not qualified';
  const best = [...factors]
    .filter((f) => f.normalised !== null)
    .sort((a, b) => b.points - a.points)
    .slice(0, 2);
  return best.map((f) => messageText(f.explanation)).join('; ');
}

export interface ProspectRow {
  rank: number;
  username: string;
  name: string | null;
  followers: number | null;
  score: number;
  coverage: number;
  qualified: boolean;
  stage: string;
  why: string;
}

export function prospectsTable(rows: readonly ProspectRow[]): string {
  return renderTable(rows, [
    { header: '#', value: (r) => String(r.rank) },
    { header: 'author', value: (r) => `@${r.username}`, max: 24 },
    { header: 'name', value: (r) => r.name ?? '—', max: 22 },
    { header: 'followers', value: (r) => formatCount(r.followers) },
    { header: 'score', value: (r) => `${r.score}${r.coverage < 1 ? ` (${formatPercent(r.coverage)} known)` : ''}` },
    { header: 'qualified', value: (r) => (r.qualified ? 'yes' : 'no') },
    { header: 'stage', value: (r) => r.stage },
    { header: 'why', value: (r) => r.why, max: 90 },
  ]);
}

/**
 * The score breakdown as a table: factor, how much of the factor was earned (0–100%), its weight, the points
 * it adds, and why. Unknown factors are left out of the score and the others scaled up to 100 (see
 * author-score.ts), so points can exceed the weight when coverage is below 100%.
 */
export function factorsTable(factors: readonly FactorLike[]): string {
  return renderTable(factors, [
    { header: 'factor', value: (f) => f.label, max: 40 },
    { header: 'earned', value: (f) => (f.normalised === null ? 'unknown' : formatPercent(f.normalised)) },
    { header: 'weight', value: (f) => String(f.weight) },
    { header: 'points', value: (f) => (f.normalised === null ? '—' : f.points.toFixed(1)) },
    { header: 'why', value: (f) => messageText(f.explanation), max: 110 },
  ]);
}

export const PROSPECT_CSV_HEADER = [
  'rank',
  'username',
  'name',
  'followers',
  'score',
  'coverage',
  'qualified',
  'stage',
  'reasons',
  'profile_url',
] as const;
