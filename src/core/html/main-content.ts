/**
 * Main-content detection on the node table of one html-scan pass, without building a DOM.
 *
 * It follows Mozilla Readability 0.6.0 (`Readability.js`, `_grabArticle` and `_prepArticle`), which is
 * what "the article" means in the readability test pages we measure against:
 *   1. drop hidden nodes, "unlikely candidates" (class/id regexes, ARIA roles) and the first byline;
 *   2. score paragraph-like elements (p, td, pre, section, h2–h6, and divs acting as paragraphs):
 *      1 + (commas + 1) + min(floor(chars / 100), 3), added to 5 ancestors (÷1, ÷2, ÷(level·3)), each
 *      ancestor starting from a tag score (div +5, pre/td/blockquote +3, lists/forms −3, headings −5)
 *      plus a class/id weight (±25);
 *   3. scale by (1 − link density), take the best candidate (with Readability's "three close
 *      alternatives share an ancestor", "climb while the parent scores higher" and "only child" moves),
 *      then add qualifying siblings (score ≥ max(10, 0.2 · top), or text paragraphs);
 *   4. clean the result as _prepArticle does: remove footer/aside/iframe/button/…, "share" blocks under
 *      500 chars, negative-weight h1/h2, and conditionally tables, lists and divs that look like link
 *      lists (link density > 0.2, or > 0.5 with a positive class), image galleries, forms;
 *   5. if the article has fewer than 500 characters, retry without stripping unlikely candidates,
 *      then without class weights, then without conditional cleaning (Readability's flag retries),
 *      keeping the longest result.
 * Differences from Readability are listed at the end of this file.
 */
import { H_BYLINE, H_MAYBE, H_NEGATIVE, H_POSITIVE, H_SHARE, H_UNLIKELY, hintBits } from './class-hints.js';
import { type HtmlScan, NF_HAS_ITEMPROP, NF_HAS_ROLE, NF_HIDDEN, NF_TEMPLATE, NS_HTML, NS_MATH } from './html-scan.js';
import { T, TAG_COUNT, TAG_IDS, UNKNOWN_TAG } from './html-tags.js';

/** Readability UNLIKELY_ROLES. */
const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/** Readability DEFAULT_CHAR_THRESHOLD: an article shorter than this triggers the flag retries. */
const CHAR_THRESHOLD = 500;
/** Readability DEFAULT_N_TOP_CANDIDATES. */
const N_TOP_CANDIDATES = 5;
/** Readability: shareElementThreshold = DEFAULT_CHAR_THRESHOLD. */
const SHARE_THRESHOLD = 500;

const FLAG_STRIP_UNLIKELYS = 1;
const FLAG_WEIGHT_CLASSES = 2;
const FLAG_CLEAN_CONDITIONALLY = 4;

function tagSet(names: string): Uint8Array {
  const s = new Uint8Array(TAG_COUNT);
  for (const n of names.split(' ')) {
    const id = TAG_IDS.get(n);
    if (id !== undefined) s[id] = 1;
  }
  return s;
}

/** Readability PHRASING_ELEMS (a, del, ins are phrasing when all their children are). */
const PHRASING = tagSet(
  'abbr audio b bdo br button cite code data datalist dfn em embed i img input kbd label mark math meter noscript ' +
    'object output progress q ruby samp script select small span strong sub sup textarea time var wbr',
);
const TEXTISH = tagSet('span li td blockquote dl div img ol p pre table ul');
/** ALTER_TO_DIV_EXCEPTIONS: appended siblings with other tags are renamed to div (and then cleaned as divs). */
const KEEP_TAG_ON_APPEND = tagSet('div article section p ol ul');

export interface MainContent {
  /** 1 for nodes inside the extracted main content (after cleaning). */
  body: Uint8Array;
  /** Node id of the top candidate (0 = the whole document was used). */
  topCandidate: number;
  /** Characters of text in the extracted content. */
  articleLength: number;
  /** How many Readability flag attempts ran (1–4). */
  attempts: number;
  /** Class and id hint bits per node (class-hints.ts), reusable by placement. */
  classHints: Int32Array;
  idHints: Int32Array;
}

export interface MainContentOptions {
  /**
   * The page already names its author in metadata (meta author / JSON-LD): Readability then does not
   * remove the first byline-looking element.
   */
  hasMetadataByline?: boolean;
}

/** Per-document facts that do not depend on the retry flags. */
interface Prep {
  n: number;
  parent: Int32Array;
  tag: Uint16Array;
  html: Uint8Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  hidden: Uint8Array;
  /** Has a table or code ancestor (Readability does not strip unlikely candidates there). */
  ancTableCode: Uint8Array;
  ancFigure: Uint8Array;
  phrasing: Uint8Array;
  weightCls: Int8Array;
  weightId: Int8Array;
  classHints: Int32Array;
  idHints: Int32Array;
  unlikely: Uint8Array;
  unlikelyRole: Uint8Array;
  share: Uint8Array;
  bylineMatch: Uint8Array;
  /** Full subtree text (nothing removed), for the byline length test. */
  fullText: Int32Array;
  /** Data-table verdict for table nodes (Readability _markDataTables). */
  dataTable: Uint8Array;
  inDataTable: Uint8Array;
}

/**
 * Typed arrays reused across calls (one page after another): a page needs ~60 arrays of node-count
 * length, and allocating and zeroing them per page cost more than the scoring itself. Arrays are
 * handed out by name, cleared over [0, n) (unless `fill` is null: the caller writes every element
 * before reading it), and grown by doubling. detectMainContent copies out what it returns, and a
 * nested call (not expected: the code is synchronous) gets a fresh pool.
 */
