/**
 * `auditHtml`: the pure link audit of one HTML page — links (optionally only those to the user's
 * sites), their rel/follow, anchor text and placement, plus canonical, robots rules, indexability,
 * Medium identity and bot-challenge detection. One html-scan pass does the parsing; everything after
 * it works on the scan's compact tables. No I/O, no clock (capturedAt comes from the caller).
 */
import { challengeVerdict } from '../html/challenge.js';
import { anchorTextOf, MAX_OUTLINKS } from '../html/extract-links.js';
import { type HtmlScan, type ScannedLink, scanHtml } from '../html/html-scan.js';
import { documentBaseUrl, LinkResolver, type ResolvedUrl } from '../html/link-resolver.js';
import { collapseWhitespace, isFollowed, relTokens } from '../html/link-text.js';
import { classifyPlacements } from '../html/placement.js';
import { parseHttpUrl } from '../url/parse-url.js';
import { isPublicSuffix, registrableDomain } from '../url/registrable-domain.js';
import type { AuditedLink, PageAudit, RedirectHop } from './audit-types.js';
import { decideIndexability } from './indexability.js';
import { linkHeaderTargets } from './link-header.js';
import { detectMediumPage } from './medium-page.js';
import { DEFAULT_UA_TOKEN, headerValues, metaRobotsRules, xRobotsTagRules } from './robots-directives.js';

export interface AuditHtmlOptions {
  /** The URL the user asked for (or `--url` for a saved file). */
  url: string;
  /** The user's site(s): a link is "to the user's site" when its host is a site's registrable domain or a subdomain of it. */
  site?: string | string[];
  /** Return every link, not only those to the user's sites. */
  allLinks?: boolean;
  /** Response headers (any key case; repeated headers as arrays). */
  headers?: Record<string, string | string[]>;
  /** HTTP status; null/absent for a saved file. */
  status?: number | null;
  /** URL after redirects (default: url). */
  finalUrl?: string;
  redirects?: RedirectHop[];
  source?: 'live' | 'file';
  /** ISO-8601 UTC capture time (the core has no clock); empty string when not given. */
  capturedAt?: string;
  /** Robots token for `<meta name=…>` and scoped X-Robots-Tag rules (default `linkwright`). */
  userAgentToken?: string;
  /** Outlink cap (default MAX_OUTLINKS = 5,000). */
  maxLinks?: number;
}

/**
 * Registrable domain per host, shared across calls: the Public Suffix lookup is the same for every page,
 * and link hosts repeat across pages (social networks, CDNs). Bounded: cleared at 10,000 entries.
 */
const DOMAIN_CACHE = new Map<string, string | null>();
const DOMAIN_CACHE_MAX = 10_000;

function domainOfHost(host: string): string | null {
  let v = DOMAIN_CACHE.get(host);
  if (v === undefined) {
    v = registrableDomain(host);
    if (DOMAIN_CACHE.size >= DOMAIN_CACHE_MAX) DOMAIN_CACHE.clear();
    // The host (and the domain cut from it) may be slices of the page's HTML: store copies, so the
    // shared cache never keeps a whole page alive for one host name.
    v = v === null ? null : ownCopy(v);
    DOMAIN_CACHE.set(ownCopy(host), v);
  }
  return v;
}

/** A copy of `s` that does not share memory with the string it was sliced from (V8 keeps slices as views). */
function ownCopy(s: string): string {
  return `${s} `.slice(0, -1);
}

/** Slots of PageHostDomains (a power of two); pages link to a few dozen hosts. */
const HOST_SLOTS = 64;

/**
 * Registrable domains of one page's link hosts. A Map lookup keyed by a string freshly sliced from the
 * page is slow (0.2–0.5 µs per lookup in a micro-benchmark on the 2-core VM, Node 20.20), so a
 * page's hosts (a few dozen) sit in a small direct-mapped table: a hit is one string comparison. A
 * miss (a new host, or two hosts sharing a slot) falls back to the shared DOMAIN_CACHE.
 */
class PageHostDomains {
  private readonly hosts: (string | undefined)[] = new Array<string | undefined>(HOST_SLOTS).fill(undefined);
  private readonly domains: (string | null)[] = new Array<string | null>(HOST_SLOTS).fill(null);

  get(host: string): string | null {
    const n = host.length;
    // Length and three characters spread over the name: hosts of one page differ there.
    const slot = (n * 31 + host.charCodeAt(0) + host.charCodeAt(n >> 1) * 7 + host.charCodeAt(n - 1) * 13) & (HOST_SLOTS - 1);
    if (this.hosts[slot] === host) return this.domains[slot] ?? null;
    const d = domainOfHost(host);
    this.hosts[slot] = host;
    this.domains[slot] = d;
    return d;
  }
}

