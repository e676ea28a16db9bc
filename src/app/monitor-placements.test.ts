import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { Store } from '../store/open-store.js';
import { listStageChanges, listTouches } from '../store/outreach-repository.js';
import { countRows } from '../store/pages-repository.js';
import { getPlacement, listPlacementChecks, listPlacementEvents } from '../store/placements-repository.js';
import { findProspectById } from '../store/prospects-repository.js';
import { changeStage } from './change-stage.js';
import { logTouch } from './log-touch.js';
import { findWatchedLink, monitorPlacements } from './monitor-placements.js';
import { DAY, type FakePageFetcher, fakePageFetcher, seedProspect, settableClock, storyHtml, tempStore } from './outreach.test-support.js';
import { watchPlacement } from './watch-placement.js';
import type { PlacementAlert, WebhookNotifier } from './webhook-notifier.js';

const STORY = 'https://medium.test/@maya/winter-sowing-0123456789ab';
const TARGET = 'https://example.com/guides/sowing';

let store: Store;
let cleanup: () => Promise<void>;
let clock: ReturnType<typeof settableClock>;
let fetcher: FakePageFetcher;
let alerts: PlacementAlert[];
let notifier: WebhookNotifier;

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
  clock = settableClock();
  fetcher = fakePageFetcher(clock);
  fetcher.routes.set(TARGET, { status: 200, body: '<title>Sowing</title>' });
  alerts = [];
  notifier = { notify: (a) => alerts.push(a), flush: async () => [] };
});
afterEach(async () => cleanup());

const page = (rel = 'noopener ugc nofollow', href = TARGET, text = 'a sowing guide') => storyHtml({ links: [{ href, text, rel }] });
const run = () => monitorPlacements({ store, fetcher, clock, notifier }, {});

/** Maya, pitched after real engagement, with her story's link watched. */
async function pitchedMaya(): Promise<{ prospectId: number; placementId: number }> {
  const prospectId = await seedProspect(store, 'maya');
  const t0 = clock.now();
  for (const [kind, days] of [
    ['follow', 20],
    ['comment', 18],
    ['comment', 10],
    ['comment', 3],
  ] as const) {
    await logTouch({ store, clock }, { prospect: '@maya', kind, at: t0 - days * DAY });
  }
  await changeStage({ store, clock }, { prospect: '@maya', stage: 'pitched' });
  const { placement } = await watchPlacement({ store, clock }, { storyUrl: STORY, targetUrl: TARGET });
  return { prospectId, placementId: placement.id };
}

