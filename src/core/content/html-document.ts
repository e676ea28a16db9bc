/**
 * HTML → ContentDocument. One htmlparser2 pass (its streaming `Parser`, the fastest reader in the stack
 * note: 0.59 ms per 13 KB page) builds a small element tree of our own; then
 *   1. the head gives title, meta description, canonical, `<base>`, `lang`, `article:tag`s;
 *   2. the main content is chosen (see `chooseMainContent`);
 *   3. a walk of the main content cuts it into blocks (headings, paragraphs, list items, quotes, cells,
 *      captions, code), and collects links (href, text, rel) and images (src, alt).
 *
 * Why not the node table of src/core/html/main-content.ts: it records per-node counts, not the text
 * itself, and its tree follows the WHATWG algorithm while this one follows htmlparser2's, so node ids
 * cannot be shared. The checker needs words, so it keeps its own light tree and a simpler main-content
 * rule (semantic containers first, then the element holding most paragraph text).
 */
import { Parser } from 'htmlparser2';
import { relTokens } from '../html/link-text.js';
import { parseHttpUrl, parseUrl } from '../url/parse-url.js';
import type { ContentBlock, ContentBlockKind, ContentDocument, ContentImage, ContentLink, ContentWarning } from './content-types.js';

export interface HtmlDocumentOptions {
  /** The page URL: resolves relative links and gives the slug. */
  url?: string | null;
}

interface HNode {
  tag: string;
  attrs: Record<string, string>;
  children: (HNode | string)[];
  parent: HNode | null;
  depth: number;
}

/**
 * Deepest element nesting kept; deeper elements are attached at this depth (Blink caps its parser tree
 * at 512 too, `kMaximumHTMLParserDOMTreeDepth`). Keeps every recursive walk below bounded.
 */
const MAX_DEPTH = 512;

/** Elements whose content is never prose. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'head',
  'title',
]);

/** Elements that end the current run of text (a block boundary). */
const BLOCK = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
]);

const HEADING = /^h([1-6])$/;

/** Parse the HTML into our light tree plus head facts. Never throws on bad markup (htmlparser2 is forgiving). */
function buildTree(html: string): HNode {
  const root: HNode = { tag: '#root', attrs: {}, children: [], parent: null, depth: 0 };
  let current = root;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const depth = current.depth + 1;
        const node: HNode = { tag: name, attrs: attribs, children: [], parent: current, depth };
        current.children.push(node);
        if (depth < MAX_DEPTH) current = node;
        else node.depth = MAX_DEPTH; // flattened: its content goes to the capped parent
      },
      ontext(text) {
        const last = current.children[current.children.length - 1];
        if (typeof last === 'string') current.children[current.children.length - 1] = last + text;
        else current.children.push(text);
      },
      onclosetag(name) {
        // htmlparser2 reports closes (implied or explicit) in stack order; climb to the matching node.
        let n: HNode | null = current;
        while (n !== null && n !== root && n.tag !== name) n = n.parent;
        if (n !== null && n !== root && n.parent !== null) current = n.parent;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false },
  );
  parser.write(html);
  parser.end();
  return root;
}

function* elements(node: HNode): Generator<HNode> {
  const stack: HNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as HNode;
    yield n;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c !== undefined && typeof c !== 'string') stack.push(c);
    }
  }
}

function textOf(node: HNode, skipProse = false): string {
  let out = '';
  const stack: (HNode | string)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop() as HNode | string;
    if (typeof n === 'string') {
      out += n;
      continue;
    }
    if (skipProse && (SKIP.has(n.tag) || isHidden(n))) continue;
    if (!skipProse && (n.tag === 'script' || n.tag === 'style' || n.tag === 'template')) continue;
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i] as HNode | string);
  }
  return out;
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Marks a `<br>` inside prose while text is collected; becomes "\n" in the block text. */
const LINE_BREAK = '\u2028';

/** Collapse whitespace but keep `<br>` line breaks as single "\n" (a line is its own run of sentences). */
function collapseKeepingBreaks(text: string): string {
  return text
    .split(LINE_BREAK)
    .map((line) => collapse(line))
    .filter((line) => line !== '')
    .join('\n');
}

