/**
 * Pacing rules for working relationships on Medium at a human, non-spammy pace (feature-anchors §3 gap 4:
 * "engagement pacing and anti-ban scheduling … minimum gap between touches, daily cap, and a warning on bursts" —
 * outreach tools only cap e-mails per day, e.g. Pitchbox's per-campaign daily limit, feature-anchors §1.6).
 *
 * Pure: every time is an epoch-ms argument; day boundaries use a fixed UTC offset passed in the rules (the shell
 * computes it for the user's zone and date, so DST is the shell's concern, not this module's).
 *
 * Why limits at all. Medium publishes no numeric limits, but its Rules (policy.medium.com/medium-rules, version
 * published 2024-09; text read from a public mirror) list under "Spam or Site Misuse": "performing a
 * disproportionately large number of interactions, particularly by automated means … bulk or indiscriminate
 * interactions, such as following of other accounts (follow spam), clapping, highlighting, leaving notes", and
 * "repeatedly using responses, mentions, or other interactions as a method of promotion or marketing"; and under
 * "Paid, automatic, bulk, or non-genuine interactions": "interacting with users or content automatically,
 * systematically, or programmatically". Medium Trust & Safety quoted the spam clauses when it warned a writer for
 * 30–40 templated responses (third-party report, infinite-oneness85.medium.com, Oct 2021), and the 2024
 * suspension waves hit very active but genuine commenters (third-party reports). Hence: Linkwright never performs
 * a touch — the agenda is a to-do list for a person — every default below aims far below "disproportionate",
 * every touch is something a person does by hand after reading, and touches are spread so the pattern is not
 * systematic. All numbers are configurable.
 *
 * Rule ids and message ids are stable (stored, printed with `--json`): add ids, never rename one.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { formatTime, type OutreachMessage, outreachMessage, type RenderOptions, renderOutreachMessage } from './outreach-messages.js';
import { INACTIVE_STAGES, type PipelineStage } from './pipeline-state-machine.js';
import { isOutboundKind, OUTBOUND_TOUCH_KINDS, type OutboundTouchKind, TOUCH_KINDS, type Touch, type TouchKind } from './touch-types.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface PacingRules {
  /** Offset of the user's local time from UTC, in minutes (e.g. 60 for CET). Days and weekdays are local. */
  utcOffsetMinutes: number;
  /** Local weekdays with no outbound touches at all. */
  quietDays: readonly Weekday[];
  /** Most outbound touches of each kind per local day, across all authors. 0 disables the kind. */
  dailyCaps: Readonly<Record<OutboundTouchKind, number>>;
  /** Most outbound touches of any kind per local day, across all authors. */
  dailyTotalCap: number;
  /** Minimum hours between two touches on the same author: per kind, and between any two outbound touches. */
  sameAuthorGapHours: Readonly<{ comment: number; clap: number; pitch: number; any: number }>;
  /** At most `maxTouches` outbound touches (all authors) within any `windowMinutes`. */
  burst: Readonly<{ windowMinutes: number; maxTouches: number }>;
  /** A pitch needs `minEngagements` touches of `countedKinds`, the first at least `minSpanDays` before the pitch. */
  pitch: Readonly<{ minEngagements: number; minSpanDays: number; countedKinds: readonly TouchKind[] }>;
  /** A follow-up is due `afterDays` after the last pitch or follow-up without a reply; at most `max` per pitch. */
  followUp: Readonly<{ afterDays: number; max: number }>;
  /** The agenda engages only on stories published within this many days (older ones are not "recent"). */
  engage: Readonly<{ maxStoryAgeDays: number }>;
  /** Randomness so the agenda is not robotic (seeded, see seeded-random.ts). */
  jitter: Readonly<{ gapExtraMaxHours: number; minSpacingMinutes: number; maxSpacingMinutes: number }>;
  /** Local hours [start, end) in which the agenda suggests times. */
  workingHours: Readonly<{ start: number; end: number }>;
}

/**
 * Defaults, each with its reason. Throughput check: with 5 comments per weekday and one comment per author every
 * 3+ days, the comment budget serves about 10 authors at full pace; each pitch needs 3 counted engagements over
 * 2+ weeks, so the pipeline produces well under 2 pitches a day — the pitch and follow cap are set to match, so
 * no cap asks for more than the one before it can feed.
 */
