/**
 * MediumSource: every Medium read goes through here (DESIGN §5, shared/notes/medium-data.md). It knows
 * Medium's URL shapes relative to a configurable origin (`LINKWRIGHT_MEDIUM_ORIGIN`: https://medium.com in
 * real use, a fake Medium on 127.0.0.1 in tests and the demo), fetches through the polite fetcher (which keeps
 * medium.com at one connection and ≥ 2 s between requests, FETCHER_DEFAULTS.hostDelayOverrides) and hands the
 * bytes to the pure readers of src/core/medium.
 *
 * What it adds on top of the fetcher:
 * - a bot challenge is a *result* (`state: 'blocked'` with the save-the-page advice), never an exception and
 *   never an empty record (DESIGN §5 "surface blocked as a state");
 * - stories are cached by post id (DESIGN §5 "cache by post id"): within one MediumSource (one command run)
 *   in memory, and across runs through an optional store-backed `MediumStoryCache` — a story captured less than
 *   24 h ago is not fetched again unless the caller forces it. 24 h is the same freshness window RFC 9309 §2.4
 *   allows for robots.txt; claps and responses move slowly enough that a day-old count ranks authors the same;
 * - feeds and profiles are memoised per run by URL (a discover run reads an author's feed for the metrics and
 *   again for the links);
 * - HTTP answers other than 2xx (and not a challenge) throw `FETCH_HTTP_STATUS` with the status, so callers
 *   record a per-item error.
 *
 * Layering: this adapter imports core only. The fetcher and the cache are structural interfaces, so the
 * PoliteFetcher, the app's PageFetcher port and test fakes all fit.
 */
import type { Clock } from '../core/clock.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { detectMediumBlocked } from '../core/medium/blocked.js';
import { mediumPostIdFromUrl, mediumUsernameFromUrl, stripTrackingParams } from '../core/medium/medium-ids.js';
import type { MediumAuthorResult, MediumBlocked, MediumFeed, MediumFeedResult, MediumStoryResult } from '../core/medium/medium-types.js';
import { readMediumAuthor } from '../core/medium/read-author.js';
import { readMediumFeed } from '../core/medium/read-feed.js';
import { readMediumStory } from '../core/medium/read-story.js';
import { parseUrl } from '../core/url/parse-url.js';

/** Default origin (the real Medium). */
export const MEDIUM_DEFAULT_ORIGIN = 'https://medium.com';

/**
 * A story captured less than this long ago is served from the store instead of the network (see the file
 * comment for the 24 h choice).
 */
export const STORY_CACHE_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** What MediumSource needs from a fetcher: the PoliteFetcher's snapshot, structurally. */
export interface MediumFetchResponse {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string[]>;
  redirects: { url: string; status: number; location: string | null }[];
  body: Buffer;
  text: string;
  encoding: string;
  contentType: string | null;
  truncated: boolean;
  fetchedAt: string;
}

export interface MediumFetcher {
  fetch(request: { url: string }): Promise<MediumFetchResponse>;
}

/** One Medium page as the readers see it: from the network, from the store, or from a saved file. */
export interface MediumPage {
  /** The URL asked for (for files: the original URL the user gave, or a file: URL). */
  url: string;
  finalUrl: string;
  /** null for saved files (no HTTP exchange). */
  status: number | null;
  headers: Record<string, string[]>;
  text: string;
  contentType: string | null;
  fetchedAt: string;
  /** The stored snapshot this page was read from (store cache, run replay), when known. */
  snapshotId?: number | null;
  /** The raw response when the page came from the network (what the caller stores as a snapshot). */
  response?: MediumFetchResponse;
}

/** Store-backed cache of story captures (implemented by the app layer over src/store). */
export interface MediumStoryCache {
  /** The newest stored capture of the post, or null. MediumSource decides whether it is fresh enough. */
  storyPage(postId: string): Promise<MediumPage | null>;
}

export type PageOrigin = 'network' | 'run-cache' | 'store-cache';

export interface MediumRead<R> {
  /** The URL that was read (normalised: tracking parameters removed). */
  url: string;
  result: R;
  page: MediumPage;
  from: PageOrigin;
}

export interface MediumAuthorRead {
  username: string;
  profileUrl: string;
  feedUrl: string;
  /** The author record (profile merged with the feed) or the profile's blocked state. */
  result: MediumAuthorResult;
  profile: MediumRead<MediumAuthorResult>;
  feed: MediumRead<MediumFeedResult> | { error: LinkwrightError; url: string } | null;
}

export interface MediumSourceOptions {
  fetcher: MediumFetcher;
  /** Scheme + host (+ port) of Medium; default https://medium.com. */
  origin?: string;
  clock?: Clock;
  cache?: MediumStoryCache;
  /** Default STORY_CACHE_MAX_AGE_MS. */
  storyMaxAgeMs?: number;
}

