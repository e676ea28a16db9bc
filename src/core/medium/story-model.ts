/**
 * Turning a Medium `Post` entity into story fields. Two shapes exist:
 * - the GraphQL/Apollo shape (2019+): `clapCount`, `voterCount`, `postResponses.count`, `creator`, `collection`,
 *   `tags[]`, `content.bodyModel.paragraphs[].markups[]` with `type: "A"` (notes §2.3, §5);
 * - the legacy shape (obvInit 2014–18 and `?format=json`): counters under `virtuals`, the author and publication
 *   in `references`, markups with numeric types (`3` = A) (notes §2.3 item 1, §4).
 */

import { relTokens, resolveHttpUrl } from './html-doc.js';
import { epochMsToIso } from './medium-ids.js';
import { bool, field, type Graph, isObject, type JsonObject, nonEmpty, num, path, str } from './medium-state.js';
import type { MediumBodyLink, MediumPublication, MediumStoryAuthor } from './medium-types.js';

export interface ModelMarkup {
  type: string;
  start: number;
  end: number;
  href: string | null;
  /** undefined/null: the model has no rel for this markup; "" : stored empty. */
  rel: string | null;
  anchorType: string | null;
  userId: string | null;
}

export interface ModelParagraph {
  name: string | null;
  type: string;
  text: string;
  /** Paragraph-level link (linked images). */
  href: string | null;
  markups: ModelMarkup[];
}

/** Story fields a Post entity can give (everything but the page-level facts). */
export interface StoryCore {
  postId: string | null;
  mediumUrl: string | null;
  title: string | null;
  subtitle: string | null;
  author: MediumStoryAuthor;
  publication: MediumPublication | null;
  /** true when the post entity says it has no publication (so a DOM guess must not add one). */
  publicationKnownAbsent: boolean;
  claps: number | null;
  voters: number | null;
  recommends: number | null;
  responses: number | null;
  readingTimeMinutes: number | null;
  wordCount: number | null;
  publishedAt: string | null;
  updatedAt: string | null;
  tags: string[] | null;
  canonicalUrl: string | null;
  isLocked: boolean | null;
  paragraphs: ModelParagraph[] | null;
}

// ------------------------------------------------------------------ GraphQL / Apollo shape

function countOf(v: unknown): number | null {
  return isObject(v) ? num(v.count) : num(v);
}

