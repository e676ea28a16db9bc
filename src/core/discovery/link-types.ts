/**
 * "What does this author already link to?" — outbound links of an author's recent stories, classified by
 * content type and grouped by registrable domain (`linkwright author @user --links`). The point is the
 * guide's advice: create the kind of content influencers already link to (feature-anchors §3 gap 3; BuzzSumo:
 * research and quality journalism earn links, §1.7). Ahrefs shows only linked *domains*; the type is ours.
 *
 * Classification is by URL only (no fetch), with rules checked in this order — the first that fires wins:
 * 1. Not an http(s) URL with a host (mailto:, tel:, javascript:, garbage) → `other`. `other` exists so such
 *    links are counted honestly instead of being passed off as articles.
 * 2. File extension of the last path segment (the strongest signal: a `.png` on github is an image):
 *    image (`.png .jpg .jpeg .gif .webp .svg .avif .bmp .tif .tiff .ico .heic`) → `image`;
 *    video (`.mp4 .webm .mov .m4v .mkv .avi`) → `video`;
 *    documents and data (`.pdf`, `.csv .tsv .xls .xlsx .parquet`) → `research`; notebooks (`.ipynb`) → `code`.
 * 3. Host lists (a listed host matches itself and its subdomains), in order video, research, code, social,
 *    shop, image: see the *_HOSTS constants (plus ted.com/talks → video, huggingface.co/datasets → research,
 *    chrome.google.com/webstore and itunes.apple.com/…/app/ → code, any `mastodon.` host → social). Academic and government hosts are research: any host ending
 *    in `.edu`, `.gov` or `.mil`, or in `.edu.XX`, `.gov.XX`, `.ac.XX`, `.mil.XX` for a two-letter country
 *    code (`.ac.uk`, `.gov.au`, `.edu.cn`). Amazon and eBay are matched on any public suffix
 *    (`amazon.co.uk`, `ebay.de`) but only on the storefront host — `aws.amazon.com` stays an article.
 * 4. Path patterns: a `/doi/10.` path (publisher DOI pages) and a whole path segment `dataset(s)`, `data`,
 *    `report(s)`, `whitepaper(s)`, `white-paper(s)`, `research`, `papers` → `research`; Shopify's
 *    `/products/<handle>` (also under `/collections/…`) → `shop`; a `shop.` or `store.` subdomain → `shop`.
 * 5. Anything else → `article` (blog posts, news, docs pages, landing pages: the web's default).
 * Podcasts and audio are not a type of their own (the issue does not ask for one); they land in `article`.
 */
import { parseUrl } from '../url/parse-url.js';
import { hostOf, registrableDomain } from '../url/registrable-domain.js';

export type LinkContentType = 'article' | 'image' | 'video' | 'research' | 'code' | 'social' | 'shop' | 'other';

export const LINK_CONTENT_TYPES: readonly LinkContentType[] = ['article', 'image', 'video', 'research', 'code', 'social', 'shop', 'other'];

const IMAGE_EXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'webp', 'svg', 'avif', 'bmp', 'tif', 'tiff', 'ico', 'heic']);
const VIDEO_EXT = new Set(['mp4', 'webm', 'mov', 'm4v', 'mkv', 'avi']);
const RESEARCH_EXT = new Set(['pdf', 'csv', 'tsv', 'xls', 'xlsx', 'parquet']);
const CODE_EXT = new Set(['ipynb']);

/** Video platforms (the issue: "YouTube, Vimeo, …"). */
export const VIDEO_HOSTS: readonly string[] = [
  'youtube.com',
  'youtu.be',
  'youtube-nocookie.com',
  'vimeo.com',
  'loom.com',
  'twitch.tv',
  'dailymotion.com',
  'dai.ly',
  'wistia.com',
  'wistia.net',
  'rumble.com',
  'bilibili.com',
];

/** Papers, preprints, scholarly indexes, data repositories and statistics publishers. */
export const RESEARCH_HOSTS: readonly string[] = [
  'doi.org',
  'arxiv.org',
  'biorxiv.org',
  'medrxiv.org',
  'ssrn.com',
  'researchgate.net',
  'semanticscholar.org',
  'scholar.google.com',
  'pubmed.ncbi.nlm.nih.gov',
  'jstor.org',
  'nature.com',
  'science.org',
  'sciencedirect.com',
  'link.springer.com',
  'onlinelibrary.wiley.com',
  'ieeexplore.ieee.org',
  'dl.acm.org',
  'openreview.net',
  'aclanthology.org',
  'paperswithcode.com',
  'plos.org',
  'frontiersin.org',
  'mdpi.com',
  'kaggle.com',
  'zenodo.org',
  'figshare.com',
  'data.world',
  'ourworldindata.org',
  'statista.com',
  'pewresearch.org',
  'who.int',
  'oecd.org',
  'worldbank.org',
  'europa.eu',
];

