/**
 * Metrics of one Medium author, from evidence the app layer gathered (profile state, RSS feed, story pages).
 * Pure: the analysis time `now` is passed in (core has no clock, DESIGN §2).
 *
 * Rules shared by every metric:
 * - A metric whose inputs are missing is `value: null` with a `missing` message saying why — never a guess,
 *   never a default such as 0 (same convention as src/core/medium/medium-types.ts).
 * - `basedOn` says how many posts a post-derived value rests on, so a "median of 1" is visible as such.
 * - Post-derived metrics (cadence, niche share, claps, responses, publications) use the *recent sample*: the
 *   newest `recentPostLimit` posts (dated posts newest first, then undated ones in input order). Medium's
 *   RSS gives the latest 10 items and the profile state a first page of posts (medium-data.md §1, §3), so the
 *   evidence is already a recent sample; the limit keeps a long archive from diluting "what they write now".
 * - Counting metrics (posts in the window, last activity) use every dated post.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type DiscoveryMessage, discoveryMessage } from './messages.js';
import { compileNiche, matchNiche, type NicheDefinition, type NicheField } from './niche-match.js';

export type { NicheDefinition } from './niche-match.js';

const DAY_MS = 86_400_000;
/** Largest time a JS Date can hold (ECMA-262 §21.4.1.1 "Time Values and Time Range": ±8.64e15 ms). */
const MAX_EPOCH_MS = 8.64e15;

// ------------------------------------------------------------------ input

export interface AuthorEvidencePublication {
  id: string | null;
  name: string | null;
  slug: string | null;
}

export interface AuthorEvidencePost {
  /** Medium post id (12 hex); used to merge the same post seen in the feed and in the profile state. */
  postId: string;
  title: string | null;
  /** Tag slugs; null when the source carries no tag information (an empty array means "no tags"). */
  tags: readonly string[] | null;
  /** ISO-8601 (RFC 822 from a feed is accepted too); null when unknown. */
  publishedAt: string | null;
  claps: number | null;
  responses: number | null;
  /** The publication the post appeared in; null when it is not in one. */
  publication: AuthorEvidencePublication | null;
  /**
   * false when the source cannot tell publication membership (profile/feed post lists carry none, so a
   * null `publication` there means "unknown", not "independent"). Default: true.
   */
  publicationKnown?: boolean;
  wordCount: number | null;
}

export interface AuthorEvidenceAuthor {
  id: string | null;
  username: string | null;
  name: string | null;
  followers: number | null;
  following: number | null;
  /** `mediumMemberAt` as ISO; null when not a member or unknown. */
  memberSince: string | null;
}

/** What the app layer maps reader output (MediumAuthor, MediumStory, MediumFeedItem) onto. */
export interface AuthorEvidence {
  author: AuthorEvidenceAuthor;
  posts: readonly AuthorEvidencePost[];
}

export interface AuthorMetricsOptions {
  /**
   * Length of the activity window in days. 90 days = one quarter, the window the issue names ("posts in the
   * last 90 days"); Majestic's Fresh index uses the same 90-day horizon for "current" (feature-anchors §2).
   */
  windowDays: number;
  /** Size of the recent sample (see the file comment). 20 = two RSS pages' worth of the latest 10 items. */
  recentPostLimit: number;
  /** Fewest dated posts for a median gap (1 gap needs 2 posts). */
  minPostsForGap: number;
  /**
   * Fewest dated posts for the gap variation: 3 posts = 2 gaps, the least from which a spread can be read
   * (one gap always has variation 0).
   */
  minPostsForRegularity: number;
  /**
   * Fewest posts with clap counts for the viral metrics (max ÷ median, top share). With 1 post the ratio is
   * always 1 and with 2 at most 2; the one-hit rule applies "with ≥ 3 posts".
   */
  minPostsForViral: number;
}

export const AUTHOR_METRICS_DEFAULTS: Readonly<AuthorMetricsOptions> = Object.freeze({
  windowDays: 90,
  recentPostLimit: 20,
  minPostsForGap: 2,
  minPostsForRegularity: 3,
  minPostsForViral: 3,
});

// ------------------------------------------------------------------ output

export interface Measured<T> {
  value: T | null;
  /** Why `value` is null; null when the value is known. */
  missing: DiscoveryMessage | null;
  /** Number of posts the value rests on (post-derived metrics); null for author-level fields. */
  basedOn: number | null;
}

export interface NichePostMatch {
  postId: string;
  title: string | null;
  matched: boolean;
  terms: string[];
  fields: NicheField[];
}