class ArrayPool {
  private readonly arrays = new Map<string, Uint8Array | Int8Array | Int32Array | Float64Array>();

  private take<A extends Uint8Array | Int8Array | Int32Array | Float64Array>(
    name: string,
    n: number,
    fill: number | null,
    make: (len: number) => A,
  ): A {
    let a = this.arrays.get(name) as A | undefined;
    if (a === undefined || a.length < n) {
      a = make(Math.max(n, a === undefined ? 1024 : a.length * 2));
      this.arrays.set(name, a);
    }
    if (fill !== null) a.fill(fill, 0, n);
    return a;
  }

  u8(name: string, n: number, fill: number | null = 0): Uint8Array {
    return this.take(name, n, fill, (l) => new Uint8Array(l));
  }
  i8(name: string, n: number, fill: number | null = 0): Int8Array {
    return this.take(name, n, fill, (l) => new Int8Array(l));
  }
  i32(name: string, n: number, fill: number | null = 0): Int32Array {
    return this.take(name, n, fill, (l) => new Int32Array(l));
  }
  f64(name: string, n: number, fill: number | null = 0): Float64Array {
    return this.take(name, n, fill, (l) => new Float64Array(l));
  }
}

const sharedPool = new ArrayPool();
/** Largest document (in nodes) whose arrays the shared pool keeps (2^18 ≈ 262k elements). */
const POOL_MAX_NODES = 1 << 18;
let poolBusy = false;

function prepare(scan: HtmlScan, pool: ArrayPool): Prep {
  const n = scan.nodeCount;
  const parent = scan.parent;
  const tag = scan.tag;
  const html = pool.u8('html', n, null);
  for (let i = 0; i < n; i++) html[i] = scan.ns[i] === NS_HTML ? 1 : 0;
  const firstChild = pool.i32('firstChild', n, -1);
  const lastChild = pool.i32('lastChild', n, -1);
  const nextSibling = pool.i32('nextSibling', n, -1);
  for (let i = 1; i < n; i++) {
    const p = parent[i] ?? 0;
    const last = lastChild[p] ?? -1;
    if (last < 0) firstChild[p] = i;
    else nextSibling[last] = i;
    lastChild[p] = i;
  }
  const hidden = pool.u8('hidden', n, null);
  const ancTableCode = pool.u8('ancTableCode', n, null);
  const ancFigure = pool.u8('ancFigure', n, null);
  const weightCls = pool.i8('weightCls', n);
  const weightId = pool.i8('weightId', n);
  const unlikely = pool.u8('unlikely', n);
  const unlikelyRole = pool.u8('unlikelyRole', n);
  const share = pool.u8('share', n);
  const bylineMatch = pool.u8('bylineMatch', n);
  const classHints = pool.i32('classHints', n);
  const idHints = pool.i32('idHints', n);
  for (let i = 0; i < n; i++) {
    const p = i === 0 ? -1 : (parent[i] ?? 0);
    const f = scan.flags[i] ?? 0;
    const pt = p >= 0 ? (tag[p] ?? 0) : -1;
    hidden[i] = (p >= 0 && hidden[p] === 1) || (f & (NF_HIDDEN | NF_TEMPLATE)) !== 0 ? 1 : 0;
    ancTableCode[i] = p >= 0 && (ancTableCode[p] === 1 || (html[p] === 1 && (pt === T.table || pt === CODE))) ? 1 : 0;
    ancFigure[i] = p >= 0 && (ancFigure[p] === 1 || (html[p] === 1 && pt === T.figure)) ? 1 : 0;
  }
  // Bottom-up: phrasing (a/del/ins need all children phrasing), full text, data tables.
  const phrasing = pool.u8('phrasing', n, null);
  const allChildPhrasing = pool.u8('allChildPhrasing', n, 1);
  const fullText = pool.i32('fullText', n);
  const rows = pool.i32('rows', n);
  const maxCols = pool.i32('maxCols', n);
  const dataDesc = pool.u8('dataDesc', n);
  const tableDesc = pool.u8('tableDesc', n);
  const captionChild = pool.u8('captionChild', n);
  const cells = pool.i32('cells', n);
  const subLinks = pool.i32('subLinks', n);
  const delTag = tagId('del');
  const insTag = tagId('ins');
  for (let i = n - 1; i >= 0; i--) {
    const t = tag[i] ?? 0;
    const isHtml = html[i] === 1;
    fullText[i] = (fullText[i] ?? 0) + (scan.text[i] ?? 0);
    subLinks[i] = (subLinks[i] ?? 0) + (scan.linkCount[i] ?? 0);
    let ph = 0;
    if (isHtml) {
      if (PHRASING[t] === 1) ph = 1;
      else if ((t === T.a || t === delTag || t === insTag) && allChildPhrasing[i] === 1) ph = 1;
    } else if (scan.ns[i] === NS_MATH) ph = 1;
    phrasing[i] = ph;
    if (i === 0) break;
    const p = parent[i] ?? 0;
    fullText[p] = (fullText[p] ?? 0) + (fullText[i] ?? 0);
    subLinks[p] = (subLinks[p] ?? 0) + (subLinks[i] ?? 0);
    if (ph === 0) allChildPhrasing[p] = 0;
    // Table facts.
    if (isHtml && (t === T.th || t === T.thead || t === T.tfoot || t === T.colgroup)) dataDesc[i] = 1;
    if (isHtml && t === T.caption && (fullText[i] ?? 0) > 0) captionChild[p] = 1;
    if (isHtml && (t === T.td || t === T.th)) cells[p] = (cells[p] ?? 0) + 1;
    if (isHtml && t === T.tr) {
      rows[i] = (rows[i] ?? 0) + 1;
      maxCols[i] = Math.max(maxCols[i] ?? 0, cells[i] ?? 0);
    }
    if (dataDesc[i] === 1) dataDesc[p] = 1;
    if (isHtml && t === T.table) tableDesc[p] = 1;
    if (tableDesc[i] === 1) tableDesc[p] = 1;
    if (!(isHtml && t === T.table)) {
      rows[p] = (rows[p] ?? 0) + (rows[i] ?? 0);
      maxCols[p] = Math.max(maxCols[p] ?? 0, maxCols[i] ?? 0);
    }
  }
  // Class/id hints, only where they can matter: an element with no text and no link below it cannot
  // change any link's placement (its removal or weight moves nothing that is measured).
  // No per-document Map cache: one automaton pass over a class string (class-hints.ts) costs less
  // than hashing the freshly sliced string. Only the previous class is remembered (list items and
  // sibling blocks repeat it): comparing two strings is cheaper still.
  let prevCls = '';
  let prevClsBits = 0;
  for (let i = 0; i < n; i++) {
    if ((fullText[i] ?? 0) === 0 && (subLinks[i] ?? 0) === 0) continue;
    const cls = scan.cls[i];
    const id = scan.id[i];
    if (cls !== undefined || id !== undefined) {
      let hc = 0;
      if (cls !== undefined) {
        if (cls !== prevCls) {
          prevCls = cls;
          prevClsBits = hintBits(cls);
        }
        hc = prevClsBits;
      }
      const hi = id === undefined ? 0 : hintBits(id);
      classHints[i] = hc;
      idHints[i] = hi;
      // Readability _getClassWeight: negative −25 / positive +25, for className and id separately.
      if (cls !== undefined && cls !== '') weightCls[i] = (hc & H_NEGATIVE ? -25 : 0) + (hc & H_POSITIVE ? 25 : 0);
      if (id !== undefined && id !== '') weightId[i] = (hi & H_NEGATIVE ? -25 : 0) + (hi & H_POSITIVE ? 25 : 0);
      const both = hc | hi;
      unlikely[i] = both & H_UNLIKELY && !(both & H_MAYBE) ? 1 : 0;
      share[i] = both & H_SHARE ? 1 : 0;
      bylineMatch[i] = both & H_BYLINE ? 1 : 0;
    }
    const nf = scan.flags[i] ?? 0;
    if (nf & NF_HAS_ITEMPROP && scan.itemprop[i]?.includes('author')) bylineMatch[i] = 1;
    if (nf & NF_HAS_ROLE) {
      const role = scan.role[i];
      if (role !== undefined && UNLIKELY_ROLES.has(role)) unlikelyRole[i] = 1;
    }
  }
  const dataTable = pool.u8('dataTable', n);
  const inDataTable = pool.u8('inDataTable', n);
  for (let i = 0; i < n; i++) {
    if (html[i] === 1 && tag[i] === T.table) {
      const role = (scan.flags[i] ?? 0) & NF_HAS_ROLE ? scan.role[i] : undefined;
      let dt: boolean;
      if (role === 'presentation') dt = false;
      else if (captionChild[i] === 1 || dataDesc[i] === 1) dt = true;
      else if (tableDesc[i] === 1) dt = false;
      else {
        const r = rows[i] ?? 0;
        const c = maxCols[i] ?? 0;
        if (c === 1 || r === 1) dt = false;
        else if (r >= 10 || c > 4) dt = true;
        else dt = r * c > 10;
      }
      dataTable[i] = dt ? 1 : 0;
    }
    if (i > 0) {
      const p = parent[i] ?? 0;
      inDataTable[i] = inDataTable[p] === 1 || dataTable[p] === 1 ? 1 : 0;
    }
  }
  return {
    n,
    parent,
    tag,
    html,
    firstChild,
    nextSibling,
    hidden,
    ancTableCode,
    ancFigure,
    phrasing,
    weightCls,
    weightId,
    classHints,
    idHints,
    unlikely,
    unlikelyRole,
    share,
    bylineMatch,
    fullText,
    dataTable,
    inDataTable,
  };
}

