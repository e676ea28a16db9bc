/**
 * Identifiers in Medium URLs and markup. Pure string work: any host is accepted, so a fake Medium served on
 * 127.0.0.1 (the demo world) parses like the real one; deciding which origin is "Medium" is an adapter concern.
 */

/**
 * Medium ids are lower-case hex numbers printed without leading zeros: 12 characters usually, 11 (and, rarely,
 * 10) when the number starts with zero nibbles. Evidence: every post id in shared/fixtures/medium is 12 hex, user
 * and collection ids of 11 hex occur in the same fixtures (`User:d299e872410`, `Collection:e5ed704095b`), and an
 * 11-hex post permalink `https://medium.com/p/6eb84abb6f6` appears in a public Medium export (code index file id
 * 22773109806). We therefore accept 10–12 hex characters.
 */
const ID = '[0-9a-f]{10,12}';
const POST_ID_RE = new RegExp(`^${ID}$`);
const SLUG_SUFFIX_RE = new RegExp(`(?:^|-)(${ID})$`);
const APP_URL_RE = new RegExp(`^medium:/+p/(${ID})(?:[/?#]|$)`, 'i');
const ANDROID_APP_RE = new RegExp(`^android-app://com\\.medium\\.reader/https?/[^/]+/p/(${ID})(?:[/?#]|$)`, 'i');

/** True for a string shaped like a Medium post/user/collection id. */
export function isMediumId(value: string): boolean {
  return POST_ID_RE.test(value);
}

function safeUrl(input: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(input) : new URL(input, base);
  } catch {
    return null;
  }
}

/**
 * The post id of a story URL, or null. Accepted forms (any host, so custom domains and 127.0.0.1 work):
 * `/p/<id>` (also `/p/<id>/edit`), and a last path segment ending in `-<id>` or consisting of the id alone
 * (`/@user/<slug>-<id>`, `/<publication>/<slug>-<id>`, `https://custom.domain/<slug>-<id>`).
 * Also understands the app links Medium puts in the head: `medium://p/<id>`, `medium:/p/<id>` (2015 pages)
 * and `android-app://com.medium.reader/https/medium.com/p/<id>`.
 */
export function mediumPostIdFromUrl(url: string): string | null {
  const trimmed = url.trim();
  const app = APP_URL_RE.exec(trimmed) ?? ANDROID_APP_RE.exec(trimmed);
  if (app?.[1] !== undefined) return app[1].toLowerCase();
  const parsed = safeUrl(trimmed);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  const segments = parsed.pathname
    .split('/')
    .filter((s) => s.length > 0)
    .map((s) => safeDecode(s));
  const pIndex = segments.indexOf('p');
  if (pIndex >= 0) {
    const candidate = segments[pIndex + 1]?.toLowerCase();
    if (candidate !== undefined && POST_ID_RE.test(candidate)) return candidate;
  }
  const last = segments[segments.length - 1];
  if (last === undefined || last.startsWith('@')) return null;
  // Medium appends the id with a hyphen; an upper-case slug is possible, the id itself is always lower-case.
  const m = SLUG_SUFFIX_RE.exec(last);
  return m?.[1] ?? null;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * True for medium.com and its subdomains (`<user>.medium.com`, `cdn-images-1.medium.com` …). Custom domains of
 * publications (towardsdatascience.com, blog.stackademic.com) cannot be recognised by host; recognise those by
 * page markers instead (see `readMediumPageIdentity`).
 */
export function isMediumHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/\.$/, '').replace(/:\d+$/, '');
  return h === 'medium.com' || h.endsWith('.medium.com');
}

/**
 * The username of a profile URL: `/@user`, `/@user/…`, `https://user.medium.com/…` (subdomain users),
 * or `medium://@user` (profile app link). Null when the URL names no user.
 */
