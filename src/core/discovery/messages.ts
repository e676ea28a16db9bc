/**
 * Messages of the discovery analyses (author metrics, author score, quality gate). Core returns a stable
 * `messageId` plus plain `params`; rendering is the shell's job (DESIGN §3 "Messages are ids + params").
 * `renderDiscoveryMessage` is the English renderer the CLI uses; a web view or another language can render
 * the same ids differently. Ids are part of the JSON output: add ids, never rename one.
 *
 * Number formatting here is locale-independent on purpose (own thousands separator, `Math.round`), so the
 * same record renders the same text on every machine.
 */

/** A param value: JSON primitives only, so a message survives `--json` and storage unchanged. */
export type DiscoveryParamValue = string | number | boolean | null;
export type DiscoveryParams = Readonly<Record<string, DiscoveryParamValue>>;

export const DISCOVERY_MESSAGE_IDS = [
  // ---- why a metric is null (author-metrics.ts)
  'metric.followers.unknown',
  'metric.following.unknown',
  'metric.posts.none',
  'metric.dates.none',
  'metric.cadence.too-few-posts',
  'metric.cadence.same-time',
  'metric.niche.empty',
  'metric.niche.no-text',
  'metric.claps.unknown',
  'metric.claps.too-few',
  'metric.responses.unknown',
  'metric.word-count.unknown',
  'metric.publication.unknown',
  // ---- things the metrics noticed in the evidence (warnings)
  'metric.warning.duplicate-post',
  'metric.warning.invalid-date',
  'metric.warning.future-date',
  'metric.warning.invalid-count',
  // ---- per-factor explanations of the score (author-score.ts)
  'score.followers',
  'score.posts-in-window',
  'score.regularity',
  'score.niche-share',
  'score.median-claps',
  'score.responses',
  'score.viral',
  'score.recency',
  'score.publication',
  'score.missing',
  // ---- quality gate reasons (quality-gate.ts)
  'gate.followers.below',
  'gate.followers.unknown',
  'gate.posts.below',
  'gate.posts.unknown',
  'gate.niche.below',
  'gate.niche.unknown',
  'gate.viral.one-hit',
  'gate.viral.unknown',
  'gate.inactive',
  'gate.activity.unknown',
] as const;

export type DiscoveryMessageId = (typeof DISCOVERY_MESSAGE_IDS)[number];

export interface DiscoveryMessage {
  messageId: DiscoveryMessageId;
  params: DiscoveryParams;
}

/** Builds a message record (params are copied so callers cannot mutate a stored message). */
export function discoveryMessage(messageId: DiscoveryMessageId, params: DiscoveryParams = {}): DiscoveryMessage {
  return { messageId, params: { ...params } };
}

// ------------------------------------------------------------------ formatting helpers (deterministic)

