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