function tagId(name: string): number {
  return TAG_IDS.get(name) ?? UNKNOWN_TAG;
}

/** Aggregates over the visible, not-removed tree; mutable while cleaning. */
interface Agg {
  text: Int32Array;
  link: Int32Array;
  commas: Int32Array;
  p: Int32Array;
  img: Int32Array;
  li: Int32Array;
  input: Int32Array;
  heading: Int32Array;
  list: Int32Array;
  textish: Int32Array;
}

interface Attempt {
  body: Uint8Array;
  top: number;
  length: number;
}

/** Per-attempt arrays, allocated once per document and cleared between Readability retries. */
class Workspace {
  readonly gone: Uint8Array;
  readonly inlineText: Int32Array;
  readonly inlineLink: Int32Array;
  readonly inlineCommas: Int32Array;
  readonly hasBlock: Uint8Array;
  readonly blockChildren: Int32Array;
  readonly elementChildren: Int32Array;
  readonly hasInline: Uint8Array;
  readonly singleP: Int32Array;
  readonly eff: Uint8Array;
  readonly effParent: Int32Array;
  readonly score: Float64Array;
  readonly initialized: Uint8Array;
  readonly included: Uint8Array;
  readonly art: Uint8Array;
  readonly cleaned: Uint8Array;
  readonly body: Uint8Array;
  readonly agg: Agg;
  private readonly fills: [Float64Array | Uint8Array | Int32Array, number][];

