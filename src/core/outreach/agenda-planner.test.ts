import { describe, expect, it } from 'vitest';
import { type AgendaItem, type AgendaProspect, planAgenda, type StoryRef } from './agenda-planner.js';
import { renderOutreachMessage } from './outreach-messages.js';
import { checkTouch, DAY_MS, HOUR_MS, resolvePacingRules } from './pacing-rules.js';
import type { PipelineStage } from './pipeline-state-machine.js';
import type { Touch, TouchKind } from './touch-types.js';

const MON = Date.parse('2025-03-03T00:00:00Z'); // a Monday
const NOW = MON + 7 * HOUR_MS; // Monday 07:00 UTC
const SAT = Date.parse('2025-03-08T07:00:00Z');

function story(id: string, daysAgo: number, n = 1): StoryRef {
  return { url: `https://medium.com/@${id}/story-${n}`, title: `Story ${n} by ${id}`, publishedAt: NOW - daysAgo * DAY_MS };
}

function prospect(id: string, stage: PipelineStage, score: number | null = 50, newest: StoryRef | null = story(id, 1)): AgendaProspect {
  return { id, username: id, stage, score, newestStory: newest };
}

function t(prospectId: string, kind: TouchKind, daysAgo: number, storyUrl?: string): Touch {
  return { prospectId, kind, at: NOW - daysAgo * DAY_MS, ...(storyUrl === undefined ? {} : { storyUrl }) };
}

function plan(prospects: AgendaProspect[], touches: Touch[] = [], extra: Partial<Parameters<typeof planAgenda>[0]> = {}): AgendaItem[] {
  return planAgenda({ prospects, touches, now: NOW, seed: 'test-seed', ...extra });
}

function only(items: AgendaItem[]): AgendaItem {
  expect(items).toHaveLength(1);
  return items[0] as AgendaItem;
}

/** Comments 30, 25 and 18 days ago: pitch-ready under the defaults. */
function warmHistory(id: string): Touch[] {
  return [t(id, 'follow', 35), t(id, 'comment', 30, 'u1'), t(id, 'comment', 25, 'u2'), t(id, 'response-received', 18)];
}

