/**
 * Records produced by the pure Medium readers (story page / GraphQL / legacy JSON, RSS feeds, profile pages).
 * Field names are part of the JSON output contract: add fields, never rename.
 *
 * Conventions (shared/notes/medium-data.md §0, §2.3):
 * - A field the input does not carry is `null` — never a guess, never a default such as 0.
 * - Counts come from the embedded state when it has them; abbreviated DOM counts ("1.2K") are only a fallback
 *   for pages without state, and are flagged in `warnings`.
 * - Times are ISO-8601 UTC strings.
 */

/** Which generation / format of Medium data a story was read from (notes §2.3, §4, §5). */
export type MediumStorySource =
  /** 2021+ pages: `window.__APOLLO_STATE__` in Apollo Client 3 form (`{"__ref": "Type:id"}`). */
  | 'apollo3'
  /** 2019–20 pages: `window.__APOLLO_STATE__` in Apollo Client 2 form (`{"type":"id","id":…}`). */
  | 'apollo2'
  /** 2014–18 pages: `window["obvInit"]({...})` or `var GLOBALS = {... "embedded": {...}}`. */
  | 'obvinit'
  /** Any page without usable state: head meta, JSON-LD, canonical and DOM fallbacks. */
  | 'head-meta'
  /** A response of the internal GraphQL `FullPostQuery` (`{"data":{"post":…}}`). */
  | 'graphql'
  /** A legacy `?format=json` payload (with or without the `])}while(1);</x>` prefix). */
  | 'format-json';

/** How a body link was found. */
export type MediumBodyLinkKind =
  /** An ordinary anchor (`anchorType` LINK, or any `<a>` in a body paragraph). */
  | 'link'
  /** An @-mention of a Medium user (`anchorType` USER; rendered by Medium as `/u/<userId>`). */
  | 'user-mention'
  /** A paragraph-level link of an image (`Paragraph.href`). No anchor text. */
  | 'image';

/** A link found inside the story body (contextual link). */
export interface MediumBodyLink {
  /** Absolute URL (resolved against the page URL when the HTML had a relative href). */
  url: string;
  /** The href as written in the HTML or the model (null for user mentions, which carry a user id instead). */
  href: string | null;
  /**
   * From the model: `paragraph.text.slice(markup.start, markup.end)` (UTF-16 offsets, notes §2.2).
   * From HTML: the whitespace-collapsed text of the `<a>` (its image's alt text when it has no text).
   */
  anchorText: string;
  /**
   * Lower-cased, de-duplicated rel tokens. From HTML when the page was given (Medium applies its own policy
   * there, notes §2.2), otherwise the editor value stored in the model. `null` when the source has no rel at all.
   */
  rel: string[] | null;
  /** The 4-hex paragraph `name` the link sits in, when known. */
  paragraph: string | null;
  kind: MediumBodyLinkKind;
}

export interface MediumStoryAuthor {
  /** Medium user id (hex; 11 or 12 characters are both seen). */
  id: string | null;
  username: string | null;
  name: string | null;
  followers: number | null;
}

export interface MediumPublication {
  /** Medium collection id. */
  id: string | null;
  name: string | null;
  slug: string | null;
  /** `Collection.subscriberCount` (Apollo/GraphQL) or `Collection.metadata.followerCount` (legacy JSON). */
  followers: number | null;
  /** Custom domain of the publication, when the input says so. */
  domain: string | null;
}

