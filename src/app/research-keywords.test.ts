import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { feedItemFromStory, renderMediumFeed } from '../core/medium/synthetic/feed.js';
import { paragraphFromParts, renderApollo3StoryPage } from '../core/medium/synthetic/story-page.js';
import type { SyntheticStory } from '../core/medium/synthetic/synthetic-types.js';
import { describeShared, requireSharedPath } from '../../test/support/shared-data.js';
import { openStore, type Store } from '../store/open-store.js';
import { insertSnapshot } from '../store/snapshots-repository.js';
import { fixedClock } from './fake-medium.test-support.js';
import { researchKeywordsFromSources } from './research-keywords.js';

const dir = mkdtempSync(join(tmpdir(), 'lw-kw-app-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const user = { id: 'aaaaaaaaaa01', username: 'ivy', name: 'Ivy Hollins', bio: 'Compost nerd.', followers: 10, following: 1, memberSince: '2022-01-01T00:00:00.000Z', twitter: null };

function story(id: string, title: string, paragraphs: string[], tags: string[], claps: number): SyntheticStory {
  return {
    id,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    title,
    subtitle: 'A short subtitle',
    author: user,
    publication: null,
    claps,
    voters: 10,
    responses: 1,
    readingTime: 2,
    publishedAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    tags: tags.map((slug) => ({ slug, title: slug })),
    canonicalUrl: null,
    isLocked: false,
    paragraphs: paragraphs.map((text, i) => paragraphFromParts(`b${id.slice(-2)}${i}`, 'P', [text])),
    moreFromAuthor: [],
    recommended: [],
    origin: 'https://medium.com',
  };
}

const hot = story('c0000000000a', 'Hot composting guide', ['Mix browns and greens in one go.', 'Turn the heap every second day to keep the bacteria busy.'], ['composting'], 300);
const worms = story('c0000000000b', 'Worm bins in winter', ['Keep the worm bin above five degrees.', 'Feed the worms kitchen scraps with browns and greens.'], ['composting'], 200);
const tomatoes = story('c0000000000c', 'Balcony tomatoes', ['Water the pots every evening in July.', 'Pinch out the side shoots of each plant.'], ['vegetables'], 900);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const tagFeed = write(
  'composting.xml',
  renderMediumFeed({ kind: 'tag', origin: 'https://medium.com', tag: { slug: 'composting', title: 'Composting' }, lastBuildDate: '2026-10-02T00:00:00.000Z', items: [hot, worms].map((s) => feedItemFromStory(s, { full: false })) }),
);
const pages = [hot, worms, tomatoes].map((s) => write(`${s.id}.html`, renderApollo3StoryPage(s)));

describe('researchKeywordsFromSources', () => {
  it('keeps the story body of a page whether the feed snippet came before or after it', async () => {
    const request = { seed: 'composting', tags: ['composting'], cwd: dir };
    const feedFirst = await researchKeywordsFromSources({ clock: fixedClock() }, { ...request, files: [tagFeed, ...pages] });
    const feedLast = await researchKeywordsFromSources({ clock: fixedClock() }, { ...request, files: [...pages, tagFeed] });
    expect(feedFirst.report).toEqual(feedLast.report);
    expect(feedFirst.report.corpus).toEqual({ stories: 3, niche: 2, background: 1, withText: 3 });
    // The phrases come from the story bodies, not from the snippets ("A short subtitle").
    expect(feedFirst.report.phrases.map((p) => p.key)).toContain('brown and green');
    expect(feedFirst.report.phrases.map((p) => p.text)).not.toContain('short subtitle');
    expect(feedFirst.report.targets?.basedOn).toBe(2);
  });

  it('names the file when a --from file is neither a feed nor a Medium story page', async () => {
    const notFeed = write('not-a-feed.xml', '<?xml version="1.0"?><catalog><book>x</book></catalog>');
    await expect(
      researchKeywordsFromSources({ clock: fixedClock() }, { seed: 'composting', tags: [], cwd: dir, files: ['not-a-feed.xml'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^not-a-feed\.xml: /), position: { input: 'not-a-feed.xml' } });
    expect(notFeed).toContain('not-a-feed.xml');
    write('plain.html', '<!doctype html><title>Hello</title><p>Just a page.</p>');
    await expect(
      researchKeywordsFromSources({ clock: fixedClock() }, { seed: 'composting', tags: [], cwd: dir, files: ['plain.html'] }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^plain\.html: /) });
  });
});

describe('researchKeywordsFromSources on stored feeds', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ location: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  async function stored(url: string, body: string, contentType: string): Promise<void> {
    await insertSnapshot(store.db, {
      url,
      finalUrl: url,
      status: 200,
      headers: {},
      redirects: [],
      body: Buffer.from(body),
      contentType,
      encoding: 'utf-8',
      truncated: false,
      source: 'live',
      fetchedAt: '2026-10-02T00:00:00.000Z',
    });
  }

  it('reads stored Medium feeds, skips a stored error page at a feed URL and never takes a blog RSS for Medium', async () => {
    const { readFileSync } = await import('node:fs');
    await stored('https://medium.com/feed/tag/composting', readFileSync(tagFeed, 'utf8'), 'text/xml');
    await stored('https://medium.com/feed/tag/nonexistent-tag', '<!doctype html><title>Not found</title><p>404</p>', 'text/html');
    await stored(
      'https://blog.example.com/feed/',
      '<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><item><title>Composting tips</title><link>https://blog.example.com/compost</link><category>composting</category></item></channel></rss>',
      'application/rss+xml',
    );
    const out = await researchKeywordsFromSources({ clock: fixedClock(), store }, { seed: 'composting', tags: ['composting'], cwd: dir });
    expect(out.sources.storedFeeds).toBe(1);
    expect(out.sources.skippedFeeds).toEqual(['https://medium.com/feed/tag/nonexistent-tag']);
    expect(out.report.corpus.stories).toBe(2);
    expect(out.report.competition[0]?.stories).toBe(2);
  });

  it('counts feeds of the configured Medium origin (a self-hosted fake Medium) as Medium feeds', async () => {
    const { readFileSync } = await import('node:fs');
    await stored('http://127.0.0.1:4000/feed/tag/composting', readFileSync(tagFeed, 'utf8'), 'text/xml');
    const without = await researchKeywordsFromSources({ clock: fixedClock(), store }, { seed: 'composting', tags: [], cwd: dir });
    expect(without.sources.storedFeeds).toBe(0);
    const withOrigin = await researchKeywordsFromSources({ clock: fixedClock(), store, mediumOrigin: 'http://127.0.0.1:4000' }, { seed: 'composting', tags: [], cwd: dir });
    expect(withOrigin.sources.storedFeeds).toBe(1);
  });
});

describeShared('researchKeywordsFromSources on real recorded Medium pages and feeds', ['fixtures', 'medium'], () => {
  it('builds a corpus from every article page and feed with body text, claps where the page has them, and no exception', async () => {
    const base = requireSharedPath('fixtures', 'medium');
    const files = [
      ...readdirSync(join(base, 'article-html')).map((f) => join(base, 'article-html', f)),
      ...readdirSync(join(base, 'rss')).map((f) => join(base, 'rss', f)),
    ];
    const out = await researchKeywordsFromSources({ clock: fixedClock() }, { seed: 'swift', tags: ['swift'], cwd: base, files });
    expect(out.sources.files).toBe(files.length);
    const r = out.report;
    // 4 pages + the 2023 feed's full-content item + the 2016 feed's snippet items (one story may be in both).
    expect(r.corpus.stories).toBeGreaterThanOrEqual(5);
    expect(r.corpus.withText).toBe(r.corpus.stories);
    // The 2023 feed's story is tagged swift: it is the niche, the 2015–2017 articles are the background.
    expect(r.corpus.niche).toBe(1);
    // With a niche of one story the co-occurrence threshold drops to 1: its other tags, each only there.
    expect(r.relatedTags.map((t) => t.tag).sort()).toEqual(['asyncawait', 'asynchronous', 'asyncstream', 'combine']);
    for (const t of r.relatedTags) expect(t).toMatchObject({ together: 1, tagStories: 1, confidence: 1, lift: r.corpus.stories });
    expect(r.terms.length).toBeGreaterThan(0);
    expect(r.warnings.map((w) => w.id)).toContain('keywords.few-stories');
    // Medium's page chrome never becomes a key term of the niche.
    for (const t of [...r.terms, ...r.phrases]) expect(t.text).not.toMatch(/\b(?:min read|sign in|sign up|written by|follow)\b/i);
  });
});
