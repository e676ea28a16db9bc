/**
 * Crawler-style URL canonicalisation: the key that decides whether two links point at "the same
 * target". Modelled on crawler-commons `BasicURLNormalizer` (the normaliser Apache Nutch and
 * StormCrawler use) and measured against its test data (normalize-url.conformance.test.ts; the
 * pass rate and every deliberate difference are in docs/conformance-deviations.md § URL normalisation).
 *
 * Parsing is done by the WHATWG parser (parseUrl), which already lower-cases scheme and host,
 * converts IDNs to punycode, percent-decodes the host, drops default ports, resolves `.`/`..`
 * (including `%2e` forms) and percent-encodes non-ASCII as UTF-8. On top of that we apply the RFC
 * 3986 §6.2.2 normalisations crawler-commons applies, plus the product options below.
 *
 * The canonical string is an identity key. Fetch the URL the user or page gave, not this string:
 * sorting or dropping query parameters is right for comparing targets, not necessarily for requests.
 */
import { parseUrl } from './parse-url.js';

export interface NormalizeUrlOptions {
  /**
   * Sort query parameters by name (stable: values of a repeated name keep their order).
   * Default true, as crawler-commons does: parameter order almost never changes what a server
   * returns, while CMSs and link builders emit the same parameters in different orders.
   */
  sortQuery?: boolean;
  /**
   * Drop session-id parameters (SESSION_ID_PARAMS, any case) and `;jsessionid=…` path parameters.
   * Default true: a session id names a visitor, never a different page. crawler-commons does this
   * only when configured (`queryParamsToRemove`); see docs/conformance-deviations.md.
   */
  removeSessionIds?: boolean;
  /**
   * Drop tracking parameters (utm_*, Medium's `source`; see stripTrackingParams). Default false:
   * the referral-traffic feature needs `utm_*` to tell stories apart, so the stored key keeps them.
   * Pass true when only the destination matters ("does this story still link to my post?").
   */
  stripTracking?: boolean;
  /** Extra query-parameter names (exact, case-sensitive) or patterns to drop. */
  removeQueryParams?: readonly (string | RegExp)[];
}

/**
 * Session-id parameter names: the list crawler-commons' tests configure
 * (`sid,phpsessid,sessionid,jsessionid`, BasicURLNormalizerTest). Matched case-insensitively because
 * the real-world spellings are upper case (PHP `session.name` default `PHPSESSID`, Servlet `JSESSIONID`).
 */
export const SESSION_ID_PARAMS: readonly string[] = ['sid', 'phpsessid', 'sessionid', 'jsessionid'];

/**
 * Tracking parameters dropped by stripTrackingParams: Google Analytics campaign tags (`utm_*`) and
 * Medium's `source` (e.g. `?source=rss-…`, `?source=post_page-…`). Same rule as the stack note's
 * normalize-url configuration `removeQueryParameters: [/^utm_\w+/i, 'source']`.
 */
export const TRACKING_PARAM_PATTERNS: readonly (string | RegExp)[] = [/^utm_\w+/i, 'source'];

/** Schemes with a host/path structure we canonicalise (the WHATWG "special" schemes). */
const CANONICAL_SCHEMES = new Set(['http:', 'https:', 'ftp:', 'file:', 'ws:', 'wss:']);

/** A scheme at the start of the input (RFC 3986 §3.1). */
const HAS_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/**
 * `host:port…` without a scheme (`example.com:8080/x`, `localhost:3000`), which the WHATWG parser
 * would read as scheme `example.com:`. The host must contain a dot or be `localhost`, so that
 * `tel:123` or `mailto:42` are not mistaken for hosts.
 */