export interface MediumStory {
  postId: string;
  /** Medium's URL of the story (`mediumUrl`), else the page's og:url, else the URL passed in, else `https://medium.com/p/<id>`. */
  url: string;
  title: string | null;
  subtitle: string | null;
  author: MediumStoryAuthor;
  /** null when the story is not in a publication, or the input does not say. */
  publication: MediumPublication | null;
  /** Total claps (`clapCount`, legacy `virtuals.totalClapCount`). */
  claps: number | null;
  /** People who clapped (`voterCount`). */
  voters: number | null;
  /**
   * Legacy "recommends" (`virtuals.recommends` in obvInit / ?format=json, or the 2014–17 DOM button). Before
   * Aug 2017 this was the recommend count (Medium's pre-claps metric, notes §2.3); kept raw, not mapped to claps.
   */
  recommends: number | null;
  /** Responses (`postResponses.count`, legacy `virtuals.responsesCreatedCount`). */
  responses: number | null;
  /**
   * Reading time in minutes: the exact value of the state (`readingTime`, e.g. 17.93), or the whole minutes
   * Medium displays ("18 min read") when only head meta / DOM was available.
   */
  readingTimeMinutes: number | null;
  wordCount: number | null;
  /** First publication time (`firstPublishedAt`, JSON-LD `datePublished`, `article:published_time`). */
  publishedAt: string | null;
  /** Last update (`updatedAt`, JSON-LD `dateModified`). */
  updatedAt: string | null;
  /** Tag slugs in the story's order. null when the input carries no tag information. */
  tags: string[] | null;
  /**
   * The canonical URL the author set when it points away from the story (imported / cross-posted stories,
   * notes §2.1). null when the story is its own canonical or the input does not carry one.
   */
  canonicalUrl: string | null;
  /** `<link rel="canonical">` of the page as written (resolved), for HTML inputs; null otherwise. */
  htmlCanonical: string | null;
  /** Member-only story (`isLocked`, JSON-LD `isAccessibleForFree: false`). */
  isLocked: boolean | null;
  bodyLinks: MediumBodyLink[];
  /**
   * Where `bodyLinks` came from: rendered HTML paragraphs, the paragraph model (state / GraphQL / JSON), or both
   * (`html+model`: the HTML shows only some of the model's paragraphs; the others' links come from the model).
   */
  bodyLinksFrom: 'html' | 'model' | 'html+model' | null;
  /** When the bytes were captured (passed in by the caller; readers have no clock). */
  capturedAt: string | null;
  source: MediumStorySource;
}

/** The advice every reader gives when it was handed a bot challenge instead of Medium's answer (DESIGN §5). */
export const MEDIUM_BLOCKED_ADVICE =
  'Medium answered with a bot challenge. Open the page in your browser, save it (Ctrl+S, "Webpage, HTML only") and pass the file: linkwright medium story saved.html --url <original url>';

/** A bot challenge (Cloudflare "Just a moment…") instead of Medium's content. Never an empty record. */
export interface MediumBlocked {
  state: 'blocked';
  code: 'MEDIUM_BLOCKED';
  advice: string;
  /** Which markers were seen (e.g. `title:just-a-moment`, `header:cf-mitigated`, `status:403`). */
  signals: string[];
  /** Retry-After in ms when the response had one. */
  retryAfterMs: number | null;
}

/** Medium has no such post (GraphQL `post: null`) — a typed answer, not an exception. */
export interface MediumNotFound {
  state: 'not-found';
  code: 'MEDIUM_POST_NOT_FOUND';
  /** The post id that was asked for, when known (from the URL passed in). */
  postId: string | null;
  source: MediumStorySource;
  message: string;
}

export interface MediumStoryOk {
  state: 'ok';
  story: MediumStory;
  /** Things the reader noticed but could work around (id mismatch, state not decodable, DOM fallback used…). */
  warnings: string[];
}

export type MediumStoryResult = MediumStoryOk | MediumBlocked | MediumNotFound;

export interface MediumStoryOptions {
  /** The URL the input was fetched from (or the original URL of a saved file). Any host is accepted. */
  url?: string;
  /** ISO time the input was captured; copied to `capturedAt`. */
  capturedAt?: string;
  /** HTTP Content-Type, when known; a hint for JSON vs HTML. */
  contentType?: string;
}

// ---------------------------------------------------------------- feeds

/** Which kind of Medium RSS feed (notes §1). */
export type MediumFeedKind = 'user' | 'tag' | 'publication' | 'publication-tag';