export const DEFAULT_PACING_RULES: PacingRules = {
  // UTC until the shell passes the user's offset (config `timezone`).
  utcOffsetMinutes: 0,
  // Weekends off by default. (1) A five-day rhythm is how people do outreach as work and keeps the list
  // sustainable; (2) a two-day pause gives every relationship a natural break, so the account never shows the
  // same daily pattern seven days a week — Medium's rule targets interactions "particularly by automated means";
  // (3) it is one line to change (`quietDays: []`) for people who write on weekends.
  quietDays: ['sat', 'sun'],
  dailyCaps: {
    // "follow spam" is named in Medium's spam rule. Following more people than the comment budget can
    // engage is exactly indiscriminate following; ~5 new authors a day exceeds what the pipeline absorbs (above).
    follow: 5,
    // A genuine response needs reading the story first (Medium's own data team found the posts that hold
    // attention longest run about 7 minutes, "The Optimal Post is 7 Minutes", Medium Data Lab 2013) plus a few
    // minutes of writing: 5 ≈ one focused hour a day, and an order of magnitude below the 30–40 templated
    // responses that drew a Trust & Safety warning (report cited above).
    comment: 5,
    // Claps are cheap, but "bulk" clapping is named in the Spam rule; 10 keeps claps tied to stories actually read
    // (10 × ~7 min is already more reading than most people do for outreach in a day).
    clap: 10,
    // Pitches are the highest-stakes messages and must be personal. BuzzStream's study of 31 M outreach e-mails
    // (buzzstream.com/blog/spray-and-pray-study) found reply rates fall from 1.15 % (campaigns of 1–50 e-mails) to
    // 0.37 % (1,001–5,000), and campaigns of 51–100 e-mails earned more links (12.08 on average) than the largest
    // ones (under 3.5): volume does not buy links. 2 a day matches what the warm-up pipeline can feed.
    pitch: 2,
    // At most `followUp.max` per pitch, so follow-ups never outnumber pitches over time; 3 lets a day after a
    // quiet weekend catch up on follow-ups that fell due on Saturday and Sunday.
    'follow-up': 3,
  },
  // The whole day's list stays doable in about an hour or two of focused work.
  dailyTotalCap: 15,
  sameAuthorGapHours: {
    // 3 days between responses on one author (the example). Discovery rewards writers who post about
    // weekly, so this allows one response per story without replying to everything they write.
    comment: 72,
    // A clap a day at most on one author: someone who claps every story the minute it appears looks like a bot.
    clap: 24,
    // 30 days between pitches to one author: a second ask within a month of the first is pressure, not outreach.
    pitch: 720,
    // At most about one outbound touch per author per day (20 h rather than 24 so "same time tomorrow" is not
    // blocked by minutes). Follow today, respond another day: the relationship builds like a reader's would.
    any: 20,
  },
  // At most 3 outbound touches within any 10 minutes: reading before responding takes minutes, and rapid-fire
  // clap-and-comment sequences are what third-party reports describe as the pattern Medium's filters flag.
  burst: { windowMinutes: 10, maxTouches: 3 },
  pitch: {
    // Three engagements (responses by us, or answers from them) over at least two weeks: about two stories of a
    // weekly writer, so the pitch comes from someone they have seen engage more than once, not after one comment.
    minEngagements: 3,
    minSpanDays: 14,
    // Claps are excluded: they are anonymous in volume and do not start a conversation. Follows and notes are not
    // engagement.
    countedKinds: ['comment', 'response-received', 'reply'],
  },
  followUp: {
    // A survey of journalists (middlemedia.agency "Rethinking Follow-Up Emails in Digital PR") found 51 % say one
    // follow-up is ideal and nearly half prefer it within 3–7 days; reply rates fall from 1.74 % (first e-mail) to
    // 0.59 % and 0.22 % for the first and second follow-ups. Medium writers are not journalists with a daily
    // inbox flood but usually write weekly, so the upper end (7 days) and a single follow-up.
    afterDays: 7,
    max: 1,
  },
  // RSS shows the latest 10 items (medium-data.md §RSS); a month keeps "recent" meaning recent for weekly writers.
  engage: { maxStoryAgeDays: 30 },
  jitter: {
    // Each per-author gap is stretched by up to 2 days (seeded), so responses to one author are not exactly
    // every 72 hours.
    gapExtraMaxHours: 48,
    // Suggested times are 15–45 minutes apart: well above the burst rule's 10 min / 3 touches, with visible
    // variation.
    minSpacingMinutes: 15,
    maxSpacingMinutes: 45,
  },
  // Daytime hours; the agenda only suggests, the user may act at any time (the rules check the logged time).
  workingHours: { start: 9, end: 18 },
};