const HOST_PORT_WITHOUT_SCHEME = /^(?:localhost|[^:/?#@\s]+\.[^:/?#@\s]+):\d+(?:[/?#]|$)/i;

/**
 * What a host may look like after the WHATWG host parser (lower-cased, punycode): DNS labels
 * (RFC 1123 §2.1 letters, digits, hyphen; plus `_`, which real hostnames do carry) or an IPv4 address.
 * WHATWG accepts hosts such as `"example` or `a*b`; no DNS name can contain them, so as link targets
 * they are garbage and normalise to null.
 */
const DNS_HOST = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;

const HEX = '0123456789ABCDEF';

/** RFC 3986 §2.3 unreserved characters: ALPHA / DIGIT / "-" / "." / "_" / "~". */
function isUnreserved(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0x30 && code <= 0x39) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Characters crawler-commons always escapes in path and query that the WHATWG parser leaves as they
 * are (its path/query percent-encode sets are smaller): `[ ] ^ | { } \``, plus the ones WHATWG
 * already encodes (listed for completeness: controls, space, `"`, `<`, `>`, DEL).
 */
function mustEscape(code: number): boolean {
  return (
    code <= 0x20 ||
    code === 0x7f ||
    code === 0x22 ||
    code === 0x3c ||
    code === 0x3e ||
    code === 0x5b ||
    code === 0x5d ||
    code === 0x5e ||
    code === 0x60 ||
    code === 0x7b ||
    code === 0x7c ||
    code === 0x7d
  );
}

/**
 * RFC 3986 §6.2.2.1/§6.2.2.2 on an already-serialised (ASCII) path or query:
 * decode `%XX` of unreserved characters, upper-case the hex of every other escape, turn a `%` that
 * does not start a valid escape into `%25`, and escape the characters in mustEscape.
 * Non-ASCII never reaches here: the WHATWG serialiser has encoded it as UTF-8 `%XX` already.
 */
function normalizePercentEncoding(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x25) {
      const hi = i + 2 < text.length ? hexValue(text.charCodeAt(i + 1)) : -1;
      const lo = hi >= 0 ? hexValue(text.charCodeAt(i + 2)) : -1;
      if (hi < 0 || lo < 0) {
        out += '%25';
        continue;
      }
      const byte = hi * 16 + lo;
      out += isUnreserved(byte) ? String.fromCharCode(byte) : `%${HEX[hi]}${HEX[lo]}`;
      i += 2;
    } else if (mustEscape(code)) {
      out += `%${HEX[code >> 4]}${HEX[code & 0xf]}`;
    } else {
      out += text[i];
    }
  }
  return out;
}

/** Decode a query-parameter name for matching against removal rules (never throws). */
function decodeParamName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

function matchesAny(name: string, rules: readonly (string | RegExp)[]): boolean {
  for (const rule of rules) {
    if (typeof rule === 'string') {
      if (rule === name) return true;
      continue;
    }
    rule.lastIndex = 0; // a caller's /g or /y pattern must not carry state between names
    if (rule.test(name)) return true;
  }
  return false;
}

/**
 * RFC 5952 §5: an IPv4-mapped IPv6 address is written with its last 32 bits in dotted-quad form
 * (`::ffff:127.0.0.1`). The WHATWG serialiser prints hex (`::ffff:7f00:1`); crawler-commons keeps
 * the dotted form, and so do we.
 */
function canonicalIpv6(hostname: string): string {
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(hostname);
  if (mapped === null) return hostname;
  const high = Number.parseInt(mapped[1] ?? '0', 16);
  const low = Number.parseInt(mapped[2] ?? '0', 16);
  return `[::ffff:${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}]`;
}

function parseInput(input: string, base: string | undefined): URL | null {
  if (base !== undefined && base !== '') return parseUrl(input, base);
  const url = parseUrl(input);
  if (url !== null && !(HOST_PORT_WITHOUT_SCHEME.test(input) && !CANONICAL_SCHEMES.has(url.protocol))) {
    return url;
  }
  // crawler-commons (parseStringToURL) retries a scheme-less input as http://…: people paste
  // "example.com/page" and "localhost:8080/x".
  if (!HAS_SCHEME.test(input) || HOST_PORT_WITHOUT_SCHEME.test(input)) return parseUrl(`http://${input}`);
  return null;
}

/**
 * Canonical form of `input` (resolved against `base` if given), or null when it is not a valid
 * URL with a canonicalisable scheme (http, https, ftp, file, ws, wss). Never throws.
 *
 * What it does: lower-case scheme and host, IDN → punycode, strip a trailing dot from the host,
 * drop userinfo, default port and fragment, resolve dot segments, collapse `//` in the path,
 * decode percent-escaped unreserved characters and upper-case the other escapes (high-bit and control
 * bytes stay encoded), escape `[ ] ^ | { } \`` and stray `%`, drop empty query parameters and an empty
 * `?`, then the options (sort parameters, drop session ids, optionally tracking parameters).
 */