function isHidden(n: HNode): boolean {
  if (n.attrs.hidden !== undefined) return true;
  if ((n.attrs['aria-hidden'] ?? '').toLowerCase() === 'true') return true;
  const style = n.attrs.style;
  return style !== undefined && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function find(root: HNode, pred: (n: HNode) => boolean): HNode | null {
  for (const n of elements(root)) if (pred(n)) return n;
  return null;
}

interface Candidate {
  node: HNode;
  label: string;
  /** Medium stories: only what lies from the first story paragraph to the end of the last one is body. */
  range?: BodyRange;
}

/** A document-order window inside the main content: from `first` to the end of `last`. */
interface BodyRange {
  first: HNode;
  last: HNode;
}

const HEX4 = /^[0-9a-f]{4}$/;
const MEDIUM_PARAGRAPH_ELEMENTS = new Set(['p', 'li', 'blockquote', 'pre', 'figure', 'h2', 'h3', 'h4']);

function hasClassToken(n: HNode, token: string): boolean {
  return (n.attrs.class ?? '').split(/\s+/).includes(token);
}

/**
 * Medium story paragraphs, by meaning (notes/medium-data.md §2.2, as the link placement rule in
 * core/html/placement.ts): `pw-post-body-paragraph` (2022+), the 2015–17 `graf--*` classes, or a body element
 * whose `id`/`name` is a 4-hex paragraph name. The story title and subtitle are not paragraphs.
 */
function isMediumParagraph(n: HNode): boolean {
  if (hasClassToken(n, 'pw-post-title') || hasClassToken(n, 'pw-subtitle-paragraph') || hasClassToken(n, 'graf--title')) return false;
  if (hasClassToken(n, 'pw-post-body-paragraph')) return true;
  const cls = n.attrs.class;
  if (cls !== undefined && /(?:^|\s)graf--(?:p|li|h3|h4|figure|blockquote|pullquote|pre)(?:\s|$)/.test(cls)) return true;
  if (!MEDIUM_PARAGRAPH_ELEMENTS.has(n.tag)) return false;
  return HEX4.test(n.attrs.id ?? '') || HEX4.test(n.attrs.name ?? '');
}

/**
 * Medium's app-link and site meta (notes/medium-data.md §2.1: `al:android:url medium://p/<id>`, the
 * `android-app://com.medium.reader/…` alternate, `og:site_name` Medium), present on every generation of
 * story page, custom-domain publications included.
 */
function headSaysMedium(root: HNode): boolean {
  return (
    find(root, (n) => {
      if (n.tag === 'meta') {
        const key = n.attrs.property ?? n.attrs.name ?? '';
        const content = n.attrs.content ?? '';
        return (
          (key === 'og:site_name' && content === 'Medium') ||
          (key === 'al:android:url' && content.startsWith('medium://')) ||
          (key === 'al:android:package' && content === 'com.medium.reader')
        );
      }
      return n.tag === 'link' && (n.attrs.href ?? '').startsWith('android-app://com.medium.reader');
    }) !== null
  );
}

function mediumSubtitle(root: HNode): string | null {
  const el = find(root, (n) => hasClassToken(n, 'pw-subtitle-paragraph') && !isHidden(n));
  if (el === null) return null;
  return collapse(textOf(el, true)) || null;
}

function pathOf(n: HNode): Set<HNode> {
  const out = new Set<HNode>();
  for (let a: HNode | null = n.parent; a !== null; a = a.parent) out.add(a);
  return out;
}

/**
 * The Medium story body: the nearest common ancestor of the story paragraphs of the article holding most of
 * them, windowed from the first paragraph to the end of the last (the byline, claps bar, "Written by" card,
 * "More from" and recommendations sit outside that window). null when no paragraph carries Medium's classes and
 * fewer than 3 carry paragraph ids.
 */
function mediumStoryBody(root: HNode, body: HNode): Candidate | null {
  const paragraphs: HNode[] = [];
  const seen = new Set<HNode>();
  for (const n of elements(body)) {
    if (isHidden(n) || !isMediumParagraph(n)) continue;
    // A paragraph nested in another (a figure inside a list item) counts once: keep the outermost.
    let nested = false;
    for (let a = n.parent; a !== null && !nested; a = a.parent) nested = seen.has(a);
    seen.add(n);
    if (!nested) paragraphs.push(n);
  }
  // Medium's own classes are proof enough even for a one-paragraph story. Bare 4-hex ids ("2021" is hex too)
  // could be any site's ids, so they count only on a page whose head says it is Medium.
  const strong = paragraphs.some((p) => hasClassToken(p, 'pw-post-body-paragraph') || /(?:^|\s)graf--/.test(p.attrs.class ?? ''));
  if (paragraphs.length === 0 || (!strong && !headSaysMedium(root))) return null;
  const articleOf = (n: HNode): HNode | null => {
    for (let a = n.parent; a !== null; a = a.parent) if (a.tag === 'article') return a;
    return null;
  };
  const counts = new Map<HNode | null, number>();
  for (const p of paragraphs) counts.set(articleOf(p), (counts.get(articleOf(p)) ?? 0) + 1);
  let article: HNode | null = null;
  let most = -1;
  for (const [a, c] of counts) if (c > most) [article, most] = [a, c];
  const mine = paragraphs.filter((p) => articleOf(p) === article);
  const first = mine[0] as HNode;
  const last = mine[mine.length - 1] as HNode;
  const firstPath = pathOf(first);
  let lca: HNode = first.parent ?? first;
  for (let a: HNode | null = last.parent; a !== null; a = a.parent) {
    if (firstPath.has(a)) {
      lca = a;
      break;
    }
  }
  return { node: lca, label: 'medium-story', range: { first, last } };
}

/**
 * A copy of `node` holding only what lies in the window: children before `first` (outside its ancestors) and
 * after `last` are dropped; the ancestors of both are copied with their children pruned the same way. The
 * untouched subtrees are shared, not copied.
 */
function pruneToRange(node: HNode, range: BodyRange): HNode {
  const firstPath = pathOf(range.first);
  const lastPath = pathOf(range.last);
  let phase: 'before' | 'inside' | 'after' = 'before';
  const copy = (n: HNode): HNode => {
    const out: HNode = { ...n, children: [] };
    for (const child of n.children) {
      if (phase === 'after') break;
      if (phase === 'before') {
        if (typeof child === 'string') continue;
        if (child === range.first) {
          out.children.push(child);
          phase = child === range.last ? 'after' : 'inside';
        } else if (firstPath.has(child)) out.children.push(copy(child));
        continue;
      }
      if (typeof child !== 'string' && child === range.last) {
        out.children.push(child);
        phase = 'after';
      } else if (typeof child !== 'string' && lastPath.has(child)) out.children.push(copy(child));
      else out.children.push(child);
    }
    return out;
  };
  return copy(node);
}


/**
 * The main content, in order of trust:
 *   1. `[itemprop=articleBody]`, then `<article>`, then `<main>`, then `[role=main]` (HTML Living
 *      Standard §4.3.2 / §4.4.14: article and main mark the dominant content) — the largest element of the
 *      first kind that holds at least 30 % of the body's prose (a small `<article>` teaser card does not);
 *   2. otherwise the element whose `<p>` children hold the most text, climbing to its parent while the
 *      parent's paragraphs hold 1.5× more (the paragraph-parent rule of the original Arc90 readability
 *      bookmarklet that Mozilla Readability grew from), when it holds at least 40 % of the body's `<p>` text;
 *   3. otherwise `<body>`.
 */
/**
 * Non-whitespace characters of prose under every node (hidden and SKIP elements excluded), computed in
 * one post-order pass so choosing the main content stays linear in the page size.
 */
function proseLengths(root: HNode): Map<HNode, number> {
  const len = new Map<HNode, number>();
  const order: HNode[] = [];
  const stack: HNode[] = [root];
  while (stack.length > 0) {
    const n = stack.pop() as HNode;
    order.push(n);
    for (const c of n.children) if (typeof c !== 'string') stack.push(c);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i] as HNode;
    if (n !== root && (SKIP.has(n.tag) || isHidden(n))) {
      len.set(n, 0);
      continue;
    }
    let total = 0;
    for (const c of n.children) {
      if (typeof c === 'string') {
        for (let k = 0; k < c.length; k++) {
          const code = c.charCodeAt(k);
          if (code > 32 && code !== 160) total++;
        }
      } else total += len.get(c) ?? 0;
    }
    len.set(n, total);
  }
  return len;
}

