/**
 * Judging one author: reader output (profile + feed author record, story pages) → the discovery analyses'
 * evidence → metrics, 0–100 score and quality gate (src/core/discovery). Shared by `discover` (every found
 * author) and `author @x` (one author, live). Pure: the analysis time comes in as `now`.
 */
import {
  type AuthorEvidence,
  type AuthorEvidencePost,
  type AuthorMetrics,
  type AuthorMetricsOptions,
  type AuthorScore,
  applyQualityGate,
  computeAuthorMetrics,
  type GateResult,
  type NicheDefinition,
  type QualityGate,
  type ScoreWeights,
  scoreAuthor,
} from '../core/discovery/index.js';
import type { MediumAuthor, MediumFeed, MediumStory } from '../core/medium/medium-types.js';

export interface AuthorJudgement {
  evidence: AuthorEvidence;
  metrics: AuthorMetrics;
  score: AuthorScore;
  gate: GateResult;
}

export interface JudgeOptions {
  gate?: Partial<QualityGate>;
  weights?: Partial<ScoreWeights>;
  metrics?: Partial<AuthorMetricsOptions>;
}

/**
 * The evidence of one author. Post order matters: computeAuthorMetrics merges duplicates field by field with
 * the first known value winning, so the richest source goes first — story pages (claps, responses, word count,
 * publication), then the profile state (claps, dates, tags), then the feed (dates, tags).
 */
export function authorEvidence(author: MediumAuthor, stories: readonly MediumStory[]): AuthorEvidence {
  const username = author.username?.toLowerCase() ?? null;
  // Stories the caller attributed to this author; one whose page names someone else is left out.
  const own = stories.filter(
    (s) =>
      !(author.userId !== null && s.author.id !== null && s.author.id !== author.userId) &&
      !(username !== null && s.author.username !== null && s.author.username.toLowerCase() !== username),
  );
  const posts: AuthorEvidencePost[] = [
    ...own.map((s) => ({
      postId: s.postId,
      title: s.title,
      tags: s.tags,
      publishedAt: s.publishedAt,
      claps: s.claps,
      responses: s.responses,
      publication: s.publication === null ? null : { id: s.publication.id, name: s.publication.name, slug: s.publication.slug },
      // A story page says whether the post is in a publication (null = independent).
      publicationKnown: true,
      wordCount: s.wordCount,
    })),
    ...author.posts.map((p) => ({
      postId: p.postId,
      title: p.title,
      tags: p.tags,
      publishedAt: p.publishedAt,
      claps: p.claps,
      responses: null,
      publication: null,
      // Profile and feed post lists do not carry membership (see AuthorEvidencePost.publicationKnown).
      publicationKnown: false,
      wordCount: null,
    })),
  ];
  return {
    author: {
      id: author.userId,
      username: author.username,
      name: author.name,
      followers: author.followers,
      following: author.following,
      memberSince: author.memberSince,
    },
    posts,
  };
}

export function judgeAuthor(
  author: MediumAuthor,
  stories: readonly MediumStory[],
  niche: NicheDefinition,
  now: number,
  options: JudgeOptions = {},
): AuthorJudgement {
  const evidence = authorEvidence(author, stories);
  const metrics = computeAuthorMetrics(evidence, niche, now, options.metrics);
  return { evidence, metrics, score: scoreAuthor(metrics, options.weights), gate: applyQualityGate(metrics, options.gate) };
}

/**
 * An author known from the feed alone (the profile page was blocked or failed): user id, display name and the
 * latest posts; followers stay unknown, so the gate says "follower count unknown" instead of guessing.
 */
export function authorFromFeed(username: string, feed: MediumFeed | null, profileUrl: string | null): MediumAuthor {
  const ch = feed?.channel;
  const name = ch?.title === null || ch?.title === undefined ? null : (/^(?:Stories by )?(.+?) on Medium$/.exec(ch.title)?.[1] ?? null);
  return {
    username,
    name,
    bio: null,
    followers: null,
    following: null,
    memberSince: null,
    userId: ch?.userId ?? null,
    twitter: null,
    feedUrl: ch?.selfUrl ?? null,
    profileUrl,
    posts: (feed?.items ?? [])
      .filter((i): i is typeof i & { postId: string } => i.postId !== null)
      .map((i) => ({
        postId: i.postId,
        title: i.title,
        url: i.url,
        publishedAt: i.publishedAt,
        claps: null,
        tags: i.tags,
        from: 'feed' as const,
      })),
    source: 'feed',
  };
}