export function normalizeUrl(input: string, base?: string, options: NormalizeUrlOptions = {}): string | null {
  if (typeof input !== 'string') return null;
  const trimmed = input.trim();
  if (trimmed === '') return null;
  const url = parseInput(trimmed, base);
  if (url === null || !CANONICAL_SCHEMES.has(url.protocol)) return null;

  const sortQuery = options.sortQuery ?? true;
  const removeSessionIds = options.removeSessionIds ?? true;
  const removeRules: (string | RegExp)[] = [...(options.removeQueryParams ?? [])];
  if (options.stripTracking === true) removeRules.push(...TRACKING_PARAM_PATTERNS);

  // Host: the WHATWG parser has lower-cased, percent-decoded and IDNA-mapped it already.
  let host = url.hostname;
  if (host.startsWith('[')) host = canonicalIpv6(host);
  else host = host.replace(/\.+$/, '');
  if (host === '' && url.protocol !== 'file:') return null;
  if (host !== '' && !host.startsWith('[') && !DNS_HOST.test(host)) return null;

  // Path: session-id path parameters (Servlet URL rewriting, `;jsessionid=…`), then `//` → `/`
  // (servers merge slashes by default, e.g. nginx `merge_slashes on`; crawler-commons does the same).
  let path = url.pathname;
  if (removeSessionIds) path = path.replace(/;jsessionid=[^/;]*/gi, '');
  path = normalizePercentEncoding(path.replace(/\/{2,}/g, '/'));
  if (path === '') path = '/';

  const query = normalizeQuery(url.search, sortQuery, removeSessionIds, removeRules);

  if (url.protocol === 'file:') {
    // RFC 8089 §2: `file:/path` (local-path form) when there is no host, as crawler-commons prints it.
    return host === '' ? `file:${path}${query}` : `file://${host}${path}${query}`;
  }
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${host}${port}${path}${query}`;
}

function normalizeQuery(search: string, sortQuery: boolean, removeSessionIds: boolean, removeRules: readonly (string | RegExp)[]): string {
  if (search.length <= 1) return '';
  const params: { name: string; value: string }[] = [];
  for (const part of normalizePercentEncoding(search.slice(1)).split('&')) {
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    // crawler-commons drops parameters with an empty name (`&&`, `=1`) and writes `b=` as `b`.
    if (name === '') continue;
    const decoded = decodeParamName(name);
    if (removeSessionIds && SESSION_ID_PARAMS.includes(decoded.toLowerCase())) continue;
    if (removeRules.length > 0 && (matchesAny(decoded, removeRules) || matchesAny(name, removeRules))) continue;
    params.push({ name, value });
  }
  if (sortQuery) params.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (params.length === 0) return '';
  return `?${params.map((p) => (p.value === '' ? p.name : `${p.name}=${p.value}`)).join('&')}`;
}

/** True when both inputs normalise to the same non-null key (same options for both). */
export function isSameTarget(a: string, b: string, options: NormalizeUrlOptions = {}): boolean {
  const left = normalizeUrl(a, undefined, options);
  return left !== null && left === normalizeUrl(b, undefined, options);
}

/**
 * Remove tracking parameters (TRACKING_PARAM_PATTERNS: `utm_*`, `source`) from a URL and return its
 * href; every other parameter, the parameter order, their encoding and the fragment are kept as they
 * were. Returns null when the input is not a valid absolute URL. Never throws.
 */
export function stripTrackingParams(url: string | URL): string | null {
  const parsed = typeof url === 'string' ? parseUrl(url) : parseUrl(url.href);
  if (parsed === null) return null;
  if (parsed.search.length <= 1) return parsed.href;
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return !matchesAny(decodeParamName(name), TRACKING_PARAM_PATTERNS);
    });
  // Assigning `search` re-serialises only the query; an empty string removes the `?`.
  parsed.search = kept.length === 0 ? '' : `?${kept.join('&')}`;
  return parsed.href;
}
