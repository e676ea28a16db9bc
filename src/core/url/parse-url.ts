/**
 * The single entry point for turning text into a URL. Every URL Linkwright handles — typed on the
 * command line, imported from CSV/GSC exports, scraped from HTML or feeds, read from a Location
 * header — goes through `parseUrl`, so there is exactly one parser and one set of rules.
 *
 * It is a thin, never-throwing wrapper over the WHATWG URL Standard parser built into Node (ada in
 * Node 20). Conformance: the harness in parse-url.conformance.test.ts runs WPT `urltestdata.json`
 * through this function and requires the same result as Node's own `URL` on every case
 * (Node 20.20: 688/700 against the WPT expectations; the 12 misses are listed there).
 */

/**
 * Longest input accepted, in UTF-16 code units. Chromium refuses URLs longer than 2 MiB
 * (`url::kMaxURLChars = 2 * 1024 * 1024`, url/url_constants.h); nothing legitimate is longer, and
 * the cap keeps a hostile page from making us parse and store multi-megabyte "URLs".
 */
export const MAX_URL_LENGTH = 2 * 1024 * 1024;

/**
 * Parse `input` (optionally relative to `base`) with the WHATWG URL parser.
 * Returns null instead of throwing: for invalid input, an invalid base, a non-string input, or input
 * longer than MAX_URL_LENGTH. The result is a fresh URL object the caller may mutate.
 */
export function parseUrl(input: string, base?: string | URL): URL | null {
  if (typeof input !== 'string' || input.length > MAX_URL_LENGTH) return null;
  if (base !== undefined && typeof base !== 'string' && !(base instanceof URL)) return null;
  if (typeof base === 'string' && base.length > MAX_URL_LENGTH) return null;
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    return null;
  }
}

/** True for the two schemes Linkwright fetches and audits (OWASP SSRF cheat sheet: allow-list schemes). */
export function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

/**
 * Like parseUrl, but only accepts `http:` and `https:` URLs (after resolution against `base`).
 * `javascript:`, `data:`, `mailto:`, `file:`, `ftp:` … give null (OWASP XSS/SSRF guidance: only
 * http(s) URLs may be fetched or rendered as links).
 */
export function parseHttpUrl(input: string, base?: string | URL): URL | null {
  const url = parseUrl(input, base);
  return url !== null && isHttpUrl(url) ? url : null;
}