describe('planAgenda: what goes on the list', () => {
  it('is empty on a quiet day', () => {
    expect(planAgenda({ prospects: [prospect('a', 'qualified')], touches: [], now: SAT, seed: 's' })).toEqual([]);
    expect(
      planAgenda({ prospects: [prospect('a', 'qualified')], touches: [], now: SAT, seed: 's', rules: { quietDays: [] } }),
    ).toHaveLength(1);
  });

  it('follows a qualified author first', () => {
    const item = only(plan([prospect('a', 'qualified')]));
    expect(item).toMatchObject({ prospectId: 'a', action: 'follow', kind: 'follow', story: null, why: { messageId: 'agenda.why.follow' } });
  });

  it('responds to the newest story of a followed author', () => {
    const s = story('a', 2, 7);
    const item = only(plan([prospect('a', 'qualified', 50, s)], [t('a', 'follow', 3)]));
    expect(item).toMatchObject({ action: 'engage', kind: 'comment', story: s });
    expect(renderOutreachMessage(item.why.messageId, item.why.params)).toBe(
      `respond to their newest story "Story 7 by a" (published 2025-03-01 07:00 UTC)`,
    );
  });

  it('needs a recent story to engage', () => {
    expect(plan([prospect('a', 'followed', 50, null)], [t('a', 'follow', 3)])).toEqual([]);
    expect(plan([prospect('a', 'followed', 50, story('a', 31))], [t('a', 'follow', 3)])).toEqual([]);
    expect(plan([prospect('a', 'followed', 50, story('a', -1))], [t('a', 'follow', 3)])).toEqual([]);
    expect(only(plan([prospect('a', 'followed', 50, story('a', 29))], [t('a', 'follow', 3)])).kind).toBe('comment');
  });

  it('claps a new story while the response gap runs, and leaves a story alone once touched', () => {
    const s1 = story('a', 4, 1);
    const s2 = story('a', 1, 2);
    // Commented on story 1 two days ago: story 2 gets a clap, not a second response within 3 days.
    const item = only(plan([prospect('a', 'engaged', 50, s2)], [t('a', 'follow', 10), t('a', 'comment', 2, s1.url)]));
    expect(item).toMatchObject({ kind: 'clap', story: s2 });
    // Story 2 clapped yesterday: no second clap; a response is still not due.
    expect(
      plan([prospect('a', 'engaged', 50, s2)], [t('a', 'follow', 10), t('a', 'comment', 2, s1.url), t('a', 'clap', 1, s2.url)]),
    ).toEqual([]);
    // Commented on the newest story already: nothing until they publish again.
    expect(plan([prospect('a', 'engaged', 50, s1)], [t('a', 'follow', 10), t('a', 'comment', 4, s1.url)])).toEqual([]);
  });

  it('responds to a clapped story once the response gap has passed', () => {
    const s = story('a', 6, 3);
    const item = only(
      plan([prospect('a', 'engaged', 50, s)], [t('a', 'follow', 12), t('a', 'comment', 9, 'old'), t('a', 'clap', 5, s.url)]),
    );
    expect(item.kind).toBe('comment');
  });

  it('pitches a warm author ahead of everything else', () => {
    const items = plan(
      [prospect('warm', 'engaged', 40), prospect('new', 'qualified', 90), prospect('b', 'followed', 90)],
      [...warmHistory('warm'), t('b', 'follow', 5)],
    );
    expect(items.map((i) => [i.prospectId, i.action])).toEqual([
      ['warm', 'pitch'],
      ['b', 'engage'],
      ['new', 'follow'],
    ]);
    const pitch = items[0] as AgendaItem;
    expect(pitch.story?.url).toBe('https://medium.com/@warm/story-1');
    expect(renderOutreachMessage(pitch.why.messageId, pitch.why.params)).toBe('ready to pitch: 3 engagements over 30 days');
  });

  it('does not pitch before the engagement rules allow it', () => {
    const early = [t('a', 'follow', 12), t('a', 'comment', 10, 'u1'), t('a', 'comment', 6, 'u2'), t('a', 'comment', 3, 'u3')];
    const items = plan([prospect('a', 'engaged', 50, story('a', 1, 9))], early);
    expect(items.map((i) => i.action)).toEqual(['engage']);
  });

  it('follows up a pitch without a reply after a week, once', () => {
    // 10 days: past the 7-day wait plus its jitter (at most 2 days).
    const pitched = [...warmHistory('a'), t('a', 'pitch', 10)];
    const item = only(plan([prospect('a', 'pitched')], pitched));
    expect(item).toMatchObject({ action: 'follow-up', kind: 'follow-up' });
    expect(renderOutreachMessage(item.why.messageId, item.why.params)).toBe(
      'no reply since 2025-02-21 07:00 UTC: follow-up 1 of at most 1',
    );
    expect(plan([prospect('a', 'pitched')], [...warmHistory('a'), t('a', 'pitch', 5)])).toEqual([]);
    expect(plan([prospect('a', 'pitched')], [...pitched, t('a', 'reply', 3)])).toEqual([]);
    expect(plan([prospect('a', 'pitched')], [...warmHistory('a'), t('a', 'pitch', 20), t('a', 'follow-up', 12)])).toEqual([]);
  });

  it.each(['found', 'linked', 'declined', 'lost', 'paused'] as const)('plans nothing for a %s prospect', (stage) => {
    expect(plan([prospect('a', stage)], warmHistory('a'))).toEqual([]);
  });

  it('never exceeds a daily cap and keeps the best-scored authors', () => {
    const prospects = Array.from({ length: 12 }, (_, i) => prospect(`p${String(i).padStart(2, '0')}`, 'qualified', i * 8));
    const items = plan(prospects);
    expect(items).toHaveLength(5);
    expect(items.map((i) => i.prospectId)).toEqual(['p11', 'p10', 'p09', 'p08', 'p07']);
  });

  it('counts what was already done today against the caps', () => {
    const prospects = Array.from({ length: 8 }, (_, i) => prospect(`p${i}`, 'qualified', 50));
    const doneToday: Touch[] = [0, 1, 2].map((i) => ({ prospectId: `other${i}`, kind: 'follow', at: NOW - HOUR_MS }));
    expect(plan(prospects, doneToday)).toHaveLength(2);
    const totalAlmostFull = resolvePacingRules({ dailyTotalCap: 4 });
    expect(plan(prospects, doneToday, { rules: totalAlmostFull })).toHaveLength(1);
  });

  it('refuses a non-finite clock', () => {
    expect(() => plan([prospect('a', 'qualified')], [], { now: Number.NaN })).toThrow(/finite epoch-ms/);
  });

  it('gives one item per author per day', () => {
    const items = plan([prospect('a', 'engaged', 80, story('a', 1, 5))], warmHistory('a'));
    expect(items).toHaveLength(1);
  });
});

describe('planAgenda: priority', () => {
  it('explains the priority with its factors, which add up', () => {
    const items = plan(
      [prospect('a', 'engaged', 70, story('a', 1, 4)), prospect('b', 'followed', null, story('b', 1, 2))],
      [t('a', 'follow', 20), t('a', 'comment', 12, 'x'), t('a', 'response-received', 11), t('b', 'follow', 4)],
    );
    const a = items.find((i) => i.prospectId === 'a') as AgendaItem;
    expect(a.reasons.map((r) => [r.factor, r.points])).toEqual([
      ['action', 20],
      ['score', 21],
      ['warmth', 8],
      ['staleness', 10],
    ]);
    expect(a.priority).toBe(59);
    const b = items.find((i) => i.prospectId === 'b') as AgendaItem;
    expect(b.reasons.map((r) => r.messageId)).toContain('agenda.priority.score-unknown');
    expect(b.priority).toBe(24);
    expect(items.map((i) => i.prospectId)).toEqual(['a', 'b']);
    expect(a.reasons.map((r) => renderOutreachMessage(r.messageId, r.params))).toEqual([
      'comment: +20',
      'author score 70: +21',
      'warmth (1 engagement, 1 answer from them): +8',
      '12 days since the last touch: +10',
    ]);
  });
});

