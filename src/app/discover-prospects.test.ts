import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderDiscoveryMessage } from '../core/discovery/index.js';
import { discoveryRunItems } from '../store/discovery-runs-repository.js';
import { findMediumAuthor, getMediumPost, listAuthorSnapshots } from '../store/medium-repository.js';
import { openStore, type Store } from '../store/open-store.js';
import { countRows } from '../store/pages-repository.js';
import { listProspects } from '../store/prospects-repository.js';
import { type DiscoverProgress, type DiscoverRequest, discoverProspects, tagSlug } from './discover-prospects.js';
import { BLOCKED_STORY, FAILING_STORY, fakeMediumSource, NOW, ORIGIN, storyUrlOf } from './fake-medium.test-support.js';

const request: DiscoverRequest = { keywords: ['SEO'], tags: ['Link Building'] };

function setup(store?: Store) {
  return fakeMediumSource(store);
}

const text = (m: { messageId: string; params: Record<string, string | number | boolean | null> }) =>
  renderDiscoveryMessage(m.messageId, m.params);

describe('tagSlug', () => {
  it('turns keywords into Medium tag slugs (lower-case, hyphenated)', () => {
    expect(tagSlug('Link Building')).toBe('link-building');
    expect(tagSlug('  Café SEO!  ')).toBe('cafe-seo');
    expect(tagSlug("Google's core update")).toBe('googles-core-update');
    expect(tagSlug('web/dev')).toBe('web-dev');
  });
});

describe('discoverProspects without a store', () => {
  it('ranks the steady niche writer first, explains everyone, and reports blocked and failed pages', async () => {
    const { clock, fetcher, source } = setup();
    const events: DiscoverProgress[] = [];
    const out = await discoverProspects({ source, clock, onProgress: (e) => events.push(e) }, request);

    expect(out.query.tags).toEqual(['seo', 'link-building']);
    expect(out.feeds.map((f) => [f.name, f.state, f.items])).toEqual([
      ['seo', 'ok', 10],
      ['link-building', 'ok', 5],
    ]);
    // Qualified first, then by score: the steady writer heads the list; the others follow by score.
    expect(out.prospects[0]?.username).toBe('ada');
    expect(out.prospects.map((p) => p.rank)).toEqual([1, 2, 3]);
    expect(out.prospects.slice(1).every((p) => !p.qualified)).toBe(true);
    expect((out.prospects[1]?.score ?? 0) >= (out.prospects[2]?.score ?? 0)).toBe(true);

    const named = (n: string) => out.prospects.find((p) => p.username === n);
    const [ada, bob, carol] = [named('ada'), named('bob'), named('carol')];
    expect(ada).toMatchObject({ rank: 1, qualified: true, stage: 'qualified', created: null, followers: 5_200 });
    expect(ada?.reasons).toEqual([]);
    expect(ada?.factors.map((f) => f.id)).toEqual([
      'nicheShare',
      'followers',
      'postsInWindow',
      'medianClaps',
      'regularity',
      'recency',
      'responses',
      'viral',
      'publication',
    ]);
    expect(ada?.factors.every((f) => text(f.explanation).length > 0)).toBe(true);

    expect(bob?.qualified).toBe(false);
    expect(bob?.reasons.map((r) => r.messageId)).toEqual(['gate.viral.one-hit']);
    expect(text(bob?.reasons[0] as never)).toMatch(/^one viral hit: 100% of claps from one story$/);

    // Carol's profile is a bot challenge: judged from feed and story pages, followers unknown, never guessed.
    expect(carol).toMatchObject({ qualified: false, followers: null, evidence: { profile: 'blocked', feed: 'ok', storiesRead: 3 } });
    expect(carol?.reasons.map((r) => r.messageId)).toEqual(['gate.followers.unknown']);
    expect(carol?.coverage).toBeLessThan(1);
    expect((ada?.score ?? 0) > Math.max(bob?.score ?? 100, carol?.score ?? 100)).toBe(true);

    expect(out.blocked.map((b) => [b.kind, b.url])).toEqual([
      ['story', storyUrlOf(BLOCKED_STORY)],
      ['profile', `${ORIGIN}/@carol`],
    ]);
    expect(out.blocked[0]?.advice).toContain('save it');
    expect(out.failures).toEqual([
      { kind: 'story', url: storyUrlOf(FAILING_STORY), code: 'FETCH_HTTP_STATUS', message: expect.stringContaining('HTTP 500') },
    ]);
    expect(out.unresolvedStories).toEqual([storyUrlOf(BLOCKED_STORY)]);
    expect(out.counts).toMatchObject({
      stories: 13,
      storiesRead: 11,
      authorsFound: 3,
      authorsJudged: 3,
      blocked: 2,
      failed: 1,
      fromStore: 0,
    });

    // Every URL fetched once; the failing story is not retried inside a run.
    expect(new Set(fetcher.requests).size).toBe(fetcher.requests.length);
    expect(fetcher.requests).toHaveLength(2 + 13 + 3 * 2);

    // Progress: one event per item, done counts up to the final total.
    expect(events.map((e) => e.done)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ stage: 'authors', done: 21, total: 21 });
    expect(events[0]?.stage).toBe('feeds');
  });

  it('judges at most `limit` authors, those with most niche stories first', async () => {
    const { clock, source } = setup();
    const out = await discoverProspects({ source, clock }, { ...request, limit: 1 });
    expect(out.counts).toMatchObject({ authorsFound: 3, authorsJudged: 1 });
    expect(out.prospects.map((p) => p.username)).toEqual(['ada']);
  });

  it('reads publication feeds the user lists', async () => {
    const { clock, fetcher, source } = setup();
    fetcher.routes.set(`${ORIGIN}/feed/growth-pub`, { status: 503, headers: {}, body: 'down' });
    const out = await discoverProspects({ source, clock }, { keywords: ['seo'], publications: ['growth-pub'], limit: 1 });
    expect(out.feeds.map((f) => [f.kind, f.name, f.state])).toEqual([
      ['tag-feed', 'seo', 'ok'],
      ['publication-feed', 'growth-pub', 'failed'],
    ]);
    expect(out.failures[0]).toMatchObject({ kind: 'publication-feed', code: 'FETCH_HTTP_STATUS' });
  });
});

