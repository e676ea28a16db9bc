import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { Store } from '../store/open-store.js';
import { upsertPlacement } from '../store/placements-repository.js';
import { addWebhook, listDeliveries } from '../store/webhooks-repository.js';
import { settableClock, tempStore } from './outreach.test-support.js';
import { createWebhookNotifier, type PlacementAlert, type WebhookPoster } from './webhook-notifier.js';

const alert = (eventId: number): PlacementAlert => ({
  type: 'placement.lost',
  eventId,
  occurredAt: '2026-11-02T12:00:00.000Z',
  placement: { id: 1, storyUrl: 'https://medium.test/p/0123456789ab', targetUrl: 'https://example.com/', prospect: null },
  from: 'live',
  to: 'lost',
  message: { messageId: 'placement.lost.link-gone', params: {}, text: 'the link is no longer on the page' },
  changes: [],
  check: { status: 200, present: false, rel: null, placement: null, anchorText: null, finalUrl: null, targetFinalUrl: null, error: null },
});

/** A poster answering from a script per URL; records every call. */
function scripted(script: Record<string, (number | Error)[]>) {
  const calls: { url: string; body: unknown; headers: Record<string, string> }[] = [];
  const poster: WebhookPoster = {
    async post(url, body, headers) {
      calls.push({ url, body: JSON.parse(body), headers });
      const next = script[url]?.shift() ?? 200;
      if (next instanceof Error) throw next;
      return { status: next };
    },
  };
  return { poster, calls };
}

describe('createWebhookNotifier', () => {
  let store: Store;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await tempStore());
  });
  afterEach(async () => cleanup());

  it('retries a failing receiver with growing backoff, gives up on one that keeps failing, and records both', async () => {
    const clock = settableClock();
    const { id: placementId } = await upsertPlacement(store.db, {
      storyUrl: 'https://medium.test/p/0123456789ab',
      targetUrl: 'https://example.com/',
      targetKey: 'https://example.com/',
      prospectId: null,
      expected: { rel: null, placement: null, anchor: null },
      expectedSource: 'user',
      now: '2026-11-02T12:00:00.000Z',
    });
    const eventId = (
      await store.db.selectFrom('placement_events').select('id').where('placement_id', '=', placementId).executeTakeFirstOrThrow()
    ).id;
    const flaky = await addWebhook(store.db, 'https://hooks.test/flaky', 'now');
    const down = await addWebhook(store.db, 'https://hooks.test/down', 'now');
    const { poster, calls } = scripted({ 'https://hooks.test/flaky': [500], 'https://hooks.test/down': [500, 502, 503, 500] });
    const waits: number[] = [];
    const notifier = createWebhookNotifier(
      {
        poster,
        clock,
        store,
        webhooks: [
          { id: flaky.id, url: 'https://hooks.test/flaky' },
          { id: down.id, url: 'https://hooks.test/down' },
        ],
      },
      { sleep: async (ms) => void waits.push(ms), random: () => 0.999 },
    );
    notifier.notify(alert(eventId));
    const outcomes = await notifier.flush();
    expect(outcomes).toEqual([
      { webhookId: flaky.id, url: 'https://hooks.test/flaky', eventId, delivered: true, attempts: 2, status: 200, error: null },
      { webhookId: down.id, url: 'https://hooks.test/down', eventId, delivered: false, attempts: 3, status: 503, error: 'HTTP 503' },
    ]);
    // Full jitter under a doubling ceiling (1 s, 2 s): random 0.999 → just under each ceiling.
    expect(waits.sort((a, b) => a - b)).toEqual([999, 999, 1998]);
    expect(calls[0]?.headers).toEqual({ 'x-linkwright-event': 'placement.lost', 'x-linkwright-delivery': String(eventId) });
    expect(calls[0]?.body).toMatchObject({ type: 'placement.lost', eventId, to: 'lost' });
    expect((await listDeliveries(store.db, { eventId })).map((d) => [d.webhookId, d.status, d.attempts, d.httpStatus])).toEqual([
      [flaky.id, 'delivered', 2, 200],
      [down.id, 'failed', 3, 503],
    ]);
    expect(await notifier.flush()).toEqual([]);
  });

  it('does not retry a final answer (4xx, a redirect) or a refused address, but retries transport errors', async () => {
    const clock = settableClock();
    const { poster, calls } = scripted({
      'https://a.test/': [404],
      'https://b.test/': [302],
      'https://c.test/': [new LinkwrightError('SSRF_BLOCKED', 'refusing to connect to c.test (127.0.0.1, loopback address)')],
      'https://d.test/': [new LinkwrightError('FETCH_NETWORK', 'ECONNRESET'), 204],
    });
    const notifier = createWebhookNotifier(
      { poster, clock, webhooks: ['a', 'b', 'c', 'd'].map((h, i) => ({ id: i + 1, url: `https://${h}.test/` })) },
      { sleep: async () => {} },
    );
    notifier.notify(alert(7));
    const outcomes = await notifier.flush();
    expect(outcomes.map((o) => [o.url, o.delivered, o.attempts, o.status])).toEqual([
      ['https://a.test/', false, 1, 404],
      ['https://b.test/', false, 1, 302],
      ['https://c.test/', false, 1, null],
      ['https://d.test/', true, 2, 204],
    ]);
    expect(outcomes[2]?.error).toMatch(/^SSRF_BLOCKED: /);
    expect(calls).toHaveLength(5);
  });
});
