/**
 * Simulated months of outreach with a fake clock: every day take the agenda, perform every item at its suggested
 * time (append the touch, advance the stage), let simulated authors respond, reply, link, decline or be paused,
 * then check the whole log with an independent checker (written from the rules, not from the planner's code).
 */
import { describe, expect, it } from 'vitest';
import { type AgendaProspect, planAgenda, type StoryRef } from './agenda-planner.js';
import {
  checkTouch,
  DAY_MS,
  HOUR_MS,
  localDateKey,
  localWeekday,
  MINUTE_MS,
  type PacingRules,
  type PacingRulesInput,
  resolvePacingRules,
} from './pacing-rules.js';
import { INACTIVE_STAGES, type PipelineStage, stageAfterTouch, transition } from './pipeline-state-machine.js';
import { seededRandom } from './seeded-random.js';
import { isOutboundKind, type Touch, type TouchKind } from './touch-types.js';

interface SimProspect {
  id: string;
  stage: PipelineStage;
  score: number;
  /** Publishes every `cadence` days from `firstStory`. */
  cadence: number;
  firstStory: number;
  stageBeforePause: PipelineStage | null;
  resumeAt: number | null;
}

interface PerformedTouch extends Touch {
  stageAtTime: PipelineStage;
  agendaDay: string;
  story: StoryRef | null;
}

interface SimResult {
  rules: PacingRules;
  log: Touch[];
  performed: PerformedTouch[];
  prospects: SimProspect[];
  days: number;
  start: number;
}

function newestStory(p: SimProspect, now: number): StoryRef | null {
  if (now < p.firstStory) return null;
  const n = Math.floor((now - p.firstStory) / (p.cadence * DAY_MS));
  const publishedAt = p.firstStory + n * p.cadence * DAY_MS;
  return { url: `https://medium.com/@${p.id}/story-${n}`, title: `Story ${n} by ${p.id}`, publishedAt };
}