export interface PublicationMembership {
  /** Collection id, else slug, else name — whichever the evidence has. */
  key: string;
  id: string | null;
  name: string | null;
  slug: string | null;
  posts: number;
}

export interface AuthorMetrics {
  author: { id: string | null; username: string | null; name: string | null; memberSince: string | null };
  /** The analysis time (`now`) as ISO. */
  asOf: string;
  windowDays: number;
  sample: {
    /** Distinct posts after merging duplicates. */
    posts: number;
    dated: number;
    undated: number;
    /** Size of the recent sample the post-derived metrics use. */
    recent: number;
  };
  followers: Measured<number>;
  following: Measured<number>;
  /**
   * Posts published in (now − windowDays, now]. `lowerBound` is true when the true count may be higher:
   * some posts are undated, or even the oldest post in the evidence is inside the window (the evidence may
   * be cut off, e.g. the RSS feed's 10 items).
   */
  postsInWindow: Measured<number> & { lowerBound: boolean };
  /** Median gap in days between consecutive dated posts of the recent sample. */
  medianGapDays: Measured<number>;
  /** Coefficient of variation of those gaps (population standard deviation ÷ mean). 0 = like clockwork. */
  gapVariation: Measured<number>;
  /**
   * Regularity 0..1 = 1 ÷ (1 + gapVariation). Random (Poisson) posting has exponential gaps, whose
   * coefficient of variation is 1 → 0.5; a fixed schedule → 1; bursts then silence (CV 2–3) → 0.33–0.25.
   */
  regularity: Measured<number>;
  /** Share of recent posts (with a title or tags) that match the niche. */
  nicheShare: Measured<number>;
  nicheMatches: NichePostMatch[];
  medianClaps: Measured<number>;
  maxClaps: Measured<number>;
  totalClaps: Measured<number>;
  /**
   * Max claps ÷ median claps over the recent sample; both floored at 1 clap so the ratio stays finite when
   * the median story has 0 claps (common: most content gets little engagement, feature-anchors §1.7).
   */
  viralDominance: Measured<number>;
  /** Share of all claps that the top story holds (0..1); 0 when no story has any clap. */
  topClapShare: Measured<number>;
  topPost: { postId: string; title: string | null; claps: number } | null;
  /** Mean responses per story over recent posts with a known count. */
  responsesPerStory: Measured<number>;
  /** Median word count of recent posts with a known count (informational; not a score factor). */
  medianWordCount: Measured<number>;
  /** Share of recent posts (whose membership is known) published in a publication. */
  publicationShare: Measured<number>;
  publications: PublicationMembership[];
  /** Publish time (ISO) of the newest dated post. */
  lastPostAt: Measured<string>;
  /** Whole-day precision is not forced: fractional days since the newest post (0 when it is dated in the future). */
  daysSinceLastPost: Measured<number>;
  /** Oddities of the evidence (duplicates merged, unreadable dates, negative counts…). */
  warnings: DiscoveryMessage[];
}

// ------------------------------------------------------------------ helpers

function known<T>(value: T, basedOn: number | null = null): Measured<T> {
  return { value, missing: null, basedOn };
}

function unknown<T>(missing: DiscoveryMessage, basedOn: number | null = null): Measured<T> {
  return { value: null, missing, basedOn };
}

