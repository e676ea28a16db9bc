/**
 * Messages of the outreach core (pipeline, pacing, agenda, placed-link monitoring). Core returns a stable
 * `messageId` plus JSON-primitive `params`; rendering is the shell's job (DESIGN §3 "Messages are ids + params").
 * `renderOutreachMessage` is the English renderer used by the CLI. Ids are part of the JSON output: add ids,
 * never rename one. Times in params are epoch ms; the renderer prints them as UTC, or in a given fixed offset.
 */

export type OutreachParamValue = string | number | boolean | null;
export type OutreachParams = Readonly<Record<string, OutreachParamValue>>;

export const OUTREACH_MESSAGE_IDS = [
  // ---- pipeline state machine (pipeline-state-machine.ts)
  'pipeline.unknown-stage',
  'pipeline.same-stage',
  'pipeline.pause-not-active',
  'pipeline.resume-unknown',
  'pipeline.resume-wrong-stage',
  'pipeline.not-allowed',
  'pipeline.reopen-only-qualified',
  'pipeline.closed',
  'pipeline.backward',
  'pipeline.linked-from',
  'pipeline.link-needs-placement',
  'pipeline.pitch-needs-engagement',
  // ---- pacing rules (pacing-rules.ts)
  'pacing.prospect-inactive',
  'pacing.quiet-day',
  'pacing.daily-cap',
  'pacing.daily-cap-total',
  'pacing.author-gap',
  'pacing.author-gap-any',
  'pacing.burst',
  'pacing.follow-already',
  'pacing.pitch-min-engagements',
  'pacing.pitch-min-span',
  'pacing.follow-up-no-pitch',
  'pacing.follow-up-replied',
  'pacing.follow-up-max',
  'pacing.follow-up-too-soon',
  // ---- agenda (agenda-planner.ts): why an item is on the list, and its priority factors
  'agenda.why.follow',
  'agenda.why.comment',
  'agenda.why.clap',
  'agenda.why.pitch',
  'agenda.why.follow-up',
  'agenda.priority.action',
  'agenda.priority.score',
  'agenda.priority.score-unknown',
  'agenda.priority.warmth',
  'agenda.priority.staleness',
  // ---- placed-link monitoring (link-monitor-states.ts)
  'placement.found',
  'placement.live',
  'placement.changed',
  'placement.restored',
  'placement.recovered',
  'placement.lost.page-gone',
  'placement.lost.link-gone',
  'placement.lost.unreachable',
  'placement.failing',
  'placement.change.target',
  'placement.change.target-redirects',
  'placement.change.rel',
  'placement.change.placement',
  'placement.change.anchor',
] as const;

export type OutreachMessageId = (typeof OUTREACH_MESSAGE_IDS)[number];

export interface OutreachMessage {
  messageId: OutreachMessageId;
  params: OutreachParams;
}

/** Builds a message record (params are copied so a stored message cannot be mutated through the caller's object). */
export function outreachMessage(messageId: OutreachMessageId, params: OutreachParams = {}): OutreachMessage {
  return { messageId, params: { ...params } };
}

export interface RenderOptions {
  /** Print times in this fixed offset from UTC (minutes) instead of UTC. */
  utcOffsetMinutes?: number;
}

// ------------------------------------------------------------------ formatting helpers (deterministic)