function simulate(rulesInput: PacingRulesInput, days: number, seed: string): SimResult {
  const rules = resolvePacingRules(rulesInput);
  const start = Date.parse('2025-01-06T00:00:00Z'); // a Monday
  const rnd = seededRandom('simulation', seed);
  const prospects: SimProspect[] = [];
  const addProspect = (now: number) => {
    const id = `w${String(prospects.length).padStart(3, '0')}`;
    prospects.push({
      id,
      stage: 'qualified',
      score: Math.round(rnd() * 100),
      cadence: 2 + Math.floor(rnd() * 11),
      firstStory: now - Math.floor(rnd() * 10) * DAY_MS + Math.floor(rnd() * 24) * HOUR_MS - 12 * DAY_MS,
      stageBeforePause: null,
      resumeAt: null,
    });
  };
  for (let i = 0; i < 40; i++) addProspect(start);

  const log: Touch[] = [];
  const performed: PerformedTouch[] = [];
  const pending: Touch[] = []; // inbound events scheduled for later
  const byId = new Map(prospects.map((p) => [p.id, p]));
  const historyOf = (id: string) => log.filter((x) => x.prospectId === id);

  const apply = (touch: Touch) => {
    const p = byId.get(touch.prospectId) as SimProspect;
    const next = stageAfterTouch(p.stage, touch, historyOf(p.id));
    log.push(touch);
    p.stage = next;
  };
  const move = (p: SimProspect, to: PipelineStage) => {
    const r = transition(p.stage, to, { touches: historyOf(p.id), stageBeforePause: p.stageBeforePause });
    if (!r.ok) throw new Error(`simulation bug: ${p.id} ${p.stage} → ${to}: ${r.reason.messageId}`);
    if (to === 'paused') p.stageBeforePause = p.stage;
    p.stage = r.stage;
  };

  for (let day = 0; day < days; day++) {
    const dayStart = start + day * DAY_MS;
    if (day > 0 && day % 7 === 0) {
      for (let i = 0; i < 3; i++) {
        addProspect(dayStart);
        const p = prospects.at(-1) as SimProspect;
        byId.set(p.id, p);
      }
    }
    // Deliver inbound events due before this morning, in time order; stage moves follow the events.
    pending.sort((a, b) => a.at - b.at);
    while (pending.length > 0 && (pending[0] as Touch).at < dayStart + 7 * HOUR_MS) {
      const e = pending.shift() as Touch;
      const p = byId.get(e.prospectId) as SimProspect;
      if (e.kind === 'note') {
        // The decision after a reply: "no" ⇒ declined (only if still pitched).
        if (p.stage === 'pitched') move(p, 'declined');
        continue;
      }
      if (e.kind === 'link-placed' && p.stage !== 'pitched' && p.stage !== 'engaged') continue;
      apply(e);
    }
    // Pauses and resumes, and giving up on silent pitches.
    for (const p of prospects) {
      if (p.stage === 'paused' && p.resumeAt !== null && p.resumeAt <= dayStart) {
        move(p, p.stageBeforePause as PipelineStage);
        p.resumeAt = null;
      } else if ((p.stage === 'followed' || p.stage === 'engaged' || p.stage === 'pitched') && rnd() < 0.004) {
        move(p, 'paused');
        p.resumeAt = dayStart + (7 + Math.floor(rnd() * 15)) * DAY_MS;
      } else if (p.stage === 'pitched') {
        const mine = historyOf(p.id);
        const lastPitch = mine.filter((x) => x.kind === 'pitch').at(-1) as Touch;
        const asks = mine.filter((x) => x.at >= lastPitch.at && (x.kind === 'pitch' || x.kind === 'follow-up'));
        const replied = mine.some((x) => x.kind === 'reply' && x.at > lastPitch.at);
        const waiting = pending.some((x) => x.prospectId === p.id);
        if (!replied && !waiting && asks.length >= 1 + rules.followUp.max && dayStart - (asks.at(-1) as Touch).at > 14 * DAY_MS)
          move(p, 'lost');
      }
    }

    const now = dayStart + 7 * HOUR_MS;
    const agendaProspects: AgendaProspect[] = prospects.map((p) => ({
      id: p.id,
      username: p.id,
      stage: p.stage,
      score: p.score,
      newestStory: newestStory(p, now),
    }));
    const items = planAgenda({ rules, prospects: agendaProspects, touches: log, now, seed: `user-${seed}` });
    const dayKey = localDateKey(now, rules.utcOffsetMinutes);
    for (const item of [...items].sort((a, b) => a.suggestedAt - b.suggestedAt)) {
      const p = byId.get(item.prospectId) as SimProspect;
      // The planner's promise, checked with the public rule engine before "performing".
      const verdict = checkTouch(rules, log, { prospectId: p.id, kind: item.kind, at: item.suggestedAt, stage: p.stage }, now);
      expect(verdict.violations, `${dayKey} ${item.prospectId} ${item.kind}`).toEqual([]);
      const touch: Touch = { prospectId: p.id, kind: item.kind, at: item.suggestedAt, storyUrl: item.story?.url ?? null };
      performed.push({ ...touch, stageAtTime: p.stage, agendaDay: dayKey, story: item.story });
      apply(touch);
      // Simulated authors. Their answers arrive at night (03:00 UTC), so the user has logged them before taking
      // the next agenda — as the planner assumes (it can only know what is in the log).
      const night = (daysLater: number) => dayStart + daysLater * DAY_MS + 3 * HOUR_MS;
      if (item.kind === 'comment' && rnd() < 0.35) {
        pending.push({ prospectId: p.id, kind: 'response-received', at: night(1 + Math.floor(rnd() * 2)) });
      }
      if ((item.kind === 'pitch' || item.kind === 'follow-up') && rnd() < 0.4) {
        const replyAt = night(1 + Math.floor(rnd() * 11));
        pending.push({ prospectId: p.id, kind: 'reply', at: replyAt });
        if (rnd() < 0.6) pending.push({ prospectId: p.id, kind: 'link-placed', at: replyAt + (1 + Math.floor(rnd() * 9)) * DAY_MS });
        else pending.push({ prospectId: p.id, kind: 'note', at: replyAt + HOUR_MS });
      }
    }
  }
  return { rules, log, performed, prospects, days, start };
}

