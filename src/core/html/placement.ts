/**
 * Where each link sits: `body` (the main content) or which kind of page chrome.
 *
 * - Ordinary pages: body = inside the main content found by main-content.ts (Readability-style).
 * - Medium story pages (by meaning, never by Medium's atomic CSS classes, notes/medium-data.md §2.2):
 *   body = the region of the story's paragraphs: elements carrying Medium's paragraph ids (4-hex
 *   `id`/`name`, equal to `Paragraph.name` in the post model), `pw-post-body-paragraph`, or the
 *   2015–17 `graf` markup, inside the article that holds most of them, from the first body paragraph
 *   to the end of the last one (so figure captions and embeds between paragraphs count; the byline
 *   before the first paragraph and everything after the story do not).
 * - Everything else is classified from its ancestors (innermost wins): responses, bio, related,
 *   footer, nav — by element (`nav`, `footer`, `aside`, site `header`), ARIA role and class/id words —
 *   and on Medium additionally by link target (author profile → bio) and Medium's own `source=`
 *   tracking values (`read_next_recirc`, `post_internal_links` → related; `follow_footer`,
 *   `footer_card`, `post_header_lockup` → bio).
 */
import type { LinkPlacement } from '../audit/audit-types.js';
import { H_ARTICLE_HEADER, H_BIO, H_FOOTER, H_NAV, H_RELATED, H_RESPONSES, HintCache } from './class-hints.js';
import {
  type HtmlScan,
  NF_HAS_ITEMPROP,
  NF_HAS_ROLE,
  NF_HEX_NAME,
  NF_HIDDEN,
  NF_TEMPLATE,
  NS_HTML,
  type ScannedLink,
} from './html-scan.js';
import { T } from './html-tags.js';
import { type MainContent, withMainContent } from './main-content.js';

const CAT_NONE = 0;
const CAT_NAV = 1;
const CAT_FOOTER = 2;
const CAT_RELATED = 3;
const CAT_RESPONSES = 4;
const CAT_BIO = 5;
const CAT_PENDING = 255;
const CAT_NAMES: readonly LinkPlacement[] = ['other', 'nav', 'footer', 'related', 'responses', 'bio'];

const MEDIUM_PARAGRAPH_TAGS = new Set([T.p, T.li, T.blockquote, T.pre, T.figure].map((t) => t));
const H_TAGS = new Set([T.h1, T.h2, T.h3, T.h4, T.h5, T.h6]);

export interface PlacementContext {
  scan: HtmlScan;
  /** The a/area link records to classify (document order). */
  links: readonly ScannedLink[];
  /** Resolved absolute URL of each link (same order), or null. */
  urls: readonly (string | null)[];
  medium: boolean;
  /** Medium: the author's profile URL(s) (from `<link rel=author>`, `article:author`), for bio links. */
  authorUrls?: readonly string[];
  hasMetadataByline?: boolean;
}

export interface PlacementResult {
  placements: LinkPlacement[];
  /** Which rule set decided body: the Medium story layout or generic main-content detection. */
  method: 'medium' | 'main-content';
  /** Medium pages where no story paragraphs were found fall back to main-content detection. */
  mediumParagraphs: number;
}

function classTokensHave(cls: string | undefined, token: string): boolean {
  if (cls === undefined) return false;
  let i = cls.indexOf(token);
  while (i >= 0) {
    const before = i === 0 ? 32 : cls.charCodeAt(i - 1);
    const after = i + token.length >= cls.length ? 32 : cls.charCodeAt(i + token.length);
    if ((before === 32 || before === 9 || before === 10) && (after === 32 || after === 9 || after === 10)) return true;
    i = cls.indexOf(token, i + 1);
  }
  return false;
}

function isMediumParagraph(scan: HtmlScan, i: number): boolean {
  if (scan.ns[i] !== NS_HTML) return false;
  const cls = scan.cls[i];
  if (cls !== undefined) {
    if (classTokensHave(cls, 'pw-post-body-paragraph')) return true;
    // 2015–17 server markup: graf graf--p / graf--li / graf--figure / graf--blockquote …
    if (/(?:^|\s)graf--(?:p|li|figure|blockquote|pullquote|pre|mixtapeEmbed|iframe)(?:\s|$)/.test(cls)) return true;
  }
  const t = scan.tag[i] ?? 0;
  return ((scan.flags[i] ?? 0) & NF_HEX_NAME) !== 0 && MEDIUM_PARAGRAPH_TAGS.has(t);
}

