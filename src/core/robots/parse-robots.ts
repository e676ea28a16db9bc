/**
 * robots.txt parsing and matching: RFC 9309 with Google's reference behaviour (google/robotstxt
 * `robots.cc`, the matcher Googlebot uses), re-implemented here in TypeScript.
 *
 * Why our own code and not the robots-parser package (the stack note's first pick): robots-parser
 * 3.0.1 passes 131 of the 145 `allow_cases` of Google's matcher tests (63/72 of the standard ones)
 * and 131 of the 146 robotstxt-spec-test cases (119/124 standard) — measured on Node 20.20 with the
 * same harness as parse-robots.conformance.test.ts, robots-parser installed outside the repo. Its
 * misses: user-agent values with a space (`User-agent: Foo Bar` must match `Foo`), the missing colon
 * (`disallow /`), partial UTF-8 BOMs and a BOM in mid-file, the index.html rule, the 16 KB line cap,
 * and raw non-ASCII request URLs, which it percent-encodes where Google's contract says the caller
 * passes them encoded. This module decides whether Linkwright may fetch a page, so we want the
 * reference suite at 100%, which this re-implementation reaches (deliberate differences are listed in
 * docs/conformance-deviations.md § robots.txt).
 *
 * Pure: bytes or text in, a rules object out. Fetching, caching and the 4xx/5xx policy belong to the
 * fetch layer (RFC 9309 §2.3.1).
 */
import { parseHttpUrl } from '../url/parse-url.js';

/**
 * Bytes of a robots.txt that are parsed; the rest is ignored. RFC 9309 §2.5: "The parsing limit MUST
 * be at least 500 kibibytes"; Google documents the same 500 KiB cut-off. 500 × 1024 = 512,000.
 */
export const ROBOTS_PARSE_LIMIT_BYTES = 512_000;

/**
 * Longest line kept, in bytes; the rest of a longer line is dropped. google/robotstxt robots.cc
 * `kMaxLineLen = 2083 * 8` (eight times the longest URL old browsers accepted), of which the last byte
 * is the terminating NUL, so 16,663 bytes of text survive.
 */
export const ROBOTS_MAX_LINE_BYTES = 2083 * 8 - 1;

export interface RobotsParseStats {
  /** Lines recognised as user-agent, allow, disallow, sitemap or crawl-delay (typos included). */
  validDirectives: number;
  /** Lines with a key/value shape but an unknown key. */
  unknownDirectives: number;
  /** 1-based number of the last line that held a directive (known or unknown); 0 when none. */
  lastLineSeen: number;
  /** True when the body was longer than ROBOTS_PARSE_LIMIT_BYTES and only its head was parsed. */
  truncated: boolean;
}

export interface RobotsRules {
  /**
   * May `userAgent` fetch `url`? `userAgent` is the crawler's product token (RFC 9309 §2.2.1), e.g.
   * `Linkwright` — use productToken() to get it from a full User-Agent header. Matching is
   * case-insensitive on the token. `url` must already be percent-encoded, as `URL.href` is (Google's
   * matcher contract: robots.cc `AllowedByRobots`); only its path, params and query are used.
   */
  isAllowed(url: string | URL, userAgent: string): boolean;
  /**
   * Crawl-delay in seconds for `userAgent` (a non-standard directive, RFC 9309 §2.2.4 "other records"),
   * or undefined when the applicable groups set none. The groups are the ones isAllowed would use:
   * the groups naming the product token, else the `*` groups. If several apply, the largest value wins.
   */
  crawlDelay(userAgent: string): number | undefined;
  /** Absolute http(s) Sitemap URLs in file order, duplicates removed, relative ones resolved against robotsUrl. */
  sitemaps: string[];
  stats: RobotsParseStats;
}

interface CompiledRule {
  allow: boolean;
  /** The pattern split at `*`; parts[0] must be a prefix of the path. */
  parts: string[];
  /** Pattern ended with `$`: the last part must end the path. */
  anchored: boolean;
  /** Longest-match priority: the length in octets of the (escaped) pattern (robots.cc LongestMatch). */
  priority: number;
}

interface Group {
  global: boolean;
  /** Lower-cased product tokens named by the group's user-agent lines. */
  agents: string[];
  rules: CompiledRule[];
  crawlDelay: number | undefined;
  /** An allow/disallow line was seen: the next user-agent line starts a new group. */
  closed: boolean;
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const HEX = '0123456789ABCDEF';

/** ASCII whitespace as absl::StripAsciiWhitespace sees it: space, \t, \n, \v, \f, \r. */
function isAsciiSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d);
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** ASCII-only lower-casing (robots.cc uses absl::EqualsIgnoreCase; `\u212A`.toLowerCase() is `k`). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, (upper) => upper.toLowerCase());
}