/** Independent checks of every rule over the finished log. */
function verify(sim: SimResult): void {
  const { rules, log, performed } = sim;
  const off = rules.utcOffsetMinutes;
  const out = log.filter((x) => isOutboundKind(x.kind)).sort((a, b) => a.at - b.at);
  expect(out).toHaveLength(performed.length);

  // Caps per local day (per kind and in total) and quiet days.
  const perDay = new Map<string, Map<TouchKind | 'total', number>>();
  for (const x of out) {
    const key = localDateKey(x.at, off);
    const m = perDay.get(key) ?? new Map();
    m.set(x.kind, (m.get(x.kind) ?? 0) + 1);
    m.set('total', (m.get('total') ?? 0) + 1);
    perDay.set(key, m);
    expect(rules.quietDays, `touch on a quiet day ${key}`).not.toContain(localWeekday(x.at, off));
  }
  for (const [key, m] of perDay) {
    for (const [kind, n] of m) {
      const cap = kind === 'total' ? rules.dailyTotalCap : rules.dailyCaps[kind as keyof PacingRules['dailyCaps']];
      expect(n, `${key} ${kind}`).toBeLessThanOrEqual(cap);
    }
  }

  // Per-author gaps.
  const authors = new Set(out.map((x) => x.prospectId));
  for (const id of authors) {
    const mine = out.filter((x) => x.prospectId === id);
    for (let i = 1; i < mine.length; i++) {
      expect((mine[i] as Touch).at - (mine[i - 1] as Touch).at, `${id} any gap`).toBeGreaterThanOrEqual(
        rules.sameAuthorGapHours.any * HOUR_MS,
      );
    }
    for (const kind of ['comment', 'clap', 'pitch'] as const) {
      const same = mine.filter((x) => x.kind === kind);
      for (let i = 1; i < same.length; i++) {
        expect((same[i] as Touch).at - (same[i - 1] as Touch).at, `${id} ${kind} gap`).toBeGreaterThanOrEqual(
          rules.sameAuthorGapHours[kind] * HOUR_MS,
        );
      }
    }
    expect(mine.filter((x) => x.kind === 'follow').length, `${id} follows`).toBeLessThanOrEqual(1);
  }

  // Burst: no set of more than maxTouches outbound touches spans less than the window.
  const w = rules.burst.windowMinutes * MINUTE_MS;
  for (let i = rules.burst.maxTouches; i < out.length; i++) {
    expect((out[i] as Touch).at - (out[i - rules.burst.maxTouches] as Touch).at).toBeGreaterThanOrEqual(w);
  }

  // Pitch readiness and follow-up timing, from the full log (inbound events included).
  const all = [...log].sort((a, b) => a.at - b.at);
  for (const x of out) {
    const before = all.filter((y) => y.prospectId === x.prospectId && y.at < x.at);
    if (x.kind === 'pitch') {
      const counted = before.filter((y) => rules.pitch.countedKinds.includes(y.kind));
      expect(counted.length).toBeGreaterThanOrEqual(rules.pitch.minEngagements);
      expect(x.at - (counted[0] as Touch).at).toBeGreaterThanOrEqual(rules.pitch.minSpanDays * DAY_MS);
    }
    if (x.kind === 'follow-up') {
      const lastPitch = before.filter((y) => y.kind === 'pitch').at(-1);
      expect(lastPitch, 'follow-up without a pitch').toBeDefined();
      const since = before.filter((y) => y.at >= (lastPitch as Touch).at);
      expect(
        since.some((y) => y.kind === 'reply'),
        'follow-up after a reply',
      ).toBe(false);
      const earlier = since.filter((y) => y.kind === 'follow-up');
      expect(earlier.length + 1).toBeLessThanOrEqual(rules.followUp.max);
      const lastAsk = Math.max((lastPitch as Touch).at, ...earlier.map((y) => y.at));
      expect(x.at - lastAsk).toBeGreaterThanOrEqual(rules.followUp.afterDays * DAY_MS);
    }
  }

  // Never a touch on paused/declined/lost/linked prospects; times inside the day's working hours; recent stories.
  for (const x of performed) {
    expect(INACTIVE_STAGES as readonly string[]).not.toContain(x.stageAtTime);
    expect(localDateKey(x.at, off)).toBe(x.agendaDay);
    const hour = ((x.at + off * MINUTE_MS) % DAY_MS) / HOUR_MS;
    expect(hour).toBeGreaterThanOrEqual(rules.workingHours.start);
    expect(hour).toBeLessThanOrEqual(rules.workingHours.end);
    if (x.kind === 'comment' || x.kind === 'clap') {
      expect(x.story).not.toBeNull();
      expect(x.at - (x.story as StoryRef).publishedAt).toBeLessThanOrEqual(rules.engage.maxStoryAgeDays * DAY_MS + 12 * HOUR_MS);
    }
  }
}