/** Code hosting, package registries, app stores, extension stores, live code playgrounds. */
export const CODE_HOSTS: readonly string[] = [
  'github.com',
  'gist.github.com',
  'raw.githubusercontent.com',
  'gitlab.com',
  'bitbucket.org',
  'codeberg.org',
  'sourceforge.net',
  'npmjs.com',
  'npmjs.org',
  'pypi.org',
  'crates.io',
  'pkg.go.dev',
  'rubygems.org',
  'packagist.org',
  'nuget.org',
  'hub.docker.com',
  'marketplace.visualstudio.com',
  'apps.apple.com',
  'play.google.com',
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'huggingface.co',
  'codepen.io',
  'codesandbox.io',
  'stackblitz.com',
  'jsfiddle.net',
  'replit.com',
];

/** Social networks and community sites (profiles, posts, short links). Mastodon: the big instances. */
export const SOCIAL_HOSTS: readonly string[] = [
  'twitter.com',
  'x.com',
  't.co',
  'linkedin.com',
  'lnkd.in',
  'facebook.com',
  'fb.com',
  'fb.me',
  'instagram.com',
  'tiktok.com',
  'threads.net',
  'threads.com',
  'bsky.app',
  'reddit.com',
  'redd.it',
  'pinterest.com',
  'pin.it',
  'quora.com',
  'news.ycombinator.com',
  'discord.com',
  'discord.gg',
  't.me',
  'wa.me',
  'mastodon.social',
  'mastodon.online',
  'mstdn.social',
  'fosstodon.org',
  'hachyderm.io',
  'infosec.exchange',
];

/** Marketplaces and shop platforms (Amazon and eBay are matched on every public suffix, see rule 3). */
export const SHOP_HOSTS: readonly string[] = [
  'amzn.to',
  'amzn.eu',
  'a.co',
  'etsy.com',
  'etsy.me',
  'gumroad.com',
  'myshopify.com',
  'aliexpress.com',
  'walmart.com',
  'bestbuy.com',
  'lemonsqueezy.com',
  'payhip.com',
];

/** Image hosts and Medium's image CDNs (medium-data.md §1: `cdn-images-1.medium.com`, `miro.medium.com`). */
export const IMAGE_HOSTS: readonly string[] = [
  'cdn-images-1.medium.com',
  'miro.medium.com',
  'imgur.com',
  'unsplash.com',
  'pexels.com',
  'pixabay.com',
  'flickr.com',
  'staticflickr.com',
  'giphy.com',
  'tenor.com',
  'i.redd.it',
  'pbs.twimg.com',
];

/** Shops matched by their registrable domain's first label on any public suffix. */
const SHOP_BRANDS = new Set(['amazon', 'ebay']);
/** Storefront hosts of those brands: the bare domain or these subdomains (not aws.amazon.com, developer.ebay.com). */
const STOREFRONT_SUBDOMAINS = new Set(['', 'www', 'smile', 'm']);

/** Research-flavoured path segments (rule 4). */
const RESEARCH_SEGMENTS = new Set([
  'dataset',
  'datasets',
  'data',
  'report',
  'reports',
  'whitepaper',
  'whitepapers',
  'white-paper',
  'white-papers',
  'research',
  'papers',
]);

function onHost(host: string, list: readonly string[]): boolean {
  for (const d of list) if (host === d || host.endsWith(`.${d}`)) return true;
  return false;
}

/** `.edu`, `.gov`, `.mil`, or `.edu|gov|ac|mil.<cc>` (academic and government second-level domains). */
function isAcademicOrGovernment(host: string): boolean {
  const labels = host.split('.');
  const last = labels[labels.length - 1] ?? '';
  const second = labels[labels.length - 2] ?? '';
  if (labels.length >= 2 && (last === 'edu' || last === 'gov' || last === 'mil')) return true;
  return labels.length >= 3 && /^[a-z]{2}$/.test(last) && ['edu', 'gov', 'ac', 'mil'].includes(second);
}

function extensionOf(pathname: string): string | null {
  const segments = pathname.split('/');
  const lastSegment = segments[segments.length - 1] ?? '';
  const m = /\.([a-z0-9]{1,8})$/i.exec(lastSegment);
  return m?.[1] === undefined ? null : m[1].toLowerCase();
}