describe('planAgenda: times and jitter', () => {
  const many = Array.from({ length: 8 }, (_, i) => prospect(`p${i}`, 'followed', 60, story(`p${i}`, 1)));
  const follows = many.map((p) => t(p.id, 'follow', 6));

  it('is deterministic for a seed and varies across seeds', () => {
    const a1 = plan(many, follows);
    const a2 = plan(many, follows);
    expect(a1).toEqual(a2);
    const times = new Set(
      ['s1', 's2', 's3', 's4'].map((seed) =>
        plan(many, follows, { seed })
          .map((i) => i.suggestedAt)
          .join(','),
      ),
    );
    expect(times.size).toBe(4);
  });

  it('suggests whole-minute times inside working hours, spaced at least 15 minutes apart, each allowed by the rules', () => {
    const rules = resolvePacingRules();
    for (const seed of ['a', 'b', 'c', 'd', 'e']) {
      const items = plan(many, follows, { seed });
      // Five responses (the comment cap), and claps for the three authors left over.
      expect(items.filter((i) => i.kind === 'comment')).toHaveLength(5);
      expect(items.filter((i) => i.kind === 'clap')).toHaveLength(3);
      const sorted = [...items].sort((x, y) => x.suggestedAt - y.suggestedAt);
      const done: Touch[] = [...follows];
      let last: number | null = null;
      for (const item of sorted) {
        expect(item.suggestedAt % 60_000).toBe(0);
        expect(item.suggestedAt).toBeGreaterThanOrEqual(MON + 9 * HOUR_MS);
        expect(item.suggestedAt).toBeLessThanOrEqual(MON + 18 * HOUR_MS);
        expect(item.suggestedAt).toBeGreaterThanOrEqual(item.earliestAt);
        if (last !== null) expect(item.suggestedAt - last).toBeGreaterThanOrEqual(15 * 60_000);
        expect(
          checkTouch(rules, done, { prospectId: item.prospectId, kind: item.kind, at: item.suggestedAt, stage: 'followed' }, NOW).allowed,
        ).toBe(true);
        done.push({ prospectId: item.prospectId, kind: item.kind, at: item.suggestedAt });
        last = item.suggestedAt;
      }
    }
  });

  it('stretches per-author gaps by a seeded amount drawn once per gap, not once per day', () => {
    // Comment gap 48 h from a response exactly 48 h before Monday 00:00, stretched by up to 48 h: the response is
    // due at Monday 00:00 + extra. Whole-day windows make the due time visible as `earliestAt`.
    const rules = {
      sameAuthorGapHours: { comment: 48 },
      jitter: { gapExtraMaxHours: 48 },
      workingHours: { start: 0, end: 24 },
      quietDays: [],
    };
    const s = story('a', 1, 9);
    const history = [t('a', 'follow', 20), { prospectId: 'a', kind: 'comment' as const, at: MON - 2 * DAY_MS, storyUrl: 'x' }];
    const extras = new Set<number>();
    for (const seed of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']) {
      const commentOn = (day: number) =>
        plan([prospect('a', 'engaged', 50, s)], history, { seed, now: MON + day * DAY_MS, rules }).find((i) => i.kind === 'comment');
      const monday = commentOn(0);
      const tuesday = commentOn(1);
      expect(tuesday, seed).toBeDefined();
      if (monday !== undefined) {
        // Due on Monday: Tuesday's plan has it from the start of the day (still due, not re-drawn later).
        extras.add(monday.earliestAt - MON);
        expect(tuesday?.earliestAt).toBe(MON + DAY_MS);
      } else {
        // Due on Tuesday: Monday had no response planned at all.
        extras.add((tuesday as AgendaItem).earliestAt - MON);
        expect((tuesday as AgendaItem).earliestAt).toBeGreaterThan(MON + DAY_MS);
      }
    }
    for (const extra of extras) {
      expect(extra).toBeGreaterThanOrEqual(0);
      expect(extra).toBeLessThan(48 * HOUR_MS);
    }
    expect(extras.size).toBeGreaterThanOrEqual(10);
  });

  it('after working hours, plans what is still allowed before midnight', () => {
    const evening = MON + 20 * HOUR_MS;
    const items = plan([prospect('a', 'qualified'), prospect('b', 'qualified')], [], { now: evening });
    expect(items).toHaveLength(2);
    for (const i of items) {
      expect(i.suggestedAt).toBeGreaterThanOrEqual(evening);
      expect(i.suggestedAt).toBeLessThan(MON + DAY_MS);
    }
  });
});
