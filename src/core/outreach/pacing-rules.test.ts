import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import {
  checkTouch,
  DAY_MS,
  DEFAULT_PACING_RULES,
  HOUR_MS,
  isQuietDay,
  localDateKey,
  localDayStart,
  localWeekday,
  MINUTE_MS,
  nextActiveDayStart,
  type PacingRules,
  type PacingRulesInput,
  type ProposedTouch,
  renderViolation,
  resolvePacingRules,
} from './pacing-rules.js';
import type { Touch, TouchKind } from './touch-types.js';

const MON = Date.parse('2025-03-03T00:00:00Z'); // a Monday
const FRI = Date.parse('2025-03-07T00:00:00Z');
const SAT = Date.parse('2025-03-08T00:00:00Z');
const NEXT_MON = Date.parse('2025-03-10T00:00:00Z');
const at = (base: number, hours: number, minutes = 0) => base + hours * HOUR_MS + minutes * MINUTE_MS;

const RULES = resolvePacingRules();

function t(prospectId: string, kind: TouchKind, when: number, storyUrl?: string): Touch {
  return { prospectId, kind, at: when, ...(storyUrl === undefined ? {} : { storyUrl }) };
}

function check(touches: Touch[], proposed: ProposedTouch, rules: PacingRules = RULES) {
  return checkTouch(rules, touches, proposed, proposed.at ?? 0);
}

function ruleIds(result: ReturnType<typeof check>): string[] {
  return result.violations.map((v) => v.ruleId).sort();
}

describe('resolvePacingRules', () => {
  it('returns the documented defaults when given nothing', () => {
    expect(resolvePacingRules()).toEqual(DEFAULT_PACING_RULES);
    expect(RULES.quietDays).toEqual(['sat', 'sun']);
    expect(RULES.dailyCaps).toEqual({ follow: 5, comment: 5, clap: 10, pitch: 2, 'follow-up': 3 });
    expect(RULES.sameAuthorGapHours.comment).toBe(72);
    expect(RULES.followUp).toEqual({ afterDays: 7, max: 1 });
  });

  it('merges partial groups over the defaults', () => {
    const r = resolvePacingRules({ dailyCaps: { comment: 2 }, quietDays: [], followUp: { max: 2 } });
    expect(r.dailyCaps).toEqual({ ...DEFAULT_PACING_RULES.dailyCaps, comment: 2 });
    expect(r.quietDays).toEqual([]);
    expect(r.followUp).toEqual({ afterDays: 7, max: 2 });
    expect(r.burst).toEqual(DEFAULT_PACING_RULES.burst);
  });

  it.each([
    [{ dailyCaps: { comment: -1 } }, 'dailyCaps.comment'],
    [{ dailyCaps: { comment: 1.5 } }, 'dailyCaps.comment'],
    [{ dailyCaps: { like: 3 } as unknown as PacingRulesInput['dailyCaps'] }, 'dailyCaps.like'],
    [{ quietDays: ['saturday'] as unknown as PacingRulesInput['quietDays'] }, 'quietDays'],
    [{ quietDays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] }, 'quietDays'],
    [{ workingHours: { start: 18, end: 9 } }, 'workingHours.end'],
    [{ workingHours: { start: 9, end: 9 } }, 'workingHours'],
    [{ jitter: { minSpacingMinutes: 30, maxSpacingMinutes: 10 } }, 'jitter.maxSpacingMinutes'],
    [{ pitch: { countedKinds: ['comment', 'like'] as unknown as TouchKind[] } }, 'pitch.countedKinds'],
    [{ burst: { maxTouches: 0 } }, 'burst.maxTouches'],
    [{ utcOffsetMinutes: 15 * 60 }, 'utcOffsetMinutes'],
    [{ sameAuthorGapHours: { comment: Number.NaN } }, 'sameAuthorGapHours.comment'],
  ] as [PacingRulesInput, string][])('rejects %j naming %s', (input, field) => {
    let caught: unknown;
    try {
      resolvePacingRules(input);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LinkwrightError);
    expect((caught as LinkwrightError).code).toBe('CONFIG_INVALID');
    expect((caught as LinkwrightError).details.field).toBe(field);
  });
});