  constructor(
    private readonly n: number,
    pool: ArrayPool,
  ) {
    // Not cleared here: reset() clears every array at the start of each attempt.
    this.gone = pool.u8('ws.gone', n, null);
    this.inlineText = pool.i32('ws.inlineText', n, null);
    this.inlineLink = pool.i32('ws.inlineLink', n, null);
    this.inlineCommas = pool.i32('ws.inlineCommas', n, null);
    this.hasBlock = pool.u8('ws.hasBlock', n, null);
    this.blockChildren = pool.i32('ws.blockChildren', n, null);
    this.elementChildren = pool.i32('ws.elementChildren', n, null);
    this.hasInline = pool.u8('ws.hasInline', n, null);
    this.singleP = pool.i32('ws.singleP', n, null);
    this.eff = pool.u8('ws.eff', n, null);
    this.effParent = pool.i32('ws.effParent', n, null);
    this.score = pool.f64('ws.score', n, null);
    this.initialized = pool.u8('ws.initialized', n, null);
    this.included = pool.u8('ws.included', n, null);
    this.art = pool.u8('ws.art', n, null);
    this.cleaned = pool.u8('ws.cleaned', n, null);
    this.body = pool.u8('ws.body', n, null);
    this.agg = {
      text: pool.i32('agg.text', n, null),
      link: pool.i32('agg.link', n, null),
      commas: pool.i32('agg.commas', n, null),
      p: pool.i32('agg.p', n, null),
      img: pool.i32('agg.img', n, null),
      li: pool.i32('agg.li', n, null),
      input: pool.i32('agg.input', n, null),
      heading: pool.i32('agg.heading', n, null),
      list: pool.i32('agg.list', n, null),
      textish: pool.i32('agg.textish', n, null),
    };
    this.fills = [
      [this.gone, 0],
      [this.inlineText, 0],
      [this.inlineLink, 0],
      [this.inlineCommas, 0],
      [this.hasBlock, 0],
      [this.blockChildren, 0],
      [this.elementChildren, 0],
      [this.hasInline, 0],
      [this.singleP, -1],
      [this.eff, 0],
      [this.effParent, 0],
      [this.score, 0],
      [this.initialized, 0],
      [this.included, 0],
      [this.art, 0],
      [this.cleaned, 0],
      [this.body, 0],
      [this.agg.text, 0],
      [this.agg.link, 0],
      [this.agg.commas, 0],
      [this.agg.p, 0],
      [this.agg.img, 0],
      [this.agg.li, 0],
      [this.agg.input, 0],
      [this.agg.heading, 0],
      [this.agg.list, 0],
      [this.agg.textish, 0],
    ];
  }

  reset(): void {
    for (const [a, v] of this.fills) a.fill(v, 0, this.n);
  }
}

/** Effective role of a div after Readability's div handling: unchanged. */
const EFF_NORMAL = 0;
/** A div that Readability turns into a p (only phrasing content, low link density). */
const EFF_AS_P = 1;
/** A div replaced by its single p child. */
const EFF_COLLAPSED = 2;