/** `@name`, `name`, a profile URL or a subdomain URL → the username (without "@"), or null. */
export function parseMediumUsername(input: string): string | null {
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) return mediumUsernameFromUrl(text);
  const bare = text.replace(/^@/, '');
  // Medium usernames: letters, digits, dots, underscores and hyphens (as seen in profile URLs).
  return /^[A-Za-z0-9._-]{1,64}$/.test(bare) ? bare : null;
}

/** The blocked state for a page, from status, headers and body (null when the page is Medium's answer). */
export function blockedStateOf(page: MediumPage): MediumBlocked | null {
  return detectMediumBlocked(page.status, page.headers, page.text);
}

function httpError(page: MediumPage, what: string): LinkwrightError {
  return new LinkwrightError('FETCH_HTTP_STATUS', `${what} ${page.url} answered HTTP ${page.status}`, {
    url: page.url,
    details: { status: page.status, finalUrl: page.finalUrl },
  });
}

function isHttpFailure(page: MediumPage): boolean {
  return page.status !== null && (page.status < 200 || page.status > 299);
}

/** Reads a story page (live, stored or saved). Blocked → blocked state; a non-2xx answer → FETCH_HTTP_STATUS. */
export function interpretStoryPage(page: MediumPage): MediumStoryResult {
  const blocked = blockedStateOf(page);
  if (blocked !== null) return blocked;
  if (isHttpFailure(page)) throw httpError(page, 'story');
  return readMediumStory(page.text, {
    url: page.finalUrl,
    capturedAt: page.fetchedAt,
    ...(page.contentType === null ? {} : { contentType: page.contentType }),
  });
}

export function interpretFeedPage(page: MediumPage): MediumFeedResult {
  const blocked = blockedStateOf(page);
  if (blocked !== null) return blocked;
  if (isHttpFailure(page)) throw httpError(page, 'feed');
  return readMediumFeed(page.text, { url: page.url });
}

export function interpretProfilePage(page: MediumPage, feed?: MediumFeed): MediumAuthorResult {
  const blocked = blockedStateOf(page);
  if (blocked !== null) return blocked;
  if (isHttpFailure(page)) throw httpError(page, 'profile');
  return readMediumAuthor(page.text, { url: page.finalUrl, ...(feed === undefined ? {} : { feed }) });
}

function pageOf(response: MediumFetchResponse): MediumPage {
  return {
    url: response.requestedUrl,
    finalUrl: response.finalUrl,
    status: response.status,
    headers: response.headers,
    text: response.text,
    contentType: response.contentType,
    fetchedAt: response.fetchedAt,
    response,
  };
}

export class MediumSource {
  readonly origin: string;
  private readonly fetcher: MediumFetcher;
  private readonly clock: Clock;
  private readonly cache: MediumStoryCache | undefined;
  private readonly storyMaxAgeMs: number;
  private readonly stories = new Map<string, Promise<MediumRead<MediumStoryResult>>>();
  private readonly pages = new Map<string, Promise<MediumPage>>();

  constructor(options: MediumSourceOptions) {
    const origin = parseUrl(options.origin ?? MEDIUM_DEFAULT_ORIGIN);
    if (origin === null || (origin.protocol !== 'http:' && origin.protocol !== 'https:')) {
      throw new LinkwrightError('CONFIG_INVALID', `Medium origin must be an http(s) URL, got ${JSON.stringify(options.origin)}`);
    }
    this.origin = origin.origin;
    this.fetcher = options.fetcher;
    this.clock = options.clock ?? { now: () => Date.now() };
    this.cache = options.cache;
    this.storyMaxAgeMs = options.storyMaxAgeMs ?? STORY_CACHE_MAX_AGE_MS;
  }

  // ---------------------------------------------------------------- URLs (notes §1, §3)

  userFeedUrl(username: string): string {
    return `${this.origin}/feed/@${encodeURIComponent(username)}`;
  }

  tagFeedUrl(slug: string): string {
    return `${this.origin}/feed/tag/${encodeURIComponent(slug)}`;
  }

  publicationFeedUrl(slug: string): string {
    return `${this.origin}/feed/${encodeURIComponent(slug)}`;
  }

  profileUrl(username: string): string {
    return `${this.origin}/@${encodeURIComponent(username)}`;
  }

  /** `https://medium.com/p/<id>`: Medium redirects it to the story's full URL. */
  storyUrlById(postId: string): string {
    return `${this.origin}/p/${encodeURIComponent(postId)}`;
  }

