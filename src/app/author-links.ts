/**
 * Use-case behind `linkwright author @user --links`: what an author already links to — the outbound links of
 * their recent stories, grouped by content type and by registrable domain, with counts and examples
 * (classification: src/core/discovery/link-types.ts; DESIGN §1 "See what they already link to").
 *
 * Where the links come from, cheapest first (medium-data.md §0, §1):
 * - the user feed's full-content items (`content:encoded` keeps the story's links, without rel — rel is not
 *   needed to know *what* is linked);
 * - the story page for snippet-only items (member-only stories), through MediumSource (cached by post id);
 * - when the feed itself is blocked or fails, the author's stories already in the store (their snapshots).
 * Links back into Medium (other stories, @mentions, tag pages) are not outbound and are left out, as are
 * links to the publications' own custom domains.
 */
import type { Clock } from '../core/clock.js';
import {
  DEFAULT_EXCLUDED_DOMAINS,
  type OutboundLinkInput,
  type OutboundLinkSummary,
  summariseOutboundLinks,
} from '../core/discovery/index.js';
import type { MediumFeedItem } from '../core/medium/medium-types.js';
import { asLinkwrightError, interpretStoryPage, type MediumSource } from '../fetch/medium-source.js';
import { listMediumPosts } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';
import { loadSnapshotPage, persistPage, saveStory } from './medium-pages.js';

/** Stories looked at by default: the user feed's 10 latest items (Medium RSS limit, notes §1). */
export const DEFAULT_LINK_STORIES = 10;

export interface AuthorLinksRequest {
  username: string;
  /** Newest stories looked at (default DEFAULT_LINK_STORIES). */
  stories?: number;
  examplesPerGroup?: number;
  /** Fetch story pages again even when a capture younger than 24 h is stored. */
  refresh?: boolean;
}

export interface AuthorLinksDeps {
  source: MediumSource;
  clock: Clock;
  store?: Store;
}

export interface LinkedStory {
  postId: string | null;
  url: string;
  title: string | null;
  publishedAt: string | null;
  /** Links found in the story (before exclusions). */
  links: number;
  /** Where its links came from. */
  from: 'feed' | 'page' | 'store' | 'blocked' | 'failed';
  error: { code: string; message: string } | null;
}

export interface AuthorLinksOutcome {
  username: string;
  feedUrl: string;
  /** State of the user feed read. */
  feed: 'ok' | 'blocked' | 'failed';
  /** Why the feed read failed (null unless `feed` is failed). */
  feedError: { code: string; message: string } | null;
  /** Advice when something was blocked (save the page in a browser and pass the file). */
  advice: string | null;
  stories: LinkedStory[];
  excludedDomains: string[];
  summary: OutboundLinkSummary;
}

export async function authorLinks(deps: AuthorLinksDeps, request: AuthorLinksRequest): Promise<AuthorLinksOutcome> {
  const { source, store } = deps;
  const username = request.username.replace(/^@/, '');
  const max = Math.max(1, Math.floor(request.stories ?? DEFAULT_LINK_STORIES));
  const feedUrl = source.userFeedUrl(username);
  const links: OutboundLinkInput[] = [];
  const stories: LinkedStory[] = [];
  const excluded = new Set<string>([...DEFAULT_EXCLUDED_DOMAINS, new URL(source.origin).hostname]);
  let advice: string | null = null;

  let feedState: AuthorLinksOutcome['feed'] = 'ok';
  let feedError: AuthorLinksOutcome['feedError'] = null;
  let items: MediumFeedItem[] = [];
  try {
    const read = await source.feed(feedUrl);
    if (store !== undefined) await persistPage(store, read.page);
    if (read.result.state === 'ok') items = read.result.feed.items.slice(0, max);
    else {
      feedState = 'blocked';
      advice = read.result.advice;
    }
  } catch (error) {
    feedState = 'failed';
    const e = asLinkwrightError(error, feedUrl);
    feedError = { code: e.code, message: e.message };
  }

  if (feedState === 'ok') {
    for (const item of items) {
      const url = item.url ?? (item.postId === null ? null : source.storyUrlById(item.postId));
      if (url === null) continue;
      const entry: LinkedStory = {
        postId: item.postId,
        url,
        title: item.title,
        publishedAt: item.publishedAt,
        links: 0,
        from: 'feed',
        error: null,
      };
      if (item.fullContent) {
        for (const l of item.links) links.push({ url: l.url, anchorText: l.anchorText, storyUrl: url });
        entry.links = item.links.length;
      } else {
        try {
          const read = await source.story(url, { force: request.refresh ?? false });
          if (read.result.state === 'ok') {
            if (store !== undefined && read.from === 'network') await saveStory(store, read.result.story, read.page);
            const body = read.result.story.bodyLinks.filter((l) => l.kind !== 'user-mention');
            for (const l of body) links.push({ url: l.url, anchorText: l.anchorText, storyUrl: url });
            entry.links = body.length;
            entry.from = read.from === 'network' ? 'page' : 'store';
            if (read.result.story.publication?.domain) excluded.add(read.result.story.publication.domain);
          } else if (read.result.state === 'blocked') {
            entry.from = 'blocked';
            advice = read.result.advice;
          } else {
            entry.from = 'failed';
            entry.error = { code: read.result.code, message: read.result.message };
          }
        } catch (error) {
          const e = asLinkwrightError(error, url);
          entry.from = 'failed';
          entry.error = { code: e.code, message: e.message };
        }
      }
      stories.push(entry);
    }
  } else if (store !== undefined) {
    // The feed did not answer: fall back to the author's stories already captured (their stored bytes).
    for (const post of (await listMediumPosts(store.db, { authorUsername: username })).slice(0, max)) {
      const entry: LinkedStory = {
        postId: post.postId,
        url: post.url,
        title: post.title,
        publishedAt: post.publishedAt,
        links: 0,
        from: 'store',
        error: null,
      };
      const page = post.snapshotId === null ? null : await loadSnapshotPage(store, post.snapshotId);
      const result = page === null ? null : interpretStoryPage(page);
      if (result?.state === 'ok') {
        const body = result.story.bodyLinks.filter((l) => l.kind !== 'user-mention');
        for (const l of body) links.push({ url: l.url, anchorText: l.anchorText, storyUrl: post.url });
        entry.links = body.length;
        stories.push(entry);
      }
    }
  }

  const excludeDomains = [...excluded];
  return {
    username,
    feedUrl,
    feed: feedState,
    feedError,
    advice,
    stories,
    excludedDomains: excludeDomains,
    summary: summariseOutboundLinks(links, {
      excludeDomains,
      ...(request.examplesPerGroup === undefined ? {} : { examplesPerGroup: request.examplesPerGroup }),
    }),
  };
}
