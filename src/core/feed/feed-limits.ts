/**
 * Bounds on the work parseFeed does for one document. A feed is untrusted input fetched from anywhere, and parseFeed
 * is synchronous: each cap turns a hostile or broken document into a quick INVALID_INPUT or a truncated result
 * instead of unbounded memory and time.
 */

/**
 * Largest document accepted, in UTF-16 code units: 15 Mi. Googlebot reads the first 15 MB of an HTML or text file
 * (Google Search Central "Googlebot", reliability.md §2) and the fetcher's default body cap follows the same figure
 * (reliability.md R2). Real feeds are far smaller — the 16 files of corpora/rss-feeds are 1 KB–290 KB.
 */
export const MAX_FEED_CHARS = 15 * 1024 * 1024;

/**
 * Entries kept per feed: 5,000. reliability.md R8 caps outlinks per page at 5,000 (Heritrix `maxOutlinks` is
 * 6,000) and every entry is at least one outlink. Later entries are dropped with a warning, not an error: feeds list
 * newest first, so the kept prefix is the useful part.
 */
export const MAX_FEED_ENTRIES = 5000;

/**
 * Element nesting: 256 levels, libxml2's `xmlParserMaxDepth` (parser.c: "a safety boundary feature", lifted only by
 * XML_PARSE_HUGE). Also passed to fast-xml-parser as `maxNestedTags` (its own default is 100).
 */
export const MAX_XML_DEPTH = 256;

/**
 * Entities declared in an internal DTD subset (`<!ENTITY id "tag:example.com,">`) — fast-xml-parser's defaults
 * (src/xmlparser/OptionsBuilder.js `processEntities`): at most 1,000 declarations, 10,000 characters per
 * replacement text, 100,000 characters of replacement text in the whole document. They stop "billion laughs"
 * (nested entity amplification) while leaving real uses untouched. External entities are never read (core does no I/O).
 */
export const MAX_DTD_ENTITIES = 1000;
export const MAX_DTD_ENTITY_CHARS = 10_000;
export const MAX_DTD_EXPANDED_CHARS = 100_000;

/** Distinct warnings kept per document; past this one more line says how many were dropped. */
export const MAX_WARNINGS = 50;