function num(p: OutreachParams, key: string): number | null {
  const v = p[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function str(p: OutreachParams, key: string): string {
  const v = p[key];
  return typeof v === 'string' ? v : v === null || v === undefined ? '?' : String(v);
}

function count(n: number | null): string {
  if (n === null) return '?';
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

function plural(n: number | null, one: string, many: string): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** 72 → "3 days", 20 → "20 hours", 1.5 → "1.5 hours". */
export function formatHours(hours: number | null): string {
  if (hours === null) return '?';
  if (hours >= 24 && hours % 24 === 0) return plural(hours / 24, 'day', 'days');
  return plural(hours, 'hour', 'hours');
}

/** Epoch ms → "2025-03-04 09:30 UTC" (or "2025-03-04 10:30 UTC+01:00" with an offset). */
export function formatTime(ms: number | null, options: RenderOptions = {}): string {
  if (ms === null) return '?';
  const off = options.utcOffsetMinutes ?? 0;
  const iso = new Date(ms + off * 60_000).toISOString();
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const zone = off === 0 ? 'UTC' : `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${zone}`;
}

type Renderer = (p: OutreachParams, o: RenderOptions) => string;

const RENDERERS: Record<OutreachMessageId, Renderer> = {
  'pipeline.unknown-stage': (p) => `unknown stage "${str(p, 'stage')}"`,
  'pipeline.same-stage': (p) => `already at stage ${str(p, 'stage')}`,
  'pipeline.pause-not-active': (p) => `only an active prospect can be paused (this one is ${str(p, 'from')})`,
  'pipeline.resume-unknown': (p) => `the stage before the pause is unknown; use --force to resume at ${str(p, 'to')}`,
  'pipeline.resume-wrong-stage': (p) =>
    `a paused prospect resumes at the stage it was paused from (${str(p, 'expected')}), not ${str(p, 'to')}`,
  'pipeline.not-allowed': (p) => `cannot move from ${str(p, 'from')} to ${str(p, 'to')}`,
  'pipeline.reopen-only-qualified': (p) => `a ${str(p, 'from')} prospect can only be reopened as qualified, not ${str(p, 'to')}`,
  'pipeline.closed': (p) => `a linked prospect can only become lost (the link was removed), not ${str(p, 'to')}`,
  'pipeline.backward': (p) => `moving back from ${str(p, 'from')} to ${str(p, 'to')} is a correction: use --force`,
  'pipeline.linked-from': (p) => `linked can only follow ${str(p, 'allowed')} (this prospect is ${str(p, 'from')})`,
  'pipeline.link-needs-placement': () => 'no link-placed touch is logged yet: log the link you saw first',
  'pipeline.pitch-needs-engagement': (p) =>
    `pitching needs at least ${plural(num(p, 'need'), 'engagement', 'engagements')} (comment, clap, response or reply); have ${count(num(p, 'have'))}`,

  'pacing.prospect-inactive': (p) => `the prospect is ${str(p, 'stage')}: no outreach planned`,
  'pacing.quiet-day': (p) => `${str(p, 'weekday')} is a quiet day`,
  'pacing.daily-cap': (p) => `daily cap for ${str(p, 'kind')} reached (${count(num(p, 'count'))} of ${count(num(p, 'cap'))} today)`,
  'pacing.daily-cap-total': (p) => `daily cap for all touches reached (${count(num(p, 'count'))} of ${count(num(p, 'cap'))} today)`,
  'pacing.author-gap': (p, o) =>
    `at least ${formatHours(num(p, 'gapHours'))} between ${str(p, 'kind')} touches on the same author (last: ${formatTime(num(p, 'lastAt'), o)})`,
  'pacing.author-gap-any': (p, o) =>
    `at least ${formatHours(num(p, 'gapHours'))} between touches on the same author (last: ${str(p, 'lastKind')} at ${formatTime(num(p, 'lastAt'), o)})`,
  'pacing.burst': (p) =>
    `more than ${count(num(p, 'max'))} touches within ${plural(num(p, 'windowMinutes'), 'minute', 'minutes')} looks automated`,
  'pacing.follow-already': (p, o) => `already followed (${formatTime(num(p, 'followedAt'), o)})`,
  'pacing.pitch-min-engagements': (p) =>
    `a pitch needs ${plural(num(p, 'need'), 'engagement', 'engagements')} first (${str(p, 'kinds')}); have ${count(num(p, 'have'))}`,
  'pacing.pitch-min-span': (p, o) =>
    `engagement should span at least ${plural(num(p, 'need'), 'day', 'days')} before a pitch (first: ${formatTime(num(p, 'firstAt'), o)}, ${plural(num(p, 'days'), 'day', 'days')} ago)`,
  'pacing.follow-up-no-pitch': () => 'no pitch to follow up on',
  'pacing.follow-up-replied': (p, o) => `they already replied (${formatTime(num(p, 'repliedAt'), o)}): answer the reply instead`,
  'pacing.follow-up-max': (p) =>
    `already ${plural(num(p, 'sent'), 'follow-up', 'follow-ups')} sent (maximum ${count(num(p, 'max'))} per pitch)`,
  'pacing.follow-up-too-soon': (p, o) =>
    `a follow-up waits ${plural(num(p, 'afterDays'), 'day', 'days')} after the last message (${formatTime(num(p, 'lastAt'), o)})`,

  'agenda.why.follow': () => 'follow them to start the relationship',
  'agenda.why.comment': (p, o) =>
    `respond to their newest story "${str(p, 'storyTitle')}" (published ${formatTime(num(p, 'publishedAt'), o)})`,
  'agenda.why.clap': (p, o) =>
    `read and clap their newest story "${str(p, 'storyTitle')}" (published ${formatTime(num(p, 'publishedAt'), o)})`,
  'agenda.why.pitch': (p) =>
    `ready to pitch: ${plural(num(p, 'engagements'), 'engagement', 'engagements')} over ${plural(num(p, 'days'), 'day', 'days')}`,
  'agenda.why.follow-up': (p, o) =>
    `no reply since ${formatTime(num(p, 'lastAt'), o)}: follow-up ${count(num(p, 'number'))} of at most ${count(num(p, 'max'))}`,
  'agenda.priority.action': (p) => `${str(p, 'action')}: +${count(num(p, 'points'))}`,
  'agenda.priority.score': (p) => `author score ${count(num(p, 'score'))}: +${count(num(p, 'points'))}`,
  'agenda.priority.score-unknown': () => 'author score unknown: +0',
  'agenda.priority.warmth': (p) =>
    `warmth (${plural(num(p, 'engagements'), 'engagement', 'engagements')}, ${plural(num(p, 'inbound'), 'answer', 'answers')} from them): +${count(num(p, 'points'))}`,
  'agenda.priority.staleness': (p) =>
    num(p, 'days') === null
      ? `never touched: +${count(num(p, 'points'))}`
      : `${plural(num(p, 'days'), 'day', 'days')} since the last touch: +${count(num(p, 'points'))}`,

  'placement.found': () => 'link found',
  'placement.live': () => 'link live as expected',
  'placement.changed': (p) => `link changed: ${str(p, 'fields')}`,
  'placement.restored': () => 'link back as expected',
  'placement.recovered': (p) =>
    typeof p.fields === 'string' && p.fields !== ''
      ? `link found again after being lost, but changed: ${p.fields}`
      : 'link found again after being lost',
  'placement.lost.page-gone': (p) => `page gone (HTTP ${count(num(p, 'status'))})`,
  'placement.lost.link-gone': () => 'the link is no longer on the page',
  'placement.lost.unreachable': (p) =>
    `unreachable for ${plural(num(p, 'failures'), 'check', 'checks')} in a row (${str(p, 'lastFailure')})`,
  'placement.failing': (p) =>
    `check failed (${str(p, 'failure')}), ${count(num(p, 'failures'))} of ${count(num(p, 'limit'))} before it counts as lost`,
  'placement.change.target': (p) => `target changed from ${str(p, 'from')} to ${str(p, 'to')}`,
  'placement.change.target-redirects': (p) => `target now redirects to ${str(p, 'to')}`,
  'placement.change.rel': (p) =>
    `rel changed from "${str(p, 'from')}" to "${str(p, 'to')}"${p.followBefore !== p.followAfter ? (p.followAfter === true ? ' (now followed)' : ' (no longer followed)') : ''}`,
  'placement.change.placement': (p) => `moved from ${str(p, 'from')} to ${str(p, 'to')}`,
  'placement.change.anchor': (p) => `anchor text changed from "${str(p, 'from')}" to "${str(p, 'to')}"`,
};

export function isOutreachMessageId(id: string): id is OutreachMessageId {
  return Object.hasOwn(RENDERERS, id);
}

/**
 * English text of an outreach message. An unknown id (a newer record read by an older CLI) renders as the id and
 * its params instead of throwing, so output never breaks on data.
 */
export function renderOutreachMessage(messageId: string, params: OutreachParams = {}, options: RenderOptions = {}): string {
  if (!isOutreachMessageId(messageId)) {
    const keys = Object.keys(params).sort();
    return keys.length === 0 ? messageId : `${messageId} (${keys.map((k) => `${k}=${String(params[k])}`).join(', ')})`;
  }
  return RENDERERS[messageId](params, options);
}
