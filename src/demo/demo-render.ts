/**
 * Renders the demo world: Medium pages through the synthetic Medium renderers of src/core/medium
 * (2022+ markup, Apollo 3 state), and plain pages for the user's site.
 */
import { paragraphFromParts, renderApollo3StoryPage } from '../core/medium/synthetic/story-page.js';
import type { SyntheticOtherPost, SyntheticStory, SyntheticUser } from '../core/medium/synthetic/synthetic-types.js';
import { escapeAttr, escapeHtml } from '../core/medium/synthetic/escape.js';
export { CHALLENGE_HEADERS, CHALLENGE_STATUS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { type DemoAuthor, type DemoSitePage, type DemoStory, type DemoWorld, resolveDemoHref } from './demo-world.js';

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

function otherPost(world: DemoWorld, story: DemoStory, origins: DemoOrigins): SyntheticOtherPost {
  const author = world.medium.authors.find((a) => a.id === story.authorId) as DemoAuthor;
  return {
    id: story.postId,
    slug: story.slug,
    title: story.title,
    subtitle: story.subtitle,
    author: syntheticUser(author, origins),
    publication: null,
    claps: story.claps,
    voters: story.voters,
    publishedAt: story.publishedAt,
    readingTime: story.readingTimeMinutes,
    isLocked: false,
    tags: story.tags.map(tagOf),
  };
}

export function syntheticStoryOf(world: DemoWorld, story: DemoStory, origins: DemoOrigins): SyntheticStory {
  const author = world.medium.authors.find((a) => a.id === story.authorId);
  if (!author) throw new Error(`demo story ${story.postId} has no author ${story.authorId}`);
  const others = world.medium.stories.filter((s) => s.postId !== story.postId);
  return {
    id: story.postId,
    slug: story.slug,
    title: story.title,
    subtitle: story.subtitle,
    author: syntheticUser(author, origins),
    publication: null,
    claps: story.claps,
    voters: story.voters,
    responses: story.responses,
    readingTime: story.readingTimeMinutes,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    tags: story.tags.map(tagOf),
    canonicalUrl: story.canonicalPath ? new URL(story.canonicalPath, origins.site).toString() : null,
    isLocked: false,
    paragraphs: story.paragraphs.map((p, i) =>
      paragraphFromParts(
        (0x1a2b + i * 0x111).toString(16).slice(-4),
        PARAGRAPH_TYPE[p.kind],
        p.parts.map((part) => (typeof part === 'string' ? part : { text: part.text, href: resolveDemoHref(part.href, origins.site) })),
      ),
    ),
    moreFromAuthor: others.filter((s) => s.authorId === story.authorId).map((s) => otherPost(world, s, origins)),
    recommended: others.filter((s) => s.authorId !== story.authorId).map((s) => otherPost(world, s, origins)),
    origin: origins.medium,
  };
}

export function renderMediumStoryPage(world: DemoWorld, story: DemoStory, origins: DemoOrigins): string {
  return renderApollo3StoryPage(syntheticStoryOf(world, story, origins));
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
    `<main><article><h1>${escapeHtml(page.title)}</h1><p>${escapeHtml(page.body)}</p></article></main>`,
    `<footer><p>© ${escapeHtml(world.userSite.ownerName)}</p></footer></body></html>`,
  ].join('');
}