function runAttempt(scan: HtmlScan, pr: Prep, ws: Workspace, flags: number, removeByline: boolean): Attempt {
  ws.reset();
  const { n, parent, tag, html, firstChild, nextSibling } = pr;
  const strip = (flags & FLAG_STRIP_UNLIKELYS) !== 0;
  const weigh = (flags & FLAG_WEIGHT_CLASSES) !== 0;
  const cleanCond = (flags & FLAG_CLEAN_CONDITIONALLY) !== 0;
  const weight = (i: number) => (weigh ? (pr.weightCls[i] ?? 0) + (pr.weightId[i] ?? 0) : 0);

  // 1. Removed before scoring (inherited by descendants).
  const gone = ws.gone;
  let bylineDone = !removeByline;
  for (let i = 1; i < n; i++) {
    const p = parent[i] ?? 0;
    if (gone[p] === 1 || pr.hidden[i] === 1) {
      gone[i] = 1;
      continue;
    }
    if (!bylineDone && pr.bylineMatch[i] === 1) {
      const len = pr.fullText[i] ?? 0;
      if (len > 0 && len < 100) {
        gone[i] = 1;
        bylineDone = true;
        continue;
      }
    }
    if (strip) {
      const t = tag[i] ?? 0;
      if (pr.unlikely[i] === 1 && pr.ancTableCode[i] === 0 && !(html[i] === 1 && (t === T.a || t === T.body))) {
        gone[i] = 1;
        continue;
      }
      if (pr.unlikelyRole[i] === 1) gone[i] = 1;
    }
  }

  // 2. Aggregates, bottom-up over kept nodes.
  const agg: Agg = ws.agg;

  const inlineText = ws.inlineText;
  const inlineLink = ws.inlineLink;
  const inlineCommas = ws.inlineCommas;
  const hasBlock = ws.hasBlock;
  const blockChildren = ws.blockChildren;
  const elementChildren = ws.elementChildren;
  const hasInline = ws.hasInline;
  const singleP = ws.singleP;
  const eff = ws.eff;
  for (let i = 0; i < n; i++) {
    if (gone[i] === 1) continue;
    agg.text[i] = scan.text[i] ?? 0;
    // Link text stays ×10 (hash links weigh 3, others 10): densities divide by 10 × text.
    agg.link[i] = scan.linkText[i] ?? 0;
    agg.commas[i] = scan.commas[i] ?? 0;
    inlineText[i] = agg.text[i] ?? 0;
    inlineLink[i] = agg.link[i] ?? 0;
    inlineCommas[i] = agg.commas[i] ?? 0;
    elementChildren[i] = scan.voids[i] ?? 0;
    if ((scan.img[i] ?? 0) > 0) hasBlock[i] = 1;
    if ((scan.text[i] ?? 0) > 0 || (scan.voids[i] ?? 0) > 0) hasInline[i] = 1;
  }
  const divTag = T.div;
  for (let i = n - 1; i >= 1; i--) {
    if (gone[i] === 1) continue;
    const t = tag[i] ?? 0;
    const isHtml = html[i] === 1;
    // Finish node i.
    if (isHtml && t === divTag) {
      if (hasBlock[i] === 0) {
        // Only phrasing content: wrapped into one p; that p replaces the div when links are few.
        const ld = (agg.text[i] ?? 0) > 0 ? (agg.link[i] ?? 0) / (10 * (agg.text[i] ?? 1)) : 0;
        if (ld < 0.25) eff[i] = EFF_AS_P;
      } else if (hasInline[i] === 0 && elementChildren[i] === 1 && (singleP[i] ?? -1) >= 0 && (scan.text[i] ?? 0) === 0) {
        const ld = (agg.text[i] ?? 0) > 0 ? (agg.link[i] ?? 0) / (10 * (agg.text[i] ?? 1)) : 0;
        if (ld < 0.25) eff[i] = EFF_COLLAPSED;
      }
    }
    // Push into parent.
    const p = parent[i] ?? 0;
    agg.text[p] = (agg.text[p] ?? 0) + (agg.text[i] ?? 0);
    agg.link[p] = (agg.link[p] ?? 0) + (agg.link[i] ?? 0);
    agg.commas[p] = (agg.commas[p] ?? 0) + (agg.commas[i] ?? 0);
    elementChildren[p] = (elementChildren[p] ?? 0) + 1;
    if (isHtml && (F_BLOCK_TAG[t] === 1 || eff[i] === EFF_AS_P)) {
      hasBlock[p] = 1;
      blockChildren[p] = (blockChildren[p] ?? 0) + 1;
    }
    if (hasBlock[i] === 1) hasBlock[p] = 1;
    if (isHtml && t === T.p) singleP[p] = singleP[p] === -1 ? i : -2;
    else singleP[p] = -2;
    if (pr.phrasing[i] === 1) {
      hasInline[p] = 1;
      inlineText[p] = (inlineText[p] ?? 0) + (agg.text[i] ?? 0);
      inlineLink[p] = (inlineLink[p] ?? 0) + (agg.link[i] ?? 0);
      inlineCommas[p] = (inlineCommas[p] ?? 0) + (agg.commas[i] ?? 0);
    }
  }

  // Effective parent: collapsed divs disappear from the chain.
  const effParent = ws.effParent;
  effParent[0] = -1;
  for (let i = 1; i < n; i++) {
    let p = parent[i] ?? 0;
    while (p > 0 && eff[p] === EFF_COLLAPSED) p = parent[p] ?? 0;
    effParent[i] = p;
  }
  const effTagIsP = (i: number) => html[i] === 1 && (tag[i] === T.p || eff[i] === EFF_AS_P);

  // 3. Score paragraphs into their ancestors.
  const score = ws.score;
  const initialized = ws.initialized;
  const candidates: number[] = [];
  const initNode = (i: number) => {
    initialized[i] = 1;
    candidates.push(i);
    let s = 0;
    if (html[i] === 1 && eff[i] !== EFF_AS_P) {
      const t = tag[i] ?? 0;
      if (t === T.div) s = 5;
      else if (t === T.pre || t === T.td || t === T.blockquote) s = 3;
      else if (t === T.address || t === T.ol || t === T.ul || t === T.dl || t === T.dd || t === T.dt || t === T.li || t === T.form) s = -3;
      else if (t === T.h1 || t === T.h2 || t === T.h3 || t === T.h4 || t === T.h5 || t === T.h6 || t === T.th) s = -5;
    }
    score[i] = s + (i === 0 ? 0 : weight(i));
  };
  const addScore = (firstAncestor: number, len: number, commas: number) => {
    if (len < 25 || firstAncestor < 0) return;
    const contentScore = 1 + (commas + 1) + Math.min(Math.floor(len / 100), 3);
    let a = firstAncestor;
    for (let level = 0; level < 5 && a >= 0; level++) {
      if (initialized[a] === 0) initNode(a);
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      score[a] = (score[a] ?? 0) + contentScore / divider;
      a = a === 0 ? -1 : (effParent[a] ?? -1);
    }
  };
  const scoreTags = SCORE_TAGS;
  for (let i = 1; i < n; i++) {
    if (gone[i] === 1 || html[i] === 0) continue;
    const t = tag[i] ?? 0;
    if (eff[i] === EFF_AS_P) {
      addScore(effParent[i] ?? -1, agg.text[i] ?? 0, agg.commas[i] ?? 0);
    } else if (scoreTags[t] === 1) {
      addScore(effParent[i] ?? -1, agg.text[i] ?? 0, agg.commas[i] ?? 0);
    }
    if (t === T.div && eff[i] === EFF_NORMAL && hasInline[i] === 1 && (inlineText[i] ?? 0) > 0) {
      // Phrasing runs of a div with block children become <p> children of the div.
      addScore(i, inlineText[i] ?? 0, inlineCommas[i] ?? 0);
    }
  }

  const linkDensity = (i: number) => {
    const tl = agg.text[i] ?? 0;
    return tl === 0 ? 0 : (agg.link[i] ?? 0) / (10 * tl);
  };
  const top: number[] = [];
  for (const c of candidates) {
    score[c] = (score[c] ?? 0) * (1 - linkDensity(c));
    const s = score[c] ?? 0;
    for (let t = 0; t < N_TOP_CANDIDATES; t++) {
      const other = top[t];
      if (other === undefined || s > (score[other] ?? 0)) {
        top.splice(t, 0, c);
        if (top.length > N_TOP_CANDIDATES) top.pop();
        break;
      }
    }
  }

  let topCandidate = top[0] ?? 0;
  const useWholePage = topCandidate === 0;
  if (!useWholePage) {
    const topScore = score[topCandidate] ?? 0;
    const alternatives: number[][] = [];
    for (let k = 1; k < top.length; k++) {
      const c = top[k] as number;
      if ((score[c] ?? 0) / topScore >= 0.75) alternatives.push(ancestorsOf(c, effParent));
    }
    if (alternatives.length >= 3) {
      let p = effParent[topCandidate] ?? 0;
      while (p > 0) {
        let lists = 0;
        for (let k = 0; k < alternatives.length && lists < 3; k++) if ((alternatives[k] as number[]).includes(p)) lists++;
        if (lists >= 3) {
          topCandidate = p;
          break;
        }
        p = effParent[p] ?? 0;
      }
    }
    if (initialized[topCandidate] === 0) initNode(topCandidate);
    let p = effParent[topCandidate] ?? 0;
    let lastScore = score[topCandidate] ?? 0;
    const threshold = lastScore / 3;
    while (p > 0) {
      if (initialized[p] === 0) {
        p = effParent[p] ?? 0;
        continue;
      }
      const ps = score[p] ?? 0;
      if (ps < threshold) break;
      if (ps > lastScore) {
        topCandidate = p;
        break;
      }
      lastScore = ps;
      p = effParent[p] ?? 0;
    }
    p = effParent[topCandidate] ?? 0;
    while (p > 0 && effChildCount(p, firstChild, nextSibling, gone, eff, scan) === 1) {
      topCandidate = p;
      p = effParent[topCandidate] ?? 0;
    }
    if (initialized[topCandidate] === 0) initNode(topCandidate);
  }

  // 4. Siblings.
  const included = ws.included;
  const roots: number[] = [];
  let virtualRoot = -1;
  if (useWholePage) {
    included[0] = 1;
    roots.push(0);
  } else {
    const topScore = score[topCandidate] ?? 0;
    const siblingThreshold = Math.max(10, topScore * 0.2);
    const parentOfTop = effParent[topCandidate] ?? 0;
    const topCls = scan.cls[topCandidate] ?? '';
    for (const s of effChildren(parentOfTop, firstChild, nextSibling, gone, eff)) {
      let append = false;
      if (s === topCandidate) append = true;
      else {
        let bonus = 0;
        if (topCls !== '' && (scan.cls[s] ?? '') === topCls) bonus += topScore * 0.2;
        if (initialized[s] === 1 && (score[s] ?? 0) + bonus >= siblingThreshold) append = true;
        else if (effTagIsP(s)) append = paragraphQualifies(agg.text[s] ?? 0, linkDensity(s));
      }
      if (append) {
        included[s] = 1;
        roots.push(s);
      }
    }
    // The phrasing runs of the parent (wrapped into <p> siblings by Readability).
    if (parentOfTop > 0 && html[parentOfTop] === 1 && tag[parentOfTop] === T.div && hasInline[parentOfTop] === 1) {
      const len = inlineText[parentOfTop] ?? 0;
      const ld = len === 0 ? 0 : (inlineLink[parentOfTop] ?? 0) / (10 * len);
      if (paragraphQualifies(len, ld)) virtualRoot = parentOfTop;
    }
  }

  // Article membership (before cleaning).
  const art = ws.art;
  for (let i = 0; i < n; i++) {
    if (gone[i] === 1) continue;
    if (included[i] === 1) art[i] = 1;
    else if (i > 0) {
      const p = parent[i] ?? 0;
      if (art[p] === 1) art[i] = 1;
      else if (p === virtualRoot && pr.phrasing[i] === 1) art[i] = 1;
    }
  }

  // Aggregates only the cleaning rules need (p / img / li / input counts, heading, list and "textish"
  // text), computed for the article's nodes only.
  for (let i = n - 1; i >= 1; i--) {
    if (art[i] !== 1) continue;
    agg.img[i] = (agg.img[i] ?? 0) + (scan.img[i] ?? 0);
    agg.input[i] = (agg.input[i] ?? 0) + (scan.input[i] ?? 0);
    if (html[i] === 1) {
      const t = tag[i] ?? 0;
      if (t === T.p) agg.p[i] = (agg.p[i] ?? 0) + 1;
      else if (t === T.li) agg.li[i] = (agg.li[i] ?? 0) + 1;
      else if (t === T.h1 || t === T.h2 || t === T.h3 || t === T.h4 || t === T.h5 || t === T.h6) agg.heading[i] = agg.text[i] ?? 0;
      else if (t === T.ul || t === T.ol) agg.list[i] = agg.text[i] ?? 0;
      else if (t === T.div) {
        // A div that became a p, or whose phrasing runs were wrapped into a p, holds one more p.
        if (eff[i] === EFF_AS_P || hasInline[i] === 1) agg.p[i] = (agg.p[i] ?? 0) + 1;
      }
      if (TEXTISH[t] === 1 || eff[i] === EFF_AS_P) agg.textish[i] = agg.text[i] ?? 0;
    }
    const p = parent[i] ?? 0;
    if (art[p] !== 1) continue;
    agg.p[p] = (agg.p[p] ?? 0) + (agg.p[i] ?? 0);
    agg.img[p] = (agg.img[p] ?? 0) + (agg.img[i] ?? 0);
    agg.li[p] = (agg.li[p] ?? 0) + (agg.li[i] ?? 0);
    agg.input[p] = (agg.input[p] ?? 0) + (agg.input[i] ?? 0);
    agg.heading[p] = (agg.heading[p] ?? 0) + (agg.heading[i] ?? 0);
    agg.list[p] = (agg.list[p] ?? 0) + (agg.list[i] ?? 0);
    agg.textish[p] = (agg.textish[p] ?? 0) + (agg.textish[i] ?? 0);
  }

  // 5. Clean (_prepArticle).
  const cleaned = ws.cleaned;
  const isCleaned = (i: number) => {
    for (let a = i; a >= 0; a = a === 0 ? -1 : (parent[a] ?? -1)) {
      if (cleaned[a] === 1) return true;
      if (included[a] === 1) return false;
    }
    return false;
  };
  const remove = (i: number) => {
    cleaned[i] = 1;
    const dt = agg.text[i] ?? 0;
    const dl = agg.link[i] ?? 0;
    const dc = agg.commas[i] ?? 0;
    const dp = agg.p[i] ?? 0;
    const di = agg.img[i] ?? 0;
    const dli = agg.li[i] ?? 0;
    const din = agg.input[i] ?? 0;
    const dh = agg.heading[i] ?? 0;
    const dls = agg.list[i] ?? 0;
    const dtx = agg.textish[i] ?? 0;
    for (let a = i === 0 ? -1 : (parent[i] ?? -1); a >= 0; a = a === 0 ? -1 : (parent[a] ?? -1)) {
      agg.text[a] = (agg.text[a] ?? 0) - dt;
      agg.link[a] = (agg.link[a] ?? 0) - dl;
      agg.commas[a] = (agg.commas[a] ?? 0) - dc;
      agg.p[a] = (agg.p[a] ?? 0) - dp;
      agg.img[a] = (agg.img[a] ?? 0) - di;
      agg.li[a] = (agg.li[a] ?? 0) - dli;
      agg.input[a] = (agg.input[a] ?? 0) - din;
      agg.heading[a] = (agg.heading[a] ?? 0) - dh;
      agg.list[a] = (agg.list[a] ?? 0) - dls;
      agg.textish[a] = (agg.textish[a] ?? 0) - dtx;
      if (included[a] === 1) break;
    }
  };
  // Collect article nodes by what the cleaning passes look at (document order).
  const forms: number[] = [];
  const tables: number[] = [];
  const lists: number[] = [];
  const divs: number[] = [];
  const always: number[] = [];
  const headers: number[] = [];
  const shares: number[] = [];
  const codeTag = CODE;
  for (let i = 0; i < n; i++) {
    if (art[i] !== 1 || html[i] === 0) continue;
    const t = tag[i] ?? 0;
    const renamedToDiv = included[i] === 1 && i !== 0 && KEEP_TAG_ON_APPEND[t] !== 1 && eff[i] !== EFF_AS_P;
    if (renamedToDiv) {
      divs.push(i);
      continue;
    }
    if (t === T.form || t === FIELDSET) forms.push(i);
    else if (t === T.footer || t === T.aside || t === T.object || t === T.iframe || t === T.textarea || t === T.select || t === T.button)
      always.push(i);
    else if (t === T.h1 || t === T.h2) headers.push(i);
    else if (t === T.table) tables.push(i);
    else if (t === T.ul) lists.push(i);
    else if (t === T.div && eff[i] !== EFF_AS_P && eff[i] !== EFF_COLLAPSED) divs.push(i);
    if (pr.share[i] === 1 && included[i] !== 1) shares.push(i);
  }
  const conditionally = (nodes: number[], listTag: boolean) => {
    if (!cleanCond) return;
    for (let k = nodes.length - 1; k >= 0; k--) {
      const i = nodes[k] as number;
      if (isCleaned(i)) continue;
      if (shouldCleanConditionally(i, listTag)) remove(i);
    }
  };
  const shouldCleanConditionally = (i: number, listTag: boolean): boolean => {
    const textLen = agg.text[i] ?? 0;
    const isList = listTag || (textLen > 0 && (agg.list[i] ?? 0) / textLen > 0.9);
    const t = tag[i] ?? 0;
    if (t === T.table && pr.dataTable[i] === 1) return false;
    if (pr.inDataTable[i] === 1) return false;
    if (pr.ancTableCode[i] === 1 && hasAncestorTag(i, codeTag, parent, tag)) return false;
    const w = weight(i);
    if (w < 0) return true;
    if ((agg.commas[i] ?? 0) >= 10) return false;
    const p = agg.p[i] ?? 0;
    const img = agg.img[i] ?? 0;
    const li = (agg.li[i] ?? 0) - 100;
    const input = agg.input[i] ?? 0;
    const headingDensity = textLen === 0 ? 0 : (agg.heading[i] ?? 0) / textLen;
    const ld = textLen === 0 ? 0 : (agg.link[i] ?? 0) / (10 * textLen);
    const textDensity = textLen === 0 ? 0 : (agg.textish[i] ?? 0) / textLen;
    const figure = pr.ancFigure[i] === 1;
    if (!figure && img > 1 && p / img < 0.5) return true;
    if (!isList && li > p) return true;
    if (input > Math.floor(p / 3)) return true;
    if (!isList && !figure && headingDensity < 0.9 && textLen < 25 && (img === 0 || img > 2) && ld > 0) return true;
    if (!isList && w < 25 && ld > 0.2) return true;
    if (w >= 25 && ld > 0.5) return true;
    if (img === 0 && textDensity === 0) return true;
    return false;
  };
  conditionally(forms, false);
  for (const i of always) if (!isCleaned(i)) remove(i);
  for (const i of shares) if (!isCleaned(i) && (agg.text[i] ?? 0) < SHARE_THRESHOLD) remove(i);
  for (const i of headers) if (!isCleaned(i) && weight(i) < 0) remove(i);
  conditionally(tables, false);
  conditionally(lists, true);
  conditionally(divs, false);

  // Final membership and length.
  const body = ws.body;
  for (let i = 0; i < n; i++) {
    if (art[i] !== 1 || cleaned[i] === 1) continue;
    if (included[i] === 1 || (i > 0 && body[parent[i] ?? 0] === 1) || (i > 0 && parent[i] === virtualRoot)) body[i] = 1;
  }
  let length = 0;
  for (const r of roots) if (cleaned[r] !== 1) length += agg.text[r] ?? 0;
  if (virtualRoot >= 0) length += inlineText[virtualRoot] ?? 0;
  return { body, top: useWholePage ? 0 : topCandidate, length };
}

