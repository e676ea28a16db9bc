/**
 * General feed reading (RSS 0.9x/1.0/2.0, Atom 0.3/1.0): parseFeed and its model, plus the IRI and date helpers it
 * is built from.
 */
export { parseFeedDate } from './feed-dates.js';
export { MAX_FEED_CHARS, MAX_FEED_ENTRIES, MAX_XML_DEPTH } from './feed-limits.js';
export type * from './feed-types.js';
export { resolveHtmlUris } from './html-uris.js';
export { documentBase, resolveIri, safeAbsoluteIri } from './iri.js';
export { parseFeed } from './parse-feed.js';
