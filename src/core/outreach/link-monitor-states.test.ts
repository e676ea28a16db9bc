import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import {
  changeMessages,
  classifyPlacementCheck,
  EMPTY_TIMELINE,
  type ExpectedPlacement,
  type FoundLink,
  INITIAL_PLACEMENT,
  nextTimeline,
  type PlacementCheck,
  type PlacementCheckResult,
  type PlacementTimeline,
  type PreviousPlacement,
  targetKey,
} from './link-monitor-states.js';
import { renderOutreachMessage } from './outreach-messages.js';
import { seededRandom } from './seeded-random.js';

const EXPECTED: ExpectedPlacement = {
  targetUrl: 'https://example.com/post',
  rel: 'ugc nofollow',
  placement: 'body',
  anchorText: 'link study',
};
const GOOD: FoundLink = {
  url: 'https://example.com/post',
  rel: ['noopener', 'ugc', 'nofollow'],
  placement: 'body',
  anchorText: 'Link  Study',
};

const ok = (found: Partial<FoundLink> = {}): PlacementCheck => ({ status: 200, blocked: false, found: { ...GOOD, ...found } });
const missing: PlacementCheck = { status: 200, blocked: false, found: null };
const gone = (status: number): PlacementCheck => ({ status, blocked: false, found: null });
const blocked: PlacementCheck = { status: 403, blocked: true, found: null };
const failed = (status: number | null, error: string | null = null): PlacementCheck => ({ status, blocked: false, error, found: null });

const RELFLIP = { field: 'rel', from: 'ugc nofollow', to: 'noopener' } as const;

const prev = (state: PreviousPlacement['state'], consecutiveFailures = 0, extra: Partial<PreviousPlacement> = {}): PreviousPlacement => ({
  state,
  consecutiveFailures,
  ...extra,
});

interface Row {
  name: string;
  previous: PreviousPlacement;
  check: PlacementCheck;
  state: PlacementCheckResult['state'];
  event: string | null;
  failures: number;
  lostReason?: PlacementCheckResult['lostReason'];
  fields?: string[];
  lastDefinite?: PlacementCheckResult['lastDefiniteState'];
}