/** Bottom-up: the largest node id in each subtree (descendants have larger ids than their parent). */
function subtreeEnd(scan: HtmlScan): Int32Array {
  const n = scan.nodeCount;
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const p = scan.parent[i] ?? 0;
    if ((end[i] ?? 0) > (end[p] ?? 0)) end[p] = end[i] ?? 0;
  }
  return end;
}

function isAncestorOrSelf(scan: HtmlScan, anc: number, node: number): boolean {
  for (let a = node; a >= 0; a = a === 0 ? -1 : (scan.parent[a] ?? -1)) if (a === anc) return true;
  return false;
}

/** Node a link element sits in: the `a` element itself, or the element holding an `area`. */
function linkNode(link: ScannedLink): number {
  return link.node;
}

interface MediumBody {
  paragraphs: number;
  article: number;
  start: number;
  end: number;
}

function findMediumBody(scan: HtmlScan): MediumBody | null {
  const n = scan.nodeCount;
  const paras: number[] = [];
  for (let i = 1; i < n; i++) if (isMediumParagraph(scan, i)) paras.push(i);
  if (paras.length === 0) return null;
  // Group by the nearest <article> (0 = none) and keep the group with most paragraphs: Medium renders
  // other stories (recommendations) outside the story's article.
  const articleOf = (i: number) => {
    for (let a = scan.parent[i] ?? 0; a > 0; a = scan.parent[a] ?? 0) if (scan.tag[a] === T.article && scan.ns[a] === NS_HTML) return a;
    return 0;
  };
  const groups = new Map<number, number[]>();
  for (const p of paras) {
    const a = articleOf(p);
    const g = groups.get(a);
    if (g === undefined) groups.set(a, [p]);
    else g.push(p);
  }
  let bestArticle = 0;
  let best: number[] = [];
  for (const [a, g] of groups) {
    if (g.length > best.length) {
      best = g;
      bestArticle = a;
    }
  }
  const end = subtreeEnd(scan);
  // The range starts at the first body paragraph that is not a heading (the title h1 can carry an id too).
  const first = best.find((p) => !H_TAGS.has(scan.tag[p] ?? 0)) ?? best[0] ?? 0;
  const last = best[best.length - 1] ?? first;
  return { paragraphs: best.length, article: bestArticle, start: first, end: end[last] ?? last };
}

/** Medium-specific chrome categories by link target. */
function mediumCategory(url: string | null, authorPaths: readonly string[]): number {
  if (url === null) return CAT_NONE;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return CAT_NONE;
  }
  const source = parsed.searchParams.get('source') ?? '';
  if (/read_next_recirc|post_internal_links|more_from|recommended/i.test(source)) return CAT_RELATED;
  if (/follow_footer|footer_card|post_header_lockup|author_recirc|byline/i.test(source)) return CAT_BIO;
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  if (
    authorPaths.some(
      (a) =>
        path === a ||
        (parsed.hostname.endsWith('.medium.com') && a === `@${parsed.hostname.split('.')[0]}` && (path === '' || path === '/')),
    )
  )
    return CAT_BIO;
  if (/responses/i.test(source) || /\/responses$/.test(path)) return CAT_RESPONSES;
  return CAT_NONE;
}

function authorPathsOf(urls: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const u of urls ?? []) {
    try {
      const p = new URL(u);
      const seg = p.pathname.split('/').find((s) => s.length > 0);
      if (seg?.startsWith('@') === true) out.push(`/${seg.toLowerCase()}`);
      else if (p.hostname.endsWith('.medium.com')) out.push(`@${p.hostname.split('.')[0]}`);
    } catch {
      // not a URL: ignore
    }
  }
  return out;
}

/** Lazily computed structural category per node (innermost categorized ancestor wins). */
class Categorizer {
  private readonly cat: Uint8Array;
  private readonly cache = new HintCache();

  constructor(
    private readonly scan: HtmlScan,
    private readonly known: { classHints: Int32Array; idHints: Int32Array } | null,
  ) {
    this.cat = new Uint8Array(scan.nodeCount).fill(CAT_PENDING);
    this.cat[0] = CAT_NONE;
  }