/** Median of a non-empty list (mean of the two middle values for even lengths). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new LinkwrightError('INVALID_INPUT', 'median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

/** Population coefficient of variation; null when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  if (mean === 0) return null;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return Math.sqrt(variance) / mean;
}

function round(value: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

interface CleanPost {
  postId: string;
  title: string | null;
  tags: readonly string[] | null;
  publishedMs: number | null;
  publishedAt: string | null;
  claps: number | null;
  responses: number | null;
  publication: AuthorEvidencePublication | null;
  publicationKnown: boolean;
  wordCount: number | null;
  order: number;
}

function cleanCount(value: unknown, field: string, postId: string | null, warnings: DiscoveryMessage[]): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  warnings.push(discoveryMessage('metric.warning.invalid-count', { field, postId }));
  return null;
}

function nonEmpty(value: string | null | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** Merges duplicates by post id, field by field (first known value wins), and reads dates and counts. */
function cleanPosts(posts: readonly AuthorEvidencePost[], now: number, warnings: DiscoveryMessage[]): CleanPost[] {
  const byId = new Map<string, CleanPost>();
  const times = new Map<string, number>();
  const futureWarned = new Set<string>();
  posts.forEach((post, index) => {
    if (post === null || typeof post !== 'object' || typeof post.postId !== 'string' || post.postId === '') {
      throw new LinkwrightError('INVALID_INPUT', `author evidence post #${index} has no postId`, { details: { index } });
    }
    const id = post.postId;
    let publishedMs: number | null = null;
    let publishedAt: string | null = null;
    if (nonEmpty(post.publishedAt) !== null) {
      const ms = Date.parse(post.publishedAt as string);
      if (Number.isFinite(ms)) {
        publishedMs = ms;
        publishedAt = new Date(ms).toISOString();
        if (ms > now && !futureWarned.has(id)) {
          futureWarned.add(id);
          warnings.push(discoveryMessage('metric.warning.future-date', { postId: id, publishedAt }));
        }
      } else {
        warnings.push(discoveryMessage('metric.warning.invalid-date', { postId: id, value: post.publishedAt }));
      }
    }
    const tags = Array.isArray(post.tags) ? post.tags.filter((t) => typeof t === 'string') : null;
    const next: CleanPost = {
      postId: id,
      title: nonEmpty(post.title),
      tags,
      publishedMs,
      publishedAt,
      claps: cleanCount(post.claps, 'claps', id, warnings),
      responses: cleanCount(post.responses, 'responses', id, warnings),
      publication: post.publication ?? null,
      publicationKnown: (post.publication !== null && post.publication !== undefined) || post.publicationKnown !== false,
      wordCount: cleanCount(post.wordCount, 'wordCount', id, warnings),
      order: index,
    };
    const prev = byId.get(id);
    times.set(id, (times.get(id) ?? 0) + 1);
    if (prev === undefined) {
      byId.set(id, next);
      return;
    }
    byId.set(id, {
      postId: id,
      title: prev.title ?? next.title,
      tags: prev.tags !== null && prev.tags.length > 0 ? prev.tags : (next.tags ?? prev.tags),
      publishedMs: prev.publishedMs ?? next.publishedMs,
      publishedAt: prev.publishedAt ?? next.publishedAt,
      claps: prev.claps ?? next.claps,
      responses: prev.responses ?? next.responses,
      publication: prev.publication ?? next.publication,
      publicationKnown: prev.publicationKnown || next.publicationKnown,
      wordCount: prev.wordCount ?? next.wordCount,
      order: prev.order,
    });
  });
  for (const [postId, n] of times) {
    if (n > 1) warnings.push(discoveryMessage('metric.warning.duplicate-post', { postId, times: n }));
  }
  return [...byId.values()];
}

/** Dated posts newest first (ties by post id), then undated in input order. */
function newestFirst(posts: readonly CleanPost[]): CleanPost[] {
  const dated = posts
    .filter((p) => p.publishedMs !== null)
    .sort((a, b) => (b.publishedMs as number) - (a.publishedMs as number) || (a.postId < b.postId ? -1 : a.postId > b.postId ? 1 : 0));
  const undated = posts.filter((p) => p.publishedMs === null).sort((a, b) => a.order - b.order);
  return [...dated, ...undated];
}

function resolveOptions(options: Partial<AuthorMetricsOptions> | undefined): AuthorMetricsOptions {
  const o = { ...AUTHOR_METRICS_DEFAULTS, ...(options ?? {}) };
  for (const [key, value] of Object.entries(o)) {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      throw new LinkwrightError('INVALID_INPUT', `author metrics option ${key} must be a positive number`, { details: { key, value } });
    }
  }
  return o;
}

// ------------------------------------------------------------------ main

/**
 * All metrics of one author as of `now` (epoch ms). Throws `INVALID_INPUT` for a non-finite `now`, a post
 * without a postId, or a non-positive option; everything else that is odd in the evidence becomes a warning
 * and a null value.
 */