function hostRule(host: string, path: string): LinkContentType | null {
  if (onHost(host, VIDEO_HOSTS)) return 'video';
  if (onHost(host, ['ted.com']) && path.startsWith('/talks/')) return 'video';
  // Hugging Face datasets are data; models and spaces are code (below).
  if (onHost(host, ['huggingface.co']) && path.startsWith('/datasets/')) return 'research';
  if (onHost(host, RESEARCH_HOSTS) || isAcademicOrGovernment(host)) return 'research';
  if (onHost(host, ['chrome.google.com']) && path.startsWith('/webstore')) return 'code';
  if (onHost(host, ['itunes.apple.com']) && /\/app\//.test(path)) return 'code';
  if (onHost(host, CODE_HOSTS)) return 'code';
  if (onHost(host, SOCIAL_HOSTS) || /(?:^|\.)mastodon\./.test(host)) return 'social';
  if (onHost(host, SHOP_HOSTS)) return 'shop';
  const site = registrableDomain(host);
  if (site !== null) {
    const brand = site.split('.')[0] ?? '';
    const sub = host === site ? '' : host.slice(0, -(site.length + 1));
    if (SHOP_BRANDS.has(brand) && STOREFRONT_SUBDOMAINS.has(sub)) return 'shop';
  }
  if (onHost(host, IMAGE_HOSTS)) return 'image';
  return null;
}

function pathRule(host: string, path: string): LinkContentType | null {
  const lower = path.toLowerCase();
  if (/\/doi\/(?:abs\/|full\/|pdf\/)?10\.\d{4,}/.test(lower)) return 'research';
  const segments = lower.split('/').filter((s) => s !== '');
  if (segments.some((s) => RESEARCH_SEGMENTS.has(s))) return 'research';
  const productsAt = segments.indexOf('products');
  if (productsAt >= 0 && productsAt < segments.length - 1 && (productsAt === 0 || segments[productsAt - 2] === 'collections'))
    return 'shop';
  if (/^(?:shop|store)\./.test(host)) return 'shop';
  return null;
}

/** The content type of one outbound link (rules in the file comment). Never throws. */
export function classifyOutboundLink(url: string): LinkContentType {
  const parsed = typeof url === 'string' ? parseUrl(url.trim()) : null;
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return 'other';
  const host = hostOf(parsed);
  if (host === null) return 'other';
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    path = parsed.pathname;
  }
  const ext = extensionOf(path);
  if (ext !== null) {
    if (IMAGE_EXT.has(ext)) return 'image';
    if (VIDEO_EXT.has(ext)) return 'video';
    if (RESEARCH_EXT.has(ext)) return 'research';
    if (CODE_EXT.has(ext)) return 'code';
  }
  return hostRule(host, path) ?? pathRule(host, path) ?? 'article';
}

// ------------------------------------------------------------------ summary

export interface OutboundLinkInput {
  url: string;
  anchorText?: string | null;
  /** The story the link was found in (counts distinct stories per group). */
  storyUrl?: string | null;
}

export interface LinkExample {
  url: string;
  /** How often this exact URL was linked within the group. */
  count: number;
  /** Anchor text of its first occurrence (null when none was given). */
  anchorText: string | null;
  /** Story of its first occurrence. */
  storyUrl: string | null;
}

export interface LinkTypeGroup {
  type: LinkContentType;
  count: number;
  /** Distinct stories the links came from (links without a story are not counted here). */
  stories: number;
  examples: LinkExample[];
}

export interface LinkDomainGroup {
  /** Registrable domain (`example.co.uk`); the host itself for IPs and single-label hosts. */
  domain: string;
  count: number;
  stories: number;
  /** Content types seen on this domain, most frequent first. */
  types: LinkContentType[];
  examples: LinkExample[];
}

export interface OutboundLinkSummary {
  /** Links counted (after exclusions). */
  total: number;
  /** Links dropped because their domain is excluded (e.g. medium.com itself). */
  excluded: number;
  byType: LinkTypeGroup[];
  /** Links without a web host (mailto: …) appear under type `other` but in no domain group. */
  byDomain: LinkDomainGroup[];
}

export interface SummariseOptions {
  /**
   * Registrable domains (or hosts / URLs, reduced to their registrable domain) whose links are left out.
   * Default `['medium.com']`: links back into Medium (other stories, @mentions, tag pages) are not outbound.
   * Pass `[]` to keep everything. Publication custom domains are not known here; the caller adds them.
   */
  excludeDomains?: readonly string[];
  /** Examples per group, most-linked URL first (default 3). */
  examplesPerGroup?: number;
}

