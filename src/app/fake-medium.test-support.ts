/**
 * A fake Medium for the app use-case tests: pages rendered by the synthetic renderers of src/core/medium,
 * served by an in-memory fetcher (no sockets). Written for these tests; no third-party data.
 *
 * The small world (niche "seo" / "link building", analysis time NOW = 2026-11-01):
 * - ada:   steady niche writer — 6 posts about weekly, 180–420 claps each, 5,200 followers;
 * - bob:   one-hit — a 20,000-clap story and two of ~10 claps, 3,100 followers;
 * - carol: niche writer whose profile page answers with a bot challenge (followers unknown);
 * - a story of ada's whose page answers HTTP 500 (a failed item);
 * - a publication story whose page is blocked (its URL carries no username: unresolved).
 */
import type { Clock } from '../core/clock.js';
import { CHALLENGE_HEADERS, CHALLENGE_STATUS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { feedItemFromStory, renderMediumFeed } from '../core/medium/synthetic/feed.js';
import { renderProfilePage } from '../core/medium/synthetic/profile-page.js';
import { paragraphFromParts, renderApollo3StoryPage, storyUrl } from '../core/medium/synthetic/story-page.js';
import type { SyntheticOtherPost, SyntheticPublication, SyntheticStory, SyntheticUser } from '../core/medium/synthetic/synthetic-types.js';
import { MediumSource } from '../fetch/medium-source.js';
import type { Store } from '../store/open-store.js';
import { storeStoryCache } from './medium-pages.js';
import type { FetchedPage, PageFetcher } from './ports.js';

export const ORIGIN = 'https://medium.test';
export const NOW = Date.parse('2026-11-01T00:00:00.000Z');
const DAY = 86_400_000;

export function fixedClock(at = NOW): Clock & { set(ms: number): void } {
  let now = at;
  return { now: () => now, set: (ms) => (now = ms) };
}

const user = (id: string, username: string, name: string, followers: number): SyntheticUser => ({
  id,
  username,
  name,
  bio: `${name} writes.`,
  followers,
  following: 10,
  memberSince: '2022-01-01T00:00:00.000Z',
  twitter: null,
});

export const ada = user('aaaaaaaaaa01', 'ada', 'Ada Lovelink', 5_200);
export const bob = user('bbbbbbbbbb02', 'bob', 'Bob Viral', 3_100);
export const carol = user('cccccccccc03', 'carol', 'Carol Blocked', 2_000);
export const pub: SyntheticPublication = {
  id: 'dddddddddd04',
  slug: 'growth-pub',
  name: 'Growth Pub',
  description: 'SEO stories',
  followers: 900,
  domain: null,
};

interface StorySeed {
  id: string;
  author: SyntheticUser;
  title: string;
  daysAgo: number;
  claps: number;
  responses: number;
  tags: string[];
  links?: { text: string; href: string }[];
  publication?: SyntheticPublication;
  locked?: boolean;
}

function makeStory(seed: StorySeed): SyntheticStory {
  const published = new Date(NOW - seed.daysAgo * DAY).toISOString();
  const parts: (string | { text: string; href: string })[] = ['Notes on search. '];
  for (const l of seed.links ?? []) parts.push('See ', { text: l.text, href: l.href }, '. ');
  return {
    id: seed.id,
    slug: seed.title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, ''),
    title: seed.title,
    subtitle: null,
    author: seed.author,
    publication: seed.publication ?? null,
    claps: seed.claps,
    voters: Math.max(1, Math.round(seed.claps / 8)),
    responses: seed.responses,
    readingTime: 4.2,
    publishedAt: published,
    updatedAt: published,
    tags: seed.tags.map((t) => ({ slug: t, title: t })),
    canonicalUrl: null,
    isLocked: seed.locked ?? false,
    paragraphs: [paragraphFromParts('a1b2', 'P', parts)],
    moreFromAuthor: [],
    recommended: [],
    origin: ORIGIN,
  };
}