function chooseMainContent(root: HNode): Candidate {
  const body = find(root, (n) => n.tag === 'body') ?? root;
  const medium = mediumStoryBody(root, body);
  if (medium !== null) return medium;
  const lengths = proseLengths(root);
  const bodyText = lengths.get(body) ?? 0;
  const kinds: [string, (n: HNode) => boolean][] = [
    ['articleBody', (n) => (n.attrs.itemprop ?? '').split(/\s+/).includes('articleBody')],
    ['article', (n) => n.tag === 'article'],
    ['main', (n) => n.tag === 'main'],
    ['role=main', (n) => (n.attrs.role ?? '').toLowerCase() === 'main'],
  ];
  for (const [label, pred] of kinds) {
    let best: HNode | null = null;
    let bestLen = -1;
    for (const n of elements(body)) {
      if (!pred(n) || isHidden(n)) continue;
      const len = lengths.get(n) ?? 0;
      if (len > bestLen) {
        best = n;
        bestLen = len;
      }
    }
    if (best !== null && bestLen > 0 && bestLen >= 0.3 * bodyText) return { node: best, label };
  }

  // Paragraph-parent rule.
  const pText = new Map<HNode, number>();
  let totalP = 0;
  for (const n of elements(body)) {
    if (n.tag !== 'p' || n.parent === null) continue;
    let skipped = false;
    for (let a: HNode | null = n.parent; a !== null; a = a.parent) {
      if (SKIP.has(a.tag) || isHidden(a)) {
        skipped = true;
        break;
      }
    }
    if (skipped) continue;
    const len = lengths.get(n) ?? 0;
    totalP += len;
    pText.set(n.parent, (pText.get(n.parent) ?? 0) + len);
  }
  if (totalP > 0) {
    // Sum each parent's paragraph text up its ancestors so a climb can be judged.
    const subtree = new Map<HNode, number>();
    for (const [parent, len] of pText) {
      for (let a: HNode | null = parent; a !== null; a = a.parent) subtree.set(a, (subtree.get(a) ?? 0) + len);
    }
    let top: HNode | null = null;
    let topLen = 0;
    for (const [parent, len] of pText) {
      if (len > topLen) {
        top = parent;
        topLen = len;
      }
    }
    if (top !== null) {
      let node = top;
      let held = subtree.get(node) ?? 0;
      while (node.parent !== null && node.parent !== body && node.parent.tag !== '#root') {
        const parentHeld = subtree.get(node.parent) ?? 0;
        if (parentHeld < held * 1.5) break;
        node = node.parent;
        held = parentHeld;
      }
      if (held >= 0.4 * totalP) return { node, label: `paragraphs:${node.tag}` };
    }
  }
  return { node: body, label: body === root ? 'document' : 'body' };
}

