/**
 * Use-case behind `linkwright keywords "<seed>"`: gather a corpus of Medium stories — the stories and feeds
 * already stored (by `discover`, `medium`, earlier `keywords --fetch` runs), files the user gives (saved story
 * pages, feed XML), and, with `fetch`, the tag feeds of the niche (and of background tags) plus the niche
 * stories' pages for their claps — then run the pure keyword research (core/keywords) over it.
 *
 * Gather, then analyse (DESIGN §3): stored records are replayed from their snapshots, so a run without
 * `fetch` touches no network and gives the same report on the same store.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock } from '../core/clock.js';
import type { ContentDocument } from '../core/content/content-types.js';
import { parseHtmlDocument } from '../core/content/html-document.js';
import { withMediumStory } from '../core/content/medium-story-document.js';
import { contentStatsOf } from '../core/content/runner.js';
import { decodeBody } from '../core/encoding/decode-body.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { KeywordReport, KeywordStory } from '../core/keywords/keyword-types.js';
import { researchKeywords, tagSlug } from '../core/keywords/research-keywords.js';
import { isMediumHost, mediumUsernameFromUrl } from '../core/medium/medium-ids.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import type { MediumFeedItem, MediumStory } from '../core/medium/medium-types.js';
import { readMediumFeed } from '../core/medium/read-feed.js';
import { readMediumStory } from '../core/medium/read-story.js';
import type { MediumSource } from '../fetch/medium-source.js';
import { listMediumPosts, type MediumPostRecord } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';
import { latestSnapshotIdsByUrlFragment } from '../store/snapshots-repository.js';
import { bodyText } from './content-input.js';
import { loadSnapshotPage, persistPage, saveStory } from './medium-pages.js';

export interface KeywordsRequest {
  seed: string;
  /** Niche tags (`--tag`); the seed's slug is always one. */
  tags: string[];
  /** Tags whose feeds are fetched as background (other niches), with `fetch`. */
  backgroundTags?: string[];
  /** Saved story pages (.html) and feeds (.xml/.rss/.atom or any file starting like XML). */
  files?: string[];
  cwd: string;
  /** Fetch the niche and background tag feeds, and the niche stories' pages (for claps). */
  fetch?: boolean;
  /** With `fetch`: at most this many story pages are read (each is one polite Medium request). Default 20. */
  maxStoryPages?: number;
  limit?: number;
}

export interface KeywordsDeps {
  clock: Clock;
  store?: Store;
  /** Needed for `fetch`. */
  source?: MediumSource;
  /** The configured Medium origin (LINKWRIGHT_MEDIUM_ORIGIN): its feeds count as Medium feeds besides medium.com's. */
  mediumOrigin?: string;
  onProgress?: (event: { stage: 'feeds' | 'stories'; done: number; total: number; url: string }) => void;
}

export interface KeywordsOutcome {
  report: KeywordReport;
  sources: {
    storedStories: number;
    storedFeeds: number;
    /** Stored Medium feed URLs whose newest capture is not a readable feed (an error page, a challenge). */
    skippedFeeds: string[];
    files: number;
    fetchedFeeds: { url: string; state: 'ok' | 'blocked' | 'failed'; items: number; error: string | null }[];
    fetchedStories: number;
    failedStories: number;
  };
}

/** Default number of story pages a `--fetch` run reads: 20 × ≥ 2 s = under a minute of polite Medium requests. */
export const DEFAULT_MAX_STORY_PAGES = 20;

/** 2 = an analysed body (text + statistics), 1 = text only (a feed snippet), 0 = no text. */
function bodyRank(s: KeywordStory): number {
  return s.stats !== null && s.text !== null ? 2 : s.text !== null ? 1 : 0;
}

/** Collects stories by key; a later record fills in what an earlier one lacked (text, claps, author, tags). */
class Corpus {
  private readonly byKey = new Map<string, KeywordStory>();
  add(story: KeywordStory): void {
    const had = this.byKey.get(story.key);
    if (had === undefined) {
      this.byKey.set(story.key, story);
      return;
    }
    // The body travels as one piece (text with its statistics): an analysed body beats a feed snippet, which
    // beats nothing — whichever record arrived first.
    const body = bodyRank(story) > bodyRank(had) ? story : had;
    this.byKey.set(story.key, {
      key: story.key,
      url: had.url ?? story.url,
      title: had.title ?? story.title,
      authorUsername: had.authorUsername ?? story.authorUsername,
      authorName: had.authorName ?? story.authorName,
      claps: had.claps ?? story.claps,
      publishedAt: had.publishedAt ?? story.publishedAt,
      tags: had.tags.length > 0 ? had.tags : story.tags,
      text: body.text,
      stats: body.stats,
    });
  }
  get size(): number {
    return this.byKey.size;
  }
  stories(): KeywordStory[] {
    return [...this.byKey.values()];
  }
}