const FIELDSET = tagId('fieldset');
const CODE = tagId('code');
const SCORE_TAGS = tagSet('section h2 h3 h4 h5 h6 p td pre');
/** Readability DIV_TO_P_ELEMS (img is counted separately: it is a void element here). */
const F_BLOCK_TAG = tagSet('blockquote dl div img ol p pre table ul');

function paragraphQualifies(len: number, ld: number): boolean {
  if (len > 80 && ld < 0.25) return true;
  // Readability also requires a sentence end (/\.( |$)/) here; text is not kept, so short, link-free
  // paragraphs are accepted (they hold no links, so link placement does not depend on it).
  return len < 80 && len > 0 && ld === 0;
}

function hasAncestorTag(i: number, t: number, parent: Int32Array, tag: Uint16Array): boolean {
  for (let a = parent[i] ?? -1; a > 0; a = parent[a] ?? -1) if (tag[a] === t) return true;
  return false;
}

function ancestorsOf(i: number, effParent: Int32Array): number[] {
  const out: number[] = [];
  for (let a = effParent[i] ?? -1; a >= 0; a = a === 0 ? -1 : (effParent[a] ?? -1)) out.push(a);
  return out;
}

/** Children of `p` as Readability sees them after collapsing single-p divs (collapsed div → its p). */
function effChildren(p: number, firstChild: Int32Array, nextSibling: Int32Array, gone: Uint8Array, eff: Uint8Array): number[] {
  const out: number[] = [];
  const stack: number[] = [];
  let c = firstChild[p] ?? -1;
  for (;;) {
    while (c >= 0) {
      if (gone[c] !== 1) {
        if (eff[c] === EFF_COLLAPSED) {
          stack.push(nextSibling[c] ?? -1);
          c = firstChild[c] ?? -1;
          continue;
        }
        out.push(c);
      }
      c = nextSibling[c] ?? -1;
    }
    const next = stack.pop();
    if (next === undefined) break;
    c = next;
  }
  return out;
}

