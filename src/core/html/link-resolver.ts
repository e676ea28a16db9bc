/**
 * Resolving hrefs the way a browser does for one document: against the document base URL, which is the
 * first `<base href>` in tree order (HTML §4.2.3 "the frozen base URL"; later base elements are
 * ignored), parsed against the document's own URL, falling back to the document URL when it does not
 * parse. Only http(s) results are kept (parseHttpUrl: OWASP scheme allow-list).
 */
import { parseHttpUrl, parseUrl } from '../url/parse-url.js';
import { fastResolve } from './fast-url.js';
import type { ScannedLink } from './html-scan.js';

export interface ResolvedUrl {
  url: string;
  /** Hostname: lower case, punycode, IPv6 in brackets, trailing dot removed. */
  host: string;
}

/** The document base URL: first `<base href>` resolved against the page URL, else the page URL. */
export function documentBaseUrl(links: readonly ScannedLink[], pageUrl: string | undefined): URL | null {
  const page = pageUrl === undefined ? null : parseUrl(pageUrl);
  const baseLink = links.find((l) => l.tag === 'base');
  if (baseLink !== undefined) {
    const b = page === null ? parseUrl(baseLink.href.trim()) : parseUrl(baseLink.href.trim(), page);
    // HTML §4.2.3: a data: or javascript: base URL is not used.
    if (b !== null && b.protocol !== 'data:' && b.protocol !== 'javascript:') return b;
  }
  return page;
}

function hostWithoutTrailingDot(hostname: string): string {
  return hostname.length > 1 && hostname.endsWith('.') ? hostname.slice(0, -1) : hostname;
}

/**
 * Resolves hrefs against one base. Already-canonical hrefs (most of them) take the fast path on every
 * call: checking an href is cheaper than hashing it for a Map. Only the rest, which need the URL
 * parser, are cached per href (pages repeat the same hrefs a lot).
 */
export class LinkResolver {
  private readonly cache = new Map<string, ResolvedUrl | null>();
  private readonly httpBase: { origin: string; hostname: string; protocol: string } | null;

  constructor(private readonly base: URL | null) {
    this.httpBase =
      base !== null && (base.protocol === 'http:' || base.protocol === 'https:')
        ? // The host without a trailing dot, as `resolve` gives it on the slow path ("example.com." names the same host).
          { origin: base.origin, hostname: hostWithoutTrailingDot(base.hostname), protocol: base.protocol }
        : null;
  }

  resolve(href: string): ResolvedUrl | null {
    // Already-canonical hrefs skip the URL parser; fast-url.test.ts proves agreement.
    const fast = fastResolve(href, this.httpBase);
    if (fast !== null) return fast;
    const hit = this.cache.get(href);
    if (hit !== undefined) return hit;
    const u = this.base === null ? parseHttpUrl(href) : parseHttpUrl(href, this.base);
    let v: ResolvedUrl | null = null;
    if (u !== null && u.hostname !== '') {
      const h = u.hostname;
      v = { url: u.href, host: hostWithoutTrailingDot(h) };
    }
    this.cache.set(href, v);
    return v;
  }
}
