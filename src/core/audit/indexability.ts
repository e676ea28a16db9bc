/**
 * Is the page indexable, and if not, the first reason in this order (most fundamental first):
 * blocked (a bot challenge answered, not the page) > http-status (non-2xx: search engines index only
 * successful responses) > noindex-header (X-Robots-Tag) > noindex-meta (robots meta) >
 * canonical-elsewhere (the page names another URL as canonical, so search engines index that one) >
 * indexable. `robots-disallowed` is decided by the caller (robots.txt), not here.
 *
 * A Medium story whose canonical points at the author's own site is `canonical-elsewhere` on
 * purpose: that is the cross-post pattern the user wants to see reported (the story sends its ranking
 * to the original).
 */

import { normalizeUrl } from '../url/normalize-url.js';
import type { IndexabilityReason } from './audit-types.js';
import { hasNoindex } from './robots-directives.js';

export interface IndexabilityInput {
  blocked: boolean;
  status: number | null;
  headerRules: readonly string[];
  metaRules: readonly string[];
  canonicalHtml: string | null;
  canonicalHttp: string | null;
  finalUrl: string;
}

/**
 * Canonical comparison key: normalizeUrl (scheme/host case, default port, fragment, dot segments,
 * percent-encoding, sorted query) with tracking parameters (`utm_*`, Medium's `source`) removed, so
 * `story?source=rss-…` declaring `story` as canonical counts as self-canonical.
 */
export function canonicalKey(url: string): string | null {
  return normalizeUrl(url, undefined, { stripTracking: true });
}

export function isCanonicalElsewhere(canonical: string | null, finalUrl: string): boolean {
  if (canonical === null) return false;
  const a = canonicalKey(canonical);
  const b = canonicalKey(finalUrl);
  if (a === null || b === null) return canonical !== finalUrl;
  return a !== b;
}

export function decideIndexability(input: IndexabilityInput): { indexable: boolean; reason: IndexabilityReason } {
  if (input.blocked) return { indexable: false, reason: 'blocked' };
  if (input.status !== null && (input.status < 200 || input.status > 299)) return { indexable: false, reason: 'http-status' };
  if (hasNoindex(input.headerRules)) return { indexable: false, reason: 'noindex-header' };
  if (hasNoindex(input.metaRules)) return { indexable: false, reason: 'noindex-meta' };
  if (isCanonicalElsewhere(input.canonicalHtml, input.finalUrl) || isCanonicalElsewhere(input.canonicalHttp, input.finalUrl)) {
    return { indexable: false, reason: 'canonical-elsewhere' };
  }
  return { indexable: true, reason: 'indexable' };
}