describe('monitorPlacements', () => {
  it('finds the link, learns its rel and anchor, moves the prospect to linked and logs one link-placed touch', async () => {
    const { prospectId, placementId } = await pitchedMaya();
    fetcher.routes.set(STORY, { status: 200, body: page(), etag: '"v1"' });
    const first = await run();
    expect(first.checked).toHaveLength(1);
    const o = first.checked[0];
    expect(o).toMatchObject({
      previousState: 'pending',
      state: 'live',
      event: { kind: 'found' },
      prospect: { stageBefore: 'pitched', stageAfter: 'linked', touchLogged: true },
    });
    expect(o?.check).toMatchObject({
      httpStatus: 200,
      present: true,
      rel: 'noopener ugc nofollow',
      placement: 'body',
      anchorText: 'a sowing guide',
      targetRedirects: false,
      targetStatus: 200,
    });
    expect(alerts.map((a) => [a.type, a.from, a.to, a.placement.prospect?.username])).toEqual([
      ['placement.found', 'pending', 'live', 'maya'],
    ]);
    expect(await getPlacement(store.db, placementId)).toMatchObject({
      state: 'live',
      expected: { rel: 'noopener ugc nofollow', placement: 'body', anchor: 'a sowing guide' },
      expectedSource: 'first-seen',
      etag: '"v1"',
      firstSeenAt: new Date(clock.now()).toISOString(),
    });
    expect((await findProspectById(store.db, prospectId))?.stage).toBe('linked');
    expect((await listStageChanges(store.db, prospectId)).at(-1)).toMatchObject({ from: 'pitched', to: 'linked', source: 'monitor' });

    // Twice in a row: one more check each, no new event, no second touch; the unchanged page answers 304.
    clock.advance(60_000);
    const second = await run();
    expect(second.checked[0]).toMatchObject({ state: 'live', event: null, prospect: { touchLogged: false } });
    expect(second.checked[0]?.check).toMatchObject({ notModified: true, httpStatus: 304, present: true });
    expect(fetcher.requests.filter((r) => r.url === STORY).map((r) => r.etag)).toEqual([null, '"v1"']);
    expect(await listPlacementChecks(store.db, placementId)).toHaveLength(2);
    expect((await listPlacementEvents(store.db, { placementId })).map((e) => e.kind)).toEqual(['placed', 'found']);
    expect((await listTouches(store.db, { prospectId })).filter((t) => t.kind === 'link-placed')).toHaveLength(1);
    expect(alerts).toHaveLength(1);
    // One snapshot for the two checks: the 304 replayed the stored bytes.
    expect(await countRows(store.db, 'snapshots')).toBe(1);
  });

  it('reports a rel flip once, a move out of the body, a target that now redirects, and the way back', async () => {
    const { placementId } = await pitchedMaya();
    fetcher.routes.set(STORY, { status: 200, body: page() });
    await run();

    fetcher.routes.set(STORY, { status: 200, body: page('noopener follow') });
    clock.advance(DAY);
    const flip = await run();
    expect(flip.checked[0]).toMatchObject({ state: 'changed', event: { kind: 'changed' } });
    expect(flip.checked[0]?.result.changes).toEqual([{ field: 'rel', from: 'noopener ugc nofollow', to: 'noopener follow' }]);
    expect(alerts.at(-1)?.changes[0]?.text).toBe('rel changed from "noopener ugc nofollow" to "noopener follow" (now followed)');
    clock.advance(DAY);
    expect((await run()).checked[0]).toMatchObject({ state: 'changed', event: null });

    fetcher.routes.set(STORY, { status: 200, body: storyHtml({ bioLink: { href: TARGET, text: 'a sowing guide' } }) });
    fetcher.routes.set(TARGET, { status: 301, redirectTo: 'https://example.com/sowing-2027' });
    fetcher.routes.set('https://example.com/sowing-2027', { status: 200, body: 'moved' });
    clock.advance(DAY);
    const moved = await run();
    expect(moved.checked[0]?.result.changes.map((c) => c.field).sort()).toEqual(['placement', 'target-redirects']);
    expect(moved.checked[0]?.check).toMatchObject({
      placement: 'bio',
      targetRedirects: true,
      targetFinalUrl: 'https://example.com/sowing-2027',
    });
    expect(moved.checked[0]?.event?.kind).toBe('changed');

    fetcher.routes.set(STORY, { status: 200, body: page() });
    fetcher.routes.set(TARGET, { status: 200, body: 'back' });
    clock.advance(DAY);
    expect((await run()).checked[0]).toMatchObject({ state: 'live', event: { kind: 'restored' } });
    expect((await listPlacementEvents(store.db, { placementId })).map((e) => e.kind)).toEqual([
      'placed',
      'found',
      'changed',
      'changed',
      'restored',
    ]);
  });

  it('marks a removed link lost, moves a linked prospect to lost, and keeps the dates of its timeline', async () => {
    const { prospectId, placementId } = await pitchedMaya();
    fetcher.routes.set(STORY, { status: 200, body: page() });
    const foundAt = clock.now();
    await run();
    clock.advance(DAY);
    fetcher.routes.set(STORY, { status: 200, body: storyHtml() });
    const lost = await run();
    expect(lost.checked[0]).toMatchObject({
      state: 'lost',
      event: { kind: 'lost', messageId: 'placement.lost.link-gone' },
      prospect: { stageBefore: 'linked', stageAfter: 'lost' },
    });
    expect(await getPlacement(store.db, placementId)).toMatchObject({
      state: 'lost',
      lostReason: 'link-gone',
      firstSeenAt: new Date(foundAt).toISOString(),
      lastSeenLiveAt: new Date(foundAt).toISOString(),
      lostAt: new Date(clock.now()).toISOString(),
    });
    expect((await findProspectById(store.db, prospectId))?.stage).toBe('lost');
    // Back again: recovered (the prospect stays lost: reopening is the user's call).
    clock.advance(DAY);
    fetcher.routes.set(STORY, { status: 200, body: page() });
    expect((await run()).checked[0]).toMatchObject({ state: 'live', event: { kind: 'recovered' } });
    expect((await getPlacement(store.db, placementId))?.lostAt).toBeNull();
  });

  it('counts blocked and failed checks, and calls the link lost only after three in a row; a 404 is lost at once', async () => {
    const { placementId } = await pitchedMaya();
    fetcher.routes.set(STORY, { status: 200, body: page() });
    await run();
    fetcher.routes.set(STORY, { status: 403, body: '<title>Just a moment...</title>', challenge: true });
    clock.advance(DAY);
    expect((await run()).checked[0]).toMatchObject({ state: 'blocked', event: null, check: { blocked: true } });
    fetcher.routes.set(STORY, {
      status: 503,
      error: new LinkwrightError('FETCH_HTTP_RETRYABLE', 'HTTP 503 after 3 attempt(s)', { details: { status: 503 } }),
    });
    clock.advance(DAY);
    expect((await run()).checked[0]).toMatchObject({
      state: 'error',
      event: null,
      check: { httpStatus: 503, errorCode: 'FETCH_HTTP_RETRYABLE' },
    });
    clock.advance(DAY);
    const third = await run();
    expect(third.checked[0]).toMatchObject({ state: 'lost', event: { kind: 'lost', messageId: 'placement.lost.unreachable' } });
    expect(await getPlacement(store.db, placementId)).toMatchObject({ lostReason: 'unreachable', consecutiveFailures: 3 });

    const other = await watchPlacement({ store, clock }, { storyUrl: 'https://medium.test/@maya/gone-0123456789ac', targetUrl: TARGET });
    fetcher.routes.set(other.placement.storyUrl, { status: 404, body: 'not found' });
    const gone = await monitorPlacements({ store, fetcher, clock }, { ids: [other.placement.id] });
    expect(gone.checked[0]).toMatchObject({
      state: 'lost',
      result: { lostReason: 'page-gone' },
      event: { messageId: 'placement.lost.page-gone' },
    });
  });

  it('with --due checks only placements not checked within the interval', async () => {
    await pitchedMaya();
    fetcher.routes.set(STORY, { status: 200, body: page() });
    expect((await monitorPlacements({ store, fetcher, clock }, { due: true })).checked).toHaveLength(1);
    clock.advance(DAY - 60_000);
    expect(await monitorPlacements({ store, fetcher, clock }, { due: true })).toMatchObject({ checked: [], notDue: 1 });
    clock.advance(60_000);
    expect((await monitorPlacements({ store, fetcher, clock }, { due: true })).checked).toHaveLength(1);
  });
});

