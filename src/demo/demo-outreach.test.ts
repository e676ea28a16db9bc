import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/open-store.js';
import { countRows } from '../store/pages-repository.js';
import { type DemoRun, runDemo } from './run-demo.js';

/** Wednesday 2026-11-04 09:30 UTC: a working day, so the demo plans today's agenda. */
const NOW = Date.parse('2026-11-04T09:30:00.000Z');

let dir: string;
let store: Store;
let first: DemoRun;
let second: DemoRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-demo-outreach-'));
  store = await openStore({ location: join(dir, 'demo.db') });
  first = await runDemo({ store, clock: { now: () => NOW } });
  // The same store again: the demo clears its own outreach records first, so the story repeats exactly.
  second = await runDemo({ store, clock: { now: () => NOW } });
}, 120_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const stageOf = (run: DemoRun, username: string) =>
  run.outreach.board.columns.find((c) => c.prospects.some((p) => p.username === username))?.stage;

describe('the outreach step of the demo', () => {
  it('leaves the discovered authors in different stages, with the placed links moving Maya and Tom', () => {
    expect(first.outreach.missing).toEqual([]);
    expect(
      Object.fromEntries(
        ['maya-fields', 'tom-okafor', 'dana-brightwell', 'leo-park', 'ivy-hollins', 'robin-ashdown'].map((u) => [u, stageOf(first, u)]),
      ),
    ).toEqual({
      'maya-fields': 'linked',
      'tom-okafor': 'lost',
      'dana-brightwell': 'followed',
      'leo-park': 'qualified',
      'ivy-hollins': 'paused',
      'robin-ashdown': 'found',
    });
  });

  it('shows the pacing warning for the clap logged minutes after a follow', () => {
    expect(first.outreach.warning?.violations.map((v) => v.ruleId)).toEqual(['author-gap.any']);
    expect(first.outreach.warning?.safeAt).toBe((first.outreach.warning?.at ?? 0) - 5 * 60_000 + 20 * 3_600_000);
  });

  it('finds both links yesterday, then alerts on the removed one (lost) and the rel flip (changed), delivered to the webhook', () => {
    const y = first.outreach.monitor.yesterday.checked.map((c) => [c.placement.storyUrl.split('/').at(-1), c.state]);
    expect(y).toEqual([
      ['compost-troubleshooting-a9b8c7d6e5f4', 'live'],
      ['winter-sowing-in-milk-jugs-b9c8d7e6f5a4', 'live'],
    ]);
    const today = first.outreach.monitor.today.checked;
    expect(today.map((c) => [c.state, c.event?.kind])).toEqual([
      ['lost', 'lost'],
      ['changed', 'changed'],
    ]);
    expect(today[1]?.result.changes).toEqual([{ field: 'rel', from: 'noopener ugc nofollow', to: 'noopener follow' }]);
    expect(first.outreach.monitor.today.deliveries.map((d) => d.delivered)).toEqual([true, true]);
    expect(first.outreach.webhookReceived).toBe(4);
    const bodies = first.server.webhooks.map((w) => (w.body as { type: string }).type);
    expect(bodies).toEqual(['placement.found', 'placement.found', 'placement.lost', 'placement.changed']);
  });

  it("plans today's agenda within the pacing rules", () => {
    expect(first.outreach.agenda).toMatchObject({ date: '2026-11-04', quiet: false });
    expect(first.outreach.agenda.items.map((i) => [i.username, i.kind])).toEqual([
      ['dana-brightwell', 'comment'],
      ['leo-park', 'follow'],
    ]);
    expect(first.outreach.agenda.items[0]?.story?.title).toBe('Five balcony herbs');
  });

  it('repeats the same story on a second run without piling up outreach records', async () => {
    expect(Object.fromEntries(second.outreach.board.columns.map((c) => [c.stage, c.prospects.map((p) => p.username)]))).toEqual(
      Object.fromEntries(first.outreach.board.columns.map((c) => [c.stage, c.prospects.map((p) => p.username)])),
    );
    expect(second.outreach.monitor.today.checked.map((c) => c.state)).toEqual(['lost', 'changed']);
    expect(second.outreach.touchesLogged).toBe(first.outreach.touchesLogged);
    expect(await countRows(store.db, 'placements')).toBe(2);
    expect(await countRows(store.db, 'webhooks')).toBe(1);
    expect(await countRows(store.db, 'placement_checks')).toBe(4);
    // Monitoring stores checks and snapshots, never audit pages (the audit step's 4 per run, one port each).
    expect(await countRows(store.db, 'pages')).toBe(8);
  });
});