export const stories: SyntheticStory[] = [
  makeStory({
    id: 'a0000000000a',
    author: ada,
    title: 'Link building with data studies',
    daysAgo: 2,
    claps: 320,
    responses: 6,
    tags: ['seo', 'link-building'],
    links: [
      { text: 'the dataset', href: 'https://data.example.org/datasets/links.csv' },
      { text: 'my tool', href: 'https://github.com/ada/linktool' },
    ],
  }),
  makeStory({
    id: 'a0000000000b',
    author: ada,
    title: 'Internal links that rank',
    daysAgo: 9,
    claps: 280,
    responses: 4,
    tags: ['seo'],
    links: [{ text: 'a talk', href: 'https://www.youtube.com/watch?v=ada1' }],
  }),
  makeStory({
    id: 'a0000000000c',
    author: ada,
    title: 'SEO audits in an afternoon',
    daysAgo: 16,
    claps: 410,
    responses: 8,
    tags: ['seo', 'marketing'],
    locked: true,
    links: [{ text: 'the checklist', href: 'https://ada.example/checklist' }],
  }),
  makeStory({
    id: 'a0000000000d',
    author: ada,
    title: 'Anchor text myths',
    daysAgo: 23,
    claps: 180,
    responses: 3,
    tags: ['link-building'],
  }),
  makeStory({
    id: 'a0000000000e',
    author: ada,
    title: 'Broken link building, step by step',
    daysAgo: 30,
    claps: 350,
    responses: 5,
    tags: ['link-building', 'seo'],
  }),
  makeStory({
    id: 'a0000000000f',
    author: ada,
    title: 'Digital PR for small sites',
    daysAgo: 37,
    claps: 300,
    responses: 4,
    tags: ['seo', 'link-building'],
  }),
  makeStory({
    id: 'b0000000000a',
    author: bob,
    title: 'How one SEO trick got me a million views',
    daysAgo: 20,
    claps: 20_000,
    responses: 300,
    tags: ['seo'],
  }),
  makeStory({ id: 'b0000000000b', author: bob, title: 'SEO again', daysAgo: 12, claps: 12, responses: 0, tags: ['seo'] }),
  makeStory({ id: 'b0000000000c', author: bob, title: 'More SEO', daysAgo: 4, claps: 9, responses: 0, tags: ['seo'] }),
  makeStory({
    id: 'c0000000000a',
    author: carol,
    title: 'Link building for local shops',
    daysAgo: 5,
    claps: 90,
    responses: 2,
    tags: ['link-building'],
  }),
  makeStory({ id: 'c0000000000b', author: carol, title: 'Local SEO basics', daysAgo: 15, claps: 110, responses: 1, tags: ['seo'] }),
  makeStory({ id: 'c0000000000c', author: carol, title: 'Citations and links', daysAgo: 25, claps: 70, responses: 1, tags: ['seo'] }),
  makeStory({
    id: 'e0000000000a',
    author: carol,
    title: 'A publication story on SEO',
    daysAgo: 6,
    claps: 40,
    responses: 0,
    tags: ['seo'],
    publication: pub,
  }),
];

/** Story ids whose pages misbehave. */
export const FAILING_STORY = 'a0000000000f';
export const BLOCKED_STORY = 'e0000000000a';