describe('findWatchedLink', () => {
  const link = (url: string, placement: 'body' | 'bio', anchorText: string) => ({
    position: 0,
    tag: 'a' as const,
    href: url,
    url,
    targetHost: new URL(url).host,
    registrableDomain: null,
    toUserSite: true,
    anchorText,
    rel: [],
    follow: true,
    placement,
  });
  const watched = {
    targetKey: 'https://example.com/a',
    targetUrl: 'https://example.com/a',
    expected: { placement: 'body', anchor: 'my guide' },
  };

  it('prefers the same target in the expected placement, then the same anchor on the same host (an edited target)', () => {
    expect(
      findWatchedLink([link('https://example.com/a/', 'bio', 'x'), link('https://example.com/a#top', 'body', 'y')], watched)?.placement,
    ).toBe('body');
    expect(findWatchedLink([link('https://example.com/b', 'body', 'My  Guide')], watched)?.url).toBe('https://example.com/b');
    expect(findWatchedLink([link('https://example.com/b', 'body', 'another page')], watched)).toBeNull();
    expect(findWatchedLink([link('https://other.example/a', 'body', 'my guide')], watched)).toBeNull();
    expect(
      findWatchedLink([link('https://example.com/b', 'body', 'my guide')], { ...watched, expected: { placement: 'body', anchor: null } }),
    ).toBeNull();
  });
});