function stripAsciiSpace(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiSpace(text.charCodeAt(start))) start++;
  while (end > start && isAsciiSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/**
 * The product token at the start of a user-agent value: the leading run of `[a-zA-Z_-]`
 * (RFC 9309 §2.2.1; robots.cc ExtractUserAgent). `Googlebot/2.1 (+http://…)` → `Googlebot`.
 * Also the way to derive the token to pass to isAllowed from a full User-Agent header.
 */
export function productToken(userAgent: string): string {
  const match = /^[A-Za-z_-]*/.exec(userAgent);
  return match === null ? '' : match[0];
}

/** True when `token` is a non-empty product token of only `[a-zA-Z_-]` (RFC 9309 §2.2.1; robots.cc IsValidUserAgentToObey). */
export function isValidProductToken(token: string | null | undefined): boolean {
  return typeof token === 'string' && token.length > 0 && productToken(token) === token;
}

/**
 * The path, params and query of a URL as the matcher sees them (robots.cc GetPathParamsQuery):
 * scheme, authority and fragment removed; always starts with `/`; `/` when there is no path.
 * Works on strings that are not full URLs too (`example.com/a` → `/a`).
 */
export function robotsPathOf(url: string): string {
  let searchStart = 0;
  if (url.length >= 2 && url[0] === '/' && url[1] === '/') searchStart = 2;
  const earlyPath = indexOfAny(url, '/?;', searchStart);
  let protocolEnd = url.indexOf('://', searchStart);
  // A path, params or query that starts before `://` means `://` is not a scheme separator.
  if (earlyPath >= 0 && (protocolEnd < 0 || earlyPath < protocolEnd)) protocolEnd = -1;
  protocolEnd = protocolEnd < 0 ? searchStart : protocolEnd + 3;
  const pathStart = indexOfAny(url, '/?;', protocolEnd);
  if (pathStart < 0) return '/';
  const hashPos = url.indexOf('#', searchStart);
  if (hashPos >= 0 && hashPos < pathStart) return '/';
  const pathEnd = hashPos < 0 ? url.length : hashPos;
  const path = url.slice(pathStart, pathEnd);
  return url[pathStart] === '/' ? path : `/${path}`;
}

function indexOfAny(text: string, chars: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (chars.includes(text[i] as string)) return i;
  }
  return -1;
}

/**
 * Canonical form of an allow/disallow pattern (robots.cc MaybeEscapePattern), on a byte string
 * (one char per octet): upper-case the hex of `%xx` escapes and percent-encode octets ≥ 0x80
 * (RFC 9309 §2.2.2: non-ASCII octets "MUST be percent-encoded … prior to comparison").
 * `/SanJoséSellers` (UTF-8) → `/SanJos%C3%A9Sellers`, `%aa` → `%AA`.
 */
export function escapeRobotsPattern(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (code === 0x25 && isHexDigit(bytes.charCodeAt(i + 1)) && isHexDigit(bytes.charCodeAt(i + 2))) {
      out += `%${bytes.slice(i + 1, i + 3).toUpperCase()}`;
      i += 2;
    } else if (code >= 0x80) {
      out += `%${HEX[(code >> 4) & 0xf]}${HEX[code & 0xf]}`;
    } else {
      out += bytes[i];
    }
  }
  return out;
}

/** Upper-case the hex digits of `%xx` escapes in a URL path so `%2f` and `%2F` compare equal (RFC 3986 §6.2.2.1). */
function uppercaseEscapes(path: string): string {
  return path.includes('%') ? path.replace(/%[0-9a-f]{2}/gi, (triplet) => triplet.toUpperCase()) : path;
}

function compileRule(allow: boolean, pattern: string): CompiledRule {
  const anchored = pattern.endsWith('$');
  const body = anchored ? pattern.slice(0, -1) : pattern;
  return { allow, parts: body.split('*'), anchored, priority: pattern.length };
}

/**
 * Does `pattern` match `path` from its first octet (RFC 9309 §2.2.2/§2.2.3)? `*` matches any run of
 * octets; `$` is special only as the last character. Greedy left-most placement of each `*`-separated
 * part is exact for this pattern language and linear-ish, unlike robots.cc's position set, whose
 * O(pattern × path) cost a hostile 16 KB line of `*a*a*…` would exploit.
 */