describe('local calendar helpers', () => {
  it('uses the fixed offset for day starts, weekdays and dates', () => {
    const lateSundayUtc = Date.parse('2025-03-09T23:30:00Z');
    expect(localWeekday(lateSundayUtc, 0)).toBe('sun');
    expect(localWeekday(lateSundayUtc, 60)).toBe('mon');
    expect(localDateKey(lateSundayUtc, 60)).toBe('2025-03-10');
    expect(localDayStart(lateSundayUtc, 60)).toBe(Date.parse('2025-03-09T23:00:00Z'));
    expect(localDayStart(lateSundayUtc, 0)).toBe(Date.parse('2025-03-09T00:00:00Z'));
    expect(localDayStart(Date.parse('2025-03-10T03:00:00Z'), -300)).toBe(Date.parse('2025-03-09T05:00:00Z'));
  });

  it('finds the next non-quiet day', () => {
    expect(nextActiveDayStart(RULES, at(FRI, 15))).toBe(NEXT_MON);
    expect(nextActiveDayStart(RULES, at(MON, 15))).toBe(MON + DAY_MS);
    expect(isQuietDay(RULES, at(SAT, 12))).toBe(true);
    expect(isQuietDay(resolvePacingRules({ quietDays: [] }), at(SAT, 12))).toBe(false);
  });
});