export function computeAuthorMetrics(
  input: AuthorEvidence,
  niche: NicheDefinition,
  now: number,
  options?: Partial<AuthorMetricsOptions>,
): AuthorMetrics {
  if (typeof now !== 'number' || !Number.isFinite(now) || Math.abs(now) > MAX_EPOCH_MS) {
    throw new LinkwrightError('INVALID_INPUT', 'computeAuthorMetrics needs the analysis time as epoch ms', { details: { now } });
  }
  if (
    input === null ||
    typeof input !== 'object' ||
    input.author === null ||
    typeof input.author !== 'object' ||
    !Array.isArray(input.posts)
  ) {
    throw new LinkwrightError('INVALID_INPUT', 'author evidence needs an author and a posts array');
  }
  const opts = resolveOptions(options);
  const warnings: DiscoveryMessage[] = [];
  const { author } = input;

  const followersRaw = cleanCount(author.followers, 'followers', null, warnings);
  const followingRaw = cleanCount(author.following, 'following', null, warnings);
  const followers = followersRaw === null ? unknown<number>(discoveryMessage('metric.followers.unknown')) : known(followersRaw);
  const following = followingRaw === null ? unknown<number>(discoveryMessage('metric.following.unknown')) : known(followingRaw);

  const posts = cleanPosts(input.posts, now, warnings);
  const ordered = newestFirst(posts);
  const dated = ordered.filter((p) => p.publishedMs !== null);
  const recent = ordered.slice(0, opts.recentPostLimit);
  const recentDated = recent.filter((p) => p.publishedMs !== null);
  const noPosts = discoveryMessage('metric.posts.none');
  const noDates = discoveryMessage('metric.dates.none');

  // ---- posts in the window
  const windowStart = now - opts.windowDays * DAY_MS;
  let postsInWindow: AuthorMetrics['postsInWindow'];
  if (posts.length === 0) {
    // An empty feed is a valid answer (medium-data.md §1): the evidence says "no posts", which is 0, not unknown.
    postsInWindow = { ...known(0, 0), lowerBound: false };
  } else if (dated.length === 0) {
    postsInWindow = { ...unknown<number>(noDates, 0), lowerBound: false };
  } else {
    // Posts dated after `now` (clock skew, scheduled stories) count as inside the window; they were warned about.
    const inWindow = dated.filter((p) => (p.publishedMs as number) > windowStart).length;
    const oldest = dated[dated.length - 1] as CleanPost;
    const lowerBound = dated.length < posts.length || (oldest.publishedMs as number) > windowStart;
    postsInWindow = { ...known(inWindow, dated.length), lowerBound };
  }

  // ---- last activity
  const newest = dated[0];
  const lastPostAt: Measured<string> =
    newest === undefined ? unknown(posts.length === 0 ? noPosts : noDates) : known(newest.publishedAt as string, dated.length);
  const daysSinceLastPost: Measured<number> =
    newest === undefined
      ? unknown(posts.length === 0 ? noPosts : noDates)
      : known(round(Math.max(0, now - (newest.publishedMs as number)) / DAY_MS), dated.length);

  // ---- cadence (recent dated posts, oldest → newest)
  const chrono = [...recentDated].reverse();
  const gaps: number[] = [];
  for (let i = 1; i < chrono.length; i++) {
    gaps.push(((chrono[i]?.publishedMs as number) - (chrono[i - 1]?.publishedMs as number)) / DAY_MS);
  }
  const tooFew = (need: number): DiscoveryMessage =>
    posts.length === 0 ? noPosts : discoveryMessage('metric.cadence.too-few-posts', { have: recentDated.length, need });
  const medianGapDays: Measured<number> =
    recentDated.length < opts.minPostsForGap
      ? unknown(tooFew(opts.minPostsForGap), recentDated.length)
      : known(round(median(gaps)), recentDated.length);
  let gapVariation: Measured<number>;
  let regularity: Measured<number>;
  if (recentDated.length < opts.minPostsForRegularity) {
    gapVariation = unknown(tooFew(opts.minPostsForRegularity), recentDated.length);
    regularity = unknown(tooFew(opts.minPostsForRegularity), recentDated.length);
  } else {
    const cv = coefficientOfVariation(gaps);
    if (cv === null) {
      const same = discoveryMessage('metric.cadence.same-time', { posts: recentDated.length });
      gapVariation = unknown(same, recentDated.length);
      regularity = unknown(same, recentDated.length);
    } else {
      gapVariation = known(round(cv), recentDated.length);
      regularity = known(round(1 / (1 + cv)), recentDated.length);
    }
  }

  // ---- niche share
  const compiled = compileNiche(niche ?? { keywords: [], tags: [] });
  const nicheMatches: NichePostMatch[] = [];
  let nicheShare: Measured<number>;
  if (compiled.terms.length === 0) {
    nicheShare = unknown(discoveryMessage('metric.niche.empty'), 0);
  } else {
    for (const p of recent) {
      const m = matchNiche(compiled, p);
      if (m !== null) nicheMatches.push({ postId: p.postId, title: p.title, ...m });
    }
    const matched = nicheMatches.filter((m) => m.matched).length;
    nicheShare =
      nicheMatches.length === 0
        ? unknown(posts.length === 0 ? noPosts : discoveryMessage('metric.niche.no-text'), 0)
        : known(round(matched / nicheMatches.length), nicheMatches.length);
  }

  // ---- claps
  const clapped = recent.filter((p) => p.claps !== null);
  const claps = clapped.map((p) => p.claps as number);
  const clapsMissing = posts.length === 0 ? noPosts : discoveryMessage('metric.claps.unknown');
  const medianClaps: Measured<number> = claps.length === 0 ? unknown(clapsMissing, 0) : known(round(median(claps), 2), claps.length);
  const maxClaps: Measured<number> = claps.length === 0 ? unknown(clapsMissing, 0) : known(Math.max(...claps), claps.length);
  const total = claps.reduce((a, b) => a + b, 0);
  const totalClaps: Measured<number> = claps.length === 0 ? unknown(clapsMissing, 0) : known(total, claps.length);
  let viralDominance: Measured<number>;
  let topClapShare: Measured<number>;
  let topPost: AuthorMetrics['topPost'] = null;
  if (claps.length < opts.minPostsForViral) {
    const why =
      claps.length === 0 ? clapsMissing : discoveryMessage('metric.claps.too-few', { have: claps.length, need: opts.minPostsForViral });
    viralDominance = unknown(why, claps.length);
    topClapShare = unknown(why, claps.length);
  } else {
    const max = Math.max(...claps);
    viralDominance = known(round(Math.max(max, 1) / Math.max(median(claps), 1), 2), claps.length);
    topClapShare = known(total === 0 ? 0 : round(max / total), claps.length);
  }
  if (clapped.length > 0) {
    // First of the highest (recent sample is newest-first, so ties go to the newest story).
    const top = clapped.reduce((best, p) => ((p.claps as number) > (best.claps as number) ? p : best));
    topPost = { postId: top.postId, title: top.title, claps: top.claps as number };
  }

  // ---- responses
  const answered = recent.filter((p) => p.responses !== null).map((p) => p.responses as number);
  const responsesPerStory: Measured<number> =
    answered.length === 0
      ? unknown(posts.length === 0 ? noPosts : discoveryMessage('metric.responses.unknown'), 0)
      : known(round(answered.reduce((a, b) => a + b, 0) / answered.length, 2), answered.length);

  // ---- length (reported, not scored: long is not better per se)
  const words = recent.filter((p) => p.wordCount !== null).map((p) => p.wordCount as number);
  const medianWordCount: Measured<number> =
    words.length === 0
      ? unknown(posts.length === 0 ? noPosts : discoveryMessage('metric.word-count.unknown'), 0)
      : known(round(median(words), 1), words.length);

  // ---- publications
  const pubs = new Map<string, PublicationMembership>();
  let inPublication = 0;
  const membershipKnown = recent.filter((p) => p.publicationKnown);
  for (const p of membershipKnown) {
    const pub = p.publication;
    if (pub === null || typeof pub !== 'object') continue;
    const key = nonEmpty(pub.id) ?? nonEmpty(pub.slug) ?? nonEmpty(pub.name);
    if (key === null) continue;
    inPublication++;
    const entry = pubs.get(key);
    if (entry === undefined) pubs.set(key, { key, id: nonEmpty(pub.id), name: nonEmpty(pub.name), slug: nonEmpty(pub.slug), posts: 1 });
    else entry.posts++;
  }
  const publications = [...pubs.values()].sort((a, b) => b.posts - a.posts || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const publicationShare: Measured<number> =
    recent.length === 0
      ? unknown(noPosts, 0)
      : membershipKnown.length === 0
        ? unknown(discoveryMessage('metric.publication.unknown'), 0)
        : known(round(inPublication / membershipKnown.length), membershipKnown.length);

  return {
    author: {
      id: nonEmpty(author.id),
      username: nonEmpty(author.username),
      name: nonEmpty(author.name),
      memberSince: nonEmpty(author.memberSince),
    },
    asOf: new Date(now).toISOString(),
    windowDays: opts.windowDays,
    sample: { posts: posts.length, dated: dated.length, undated: posts.length - dated.length, recent: recent.length },
    followers,
    following,
    postsInWindow,
    medianGapDays,
    gapVariation,
    regularity,
    nicheShare,
    nicheMatches,
    medianClaps,
    maxClaps,
    totalClaps,
    viralDominance,
    topClapShare,
    topPost,
    responsesPerStory,
    medianWordCount,
    publicationShare,
    publications,
    lastPostAt,
    daysSinceLastPost,
    warnings,
  };
}
