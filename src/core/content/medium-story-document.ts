/**
 * A Medium story page as the content checker sees it: the HTML gives the body (blocks, links, images), the
 * Medium reader gives what the page's markup hides or mangles — the story's own title and subtitle (the
 * `<title>` carries " | by Name | Medium"), its tags (only in the page state) and the canonical the author
 * set (notes/medium-data.md §2.1: imported stories point away from Medium).
 */
import type { MediumStory } from '../medium/medium-types.js';
import type { ContentDocument } from './content-types.js';

export function withMediumStory(doc: ContentDocument, story: MediumStory): ContentDocument {
  return {
    ...doc,
    url: story.url,
    title: story.title ?? doc.title,
    subtitle: story.subtitle ?? doc.subtitle,
    tags: story.tags !== null && story.tags.length > 0 ? [...story.tags] : doc.tags,
    canonical: story.canonicalUrl ?? story.htmlCanonical ?? doc.canonical,
  };
}
