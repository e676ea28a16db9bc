/**
 * Use-case: find Medium authors worth a relationship (`linkwright discover "<keywords>" --tag … --limit N`).
 *
 * Pipeline (DESIGN §1 "Find influencers on Medium", medium-data.md §0 for the source order):
 * 1. keywords → tag slugs (Medium tag slugs are lower-case and hyphenated, notes §1), plus the `--tag`s;
 * 2. tag feeds (and the publication feeds the user lists) → the newest stories of the niche (RSS: 10 each);
 * 3. each story enriched from its page (claps, responses, reading time, author) — the feeds carry none of it;
 * 4. the authors found (at most `limit`, most niche stories first), each enriched from their user feed and
 *    profile page (followers, first page of posts with claps);
 * 5. per author: metrics → 0–100 score with per-factor explanations → quality gate (src/core/discovery);
 * 6. stored: stories, authors, a follower snapshot per profile capture, and one prospect per author with the
 *    score breakdown and the stage `found`/`qualified`.
 *
 * Failure policy: every fetch is one item. A blocked page (bot challenge) or a failed fetch is recorded,
 * counted and reported, and the run goes on with what it has; it never aborts the run and never becomes an
 * empty record. An author whose profile is blocked is still judged from their feed and stories, with the
 * follower count unknown (so the gate says so instead of guessing).
 *
 * Resumability: with a store, each item's state and snapshot are kept in discovery_runs/discovery_run_items.
 * The same query after an interruption resumes the unfinished run: `done` and `blocked` items are replayed
 * from their stored bytes, `failed` ones are tried again. A finished run is not resumed: running discover
 * again starts a new run that refreshes feeds and profiles (new follower snapshots) while story pages younger
 * than 24 h come from the store (MediumSource's story cache).
 */
import { mediumTagSlug } from '../core/medium/medium-ids.js';
import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import type {
  AuthorMetrics,
  AuthorMetricsOptions,
  DiscoveryMessage,
  GateCheck,
  NicheDefinition,
  QualityGate,
  ScoreFactor,
  ScoreWeights,
} from '../core/discovery/index.js';
import { mediumPostIdFromUrl, mediumUsernameFromUrl } from '../core/medium/medium-ids.js';
import type {
  MediumAuthor,
  MediumAuthorResult,
  MediumBlocked,
  MediumFeed,
  MediumFeedItem,
  MediumFeedResult,
  MediumStory,
  MediumStoryResult,
} from '../core/medium/medium-types.js';
import {
  asLinkwrightError,
  interpretFeedPage,
  interpretProfilePage,
  interpretStoryPage,
  type MediumPage,
  type MediumSource,
  type PageOrigin,
} from '../fetch/medium-source.js';
import {
  type DiscoveryItemState,
  type DiscoveryRunItem,
  discoveryItemKey,
  discoveryRunItems,
  finishDiscoveryRun,
  recordDiscoveryItem,
  startOrResumeDiscoveryRun,
} from '../store/discovery-runs-repository.js';
import { insertAuthorSnapshot, upsertMediumAuthor } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';
import { upsertProspect } from '../store/prospects-repository.js';
import { authorFromFeed, judgeAuthor } from './evaluate-author.js';
import { loadSnapshotPage, persistPage, saveStory } from './medium-pages.js';

/**
 * Default number of authors judged per run. Each costs two Medium requests (feed + profile) at ≥ 2 s apart
 * (DESIGN §5), so 20 authors ≈ 80 s of politeness on top of the story pages — a run that finishes while the
 * user waits; `--limit` raises it.
 */
export const DEFAULT_DISCOVER_LIMIT = 20;

export type DiscoverItemKind = 'tag-feed' | 'publication-feed' | 'story' | 'user-feed' | 'profile';

export interface DiscoverRequest {
  /** Free-text keywords ("link building"); each also becomes a tag slug. */
  keywords: string[];
  /** Medium tag slugs or names (`--tag seo`). */
  tags?: string[];
  /** Publication slugs whose feeds are read too. */
  publications?: string[];
  /** Most authors judged in this run (default DEFAULT_DISCOVER_LIMIT). */
  limit?: number;
  /** Fetch story pages again even when a capture younger than 24 h is stored. */
  refresh?: boolean;
  /** Ignore an unfinished run of the same query and start over. */
  restart?: boolean;
  gate?: Partial<QualityGate>;
  weights?: Partial<ScoreWeights>;
  metrics?: Partial<AuthorMetricsOptions>;
  /** Stops the run between two items (the interrupted run resumes next time). */
  signal?: AbortSignal;
}