/** What the body walk produces; shared with the Markdown parser for raw HTML blocks. */
export interface HtmlBodyParts {
  blocks: ContentBlock[];
  links: ContentLink[];
  images: ContentImage[];
  /** Medium's subtitle element, when one was seen (it is not kept as a block). */
  subtitle: string | null;
}

interface WalkState extends HtmlBodyParts {
  base: URL | null;
  buffer: string;
  /** Links opened in the current run of text; they get the block index at flush. */
  pendingLinks: ContentLink[];
  line: number | null;
  blockOffset: number;
  skipHeader: boolean;
}

function flush(st: WalkState, kind: ContentBlockKind, level: number, ordered: boolean | undefined): void {
  const text = kind === 'code' ? st.buffer.replace(/^\n+|\s+$/g, '') : collapseKeepingBreaks(st.buffer);
  st.buffer = '';
  if (text === '') {
    // A link with no text of its own (e.g. around an image) stays unattached.
    for (const l of st.pendingLinks) l.block = -1;
    st.pendingLinks = [];
    return;
  }
  const block: ContentBlock = { kind, level, text, line: st.line };
  if (ordered !== undefined) block.ordered = ordered;
  st.blocks.push(block);
  const index = st.blockOffset + st.blocks.length - 1;
  for (const l of st.pendingLinks) l.block = index;
  st.pendingLinks = [];
}

interface Ctx {
  kind: ContentBlockKind;
  level: number;
  ordered: boolean | undefined;
  /** Open links whose text is being collected. */
  links: ContentLink[];
}

function resolve(href: string, base: URL | null): string | null {
  const h = href.trim();
  if (h === '' || h.startsWith('#')) return null;
  const u = base === null ? parseHttpUrl(h) : parseHttpUrl(h, base);
  return u === null ? null : u.href;
}