describe('checkTouch', () => {
  it('always allows inbound and bookkeeping touches, even on quiet days and closed prospects', () => {
    for (const kind of ['response-received', 'reply', 'link-placed', 'note'] as const) {
      const r = check([], { prospectId: 'a', kind, at: at(SAT, 3), stage: 'declined' });
      expect(r).toEqual({ allowed: true, violations: [], safeAt: at(SAT, 3) });
    }
  });

  it('allows a first comment on a weekday', () => {
    expect(check([], { prospectId: 'a', kind: 'comment', at: at(MON, 10) })).toEqual({
      allowed: true,
      violations: [],
      safeAt: at(MON, 10),
    });
  });

  it.each(['paused', 'declined', 'lost', 'linked'] as const)('refuses outbound touches on a %s prospect, for good', (stage) => {
    const r = check([], { prospectId: 'a', kind: 'comment', at: at(MON, 10), stage });
    expect(ruleIds(r)).toEqual(['prospect-inactive']);
    expect(r.safeAt).toBeNull();
  });

  it.each(['qualified', 'followed', 'engaged', 'pitched', 'found'] as const)('does not refuse a %s prospect for its stage', (stage) => {
    expect(check([], { prospectId: 'a', kind: 'clap', at: at(MON, 10), stage }).allowed).toBe(true);
  });

  it('refuses quiet days and points at the next working day', () => {
    const r = check([], { prospectId: 'a', kind: 'follow', at: at(SAT, 10) });
    expect(r.violations).toEqual([{ ruleId: 'quiet-day', messageId: 'pacing.quiet-day', params: { weekday: 'sat' }, safeAt: NEXT_MON }]);
    expect(r.safeAt).toBe(NEXT_MON);
    expect(renderViolation(r.violations[0] as never)).toBe('sat is a quiet day (safe from 2025-03-10 00:00 UTC)');
  });

  it('applies quiet days in local time', () => {
    const rules = resolvePacingRules({ utcOffsetMinutes: 120 });
    // Friday 23:00 UTC is Saturday 01:00 at UTC+2.
    const r = checkTouch(rules, [], { prospectId: 'a', kind: 'follow', at: at(FRI, 23) }, at(FRI, 23));
    expect(ruleIds(r)).toEqual(['quiet-day']);
    expect(r.safeAt).toBe(NEXT_MON - 2 * HOUR_MS);
  });

  it('caps each kind per day across all authors, safe again the next working day', () => {
    const log = [1, 2, 3, 4, 5].map((i) => t(`p${i}`, 'comment', at(FRI, 9 + i)));
    const r = check(log, { prospectId: 'p9', kind: 'comment', at: at(FRI, 16) });
    expect(r.violations).toEqual([
      { ruleId: 'daily-cap.comment', messageId: 'pacing.daily-cap', params: { kind: 'comment', cap: 5, count: 5 }, safeAt: SAT },
    ]);
    // Saturday is quiet, so the fixed point lands on Monday.
    expect(r.safeAt).toBe(NEXT_MON);
    // A different kind is not capped by comments, and yesterday's touches do not count today.
    expect(check(log, { prospectId: 'p9', kind: 'clap', at: at(FRI, 16) }).allowed).toBe(true);
    expect(check(log, { prospectId: 'p9', kind: 'comment', at: at(NEXT_MON, 9) }).allowed).toBe(true);
  });

  it('treats a cap of 0 as "never"', () => {
    const rules = resolvePacingRules({ dailyCaps: { pitch: 0 } });
    const r = check([], { prospectId: 'a', kind: 'pitch', at: at(MON, 10) }, rules);
    expect(r.violations.map((v) => [v.ruleId, v.safeAt])).toContainEqual(['daily-cap.pitch', null]);
    expect(r.safeAt).toBeNull();
  });

  it('caps all kinds together', () => {
    const rules = resolvePacingRules({ dailyTotalCap: 3 });
    const log = [t('a', 'follow', at(MON, 9)), t('b', 'clap', at(MON, 10)), t('c', 'comment', at(MON, 11))];
    const r = check(log, { prospectId: 'd', kind: 'follow', at: at(MON, 12) }, rules);
    expect(ruleIds(r)).toEqual(['daily-cap.total']);
    expect(r.safeAt).toBe(MON + DAY_MS);
  });

  it('keeps 3 days between comments on the same author', () => {
    const log = [t('a', 'comment', at(MON, 10))];
    const r = check(log, { prospectId: 'a', kind: 'comment', at: at(MON + 2 * DAY_MS, 10) });
    expect(ruleIds(r)).toEqual(['author-gap.comment']);
    expect(r.violations[0]?.params).toEqual({ kind: 'comment', gapHours: 72, lastAt: at(MON, 10) });
    expect(r.safeAt).toBe(at(MON + 3 * DAY_MS, 10));
    expect(check(log, { prospectId: 'a', kind: 'comment', at: at(MON + 3 * DAY_MS, 10) }).allowed).toBe(true);
    // Other authors are not affected.
    expect(check(log, { prospectId: 'b', kind: 'comment', at: at(MON, 11) }).allowed).toBe(true);
  });

  it('keeps a day between claps and 30 days between pitches on the same author', () => {
    expect(check([t('a', 'clap', at(MON, 10))], { prospectId: 'a', kind: 'clap', at: at(MON + DAY_MS, 9) }).safeAt).toBe(
      at(MON + DAY_MS, 10),
    );
    const engaged = [
      t('a', 'comment', at(MON - 30 * DAY_MS, 9)),
      t('a', 'comment', at(MON - 25 * DAY_MS, 9)),
      t('a', 'reply', at(MON - 20 * DAY_MS, 9)),
    ];
    const pitched = [...engaged, t('a', 'pitch', at(MON, 10))];
    const r = check(pitched, { prospectId: 'a', kind: 'pitch', at: at(MON + 10 * DAY_MS, 10) });
    expect(ruleIds(r)).toEqual(['author-gap.pitch']);
    expect(r.safeAt).toBe(at(MON + 30 * DAY_MS, 10));
  });

  it('keeps about a day between any two touches on the same author', () => {
    const r = check([t('a', 'follow', at(MON, 10))], { prospectId: 'a', kind: 'comment', at: at(MON, 15) });
    expect(r.violations).toEqual([
      {
        ruleId: 'author-gap.any',
        messageId: 'pacing.author-gap-any',
        params: { gapHours: 20, lastAt: at(MON, 10), lastKind: 'follow' },
        safeAt: at(MON + DAY_MS, 6),
      },
    ]);
    expect(renderViolation(r.violations[0] as never)).toBe(
      'at least 20 hours between touches on the same author (last: follow at 2025-03-03 10:00 UTC) (safe from 2025-03-04 06:00 UTC)',
    );
  });

  it('refuses bursts: more than 3 touches within 10 minutes', () => {
    const log = [t('a', 'follow', at(MON, 10, 0)), t('b', 'follow', at(MON, 10, 2)), t('c', 'follow', at(MON, 10, 4))];
    const r = check(log, { prospectId: 'd', kind: 'follow', at: at(MON, 10, 5) });
    expect(ruleIds(r)).toEqual(['burst']);
    // From 10:10 the window back from the new touch holds 10:02 and 10:04 only.
    expect(r.safeAt).toBe(at(MON, 10, 10));
    expect(check(log, { prospectId: 'd', kind: 'follow', at: at(MON, 10, 10) }).allowed).toBe(true);
    expect(check(log, { prospectId: 'd', kind: 'follow', at: at(MON, 10, 9) }).allowed).toBe(false);
  });

  it('counts windows on both sides of a back-dated touch', () => {
    const rules = resolvePacingRules({ burst: { windowMinutes: 10, maxTouches: 2 } });
    const log = [t('a', 'follow', at(MON, 10, 0)), t('b', 'follow', at(MON, 10, 9))];
    // 10:05 is within 10 minutes of both: {10:00, 10:05, 10:09} spans 9 minutes.
    expect(ruleIds(check(log, { prospectId: 'c', kind: 'follow', at: at(MON, 10, 5) }, rules))).toEqual(['burst']);
    expect(check(log, { prospectId: 'c', kind: 'follow', at: at(MON, 10, 19) }, rules).allowed).toBe(true);
    expect(check(log, { prospectId: 'c', kind: 'follow', at: at(MON, 9, 50) }, rules).allowed).toBe(true);
  });

  it('refuses a second follow of the same author', () => {
    const r = check([t('a', 'follow', at(MON - 5 * DAY_MS, 10))], { prospectId: 'a', kind: 'follow', at: at(MON, 10) });
    expect(ruleIds(r)).toEqual(['follow.already']);
    expect(r.safeAt).toBeNull();
  });

  describe('pitch readiness', () => {
    const c = (day: number, kind: TouchKind = 'comment') => t('a', kind, at(MON + day * DAY_MS, 10));

    it('needs 3 counted engagements; waiting alone does not help', () => {
      const r = check([c(0), c(4)], { prospectId: 'a', kind: 'pitch', at: at(MON + 30 * DAY_MS, 10) });
      expect(ruleIds(r)).toEqual(['pitch.min-engagements']);
      expect(r.violations[0]?.params).toEqual({ have: 2, need: 3, kinds: 'comment, response-received, reply' });
      expect(r.safeAt).toBeNull();
    });

    it('does not count claps or follows by default, counts their responses', () => {
      expect(
        ruleIds(check([c(0), c(4), c(8, 'clap'), c(9, 'follow')], { prospectId: 'a', kind: 'pitch', at: at(MON + 30 * DAY_MS, 10) })),
      ).toEqual(['pitch.min-engagements']);
      expect(
        check([c(0), c(4), c(5, 'response-received')], { prospectId: 'a', kind: 'pitch', at: at(MON + 30 * DAY_MS, 10) }).allowed,
      ).toBe(true);
      const withClaps = resolvePacingRules({ pitch: { countedKinds: ['comment', 'clap'] } });
      expect(check([c(0), c(4), c(8, 'clap')], { prospectId: 'a', kind: 'pitch', at: at(MON + 30 * DAY_MS, 10) }, withClaps).allowed).toBe(
        true,
      );
    });

    it('needs the first engagement at least 14 days before', () => {
      const log = [c(0), c(3), c(7)];
      const r = check(log, { prospectId: 'a', kind: 'pitch', at: at(MON + 10 * DAY_MS, 10) });
      expect(ruleIds(r)).toEqual(['pitch.min-span']);
      expect(r.safeAt).toBe(at(MON + 14 * DAY_MS, 10));
      expect(check(log, { prospectId: 'a', kind: 'pitch', at: at(MON + 14 * DAY_MS, 10) }).allowed).toBe(true);
    });

    it('only counts engagements before the pitch time', () => {
      const log = [c(0), c(3), c(20)];
      expect(ruleIds(check(log, { prospectId: 'a', kind: 'pitch', at: at(MON + 15 * DAY_MS, 10) }))).toEqual(['pitch.min-engagements']);
    });
  });

  describe('follow-ups', () => {
    const pitchDay = MON + 14 * DAY_MS; // a Monday
    const base = [t('a', 'comment', at(MON, 10)), t('a', 'comment', at(MON + 4 * DAY_MS, 10)), t('a', 'comment', at(MON + 8 * DAY_MS, 10))];
    const pitched = [...base, t('a', 'pitch', at(pitchDay, 10))];

    it('needs a pitch first', () => {
      const r = check(base, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay, 10) });
      expect(ruleIds(r)).toEqual(['follow-up.no-pitch']);
      expect(r.safeAt).toBeNull();
    });

    it('waits 7 days after the pitch', () => {
      const r = check(pitched, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay + 3 * DAY_MS, 10) });
      expect(ruleIds(r)).toEqual(['follow-up.too-soon']);
      expect(r.safeAt).toBe(at(pitchDay + 7 * DAY_MS, 10));
      expect(check(pitched, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay + 7 * DAY_MS, 10) }).allowed).toBe(true);
    });

    it('stops after a reply', () => {
      const r = check([...pitched, t('a', 'reply', at(pitchDay + 2 * DAY_MS, 9))], {
        prospectId: 'a',
        kind: 'follow-up',
        at: at(pitchDay + 8 * DAY_MS, 10),
      });
      expect(ruleIds(r)).toEqual(['follow-up.replied']);
      expect(r.safeAt).toBeNull();
    });

    it('sends at most `max` follow-ups per pitch, each waiting from the last message', () => {
      const once = [...pitched, t('a', 'follow-up', at(pitchDay + 7 * DAY_MS, 10))];
      const r = check(once, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay + 21 * DAY_MS, 10) });
      expect(ruleIds(r)).toEqual(['follow-up.max']);
      expect(r.safeAt).toBeNull();
      const two = resolvePacingRules({ followUp: { max: 2 } });
      const early = check(once, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay + 10 * DAY_MS, 10) }, two);
      expect(ruleIds(early)).toEqual(['follow-up.too-soon']);
      expect(early.safeAt).toBe(at(pitchDay + 14 * DAY_MS, 10));
    });

    it('counts follow-ups from the latest pitch only', () => {
      const again = [...pitched, t('a', 'follow-up', at(pitchDay + 7 * DAY_MS, 10)), t('a', 'pitch', at(pitchDay + 35 * DAY_MS, 10))];
      expect(check(again, { prospectId: 'a', kind: 'follow-up', at: at(pitchDay + 42 * DAY_MS, 10) }).allowed).toBe(true);
    });
  });

  it('finds the first time every rule allows, across rules (fixed point)', () => {
    // The comment gap (from Tuesday 18:00) ends Friday 18:00, but Friday's comment cap is already used up, then
    // comes the quiet weekend: the first time all rules allow is Monday 00:00.
    const log = [t('a', 'comment', at(MON + DAY_MS, 18)), ...[1, 2, 3, 4, 5].map((i) => t(`p${i}`, 'comment', at(FRI, 8 + i)))];
    const r = check(log, { prospectId: 'a', kind: 'comment', at: at(MON + 3 * DAY_MS, 12) });
    expect(ruleIds(r)).toEqual(['author-gap.comment']);
    expect(r.violations[0]?.safeAt).toBe(at(FRI, 18));
    expect(r.safeAt).toBe(NEXT_MON);
  });

  it('refuses a non-finite time', () => {
    expect(() => checkTouch(RULES, [], { prospectId: 'a', kind: 'comment' }, Number.NaN)).toThrow(LinkwrightError);
  });

  it('uses `now` when the proposal has no time', () => {
    const r = checkTouch(RULES, [], { prospectId: 'a', kind: 'comment' }, at(SAT, 10));
    expect(ruleIds(r)).toEqual(['quiet-day']);
  });
});