/** Whether `host` is one of the user's sites or a subdomain of one (memoised per page in `memo`). */
function isUserHost(host: string, sites: readonly string[], memo: Map<string, boolean>): boolean {
  let v = memo.get(host);
  if (v === undefined) {
    v = sites.some((d) => host === d || host.endsWith(`.${d}`));
    memo.set(host, v);
  }
  return v;
}

/**
 * The hosts of the user's sites, as given: a link is to the user's site when its host is one of
 * them or a subdomain of one ("subdomains count as yours", README). A leading "www." is dropped, so
 * `www.example.com` also covers example.com and its other subdomains. Not the registrable domain:
 * `--site alice.medium.com` must not make every medium.com link the user's, nor `--site
 * blog.example.com` the shop next door. Values that are not a host, and public suffixes (`com`,
 * `github.io`), are left out here; the CLI refuses them (siteHostProblem).
 */
function siteKeys(site: string | string[] | undefined): string[] {
  const list = site === undefined ? [] : Array.isArray(site) ? site : [site];
  const out: string[] = [];
  for (const s of list) {
    if (typeof s !== 'string') continue;
    const host = siteHost(s);
    if (host === null || siteHostProblem(s) !== null) continue;
    if (!out.includes(host)) out.push(host);
  }
  return out;
}

/** The site's host: lower case, no trailing dot, no leading "www."; null when `site` names no host. */
export function siteHost(site: string): string | null {
  const t = site.trim();
  if (t === '' || /\s/.test(t)) return null;
  const asUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? parseHttpUrl(t) : parseHttpUrl(`http://${t}`);
  if (asUrl === null) return null;
  const host = asUrl.hostname.replace(/\.$/, '');
  if (host === '') return null;
  return host.startsWith('www.') && host.length > 4 ? host.slice(4) : host;
}

/** Why `site` cannot be a user's site (null when it can): not a host, or a public suffix. */
export function siteHostProblem(site: string): string | null {
  const host = siteHost(site);
  if (host === null) return `"${site}" is not a host name`;
  if (isPublicSuffix(host)) {
    return `"${site}" is a public suffix (every site under it would count as yours); give your own domain`;
  }
  return null;
}

/** Whether a host belongs to the user's sites (the rule `auditHtml` uses for `toUserSite`). */
export function userSiteMatcher(site: string | string[] | undefined): (host: string) => boolean {
  const sites = siteKeys(site);
  const memo = new Map<string, boolean>();
  return (host) => sites.length > 0 && isUserHost(host.toLowerCase().replace(/\.$/, ''), sites, memo);
}