/** A partial rule set as read from config: any field may be left out and takes the default. */
export type PacingRulesInput = {
  [K in keyof PacingRules]?: PacingRules[K] extends readonly unknown[] ? PacingRules[K] : Partial<PacingRules[K]> | PacingRules[K];
};

function configError(field: string, problem: string): LinkwrightError {
  return new LinkwrightError('CONFIG_INVALID', `pacing rule ${field}: ${problem}`, { details: { field } });
}

function requireNumber(field: string, value: unknown, opts: { min?: number; max?: number; integer?: boolean } = {}): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw configError(field, 'must be a finite number');
  if (opts.integer === true && !Number.isInteger(value)) throw configError(field, 'must be a whole number');
  if (opts.min !== undefined && value < opts.min) throw configError(field, `must be at least ${opts.min}`);
  if (opts.max !== undefined && value > opts.max) throw configError(field, `must be at most ${opts.max}`);
  return value;
}

/** Merges `input` over the defaults and validates the result (throws LinkwrightError CONFIG_INVALID). */
export function resolvePacingRules(input: PacingRulesInput | PacingRules = {}): PacingRules {
  const d = DEFAULT_PACING_RULES;
  const r: PacingRules = {
    utcOffsetMinutes: input.utcOffsetMinutes ?? d.utcOffsetMinutes,
    quietDays: input.quietDays ?? d.quietDays,
    dailyCaps: { ...d.dailyCaps, ...input.dailyCaps },
    dailyTotalCap: input.dailyTotalCap ?? d.dailyTotalCap,
    sameAuthorGapHours: { ...d.sameAuthorGapHours, ...input.sameAuthorGapHours },
    burst: { ...d.burst, ...input.burst },
    pitch: { ...d.pitch, ...input.pitch },
    followUp: { ...d.followUp, ...input.followUp },
    engage: { ...d.engage, ...input.engage },
    jitter: { ...d.jitter, ...input.jitter },
    workingHours: { ...d.workingHours, ...input.workingHours },
  };
  requireNumber('utcOffsetMinutes', r.utcOffsetMinutes, { min: -14 * 60, max: 14 * 60, integer: true });
  if (!Array.isArray(r.quietDays)) throw configError('quietDays', 'must be a list of weekdays');
  for (const day of r.quietDays) {
    if (!(WEEKDAYS as readonly string[]).includes(day))
      throw configError('quietDays', `unknown weekday "${String(day)}" (use ${WEEKDAYS.join(', ')})`);
  }
  if (new Set(r.quietDays).size >= 7) throw configError('quietDays', 'every day is quiet, so nothing could ever be scheduled');
  for (const kind of OUTBOUND_TOUCH_KINDS) requireNumber(`dailyCaps.${kind}`, r.dailyCaps[kind], { min: 0, integer: true });
  for (const key of Object.keys(r.dailyCaps)) {
    if (!(OUTBOUND_TOUCH_KINDS as readonly string[]).includes(key)) throw configError(`dailyCaps.${key}`, 'is not an outbound touch kind');
  }
  requireNumber('dailyTotalCap', r.dailyTotalCap, { min: 0, integer: true });
  for (const key of ['comment', 'clap', 'pitch', 'any'] as const)
    requireNumber(`sameAuthorGapHours.${key}`, r.sameAuthorGapHours[key], { min: 0 });
  requireNumber('burst.windowMinutes', r.burst.windowMinutes, { min: 0 });
  requireNumber('burst.maxTouches', r.burst.maxTouches, { min: 1, integer: true });
  requireNumber('pitch.minEngagements', r.pitch.minEngagements, { min: 0, integer: true });
  requireNumber('pitch.minSpanDays', r.pitch.minSpanDays, { min: 0 });
  if (!Array.isArray(r.pitch.countedKinds)) throw configError('pitch.countedKinds', 'must be a list of touch kinds');
  for (const kind of r.pitch.countedKinds) {
    if (!(TOUCH_KINDS as readonly string[]).includes(kind)) throw configError('pitch.countedKinds', `unknown touch kind "${String(kind)}"`);
  }
  requireNumber('followUp.afterDays', r.followUp.afterDays, { min: 0 });
  requireNumber('followUp.max', r.followUp.max, { min: 0, integer: true });
  requireNumber('engage.maxStoryAgeDays', r.engage.maxStoryAgeDays, { min: 0 });
  requireNumber('jitter.gapExtraMaxHours', r.jitter.gapExtraMaxHours, { min: 0 });
  requireNumber('jitter.minSpacingMinutes', r.jitter.minSpacingMinutes, { min: 0 });
  requireNumber('jitter.maxSpacingMinutes', r.jitter.maxSpacingMinutes, { min: r.jitter.minSpacingMinutes });
  requireNumber('workingHours.start', r.workingHours.start, { min: 0, max: 24 });
  requireNumber('workingHours.end', r.workingHours.end, { min: r.workingHours.start, max: 24 });
  if (r.workingHours.end <= r.workingHours.start) throw configError('workingHours', 'end must be after start');
  return r;
}

