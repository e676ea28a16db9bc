import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { CHALLENGE_HEADERS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { feedItemFromStory, renderMediumFeed } from '../core/medium/synthetic/feed.js';
import { renderProfilePage } from '../core/medium/synthetic/profile-page.js';
import { paragraphFromParts, renderApollo3StoryPage, storyUrl } from '../core/medium/synthetic/story-page.js';
import type { SyntheticStory, SyntheticUser } from '../core/medium/synthetic/synthetic-types.js';
import {
  type MediumFetcher,
  type MediumFetchResponse,
  type MediumPage,
  MediumSource,
  parseMediumUsername,
  STORY_CACHE_MAX_AGE_MS,
} from './medium-source.js';

const ORIGIN = 'http://127.0.0.1:4010';
const NOW = Date.parse('2026-11-01T00:00:00.000Z');

const ada: SyntheticUser = {
  id: 'aaaaaaaaaa01',
  username: 'ada',
  name: 'Ada',
  bio: 'SEO notes.',
  followers: 1234,
  following: 5,
  memberSince: null,
  twitter: null,
};

const story: SyntheticStory = {
  id: '0123456789ab',
  slug: 'a-story',
  title: 'A story',
  subtitle: null,
  author: ada,
  publication: null,
  claps: 77,
  voters: 9,
  responses: 2,
  readingTime: 3.3,
  publishedAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  tags: [{ slug: 'seo', title: 'SEO' }],
  canonicalUrl: null,
  isLocked: false,
  paragraphs: [paragraphFromParts('a1b2', 'P', ['See ', { text: 'this', href: 'https://example.com/x' }, '.'])],
  moreFromAuthor: [],
  recommended: [],
  origin: ORIGIN,
};

type Answer = { status: number; headers?: Record<string, string>; body: string };

function fake(routes: Record<string, Answer>): MediumFetcher & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    async fetch({ url }): Promise<MediumFetchResponse> {
      requests.push(url);
      const a = routes[url] ?? { status: 404, body: 'nope' };
      const headers: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(a.headers ?? { 'content-type': 'text/html' })) headers[k] = [v];
      return {
        requestedUrl: url,
        finalUrl: url,
        status: a.status,
        headers,
        redirects: [],
        body: Buffer.from(a.body),
        text: a.body,
        encoding: 'utf-8',
        contentType: headers['content-type']?.[0] ?? null,
        truncated: false,
        fetchedAt: new Date(NOW).toISOString(),
      };
    },
  };
}

const clock = { now: () => NOW };

describe('MediumSource URLs', () => {
  const source = new MediumSource({ fetcher: fake({}), origin: `${ORIGIN}/ignored/path` });
  it('builds feed, profile and story URLs on the configured origin', () => {
    expect(source.origin).toBe(ORIGIN);
    expect(source.userFeedUrl('ada')).toBe(`${ORIGIN}/feed/@ada`);
    expect(source.tagFeedUrl('link-building')).toBe(`${ORIGIN}/feed/tag/link-building`);
    expect(source.publicationFeedUrl('growth-lab')).toBe(`${ORIGIN}/feed/growth-lab`);
    expect(source.profileUrl('ada.writes')).toBe(`${ORIGIN}/@ada.writes`);
    expect(source.storyUrlById('0123456789ab')).toBe(`${ORIGIN}/p/0123456789ab`);
    expect(source.storyUrl('0123456789ab')).toBe(`${ORIGIN}/p/0123456789ab`);
    expect(source.storyUrl('/@ada/a-story-0123456789ab?source=rss-aaaaaaaaaa01------2')).toBe(`${ORIGIN}/@ada/a-story-0123456789ab`);
    expect(() => source.storyUrl('mailto:x@example.com')).toThrow(LinkwrightError);
  });

  it('defaults to https://medium.com and refuses a non-http origin', () => {
    expect(new MediumSource({ fetcher: fake({}) }).tagFeedUrl('seo')).toBe('https://medium.com/feed/tag/seo');
    expect(() => new MediumSource({ fetcher: fake({}), origin: 'ftp://medium.com' })).toThrow(/http/);
  });

  it('parses usernames from @name, bare names and profile URLs', () => {
    expect(parseMediumUsername('@ada.writes')).toBe('ada.writes');
    expect(parseMediumUsername('ada')).toBe('ada');
    expect(parseMediumUsername('https://medium.com/@ada/some-story-0123456789ab')).toBe('ada');
    expect(parseMediumUsername('https://ada.medium.com/')).toBe('ada');
    expect(parseMediumUsername('not a name')).toBeNull();
  });
});