describe('discoverProspects with a store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lw-discover-'));
    store = await openStore({ location: join(dir, 'd.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores prospects with their breakdown; a re-run updates them and adds one follower snapshot per author', async () => {
    const first = setup(store);
    const out1 = await discoverProspects({ source: first.source, clock: first.clock, store }, request);
    const byName = <T extends { username: string }>(list: T[]): T[] => [...list].sort((a, b) => a.username.localeCompare(b.username));
    expect(byName(out1.prospects).map((p) => [p.username, p.created, p.stage])).toEqual([
      ['ada', true, 'qualified'],
      ['bob', true, 'found'],
      ['carol', true, 'found'],
    ]);
    const stored = await listProspects(store.db);
    expect(stored.map((p) => [p.username, p.score, p.qualified])).toEqual(out1.prospects.map((p) => [p.username, p.score, p.qualified]));
    expect(stored.find((p) => p.username === 'bob')?.gateReasons).toEqual([expect.objectContaining({ messageId: 'gate.viral.one-hit' })]);
    expect(stored[0]?.breakdown).toEqual(out1.prospects[0]?.factors);
    expect(stored[0]?.breakdown).toHaveLength(9);
    expect(await getMediumPost(store.db, 'a0000000000a')).toMatchObject({
      claps: 320,
      responses: 6,
      authorUsername: 'ada',
      tags: ['seo', 'link-building'],
    });

    // One hour later, a new process: stories come from the store (< 24 h), feeds and profiles are fetched again.
    const second = setup(store);
    second.clock.set(NOW + 3_600_000);
    const out2 = await discoverProspects({ source: second.source, clock: second.clock, store }, request);
    expect(out2.resumed).toBe(false);
    expect(byName(out2.prospects).map((p) => [p.username, p.created])).toEqual([
      ['ada', false],
      ['bob', false],
      ['carol', false],
    ]);
    expect(await countRows(store.db, 'prospects')).toBe(3);
    expect(await countRows(store.db, 'medium_authors')).toBe(3);
    const storyRequests = second.fetcher.requests.filter((u) => !u.includes('/feed/') && !/\/@[a-z]+$/.test(u));
    // Only pages that were not stored as stories are fetched again: the failed one and the blocked one.
    expect(storyRequests.sort()).toEqual([storyUrlOf(BLOCKED_STORY), storyUrlOf(FAILING_STORY)].sort());
    expect(out2.counts.fromStore).toBe(11);
    for (const name of ['ada', 'bob']) {
      const author = await findMediumAuthor(store.db, name);
      expect((await listAuthorSnapshots(store.db, author?.id ?? -1)).map((s) => s.capturedAt)).toEqual([
        new Date(NOW).toISOString(),
        new Date(NOW + 3_600_000).toISOString(),
      ]);
    }
    // Carol's profile was blocked both times: no follower capture, so no history row (never a made-up 0).
    const carol = await findMediumAuthor(store.db, 'carol');
    expect(await listAuthorSnapshots(store.db, carol?.id ?? -1)).toEqual([]);
    expect(carol?.followers).toBeNull();
  });

  it('--refresh fetches story pages again', async () => {
    const first = setup(store);
    await discoverProspects({ source: first.source, clock: first.clock, store }, request);
    const second = setup(store);
    await discoverProspects({ source: second.source, clock: second.clock, store }, { ...request, refresh: true });
    expect(second.fetcher.requests).toHaveLength(first.fetcher.requests.length);
  });

  it('resumes an interrupted run: finished items are replayed from the store, not fetched again', async () => {
    const first = setup(store);
    const controller = new AbortController();
    first.fetcher.beforeRequest = (count) => {
      // Interrupt after the two feeds and nine story pages.
      if (count === 11) controller.abort(new Error('interrupted by the test'));
    };
    await expect(
      discoverProspects({ source: first.source, clock: first.clock, store }, { ...request, signal: controller.signal }),
    ).rejects.toThrow('interrupted by the test');
    expect(await countRows(store.db, 'prospects')).toBe(0);

    const second = setup(store);
    const out = await discoverProspects({ source: second.source, clock: second.clock, store }, request);
    expect(out.resumed).toBe(true);
    expect(out.prospects.map((p) => p.username).sort()).toEqual(['ada', 'bob', 'carol']);
    // Together the two processes fetched each URL once, except the failed story, which a resume retries.
    const all = [...first.fetcher.requests, ...second.fetcher.requests];
    const twice = [...new Set(all.filter((u, i) => all.indexOf(u) !== i))];
    expect(twice).toEqual([storyUrlOf(FAILING_STORY)].filter((u) => first.fetcher.requests.includes(u)));
    expect(second.fetcher.requests.some((u) => u.includes('/feed/tag/'))).toBe(false);
    const items = await discoveryRunItems(store.db, out.runId ?? -1);
    // 2 feeds + 11 stories + 3 user feeds + 2 profiles.
    expect(items.filter((i) => i.state === 'done')).toHaveLength(18);
    expect(items.filter((i) => i.state === 'blocked').map((i) => i.kind)).toEqual(['story', 'profile']);
    expect(items.filter((i) => i.state === 'failed').map((i) => i.kind)).toEqual(['story']);

    // The finished run is not resumed again: a new run starts.
    const third = setup(store);
    const again = await discoverProspects({ source: third.source, clock: third.clock, store }, request);
    expect(again.resumed).toBe(false);
    expect(again.runId).not.toBe(out.runId);
  });
});