function effChildCount(
  p: number,
  firstChild: Int32Array,
  nextSibling: Int32Array,
  gone: Uint8Array,
  eff: Uint8Array,
  scan: HtmlScan,
): number {
  // Void children (img, br …) are elements too.
  return effChildren(p, firstChild, nextSibling, gone, eff).length + (scan.voids[p] ?? 0);
}

/** Run the Readability-style extraction (with its flag retries) over a scan. The result is owned by the caller. */
export function detectMainContent(scan: HtmlScan, options: MainContentOptions = {}): MainContent {
  return withMainContent(scan, options, (mc) => ({
    ...mc,
    body: mc.body.slice(0, scan.nodeCount),
    classHints: mc.classHints.slice(0, scan.nodeCount),
    idHints: mc.idHints.slice(0, scan.nodeCount),
  }));
}

/**
 * Like detectMainContent, but hands `use` arrays that belong to a reused pool: valid only during the
 * call (no copies; placement uses this once per page).
 */
export function withMainContent<R>(scan: HtmlScan, options: MainContentOptions, use: (mc: MainContent) => R): R {
  // Huge pages get a throw-away pool, so the shared one never pins arrays sized for a hostile page.
  const pool = poolBusy || scan.nodeCount > POOL_MAX_NODES ? new ArrayPool() : sharedPool;
  const owned = pool === sharedPool;
  if (owned) poolBusy = true;
  try {
    return use(detect(scan, options, pool));
  } finally {
    if (owned) poolBusy = false;
  }
}