function walk(node: HNode, st: WalkState, ctx: Ctx): void {
  for (const child of node.children) {
    if (typeof child === 'string') {
      st.buffer += child;
      for (const l of ctx.links) l.text += child;
      continue;
    }
    const tag = child.tag;
    if (SKIP.has(tag) || isHidden(child)) continue;
    if (tag === 'header' && st.skipHeader) continue;
    const cls = child.attrs.class ?? '';
    if (cls.includes('pw-subtitle-paragraph')) {
      // Medium's subtitle (an h2/h3 under the title): the story's subtitle, not a section heading.
      if (st.subtitle === null) st.subtitle = collapse(textOf(child, true));
      continue;
    }
    if (tag === 'br') {
      st.buffer += ctx.kind === 'code' ? '\n' : LINE_BREAK;
      continue;
    }
    if (tag === 'img') {
      const src = child.attrs.src ?? child.attrs['data-src'] ?? '';
      const alt = child.attrs.alt ?? null;
      st.images.push({ src: src.trim(), alt, afterBlock: st.blockOffset + st.blocks.length - 1, line: st.line });
      // An image inside a link: the alt is the link's text (what a search engine reads as its anchor).
      if (alt !== null) for (const l of ctx.links) if (collapse(l.text) === '') l.text += alt;
      continue;
    }
    if (tag === 'a' && child.attrs.href !== undefined) {
      const link: ContentLink = {
        href: child.attrs.href,
        url: resolve(child.attrs.href, st.base),
        text: '',
        rel: relTokens(child.attrs.rel),
        block: -1,
        line: st.line,
      };
      st.links.push(link);
      st.pendingLinks.push(link);
      walk(child, st, { ...ctx, links: [...ctx.links, link] });
      link.text = collapse(link.text);
      continue;
    }
    if (!BLOCK.has(tag)) {
      walk(child, st, ctx);
      continue;
    }
    // Block element: end the current run, walk the content in its own context, end it again.
    flush(st, ctx.kind, ctx.level, ctx.ordered);
    let inner: Ctx = ctx;
    const h = HEADING.exec(tag);
    if (h !== null) inner = { ...ctx, kind: 'heading', level: Number(h[1]), ordered: undefined };
    else if (tag === 'pre') inner = { ...ctx, kind: 'code', level: 0, ordered: undefined };
    else if (tag === 'li') inner = { ...ctx, kind: 'list-item', level: 0, ordered: child.parent?.tag === 'ol' };
    else if (tag === 'blockquote') inner = { ...ctx, kind: 'quote', level: 0, ordered: undefined };
    else if (tag === 'td' || tag === 'th') inner = { ...ctx, kind: 'cell', level: 0, ordered: undefined };
    else if (tag === 'figcaption' || tag === 'caption') inner = { ...ctx, kind: 'caption', level: 0, ordered: undefined };
    // Inside a heading/code/caption everything stays that kind; a <p> inside a <li>/<blockquote> keeps the container's kind.
    if (ctx.kind === 'heading' || ctx.kind === 'code' || ctx.kind === 'caption') inner = { ...ctx };
    walk(child, st, inner);
    flush(st, inner.kind, inner.level, inner.ordered);
  }
}

/** Walk an element's content into blocks/links/images (used for the main content and for Markdown HTML blocks). */
export function extractBody(
  node: HNode,
  options: { base: URL | null; line: number | null; blockOffset: number; skipHeader: boolean },
): HtmlBodyParts {
  const st: WalkState = {
    blocks: [],
    links: [],
    images: [],
    subtitle: null,
    base: options.base,
    buffer: '',
    pendingLinks: [],
    line: options.line,
    blockOffset: options.blockOffset,
    skipHeader: options.skipHeader,
  };
  const ctx: Ctx = { kind: 'paragraph', level: 0, ordered: undefined, links: [] };
  walk(node, st, ctx);
  flush(st, 'paragraph', 0, undefined);
  return { blocks: st.blocks, links: st.links, images: st.images, subtitle: st.subtitle };
}

/** Parse an HTML fragment (a raw HTML block inside Markdown) into blocks, links and images. */
export function parseHtmlFragment(html: string, options: { base: URL | null; line: number | null; blockOffset: number }): HtmlBodyParts {
  return extractBody(buildTree(html), { ...options, skipHeader: false });
}