  own(i: number): number {
    const scan = this.scan;
    if (scan.ns[i] === NS_HTML) {
      const t = scan.tag[i] ?? 0;
      if (t === T.nav) return CAT_NAV;
      if (t === T.footer) return CAT_FOOTER;
      if (t === T.aside) return CAT_RELATED;
      if (t === T.header && !this.insideArticle(i)) return CAT_NAV;
    }
    const nf = scan.flags[i] ?? 0;
    const role = nf & NF_HAS_ROLE ? scan.role[i] : undefined;
    if (role !== undefined) {
      const r = role.trim().toLowerCase();
      if (r === 'navigation' || r === 'menubar' || r === 'menu' || r === 'banner') return CAT_NAV;
      if (r === 'contentinfo') return CAT_FOOTER;
      if (r === 'complementary') return CAT_RELATED;
    }
    if (nf & NF_HAS_ITEMPROP && scan.itemprop[i]?.toLowerCase().includes('author') === true) return CAT_BIO;
    const cls = scan.cls[i];
    const id = scan.id[i];
    if (cls === undefined && id === undefined) return CAT_NONE;
    const bits =
      this.known !== null ? (this.known.classHints[i] ?? 0) | (this.known.idHints[i] ?? 0) : this.cache.bits(cls) | this.cache.bits(id);
    if (bits & H_RESPONSES) return CAT_RESPONSES;
    if (bits & H_BIO) return CAT_BIO;
    if (bits & H_RELATED) return CAT_RELATED;
    if (bits & H_FOOTER) return CAT_FOOTER;
    if (bits & H_NAV && !(bits & H_ARTICLE_HEADER)) return CAT_NAV;
    return CAT_NONE;
  }

  insideArticle(i: number): boolean {
    const scan = this.scan;
    for (let a = scan.parent[i] ?? 0; a > 0; a = scan.parent[a] ?? 0) {
      if (scan.ns[a] === NS_HTML && (scan.tag[a] === T.article || scan.tag[a] === T.main)) return true;
    }
    return false;
  }

  /** Category of node i (its own, else its nearest categorized ancestor's). Iterative, memoised. */
  of(i: number): number {
    const cat = this.cat;
    const path: number[] = [];
    let a = i;
    while (a > 0 && cat[a] === CAT_PENDING) {
      path.push(a);
      a = this.scan.parent[a] ?? 0;
    }
    let inherited = a <= 0 ? CAT_NONE : (cat[a] ?? CAT_NONE);
    for (let k = path.length - 1; k >= 0; k--) {
      const node = path[k] as number;
      const own = this.own(node);
      if (own !== CAT_NONE) inherited = own;
      cat[node] = inherited;
    }
    return cat[i] ?? CAT_NONE;
  }
}

/**
 * Inside site navigation by element or role: `<nav>`, a `<header>` that is not an article's own
 * header, role navigation / menubar / menu / banner. Readability keeps these when it falls back to
 * the whole page (no article found); an audit must not call site navigation "body", so they win.
 */
function insideNavigation(scan: HtmlScan, i: number): boolean {
  let header = false;
  for (let a = i; a > 0; a = scan.parent[a] ?? 0) {
    if (scan.ns[a] === NS_HTML) {
      const t = scan.tag[a];
      if (t === T.nav) return true;
      if (t === T.header) header = true;
      else if (header && (t === T.article || t === T.main)) header = false;
    }
    const role = (scan.flags[a] ?? 0) & NF_HAS_ROLE ? scan.role[a]?.trim().toLowerCase() : undefined;
    if (role === 'navigation' || role === 'menubar' || role === 'menu' || role === 'banner') return true;
  }
  return header;
}

function hiddenNode(scan: HtmlScan, i: number): boolean {
  for (let a = i; a > 0; a = scan.parent[a] ?? 0) if (((scan.flags[a] ?? 0) & (NF_HIDDEN | NF_TEMPLATE)) !== 0) return true;
  return false;
}

/** How far up from a link we look for the author card that holds it (card → bio block → paragraph → span → a). */
const AUTHOR_CARD_MAX_LEVELS = 6;
/** Links in an author card: avatar, name, followers, publication, the bio's own link(s); more means a page section. */
const AUTHOR_CARD_MAX_LINKS = 8;

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Medium's author card (avatar, "Written by …", followers, bio) sits after the story and links the
 * author's profile; a link the author put in their bio sits in the same card but points elsewhere.
 * So: a link whose near ancestor (within AUTHOR_CARD_MAX_LEVELS, and not an ancestor of the story
 * body) also holds a link to the author's profile is a bio link. Structure, never class names.
 */
