/**
 * End to end: `linkwright discover`, `prospects`, `author --links` and `medium story <file>` — the real CLI
 * (child process) against the demo world's fake Medium, started in this process on 127.0.0.1.
 *
 * The CLI has no DNS override, so the fake Medium is served on the host name 127.0.0.1 itself
 * (`createDemoWorld({ mediumHost: '127.0.0.1' })`) and LINKWRIGHT_MEDIUM_ORIGIN points at it; `--allow-private`
 * lets the SSRF guard through for this loopback server only, `--delay 0` drops the politeness gap for it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderChallengePage, renderMediumStoryPage } from '../../src/demo/demo-render.js';
import { type DemoServer, startDemoServer } from '../../src/demo/demo-server.js';
import { createDemoWorld, type DemoWorld } from '../../src/demo/demo-world.js';
import { runCliProcess, spawnCli } from '../support/run-cli.js';

interface Message {
  messageId: string;
  params: Record<string, unknown>;
  text: string;
}

interface ProspectJson {
  rank: number;
  username: string;
  score: number;
  qualified: boolean;
  stage: string;
  created: boolean | null;
  reasons: Message[];
  factors: { id: string; points: number; explanation: Message }[];
  evidence: { profile: string; storiesBlocked: number };
}

interface DiscoverJson {
  run: { id: number; resumed: boolean };
  counts: Record<string, number>;
  prospects: ProspectJson[];
  blocked: { kind: string; url: string; advice: string }[];
  failures: unknown[];
}

let world: DemoWorld;
let server: DemoServer;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  world = createDemoWorld({ now: Date.now(), mediumHost: '127.0.0.1' });
  server = await startDemoServer(world);
  dir = mkdtempSync(join(tmpdir(), 'lw-discover-e2e-'));
  env = { LINKWRIGHT_MEDIUM_ORIGIN: server.mediumOrigin, LINKWRIGHT_PROGRESS: '1' };
});

afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const fetchFlags = ['--allow-private', '--delay', '0'];

describe('linkwright discover against the fake Medium', () => {
  let dbFile: string;
  let first: DiscoverJson;
  let firstStderr: string;

  beforeAll(async () => {
    dbFile = join(dir, 'discover.db');
    const result = await runCliProcess(['discover', 'gardening', '--tag', 'composting', '--json', '--db', dbFile, ...fetchFlags], { env });
    // One story page is a bot challenge: reported, and the exit code says "partial" (3), but the run completes.
    expect(result.code).toBe(3);
    first = JSON.parse(result.stdout) as DiscoverJson;
    firstStderr = result.stderr;
  }, 120_000);

  const byName = (name: string) => {
    const p = first.prospects.find((x) => x.username === name);
    if (!p) throw new Error(`no prospect ${name}`);
    return p;
  };

  it('ranks the steady niche writer first and qualifies only her', () => {
    expect(first.prospects.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(first.prospects[0]).toMatchObject({ username: 'maya-fields', qualified: true, stage: 'qualified', created: true });
    expect(first.prospects.filter((p) => p.qualified).map((p) => p.username)).toEqual(['maya-fields']);
    const maya = byName('maya-fields');
    for (const other of first.prospects.slice(1)) expect(maya.score - other.score).toBeGreaterThanOrEqual(10);
    const rest = first.prospects.slice(1).map((p) => p.score);
    expect(rest).toEqual([...rest].sort((a, b) => b - a));
  });

  it('explains why each of the others is not a prospect, in the words a person would use', () => {
    const reasons = (name: string) => byName(name).reasons.map((r) => r.messageId);
    expect(reasons('dana-brightwell')).toEqual(['gate.viral.one-hit']);
    expect(byName('dana-brightwell').reasons[0]?.text).toMatch(/^one viral hit: (99|100)% of claps from one story$/);
    expect(reasons('leo-park')).toEqual(['gate.niche.below']);
    expect(byName('leo-park').reasons[0]?.text).toMatch(/^off-niche: 13% of recent posts match the niche \(1 of 8/);
    expect(reasons('ivy-hollins')).toContain('gate.inactive');
    expect(byName('ivy-hollins').reasons.find((r) => r.messageId === 'gate.inactive')?.text).toMatch(/^inactive since \d{4}-\d{2}-\d{2}$/);
    expect(reasons('tom-okafor')).toEqual(['gate.posts.below']);
    // Every factor of every author explains itself.
    for (const p of first.prospects) {
      expect(p.factors).toHaveLength(9);
      for (const f of p.factors) expect(f.explanation.text.length).toBeGreaterThan(10);
    }
    expect(byName('maya-fields').factors.find((f) => f.id === 'nicheShare')?.explanation.text).toBe(
      '8 of 8 recent posts match the niche (100%)',
    );
  });

  it('reports the blocked page and still judges its author', () => {
    expect(first.blocked).toEqual([
      {
        kind: 'story',
        url: `${server.mediumOrigin}/@maya-fields/raised-beds-on-a-budget-8d4b5e6f7a8c`,
        advice: expect.stringContaining('save it'),
        signals: expect.arrayContaining(['header:cf-mitigated']),
      },
    ]);
    expect(first.failures).toEqual([]);
    expect(byName('maya-fields').evidence).toMatchObject({ profile: 'ok', storiesBlocked: 1 });
    expect(first.counts).toMatchObject({ authorsFound: 6, authorsJudged: 6, blocked: 1, stories: 14, storiesRead: 13 });
    expect(firstStderr).toContain('raised-beds-on-a-budget-8d4b5e6f7a8c: MEDIUM_BLOCKED');
    expect(firstStderr).toMatch(/^progress \d+\/\d+ feeds /m);
    expect(firstStderr).toMatch(/^progress 28\/28 authors /m);
  });

  it('a re-run updates the prospects without duplicates and adds one follower snapshot per author', async () => {
    const again = await runCliProcess(['discover', 'gardening', '--tag', 'composting', '--db', dbFile, ...fetchFlags], { env });
    expect(again.code).toBe(3);
    expect(again.stdout).toMatch(/^1\s+@maya-fields\s+Maya Fields\s+18,400\s+\d+\s+yes\s+qualified/m);
    expect(again.stdout).toContain('one viral hit');
    expect(again.stdout).toContain('Blocked (1)');
    const db = new BetterSqlite3(dbFile, { readonly: true });
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(n('select count(*) n from prospects')).toBe(6);
    expect(n('select count(*) n from medium_authors')).toBe(6);
    expect(n('select count(*) n from discovery_runs')).toBe(2);
    const perAuthor = db.prepare('select author_id, count(*) n from author_snapshots group by author_id').all() as { n: number }[];
    expect(perAuthor).toHaveLength(6);
    expect(perAuthor.every((r) => r.n === 2)).toBe(true);
    expect(n("select count(*) n from medium_posts where author_username = 'maya-fields'")).toBe(3);
    expect(n("select count(*) n from medium_post_tags where tag = 'composting'")).toBeGreaterThanOrEqual(5);
    db.close();
  }, 120_000);

  it('prospects filters by score and stage', async () => {
    const list = async (...args: string[]) => {
      const r = await runCliProcess(['prospects', '--json', '--db', dbFile, ...args], { env });
      expect(r.code).toBe(0);
      return (JSON.parse(r.stdout) as { prospects: { username: string; score: number; stage: string }[] }).prospects;
    };
    const all = await list();
    expect(all.map((p) => p.username)).toEqual(first.prospects.map((p) => p.username));
    expect((await list('--stage', 'qualified')).map((p) => p.username)).toEqual(['maya-fields']);
    const threshold = all[3]?.score ?? 0;
    const high = await list('--min-score', String(threshold));
    expect(high.map((p) => p.username)).toEqual(all.filter((p) => p.score >= threshold).map((p) => p.username));
    expect(high.length).toBeGreaterThanOrEqual(4);
    const foundHigh = await list('--stage', 'found', '--min-score', String(threshold));
    expect(foundHigh.every((p) => p.stage === 'found' && p.score >= threshold)).toBe(true);
    expect(foundHigh.map((p) => p.username)).not.toContain('maya-fields');
    const csv = await runCliProcess(['prospects', '--csv', '--stage', 'qualified', '--db', dbFile]);
    expect(csv.stdout.trim().split('\n')).toEqual([
      'rank,username,name,followers,score,coverage,qualified,stage,reasons,profile_url',
      expect.stringMatching(/^1,maya-fields,Maya Fields,18400,\d+,1,true,qualified,,http:\/\/127\.0\.0\.1:\d+\/@maya-fields$/),
    ]);
    const bad = await runCliProcess(['prospects', '--min-score', '300', '--db', dbFile]);
    expect(bad.code).toBe(2);
  }, 120_000);

  it('author --links groups what the author links to by content type and domain', async () => {
    const r = await runCliProcess(['author', '@maya-fields', '--links', '--json', '--db', dbFile, ...fetchFlags], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      stories: { from: string }[];
      summary: { total: number; byType: { type: string; count: number }[]; byDomain: { domain: string; count: number; types: string[] }[] };
    };
    expect(out.stories).toHaveLength(8);
    // The member-only story is a snippet in the feed: read from its page.
    expect(out.stories.filter((s) => s.from === 'page' || s.from === 'store')).toHaveLength(1);
    expect(Object.fromEntries(out.summary.byType.map((g) => [g.type, g.count]))).toEqual({
      article: 7,
      research: 3,
      video: 2,
      code: 1,
      shop: 1,
      social: 1,
    });
    const domains = Object.fromEntries(out.summary.byDomain.map((g) => [g.domain, [g.count, g.types]]));
    expect(domains['youtube.com']).toEqual([2, ['video']]);
    expect(domains['example.edu']).toEqual([2, ['research']]);
    expect(domains['greenleaf-garden.test']).toEqual([3, ['article']]);
    expect(domains['127.0.0.1']).toBeUndefined();
    const text = await runCliProcess(['author', '@maya-fields', '--links', '--db', dbFile, ...fetchFlags], { env });
    expect(text.stdout).toContain('By content type:');
    expect(text.stdout).toMatch(/^research\s+3\s+3\s+https:\/\/extension\.example\.edu/m);
    const detail = await runCliProcess(['author', '@dana-brightwell', '--db', dbFile], { env });
    expect(detail.code).toBe(0);
    expect(detail.stdout).toContain('qualified  no — one viral hit');
    expect(detail.stdout).toMatch(/history: \d{4}-\d{2}-\d{2} 9,800, \d{4}-\d{2}-\d{2} 9,800/);
  }, 120_000);
});

describe('linkwright medium story on saved files', () => {
  it('reads a saved synthetic story page as the live one, and a saved challenge as blocked', async () => {
    const story = world.medium.stories.find((s) => s.postId === 'a7c1e2d3b403');
    if (!story) throw new Error('no story');
    const origins = { medium: server.mediumOrigin, site: server.siteOrigin };
    const file = join(dir, 'no-dig.html');
    writeFileSync(file, renderMediumStoryPage(world, story, origins));
    const url = server.storyUrl(story.postId);
    const r = await runCliProcess(['medium', 'story', file, '--url', url, '--json'], { env });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { from: string; state: string; story: Record<string, unknown> & { bodyLinks: { url: string }[] } };
    expect(out).toMatchObject({ from: 'file', state: 'ok' });
    expect(out.story).toMatchObject({ postId: 'a7c1e2d3b403', claps: 1510, responses: 13, tags: ['no-dig-gardening', 'soil'], url });
    expect(out.story.bodyLinks.map((l) => l.url)).toEqual([
      'https://doi.org/10.1016/j.still.2020.104001',
      'https://en.wikipedia.org/wiki/No-dig_gardening',
    ]);

    const text = await runCliProcess(['medium', 'story', file], { env });
    expect(text.stdout).toMatch(/^claps\s+1,510$/m);

    const challenge = join(dir, 'challenge.html');
    writeFileSync(challenge, renderChallengePage());
    const blocked = await runCliProcess(['medium', 'story', challenge, '--json'], { env });
    expect(blocked.code).toBe(2);
    expect(JSON.parse(blocked.stdout)).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED' });
    expect(blocked.stderr).toContain('save it');
  }, 120_000);
});

describe('discover survives kill -9', () => {
  it('resumes the interrupted run without fetching finished items again', async () => {
    const dbFile = join(dir, 'killed.db');
    const args = ['discover', 'gardening', '--tag', 'composting', '--json', '--db', dbFile, '--allow-private', '--delay', '150'];
    const before = server.requests.length;
    const { child, done } = spawnCli(args, { env });
    let seen = '';
    await new Promise<void>((resolve) => {
      child.stderr?.on('data', (chunk: string) => {
        seen += chunk;
        if (/^progress 12\//m.test(seen)) resolve();
      });
    });
    child.kill('SIGKILL');
    await done;
    const firstRequests = server.requests.slice(before).filter((r) => r.path !== '/robots.txt').length;
    expect(firstRequests).toBeGreaterThanOrEqual(12);

    const mid = server.requests.length;
    const resumed = await runCliProcess(['discover', 'gardening', '--tag', 'composting', '--json', '--db', dbFile, ...fetchFlags], { env });
    expect(resumed.code).toBe(3);
    const out = JSON.parse(resumed.stdout) as DiscoverJson;
    expect(out.run.resumed).toBe(true);
    expect(out.prospects[0]?.username).toBe('maya-fields');
    expect(out.prospects).toHaveLength(6);
    const secondRequests = server.requests.slice(mid).filter((r) => r.path !== '/robots.txt').length;
    // A clean run makes 2 feed + 14 story + 12 author requests = 28; the resumed run only fetches the rest.
    expect(secondRequests).toBeLessThanOrEqual(28 - 12);
    expect(out.counts.fromStore).toBeGreaterThanOrEqual(11);
  }, 150_000);
});