function hasMetadataByline(scan: HtmlScan): boolean {
  for (const m of scan.metas) {
    const key = (m.name ?? m.property ?? '').trim().toLowerCase();
    const content = (m.content ?? '').trim();
    if (content === '') continue;
    if (key === 'author' || key === 'dc:creator' || key === 'dcterm:creator' || key === 'parsely-author') return true;
    if (key === 'article:author' && !/^https?:\/\//i.test(content)) return true;
  }
  return scan.jsonLd.some((t) => /"author"\s*:/.test(t) && /"name"\s*:/.test(t));
}

export function auditHtml(html: string, options: AuditHtmlOptions): PageAudit {
  const url = options.url;
  const finalUrl = options.finalUrl ?? url;
  const status = options.status ?? null;
  const headers = options.headers;
  const uaToken = (options.userAgentToken ?? DEFAULT_UA_TOKEN).toLowerCase();
  // reuseBuffers: the scan is consumed before this function returns.
  const scan = scanHtml(html, { maxLinks: options.maxLinks ?? MAX_OUTLINKS, reuseBuffers: true });
  const blocked = challengeVerdict(html, status, headers, scan.title).blocked;

  const base = documentBaseUrl(scan.links, finalUrl);
  const resolver = new LinkResolver(base);

  // Head facts.
  const title = scan.title === null ? null : collapseWhitespace(scan.title) || null;
  let canonicalHtml: string | null = null;
  const authorLinks: string[] = [];
  for (const l of scan.links) {
    if (l.tag !== 'link') continue;
    const rel = relTokens(l.rel);
    // Google reads rel=canonical only from the <head> ("Consolidate duplicate URLs").
    if (canonicalHtml === null && l.inHead && rel.includes('canonical')) canonicalHtml = resolver.resolve(l.href)?.url ?? null;
    if (rel.includes('author')) {
      const r = resolver.resolve(l.href);
      if (r !== null) authorLinks.push(r.url);
    }
  }
  let canonicalHttp: string | null = null;
  const finalParsed = parseHttpUrl(finalUrl);
  for (const target of linkHeaderTargets(headerValues(headers, 'link'), 'canonical')) {
    // RFC 8288 §3.1: a relative target is resolved against the response's URL.
    const u = finalParsed === null ? parseHttpUrl(target) : parseHttpUrl(target, finalParsed);
    if (u !== null) {
      canonicalHttp = u.href;
      break;
    }
  }
  const metaRules = metaRobotsRules(scan.metas, uaToken);
  const headerRules = xRobotsTagRules(headerValues(headers, 'x-robots-tag'), uaToken);
  const { indexable, reason } = decideIndexability({ blocked, status, headerRules, metaRules, canonicalHtml, canonicalHttp, finalUrl });
  const medium = detectMediumPage(scan, finalUrl, authorLinks);

  // Links: a and area elements.
  const anchors: ScannedLink[] = [];
  const resolved: (ResolvedUrl | null)[] = [];
  const urls: (string | null)[] = [];
  for (const l of scan.links) {
    if (l.tag !== 'a' && l.tag !== 'area') continue;
    const r = resolver.resolve(l.href);
    anchors.push(l);
    resolved.push(r);
    urls.push(r === null ? null : r.url);
  }
  const { placements } = classifyPlacements({
    scan,
    links: anchors,
    urls,
    medium: medium.isMedium,
    authorUrls: medium.authorUrls,
    hasMetadataByline: hasMetadataByline(scan),
  });

  const sites = siteKeys(options.site);
  const hostMatch = new Map<string, boolean>();
  // Per-page memos. Links come in runs to one host and with one rel (menus, lists), so the last
  // value is checked first: comparing two short strings is cheaper than hashing one for a Map.
  const relCache = new Map<string, string[]>();
  let lastRel: string | null = null;
  let lastRelTokens: string[] = [];
  const hostDomains = new PageHostDomains();
  let lastHost: string | null = null;
  let lastDomain: string | null = null;
  let lastSiteHost: string | null = null;
  let lastSiteMatch = false;
  const links: AuditedLink[] = [];
  const counts = { total: 0, toUserSite: 0, followed: 0, body: 0 };
  for (let k = 0; k < anchors.length; k++) {
    const l = anchors[k] as ScannedLink;
    const r = resolved[k] ?? null;
    let toUserSite = false;
    if (r !== null && sites.length > 0) {
      if (r.host !== lastSiteHost) {
        lastSiteHost = r.host;
        lastSiteMatch = isUserHost(r.host, sites, hostMatch);
      }
      toUserSite = lastSiteMatch;
    }
    if (!toUserSite && options.allLinks !== true) continue;
    let domain: string | null = null;
    if (r !== null) {
      if (r.host !== lastHost) {
        lastHost = r.host;
        lastDomain = hostDomains.get(r.host);
      }
      domain = lastDomain;
    }
    let rel: string[];
    if (l.rel === null) rel = [];
    else {
      if (l.rel !== lastRel) {
        let cached = relCache.get(l.rel);
        if (cached === undefined) {
          cached = relTokens(l.rel);
          relCache.set(l.rel, cached);
        }
        lastRel = l.rel;
        lastRelTokens = cached;
      }
      // A fresh array per record: callers may edit one link's rel without touching the others.
      rel = lastRelTokens.slice();
    }
    const follow = isFollowed(rel);
    const placement = placements[k] ?? 'other';
    links.push({
      position: k,
      tag: l.tag === 'area' ? 'area' : 'a',
      href: l.href,
      url: r?.url ?? null,
      targetHost: r?.host ?? null,
      registrableDomain: domain,
      toUserSite,
      anchorText: anchorTextOf(l),
      rel,
      follow,
      placement,
    });
    counts.total++;
    if (toUserSite) counts.toUserSite++;
    if (follow) counts.followed++;
    if (placement === 'body') counts.body++;
  }

  const audit: PageAudit = {
    url,
    finalUrl,
    status,
    redirects: options.redirects ?? [],
    source: options.source ?? (status === null ? 'file' : 'live'),
    title,
    canonical: { html: canonicalHtml, http: canonicalHttp },
    robots: { meta: metaRules, header: headerRules },
    indexable,
    indexabilityReason: reason,
    medium: { isMedium: medium.isMedium, postId: medium.postId },
    blocked,
    links,
    counts,
    capturedAt: options.capturedAt ?? '',
  };
  if (scan.truncated) audit.linksTruncated = true;
  return audit;
}