function byId(id: string): SyntheticStory {
  const s = stories.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no story ${id}`);
  return s;
}

function other(s: SyntheticStory): SyntheticOtherPost {
  return {
    id: s.id,
    slug: s.slug,
    title: s.title,
    subtitle: s.subtitle,
    author: s.author,
    publication: s.publication,
    claps: s.claps,
    voters: s.voters,
    publishedAt: s.publishedAt,
    readingTime: s.readingTime,
    isLocked: s.isLocked,
    tags: s.tags,
  };
}

const newest = (list: SyntheticStory[]) => [...list].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));

export interface Route {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const html = (body: string): Route => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body });
const rss = (body: string): Route => ({ status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body });
const challenge = (): Route => ({
  status: CHALLENGE_STATUS,
  headers: { ...CHALLENGE_HEADERS },
  body: renderChallengePage({ host: 'medium.test' }),
});

/** Every URL of the fake Medium and its answer. */
export function buildRoutes(): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const s of stories) {
    const url = storyUrl(s);
    if (s.id === FAILING_STORY) routes.set(url, { status: 500, headers: { 'content-type': 'text/html' }, body: 'oops' });
    else if (s.id === BLOCKED_STORY) routes.set(url, challenge());
    else routes.set(url, html(renderApollo3StoryPage(s)));
  }
  for (const tag of ['seo', 'link-building']) {
    const items = newest(stories.filter((s) => s.tags.some((t) => t.slug === tag))).slice(0, 10);
    routes.set(
      `${ORIGIN}/feed/tag/${tag}`,
      rss(
        renderMediumFeed({
          kind: 'tag',
          origin: ORIGIN,
          tag: { slug: tag, title: tag },
          lastBuildDate: new Date(NOW).toISOString(),
          items: items.map((s) => feedItemFromStory(s, { full: false })),
        }),
      ),
    );
  }
  for (const u of [ada, bob, carol]) {
    const own = newest(stories.filter((s) => s.author.id === u.id && s.publication === null));
    routes.set(
      `${ORIGIN}/feed/@${u.username}`,
      rss(
        renderMediumFeed({
          kind: 'user',
          origin: ORIGIN,
          user: u,
          lastBuildDate: new Date(NOW).toISOString(),
          items: own.map((s) => feedItemFromStory(s, { full: !s.isLocked })),
        }),
      ),
    );
    routes.set(
      `${ORIGIN}/@${u.username}`,
      u === carol ? challenge() : html(renderProfilePage({ user: u, posts: own.map(other), origin: ORIGIN })),
    );
  }
  return routes;
}

export interface FakeFetcher extends PageFetcher {
  requests: string[];
  routes: Map<string, Route>;
  /** Called before each request with the number of requests so far (tests interrupt runs with it). */
  beforeRequest?: (count: number, url: string) => void;
}

/** An in-memory PageFetcher over `routes`; unknown URLs answer 404. */
export function fakeFetcher(clock: Clock, routes: Map<string, Route> = buildRoutes()): FakeFetcher {
  const fake: FakeFetcher = {
    requests: [],
    routes,
    async fetch(request: { url: string }): Promise<FetchedPage> {
      fake.beforeRequest?.(fake.requests.length, request.url);
      fake.requests.push(request.url);
      const route = routes.get(request.url) ?? { status: 404, headers: { 'content-type': 'text/html' }, body: 'not found' };
      const body = Buffer.from(route.body, 'utf8');
      const headers: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(route.headers)) headers[k.toLowerCase()] = [v];
      return {
        requestedUrl: request.url,
        finalUrl: request.url,
        status: route.status,
        headers,
        redirects: [],
        body,
        text: route.body,
        encoding: 'utf-8',
        contentType: route.headers['content-type'] ?? null,
        truncated: false,
        notModified: false,
        challenge: route.status === CHALLENGE_STATUS,
        fetchedAt: new Date(clock.now()).toISOString(),
        etag: null,
        lastModified: null,
      };
    },
    async close() {},
  };
  return fake;
}

export function storyUrlOf(id: string): string {
  return storyUrl(byId(id));
}

/** The fake Medium behind a MediumSource (with the store's 24 h story cache when a store is given). */
export function fakeMediumSource(store?: Store, routes: Map<string, Route> = buildRoutes()): { clock: ReturnType<typeof fixedClock>; fetcher: FakeFetcher; source: MediumSource } {
  const clock = fixedClock();
  const fetcher = fakeFetcher(clock, routes);
  const source = new MediumSource({ fetcher, origin: ORIGIN, clock, ...(store ? { cache: storeStoryCache(store) } : {}) });
  return { clock, fetcher, source };
}