export interface DiscoverProgress {
  stage: 'feeds' | 'stories' | 'authors';
  /** Items finished so far (all stages). */
  done: number;
  /** Items known so far (grows as feeds reveal stories and stories reveal authors). */
  total: number;
  current: string;
}

export interface DiscoverDeps {
  source: MediumSource;
  clock: Clock;
  store?: Store;
  onProgress?: (event: DiscoverProgress) => void;
}

export type ItemFrom = PageOrigin | 'replay';

export interface BlockedItem {
  kind: DiscoverItemKind;
  url: string;
  advice: string;
  signals: string[];
}

export interface FailedItem {
  kind: DiscoverItemKind;
  url: string;
  code: string;
  message: string;
}

export interface FeedReport {
  kind: 'tag-feed' | 'publication-feed';
  /** The tag slug or publication slug. */
  name: string;
  url: string;
  state: 'ok' | 'blocked' | 'failed';
  items: number;
}

export interface ProspectReport {
  rank: number;
  username: string;
  name: string | null;
  userId: string | null;
  profileUrl: string;
  followers: number | null;
  score: number;
  /** Share of the score's weight whose metric was known (0..1). */
  coverage: number;
  qualified: boolean;
  /** Why not qualified (empty when qualified): message ids + params; the shell renders them. */
  reasons: DiscoveryMessage[];
  factors: ScoreFactor[];
  checks: GateCheck[];
  metrics: AuthorMetrics;
  /** The stored stage (found/qualified, or the user's own stage); the computed one without a store. */
  stage: string;
  /** true for a new prospect, false for an updated one, null without a store. */
  created: boolean | null;
  evidence: {
    profile: 'ok' | 'blocked' | 'failed';
    feed: 'ok' | 'blocked' | 'failed';
    /** Story pages of this author read in this run. */
    storiesRead: number;
    storiesBlocked: number;
    /** Distinct posts the metrics rest on. */
    posts: number;
  };
}

export interface DiscoverOutcome {
  runId: number | null;
  resumed: boolean;
  query: { keywords: string[]; tags: string[]; publications: string[]; limit: number };
  niche: NicheDefinition;
  feeds: FeedReport[];
  counts: {
    /** Distinct stories found in the feeds. */
    stories: number;
    storiesRead: number;
    /** Authors seen in the stories; `authorsJudged` of them (≤ limit) were judged. */
    authorsFound: number;
    authorsJudged: number;
    /** Items served from the store instead of the network (resumed items, fresh story captures). */
    fromStore: number;
    fetched: number;
    blocked: number;
    failed: number;
  };
  /** Ranked: qualified first, then by score (the order a person reads a shortlist in). */
  prospects: ProspectReport[];
  blocked: BlockedItem[];
  failures: FailedItem[];
  /** Story URLs whose author could not be told (page blocked or failed, URL without @username). */
  unresolvedStories: string[];
}

/** Medium tag slugs (one rule for the whole project: core/medium/medium-ids.ts). */
export const tagSlug: (text: string) => string = mediumTagSlug;

/** The same query gives the same key, so running the command again resumes its unfinished run. */
export function discoverRunKey(query: DiscoverOutcome['query'], refresh: boolean): string {
  return createHash('sha256')
    .update(JSON.stringify({ ...query, refresh }))
    .digest('hex')
    .slice(0, 32);
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values.filter((v) => v !== ''))];
}

interface Gathered<R> {
  result: R | null;
  page: MediumPage | null;
  from: ItemFrom | null;
  error: { code: string; message: string } | null;
}

interface FoundStory {
  url: string;
  postId: string | null;
  order: number;
  /** Username from the URL (`/@user/slug-id`); null for publication and custom-domain URLs. */
  urlUsername: string | null;
  authorName: string | null;
  feedItem: MediumFeedItem;
}

interface FoundAuthor {
  username: string;
  displayName: string | null;
  order: number;
  stories: MediumStory[];
  storyUrls: Set<string>;
  blockedStories: number;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('discovery interrupted');
}