function detect(scan: HtmlScan, options: MainContentOptions, pool: ArrayPool): MainContent {
  const pr = prepare(scan, pool);
  const n = pr.n;
  const ws = new Workspace(n, pool);
  const flagSets = [
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  ];
  let best: Attempt | null = null;
  let attempts = 0;
  for (const flags of flagSets) {
    attempts++;
    const a = runAttempt(scan, pr, ws, flags, attempts === 1 && options.hasMetadataByline !== true);
    if (a.length >= CHAR_THRESHOLD) {
      best = a;
      break;
    }
    // The workspace is reused by the next attempt: keep a copy of the best body so far.
    if (best === null || a.length > best.length) best = { ...a, body: a.body.slice(0, n) };
  }
  const b = best as Attempt;
  return { body: b.body, topCandidate: b.top, articleLength: b.length, attempts, classHints: pr.classHints, idHints: pr.idHints };
}

/*
 * Known differences from Readability 0.6.0 (kept because they need the text itself or a mutable DOM):
 * - text lengths are sums of trimmed text runs (Readability normalises whitespace of the whole element);
 * - a div's phrasing runs are scored as one paragraph, not one per run;
 * - the "ends with a sentence" test for short sibling paragraphs, the ad/loading-word test, video
 *   embeds exceptions, the title-duplicate header removal and aria-modal dialogs are not applied;
 * - DOM moves made by the adoption agency are not replayed (only the extra `<a>` elements are).
 */