/** A link inside an item's HTML (RSS strips rel attributes, notes §1, so there is none). */
export interface MediumFeedLink {
  url: string;
  anchorText: string;
}

export interface MediumFeedItem {
  /** From the guid `https://medium.com/p/<id>`, else the item link. */
  postId: string | null;
  /** Item link without tracking parameters (`source`, `utm_*`). */
  url: string | null;
  title: string | null;
  /** `dc:creator`: the display name, not the username. */
  authorName: string | null;
  publishedAt: string | null;
  /** `atom:updated`; null when the item has none (2016 feeds). */
  updatedAt: string | null;
  /** `category` values (tag slugs), at most 5 in Medium feeds. */
  tags: string[];
  /** true when `content:encoded` holds the story; false for the `medium-feed-snippet` description. */
  fullContent: boolean;
  /** The snippet text of a description-only item (null for full-content items). */
  snippet: string | null;
  /**
   * The story HTML of a full-content item (`content:encoded`), as the feed carries it (tracking pixel and
   * "originally published in" footer included); null for snippet items. Keyword research reads the body from it.
   */
  contentHtml: string | null;
  /** Links of the story text (the "Continue reading" link, the tracking pixel and the "originally published in" footer are left out). */
  links: MediumFeedLink[];
  /** From the footer "<a>Title</a> was originally published in <a>Publication</a> on Medium". */
  publicationName: string | null;
  publicationUrl: string | null;
}

export interface MediumFeedChannel {
  title: string | null;
  description: string | null;
  /** Channel link without tracking parameters. */
  link: string | null;
  /** The channel link as written (keeps `?source=rss-…`, which carries ids). */
  rawLink: string | null;
  /** `atom:link rel="self"`. */
  selfUrl: string | null;
  kind: MediumFeedKind | null;
  /** User feeds: the `rss-<12hex>` part of the channel link (notes §1). */
  userId: string | null;
  username: string | null;
  /** Publication feeds: `rss----<collectionId>…` in the channel link. */
  collectionId: string | null;
  publicationSlug: string | null;
  /** Tag and publication-tag feeds. */
  tagSlug: string | null;
  imageUrl: string | null;
  lastBuildDate: string | null;
  generator: string | null;
}

export interface MediumFeed {
  channel: MediumFeedChannel;
  items: MediumFeedItem[];
}

export interface MediumFeedOk {
  state: 'ok';
  feed: MediumFeed;
  warnings: string[];
}

export type MediumFeedResult = MediumFeedOk | MediumBlocked;

export interface MediumFeedOptions {
  /** The feed URL (names the input in errors; helps to tell the feed kind). */
  url?: string;
}

// ---------------------------------------------------------------- authors

export interface MediumAuthorPost {
  postId: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  /** Only from the profile state; null for posts known from the feed alone (RSS has no claps, notes §1). */
  claps: number | null;
  tags: string[] | null;
  /** Where the post was seen. */
  from: 'state' | 'feed' | 'state+feed';
}

export interface MediumAuthor {
  username: string | null;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  /** `mediumMemberAt` as ISO; null when not a member or unknown. */
  memberSince: string | null;
  userId: string | null;
  /** Twitter screen name without "@". */
  twitter: string | null;
  feedUrl: string | null;
  /** Profile URL (canonical, else og:url, else the URL passed in). */
  profileUrl: string | null;
  /** Newest first. */
  posts: MediumAuthorPost[];
  source: 'apollo3' | 'apollo2' | 'head-meta' | 'format-json' | 'feed';
}

export interface MediumAuthorOk {
  state: 'ok';
  author: MediumAuthor;
  warnings: string[];
}

export type MediumAuthorResult = MediumAuthorOk | MediumBlocked;

export interface MediumAuthorOptions {
  url?: string;
  /** The author's feed, read with readMediumFeed: fills the user id, feed URL and the latest posts. */
  feed?: MediumFeed;
}