function bodyOf(doc: ContentDocument): Pick<KeywordStory, 'text' | 'stats'> {
  const text = bodyText(doc).trim();
  if (text === '') return { text: null, stats: null };
  const s = contentStatsOf(doc);
  return {
    text,
    stats: { words: s.words, readingTimeMinutes: s.readingTimeMinutes, fleschReadingEase: s.fleschReadingEase, subheadings: s.subheadings, images: s.images },
  };
}

function storyOfPost(post: MediumPostRecord, doc: ContentDocument | null): KeywordStory {
  return {
    key: post.postId,
    url: post.url,
    title: post.title,
    authorUsername: post.authorUsername,
    authorName: null,
    claps: post.claps,
    publishedAt: post.publishedAt,
    tags: post.tags.map((t) => t.toLowerCase()),
    ...(doc === null ? { text: null, stats: null } : bodyOf(doc)),
  };
}

function storyOfFeedItem(item: MediumFeedItem): KeywordStory | null {
  const key = item.postId ?? item.url;
  if (key === null) return null;
  const body = item.contentHtml === null ? { text: item.snippet, stats: null } : bodyOf(parseHtmlDocument(item.contentHtml, { url: item.url }));
  return {
    key,
    url: item.url,
    title: item.title,
    authorUsername: item.url === null ? null : (mediumUsernameFromUrl(item.url)?.toLowerCase() ?? null),
    authorName: item.authorName,
    claps: null,
    publishedAt: item.publishedAt,
    tags: item.tags.map((t) => t.toLowerCase()),
    ...body,
  };
}

/**
 * A stored feed URL that is a Medium feed: on medium.com / *.medium.com or the configured origin, with a
 * `/feed/…` path (or `/@user/feed`). Publications on custom domains are only known as such through their
 * story records, so their feeds are left out rather than mistaking any blog's RSS for Medium.
 */
function isMediumFeedUrl(url: string, origin: string | undefined): boolean {
  const u = parseHttpUrl(url);
  if (u === null) return false;
  if (!isMediumHost(u.hostname) && (origin === undefined || u.origin !== parseHttpUrl(origin)?.origin)) return false;
  return /^\/feed\//.test(u.pathname) || /^\/@[^/]+\/feed\/?$/.test(u.pathname);
}

/** A saved story page or feed file → stories. */
function storiesOfFile(text: string, path: string): KeywordStory[] {
  const head = text.slice(0, 512).trimStart();
  if (/^(?:<\?xml|<rss\b|<feed\b|<rdf:RDF\b)/i.test(head)) {
    const feed = readMediumFeed(text);
    if (feed.state !== 'ok') throw new LinkwrightError('CHALLENGE_BLOCKED', `${path}: the saved feed is a bot challenge page`);
    return feed.feed.items.flatMap((i) => storyOfFeedItem(i) ?? []);
  }
  const read = readMediumStory(text);
  if (read.state !== 'ok') {
    throw new LinkwrightError('INVALID_INPUT', `${path}: not a Medium story page (${read.state === 'blocked' ? 'a bot challenge was saved' : read.message})`, {
      position: { input: path },
    });
  }
  return [storyOfPage(read.story, text, read.story.url)];
}

/** A story read from its page: the reader's record with the body of the page (windowed to the story). */
function storyOfPage(s: MediumStory, html: string, url: string): KeywordStory {
  return {
    key: s.postId,
    url: s.url,
    title: s.title,
    authorUsername: s.author.username?.toLowerCase() ?? null,
    authorName: s.author.name,
    claps: s.claps,
    publishedAt: s.publishedAt,
    tags: (s.tags ?? []).map((t) => t.toLowerCase()),
    ...bodyOf(withMediumStory(parseHtmlDocument(html, { url }), s)),
  };
}