function ruleMatches(rule: CompiledRule, path: string): boolean {
  const { parts, anchored } = rule;
  const first = parts[0] ?? '';
  if (!path.startsWith(first)) return false;
  let pos = first.length;
  if (parts.length === 1) return anchored ? pos === path.length : true;
  const lastIndex = parts.length - 1;
  for (let i = 1; i < lastIndex; i++) {
    const part = parts[i] ?? '';
    if (part === '') continue;
    const found = path.indexOf(part, pos);
    if (found < 0) return false;
    pos = found + part.length;
  }
  const last = parts[lastIndex] ?? '';
  if (anchored) return path.length - last.length >= pos && path.endsWith(last);
  return last === '' || path.indexOf(last, pos) >= 0;
}

type KeyType = 'user-agent' | 'allow' | 'disallow' | 'sitemap' | 'crawl-delay' | 'unknown';

/**
 * Directive names are case-insensitive and matched by prefix, with the typos Google accepts
 * (robots.cc ParsedRobotsKey, kAllowFrequentTypos). `crawl-delay` is ours (Google ignores it).
 */
function keyType(key: string): KeyType {
  const k = asciiLower(key);
  if (k.startsWith('user-agent') || k.startsWith('useragent') || k.startsWith('user agent')) return 'user-agent';
  if (k.startsWith('allow')) return 'allow';
  if (
    k.startsWith('disallow') ||
    k.startsWith('dissallow') ||
    k.startsWith('dissalow') ||
    k.startsWith('disalow') ||
    k.startsWith('diasllow') ||
    k.startsWith('disallaw')
  ) {
    return 'disallow';
  }
  if (k.startsWith('sitemap') || k.startsWith('site-map')) return 'sitemap';
  if (/^crawl[-_ ]?delay/.test(k)) return 'crawl-delay';
  return 'unknown';
}

/**
 * Split one line (a byte string, comment not yet removed) into key and value, as robots.cc
 * GetKeyAndValueFrom does: `#` starts a comment; `key : value` with optional whitespace; and
 * (Google) a missing colon is accepted when the line is exactly two whitespace-separated words.
 */
function splitLine(raw: string): { key: string; value: string } | null {
  const hash = raw.indexOf('#');
  const line = stripAsciiSpace(hash >= 0 ? raw.slice(0, hash) : raw);
  let sep = line.indexOf(':');
  let valueStart = sep + 1;
  if (sep < 0) {
    const space = line.search(/[ \t]/);
    if (space < 0) return null;
    let v = space;
    while (v < line.length && (line[v] === ' ' || line[v] === '\t')) v++;
    if (/[ \t]/.test(line.slice(v))) return null;
    sep = space;
    valueStart = v;
  }
  const key = stripAsciiSpace(line.slice(0, sep));
  if (key === '') return null;
  return { key, value: stripAsciiSpace(line.slice(valueStart)) };
}

/** Byte string (one char per octet) → text, decoding UTF-8 (invalid sequences become U+FFFD). */
function bytesToText(bytes: string): string {
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return new TextDecoder('utf-8').decode(array);
}

/**
 * The octets to parse: UTF-8 for text input; a UTF-16 body (with its BOM) is transcoded to UTF-8
 * (RFC 9309 §2.3 requires UTF-8, but such files exist; crawler-commons reads them too); only the first
 * ROBOTS_PARSE_LIMIT_BYTES are kept, minus the line the cut falls into, so a rule cut in half
 * (`Disallow: /private` → `Disallow: /`) can never widen what is disallowed.
 */
function bodyBytes(body: string | Uint8Array): { bytes: Uint8Array; truncated: boolean } {
  let bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const truncated = bytes.length > ROBOTS_PARSE_LIMIT_BYTES;
  if (truncated) bytes = bytes.subarray(0, ROBOTS_PARSE_LIMIT_BYTES);
  const b0 = bytes[0];
  const b1 = bytes[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const units = bytes.subarray(2, 2 + ((bytes.length - 2) & ~1));
    const le = new Uint8Array(units.length);
    for (let i = 0; i + 1 < units.length; i += 2) {
      le[i] = b0 === 0xff ? (units[i] ?? 0) : (units[i + 1] ?? 0);
      le[i + 1] = b0 === 0xff ? (units[i + 1] ?? 0) : (units[i] ?? 0);
    }
    bytes = new TextEncoder().encode(new TextDecoder('utf-16le').decode(le));
  }
  if (truncated) {
    let end = bytes.length;
    while (end > 0 && bytes[end - 1] !== 0x0a && bytes[end - 1] !== 0x0d) end--;
    bytes = bytes.subarray(0, end);
  }
  return { bytes, truncated };
}