// ------------------------------------------------------------------ local calendar helpers (pure)

/** Start (epoch ms) of the local day containing `at`. */
export function localDayStart(at: number, utcOffsetMinutes: number): number {
  const off = utcOffsetMinutes * MINUTE_MS;
  return Math.floor((at + off) / DAY_MS) * DAY_MS - off;
}

/** Local weekday of `at`. */
export function localWeekday(at: number, utcOffsetMinutes: number): Weekday {
  const index = new Date(at + utcOffsetMinutes * MINUTE_MS).getUTCDay();
  return WEEKDAYS[index] as Weekday;
}

/** Local calendar date of `at` as `YYYY-MM-DD`. */
export function localDateKey(at: number, utcOffsetMinutes: number): string {
  return new Date(at + utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

export function isQuietDay(rules: PacingRules, at: number): boolean {
  return rules.quietDays.includes(localWeekday(at, rules.utcOffsetMinutes));
}

/** Start of the first local day after the one holding `at` that is not quiet. */
export function nextActiveDayStart(rules: PacingRules, at: number): number {
  let day = localDayStart(at, rules.utcOffsetMinutes) + DAY_MS;
  // Offsets are whole minutes, so adding 24 h always lands on the next local midnight; ≤ 7 steps (validated).
  for (let i = 0; i < 8 && isQuietDay(rules, day); i++) day += DAY_MS;
  return day;
}

// ------------------------------------------------------------------ checkTouch

export const PACING_RULE_IDS = [
  'prospect-inactive',
  'quiet-day',
  'daily-cap.follow',
  'daily-cap.comment',
  'daily-cap.clap',
  'daily-cap.pitch',
  'daily-cap.follow-up',
  'daily-cap.total',
  'author-gap.comment',
  'author-gap.clap',
  'author-gap.pitch',
  'author-gap.any',
  'burst',
  'follow.already',
  'pitch.min-engagements',
  'pitch.min-span',
  'follow-up.no-pitch',
  'follow-up.replied',
  'follow-up.max',
  'follow-up.too-soon',
] as const;

export type PacingRuleId = (typeof PACING_RULE_IDS)[number];

export interface PacingViolation extends OutreachMessage {
  ruleId: PacingRuleId;
  /** Earliest time (epoch ms) at which this rule alone would allow the touch; null when waiting alone is not enough. */
  safeAt: number | null;
}

export interface ProposedTouch {
  prospectId: string;
  kind: TouchKind;
  /** When the touch happens; defaults to `now`. */
  at?: number;
  storyUrl?: string | null;
  /** The prospect's current stage, when known: touches on paused/declined/lost/linked prospects are refused. */
  stage?: PipelineStage | null;
}

export interface TouchCheck {
  allowed: boolean;
  /** Every rule the touch breaks at its time (empty when allowed). */
  violations: PacingViolation[];
  /**
   * The earliest time at which every rule allows it (the touch's own time when allowed); null when no amount of
   * waiting is enough (a cap of 0, missing engagements, an inactive stage, a reply already received …).
   */
  safeAt: number | null;
}

function violation(ruleId: PacingRuleId, message: OutreachMessage, safeAt: number | null): PacingViolation {
  return { ruleId, messageId: message.messageId, params: message.params, safeAt };
}

/** Outbound touches only, sorted by time: the set every rule counts. */
function outbound(touches: readonly Touch[]): Touch[] {
  return touches.filter((t) => isOutboundKind(t.kind)).sort((a, b) => a.at - b.at);
}

/**
 * Burst: every set of outbound touches spanning less than `windowMinutes` has at most `maxTouches` members. A
 * window containing `t` that holds the most touches starts at `t` or at an existing touch in (t − W, t] (shift any
 * window right to its first member), so only those starts are tried.
 */
function burstBroken(sortedOutbound: readonly Touch[], t: number, rules: PacingRules): boolean {
  const w = rules.burst.windowMinutes * MINUTE_MS;
  if (w <= 0) return false;
  const starts = [t, ...sortedOutbound.filter((x) => x.at > t - w && x.at <= t).map((x) => x.at)];
  for (const s of starts) {
    let count = 1;
    for (const x of sortedOutbound) if (x.at >= s && x.at < s + w) count++;
    if (count > rules.burst.maxTouches) return true;
  }
  return false;
}

function burstSafeAt(sortedOutbound: readonly Touch[], t: number, rules: PacingRules): number {
  const w = rules.burst.windowMinutes * MINUTE_MS;
  const candidates = sortedOutbound
    .filter((x) => x.at > t - w)
    .map((x) => x.at + w)
    .filter((c) => c > t)
    .sort((a, b) => a - b);
  for (const c of candidates) if (!burstBroken(sortedOutbound, c, rules)) return c;
  // After the last touch's window has passed nothing can be broken any more.
  const last = sortedOutbound[sortedOutbound.length - 1];
  return last === undefined ? t : Math.max(t, last.at + w);
}

function violationsAt(rules: PacingRules, touches: readonly Touch[], proposed: ProposedTouch, t: number): PacingViolation[] {
  const kind = proposed.kind;
  if (!isOutboundKind(kind)) return [];
  const out: PacingViolation[] = [];
  const stage = proposed.stage ?? null;
  if (stage !== null && (INACTIVE_STAGES as readonly string[]).includes(stage)) {
    out.push(violation('prospect-inactive', outreachMessage('pacing.prospect-inactive', { stage }), null));
  }
  const off = rules.utcOffsetMinutes;
  if (isQuietDay(rules, t)) {
    out.push(violation('quiet-day', outreachMessage('pacing.quiet-day', { weekday: localWeekday(t, off) }), nextActiveDayStart(rules, t)));
  }

  const all = outbound(touches);
  const dayStart = localDayStart(t, off);
  const today = all.filter((x) => x.at >= dayStart && x.at < dayStart + DAY_MS);
  const nextDay = dayStart + DAY_MS;
  const cap = rules.dailyCaps[kind];
  const sameKindToday = today.filter((x) => x.kind === kind).length;
  if (sameKindToday >= cap) {
    out.push(
      violation(`daily-cap.${kind}`, outreachMessage('pacing.daily-cap', { kind, cap, count: sameKindToday }), cap === 0 ? null : nextDay),
    );
  }
  if (today.length >= rules.dailyTotalCap) {
    out.push(
      violation(
        'daily-cap.total',
        outreachMessage('pacing.daily-cap-total', { cap: rules.dailyTotalCap, count: today.length }),
        rules.dailyTotalCap === 0 ? null : nextDay,
      ),
    );
  }

  const mine = all.filter((x) => x.prospectId === proposed.prospectId);
  if (kind === 'comment' || kind === 'clap' || kind === 'pitch') {
    const gap = rules.sameAuthorGapHours[kind] * HOUR_MS;
    const close = mine.filter((x) => x.kind === kind && Math.abs(x.at - t) < gap);
    if (close.length > 0) {
      const last = Math.max(...close.map((x) => x.at));
      out.push(
        violation(
          `author-gap.${kind}`,
          outreachMessage('pacing.author-gap', { kind, gapHours: rules.sameAuthorGapHours[kind], lastAt: last }),
          last + gap,
        ),
      );
    }
  }
  const anyGap = rules.sameAuthorGapHours.any * HOUR_MS;
  const closeAny = mine.filter((x) => Math.abs(x.at - t) < anyGap);
  if (closeAny.length > 0) {
    const last = closeAny.reduce((a, b) => (b.at >= a.at ? b : a));
    out.push(
      violation(
        'author-gap.any',
        outreachMessage('pacing.author-gap-any', { gapHours: rules.sameAuthorGapHours.any, lastAt: last.at, lastKind: last.kind }),
        last.at + anyGap,
      ),
    );
  }

  if (burstBroken(all, t, rules)) {
    out.push(
      violation(
        'burst',
        outreachMessage('pacing.burst', { max: rules.burst.maxTouches, windowMinutes: rules.burst.windowMinutes }),
        burstSafeAt(all, t, rules),
      ),
    );
  }

  const history = touches.filter((x) => x.prospectId === proposed.prospectId && x.at < t).sort((a, b) => a.at - b.at);
  if (kind === 'follow') {
    const followed = history.find((x) => x.kind === 'follow') ?? mine.find((x) => x.kind === 'follow');
    if (followed !== undefined)
      out.push(violation('follow.already', outreachMessage('pacing.follow-already', { followedAt: followed.at }), null));
  }
  if (kind === 'pitch') {
    const counted = history.filter((x) => rules.pitch.countedKinds.includes(x.kind));
    const need = rules.pitch.minEngagements;
    if (counted.length < need) {
      out.push(
        violation(
          'pitch.min-engagements',
          outreachMessage('pacing.pitch-min-engagements', { have: counted.length, need, kinds: rules.pitch.countedKinds.join(', ') }),
          null,
        ),
      );
    }
    const first = counted[0];
    const span = rules.pitch.minSpanDays * DAY_MS;
    if (first !== undefined && t - first.at < span) {
      out.push(
        violation(
          'pitch.min-span',
          outreachMessage('pacing.pitch-min-span', { days: (t - first.at) / DAY_MS, need: rules.pitch.minSpanDays, firstAt: first.at }),
          first.at + span,
        ),
      );
    }
  }
  if (kind === 'follow-up') {
    const lastPitch = [...history].reverse().find((x) => x.kind === 'pitch');
    if (lastPitch === undefined) {
      out.push(violation('follow-up.no-pitch', outreachMessage('pacing.follow-up-no-pitch', {}), null));
    } else {
      const since = history.filter((x) => x.at >= lastPitch.at && x !== lastPitch);
      const reply = since.find((x) => x.kind === 'reply');
      if (reply !== undefined)
        out.push(violation('follow-up.replied', outreachMessage('pacing.follow-up-replied', { repliedAt: reply.at }), null));
      const followUps = since.filter((x) => x.kind === 'follow-up');
      if (followUps.length >= rules.followUp.max) {
        out.push(
          violation('follow-up.max', outreachMessage('pacing.follow-up-max', { max: rules.followUp.max, sent: followUps.length }), null),
        );
      }
      const lastAsk = followUps.length > 0 ? Math.max(...followUps.map((x) => x.at)) : lastPitch.at;
      const wait = rules.followUp.afterDays * DAY_MS;
      if (t - lastAsk < wait) {
        out.push(
          violation(
            'follow-up.too-soon',
            outreachMessage('pacing.follow-up-too-soon', { afterDays: rules.followUp.afterDays, lastAt: lastAsk }),
            lastAsk + wait,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Checks a touch against the rules. `touches` is the log *without* the proposed touch (all prospects: the daily
 * caps and the burst rule count across authors). Inbound and bookkeeping kinds (`response-received`, `reply`,
 * `link-placed`, `note`) are always allowed. Logging a touch that breaks a rule is still possible — the shell
 * warns with each violation's rule, message and `safeAt`.
 */
export function checkTouch(rules: PacingRules, touches: readonly Touch[], proposed: ProposedTouch, now: number): TouchCheck {
  const at = proposed.at ?? now;
  if (!Number.isFinite(at))
    throw new LinkwrightError('INVALID_INPUT', 'the touch time must be a finite epoch-ms value', { details: { field: 'at' } });
  const violations = violationsAt(rules, touches, proposed, at);
  if (violations.length === 0) return { allowed: true, violations, safeAt: at };
  // Fixed point: moving past one rule's safe time can run into another (a cap on the next day, a quiet day …).
  let t = at;
  let current = violations;
  for (let i = 0; i < 64; i++) {
    if (current.some((v) => v.safeAt === null)) return { allowed: false, violations, safeAt: null };
    const next = Math.max(...current.map((v) => v.safeAt as number));
    if (next <= t) return { allowed: false, violations, safeAt: null };
    t = next;
    current = violationsAt(rules, touches, proposed, t);
    if (current.length === 0) return { allowed: false, violations, safeAt: t };
  }
  return { allowed: false, violations, safeAt: null };
}

/** English text of a violation with when it would be safe: "… (safe from 2025-03-04 09:00 UTC)". */
export function renderViolation(v: PacingViolation, options: RenderOptions = {}): string {
  const text = renderOutreachMessage(v.messageId, v.params, options);
  return v.safeAt === null ? `${text} (waiting alone will not make it allowed)` : `${text} (safe from ${formatTime(v.safeAt, options)})`;
}