export async function researchKeywordsFromSources(deps: KeywordsDeps, request: KeywordsRequest): Promise<KeywordsOutcome> {
  const seed = request.seed.trim();
  if (seed === '') throw new LinkwrightError('INVALID_INPUT', 'give a seed keyphrase, e.g. linkwright keywords "link building"');
  const nicheTags = [...new Set([...request.tags.map(tagSlug), tagSlug(seed)].filter((t) => t !== ''))];
  const corpus = new Corpus();
  const sources: KeywordsOutcome['sources'] = {
    storedStories: 0,
    storedFeeds: 0,
    skippedFeeds: [],
    files: 0,
    fetchedFeeds: [],
    fetchedStories: 0,
    failedStories: 0,
  };

  // ---- 1. fetch (first, so what it stores is read back below like everything else)
  if (request.fetch === true) {
    const source = deps.source;
    if (source === undefined) throw new LinkwrightError('CONFIG_INVALID', 'fetching tag feeds needs a Medium source');
    const feedTags = [...new Set([...nicheTags, ...(request.backgroundTags ?? []).map(tagSlug)])];
    const storyUrls: string[] = [];
    let done = 0;
    for (const tag of feedTags) {
      const url = source.tagFeedUrl(tag);
      deps.onProgress?.({ stage: 'feeds', done, total: feedTags.length, url });
      try {
        const read = await source.feed(url);
        if (deps.store !== undefined) await persistPage(deps.store, read.page);
        if (read.result.state === 'ok') {
          sources.fetchedFeeds.push({ url, state: 'ok', items: read.result.feed.items.length, error: null });
          for (const item of read.result.feed.items) {
            const story = storyOfFeedItem(item);
            if (story !== null) corpus.add(story);
            if (nicheTags.includes(tag) && item.url !== null) storyUrls.push(item.url);
          }
        } else {
          sources.fetchedFeeds.push({ url, state: 'blocked', items: 0, error: null });
        }
      } catch (error) {
        sources.fetchedFeeds.push({ url, state: 'failed', items: 0, error: error instanceof Error ? error.message : String(error) });
      }
      done++;
    }
    const pages = [...new Set(storyUrls)].slice(0, request.maxStoryPages ?? DEFAULT_MAX_STORY_PAGES);
    done = 0;
    for (const url of pages) {
      deps.onProgress?.({ stage: 'stories', done, total: pages.length, url });
      try {
        const read = await source.story(url);
        if (read.result.state === 'ok') {
          if (deps.store !== undefined && read.from === 'network') await saveStory(deps.store, read.result.story, read.page);
          corpus.add(storyOfPage(read.result.story, read.page.text, read.page.finalUrl));
          sources.fetchedStories++;
        } else {
          sources.failedStories++;
        }
      } catch {
        sources.failedStories++;
      }
      done++;
    }
  }

  // ---- 2. the store: stories (replayed from their snapshots) and every stored feed
  if (deps.store !== undefined) {
    const store = deps.store;
    for (const post of await listMediumPosts(store.db)) {
      let doc: ContentDocument | null = null;
      if (post.snapshotId !== null) {
        const page = await loadSnapshotPage(store, post.snapshotId);
        if (page !== null) doc = parseHtmlDocument(page.text, { url: page.finalUrl });
      }
      corpus.add(storyOfPost(post, doc));
      sources.storedStories++;
    }
    const feedSnapshots = (await latestSnapshotIdsByUrlFragment(store.db, '/feed')).filter((f) => isMediumFeedUrl(f.url, deps.mediumOrigin));
    // Code-unit order, the same on every dialect (collations differ).
    feedSnapshots.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
    for (const { id, url } of feedSnapshots) {
      const page = await loadSnapshotPage(store, id);
      if (page === null) continue;
      let feed: ReturnType<typeof readMediumFeed>;
      try {
        feed = readMediumFeed(page.text, { url: page.finalUrl });
      } catch {
        // A stored answer that is not a feed (an error page stored by an audit): not part of the corpus.
        sources.skippedFeeds.push(url);
        continue;
      }
      if (feed.state !== 'ok') {
        sources.skippedFeeds.push(url);
        continue;
      }
      sources.storedFeeds++;
      for (const item of feed.feed.items) {
        const story = storyOfFeedItem(item);
        if (story !== null) corpus.add(story);
      }
    }
  }

  // ---- 3. files
  for (const file of request.files ?? []) {
    const path = resolve(request.cwd, file);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (cause) {
      throw new LinkwrightError('INPUT_NOT_FOUND', `cannot read ${file}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
        cause,
        position: { input: file },
      });
    }
    let stories: KeywordStory[];
    try {
      stories = storiesOfFile(decodeBody(bytes, null).text, file);
    } catch (cause) {
      const error = cause instanceof LinkwrightError ? cause : null;
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new LinkwrightError(error?.code ?? 'INVALID_INPUT', message.startsWith(`${file}:`) ? message : `${file}: ${message}`, {
        cause,
        position: { input: file },
      });
    }
    for (const story of stories) corpus.add(story);
    sources.files++;
  }

  const report = researchKeywords(corpus.stories(), { seed, tags: nicheTags }, request.limit === undefined ? {} : { limit: request.limit });
  return { report, sources };
}
