/**
 * Inputs of the synthetic Medium generators (the demo world's fake Medium and the readers' tests). They describe
 * what a story *is*; the renderers decide how Medium would show it.
 */

export interface SyntheticUser {
  /** Medium user id (10–12 hex). */
  id: string;
  username: string;
  name: string;
  bio: string;
  followers: number;
  following: number;
  /** ISO time the user became a member, or null. */
  memberSince: string | null;
  /** Twitter screen name without "@", or null. */
  twitter: string | null;
  /**
   * A link the author put in their bio (e.g. their own site). Medium shows it in the author block
   * below the story, outside the body; we render it `rel="noopener ugc nofollow"` like other user content.
   */
  bioLink?: { href: string; text: string };
  imageId?: string;
}

export interface SyntheticPublication {
  /** Medium collection id (10–12 hex). */
  id: string;
  slug: string;
  name: string;
  description: string;
  followers: number;
  /** Custom domain, or null. */
  domain: string | null;
}

export interface SyntheticTag {
  slug: string;
  title: string;
}

/** Inline markups of a paragraph. Offsets are UTF-16 code units into `text`; markups must not overlap. */
export type SyntheticMarkup =
  | {
      type: 'A';
      start: number;
      end: number;
      href: string;
      /** The editor's stored rel (the model value; Medium renders its own policy). Default "". */
      rel?: string;
    }
  | { type: 'USER'; start: number; end: number; userId: string }
  | { type: 'STRONG' | 'EM' | 'CODE'; start: number; end: number };

export type SyntheticParagraphType = 'P' | 'H3' | 'H4' | 'BQ' | 'PQ' | 'ULI' | 'OLI' | 'PRE';

export interface SyntheticParagraph {
  /** 4-hex paragraph name, unique in the story (becomes the element id). */
  name: string;
  type: SyntheticParagraphType;
  text: string;
  markups?: SyntheticMarkup[];
}

/** Another story shown in "More from …" / "Recommended from Medium". */
export interface SyntheticOtherPost {
  id: string;
  slug: string;
  title: string;
  subtitle: string | null;
  author: SyntheticUser;
  publication: SyntheticPublication | null;
  claps: number;
  voters: number;
  publishedAt: string;
  readingTime: number;
  isLocked: boolean;
  tags: SyntheticTag[];
}

export interface SyntheticStory {
  /** Post id (10–12 hex). */
  id: string;
  slug: string;
  title: string;
  subtitle: string | null;
  author: SyntheticUser;
  publication: SyntheticPublication | null;
  claps: number;
  voters: number;
  responses: number;
  /** Exact reading time in minutes, as Medium stores it (e.g. 6.47). */
  readingTime: number;
  publishedAt: string;
  updatedAt: string;
  tags: SyntheticTag[];
  /** The canonical the author set (an imported story), or null. */
  canonicalUrl: string | null;
  isLocked: boolean;
  paragraphs: SyntheticParagraph[];
  /** Other stories of the same author shown under "More from <author>". */
  moreFromAuthor: SyntheticOtherPost[];
  /** Stories of other authors shown under "Recommended from Medium". */
  recommended: SyntheticOtherPost[];
  /** Scheme + host of the fake Medium (default https://medium.com); any host works, e.g. http://127.0.0.1:4010. */
  origin?: string;
  /** Paragraph names of the title and subtitle in the model (default: derived from the post id). */
  titleName?: string;
  subtitleName?: string;
}

export interface SyntheticFeedItem {
  postId: string;
  title: string;
  /** The story URL without tracking parameters (the renderer adds Medium's `?source=rss…`). */
  url: string;
  authorName: string;
  publishedAt: string;
  updatedAt: string;
  tags: string[];
  /** Full story HTML (`content:encoded`), or a description-only snippet item. */
  content: { full: true; html: string } | { full: false; snippet: string; imageUrl: string | null };
  /** Adds the "… was originally published in <Publication> on Medium" footer (full items only). */
  publication: { name: string; url: string } | null;
}

export type SyntheticFeedSpec =
  | { kind: 'user'; origin?: string; user: SyntheticUser; lastBuildDate: string; items: SyntheticFeedItem[] }
  | { kind: 'tag'; origin?: string; tag: SyntheticTag; lastBuildDate: string; items: SyntheticFeedItem[] }
  | { kind: 'publication'; origin?: string; publication: SyntheticPublication; lastBuildDate: string; items: SyntheticFeedItem[] }
  | {
      kind: 'publication-tag';
      origin?: string;
      publication: SyntheticPublication;
      tag: SyntheticTag;
      lastBuildDate: string;
      items: SyntheticFeedItem[];
    };

export interface SyntheticProfile {
  user: SyntheticUser;
  /** The user's stories (newest first is not required; the page shows them in this order). */
  posts: SyntheticOtherPost[];
  origin?: string;
  /** Render the Apollo state (default true). false gives a head-and-DOM-only page like the shared fixture. */
  withState?: boolean;
}