/**
 * Call `onLine(lineNumber, byteString)` for every line, as robots.cc RobotsTxtParser::Parse splits
 * them: a (possibly partial) UTF-8 BOM at the very start is skipped; CR, LF and CRLF all end a line;
 * octets past ROBOTS_MAX_LINE_BYTES on a line are dropped; the text after the last line break is a line.
 */
function forEachLine(bytes: Uint8Array, onLine: (lineNumber: number, line: string) => void): void {
  let start = 0;
  while (start < UTF8_BOM.length && bytes[start] === UTF8_BOM[start]) start++;
  let lineNumber = 0;
  let lineStart = start;
  let lastWasCr = false;
  const emit = (end: number): void => {
    const stop = Math.min(end, lineStart + ROBOTS_MAX_LINE_BYTES);
    let text = '';
    // Chunked so String.fromCharCode never receives more arguments than the engine allows.
    for (let i = lineStart; i < stop; i += 8192) {
      text += String.fromCharCode(...bytes.subarray(i, Math.min(stop, i + 8192)));
    }
    onLine(++lineNumber, text);
  };
  for (let i = start; i < bytes.length; i++) {
    const ch = bytes[i];
    if (ch !== 0x0a && ch !== 0x0d) continue;
    // The LF of a CRLF ends nothing: the CR already ended the line.
    const crlfContinuation = i === lineStart && lastWasCr && ch === 0x0a;
    if (!crlfContinuation) emit(i);
    lineStart = i + 1;
    lastWasCr = ch === 0x0d;
  }
  emit(bytes.length);
}

/**
 * Parse a robots.txt body (bytes as fetched, or text) into rules. `robotsUrl` (where the file came
 * from) resolves relative Sitemap lines. Never throws; garbage parses to "no rules" (everything allowed).
 */
export function parseRobots(body: string | Uint8Array, robotsUrl?: string): RobotsRules {
  const { bytes, truncated } = bodyBytes(typeof body === 'string' || body instanceof Uint8Array ? body : '');
  const groups: Group[] = [];
  const sitemapValues: string[] = [];
  const stats: RobotsParseStats = { validDirectives: 0, unknownDirectives: 0, lastLineSeen: 0, truncated };
  let current: Group | null = null;

  forEachLine(bytes, (lineNumber, line) => {
    const kv = splitLine(line);
    if (kv === null) return;
    stats.lastLineSeen = lineNumber;
    const type = keyType(kv.key);
    if (type === 'unknown') {
      stats.unknownDirectives++;
      return;
    }
    stats.validDirectives++;
    switch (type) {
      case 'user-agent': {
        // Consecutive user-agent lines share one group; one after a rule starts a new group
        // (RFC 9309 §2.1; other lines such as Sitemap do not end a group, §2.2.4).
        if (current === null || current.closed) {
          current = { global: false, agents: [], rules: [], crawlDelay: undefined, closed: false };
          groups.push(current);
        }
        const value = kv.value;
        // Google: `*` followed by whitespace and more text is still the global group.
        if (value[0] === '*' && (value.length === 1 || isAsciiSpace(value.charCodeAt(1)))) current.global = true;
        else current.agents.push(asciiLower(productToken(value)));
        return;
      }
      case 'allow':
      case 'disallow': {
        if (current === null) return; // rules before any user-agent line belong to no group
        current.closed = true;
        const pattern = escapeRobotsPattern(kv.value);
        current.rules.push(compileRule(type === 'allow', pattern));
        if (type === 'allow') {
          // Google: `…/index.htm` or `…/index.html` allowed means its directory URL `…/` is allowed too
          // (robots.cc HandleAllow retries with `…/$`). As its own rule this gives the same result:
          // whenever the original pattern matches, it is the longer one.
          const slash = pattern.lastIndexOf('/');
          if (slash >= 0 && pattern.startsWith('/index.htm', slash)) {
            current.rules.push(compileRule(true, `${pattern.slice(0, slash + 1)}$`));
          }
        }
        return;
      }
      case 'sitemap':
        sitemapValues.push(bytesToText(kv.value));
        return;
      case 'crawl-delay': {
        if (current === null) return;
        const seconds = /^\d+(?:\.\d+)?$|^\.\d+$/.test(kv.value) ? Number(kv.value) : Number.NaN;
        if (Number.isFinite(seconds)) current.crawlDelay = Math.max(current.crawlDelay ?? 0, seconds);
        return;
      }
    }
  });

  const sitemaps: string[] = [];
  for (const value of sitemapValues) {
    const url = robotsUrl === undefined ? parseHttpUrl(value) : parseHttpUrl(value, robotsUrl);
    if (url !== null && !sitemaps.includes(url.href)) sitemaps.push(url.href);
  }
  return new ParsedRobots(groups, sitemaps, stats);
}