function count(sim: SimResult, kind: TouchKind): number {
  return sim.log.filter((x) => x.kind === kind).length;
}

describe('agenda over simulated months', () => {
  it('default rules, 6 months: no rule ever broken, and the pipeline makes progress', () => {
    const sim = simulate({}, 182, 'default');
    verify(sim);
    // Progress, so that the checks above are not vacuous.
    expect(count(sim, 'follow')).toBeGreaterThan(60);
    expect(count(sim, 'comment')).toBeGreaterThan(200);
    expect(count(sim, 'pitch')).toBeGreaterThan(20);
    expect(count(sim, 'follow-up')).toBeGreaterThan(5);
    expect(count(sim, 'link-placed')).toBeGreaterThan(3);
    expect(sim.prospects.filter((p) => p.stage === 'linked').length).toBeGreaterThan(3);
    expect(sim.prospects.some((p) => p.stage === 'lost')).toBe(true);
    // Caps actually bind: some weekday used the whole comment budget.
    const commentsPerDay = new Map<string, number>();
    for (const x of sim.log.filter((y) => y.kind === 'comment'))
      commentsPerDay.set(localDateKey(x.at, 0), (commentsPerDay.get(localDateKey(x.at, 0)) ?? 0) + 1);
    expect(Math.max(...commentsPerDay.values())).toBe(sim.rules.dailyCaps.comment);
    // Every working week has outreach (no starvation).
    const weeks = new Set(sim.log.filter((x) => isOutboundKind(x.kind)).map((x) => Math.floor((x.at - sim.start) / (7 * DAY_MS))));
    expect(weeks.size).toBe(26);
    // Not robotic: gaps between responses to the same author vary.
    const gaps = new Set<number>();
    for (const p of sim.prospects) {
      const comments = sim.log.filter((x) => x.prospectId === p.id && x.kind === 'comment');
      for (let i = 1; i < comments.length; i++) gaps.add(Math.round(((comments[i] as Touch).at - (comments[i - 1] as Touch).at) / HOUR_MS));
    }
    expect(gaps.size).toBeGreaterThan(20);
  });

  it('tight caps, no quiet days, a time zone, two follow-ups: 4 months, no rule broken', () => {
    const sim = simulate(
      {
        quietDays: [],
        utcOffsetMinutes: 60,
        dailyCaps: { follow: 2, comment: 2, clap: 3, pitch: 1, 'follow-up': 1 },
        dailyTotalCap: 6,
        followUp: { afterDays: 5, max: 2 },
        pitch: { minEngagements: 2, minSpanDays: 10 },
        burst: { windowMinutes: 60, maxTouches: 2 },
        jitter: { minSpacingMinutes: 31, maxSpacingMinutes: 50 },
      },
      120,
      'tight',
    );
    verify(sim);
    expect(count(sim, 'pitch')).toBeGreaterThan(10);
    expect(count(sim, 'follow-up')).toBeGreaterThan(3);
    expect(sim.log.some((x) => isOutboundKind(x.kind) && ['sat', 'sun'].includes(localWeekday(x.at, 60)))).toBe(true);
  });

  it('spacing tighter than the burst rule still never breaks it (the planner drops what does not fit)', () => {
    const sim = simulate(
      { burst: { windowMinutes: 90, maxTouches: 2 }, jitter: { minSpacingMinutes: 5, maxSpacingMinutes: 10 } },
      60,
      'bursty',
    );
    verify(sim);
    expect(count(sim, 'comment')).toBeGreaterThan(30);
  });
});