export async function discoverProspects(deps: DiscoverDeps, request: DiscoverRequest): Promise<DiscoverOutcome> {
  const { source, store, clock } = deps;
  const now = () => new Date(clock.now()).toISOString();
  const keywords = uniq(request.keywords.map((k) => k.trim()));
  const tags = uniq([...keywords.map(tagSlug), ...(request.tags ?? []).map(tagSlug)]);
  const publications = uniq((request.publications ?? []).map((p) => p.trim().replace(/^\/+|\/+$/g, '')));
  const limit = Math.max(0, Math.floor(request.limit ?? DEFAULT_DISCOVER_LIMIT));
  const query = { keywords, tags, publications, limit };
  const niche: NicheDefinition = { keywords, tags };

  const outcome: DiscoverOutcome = {
    runId: null,
    resumed: false,
    query,
    niche,
    feeds: [],
    counts: { stories: 0, storiesRead: 0, authorsFound: 0, authorsJudged: 0, fromStore: 0, fetched: 0, blocked: 0, failed: 0 },
    prospects: [],
    blocked: [],
    failures: [],
    unresolvedStories: [],
  };

  // ---- run bookkeeping (resumable only with a store)
  let runId: number | null = null;
  const previous = new Map<string, DiscoveryRunItem>();
  if (store !== undefined) {
    const run = await startOrResumeDiscoveryRun(store.db, {
      runKey: discoverRunKey(query, request.refresh ?? false),
      query,
      now: now(),
      restart: request.restart ?? false,
    });
    runId = run.id;
    outcome.runId = run.id;
    outcome.resumed = run.resumed;
    if (run.resumed) for (const item of await discoveryRunItems(store.db, run.id)) previous.set(item.itemKey, item);
  }

  let done = 0;
  let total = 0;
  const progress = (stage: DiscoverProgress['stage'], current: string) => deps.onProgress?.({ stage, done, total, current });

  const record = async (
    kind: DiscoverItemKind,
    url: string,
    state: DiscoveryItemState,
    extra: { snapshotId?: number | null; code?: string; message?: string } = {},
  ) => {
    if (store === undefined || runId === null) return;
    await recordDiscoveryItem(store.db, {
      runId,
      kind,
      url,
      state,
      snapshotId: extra.snapshotId ?? null,
      errorCode: extra.code ?? null,
      errorMessage: extra.message ?? null,
      now: now(),
    });
  };

  /**
   * One item: replay it from the store when a resumed run already has it, otherwise read it through
   * MediumSource, keep the page as a snapshot and record the item's state. Never throws for a fetch or parse
   * failure (recorded and returned as `error`); throws only when the run is interrupted.
   */
  const gather = async <R extends { state: string }>(
    stage: DiscoverProgress['stage'],
    kind: DiscoverItemKind,
    url: string,
    read: () => Promise<{ result: R; page: MediumPage; from: PageOrigin }>,
    interpret: (page: MediumPage) => R,
  ): Promise<Gathered<R>> => {
    if (request.signal?.aborted) throw abortReason(request.signal);
    const prior = previous.get(discoveryItemKey(kind, url));
    let gathered: Gathered<R> | null = null;
    if (store !== undefined && prior !== undefined && (prior.state === 'done' || prior.state === 'blocked') && prior.snapshotId !== null) {
      const page = await loadSnapshotPage(store, prior.snapshotId);
      if (page !== null) {
        try {
          gathered = { result: interpret(page), page, from: 'replay', error: null };
        } catch {
          gathered = null; // the stored bytes no longer read (reader changed): fetch again below
        }
      }
    }
    if (gathered === null) {
      try {
        const r = await read();
        gathered = { result: r.result, page: r.page, from: r.from, error: null };
      } catch (error) {
        const e = asLinkwrightError(error, url);
        gathered = { result: null, page: null, from: null, error: { code: e.code, message: e.message } };
      }
    }
    let snapshotId: number | null = null;
    if (store !== undefined && gathered.page !== null) snapshotId = await persistPage(store, gathered.page);
    if (gathered.from === 'replay' || gathered.from === 'store-cache') outcome.counts.fromStore++;
    else if (gathered.from === 'network') outcome.counts.fetched++;
    const result = gathered.result;
    if (gathered.error !== null) {
      outcome.counts.failed++;
      outcome.failures.push({ kind, url, ...gathered.error });
      await record(kind, url, 'failed', { code: gathered.error.code, message: gathered.error.message });
    } else if (result !== null && result.state === 'blocked') {
      const b = result as unknown as MediumBlocked;
      outcome.counts.blocked++;
      outcome.blocked.push({ kind, url, advice: b.advice, signals: b.signals });
      await record(kind, url, 'blocked', { snapshotId });
    } else if (result !== null && result.state === 'not-found') {
      const message = (result as unknown as { message: string }).message;
      outcome.counts.failed++;
      outcome.failures.push({ kind, url, code: 'MEDIUM_POST_NOT_FOUND', message });
      await record(kind, url, 'failed', { snapshotId, code: 'MEDIUM_POST_NOT_FOUND', message });
    } else {
      await record(kind, url, 'done', { snapshotId });
    }
    done++;
    progress(stage, url);
    return gathered;
  };

  // ---- 1. feeds
  const feedSpecs: { kind: 'tag-feed' | 'publication-feed'; name: string; url: string }[] = [
    ...tags.map((t) => ({ kind: 'tag-feed' as const, name: t, url: source.tagFeedUrl(t) })),
    ...publications.map((p) => ({ kind: 'publication-feed' as const, name: p, url: source.publicationFeedUrl(p) })),
  ];
  total += feedSpecs.length;
  const found = new Map<string, FoundStory>();
  for (const spec of feedSpecs) {
    const g = await gather<MediumFeedResult>(
      'feeds',
      spec.kind,
      spec.url,
      () => source.feed(spec.url),
      (page) => interpretFeedPage(page),
    );
    const feed = g.result?.state === 'ok' ? g.result.feed : null;
    outcome.feeds.push({
      kind: spec.kind,
      name: spec.name,
      url: spec.url,
      state: g.error !== null ? 'failed' : g.result?.state === 'blocked' ? 'blocked' : 'ok',
      items: feed?.items.length ?? 0,
    });
    for (const item of feed?.items ?? []) {
      if (item.url === null) continue;
      const postId = item.postId ?? mediumPostIdFromUrl(item.url);
      const key = postId ?? item.url;
      if (found.has(key)) continue;
      found.set(key, {
        url: item.url,
        postId,
        order: found.size,
        urlUsername: mediumUsernameFromUrl(item.url)?.toLowerCase() ?? null,
        authorName: item.authorName,
        feedItem: item,
      });
    }
  }
  outcome.counts.stories = found.size;
  total += found.size;

  // ---- 2. story pages
  const authors = new Map<string, FoundAuthor>();
  const authorFor = (username: string, displayName: string | null): FoundAuthor => {
    const key = username.toLowerCase();
    let a = authors.get(key);
    if (a === undefined) {
      a = { username: key, displayName, order: authors.size, stories: [], storyUrls: new Set(), blockedStories: 0 };
      authors.set(key, a);
    }
    a.displayName ??= displayName;
    return a;
  };
  for (const story of found.values()) {
    const g = await gather<MediumStoryResult>(
      'stories',
      'story',
      story.url,
      () => source.story(story.url, { force: request.refresh ?? false }),
      (page) => interpretStoryPage(page),
    );
    const result = g.result;
    if (result?.state === 'ok') {
      outcome.counts.storiesRead++;
      if (store !== undefined && g.page !== null) await saveStory(store, result.story, g.page);
      const username = result.story.author.username?.toLowerCase() ?? story.urlUsername;
      if (username === null) {
        outcome.unresolvedStories.push(story.url);
        continue;
      }
      const a = authorFor(username, result.story.author.name ?? story.authorName);
      a.stories.push(result.story);
      a.storyUrls.add(story.url);
    } else {
      // Blocked or failed: the story still tells who wrote it when its URL carries the username.
      if (story.urlUsername === null) {
        outcome.unresolvedStories.push(story.url);
        continue;
      }
      const a = authorFor(story.urlUsername, story.authorName);
      a.storyUrls.add(story.url);
      if (result?.state === 'blocked') a.blockedStories++;
    }
  }
  outcome.counts.authorsFound = authors.size;

  // ---- 3. authors: most stories in the niche feeds first, then in order of appearance
  const chosen = [...authors.values()].sort((a, b) => b.storyUrls.size - a.storyUrls.size || a.order - b.order).slice(0, limit);
  outcome.counts.authorsJudged = chosen.length;
  total += chosen.length * 2;
  const judgedAt = clock.now();
  const unranked: ProspectReport[] = [];
  for (const a of chosen) {
    const feedUrl = source.userFeedUrl(a.username);
    const feedG = await gather<MediumFeedResult>(
      'authors',
      'user-feed',
      feedUrl,
      () => source.feed(feedUrl),
      (page) => interpretFeedPage(page),
    );
    const feed: MediumFeed | null = feedG.result?.state === 'ok' ? feedG.result.feed : null;
    const profileUrl = source.profileUrl(a.username);
    const profileG = await gather<MediumAuthorResult>(
      'authors',
      'profile',
      profileUrl,
      () => source.profile(a.username, feed ?? undefined),
      (page) => interpretProfilePage(page, feed ?? undefined),
    );
    const profileState: ProspectReport['evidence']['profile'] =
      profileG.error !== null ? 'failed' : profileG.result?.state === 'ok' ? 'ok' : 'blocked';
    const feedState: ProspectReport['evidence']['feed'] = feedG.error !== null ? 'failed' : feed !== null ? 'ok' : 'blocked';
    let author: MediumAuthor = profileG.result?.state === 'ok' ? profileG.result.author : authorFromFeed(a.username, feed, profileUrl);
    author = { ...author, username: author.username ?? a.username, name: author.name ?? a.displayName };
    const judgement = judgeAuthor(author, a.stories, niche, judgedAt, {
      ...(request.gate ? { gate: request.gate } : {}),
      ...(request.weights ? { weights: request.weights } : {}),
      ...(request.metrics ? { metrics: request.metrics } : {}),
    });
    const report: ProspectReport = {
      rank: 0,
      username: a.username,
      name: author.name,
      userId: author.userId,
      profileUrl: author.profileUrl ?? profileUrl,
      followers: author.followers,
      score: judgement.score.score,
      coverage: judgement.score.coverage,
      qualified: judgement.gate.qualified,
      reasons: judgement.gate.reasons,
      factors: judgement.score.factors,
      checks: judgement.gate.checks,
      metrics: judgement.metrics,
      stage: judgement.gate.qualified ? 'qualified' : 'found',
      created: null,
      evidence: {
        profile: profileState,
        feed: feedState,
        storiesRead: a.stories.length,
        storiesBlocked: a.blockedStories,
        posts: judgement.metrics.sample.posts,
      },
    };
    if (store !== undefined) {
      const capturedAt = profileG.result?.state === 'ok' && profileG.page !== null ? profileG.page.fetchedAt : now();
      const authorId = await upsertMediumAuthor(store.db, {
        userId: author.userId,
        username: a.username,
        name: author.name,
        bio: author.bio,
        followers: author.followers,
        following: author.following,
        memberSince: author.memberSince,
        profileUrl: report.profileUrl,
        capturedAt,
      });
      // Follower history: one row per profile capture (a replayed capture has the same time: no duplicate).
      if (profileG.result?.state === 'ok') {
        await insertAuthorSnapshot(store.db, { authorId, capturedAt, followers: author.followers, following: author.following });
      }
      const saved = await upsertProspect(store.db, {
        authorId,
        niche: [...keywords, ...tags.filter((t) => !keywords.map(tagSlug).includes(t)).map((t) => `#${t}`)].join(', '),
        score: report.score,
        coverage: report.coverage,
        breakdown: report.factors,
        qualified: report.qualified,
        gateReasons: report.reasons,
        now: now(),
      });
      report.stage = saved.stage;
      report.created = saved.created;
    }
    unranked.push(report);
  }

  outcome.prospects = unranked
    .sort((x, y) => Number(y.qualified) - Number(x.qualified) || y.score - x.score || (x.username < y.username ? -1 : 1))
    .map((p, i) => ({ ...p, rank: i + 1 }));
  if (store !== undefined && runId !== null) await finishDiscoveryRun(store.db, runId, now());
  return outcome;
}
