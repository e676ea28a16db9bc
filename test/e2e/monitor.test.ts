/**
 * End to end: `linkwright watch`, `webhook add` and `monitor` — the real CLI (child processes) against story
 * pages served on 127.0.0.1 that change between checks, with two webhook receivers on loopback: one that fails
 * once with HTTP 500 and then recovers, one that always fails (monitoring must still complete).
 *
 * Five watched links: A (rel flips), B (link edited out), C (page later 404), D (page later a bot challenge),
 * E (target later redirects). The CLI has no DNS override, so everything is served on the host 127.0.0.1;
 * `--allow-private` lets the SSRF guard through for these loopback servers only, `--delay 0` drops the gap.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storyHtml } from '../../src/app/outreach.test-support.js';
import { systemClock } from '../../src/app/system-clock.js';
import { watchPlacement } from '../../src/app/watch-placement.js';
import { CHALLENGE_HEADERS, renderChallengePage } from '../../src/core/medium/synthetic/challenge-page.js';
import { openStore } from '../../src/store/open-store.js';
import { runCliProcess, spawnCli } from '../support/run-cli.js';

interface Page {
  status: number;
  body: string;
  headers?: Record<string, string>;
  /** Send an ETag and answer If-None-Match with 304. */
  etag?: boolean;
}

let server: Server;
let origin: string;
let dir: string;
let dbFile: string;
const pages = new Map<string, Page>();
const requests: { path: string; ifNoneMatch: string | null }[] = [];
const hooks = { flaky: [] as { attempt: number; body: Record<string, unknown> }[], down: 0 };
let flakyCalls = 0;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (req.method === 'POST') {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      if (path === '/hooks/flaky') {
        flakyCalls++;
        hooks.flaky.push({ attempt: flakyCalls, body: JSON.parse(body) as Record<string, unknown> });
        // Fails the very first delivery once, then recovers.
        res.writeHead(flakyCalls === 1 ? 500 : 200).end();
      } else {
        hooks.down++;
        res.writeHead(500).end();
      }
    });
    return;
  }
  const inm = req.headers['if-none-match'];
  requests.push({ path, ifNoneMatch: typeof inm === 'string' ? inm : null });
  if (path === '/robots.txt') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
    return;
  }
  const page = pages.get(path);
  if (!page) {
    res.writeHead(404, { 'content-type': 'text/html' }).end('<title>Not found</title>');
    return;
  }
  const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8', ...page.headers };
  if (page.etag) {
    const tag = `"${createHash('sha256').update(page.body).digest('hex').slice(0, 16)}"`;
    headers.etag = tag;
    if (inm === tag) {
      res.writeHead(304, { etag: tag }).end();
      return;
    }
  }
  res.writeHead(page.status, headers).end(page.body);
}

const story = (name: string) => `/@${name.split('-')[0]}/${name}`;
const S = {
  A: story('maya-winter-sowing-0123456789a1'),
  B: story('tom-compost-0123456789a2'),
  C: story('ivy-leaves-0123456789a3'),
  D: story('leo-money-0123456789a4'),
  E: story('dana-herbs-0123456789a5'),
};
const T = { A: '/guides/sowing', B: '/guides/compost', C: '/guides/leaves', D: '/guides/budget', E: '/guides/herbs' };
const linkPage = (target: string, rel = 'noopener ugc nofollow') =>
  storyHtml({ links: [{ href: `${origin}${target}`, text: `guide to ${target.slice(8)}`, rel }] });

const env = { TZ: 'UTC', LINKWRIGHT_PROGRESS: '0' };
const fetchFlags = ['--allow-private', '--delay', '0'];
const cli = (args: string[]) => runCliProcess([...args, '--db', dbFile], { env });

interface MonitorJson {
  checks: {
    placement: { id: number; storyUrl: string };
    previousState: string;
    state: string;
    check: { httpStatus: number | null; notModified: boolean; rel: string | null; present: boolean };
    event: { kind: string; text: string } | null;
    prospect: { username: string; stageBefore: string; stageAfter: string } | null;
  }[];
  alerts: { type: string; eventId: number; placement: { storyUrl: string } }[];
  deliveries: { url: string; eventId: number; delivered: boolean; attempts: number; status: number | null }[];
}