export const DEFAULT_EXCLUDED_DOMAINS: readonly string[] = ['medium.com'];
export const DEFAULT_EXAMPLES_PER_GROUP = 3;

interface Bucket {
  count: number;
  stories: Set<string>;
  /** url → example; Map keeps first-seen order for ties. */
  urls: Map<string, LinkExample>;
  types: Map<LinkContentType, number>;
}

function newBucket(): Bucket {
  return { count: 0, stories: new Set(), urls: new Map(), types: new Map() };
}

function bucketFor<K>(map: Map<K, Bucket>, key: K): Bucket {
  const existing = map.get(key);
  if (existing !== undefined) return existing;
  const bucket = newBucket();
  map.set(key, bucket);
  return bucket;
}

function addTo(bucket: Bucket, url: string, type: LinkContentType, link: OutboundLinkInput): void {
  bucket.count++;
  if (typeof link.storyUrl === 'string' && link.storyUrl !== '') bucket.stories.add(link.storyUrl);
  bucket.types.set(type, (bucket.types.get(type) ?? 0) + 1);
  const ex = bucket.urls.get(url);
  if (ex === undefined) {
    const anchor = typeof link.anchorText === 'string' && link.anchorText.trim() !== '' ? link.anchorText.trim() : null;
    bucket.urls.set(url, {
      url,
      count: 1,
      anchorText: anchor,
      storyUrl: typeof link.storyUrl === 'string' && link.storyUrl !== '' ? link.storyUrl : null,
    });
  } else ex.count++;
}

function examplesOf(bucket: Bucket, n: number): LinkExample[] {
  // Stable sort: equal counts keep first-seen order.
  return [...bucket.urls.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, n)
    .map((e) => ({ ...e }));
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The domain a link is grouped under: registrable domain, else the host (IPs, localhost), else null. */
function domainKey(url: URL): string | null {
  const host = hostOf(url);
  if (host === null) return null;
  return registrableDomain(url.href) ?? host;
}

/**
 * Counts outbound links by content type and by registrable domain, with examples. Groups are sorted by
 * count (descending), then by name; examples by how often the URL was linked, then first seen. A URL is
 * compared in its WHATWG-serialised form (so `HTTPS://Example.com` and `https://example.com/` are one URL).
 */
export function summariseOutboundLinks(links: readonly OutboundLinkInput[], options: SummariseOptions = {}): OutboundLinkSummary {
  const examplesPerGroup = options.examplesPerGroup ?? DEFAULT_EXAMPLES_PER_GROUP;
  const n = Number.isFinite(examplesPerGroup) && examplesPerGroup >= 0 ? Math.floor(examplesPerGroup) : DEFAULT_EXAMPLES_PER_GROUP;
  const excluded = new Set(
    (options.excludeDomains ?? DEFAULT_EXCLUDED_DOMAINS)
      .map((d) => (typeof d === 'string' ? (registrableDomain(d) ?? d.trim().toLowerCase()) : ''))
      .filter((d) => d !== ''),
  );
  const types = new Map<LinkContentType, Bucket>();
  const domains = new Map<string, Bucket>();
  let total = 0;
  let excludedCount = 0;
  for (const link of links) {
    if (link === null || typeof link !== 'object' || typeof link.url !== 'string') continue;
    const raw = link.url.trim();
    const parsed = parseUrl(raw);
    const isWeb = parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:');
    const domain = isWeb ? domainKey(parsed) : null;
    if (domain !== null && excluded.has(domain)) {
      excludedCount++;
      continue;
    }
    const url = parsed === null ? raw : parsed.href;
    const type = classifyOutboundLink(raw);
    total++;
    addTo(bucketFor(types, type), url, type, link);
    if (domain !== null) addTo(bucketFor(domains, domain), url, type, link);
  }
  const byType: LinkTypeGroup[] = [...types.entries()]
    .map(([type, b]) => ({ type, count: b.count, stories: b.stories.size, examples: examplesOf(b, n) }))
    .sort((a, b) => b.count - a.count || byName(a.type, b.type));
  const byDomain: LinkDomainGroup[] = [...domains.entries()]
    .map(([domain, b]) => ({
      domain,
      count: b.count,
      stories: b.stories.size,
      types: [...b.types.entries()].sort((x, y) => y[1] - x[1] || byName(x[0], y[0])).map(([t]) => t),
      examples: examplesOf(b, n),
    }))
    .sort((a, b) => b.count - a.count || byName(a.domain, b.domain));
  return { total, excluded: excludedCount, byType, byDomain };
}
