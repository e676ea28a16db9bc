/** End to end: `linkwright check` on drafts we wrote gives the verdicts a person would expect. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContentReport } from '../../src/core/content/content-types.js';
import { type DemoServer, startDemoServer } from '../../src/demo/demo-server.js';
import { createDemoWorld, type DemoWorld } from '../../src/demo/demo-world.js';
import { runCliProcess } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';

const draft = (name: string) => join(repoRoot, 'src', 'core', 'content', 'fixtures', name);

type CheckJson = ContentReport & {
  identity: string;
  context: { copyOf: { url: string; resemblance: number } | null; itemsCompared: number; knownTags: number; previouslyUsed: number } | null;
};

async function check(name: string, extra: string[] = []): Promise<CheckJson> {
  const result = await runCliProcess([
    'check',
    name.includes('/') ? name : draft(name),
    '--json',
    '--site',
    'greenleaf-garden.test',
    ...extra,
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as CheckJson;
}

const resultOf = (report: ContentReport, id: string) => report.results.find((r) => r.id === id);

describe('linkwright check', () => {
  it('rates a good draft green, a keyword-stuffed one red, and flags a draft without subheadings', { timeout: 90_000 }, async () => {
    const [good, stuffed, flat] = await Promise.all([check('good-draft.md'), check('stuffed-draft.md'), check('no-subheadings-draft.md')]);
    expect(good.seo.rating).toBe('green');
    expect(good.readability.rating).toBe('green');
    expect(stuffed.seo.rating).toBe('red');
    expect(stuffed.results.find((r) => r.id === 'keyphrase-density')?.rating).toBe('red');
    expect(flat.results.find((r) => r.id === 'subheading-distribution')?.rating).toBe('red');
  });

  it('names a missing draft and exits with 2', async () => {
    const result = await runCliProcess(['check', 'no-such-draft.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-draft.md');
  });

  it('refuses a --url that is not an http(s) URL, exit 2', async () => {
    const result = await runCliProcess(['check', draft('composting-page.html'), '--url', 'notaurl']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--url must be an http(s) URL, got "notaurl"');
  });
});

describe('linkwright check against the database (content add, previously used keyphrase, copies)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-check-'));
  const db = join(dir, 'check.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cli(args: string[]): Promise<string> {
    const result = await runCliProcess([...args, '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout;
  }

  it('without a database says the store-backed checks were not run', async () => {
    const result = await runCliProcess(['check', draft('good-draft.md')], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('no database: previously used keyphrases, known tags and copies of your pages were not checked');
  });

  it('flags a keyphrase already used on a stored page of the site (orange once, red twice) and names the page', {
    timeout: 90_000,
  }, async () => {
    const added = await cli([
      'content',
      'add',
      draft('site-page-medium-backlinks.html'),
      '--url',
      'https://example.com/guides/medium-backlinks',
      '--keyphrase',
      'Medium backlinks',
    ]);
    expect(added).toContain('stored site-page https://example.com/guides/medium-backlinks: keyphrase "Medium backlinks"');

    const once = await check('good-draft.md', ['--db', db]);
    expect(once.context).toMatchObject({ itemsCompared: 1, previouslyUsed: 1, copyOf: null });
    expect(resultOf(once, 'previously-used-keyphrase')).toMatchObject({ rating: 'orange', score: 6 });
    expect(resultOf(once, 'previously-used-keyphrase')?.measured.urls).toEqual(['https://example.com/guides/medium-backlinks']);

    // A second use (a Medium story of the user's, recorded from a saved file) makes it red.
    const story = join(dir, 'my-story.md');
    writeFileSync(story, readFileSync(draft('stuffed-draft.md'), 'utf8'));
    await cli(['content', 'add', story, '--kind', 'medium-story', '--keyphrase', 'medium backlink']);
    const twice = await check('good-draft.md', ['--db', db]);
    expect(resultOf(twice, 'previously-used-keyphrase')).toMatchObject({ rating: 'red', score: 1 });

    // Saving the draft itself and checking it again does not count the draft against itself.
    const saved = await runCliProcess(['check', draft('good-draft.md'), '--db', db, '--save', '--json']);
    expect(saved.code).toBe(0);
    const again = await check('good-draft.md', ['--db', db]);
    // Three items are stored now; the draft's own row is not compared with itself.
    expect(again.context?.itemsCompared).toBe(2);
    expect(resultOf(again, 'previously-used-keyphrase')?.measured.count).toBe(2);

    const listed = JSON.parse(await cli(['content', 'list', '--json'])) as { url: string; kind: string; keyphrase: string }[];
    expect(listed.map((i) => i.kind).sort()).toEqual(['draft', 'medium-story', 'site-page']);
  });

  it('recognises a Medium copy of a stored page: canonical to it is green, a missing canonical is red', { timeout: 90_000 }, async () => {
    await cli([
      'content',
      'add',
      draft('composting-page.html'),
      '--url',
      'https://example.com/guides/home-composting',
      '--keyphrase',
      'home composting',
    ]);
    const withCanonical = await check('composting-copy-draft.md', ['--db', db, '--site', 'example.com']);
    expect(withCanonical.context?.copyOf?.url).toBe('https://example.com/guides/home-composting');
    expect(withCanonical.context?.copyOf?.resemblance).toBeGreaterThanOrEqual(0.5);
    expect(resultOf(withCanonical, 'medium-canonical')).toMatchObject({ rating: 'green', messageId: 'medium-canonical.good' });
    // The original's keyphrase is the copy's own, not a competing use.
    expect(resultOf(withCanonical, 'previously-used-keyphrase')).toMatchObject({ rating: 'green' });

    const noCanonical = join(dir, 'copy-without-canonical.md');
    writeFileSync(noCanonical, readFileSync(draft('composting-copy-draft.md'), 'utf8').replace(/^canonical: .*\n/m, ''));
    const missing = await check(noCanonical, ['--db', db, '--site', 'example.com']);
    expect(resultOf(missing, 'medium-canonical')).toMatchObject({ rating: 'red', messageId: 'medium-canonical.missing-for-copy' });
    expect(resultOf(missing, 'previously-used-keyphrase')).toMatchObject({ rating: 'orange' });
  });

  it('checks tags against the tags seen on Medium (stored stories, your Medium stories), not those of drafts or pages', {
    timeout: 60_000,
  }, async () => {
    // So far: the saved draft's tags (not evidence), the site pages' tags (not evidence) and the one Medium
    // story recorded above (tag "medium backlinks").
    const before = await check('composting-copy-draft.md', ['--db', db]);
    expect(before.context?.knownTags).toBe(1);
    expect(resultOf(before, 'medium-tags')?.measured.unknown).toEqual(['composting', 'gardening', 'soil']);
    // The user's published Medium story about composting (saved page, article:tag composting + soil).
    await cli([
      'content',
      'add',
      draft('composting-page.html'),
      '--url',
      'https://medium.com/@robin/home-composting-0123456789ab',
      '--kind',
      'medium-story',
    ]);
    const after = await check('composting-copy-draft.md', ['--db', db]);
    expect(after.context?.knownTags).toBe(3);
    expect(resultOf(after, 'medium-tags')).toMatchObject({ rating: 'orange' });
    expect(resultOf(after, 'medium-tags')?.measured.unknown).toEqual(['gardening']);
  });

  it('says how to get around a bot challenge on a page: save it and check the file (exit 3, blocked)', async () => {
    const challenge = createServer((_req, res) => {
      res.writeHead(403, { 'content-type': 'text/html', 'cf-mitigated': 'challenge' });
      res.end('<!doctype html><title>Just a moment...</title><p>Checking your browser</p>');
    });
    await new Promise<void>((resolve) => challenge.listen(0, '127.0.0.1', resolve));
    const port = (challenge.address() as AddressInfo).port;
    try {
      const url = `http://127.0.0.1:${port}/story`;
      const result = await runCliProcess(['check', url, '--allow-private', '--delay', '0'], { cwd: dir });
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('CHALLENGE_BLOCKED');
      expect(result.stderr).toContain(`--url ${url}`);
    } finally {
      await new Promise<void>((resolve) => challenge.close(() => resolve()));
    }
  });
});

describe('linkwright check <Medium story URL> (through the Medium reader, on a loopback fake Medium)', () => {
  let server: DemoServer;
  let world: DemoWorld;
  beforeAll(async () => {
    world = createDemoWorld({ now: Date.now(), mediumHost: '127.0.0.1' });
    server = await startDemoServer(world);
  });
  afterAll(async () => {
    await server.close();
  });

  it('reads the story title, tags and body from the story page, not the page chrome', { timeout: 60_000 }, async () => {
    const story = world.medium.stories.find((s) => s.tags.includes('composting') && !s.challenge);
    if (story === undefined) throw new Error('demo story missing');
    const url = server.storyUrl(story.postId);
    const result = await runCliProcess(['check', url, '--json', '--keyphrase', 'composting', '--allow-private', '--delay', '0'], {
      env: { LINKWRIGHT_MEDIUM_ORIGIN: server.mediumOrigin },
      cwd: tmpdir(),
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CheckJson;
    expect(report.identity).toBe(url);
    expect(resultOf(report, 'medium-tags')?.measured.tags).toEqual(story.tags);
    expect(resultOf(report, 'medium-title-length')?.measured.characters).toBe([...story.title].length);
    // Only the story's own words: the "Written by" card and recommendations are not counted.
    const storyWords = story.paragraphs
      .map((p) => p.parts.map((part) => (typeof part === 'string' ? part : part.text)).join(''))
      .join(' ')
      .split(/\s+/)
      .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    expect(report.stats.words).toBe(storyWords);
  });
});