const stateOf = (out: MonitorJson, path: string) => out.checks.find((c) => c.placement.storyUrl.endsWith(path));

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'lw-monitor-e2e-'));
  dbFile = join(dir, 'monitor.db');
  for (const key of Object.keys(S) as (keyof typeof S)[]) {
    pages.set(S[key], { status: 200, body: linkPage(T[key]), etag: true });
    pages.set(T[key], { status: 200, body: '<title>guide</title>' });
  }
  writeFileSync(join(dir, 'prospects.csv'), 'username,stage\nmaya,engaged\ntom,pitched\n');
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('linkwright watch + monitor against pages that change between checks', () => {
  let first: MonitorJson;
  let second: MonitorJson;
  let third: MonitorJson;
  let thirdCode: number | null;

  beforeAll(async () => {
    expect((await cli(['pipeline', '--import', join(dir, 'prospects.csv')])).code).toBe(0);
    const watched = await cli(['watch', `${origin}${S.A}`, '--target', `${origin}${T.A}`, '--json']);
    expect(watched.code).toBe(0);
    expect(JSON.parse(watched.stdout)).toMatchObject({
      created: true,
      prospect: { username: 'maya', from: 'story-url' },
      placement: { state: 'pending', expected: { placement: 'body', rel: null } },
    });
    // The other four are set up through the same use-case in this process (fewer CLI start-ups).
    const store = await openStore({ location: dbFile });
    try {
      for (const key of ['B', 'C', 'D', 'E'] as const) {
        await watchPlacement({ store, clock: systemClock }, { storyUrl: `${origin}${S[key]}`, targetUrl: `${origin}${T[key]}` });
      }
    } finally {
      await store.close();
    }
    const added = await cli(['webhook', 'add', `${origin}/hooks/flaky`, `${origin}/hooks/down`, '--allow-private']);
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('added: webhook 1');

    const r1 = await cli(['monitor', '--json', ...fetchFlags]);
    expect(r1.code).toBe(0);
    first = JSON.parse(r1.stdout) as MonitorJson;
    const r2 = await cli(['monitor', '--json', ...fetchFlags]);
    expect(r2.code).toBe(0);
    second = JSON.parse(r2.stdout) as MonitorJson;

    // The world changes.
    pages.set(S.A, { status: 200, body: linkPage(T.A, 'noopener follow'), etag: true });
    pages.set(S.B, { status: 200, body: storyHtml(), etag: true });
    pages.set(S.C, { status: 404, body: '<title>gone</title>' });
    pages.set(S.D, { status: 403, body: renderChallengePage(), headers: { ...CHALLENGE_HEADERS } });
    pages.set(T.E, { status: 301, body: '', headers: { location: `${origin}/guides/herbs-2027` } });
    pages.set('/guides/herbs-2027', { status: 200, body: '<title>herbs</title>' });
    const r3 = await cli(['monitor', '--json', '--fail-on', 'lost', ...fetchFlags]);
    thirdCode = r3.code;
    third = JSON.parse(r3.stdout) as MonitorJson;
  }, 240_000);

  it('finds every link on the first run, moves the prospects with a placement to linked, and alerts', () => {
    expect(first.checks.map((c) => [c.previousState, c.state])).toEqual(new Array(5).fill(['pending', 'live']));
    expect(stateOf(first, S.A)?.prospect).toMatchObject({ username: 'maya', stageBefore: 'engaged', stageAfter: 'linked' });
    expect(stateOf(first, S.B)?.prospect).toMatchObject({ username: 'tom', stageBefore: 'pitched', stageAfter: 'linked' });
    expect(first.alerts.map((a) => a.type)).toEqual(new Array(5).fill('placement.found'));
  });

  it('delivers to the receiver that failed once (retried with backoff), and completes although the other always fails', () => {
    const flaky = first.deliveries.filter((d) => d.url.endsWith('/hooks/flaky'));
    const down = first.deliveries.filter((d) => d.url.endsWith('/hooks/down'));
    expect(flaky.every((d) => d.delivered)).toBe(true);
    expect(flaky.map((d) => d.attempts).sort()).toEqual([1, 1, 1, 1, 2]);
    expect(down.map((d) => [d.delivered, d.attempts, d.status])).toEqual(new Array(5).fill([false, 3, 500]));
  });

  it('re-runs idempotently: one more check each, a conditional GET answered 304, no new state or alert', () => {
    expect(second.checks.map((c) => [c.previousState, c.state, c.event])).toEqual(new Array(5).fill(['live', 'live', null]));
    expect(second.checks.every((c) => c.check.notModified && c.check.httpStatus === 304 && c.check.present)).toBe(true);
    expect(second.alerts).toEqual([]);
    expect(second.deliveries).toEqual([]);
    const storyHits = requests.filter((r) => r.path === S.A);
    expect(storyHits[0]?.ifNoneMatch).toBeNull();
    expect(storyHits[1]?.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
  });

  it('classifies the changes: rel flip, link gone, page gone, blocked (not lost yet), target redirects', () => {
    expect(thirdCode).toBe(1);
    expect(stateOf(third, S.A)).toMatchObject({ state: 'changed', check: { rel: 'noopener follow' }, event: { kind: 'changed' } });
    expect(stateOf(third, S.A)?.event?.text).toBe('link changed: rel');
    expect(stateOf(third, S.B)).toMatchObject({
      state: 'lost',
      event: { kind: 'lost', text: 'the link is no longer on the page' },
      prospect: { stageBefore: 'linked', stageAfter: 'lost' },
    });
    expect(stateOf(third, S.C)).toMatchObject({ state: 'lost', check: { httpStatus: 404 }, event: { text: 'page gone (HTTP 404)' } });
    expect(stateOf(third, S.D)).toMatchObject({ state: 'blocked', event: null });
    expect(stateOf(third, S.E)).toMatchObject({ state: 'changed', event: { text: 'link changed: target-redirects' } });
    expect(third.alerts.map((a) => a.type).sort()).toEqual(['placement.changed', 'placement.changed', 'placement.lost', 'placement.lost']);
  });

  it('stores every check, a timeline without duplicate states, and one delivery record per receiver and event', () => {
    const db = new BetterSqlite3(dbFile, { readonly: true });
    try {
      expect((db.prepare('select count(*) n from placement_checks').get() as { n: number }).n).toBe(15);
      const events = db
        .prepare('select p.story_url, e.kind from placement_events e join placements p on p.id = e.placement_id order by e.id')
        .all() as { story_url: string; kind: string }[];
      const kinds = (path: string) => events.filter((e) => e.story_url.endsWith(path)).map((e) => e.kind);
      expect(kinds(S.A)).toEqual(['placed', 'found', 'changed']);
      expect(kinds(S.B)).toEqual(['placed', 'found', 'lost']);
      expect(kinds(S.D)).toEqual(['placed', 'found']);
      const b = db
        .prepare('select state, lost_reason, first_seen_at, last_seen_live_at, lost_at from placements where story_url like ?')
        .get(`%${S.B}`) as { state: string; lost_reason: string; first_seen_at: string; last_seen_live_at: string; lost_at: string };
      expect(b).toMatchObject({ state: 'lost', lost_reason: 'link-gone' });
      expect(b.first_seen_at < b.lost_at && b.last_seen_live_at < b.lost_at).toBe(true);
      const d = db.prepare('select state, consecutive_failures, last_definite_state from placements where story_url like ?').get(`%${S.D}`);
      expect(d).toEqual({ state: 'blocked', consecutive_failures: 1, last_definite_state: 'live' });
      const deliveries = db
        .prepare(
          'select w.url, d.status, count(*) n from webhook_deliveries d join webhooks w on w.id = d.webhook_id group by w.url, d.status order by w.url',
        )
        .all();
      expect(deliveries).toEqual([
        { url: `${origin}/hooks/down`, status: 'failed', n: 9 },
        { url: `${origin}/hooks/flaky`, status: 'delivered', n: 9 },
      ]);
      const tom = db.prepare("select p.stage from prospects p join medium_authors a on a.id = p.author_id where a.username = 'tom'").get();
      expect(tom).toEqual({ stage: 'lost' });
      const touches = db.prepare("select count(*) n from touches where kind = 'link-placed'").get() as { n: number };
      expect(touches.n).toBe(2);
    } finally {
      db.close();
    }
    // The flaky receiver saw each of the 9 events once delivered (plus the one 500), the other 3 attempts each.
    const delivered = hooks.flaky.filter((h) => h.attempt !== 1).map((h) => h.body.eventId);
    expect(new Set(delivered).size).toBe(9);
    expect(hooks.down).toBe(27);
  });

  it('runs on a schedule without overlap until SIGINT (monitor --every)', async () => {
    const run = spawnCli(['monitor', '--every', '1s', '--json', '--no-check-target', ...fetchFlags, '--db', dbFile], { env });
    let lines = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no two scheduled runs within 60 s')), 60_000);
      run.child.stdout?.on('data', (chunk: string) => {
        lines += chunk.split('\n').filter((l) => l.startsWith('{')).length;
        if (lines >= 2) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    run.child.kill('SIGINT');
    const result = await run.done;
    expect(result.code).toBe(0);
    const runs = result.stdout
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { run: number; checks: unknown[] });
    expect(runs.slice(0, 2).map((r) => r.run)).toEqual([1, 2]);
    expect(runs[0]?.checks).toHaveLength(5);
    expect(result.stderr).toMatch(/monitoring every 1 s/);
    expect(result.stderr).toMatch(/stopped after \d+ runs?/);
  }, 90_000);
});
