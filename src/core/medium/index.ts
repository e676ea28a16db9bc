/**
 * Pure readers of Medium data (shared/notes/medium-data.md): story pages of every markup generation, GraphQL and
 * legacy JSON, RSS feeds, profile pages, bot-challenge detection — and synthetic generators of the same shapes.
 */
export { formatAbbreviatedCount, isAbbreviatedCount, parseAbbreviatedCount } from './abbreviated-count.js';
export { detectMediumBlocked, type HeaderBag } from './blocked.js';
export { decodeJsonAt, findJsonStart, scanBalancedJson } from './json-scan.js';
export {
  dateStringToIso,
  epochMsToIso,
  isMediumHost,
  isMediumId,
  isTrackingParam,
  mediumPostIdFromUrl,
  mediumUsernameFromUrl,
  parseRssSource,
  stripTrackingParams,
} from './medium-ids.js';
export * from './medium-types.js';
export { type MediumPageIdentity, readMediumPageIdentity } from './page-identity.js';
export { bioFromProfileDescription, readMediumAuthor } from './read-author.js';
export { readMediumFeed } from './read-feed.js';
export { detectInputKind, readMediumStory, stripXssiPrefix, XSSI_PREFIX } from './read-story.js';
export * from './synthetic/index.js';