function num(params: DiscoveryParams, key: string): number | null {
  const v = params[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(params: DiscoveryParams, key: string): string | null {
  const v = params[key];
  return typeof v === 'string' && v !== '' ? v : null;
}

/** 12345 → "12,345"; 0.5 → "0.5" (one decimal at most for non-integers). */
export function formatCount(value: number | null): string {
  if (value === null) return '?';
  const rounded = Number.isInteger(value) ? value : Math.round(value * 10) / 10;
  const [int = '0', frac] = String(Math.abs(rounded)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${frac === undefined ? '' : `.${frac}`}`;
}

/** 0.923 → "92%". */
export function formatPercent(share: number | null): string {
  return share === null ? '?%' : `${Math.round(share * 100)}%`;
}

/** Days with one decimal below 10 ("3.5 days"), whole days above ("45 days"); "1 day" singular. */
export function formatDays(days: number | null): string {
  if (days === null) return '? days';
  const shown = days < 10 ? Math.round(days * 10) / 10 : Math.round(days);
  return `${shown} ${shown === 1 ? 'day' : 'days'}`;
}

/** The calendar date (UTC) of an ISO time: "2024-01-05T10:00:00.000Z" → "2024-01-05". */
export function formatDate(iso: string | null): string {
  if (iso === null) return '?';
  return /^\d{4}-\d{2}-\d{2}/.exec(iso)?.[0] ?? iso;
}

function plural(n: number | null, one: string, many: string): string {
  return n === 1 ? one : many;
}

// ------------------------------------------------------------------ English renderer

/** Prefix of params that carry a nested cause: `{cause: 'metric.claps.too-few', 'cause.have': 2, 'cause.need': 3}`. */
export const CAUSE_PARAM_PREFIX = 'cause.';

/** Flattens a cause message into params (`cause` = its id, `cause.<key>` = its params). */
export function causeParams(cause: DiscoveryMessage | null): Record<string, DiscoveryParamValue> {
  if (cause === null) return { cause: null };
  const out: Record<string, DiscoveryParamValue> = { cause: cause.messageId };
  for (const [k, v] of Object.entries(cause.params)) out[`${CAUSE_PARAM_PREFIX}${k}`] = v;
  return out;
}

function renderCause(p: DiscoveryParams, fallback: string): string {
  const id = str(p, 'cause');
  if (id === null || !isDiscoveryMessageId(id)) return fallback;
  const params: Record<string, DiscoveryParamValue> = {};
  for (const [k, v] of Object.entries(p)) if (k.startsWith(CAUSE_PARAM_PREFIX)) params[k.slice(CAUSE_PARAM_PREFIX.length)] = v;
  return renderDiscoveryMessage(id, params);
}

type Renderer = (p: DiscoveryParams) => string;

const RENDERERS: Record<DiscoveryMessageId, Renderer> = {
  'metric.followers.unknown': () => 'follower count unknown',
  'metric.following.unknown': () => 'following count unknown',
  'metric.posts.none': () => 'no posts in the evidence',
  'metric.dates.none': () => 'no post has a publish date',
  'metric.cadence.too-few-posts': (p) =>
    `cadence needs at least ${formatCount(num(p, 'need'))} dated posts, have ${formatCount(num(p, 'have'))}`,
  'metric.cadence.same-time': (p) => `all ${formatCount(num(p, 'posts'))} dated posts share one publish time (bulk import?)`,
  'metric.niche.empty': () => 'no niche keywords or tags were given',
  'metric.niche.no-text': () => 'no recent post has a title or tags to match against the niche',
  'metric.claps.unknown': () => 'clap counts unknown (RSS feeds carry none; read the story pages)',
  'metric.claps.too-few': (p) => `needs clap counts of at least ${formatCount(num(p, 'need'))} posts, have ${formatCount(num(p, 'have'))}`,
  'metric.responses.unknown': () => 'response counts unknown',
  'metric.word-count.unknown': () => 'word counts unknown',
  'metric.publication.unknown': () => 'publication membership unknown (post lists from feeds and profiles do not say)',
  'metric.warning.duplicate-post': (p) => `post ${str(p, 'postId') ?? '?'} appeared ${formatCount(num(p, 'times'))} times; merged`,
  'metric.warning.invalid-date': (p) =>
    `post ${str(p, 'postId') ?? '?'} has an unreadable date "${str(p, 'value') ?? ''}"; treated as undated`,
  'metric.warning.future-date': (p) =>
    `post ${str(p, 'postId') ?? '?'} is dated after the analysis time (${formatDate(str(p, 'publishedAt'))})`,
  'metric.warning.invalid-count': (p) =>
    `${str(p, 'field') ?? 'a count'} of ${str(p, 'postId') ?? 'the author'} is not a non-negative number; treated as unknown`,

  'score.followers': (p) =>
    `${formatCount(num(p, 'followers'))} ${plural(num(p, 'followers'), 'follower', 'followers')} (log scale, full marks at ${formatCount(num(p, 'saturation'))})`,
  'score.posts-in-window': (p) =>
    `${p.lowerBound === true ? 'at least ' : ''}${formatCount(num(p, 'posts'))} ${plural(num(p, 'posts'), 'post', 'posts')} in the last ${formatCount(num(p, 'windowDays'))} days (full marks at ${formatCount(num(p, 'saturation'))}, about weekly)`,
  'score.regularity': (p) =>
    `posts every ${formatDays(num(p, 'medianGapDays'))} (median gap); regularity ${formatPercent(num(p, 'regularity'))} (gap variation ${formatCount(num(p, 'variation'))})`,
  'score.niche-share': (p) =>
    `${formatCount(num(p, 'matched'))} of ${formatCount(num(p, 'evaluated'))} recent posts match the niche (${formatPercent(num(p, 'share'))})`,
  'score.median-claps': (p) =>
    `median ${formatCount(num(p, 'claps'))} claps per story (log scale, full marks at ${formatCount(num(p, 'saturation'))})`,
  'score.responses': (p) =>
    `${formatCount(num(p, 'perStory'))} responses per story (log scale, full marks at ${formatCount(num(p, 'saturation'))})`,
  'score.viral': (p) =>
    `top story has ${formatCount(num(p, 'dominance'))}× the median claps (${formatPercent(num(p, 'topShare'))} of all claps); full marks up to ${formatCount(num(p, 'fullUpTo'))}×, none from ${formatCount(num(p, 'zeroAt'))}×`,
  'score.recency': (p) =>
    `last post ${formatDate(str(p, 'lastPostAt'))}, ${formatDays(num(p, 'days'))} ago (full marks within ${formatDays(num(p, 'graceDays'))}, halves every ${formatDays(num(p, 'halfLifeDays'))})`,
  'score.publication': (p) =>
    `${formatCount(num(p, 'inPublication'))} of ${formatCount(num(p, 'evaluated'))} recent posts in publications${str(p, 'publications') === null ? '' : ` (${str(p, 'publications')})`}`,
  'score.missing': (p) => `not scored: ${renderCause(p, 'input missing')}`,

  'gate.followers.below': (p) => `too few followers: ${formatCount(num(p, 'followers'))} (minimum ${formatCount(num(p, 'min'))})`,
  'gate.followers.unknown': (p) => `follower count unknown: cannot check the minimum of ${formatCount(num(p, 'min'))}`,
  'gate.posts.below': (p) =>
    `writes rarely: ${p.lowerBound === true ? 'at least ' : ''}${formatCount(num(p, 'posts'))} ${plural(num(p, 'posts'), 'post', 'posts')} in the last ${formatCount(num(p, 'windowDays'))} days (minimum ${formatCount(num(p, 'min'))})`,
  'gate.posts.unknown': (p) =>
    `posts in the last ${formatCount(num(p, 'windowDays'))} days unknown (${renderCause(p, 'no post dates')}): cannot check the minimum of ${formatCount(num(p, 'min'))}`,
  'gate.niche.below': (p) =>
    `off-niche: ${formatPercent(num(p, 'share'))} of recent posts match the niche (${formatCount(num(p, 'matched'))} of ${formatCount(num(p, 'evaluated'))}; minimum ${formatPercent(num(p, 'min'))})`,
  'gate.niche.unknown': (p) => `niche share unknown: ${renderCause(p, 'no titles or tags')}`,
  'gate.viral.one-hit': (p) => `one viral hit: ${formatPercent(num(p, 'share'))} of claps from one story`,
  'gate.viral.unknown': (p) => `cannot tell a one-hit author: ${renderCause(p, 'clap counts unknown')}`,
  'gate.inactive': (p) => `inactive since ${formatDate(str(p, 'since'))}`,
  'gate.activity.unknown': (p) => `last activity unknown: ${renderCause(p, 'no post has a publish date')}`,
};

export function isDiscoveryMessageId(id: string): id is DiscoveryMessageId {
  return Object.hasOwn(RENDERERS, id);
}

/**
 * English text of a discovery message, e.g. `gate.viral.one-hit {share: 0.92}` → "one viral hit: 92% of claps
 * from one story". An unknown id (a newer record read by an older CLI) renders as the id and its params
 * instead of throwing, so output never breaks on data.
 */
export function renderDiscoveryMessage(messageId: string, params: DiscoveryParams = {}): string {
  if (!isDiscoveryMessageId(messageId)) {
    const keys = Object.keys(params).sort();
    return keys.length === 0 ? messageId : `${messageId} (${keys.map((k) => `${k}=${String(params[k])}`).join(', ')})`;
  }
  return RENDERERS[messageId](params);
}
