/**
 * Linkwright's library entry. Everything the CLI does is available here; the CLI is a thin shell.
 * @packageDocumentation
 */
export { auditHtml } from './core/audit/audit-html.js';
export type {
  AuditedLink,
  IndexabilityReason,
  LinkPlacement,
  PageAudit,
  RedirectHop,
  TargetCheck,
} from './core/audit/audit-types.js';
export { extractLinks } from './core/html/extract-links.js';
export { parseRobots, type RobotsRules } from './core/robots/parse-robots.js';
export { normalizeUrl, stripTrackingParams } from './core/url/normalize-url.js';
export { parseHttpUrl, parseUrl } from './core/url/parse-url.js';
export { matchesSite, registrableDomain } from './core/url/registrable-domain.js';
export { decodeBody } from './core/encoding/decode-body.js';
export { ERROR_CODES, type ErrorClass, type ErrorCode, LinkwrightError, isLinkwrightError } from './core/errors/linkwright-error.js';
export { LINKWRIGHT_VERSION } from './core/version.js';
export { PoliteFetcher, type FetcherOptions, type FetchSnapshot } from './fetch/polite-fetcher.js';
export { openStore, type Store } from './store/open-store.js';
export { auditPages, type AuditInput, type AuditOutcome, type AuditRequest } from './app/audit-pages.js';

// Medium readers (pure) and the Medium source adapter.
export { detectMediumBlocked, readMediumAuthor, readMediumFeed, readMediumStory, mediumPostIdFromUrl } from './core/medium/index.js';
export type { MediumAuthorResult, MediumFeedResult, MediumStoryResult } from './core/medium/index.js';
// Discovery analyses (pure).
export { applyQualityGate, classifyOutboundLink, computeAuthorMetrics, scoreAuthor, summariseOutboundLinks } from './core/discovery/index.js';
// Outreach (pure): pipeline, pacing, agenda, templates, placement states.
export { checkTouch, classifyPlacementCheck, planAgenda, renderTemplate, transition } from './core/outreach/index.js';
// Content checker (pure).
export { parseHtmlDocument, parseMarkdownDraft, runContentCheck } from './core/content/index.js';
export { contentStatsOf } from './core/content/runner.js';
export { estimatedResemblance, findCopyOf, minhashSignature } from './core/content/near-duplicate.js';
// Keyword research (pure) and the use-cases that feed it and the checker from the store.
export { researchKeywords, tagSlug } from './core/keywords/index.js';
export type { KeywordReport, KeywordStory } from './core/keywords/index.js';
export { researchKeywordsFromSources } from './app/research-keywords.js';
export { addContent, checkContent } from './app/check-content.js';
export { discoverProspects } from './app/discover-prospects.js';