function metaContent(root: HNode, key: 'name' | 'property', value: string): string | null {
  for (const n of elements(root)) {
    if (n.tag !== 'meta') continue;
    if ((n.attrs[key] ?? '').toLowerCase() !== value) continue;
    const c = n.attrs.content;
    if (c !== undefined && c.trim() !== '') return collapse(c);
  }
  return null;
}

/** Medium story URLs end in `-<10 to 12 hex digits>` (the post id); that is not part of the words of the slug. */
const MEDIUM_POST_ID_SUFFIX = /-[0-9a-f]{10,12}$/;

/** The last non-empty path segment of a URL, percent-decoded, with a Medium post id removed. */
export function slugFromUrl(url: string): string | null {
  const u = parseUrl(url);
  if (u === null) return null;
  const segments = u.pathname.split('/').filter((s) => s !== '');
  const last = segments[segments.length - 1];
  if (last === undefined) return null;
  let slug = last;
  try {
    slug = decodeURIComponent(last);
  } catch {
    // keep the raw segment
  }
  slug = slug.replace(/\.(?:html?|php|aspx?)$/i, '');
  return slug.replace(MEDIUM_POST_ID_SUFFIX, '') || null;
}

/** Parse an HTML page into the content model (main content only). */
export function parseHtmlDocument(html: string, options: HtmlDocumentOptions = {}): ContentDocument {
  const root = buildTree(html);
  const warnings: ContentWarning[] = [];
  const pageUrl = options.url ?? null;
  const pageBase = pageUrl === null ? null : parseUrl(pageUrl);

  const baseEl = find(root, (n) => n.tag === 'base' && n.attrs.href !== undefined);
  let base: URL | null = pageBase;
  if (baseEl !== null) base = parseUrl((baseEl.attrs.href ?? '').trim(), pageBase ?? undefined) ?? pageBase;

  const titleEl = find(root, (n) => n.tag === 'title');
  let title = titleEl === null ? null : collapse(textOf(titleEl));
  if (title === '') title = null;
  title ??= metaContent(root, 'property', 'og:title');

  const description = metaContent(root, 'name', 'description') ?? metaContent(root, 'property', 'og:description');

  let canonical: string | null = null;
  for (const n of elements(root)) {
    if (n.tag === 'link' && relTokens(n.attrs.rel).includes('canonical') && n.attrs.href !== undefined) {
      const u = base === null ? parseHttpUrl(n.attrs.href.trim()) : parseHttpUrl(n.attrs.href.trim(), base);
      if (u !== null) {
        canonical = u.href;
        break;
      }
    }
  }

  const tags: string[] = [];
  for (const n of elements(root)) {
    if (n.tag === 'meta' && (n.attrs.property ?? '').toLowerCase() === 'article:tag') {
      const t = collapse(n.attrs.content ?? '');
      if (t !== '' && !tags.includes(t)) tags.push(t);
    }
  }

  const htmlEl = find(root, (n) => n.tag === 'html');
  const lang = htmlEl?.attrs.lang?.trim() || null;

  const main = chooseMainContent(root);
  const parts = extractBody(main.range === undefined ? main.node : pruneToRange(main.node, main.range), {
    base,
    line: null,
    blockOffset: 0,
    skipHeader: main.label === 'body' || main.label === 'document',
  });
  if (parts.blocks.length === 0) warnings.push({ code: 'html.no-text', message: 'no text found in the main content', line: null });
  if (main.label === 'medium-story') {
    // Medium renders a story's large and small section headings (H3/H4 in its paragraph model) as <h1>/<h2>;
    // the story title is outside the window. Inside the story they are subheadings: read them as h2/h3.
    for (const b of parts.blocks) if (b.kind === 'heading' && b.level <= 2) b.level += 1;
  }

  const slugSource = pageUrl ?? canonical;
  return {
    source: 'html',
    url: pageUrl,
    title,
    // Medium's subtitle sits above the first story paragraph, outside a windowed story body.
    subtitle: parts.subtitle ?? mediumSubtitle(root),
    slug: slugSource === null ? null : slugFromUrl(slugSource),
    description,
    tags,
    canonical,
    keyphrase: null,
    synonyms: [],
    blocks: parts.blocks,
    links: parts.links,
    images: parts.images,
    lang,
    warnings,
    mainContent: main.label,
  };
}
