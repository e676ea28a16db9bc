/**
 * Test support for the outreach use-cases: a fresh SQLite store per test, prospects seeded through the store,
 * a settable clock, and an in-memory PageFetcher whose pages can change between checks (ETag/304 included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../core/clock.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { upsertMediumAuthor } from '../store/medium-repository.js';
import { openStore, type Store } from '../store/open-store.js';
import { upsertProspect } from '../store/prospects-repository.js';
import type { FetchedPage, PageFetcher } from './ports.js';

/** Monday 2026-11-02 12:00 UTC (a working day, inside the default working hours). */
export const MONDAY_NOON = Date.parse('2026-11-02T12:00:00.000Z');
export const DAY = 86_400_000;
export const HOUR = 3_600_000;

export function settableClock(at = MONDAY_NOON): Clock & { set(ms: number): void; advance(ms: number): void } {
  let now = at;
  return { now: () => now, set: (ms) => (now = ms), advance: (ms) => (now += ms) };
}

export async function tempStore(): Promise<{ store: Store; cleanup(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'lw-outreach-'));
  const store = await openStore({ location: join(dir, 'test.db') });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function seedProspect(
  store: Store,
  username: string,
  options: { name?: string | null; score?: number; qualified?: boolean } = {},
): Promise<number> {
  const now = new Date(MONDAY_NOON - 30 * DAY).toISOString();
  const authorId = await upsertMediumAuthor(store.db, {
    userId: null,
    username,
    name: options.name === undefined ? `${username[0]?.toUpperCase()}${username.slice(1)} Writer` : options.name,
    bio: null,
    followers: 1000,
    following: 10,
    memberSince: null,
    profileUrl: `https://medium.test/@${username}`,
    capturedAt: now,
  });
  const saved = await upsertProspect(store.db, {
    authorId,
    niche: 'gardening',
    score: options.score ?? 70,
    coverage: 1,
    breakdown: [],
    qualified: options.qualified ?? true,
    gateReasons: [],
    now,
  });
  return saved.id;
}

export interface FakeRoute {
  status: number;
  body?: string;
  headers?: Record<string, string>;
  /** Redirect chain before the answer (the fetcher follows it). */
  redirectTo?: string;
  /** Answer 304 when the request's If-None-Match matches. */
  etag?: string;
  /** Throw this instead of answering. */
  error?: LinkwrightError;
  challenge?: boolean;
}

export interface FakePageFetcher extends PageFetcher {
  routes: Map<string, FakeRoute>;
  requests: { url: string; etag: string | null }[];
}

/** In-memory fetcher: routes by exact URL; follows `redirectTo` like the polite fetcher records hops. */
export function fakePageFetcher(clock: Clock): FakePageFetcher {
  const routes = new Map<string, FakeRoute>();
  const requests: FakePageFetcher['requests'] = [];
  const answer = (url: string, request: { etag?: string | null }, hops: FetchedPage['redirects']): FetchedPage => {
    const route = routes.get(url);
    if (route === undefined) throw new LinkwrightError('FETCH_NETWORK', `no fake route for ${url}`, { url });
    if (route.error) throw route.error;
    if (route.redirectTo !== undefined) {
      return answer(route.redirectTo, {}, [...hops, { url, status: route.status, location: route.redirectTo }]);
    }
    const notModified = route.etag !== undefined && request.etag === route.etag;
    const body = Buffer.from(notModified ? '' : (route.body ?? ''), 'utf8');
    return {
      requestedUrl: hops[0]?.url ?? url,
      finalUrl: url,
      status: notModified ? 304 : route.status,
      headers: { 'content-type': ['text/html; charset=utf-8'], ...(route.etag ? { etag: [route.etag] } : {}) },
      redirects: hops,
      body,
      text: body.toString('utf8'),
      encoding: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      truncated: false,
      notModified,
      challenge: route.challenge ?? false,
      fetchedAt: new Date(clock.now()).toISOString(),
      etag: route.etag ?? null,
      lastModified: null,
    };
  };
  return {
    routes,
    requests,
    async fetch(request) {
      requests.push({ url: request.url, etag: request.etag ?? null });
      return answer(request.url, request, []);
    },
    async close() {},
  };
}

/** A Medium-shaped story page: the link in a body paragraph (pw-post-body-paragraph), chrome links outside. */
export function storyHtml(
  options: { links?: { href: string; text: string; rel?: string }[]; bioLink?: { href: string; text: string } } = {},
): string {
  const body = (options.links ?? [])
    .map(
      (l) =>
        `<p class="pw-post-body-paragraph" id="p${Math.abs(l.href.length * 7919) % 9999}">Read <a href="${l.href}" rel="${l.rel ?? 'noopener ugc nofollow'}">${l.text}</a> for more. Some more words here.</p>`,
    )
    .join('\n');
  const bio = options.bioLink
    ? `<div class="bio"><a href="${options.bioLink.href}" rel="noopener ugc nofollow">${options.bioLink.text}</a></div>`
    : '';
  return `<!doctype html><html><head><title>A story</title><meta property="al:android:url" content="medium://p/0123456789ab"></head><body>
<nav><a href="https://medium.test/" rel="noopener follow">Medium</a></nav>
<article><section><h1 class="pw-post-title">A story</h1>
<p class="pw-post-body-paragraph" id="a1b2">Opening paragraph with enough words to be a paragraph of the story body.</p>
${body}
</section></article>${bio}<footer><a href="https://medium.test/about" rel="noopener follow">About</a></footer></body></html>`;
}