interface AgentView {
  specific: CompiledRule[];
  global: CompiledRule[];
  /** Some group names the token (even one without rules): the `*` groups no longer apply. */
  hasSpecificGroup: boolean;
  crawlDelay: number | undefined;
}

class ParsedRobots implements RobotsRules {
  readonly sitemaps: string[];
  readonly stats: RobotsParseStats;
  readonly #groups: Group[];
  readonly #views = new Map<string, AgentView>();

  constructor(groups: Group[], sitemaps: string[], stats: RobotsParseStats) {
    this.#groups = groups;
    this.sitemaps = sitemaps;
    this.stats = stats;
  }

  /** The rules that apply to a product token: every group naming it, merged (RFC 9309 §2.2.1), else the `*` groups. */
  #view(userAgent: string): AgentView {
    const token = typeof userAgent === 'string' ? asciiLower(userAgent) : '';
    const cached = this.#views.get(token);
    if (cached !== undefined) return cached;
    const view: AgentView = { specific: [], global: [], hasSpecificGroup: false, crawlDelay: undefined };
    let globalDelay: number | undefined;
    let specificDelay: number | undefined;
    for (const group of this.#groups) {
      if (group.agents.includes(token)) {
        view.hasSpecificGroup = true;
        view.specific.push(...group.rules);
        if (group.crawlDelay !== undefined) specificDelay = Math.max(specificDelay ?? 0, group.crawlDelay);
      } else if (group.global) {
        view.global.push(...group.rules);
        if (group.crawlDelay !== undefined) globalDelay = Math.max(globalDelay ?? 0, group.crawlDelay);
      }
    }
    view.crawlDelay = view.hasSpecificGroup ? specificDelay : globalDelay;
    if (this.#views.size < 64) this.#views.set(token, view);
    return view;
  }

  isAllowed(url: string | URL, userAgent: string): boolean {
    const raw = typeof url === 'string' ? url : url instanceof URL ? url.href : '';
    const path = uppercaseEscapes(robotsPathOf(raw));
    // RFC 9309 §2.2.2: "The /robots.txt URI is implicitly allowed."
    if (path === '/robots.txt') return true;
    const view = this.#view(userAgent);
    const specific = decide(view.specific, path);
    if (specific !== undefined) return specific;
    // A group for this token exists but no rule with a non-empty pattern matched: allowed
    // (robots.cc disallow(): the `*` group is not consulted once a specific group was seen).
    if (view.hasSpecificGroup) return true;
    return decide(view.global, path) ?? true;
  }

  crawlDelay(userAgent: string): number | undefined {
    return this.#view(userAgent).crawlDelay;
  }
}

/**
 * Longest match wins; on equal length allow wins (RFC 9309 §2.2.2). Undefined when no rule with a
 * non-empty pattern matched — robots.cc only decides on priorities > 0, so `Disallow:` (empty)
 * disallows nothing.
 */
function decide(rules: readonly CompiledRule[], path: string): boolean | undefined {
  let allow = -1;
  let disallow = -1;
  for (const rule of rules) {
    if (rule.priority <= (rule.allow ? allow : disallow)) continue;
    if (!ruleMatches(rule, path)) continue;
    if (rule.allow) allow = rule.priority;
    else disallow = rule.priority;
  }
  if (allow <= 0 && disallow <= 0) return undefined;
  return !(disallow > allow);
}

/**
 * The robots.txt URL that governs `pageUrl` (RFC 9309 §2.3: `/robots.txt` at the root of the same
 * scheme, host and port), or null when `pageUrl` is not an http(s) URL.
 */
export function robotsTxtUrl(pageUrl: string | URL): string | null {
  const url = parseHttpUrl(typeof pageUrl === 'string' ? pageUrl : pageUrl.href);
  return url === null ? null : `${url.origin}/robots.txt`;
}
