/**
 * `linkwright agenda`: today's list — whom to follow, whose newest story to respond to or clap, who is ready for
 * a pitch, whose pitch needs a follow-up — in priority order, with a suggested time for each.
 *
 * A pure function of (rules, prospects, touches, clock, seed). Guarantees (tested over simulated months in
 * agenda-simulation.test.ts): performing every item at its suggested time never breaks a pacing rule — every item
 * is verified with `checkTouch` against the log *plus the items planned before it* — so daily caps, per-author
 * gaps, the burst rule, quiet days, pitch readiness and follow-up timing hold by construction.
 *
 * Not robotic: per-author gaps are stretched by a seeded random amount (up to `jitter.gapExtraMaxHours`, drawn
 * once per gap so the same day's agenda is stable across runs), and suggested times are spread 15–45 minutes
 * apart in a seeded order. The seed is the caller's (e.g. a hash of the user id), so two users with the same
 * prospects do not act in lockstep.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type OutreachMessage, outreachMessage } from './outreach-messages.js';
import {
  checkTouch,
  DAY_MS,
  HOUR_MS,
  isQuietDay,
  localDateKey,
  localDayStart,
  MINUTE_MS,
  type PacingRules,
  type PacingRulesInput,
  resolvePacingRules,
} from './pacing-rules.js';
import type { PipelineStage } from './pipeline-state-machine.js';
import { seededRandom } from './seeded-random.js';
import { isOutboundKind, type OutboundTouchKind, type Touch, touchesOf } from './touch-types.js';

export interface StoryRef {
  url: string;
  title: string;
  /** Epoch ms. */
  publishedAt: number;
}

export interface AgendaProspect {
  id: string;
  username: string;
  stage: PipelineStage;
  /** Author score 0–100 (discovery), or null when not scored. */
  score: number | null;
  /** Their newest story from the feed; engaging needs one. */
  newestStory?: StoryRef | null;
}

export interface AgendaInput {
  rules?: PacingRules | PacingRulesInput;
  prospects: readonly AgendaProspect[];
  /** The whole touch log (all prospects). */
  touches: readonly Touch[];
  /** The clock's reading, epoch ms; the agenda is for the local day containing it. */
  now: number;
  /** Seed for the jitter (any string; same seed + same inputs ⇒ same agenda). */
  seed: string;
}

export type AgendaAction = 'follow' | 'engage' | 'pitch' | 'follow-up';

export type PriorityFactor = 'action' | 'score' | 'warmth' | 'staleness';

export interface PriorityReason extends OutreachMessage {
  factor: PriorityFactor;
  points: number;
}

export interface AgendaItem {
  prospectId: string;
  username: string;
  action: AgendaAction;
  /** The touch kind to log when done (`engage` is a `comment` or a `clap`). */
  kind: OutboundTouchKind;
  /** The story to respond to / clap / mention (their newest), or null (a follow, or no recent story known). */
  story: StoryRef | null;
  /** Suggested time (epoch ms, whole minute); acting at this time breaks no rule. */
  suggestedAt: number;
  /** Earliest time today at which the rules (and the jittered gaps) allow it. */
  earliestAt: number;
  priority: number;
  reasons: PriorityReason[];
  /** Why it is on the list. */
  why: OutreachMessage;
}

/**
 * Priority points. Order of actions: a follow-up is time-bound (a pitch is in flight and goes stale); a ready pitch
 * is the payoff of weeks of engagement; a response keeps a relationship warm and counts towards pitch readiness;
 * a clap keeps it warm without counting; a follow starts a new relationship and is the cheapest to postpone. Then
 * the author score (who is worth most), warmth (who answers) and staleness (nobody should go cold) — the issue's
 * "score, warmth, staleness". Each factor is capped so one can never drown the action order entirely.
 */
export const AGENDA_PRIORITY = {
  action: { 'follow-up': 40, pitch: 35, comment: 20, clap: 12, follow: 10 } satisfies Record<OutboundTouchKind, number>,
  /** Points per score point (score 0–100 ⇒ 0–30). */
  scoreWeight: 0.3,
  warmth: { perEngagement: 2, perInbound: 6, max: 20 },
  staleness: { perDay: 1, max: 10 },
} as const;