describe('MediumSource reads', () => {
  const url = storyUrl(story);

  it('reads a story, and serves a second read of the same post id from memory', async () => {
    const fetcher = fake({ [url]: { status: 200, body: renderApollo3StoryPage(story) } });
    const source = new MediumSource({ fetcher, origin: ORIGIN, clock });
    const first = await source.story(url);
    expect(first.from).toBe('network');
    expect(first.result.state === 'ok' && first.result.story).toMatchObject({ postId: '0123456789ab', claps: 77, responses: 2 });
    const second = await source.story(`${url}?source=rss-aaaaaaaaaa01------2`);
    expect(second.from).toBe('run-cache');
    expect(fetcher.requests).toEqual([url]);
    await source.story(url, { force: true });
    expect(fetcher.requests).toEqual([url, url]);
  });

  it('surfaces a bot challenge as the blocked state with advice, never as an empty record', async () => {
    const fetcher = fake({ [url]: { status: 403, headers: { ...CHALLENGE_HEADERS }, body: renderChallengePage() } });
    const read = await new MediumSource({ fetcher, origin: ORIGIN, clock }).story(url);
    expect(read.result).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED' });
    expect(read.result.state === 'blocked' && read.result.advice).toContain('linkwright medium story saved.html');
    expect(read.result.state === 'blocked' && read.result.signals).toEqual(expect.arrayContaining(['header:cf-mitigated', 'status:403']));
  });

  it('throws FETCH_HTTP_STATUS for an answer that is neither 2xx nor a challenge', async () => {
    const source = new MediumSource({ fetcher: fake({}), origin: ORIGIN, clock });
    await expect(source.story(url)).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS', details: { status: 404 } });
    await expect(source.tagFeed('seo')).rejects.toMatchObject({ code: 'FETCH_HTTP_STATUS' });
  });

  it('uses a stored capture younger than 24 h, and fetches when it is older', async () => {
    const page: MediumPage = {
      url,
      finalUrl: url,
      status: 200,
      headers: {},
      text: renderApollo3StoryPage({ ...story, claps: 5 }),
      contentType: 'text/html',
      fetchedAt: new Date(NOW - STORY_CACHE_MAX_AGE_MS + 60_000).toISOString(),
      snapshotId: 42,
    };
    const asked: string[] = [];
    const cache = {
      storyPage: async (postId: string) => {
        asked.push(postId);
        return page;
      },
    };
    const fetcher = fake({ [url]: { status: 200, body: renderApollo3StoryPage(story) } });
    const fresh = await new MediumSource({ fetcher, origin: ORIGIN, clock, cache }).story(url);
    expect(fresh.from).toBe('store-cache');
    expect(fresh.page.snapshotId).toBe(42);
    expect(fresh.result.state === 'ok' && fresh.result.story.claps).toBe(5);
    expect(fetcher.requests).toEqual([]);
    expect(asked).toEqual(['0123456789ab']);

    const later = { now: () => NOW + 120_000 };
    const stale = await new MediumSource({ fetcher, origin: ORIGIN, clock: later, cache }).story(url);
    expect(stale.from).toBe('network');
    expect(stale.result.state === 'ok' && stale.result.story.claps).toBe(77);
    const forced = await new MediumSource({ fetcher, origin: ORIGIN, clock, cache }).story(url, { force: true });
    expect(forced.from).toBe('network');
  });

  it('reads an author from the feed and the profile, and keeps going when the feed fails', async () => {
    const feed = renderMediumFeed({
      kind: 'user',
      origin: ORIGIN,
      user: ada,
      lastBuildDate: story.publishedAt,
      items: [feedItemFromStory(story, { full: true })],
    });
    const profile = renderProfilePage({ user: ada, posts: [], origin: ORIGIN });
    const fetcher = fake({
      [`${ORIGIN}/feed/@ada`]: { status: 200, headers: { 'content-type': 'text/xml' }, body: feed },
      [`${ORIGIN}/@ada`]: { status: 200, body: profile },
    });
    const read = await new MediumSource({ fetcher, origin: ORIGIN, clock }).author('@ada');
    expect(read.result.state === 'ok' && read.result.author).toMatchObject({ username: 'ada', followers: 1234, userId: 'aaaaaaaaaa01' });
    expect(read.result.state === 'ok' && read.result.author.posts.map((p) => p.postId)).toEqual(['0123456789ab']);
    expect(fetcher.requests).toEqual([`${ORIGIN}/feed/@ada`, `${ORIGIN}/@ada`]);

    const noFeed = fake({ [`${ORIGIN}/@ada`]: { status: 200, body: profile } });
    const partial = await new MediumSource({ fetcher: noFeed, origin: ORIGIN, clock }).author('ada');
    expect(partial.result.state).toBe('ok');
    expect(partial.feed).toMatchObject({ error: { code: 'FETCH_HTTP_STATUS' } });
    await expect(new MediumSource({ fetcher: noFeed, origin: ORIGIN, clock }).author('no such name!')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});