/** The `content(…)` variant with the most paragraphs (Apollo 3 may hold several metering variants). */
function pickContent(g: Graph): (candidates: unknown[]) => unknown {
  return (candidates) => {
    let best: unknown;
    let bestCount = -1;
    for (const c of candidates) {
      const paragraphs = path(c, ['bodyModel', 'paragraphs'], g);
      const n = Array.isArray(paragraphs) ? paragraphs.length : isObject(c) ? 0 : -1;
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  };
}

export function paragraphsFromGraph(post: JsonObject, g: Graph): ModelParagraph[] | null {
  const content = field(post, 'content', g, pickContent(g));
  const paragraphs = path(content, ['bodyModel', 'paragraphs'], g);
  if (!Array.isArray(paragraphs)) return null;
  const out: ModelParagraph[] = [];
  for (const raw of paragraphs) {
    const p = g.deref(raw);
    if (!isObject(p)) continue;
    const markupsRaw = field(p, 'markups', g);
    const markups: ModelMarkup[] = [];
    if (Array.isArray(markupsRaw)) {
      for (const mr of markupsRaw) {
        const m = g.deref(mr);
        if (!isObject(m)) continue;
        const start = num(m.start);
        const end = num(m.end);
        if (start === null || end === null) continue;
        markups.push({
          type: String(m.type ?? ''),
          start,
          end,
          href: str(m.href),
          rel: str(m.rel),
          anchorType: m.anchorType === null || m.anchorType === undefined ? null : String(m.anchorType),
          userId: nonEmpty(m.userId),
        });
      }
    }
    out.push({ name: str(p.name), type: String(p.type ?? ''), text: str(p.text) ?? '', href: nonEmpty(p.href), markups });
  }
  return out;
}

export function storyFromGraphPost(post: JsonObject, g: Graph): StoryCore {
  const creator = field(post, 'creator', g);
  const collection = field(post, 'collection', g);
  const tagsRaw = field(post, 'tags', g);
  const preview = field(post, 'previewContent', g);
  const responses = field(post, 'postResponses', g);
  const socialStats = isObject(creator) ? field(creator, 'socialStats', g) : undefined;
  let tags: string[] | null = null;
  if (Array.isArray(tagsRaw)) {
    tags = [];
    for (const t of tagsRaw) {
      const tag = g.deref(t);
      const slug = isObject(tag) ? (nonEmpty(tag.normalizedTagSlug) ?? nonEmpty(tag.slug) ?? nonEmpty(tag.id)) : null;
      if (slug !== null && !tags.includes(slug)) tags.push(slug);
    }
  }
  let publication: MediumPublication | null = null;
  if (isObject(collection)) {
    publication = {
      id: nonEmpty(collection.id),
      name: nonEmpty(collection.name),
      slug: nonEmpty(collection.slug),
      followers: num(collection.subscriberCount),
      domain: nonEmpty(collection.domain),
    };
  }
  return {
    postId: nonEmpty(post.id),
    mediumUrl: nonEmpty(post.mediumUrl),
    title: nonEmpty(post.title),
    subtitle: isObject(preview) ? nonEmpty(preview.subtitle) : null,
    author: {
      id: isObject(creator) ? nonEmpty(creator.id) : null,
      username: isObject(creator) ? nonEmpty(creator.username) : null,
      name: isObject(creator) ? nonEmpty(creator.name) : null,
      followers: isObject(socialStats) ? num(socialStats.followerCount) : null,
    },
    publication,
    // `collection: null` in the entity is a statement ("no publication"); a missing field says nothing.
    publicationKnownAbsent: 'collection' in post && post.collection === null,
    claps: num(post.clapCount),
    voters: num(post.voterCount),
    recommends: null,
    responses: countOf(responses) ?? num(post.responsesCount),
    readingTimeMinutes: num(post.readingTime),
    wordCount: num(post.wordCount),
    publishedAt: epochMsToIso(post.firstPublishedAt),
    updatedAt: epochMsToIso(post.updatedAt) ?? epochMsToIso(post.latestPublishedAt),
    tags,
    canonicalUrl: nonEmpty(post.canonicalUrl),
    isLocked: bool(post.isLocked),
    paragraphs: paragraphsFromGraph(post, g),
  };
}

// ------------------------------------------------------------------ legacy shape

/** Legacy numeric markup types: 1 STRONG, 2 EM, 3 A, 10 CODE (2015 fixture: links are `"type":3` with href). */
const LEGACY_MARKUP_TYPES: Record<number, string> = { 1: 'STRONG', 2: 'EM', 3: 'A', 10: 'CODE' };
/**
 * Legacy anchorType: 0 = LINK (fixture), 2 = USER (an @mention with `userId`; from memory of the old JSON API,
 * unverified — mentions are recognised by `userId` without `href` anyway).
 */
const LEGACY_ANCHOR_TYPES: Record<number, string> = { 0: 'LINK', 1: 'POST', 2: 'USER' };

export function paragraphsFromLegacy(bodyModel: unknown): ModelParagraph[] | null {
  if (!isObject(bodyModel) || !Array.isArray(bodyModel.paragraphs)) return null;
  const out: ModelParagraph[] = [];
  for (const p of bodyModel.paragraphs) {
    if (!isObject(p)) continue;
    const markups: ModelMarkup[] = [];
    for (const m of Array.isArray(p.markups) ? p.markups : []) {
      if (!isObject(m)) continue;
      const start = num(m.start);
      const end = num(m.end);
      if (start === null || end === null) continue;
      const t = typeof m.type === 'number' ? (LEGACY_MARKUP_TYPES[m.type] ?? String(m.type)) : String(m.type ?? '');
      const a = typeof m.anchorType === 'number' ? (LEGACY_ANCHOR_TYPES[m.anchorType] ?? String(m.anchorType)) : str(m.anchorType);
      markups.push({ type: t, start, end, href: nonEmpty(m.href), rel: str(m.rel), anchorType: a, userId: nonEmpty(m.userId) });
    }
    out.push({
      name: str(p.name),
      type: String(p.type ?? ''),
      text: str(p.text) ?? '',
      href: nonEmpty(p.href),
      markups,
    });
  }
  return out;
}

function refTable(refs: JsonObject, table: string): JsonObject {
  const t = refs[table];
  return isObject(t) ? t : {};
}

export function storyFromLegacyPost(post: JsonObject, refs: JsonObject): StoryCore {
  const virtuals = isObject(post.virtuals) ? post.virtuals : {};
  const creatorId = nonEmpty(post.creatorId);
  const creatorRef = creatorId === null ? undefined : refTable(refs, 'User')[creatorId];
  const creator = isObject(creatorRef) ? creatorRef : isObject(post.creator) ? post.creator : null;
  const userId = creatorId ?? (creator === null ? null : nonEmpty(creator.userId));
  const socialRef = userId === null ? undefined : refTable(refs, 'SocialStats')[userId];
  const collectionId = nonEmpty(post.homeCollectionId) ?? nonEmpty(post.approvedHomeCollectionId);
  let publication: MediumPublication | null = null;
  if (collectionId !== null) {
    const c = refTable(refs, 'Collection')[collectionId];
    const meta = isObject(c) && isObject(c.metadata) ? c.metadata : {};
    publication = {
      id: collectionId,
      name: isObject(c) ? nonEmpty(c.name) : null,
      slug: isObject(c) ? nonEmpty(c.slug) : null,
      followers: num(meta.followerCount),
      domain: isObject(c) ? nonEmpty(c.domain) : null,
    };
  }
  const content = isObject(post.content) ? post.content : {};
  const preview = isObject(post.previewContent) ? post.previewContent : {};
  let paragraphs = paragraphsFromLegacy(content.bodyModel);
  // A user's "latest" stream carries posts as previews; a preview is the whole body only when Medium says so.
  if (paragraphs === null && preview.isFullContent === true) paragraphs = paragraphsFromLegacy(preview.bodyModel);
  const totalClaps = num(virtuals.totalClapCount);
  return {
    postId: nonEmpty(post.id),
    mediumUrl: nonEmpty(post.mediumUrl),
    title: nonEmpty(post.title),
    subtitle: nonEmpty(content.subtitle) ?? nonEmpty(virtuals.subtitle),
    author: {
      id: userId,
      username: creator === null ? null : nonEmpty(creator.username),
      name: creator === null ? null : nonEmpty(creator.name),
      followers: isObject(socialRef) ? num(socialRef.usersFollowedByCount) : null,
    },
    publication,
    publicationKnownAbsent: collectionId === null && typeof post.homeCollectionId === 'string',
    claps: totalClaps,
    voters: null,
    recommends: num(virtuals.recommends),
    responses: num(virtuals.responsesCreatedCount),
    readingTimeMinutes: num(virtuals.readingTime),
    wordCount: num(virtuals.wordCount),
    publishedAt: epochMsToIso(post.firstPublishedAt),
    updatedAt: epochMsToIso(post.updatedAt) ?? epochMsToIso(post.latestPublishedAt),
    tags: Array.isArray(virtuals.tags)
      ? virtuals.tags.map((t) => (isObject(t) ? nonEmpty(t.slug) : nonEmpty(t))).filter((t): t is string => t !== null)
      : null,
    canonicalUrl: nonEmpty(post.canonicalUrl) ?? nonEmpty(post.webCanonicalUrl),
    isLocked: bool(post.isSubscriptionLocked),
    paragraphs,
  };
}

// ------------------------------------------------------------------ links from the model

/** Medium renders @mentions as `https://medium.com/u/<userId>` (seen in rendered pages' mention links). */
export function mentionUrl(userId: string): string {
  return `https://medium.com/u/${userId}`;
}

export function linksFromModel(paragraphs: readonly ModelParagraph[], base: string | null): MediumBodyLink[] {
  const out: MediumBodyLink[] = [];
  for (const p of paragraphs) {
    if (p.href !== null) {
      out.push({ url: resolveHttpUrl(p.href, base) ?? p.href, href: p.href, anchorText: '', rel: null, paragraph: p.name, kind: 'image' });
    }
    for (const m of p.markups) {
      if (m.type !== 'A') continue;
      // Offsets are UTF-16 code units, which is what String.prototype.slice counts (notes §2.2).
      const anchorText = p.text.slice(m.start, m.end);
      const isMention = m.anchorType === 'USER' || (m.userId !== null && m.href === null);
      if (isMention && m.userId !== null) {
        out.push({
          url: mentionUrl(m.userId),
          href: m.href,
          anchorText,
          rel: m.rel === null ? null : relTokens(m.rel),
          paragraph: p.name,
          kind: 'user-mention',
        });
        continue;
      }
      if (m.href === null) continue;
      out.push({
        url: resolveHttpUrl(m.href, base) ?? m.href,
        href: m.href,
        anchorText,
        rel: m.rel === null ? null : relTokens(m.rel),
        paragraph: p.name,
        kind: 'link',
      });
    }
  }
  return out;
}
