/**
 * Renders the demo world: Medium pages through the synthetic Medium renderers of src/core/medium
 * (2022+ markup, Apollo 3 state), and plain pages for the user's site.
 */
import { feedItemFromStory, renderMediumFeed } from '../core/medium/synthetic/feed.js';
import { renderProfilePage } from '../core/medium/synthetic/profile-page.js';
import { paragraphFromParts, renderApollo3StoryPage } from '../core/medium/synthetic/story-page.js';
import type {
  SyntheticOtherPost,
  SyntheticPublication,
  SyntheticStory,
  SyntheticUser,
} from '../core/medium/synthetic/synthetic-types.js';
import { escapeAttr, escapeHtml } from '../core/medium/synthetic/escape.js';
export { CHALLENGE_HEADERS, CHALLENGE_STATUS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { type DemoPhase, type DemoPlacementStory, paragraphsAt } from './demo-world-outreach.js';
import {
  type DemoAuthor,
  type DemoPublication,
  type DemoSitePage,
  type DemoStory,
  type DemoWorld,
  resolveDemoHref,
  storiesOf,
} from './demo-world.js';

export interface DemoOrigins {
  medium: string;
  site: string;
}

function syntheticUser(author: DemoAuthor, origins: DemoOrigins): SyntheticUser {
  return {
    id: author.id,
    username: author.username,
    name: author.name,
    bio: author.bio,
    ...(author.bioLink ? { bioLink: { href: resolveDemoHref(author.bioLink.href, origins.site), text: author.bioLink.text } } : {}),
    followers: author.followers,
    following: author.following,
    memberSince: author.memberSince,
    twitter: null,
  };
}

const PARAGRAPH_TYPE = { p: 'P', h3: 'H3', quote: 'BQ' } as const;

function tagOf(slug: string) {
  return { slug, title: slug.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') };
}

function syntheticPublication(pub: DemoPublication): SyntheticPublication {
  return { id: pub.id, slug: pub.slug, name: pub.name, description: pub.description, followers: pub.followers, domain: null };
}

function publicationOf(world: DemoWorld, story: DemoStory): SyntheticPublication | null {
  const pub = story.publicationSlug ? world.medium.publications.find((p) => p.slug === story.publicationSlug) : undefined;
  return pub === undefined ? null : syntheticPublication(pub);
}

function otherPost(world: DemoWorld, story: DemoStory, origins: DemoOrigins): SyntheticOtherPost {
  const author = world.medium.authors.find((a) => a.id === story.authorId) as DemoAuthor;
  return {
    id: story.postId,
    slug: story.slug,
    title: story.title,
    subtitle: story.subtitle,
    author: syntheticUser(author, origins),
    publication: publicationOf(world, story),
    claps: story.claps,
    voters: story.voters,
    publishedAt: story.publishedAt,
    readingTime: story.readingTimeMinutes,
    isLocked: story.memberOnly ?? false,
    tags: story.tags.map(tagOf),
  };
}

/** Medium shows a few stories under "More from" and "Recommended"; the demo shows the newest three of each. */
const RELATED_SHOWN = 3;

export function syntheticStoryOf(world: DemoWorld, story: DemoStory, origins: DemoOrigins): SyntheticStory {
  const author = world.medium.authors.find((a) => a.id === story.authorId);
  if (!author) throw new Error(`demo story ${story.postId} has no author ${story.authorId}`);
  const others = world.medium.stories
    .filter((s) => s.postId !== story.postId)
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
  return {
    id: story.postId,
    slug: story.slug,
    title: story.title,
    subtitle: story.subtitle,
    author: syntheticUser(author, origins),
    publication: publicationOf(world, story),
    claps: story.claps,
    voters: story.voters,
    responses: story.responses,
    readingTime: story.readingTimeMinutes,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    tags: story.tags.map(tagOf),
    canonicalUrl: story.canonicalPath ? new URL(story.canonicalPath, origins.site).toString() : null,
    isLocked: story.memberOnly ?? false,
    paragraphs: story.paragraphs.map((p, i) =>
      paragraphFromParts(
        (0x1a2b + i * 0x111).toString(16).slice(-4),
        PARAGRAPH_TYPE[p.kind],
        p.parts.map((part) => (typeof part === 'string' ? part : { text: part.text, href: resolveDemoHref(part.href, origins.site) })),
      ),
    ),
    moreFromAuthor: others
      .filter((s) => s.authorId === story.authorId)
      .slice(0, RELATED_SHOWN)
      .map((s) => otherPost(world, s, origins)),
    recommended: others
      .filter((s) => s.authorId !== story.authorId)
      .slice(0, RELATED_SHOWN)
      .map((s) => otherPost(world, s, origins)),
    origin: origins.medium,
  };
}

export function renderMediumStoryPage(world: DemoWorld, story: DemoStory, origins: DemoOrigins): string {
  return renderApollo3StoryPage(syntheticStoryOf(world, story, origins));
}

/**
 * A placement story as of a phase: the link's paragraph edited out, or the link's rel changed. The synthetic
 * renderer writes every body link with Medium's `noopener ugc nofollow`, so a flipped rel is written into the
 * rendered anchor of the watched target only (attribute order as the renderer writes it).
 */
export function renderPlacementStoryPage(world: DemoWorld, placement: DemoPlacementStory, phase: DemoPhase, origins: DemoOrigins): string {
  const html = renderMediumStoryPage(world, { ...placement.story, paragraphs: paragraphsAt(placement, phase) }, origins);
  if (phase !== 'after' || placement.change.kind !== 'rel') return html;
  const target = escapeAttr(new URL(placement.targetPath, origins.site).toString());
  return html.split(`href="${target}" rel="noopener ugc nofollow"`).join(`href="${target}" rel="${escapeAttr(placement.change.relAfter)}"`);
}

/** Medium serves the 10 latest items in every feed (notes §1). */
const FEED_ITEMS = 10;

function newestFirst(stories: readonly DemoStory[]): DemoStory[] {
  return [...stories].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

function lastBuild(stories: readonly DemoStory[]): string {
  return newestFirst(stories)[0]?.updatedAt ?? new Date(0).toISOString();
}

/** `/feed/@user`: full content for free stories, a snippet for member-only ones (notes §1). */
export function renderDemoUserFeed(world: DemoWorld, author: DemoAuthor, origins: DemoOrigins): string {
  const stories = storiesOf(world, author.id).slice(0, FEED_ITEMS);
  return renderMediumFeed({
    kind: 'user',
    origin: origins.medium,
    user: syntheticUser(author, origins),
    lastBuildDate: lastBuild(stories),
    items: stories.map((s) => feedItemFromStory(syntheticStoryOf(world, s, origins), { full: !(s.memberOnly ?? false) })),
  });
}

/** `/feed/tag/<slug>`: the newest stories with that tag, snippet items (notes §1: tag feeds carry no full text). */
export function renderDemoTagFeed(world: DemoWorld, slug: string, origins: DemoOrigins): string {
  const stories = newestFirst(world.medium.stories.filter((s) => s.tags.includes(slug))).slice(0, FEED_ITEMS);
  return renderMediumFeed({
    kind: 'tag',
    origin: origins.medium,
    tag: tagOf(slug),
    lastBuildDate: lastBuild(stories),
    items: stories.map((s) => feedItemFromStory(syntheticStoryOf(world, s, origins), { full: false })),
  });
}

/** `/feed/<publication>`: the publication's newest stories. */
export function renderDemoPublicationFeed(world: DemoWorld, pub: DemoPublication, origins: DemoOrigins): string {
  const stories = newestFirst(world.medium.stories.filter((s) => s.publicationSlug === pub.slug)).slice(0, FEED_ITEMS);
  return renderMediumFeed({
    kind: 'publication',
    origin: origins.medium,
    publication: syntheticPublication(pub),
    lastBuildDate: lastBuild(stories),
    items: stories.map((s) => feedItemFromStory(syntheticStoryOf(world, s, origins), { full: !(s.memberOnly ?? false) })),
  });
}

/** `/@user`: the profile page with its Apollo state (followers, the first page of posts with claps). */
export function renderDemoProfilePage(world: DemoWorld, author: DemoAuthor, origins: DemoOrigins): string {
  return renderProfilePage({
    user: syntheticUser(author, origins),
    posts: storiesOf(world, author.id).map((s) => otherPost(world, s, origins)),
    origin: origins.medium,
  });
}

export function renderSitePage(world: DemoWorld, page: DemoSitePage): string {
  const nav = world.userSite.pages
    .filter((p) => p.status === 200)
    .map((p) => `<a href="${escapeAttr(p.path)}">${escapeHtml(p.title)}</a>`)
    .join(' · ');
  return [
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(page.title)} · ${escapeHtml(world.userSite.name)}</title>`,
    `<link rel="canonical" href="${escapeAttr(page.path)}"></head><body>`,
    `<header><nav>${nav}</nav></header>`,
    `<main><article><h1>${escapeHtml(page.title)}</h1>${page.body
      .split(/\n\n+/)
      .map((para) => `<p>${escapeHtml(para)}</p>`)
      .join('')}</article></main>`,
    `<footer><p>© ${escapeHtml(world.userSite.ownerName)}</p></footer></body></html>`,
  ].join('');
}
