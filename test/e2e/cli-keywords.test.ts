/**
 * End to end: `linkwright keywords` — the real CLI against the demo world's fake Medium on 127.0.0.1 (tag feeds
 * and story pages fetched politely with --fetch, then the same research replayed from the store with the server
 * gone), and against saved files (--from). See discover.test.ts for the loopback set-up.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeywordReport } from '../../src/core/keywords/keyword-types.js';
import { renderDemoUserFeed, renderMediumStoryPage } from '../../src/demo/demo-render.js';
import { type DemoServer, startDemoServer } from '../../src/demo/demo-server.js';
import { createDemoWorld, type DemoWorld } from '../../src/demo/demo-world.js';
import { runCliProcess } from '../support/run-cli.js';

type KeywordsJson = KeywordReport & {
  sources: { storedStories: number; storedFeeds: number; files: number; fetchedFeeds: { url: string; state: string; items: number }[]; fetchedStories: number };
};

let world: DemoWorld;
let server: DemoServer;
let serverOpen = false;
let dir: string;
let env: Record<string, string>;

beforeAll(async () => {
  world = createDemoWorld({ now: Date.now(), mediumHost: '127.0.0.1' });
  server = await startDemoServer(world);
  serverOpen = true;
  dir = mkdtempSync(join(tmpdir(), 'lw-keywords-e2e-'));
  env = { LINKWRIGHT_MEDIUM_ORIGIN: server.mediumOrigin };
});

afterAll(async () => {
  if (serverOpen) await server.close();
  rmSync(dir, { recursive: true, force: true });
});

async function keywords(args: string[], expectCode = 0): Promise<string> {
  const result = await runCliProcess(['keywords', ...args], { env, cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(expectCode);
  return result.stdout;
}

describe('linkwright keywords', () => {
  const db = () => join(dir, 'kw.db');

  it('fetches the niche and background tag feeds and the niche story pages, then ranks tags, terms and competition', { timeout: 120_000 }, async () => {
    const out = JSON.parse(
      await keywords(['composting', '--tag', 'composting', '--background-tag', 'vegetables', '--fetch', '--allow-private', '--delay', '0', '--db', db(), '--json']),
    ) as KeywordsJson;
    expect(out.sources.fetchedFeeds.map((f) => [f.url.replace(server.mediumOrigin, ''), f.state])).toEqual([
      ['/feed/tag/composting', 'ok'],
      ['/feed/tag/vegetables', 'ok'],
    ]);
    const nicheInFeed = world.medium.stories.filter((s) => s.tags.includes('composting')).length;
    expect(out.sources.fetchedStories).toBe(Math.min(10, nicheInFeed));
    expect(out.corpus.niche).toBe(nicheInFeed);
    expect(out.corpus.background).toBeGreaterThan(0);
    // Claps come from the story pages (feeds carry none): the seed's competition row has them.
    const seed = out.competition[0];
    expect(seed?.text).toBe('composting');
    expect(seed?.medianClaps).not.toBeNull();
    expect(seed?.topClaps).toBe(Math.max(...world.medium.stories.filter((s) => s.tags.includes('composting')).map((s) => s.claps)));
    expect(out.relatedTags.map((t) => t.tag)).toContain('soil');
    expect(out.terms.length).toBeGreaterThan(0);
    expect(out.targets?.basedOn).toBeGreaterThan(0);
  });

  it('replays the same research from the store with the fake Medium gone (gather, then analyse)', { timeout: 60_000 }, async () => {
    const before = JSON.parse(await keywords(['composting', '--tag', 'composting', '--db', db(), '--json'])) as KeywordsJson;
    await server.close();
    serverOpen = false;
    const after = JSON.parse(await keywords(['composting', '--tag', 'composting', '--db', db(), '--json'])) as KeywordsJson;
    expect(after.terms).toEqual(before.terms);
    expect(after.competition).toEqual(before.competition);
    expect(after.sources.fetchedFeeds).toEqual([]);
    expect(after.sources.storedStories).toBeGreaterThan(0);
    expect(after.sources.storedFeeds).toBe(2);

    const csv = await keywords(['composting', '--tag', 'composting', '--db', db(), '--csv']);
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('section,text,score,lift,niche_stories,background_stories,stories,median_claps,top_claps,top_authors');
    expect(lines.some((l) => l.startsWith('related-tag,soil,'))).toBe(true);
    expect(lines.some((l) => l.startsWith('competition,composting,'))).toBe(true);

    const table = await keywords(['composting', '--tag', 'composting', '--db', db()]);
    expect(table).toContain('Related tags');
    expect(table).toContain('Writing targets');
  });

  it('reads saved story pages and feeds given with --from, without any database content', { timeout: 60_000 }, async () => {
    const origins = { medium: 'https://medium.com', site: 'https://greenleaf-garden.test' };
    const ivy = world.medium.authors.find((a) => a.username === 'ivy-hollins');
    const maya = world.medium.authors.find((a) => a.username === 'maya-fields');
    if (ivy === undefined || maya === undefined) throw new Error('demo authors missing');
    writeFileSync(join(dir, 'ivy.xml'), renderDemoUserFeed(world, ivy, origins));
    writeFileSync(join(dir, 'maya.xml'), renderDemoUserFeed(world, maya, origins));
    const story = world.medium.stories.find((s) => s.tags.includes('composting') && s.authorId === ivy.id);
    if (story === undefined) throw new Error('demo story missing');
    writeFileSync(join(dir, 'story.html'), renderMediumStoryPage(world, story, origins));
    const out = JSON.parse(
      await keywords(['composting', '--from', 'ivy.xml', '--from', 'maya.xml', '--from', 'story.html', '--db', join(dir, 'files.db'), '--json']),
    ) as KeywordsJson;
    expect(out.sources).toMatchObject({ files: 3, storedStories: 0, storedFeeds: 0 });
    expect(out.corpus.niche).toBeGreaterThan(0);
    // The saved page carries the story's claps; feed items carry none.
    expect(out.competition[0]?.topClaps).toBe(story.claps);
  });

  it('names a missing --from file and an empty seed, with exit 2', async () => {
    const missing = await runCliProcess(['keywords', 'composting', '--from', 'nope.xml', '--db', join(dir, 'bad.db')], { env, cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.xml');
    const empty = await runCliProcess(['keywords', '  ', '--db', join(dir, 'bad.db')], { env, cwd: dir });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('seed');
  });
});
