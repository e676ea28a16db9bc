/**
 * "Their newest story" for the agenda and pitch drafts (issue: "on which recent story (their newest story from
 * the feed)"). The user feed is the cheapest, least-blocked Medium source (medium-data.md §0: RSS first) and
 * lists the latest 10 stories, so its newest item is the story to respond to; when the feed cannot be read
 * (blocked, failed, offline) the newest story discovery stored is used instead, and the source says so.
 */
import type { StoryRef } from '../core/outreach/index.js';
import type { MediumSource } from '../fetch/medium-source.js';
import { listMediumPosts } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';

export type StorySource = 'feed' | 'store' | 'none';

export interface NewestStory {
  story: StoryRef | null;
  source: StorySource;
  /** Why the feed was not used (blocked, the error code), when it was tried and failed. */
  feedProblem?: string;
}

export interface StoryLookup {
  newestStory(username: string): Promise<NewestStory>;
}

/** Newest of (url, title, published) candidates; undated or unparseable ones are skipped. */
export function newestOf(candidates: readonly { url: string | null; title: string | null; publishedAt: string | null }[]): StoryRef | null {
  let best: StoryRef | null = null;
  for (const c of candidates) {
    if (c.url === null || c.publishedAt === null) continue;
    const at = Date.parse(c.publishedAt);
    if (!Number.isFinite(at)) continue;
    if (best === null || at > best.publishedAt) best = { url: c.url, title: c.title ?? c.url, publishedAt: at };
  }
  return best;
}

/** Stored stories only (no network): what discovery saw. */
export function storedStoryLookup(store: Store): StoryLookup {
  return {
    async newestStory(username) {
      const posts = await listMediumPosts(store.db, { authorUsername: username });
      const story = newestOf(posts);
      return { story, source: story === null ? 'none' : 'store' };
    },
  };
}

/** The user feed through MediumSource (polite fetcher), falling back to stored stories. */
export function feedStoryLookup(source: MediumSource, store: Store): StoryLookup {
  const stored = storedStoryLookup(store);
  return {
    async newestStory(username) {
      let problem: string;
      try {
        const read = await source.userFeed(username);
        if (read.result.state === 'ok') {
          const story = newestOf(read.result.feed.items);
          if (story !== null) return { story, source: 'feed' };
          problem = 'the feed lists no dated story';
        } else {
          problem = 'blocked';
        }
      } catch (error) {
        problem = error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : 'failed';
      }
      const fallback = await stored.newestStory(username);
      return { ...fallback, feedProblem: problem };
    },
  };
}