interface Option {
  prospect: AgendaProspect;
  action: AgendaAction;
  kind: OutboundTouchKind;
  story: StoryRef | null;
  earliestAt: number;
  priority: number;
  reasons: PriorityReason[];
  why: OutreachMessage;
}

interface DayContext {
  rules: PacingRules;
  now: number;
  seed: string;
  dayKey: string;
  windowStart: number;
  windowEnd: number;
  /** Outbound touches near today (caps and bursts only look at today ± the burst window). */
  nearby: Touch[];
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Earliest time today the rules allow `kind` on this prospect, with the per-author gap stretched by jitter. */
function earliestToday(
  ctx: DayContext,
  prospect: AgendaProspect,
  mine: readonly Touch[],
  kind: OutboundTouchKind,
  anchor: { lastAt: number; gapMs: number } | null,
): number | null {
  const relevant = mergeTouches(mine, ctx.nearby);
  const check = checkTouch(ctx.rules, relevant, { prospectId: prospect.id, kind, at: ctx.windowStart, stage: prospect.stage }, ctx.now);
  let earliest = check.allowed ? ctx.windowStart : check.safeAt;
  if (earliest === null || earliest > ctx.windowEnd) return null;
  if (anchor !== null) {
    // Drawn from the anchor (the touch that starts the gap), so the stretch stays the same on every day until a
    // new touch happens; re-drawing each day would turn it into a daily coin flip biased towards the minimum gap.
    const extra = seededRandom(ctx.seed, prospect.id, kind, anchor.lastAt)() * ctx.rules.jitter.gapExtraMaxHours * HOUR_MS;
    earliest = Math.max(earliest, anchor.lastAt + anchor.gapMs + extra);
  }
  return earliest <= ctx.windowEnd ? earliest : null;
}

function mergeTouches(a: readonly Touch[], b: readonly Touch[]): Touch[] {
  const seen = new Set<Touch>(a);
  return [...a, ...b.filter((t) => !seen.has(t))];
}

function priorityOf(prospect: AgendaProspect, mine: readonly Touch[], kind: OutboundTouchKind, action: AgendaAction, now: number) {
  const reasons: PriorityReason[] = [];
  const actionPoints = AGENDA_PRIORITY.action[kind];
  reasons.push({
    factor: 'action',
    points: actionPoints,
    ...outreachMessage('agenda.priority.action', { action: action === 'engage' ? kind : action, points: actionPoints }),
  });

  if (prospect.score === null || !Number.isFinite(prospect.score)) {
    reasons.push({ factor: 'score', points: 0, ...outreachMessage('agenda.priority.score-unknown', { points: 0 }) });
  } else {
    const score = Math.min(100, Math.max(0, prospect.score));
    const points = round1(score * AGENDA_PRIORITY.scoreWeight);
    reasons.push({ factor: 'score', points, ...outreachMessage('agenda.priority.score', { score: prospect.score, points }) });
  }

  const past = mine.filter((t) => t.at <= now);
  const engagements = past.filter((t) => t.kind === 'comment' || t.kind === 'clap').length;
  const inbound = past.filter((t) => t.kind === 'response-received' || t.kind === 'reply').length;
  const w = AGENDA_PRIORITY.warmth;
  const warmth = Math.min(w.max, engagements * w.perEngagement + inbound * w.perInbound);
  reasons.push({
    factor: 'warmth',
    points: warmth,
    ...outreachMessage('agenda.priority.warmth', { engagements, inbound, points: warmth }),
  });

  const lastOut = past.filter((t) => isOutboundKind(t.kind)).at(-1);
  const days = lastOut === undefined ? null : Math.floor((now - lastOut.at) / DAY_MS);
  const s = AGENDA_PRIORITY.staleness;
  const staleness = days === null ? 0 : Math.min(s.max, days * s.perDay);
  reasons.push({ factor: 'staleness', points: staleness, ...outreachMessage('agenda.priority.staleness', { days, points: staleness }) });

  return { priority: round1(reasons.reduce((sum, r) => sum + r.points, 0)), reasons };
}

function optionsFor(ctx: DayContext, prospect: AgendaProspect, mine: readonly Touch[]): Option[] {
  const { rules, now } = ctx;
  const stage = prospect.stage;
  // `found` waits for the user to qualify the author; the side stages get nothing (pacing refuses them too).
  if (stage !== 'qualified' && stage !== 'followed' && stage !== 'engaged' && stage !== 'pitched') return [];
  const past = mine.filter((t) => t.at <= now);
  const out: Option[] = [];
  const add = (action: AgendaAction, kind: OutboundTouchKind, story: StoryRef | null, earliestAt: number | null, why: OutreachMessage) => {
    if (earliestAt === null) return;
    out.push({ prospect, action, kind, story, earliestAt, why, ...priorityOf(prospect, mine, kind, action, now) });
  };
  const story = recentStory(prospect.newestStory ?? null, rules, now);

  if (stage === 'pitched') {
    const lastPitch = past.filter((t) => t.kind === 'pitch').at(-1);
    if (lastPitch === undefined) return out;
    const since = past.filter((t) => t.at >= lastPitch.at && t !== lastPitch);
    const followUps = since.filter((t) => t.kind === 'follow-up');
    const lastAsk = followUps.at(-1)?.at ?? lastPitch.at;
    const earliest = earliestToday(ctx, prospect, mine, 'follow-up', { lastAt: lastAsk, gapMs: rules.followUp.afterDays * DAY_MS });
    add(
      'follow-up',
      'follow-up',
      story,
      earliest,
      outreachMessage('agenda.why.follow-up', { lastAt: lastAsk, number: followUps.length + 1, max: rules.followUp.max }),
    );
    return out;
  }

  // A qualified author is followed first; one already followed (logged) is treated like `followed`.
  if (stage === 'qualified' && !past.some((t) => t.kind === 'follow')) {
    add('follow', 'follow', null, earliestToday(ctx, prospect, mine, 'follow', null), outreachMessage('agenda.why.follow', {}));
    return out;
  }

  const counted = past.filter((t) => rules.pitch.countedKinds.includes(t.kind));
  const first = counted[0];
  if (first !== undefined) {
    const earliest = earliestToday(ctx, prospect, mine, 'pitch', { lastAt: first.at, gapMs: rules.pitch.minSpanDays * DAY_MS });
    add(
      'pitch',
      'pitch',
      story,
      earliest,
      outreachMessage('agenda.why.pitch', { engagements: counted.length, days: Math.floor((now - first.at) / DAY_MS) }),
    );
  }

  if (story !== null) {
    const onStory = past.filter((t) => t.storyUrl === story.url);
    const params = { storyTitle: story.title, publishedAt: story.publishedAt };
    if (!onStory.some((t) => t.kind === 'comment')) {
      const last = past.filter((t) => t.kind === 'comment').at(-1);
      const anchor = last === undefined ? null : { lastAt: last.at, gapMs: rules.sameAuthorGapHours.comment * HOUR_MS };
      add('engage', 'comment', story, earliestToday(ctx, prospect, mine, 'comment', anchor), outreachMessage('agenda.why.comment', params));
    }
    // A clap only on a story we have not touched yet: the light touch for a new story while a response must wait.
    if (!onStory.some((t) => t.kind === 'comment' || t.kind === 'clap')) {
      const last = past.filter((t) => t.kind === 'clap').at(-1);
      const anchor = last === undefined ? null : { lastAt: last.at, gapMs: rules.sameAuthorGapHours.clap * HOUR_MS };
      add('engage', 'clap', story, earliestToday(ctx, prospect, mine, 'clap', anchor), outreachMessage('agenda.why.clap', params));
    }
  }
  return out;
}

function recentStory(story: StoryRef | null, rules: PacingRules, now: number): StoryRef | null {
  if (story === null || !Number.isFinite(story.publishedAt)) return null;
  if (story.publishedAt > now) return null;
  return now - story.publishedAt <= rules.engage.maxStoryAgeDays * DAY_MS ? story : null;
}

/** Today's agenda, highest priority first. Empty on a quiet day. */
export function planAgenda(input: AgendaInput): AgendaItem[] {
  const rules = resolvePacingRules(input.rules ?? {});
  const { now, seed } = input;
  if (!Number.isFinite(now))
    throw new LinkwrightError('INVALID_INPUT', 'the agenda clock must be a finite epoch-ms value', { details: { field: 'now' } });
  if (isQuietDay(rules, now)) return [];
  const off = rules.utcOffsetMinutes;
  const dayStart = localDayStart(now, off);
  const dayEnd = dayStart + DAY_MS;
  let windowStart = Math.max(now, dayStart + rules.workingHours.start * HOUR_MS);
  let windowEnd = dayStart + rules.workingHours.end * HOUR_MS;
  // Asked after working hours: what is still allowed today, until just before midnight.
  if (windowStart >= windowEnd) windowEnd = dayEnd - MINUTE_MS;
  windowStart = Math.ceil(windowStart / MINUTE_MS) * MINUTE_MS;
  if (windowStart >= windowEnd) return [];

  const margin = Math.max(DAY_MS, rules.burst.windowMinutes * MINUTE_MS);
  const nearby = input.touches.filter((t) => isOutboundKind(t.kind) && t.at >= dayStart - margin && t.at < dayEnd + margin);
  const ctx: DayContext = { rules, now, seed, dayKey: localDateKey(now, off), windowStart, windowEnd, nearby };

  const byProspect = new Map<string, Touch[]>();
  for (const p of input.prospects) byProspect.set(p.id, []);
  for (const t of input.touches) byProspect.get(t.prospectId)?.push(t);

  const options: Option[] = [];
  for (const p of input.prospects) options.push(...optionsFor(ctx, p, touchesOf(byProspect.get(p.id) ?? [], p.id)));
  const kindOrder: readonly OutboundTouchKind[] = ['follow-up', 'pitch', 'comment', 'clap', 'follow'];
  options.sort(
    (a, b) =>
      b.priority - a.priority ||
      (a.prospect.id < b.prospect.id ? -1 : a.prospect.id > b.prospect.id ? 1 : 0) ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind),
  );