  /**
   * A story URL as given (tracking parameters dropped). Relative paths (`/@user/slug-id`) and bare post ids
   * are resolved against the origin.
   */
  storyUrl(input: string): string {
    const text = input.trim();
    if (/^[0-9a-f]{10,12}$/.test(text)) return this.storyUrlById(text);
    const url = parseUrl(text, this.origin);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new LinkwrightError('INVALID_URL', `not a story URL: ${JSON.stringify(text.slice(0, 200))}`, { url: text });
    }
    return stripTrackingParams(url.href);
  }

  // ---------------------------------------------------------------- reads

  /** One GET through the fetcher, memoised per URL for this source's lifetime. */
  fetchPage(url: string): Promise<MediumPage> {
    let pending = this.pages.get(url);
    if (pending === undefined) {
      pending = this.fetcher.fetch({ url }).then(pageOf);
      this.pages.set(url, pending);
      // A failed fetch is not memoised: the caller may retry it.
      pending.catch(() => this.pages.delete(url));
    }
    return pending;
  }

  /**
   * A story by URL (or post id). Order: this run's memory, then the store cache when the capture is younger
   * than the max age (skipped with `force`), then the network.
   */
  story(input: string, options: { force?: boolean } = {}): Promise<MediumRead<MediumStoryResult>> {
    const url = this.storyUrl(input);
    const postId = mediumPostIdFromUrl(url);
    const key = postId ?? url;
    const memo = this.stories.get(key);
    if (memo !== undefined && !options.force) {
      return memo.then((read) => ({ ...read, from: read.from === 'network' ? 'run-cache' : read.from }));
    }
    const pending = this.loadStory(url, postId, options.force ?? false);
    this.stories.set(key, pending);
    pending.catch(() => this.stories.delete(key));
    return pending;
  }

  private async loadStory(url: string, postId: string | null, force: boolean): Promise<MediumRead<MediumStoryResult>> {
    if (!force && postId !== null && this.cache !== undefined) {
      const stored = await this.cache.storyPage(postId);
      if (stored !== null) {
        const age = this.clock.now() - Date.parse(stored.fetchedAt);
        if (Number.isFinite(age) && age >= 0 && age < this.storyMaxAgeMs) {
          return { url, result: interpretStoryPage(stored), page: stored, from: 'store-cache' };
        }
      }
    }
    const page = await this.fetcher.fetch({ url }).then(pageOf);
    return { url, result: interpretStoryPage(page), page, from: 'network' };
  }

  /** Any Medium RSS feed by URL. */
  async feed(url: string): Promise<MediumRead<MediumFeedResult>> {
    const page = await this.fetchPage(url);
    return { url, result: interpretFeedPage(page), page, from: 'network' };
  }

  userFeed(username: string): Promise<MediumRead<MediumFeedResult>> {
    return this.feed(this.userFeedUrl(username));
  }

  tagFeed(slug: string): Promise<MediumRead<MediumFeedResult>> {
    return this.feed(this.tagFeedUrl(slug));
  }

  publicationFeed(slug: string): Promise<MediumRead<MediumFeedResult>> {
    return this.feed(this.publicationFeedUrl(slug));
  }

  /** The profile page alone (optionally merged with an already read feed). */
  async profile(username: string, feed?: MediumFeed): Promise<MediumRead<MediumAuthorResult>> {
    const url = this.profileUrl(username);
    const page = await this.fetchPage(url);
    return { url, result: interpretProfilePage(page, feed), page, from: 'network' };
  }

  /**
   * An author: the user feed first (cheap, rarely blocked, notes §0), then the profile page merged with it.
   * A feed that fails or is blocked does not stop the profile read; a profile that fails throws, a blocked
   * profile gives the blocked state (the feed, when read, is still returned for the caller to use).
   */
  async author(input: string): Promise<MediumAuthorRead> {
    const username = parseMediumUsername(input);
    if (username === null) {
      throw new LinkwrightError('INVALID_INPUT', `not a Medium username or profile URL: ${JSON.stringify(input.slice(0, 200))}`, {
        position: { input },
      });
    }
    const feedUrl = this.userFeedUrl(username);
    let feed: MediumAuthorRead['feed'];
    try {
      feed = await this.feed(feedUrl);
    } catch (error) {
      feed = { error: asLinkwrightError(error, feedUrl), url: feedUrl };
    }
    const feedRecord = feed !== null && 'result' in feed && feed.result.state === 'ok' ? feed.result.feed : undefined;
    const profile = await this.profile(username, feedRecord);
    return { username, profileUrl: profile.url, feedUrl, result: profile.result, profile, feed };
  }
}

/** Wraps anything thrown into a LinkwrightError (unknown errors keep their message under FETCH_NETWORK). */
export function asLinkwrightError(error: unknown, url?: string): LinkwrightError {
  if (error instanceof LinkwrightError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new LinkwrightError('FETCH_NETWORK', message, { cause: error, ...(url === undefined ? {} : { url }) });
}