const TABLE: Row[] = [
  {
    name: 'pending + as expected',
    previous: INITIAL_PLACEMENT,
    check: ok(),
    state: 'live',
    event: 'found',
    failures: 0,
    lastDefinite: 'live',
  },
  {
    name: 'pending + rel differs',
    previous: INITIAL_PLACEMENT,
    check: ok({ rel: ['noopener'] }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['rel'],
  },
  {
    name: 'pending + 404',
    previous: INITIAL_PLACEMENT,
    check: gone(404),
    state: 'lost',
    event: 'lost',
    failures: 0,
    lostReason: 'page-gone',
  },
  {
    name: 'pending + page without the link',
    previous: INITIAL_PLACEMENT,
    check: missing,
    state: 'lost',
    event: 'lost',
    failures: 0,
    lostReason: 'link-gone',
  },
  {
    name: 'pending + blocked',
    previous: INITIAL_PLACEMENT,
    check: blocked,
    state: 'blocked',
    event: null,
    failures: 1,
    lastDefinite: 'pending',
  },
  { name: 'live + as expected', previous: prev('live'), check: ok(), state: 'live', event: null, failures: 0 },
  {
    name: 'live + rel flip to followed',
    previous: prev('live'),
    check: ok({ rel: ['noopener'] }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['rel'],
  },
  {
    name: 'live + moved to the bio',
    previous: prev('live'),
    check: ok({ placement: 'bio' }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['placement'],
  },
  {
    name: 'live + anchor text changed',
    previous: prev('live'),
    check: ok({ anchorText: 'click here' }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['anchor'],
  },
  {
    name: 'live + target changed',
    previous: prev('live'),
    check: ok({ url: 'https://example.com/other' }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['target'],
  },
  {
    name: 'live + target now redirects',
    previous: prev('live'),
    check: ok({ targetRedirects: { finalUrl: 'https://example.com/new' } }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['target-redirects'],
  },
  { name: 'live + 410', previous: prev('live'), check: gone(410), state: 'lost', event: 'lost', failures: 0, lostReason: 'page-gone' },
  {
    name: 'live + link removed',
    previous: prev('live'),
    check: missing,
    state: 'lost',
    event: 'lost',
    failures: 0,
    lostReason: 'link-gone',
  },
  { name: 'live + first block', previous: prev('live'), check: blocked, state: 'blocked', event: null, failures: 1, lastDefinite: 'live' },
  {
    name: 'live + second failure',
    previous: prev('blocked', 1, { lastDefiniteState: 'live' }),
    check: failed(503),
    state: 'error',
    event: null,
    failures: 2,
    lastDefinite: 'live',
  },
  {
    name: 'live + third failure in a row ⇒ lost',
    previous: prev('error', 2, { lastDefiniteState: 'live' }),
    check: blocked,
    state: 'lost',
    event: 'lost',
    failures: 3,
    lostReason: 'unreachable',
    lastDefinite: 'lost',
  },
  {
    name: 'failures then fine again',
    previous: prev('error', 2, { lastDefiniteState: 'live' }),
    check: ok(),
    state: 'live',
    event: null,
    failures: 0,
  },
  {
    name: 'failures on a changed link, then the same change',
    previous: prev('blocked', 2, { lastDefiniteState: 'changed', changes: [RELFLIP] }),
    check: ok({ rel: ['noopener'] }),
    state: 'changed',
    event: null,
    failures: 0,
    fields: ['rel'],
  },
  {
    name: 'changed + as expected again',
    previous: prev('changed', 0, { changes: [RELFLIP] }),
    check: ok(),
    state: 'live',
    event: 'restored',
    failures: 0,
  },
  {
    name: 'changed + a different change',
    previous: prev('changed', 0, { changes: [RELFLIP] }),
    check: ok({ rel: ['noopener'], placement: 'footer' }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['rel', 'placement'],
  },
  {
    name: 'changed + the same change',
    previous: prev('changed', 0, { changes: [RELFLIP] }),
    check: ok({ rel: ['noopener'] }),
    state: 'changed',
    event: null,
    failures: 0,
    fields: ['rel'],
  },
  {
    name: 'changed (changes not stored) + a change',
    previous: prev('changed'),
    check: ok({ rel: ['noopener'] }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['rel'],
  },
  { name: 'lost + back as expected', previous: prev('lost'), check: ok(), state: 'live', event: 'recovered', failures: 0 },
  {
    name: 'lost + back but changed',
    previous: prev('lost'),
    check: ok({ placement: 'bio' }),
    state: 'changed',
    event: 'recovered',
    failures: 0,
    fields: ['placement'],
  },
  { name: 'lost + still 404', previous: prev('lost'), check: gone(404), state: 'lost', event: null, failures: 0, lostReason: 'page-gone' },
  { name: 'lost + blocked', previous: prev('lost', 4), check: blocked, state: 'lost', event: null, failures: 5, lostReason: null },
  { name: 'HTTP 500', previous: prev('live'), check: failed(500), state: 'error', event: null, failures: 1 },
  { name: 'HTTP 429', previous: prev('live'), check: failed(429), state: 'error', event: null, failures: 1 },
  { name: 'HTTP 403 without challenge markers', previous: prev('live'), check: failed(403), state: 'error', event: null, failures: 1 },
  { name: 'no response', previous: prev('live'), check: failed(null, 'FETCH_TIMEOUT'), state: 'error', event: null, failures: 1 },
  {
    name: 'transport error despite a status',
    previous: prev('live'),
    check: { ...ok(), error: { code: 'BODY_TOO_LARGE' } },
    state: 'error',
    event: null,
    failures: 1,
  },
  { name: 'redirect not followed (3xx)', previous: prev('live'), check: failed(301), state: 'error', event: null, failures: 1 },
  {
    name: 'noopener/noreferrer only differ',
    previous: prev('live'),
    check: ok({ rel: ['ugc', 'nofollow', 'noreferrer'] }),
    state: 'live',
    event: null,
    failures: 0,
  },
  {
    name: 'same target written differently',
    previous: prev('live'),
    check: ok({ url: 'HTTPS://Example.COM:443/post/#section' }),
    state: 'live',
    event: null,
    failures: 0,
  },
  {
    name: 'target query differs (utm)',
    previous: prev('live'),
    check: ok({ url: 'https://example.com/post?utm_source=x' }),
    state: 'changed',
    event: 'changed',
    failures: 0,
    fields: ['target'],
  },
];

describe('classifyPlacementCheck', () => {
  it.each(TABLE)('$name', (row) => {
    const r = classifyPlacementCheck(EXPECTED, row.check, row.previous);
    expect(r.state).toBe(row.state);
    expect(r.event?.kind ?? null).toBe(row.event);
    expect(r.consecutiveFailures).toBe(row.failures);
    expect(r.changes.map((c) => c.field)).toEqual(row.fields ?? []);
    if (row.lostReason !== undefined) expect(r.lostReason).toBe(row.lostReason);
    if (row.lastDefinite !== undefined) expect(r.lastDefiniteState).toBe(row.lastDefinite);
    if (r.event !== undefined) expect(renderOutreachMessage(r.event.messageId, r.event.params)).not.toMatch(/\?|undefined/);
  });

  it('counts N consecutive failures before lost (configurable)', () => {
    let state: PreviousPlacement = { state: 'live', consecutiveFailures: 0, lastDefiniteState: 'live' };
    const states: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = classifyPlacementCheck(EXPECTED, i % 2 === 0 ? blocked : failed(502), state);
      states.push(r.state);
      state = { state: r.state, consecutiveFailures: r.consecutiveFailures, lastDefiniteState: r.lastDefiniteState, changes: r.changes };
    }
    expect(states).toEqual(['blocked', 'error', 'lost', 'lost']);
    expect(classifyPlacementCheck(EXPECTED, blocked, prev('live'), { failuresBeforeLost: 1 }).state).toBe('lost');
    expect(() => classifyPlacementCheck(EXPECTED, blocked, prev('live'), { failuresBeforeLost: 0 })).toThrow(LinkwrightError);
  });

  it('reports the rel flip in words', () => {
    const r = classifyPlacementCheck(EXPECTED, ok({ rel: ['noopener'] }), prev('live'));
    expect(r.changes).toEqual([{ field: 'rel', from: 'ugc nofollow', to: 'noopener' }]);
    expect(changeMessages(r.changes).map((m) => renderOutreachMessage(m.messageId, m.params))).toEqual([
      'rel changed from "ugc nofollow" to "noopener" (now followed)',
    ]);
    const back = classifyPlacementCheck({ ...EXPECTED, rel: [] }, ok(), prev('live'));
    expect(changeMessages(back.changes).map((m) => renderOutreachMessage(m.messageId, m.params))).toEqual([
      'rel changed from "" to "noopener ugc nofollow" (no longer followed)',
    ]);
  });

  it('describes every kind of change', () => {
    const r = classifyPlacementCheck(
      EXPECTED,
      ok({ url: 'https://example.com/x', placement: 'footer', anchorText: 'here', targetRedirects: true, rel: ['sponsored'] }),
      prev('live'),
    );
    expect(renderOutreachMessage(r.message.messageId, r.message.params)).toBe(
      'link changed: target, target-redirects, rel, placement, anchor',
    );
    expect(changeMessages(r.changes).map((m) => renderOutreachMessage(m.messageId, m.params))).toEqual([
      'target changed from https://example.com/post to https://example.com/x',
      'target now redirects to another URL',
      'rel changed from "ugc nofollow" to "sponsored"',
      'moved from body to footer',
      'anchor text changed from "link study" to "here"',
    ]);
  });

  it('checks only what was expected', () => {
    const r = classifyPlacementCheck(
      { targetUrl: 'https://example.com/post' },
      ok({ rel: [], placement: 'bio', anchorText: 'x' }),
      prev('live'),
    );
    expect(r.state).toBe('live');
  });

  it('says how far a failure run is from counting as lost', () => {
    const r = classifyPlacementCheck(EXPECTED, blocked, prev('live'));
    expect(renderOutreachMessage(r.message.messageId, r.message.params)).toBe('check failed (blocked), 1 of 3 before it counts as lost');
    const lost = classifyPlacementCheck(EXPECTED, failed(503), prev('error', 2, { lastDefiniteState: 'live' }));
    expect(renderOutreachMessage(lost.message.messageId, lost.message.params)).toBe('unreachable for 3 checks in a row (HTTP 503)');
  });
});

describe('targetKey', () => {
  it.each([
    ['https://Example.com/a/', 'https://example.com/a'],
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/a#x', 'https://example.com/a'],
    ['http://example.com:80/a', 'http://example.com/a'],
    ['https://example.com/a/./b/../c', 'https://example.com/a/c'],
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['not a url', 'not a url'],
  ])('%s → %s', (input, key) => {
    expect(targetKey(input)).toBe(key);
  });
});

describe('nextTimeline', () => {
  const day = (n: number) => Date.parse('2025-05-01T06:00:00Z') + n * 86_400_000;

  function run(checks: PlacementCheck[]): { results: PlacementCheckResult[]; timelines: PlacementTimeline[] } {
    let state: PreviousPlacement = INITIAL_PLACEMENT;
    let timeline: PlacementTimeline | null = null;
    const results: PlacementCheckResult[] = [];
    const timelines: PlacementTimeline[] = [];
    checks.forEach((c, i) => {
      const r = classifyPlacementCheck(EXPECTED, c, state);
      timeline = nextTimeline(timeline, r, day(i));
      state = { state: r.state, consecutiveFailures: r.consecutiveFailures, lastDefiniteState: r.lastDefiniteState, changes: r.changes };
      results.push(r);
      timelines.push(timeline);
    });
    return { results, timelines };
  }

  it('tracks first seen, last seen live, failures and loss over a history', () => {
    const { results, timelines } = run([ok(), ok(), ok({ placement: 'bio' }), blocked, blocked, blocked, ok(), gone(404), gone(404)]);
    expect(results.map((r) => r.state)).toEqual(['live', 'live', 'changed', 'blocked', 'blocked', 'lost', 'live', 'lost', 'lost']);
    expect(results.map((r) => r.event?.kind ?? '-')).toEqual(['found', '-', 'changed', '-', '-', 'lost', 'recovered', 'lost', '-']);
    expect(timelines[2]).toEqual({
      firstSeenAt: day(0),
      lastSeenAt: day(2),
      lastSeenLiveAt: day(1),
      lostAt: null,
      failingSinceAt: null,
      lastCheckedAt: day(2),
    });
    expect(timelines[4]).toMatchObject({ failingSinceAt: day(3), lostAt: null, lastSeenAt: day(2) });
    expect(timelines[5]).toMatchObject({ failingSinceAt: day(3), lostAt: day(5) });
    expect(timelines[6]).toEqual({
      firstSeenAt: day(0),
      lastSeenAt: day(6),
      lastSeenLiveAt: day(6),
      lostAt: null,
      failingSinceAt: null,
      lastCheckedAt: day(6),
    });
    expect(timelines[8]).toEqual({
      firstSeenAt: day(0),
      lastSeenAt: day(6),
      lastSeenLiveAt: day(6),
      lostAt: day(7),
      failingSinceAt: null,
      lastCheckedAt: day(8),
    });
  });

  it('keeps the first-seen date for a link found late', () => {
    const { timelines } = run([missing, blocked, ok()]);
    expect(timelines[0]).toMatchObject({ firstSeenAt: null, lostAt: day(0) });
    expect(timelines[2]).toMatchObject({ firstSeenAt: day(2), lostAt: null, lastSeenLiveAt: day(2) });
  });

  it('refuses a non-finite check time', () => {
    const r = classifyPlacementCheck(EXPECTED, ok(), INITIAL_PLACEMENT);
    expect(() => nextTimeline(EMPTY_TIMELINE, r, Number.NaN)).toThrow(LinkwrightError);
  });

  it('keeps its invariants over a long random history', () => {
    const rnd = seededRandom('monitor-history');
    const pool: PlacementCheck[] = [
      ok(),
      ok(),
      ok(),
      ok({ rel: ['noopener'] }),
      ok({ placement: 'bio' }),
      missing,
      gone(404),
      gone(410),
      blocked,
      failed(503),
      failed(null, 'FETCH_NETWORK'),
    ];
    const checks = Array.from({ length: 400 }, () => pool[Math.floor(rnd() * pool.length)] as PlacementCheck);
    const { results, timelines } = run(checks);
    let previousState = 'pending';
    results.forEach((r, i) => {
      const t = timelines[i] as PlacementTimeline;
      expect(r.state === 'lost', `check ${i}`).toBe(t.lostAt !== null);
      if (r.state !== 'lost') expect(r.consecutiveFailures).toBeLessThan(3);
      if (r.state === 'live') expect(t.lastSeenLiveAt).toBe(day(i));
      if (t.firstSeenAt !== null) expect(t.lastSeenAt).not.toBeNull();
      if (r.event?.kind === 'lost') expect(previousState).not.toBe('lost');
      if (r.event?.kind === 'recovered') expect(previousState).toBe('lost');
      previousState = r.lastDefiniteState;
    });
    expect(new Set(results.map((r) => r.state))).toEqual(new Set(['live', 'changed', 'lost', 'blocked', 'error']));
  });
});