  // Caps: what today's log already used.
  const today = nearby.filter((t) => t.at >= dayStart && t.at < dayEnd);
  const remaining: Record<OutboundTouchKind, number> = { ...rules.dailyCaps };
  for (const t of today) if (isOutboundKind(t.kind)) remaining[t.kind] -= 1;
  let remainingTotal = rules.dailyTotalCap - today.length;

  const chosen: Option[] = [];
  const taken = new Set<string>();
  for (const o of options) {
    if (taken.has(o.prospect.id) || remaining[o.kind] <= 0 || remainingTotal <= 0) continue;
    chosen.push(o);
    taken.add(o.prospect.id);
    remaining[o.kind] -= 1;
    remainingTotal -= 1;
  }

  // Times: in order of earliest allowed time (ties in a seeded random order), spaced by a seeded 15–45 minutes.
  const order = chosen
    .map((o) => ({ o, key: seededRandom(seed, ctx.dayKey, o.prospect.id)() }))
    .sort((a, b) => a.o.earliestAt - b.o.earliestAt || a.key - b.key)
    .map((x) => x.o);
  const rnd = seededRandom(seed, 'agenda-times', ctx.dayKey);
  const { minSpacingMinutes, maxSpacingMinutes } = rules.jitter;
  const spacing = () => (minSpacingMinutes + rnd() * (maxSpacingMinutes - minSpacingMinutes)) * MINUTE_MS;

  const planned: Touch[] = [];
  const items: AgendaItem[] = [];
  let previous: number | null = null;
  for (const o of order) {
    const start: number = previous === null ? windowStart + rnd() * maxSpacingMinutes * MINUTE_MS : previous + spacing();
    const at = Math.ceil(Math.max(o.earliestAt, start) / MINUTE_MS) * MINUTE_MS;
    if (at > windowEnd) continue;
    const relevant = mergeTouches(byProspect.get(o.prospect.id) ?? [], nearby);
    const check = checkTouch(
      rules,
      [...relevant, ...planned],
      { prospectId: o.prospect.id, kind: o.kind, at, stage: o.prospect.stage },
      now,
    );
    if (!check.allowed) continue;
    planned.push({ prospectId: o.prospect.id, kind: o.kind, at, storyUrl: o.story?.url ?? null });
    previous = at;
    items.push({
      prospectId: o.prospect.id,
      username: o.prospect.username,
      action: o.action,
      kind: o.kind,
      story: o.story,
      suggestedAt: at,
      earliestAt: o.earliestAt,
      priority: o.priority,
      reasons: o.reasons,
      why: o.why,
    });
  }
  return items.sort((a, b) => b.priority - a.priority || a.suggestedAt - b.suggestedAt);
}