function authorCardTest(
  scan: HtmlScan,
  body: MediumBody,
  links: readonly ScannedLink[],
  urls: readonly (string | null)[],
  authorPaths: readonly string[],
): (node: number) => boolean {
  const profileNodes: number[] = [];
  for (let k = 0; k < links.length; k++) {
    const url = urls[k] ?? null;
    if (url !== null && isAuthorProfileUrl(url, authorPaths)) profileNodes.push(linkNode(links[k] as ScannedLink));
  }
  if (profileNodes.length === 0) return () => false;
  profileNodes.sort((a, b) => a - b);
  const allLinkNodes = links.map(linkNode).sort((a, b) => a - b);
  const end = subtreeEnd(scan);
  /** How many of the sorted nodes fall in [from, to]. */
  const countIn = (nodes: readonly number[], from: number, to: number) => lowerBound(nodes, to + 1) - lowerBound(nodes, from);
  return (node) => {
    // The card comes after the story (never the byline or the site header before it).
    if (node <= body.end) return false;
    let a = scan.parent[node] ?? 0;
    for (let level = 0; level < AUTHOR_CARD_MAX_LEVELS && a > 0; level++, a = scan.parent[a] ?? 0) {
      const last = end[a] ?? a;
      if (a <= body.start && body.start <= last) return false;
      // A card is small: once the ancestor holds more links than a card has, it is a footer or a page section.
      if (countIn(allLinkNodes, a, last) > AUTHOR_CARD_MAX_LINKS) return false;
      if (countIn(profileNodes, a, last) > 0) return true;
    }
    return false;
  };
}

function isAuthorProfileUrl(url: string, authorPaths: readonly string[]): boolean {
  if (authorPaths.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const path = parsed.pathname.replace(/\/+$/, '').toLowerCase();
  return authorPaths.includes(path);
}

/** Classify every link. Pure; bounded by O(nodes + links × depth). */
export function classifyPlacements(ctx: PlacementContext): PlacementResult {
  const { scan, links, urls } = ctx;
  const placements: LinkPlacement[] = new Array<LinkPlacement>(links.length);
  const medium = ctx.medium ? findMediumBody(scan) : null;
  if (medium !== null) {
    const categorizer = new Categorizer(scan, null);
    const authorPaths = authorPathsOf(ctx.authorUrls);
    const inAuthorCard = authorCardTest(scan, medium, links, urls, authorPaths);
    for (let k = 0; k < links.length; k++) {
      const link = links[k] as ScannedLink;
      const node = linkNode(link);
      if (hiddenNode(scan, node)) {
        placements[k] = 'other';
        continue;
      }
      const inArticle = medium.article === 0 || isAncestorOrSelf(scan, medium.article, node);
      if (inArticle && node >= medium.start && node <= medium.end) {
        const c = categorizer.of(node);
        // Nested chrome inside the story region (share bars, asides) is not body.
        placements[k] = c === CAT_NAV || c === CAT_FOOTER || c === CAT_RELATED ? (CAT_NAMES[c] ?? 'other') : 'body';
        continue;
      }
      const byTarget = mediumCategory(urls[k] ?? null, authorPaths);
      if (byTarget !== CAT_NONE) {
        placements[k] = CAT_NAMES[byTarget] ?? 'other';
        continue;
      }
      const c = categorizer.of(node);
      if (c !== CAT_NONE) placements[k] = CAT_NAMES[c] ?? 'other';
      else if (inAuthorCard(node)) placements[k] = 'bio';
      else placements[k] = node < medium.start ? 'nav' : 'footer';
    }
    return { placements, method: 'medium', mediumParagraphs: medium.paragraphs };
  }
  withMainContent(scan, { hasMetadataByline: ctx.hasMetadataByline === true }, (mc: MainContent) => {
    const categorizer = new Categorizer(scan, mc);
    for (let k = 0; k < links.length; k++) {
      const link = links[k] as ScannedLink;
      const node = linkNode(link);
      if (mc.body[node] === 1 && !insideNavigation(scan, node)) {
        placements[k] = 'body';
        continue;
      }
      if (hiddenNode(scan, node)) {
        placements[k] = 'other';
        continue;
      }
      placements[k] = CAT_NAMES[categorizer.of(node)] ?? 'other';
    }
  });
  return { placements, method: 'main-content', mediumParagraphs: 0 };
}
