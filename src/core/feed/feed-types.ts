/**
 * The model parseFeed returns: one shape for RSS 0.9x / 1.0 (RDF) / 2.0 and Atom 0.3 / 1.0, modelled on
 * feedparser's normalised result (field names follow it where a backlink audit needs the field; conformance
 * paths map onto these in feedparser.conformance.test.ts). Every URL is already resolved against the xml:base in
 * effect and the document URL.
 */

export interface ParseFeedOptions {
  /** The URL the document was fetched from: names the input in errors and is the base for relative references. */
  url?: string;
  /** The response's Content-Type. A non-XML type (text/plain, text/html) is reported in `warnings`. */
  contentType?: string;
  /**
   * The response's Content-Location header, when the caller wants feedparser's reading of it as the document's base
   * (resolved against `url`; see iri.ts documentBase). Left out, the base is `url`.
   */
  contentLocation?: string;
  /** A name for the input in error messages when there is no URL (a file name); defaults to `url`, then 'feed'. */
  inputName?: string;
}

/** feedparser's version names: rss090, rss091u, rss091n, rss092, rss093, rss094, rss20, rss, rss10, atom03, atom10, atom, cdf. */
export type FeedVersion = string;

/** A text construct: title, subtitle, summary, content (RFC 4287 §3.1, and RSS's HTML-by-convention text). */
export interface FeedText {
  /** The text; for HTML types, markup with relative URLs already resolved against `base`. */
  value: string;
  /** 'text/plain', 'text/html', 'application/xhtml+xml', or the media type given for content. */
  type: string;
  /** The base URI in effect on the element (xml:base chain, then the document URL); null when there is none. */
  base: string | null;
  /** Atom `content@src`, resolved (RFC 4287 §4.1.3.2: out-of-line content). */
  src?: string;
}

export interface FeedLink {
  href: string;
  /** RFC 4287 §4.2.7.2: 'alternate' when absent. RSS `<link>` is 'alternate', `<enclosure>` 'enclosure'. */
  rel: string;
  /** The declared media type; null when the feed gives none. */
  type: string | null;
  title?: string;
  length?: string;
}

export interface FeedPerson {
  name: string | null;
  email: string | null;
  /** Atom `uri` (or 0.3 `url`), resolved. */
  url: string | null;
}

export interface FeedCategory {
  term: string;
  /** Atom `scheme`, RSS `domain`. */
  scheme: string | null;
  label: string | null;
}

interface FeedCommon {
  title: string | null;
  titleDetail: FeedText | null;
  /** The preferred link: the first `alternate` link of an HTML type (or no type), else the RSS `<link>`. */
  link: string | null;
  links: FeedLink[];
  id: string | null;
  /** Display form as feedparser builds it: "name (email)", the name, the email, or RSS's raw `<author>` text. */
  author: string | null;
  authorDetail: FeedPerson | null;
  /** ISO 8601 UTC; null when absent or unreadable. */
  updated: string | null;
  published: string | null;
  categories: FeedCategory[];
  /** The base URI in effect on the feed (channel) or entry element. */
  base: string | null;
}

export interface FeedEntry extends FeedCommon {
  /** RSS `description`, Atom `summary` — or, when there is none, the first HTML/text content (as feedparser). */
  summary: string | null;
  summaryDetail: FeedText | null;
  content: FeedText[];
}

export interface FeedImage {
  /** RSS `image/url`, iTunes `image@href`, or Atom `logo`; resolved. */
  url: string;
  title: string | null;
  link: string | null;
}

export interface FeedDocument extends FeedCommon {
  format: 'rss' | 'rdf' | 'atom' | 'cdf';
  version: FeedVersion;
  /** RSS channel `description`, Atom `subtitle` (1.0) / `tagline` (0.3). */
  subtitle: string | null;
  subtitleDetail: FeedText | null;
  image: FeedImage | null;
  /** RSS `generator` text, Atom `generator` text. */
  generator: string | null;
  entries: FeedEntry[];
  /** Entries in the document, before the cap (MAX_FEED_ENTRIES). */
  entryCount: number;
  /** Repairs made and oddities met (bare `&`, HTML entities, undeclared prefixes, entries dropped, a non-XML type). */
  warnings: string[];
}