export function mediumUsernameFromUrl(url: string): string | null {
  const app = /^medium:\/+@([^/?#]+)/i.exec(url.trim());
  if (app?.[1] !== undefined) return safeDecode(app[1]);
  const parsed = safeUrl(url.trim());
  if (parsed === null) return null;
  const first = parsed.pathname.split('/').find((s) => s.length > 0);
  if (first?.startsWith('@') === true && first.length > 1) return safeDecode(first.slice(1));
  const host = parsed.hostname.toLowerCase();
  if (host.endsWith('.medium.com')) {
    const sub = host.slice(0, -'.medium.com'.length);
    // Medium's own service hosts are not users.
    if (!MEDIUM_SERVICE_SUBDOMAINS.has(sub) && !sub.includes('.')) return sub;
  }
  return null;
}

/** Subdomains of medium.com that belong to Medium itself (seen in the fixtures' chrome links and assets). */
const MEDIUM_SERVICE_SUBDOMAINS = new Set([
  'www',
  'help',
  'policy',
  'blog',
  'about',
  'cdn-images-1',
  'cdn-static-1',
  'cdn-client',
  'miro',
  'glyph',
  'medium',
  'superfeedr',
  'link',
  'rsci',
  'api',
  'statuspage',
  'jobs',
  'speechify',
]);

/**
 * Query parameters that only track where a click came from: Medium's `source` (`?source=rss-…`,
 * `?source=post_page-----…`) and the `utm_*` family — the same set stack.md recommends for normalize-url.
 */
export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'source' || n.startsWith('utm_');
}

/** The URL without tracking parameters (and without an empty `?`). Returns the input unchanged when unparsable. */
export function stripTrackingParams(url: string): string {
  const parsed = safeUrl(url.trim());
  if (parsed === null) return url.trim();
  for (const name of [...parsed.searchParams.keys()]) {
    if (isTrackingParam(name)) parsed.searchParams.delete(name);
  }
  const out = parsed.toString();
  return out.endsWith('?') ? out.slice(0, -1) : out;
}

/**
 * Ids carried by Medium's `?source=` values in feed channel links (notes §1):
 * user feeds `rss-<userId>------2`, publication feeds `rss----<collectionId>---4` (and `--<tag>` for tagged feeds),
 * tag feeds `rss------<tag>-5`.
 */
export function parseRssSource(source: string): { userId: string | null; collectionId: string | null; tag: string | null } {
  const user = new RegExp(`^rss-(${ID})-`).exec(source);
  if (user?.[1] !== undefined) return { userId: user[1], collectionId: null, tag: null };
  const coll = new RegExp(`^rss----(${ID})(?:-+([^-].*?))?-*\\d*$`).exec(source);
  if (coll?.[1] !== undefined) return { userId: null, collectionId: coll[1], tag: cleanTag(coll[2]) };
  const tag = /^rss------(.+?)-\d+$/.exec(source);
  if (tag?.[1] !== undefined) return { userId: null, collectionId: null, tag: tag[1] };
  return { userId: null, collectionId: null, tag: null };
}

function cleanTag(tag: string | undefined): string | null {
  if (tag === undefined) return null;
  const t = tag.replace(/-+\d*$/, '');
  return t.length > 0 && !/^\d+$/.test(t) ? t : null;
}

/** Epoch milliseconds (Medium's timestamps) to ISO; 0, negative and non-numbers give null. */
export function epochMsToIso(value: unknown): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** Any date string Date can read (ISO, RFC 822) to ISO; null otherwise. */
export function dateStringToIso(value: unknown): string | null {
  if (typeof value !== 'string' || value.trim() === '') return null;
  const d = new Date(value.trim());
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/**
 * A tag as Medium writes it in URLs and feeds (notes §1: lower-case, hyphenated): "Link Building" →
 * "link-building", "Node.js" → "nodejs", "Café SEO!" → "cafe-seo", "web/dev" → "web-dev". Whitespace,
 * underscores and slashes separate words; apostrophes and other punctuation are dropped; accents are
 * stripped (NFKD); letters of any script are kept. The one slug rule for discovery, keyword research and the
 * content checker's tag check.
 */
export function mediumTagSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\s_/\\]+/g, '-')
    .replace(/[^\p{L}\p{N}-]+/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}
