/**
 * One streaming pass over an HTML document: htmlparser2's Tokenizer (the fast, forgiving tokenizer)
 * feeding a compact re-implementation of the parts of the WHATWG tree-construction algorithm that
 * decide which `<a>`/`<area>`/`<link>`/`<base>` elements exist and where they sit (HTML Living
 * Standard §13.2.6): implied end tags, "close a p element", scopes, the list of active formatting
 * elements with its markers, reconstruction and the adoption agency algorithm (that is how a
 * misnested `<a>` is cloned), table modes with foster parenting, select, foreign content (SVG/MathML)
 * and raw-text `<noscript>` (scripting enabled, as in a browser and in parse5's default).
 *
 * htmlparser2's own Parser is deliberately not used: its tree rules differ from the standard (it has
 * no active-formatting list, so it never clones `<a>`, and it keeps `<noscript>` markup as elements),
 * which made its link counts disagree with a spec parser on 107 of the 207 benchmark pages.
 *
 * The same pass records cheap per-element statistics (direct text length, text inside links, commas,
 * class/id strings, hidden flags) into typed arrays, so placement (main content vs. chrome) is scored
 * afterwards without a DOM. Nothing here recurses; all walks are bounded by MAX_DEPTH.
 */
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { type QuoteType, Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { isQuirksDoctype } from './doctype-mode.js';
import {
  F_BLOCK_END,
  F_CLOSES_P,
  F_FOREIGN_BREAKOUT,
  F_FORMATTING,
  F_HEADING,
  F_IMPLIED_END,
  F_MARKER,
  F_SCOPE,
  F_SPECIAL,
  F_TABLE_CONTEXT,
  F_VOID,
  T,
  TAG_COUNT,
  TAG_FLAGS,
  TAG_IDS,
  TAG_NAMES,
  tagIdAt,
  UNKNOWN_TAG,
} from './html-tags.js';

export type ScannedLinkTag = 'a' | 'area' | 'link' | 'base';

export interface ScannedLink {
  tag: ScannedLinkTag;
  /** The attribute value, entity-decoded (CR/CRLF already normalised to LF as the HTML input stream does). */
  href: string;
  rel: string | null;
  /** For `a`: the element's own node id; for `area`/`link`/`base`: the node the element was inserted into. */
  node: number;
  /** Raw text content collected while the element was open (not yet whitespace-collapsed). */
  text: string;
  /** For `area`: its alt; for `a`: the alt of the first `<img alt>` inside it. */
  alt: string | null;
  /** Seen before the body started (a `<link>` in the head). */
  inHead: boolean;
  /** Created by the parser re-opening a misnested `<a>` (reconstruction / adoption agency). */
  clone: boolean;
  /** Document-order sort key (foster-parented and adopted elements are inserted before earlier content). */
  key: number;
  /** href is a fragment link (`#…`). */
  hash: boolean;
}

export interface ScannedMeta {
  name: string | null;
  property: string | null;
  content: string | null;
  httpEquiv: string | null;
  inHead: boolean;
}

export const NS_HTML = 0;
export const NS_SVG = 1;
export const NS_MATH = 2;

/** Node flags. */
export const NF_HIDDEN = 1;
export const NF_FOSTERED = 2;
export const NF_CLONE = 4;
/** Medium paragraph ids: a 4-hex `id` or `name` (e.g. `<p id="3674">`, `<p name="d178">`). */
export const NF_HEX_NAME = 8;
export const NF_TEMPLATE = 16;
export const NF_IMPLIED = 32;
/** MathML annotation-xml whose encoding makes it an HTML integration point. */
export const NF_HTML_ANNOTATION = 64;
/** The node has a `role` / `itemprop` attribute (those arrays are sparse: test the bit before reading). */
export const NF_HAS_ROLE = 128;
export const NF_HAS_ITEMPROP = 256;

export interface HtmlScan {
  source: string;
  links: ScannedLink[];
  /** True when the outlink cap stopped recording links (the parse itself went on to the end). */
  truncated: boolean;
  /** True when elements deeper than MAX_DEPTH were flattened. */
  depthLimited: boolean;
  nodeCount: number;
  /** Parent node id; node 0 is the document root and has parent -1. Invariant: parent[n] < n. */
  parent: Int32Array;
  tag: Uint16Array;
  ns: Uint8Array;
  flags: Uint16Array;
  /** Direct text characters (each text run trimmed) of the node. */
  text: Int32Array;
  /**
   * Direct text characters that sit inside an `<a href>`, times 10; text of links whose href is a
   * fragment (`#…`) counts 3 (Readability's _getLinkDensity weighs hash links by 0.3).
   */
  linkText: Int32Array;
  /** Direct `<img>` children. */
  img: Int32Array;
  /** Direct `<input>` children. */
  input: Int32Array;
  /** Direct void-element children (img, br, hr, input …): they are elements but not nodes here. */
  voids: Int32Array;
  commas: Int32Array;
  /** Number of links (a/area records) directly inside this node. */
  linkCount: Int32Array;
  cls: (string | undefined)[];
  id: (string | undefined)[];
  role: (string | undefined)[];
  itemprop: (string | undefined)[];
  /** Lower-case tag name of unknown (custom) elements. */
  unknownName: (string | undefined)[];
  title: string | null;
  metas: ScannedMeta[];
  jsonLd: string[];
  quirks: boolean;
  /** Some element carries Medium's 2022+ `pw-post-body-paragraph` class (a Medium story marker). */
  mediumBodyClass: boolean;
}

export interface ScanOptions {
  /** Cap on a/area link records (see audit defaults: 5,000). */
  maxLinks?: number;
  /**
   * Reuse the node arrays of the previous reuseBuffers scan (saves allocating and zeroing them per
   * page). The returned scan is then only valid until the next reuseBuffers scan: for callers that
   * consume the scan before returning (auditHtml, extractLinks). Default false.
   */
  reuseBuffers?: boolean;
  /** Parse as a fragment in this context element (html5lib tree tests), e.g. `table`, `td`. */
  fragmentContext?: string;
}

/**
 * Deepest stack of open elements we keep. Blink caps the DOM depth its parser builds at 512
 * (`kMaximumHTMLParserDOMTreeDepth`, third_party/blink/renderer/core/html/parser/html_construction_site.cc);
 * deeper elements are attached to the element at the cap. Doing the same bounds every stack walk, so a
 * hostile page with 10,000 nested elements costs linear time and no recursion.
 */
export const MAX_DEPTH = 512;
/** Bound on the list of active formatting elements (keeps reconstruction linear on hostile input). */
const MAX_ACTIVE_FORMATTING = 64;
const MAX_METAS = 256;
const MAX_JSON_LD = 8;
const MAX_CAPTURE_CHARS = 512 * 1024;

const CTX_BODY = 0;
const CTX_TABLE = 1;
const CTX_CELL = 2;
const CTX_SELECT = 3;

const A_HREF = 1;
const A_REL = 2;
const A_CLASS = 3;
const A_ID = 4;
const A_NAME = 5;
const A_CONTENT = 6;
const A_PROPERTY = 7;
const A_ALT = 8;
const A_ROLE = 9;
const A_ITEMPROP = 10;
const A_HIDDEN = 11;
const A_ARIA_HIDDEN = 12;
const A_STYLE = 13;
const A_TYPE = 14;
const A_VALUE = 15;
const A_HTTP_EQUIV = 16;
const A_ENCODING = 17;
const A_FONT = 18;
const A_COUNT = 19;

const CAP_NONE = 0;
const CAP_TITLE = 1;
const CAP_JSONLD = 2;

/** `head`-content tags that do not end the head phase (§13.2.6.4.4 "in head"). */
const HEAD_TAGS = new Set([
  'html',
  'head',
  'base',
  'basefont',
  'bgsound',
  'link',
  'meta',
  'noframes',
  'script',
  'style',
  'template',
  'title',
  'noscript',
]);
/** Raw-text / RCDATA elements (their content is text, never markup), as a lookup table by tag id. */
const RAW_TEXT = (() => {
  const t = new Uint8Array(TAG_COUNT);
  for (const id of [T.script, T.style, T.textarea, T.title, T.xmp, T.iframe, T.noembed, T.noframes, T.plaintext]) t[id] = 1;
  return t;
})();
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const HEX4 = /^[0-9a-f]{4}$/;
const SVG_INTEGRATION = new Set(['foreignobject', 'desc', 'title']);
const MATH_TEXT_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext']);

function isWs(c: number): boolean {
  return c <= 32 && (c === 32 || c === 10 || c === 9 || c === 12 || c === 13);
}

function lowerCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

function eqLower(buf: string, start: number, lit: string): boolean {
  for (let i = 0; i < lit.length; i++) if (lowerCode(buf.charCodeAt(start + i)) !== lit.charCodeAt(i)) return false;
  return true;
}

/** Which captured attribute `buf[start,end)` names, or 0. Compares char codes: no string is created. */
function attrCode(buf: string, start: number, end: number): number {
  switch (end - start) {
    case 2:
      return eqLower(buf, start, 'id') ? A_ID : 0;
    case 3:
      if (eqLower(buf, start, 'rel')) return A_REL;
      if (eqLower(buf, start, 'alt')) return A_ALT;
      return 0;
    case 4:
      switch (lowerCode(buf.charCodeAt(start))) {
        case 104:
          return eqLower(buf, start, 'href') ? A_HREF : 0;
        case 110:
          return eqLower(buf, start, 'name') ? A_NAME : 0;
        case 114:
          return eqLower(buf, start, 'role') ? A_ROLE : 0;
        case 116:
          return eqLower(buf, start, 'type') ? A_TYPE : 0;
        case 102:
          return eqLower(buf, start, 'face') ? A_FONT : 0;
        case 115:
          return eqLower(buf, start, 'size') ? A_FONT : 0;
        default:
          return 0;
      }
    case 5:
      switch (lowerCode(buf.charCodeAt(start))) {
        case 99:
          if (eqLower(buf, start, 'class')) return A_CLASS;
          return eqLower(buf, start, 'color') ? A_FONT : 0;
        case 115:
          return eqLower(buf, start, 'style') ? A_STYLE : 0;
        case 118:
          return eqLower(buf, start, 'value') ? A_VALUE : 0;
        default:
          return 0;
      }
    case 6:
      return eqLower(buf, start, 'hidden') ? A_HIDDEN : 0;
    case 7:
      return eqLower(buf, start, 'content') ? A_CONTENT : 0;
    case 8:
      if (eqLower(buf, start, 'property')) return A_PROPERTY;
      if (eqLower(buf, start, 'itemprop')) return A_ITEMPROP;
      if (eqLower(buf, start, 'encoding')) return A_ENCODING;
      return 0;
    case 10:
      return eqLower(buf, start, 'http-equiv') ? A_HTTP_EQUIV : 0;
    case 11:
      return eqLower(buf, start, 'aria-hidden') ? A_ARIA_HIDDEN : 0;
    default:
      return 0;
  }
}

/** Whether attribute `code` is worth slicing for an HTML element with tag id `tag`. */
function wanted(code: number, tag: number): boolean {
  switch (code) {
    case A_HREF:
      return tag === T.a || tag === T.area || tag === T.link || tag === T.base;
    case A_REL:
      return tag === T.a || tag === T.area || tag === T.link;
    case A_ALT:
      return tag === T.img || tag === T.area || tag === T.image;
    case A_CONTENT:
    case A_PROPERTY:
    case A_VALUE:
    case A_HTTP_EQUIV:
      return tag === T.meta;
    case A_TYPE:
      return tag === T.script || tag === T.input;
    case A_FONT:
      return tag === T.font;
    default:
      return true;
  }
}

/** The captured value of attribute `code` of the current tag, or null when the tag does not carry it. */
function seenAttr(seen: number, av: (string | undefined)[], code: number): string | null {
  return seen & (1 << code) ? (av[code] ?? '') : null;
}

/** The per-node typed arrays of a scan (struct of arrays). */
interface NodeArrays {
  parent: Int32Array;
  ntag: Uint16Array;
  nns: Uint8Array;
  nflags: Uint16Array;
  ntext: Int32Array;
  nlinkText: Int32Array;
  ncommas: Int32Array;
  nlinks: Int32Array;
  nimg: Int32Array;
  ninput: Int32Array;
  nvoid: Int32Array;
  nopen: Uint8Array;
  nlinkSeq: Int32Array;
}

function newNodeArrays(cap: number): NodeArrays {
  return {
    parent: new Int32Array(cap),
    ntag: new Uint16Array(cap),
    nns: new Uint8Array(cap),
    nflags: new Uint16Array(cap),
    ntext: new Int32Array(cap),
    nlinkText: new Int32Array(cap),
    ncommas: new Int32Array(cap),
    nlinks: new Int32Array(cap),
    nimg: new Int32Array(cap),
    ninput: new Int32Array(cap),
    nvoid: new Int32Array(cap),
    nopen: new Uint8Array(cap),
    nlinkSeq: new Int32Array(cap),
  };
}

/** The comma characters Readability counts (ASCII, fullwidth U+FF0C, Arabic U+060C). */
const COMMAS = [',', '\uff0c', '\u060c'] as const;

/** Arrays kept for the next `reuseBuffers` scan (null while a scan holds them). */
let pooledArrays: NodeArrays | null = newNodeArrays(4096);

/** The fixed-size arrays of the stack of open elements, and the open-element count per tag. */
interface StackArrays {
  sNode: Int32Array;
  sTag: Uint16Array;
  sNs: Uint8Array;
  sFlags: Uint16Array;
  sCtx: Uint8Array;
  sFoster: Int32Array;
  openHtml: Int32Array;
}

function newStackArrays(): StackArrays {
  return {
    sNode: new Int32Array(MAX_DEPTH + 2),
    sTag: new Uint16Array(MAX_DEPTH + 2),
    sNs: new Uint8Array(MAX_DEPTH + 2),
    sFlags: new Uint16Array(MAX_DEPTH + 2),
    sCtx: new Uint8Array(MAX_DEPTH + 2),
    sFoster: new Int32Array(MAX_DEPTH + 2),
    openHtml: new Int32Array(TAG_COUNT),
  };
}

/**
 * Stack arrays for the next scan (null while a scan holds them). They never leave the scan (not part
 * of its result), so every scan can reuse them: allocating these seven typed arrays was about a
 * quarter of the fixed cost of auditing a small page. A reused set is zeroed, exactly like a new one.
 */
let pooledStack: StackArrays | null = newStackArrays();

function takeStackArrays(): StackArrays {
  const stack = pooledStack;
  if (stack === null) return newStackArrays();
  pooledStack = null;
  stack.sNode.fill(0);
  stack.sTag.fill(0);
  stack.sNs.fill(0);
  stack.sFlags.fill(0);
  stack.sCtx.fill(0);
  stack.sFoster.fill(0);
  stack.openHtml.fill(0);
  return stack;
}

interface AfeEntry {
  /** -1 for a marker. */
  node: number;
  tag: number;
  name: string;
  /** Attributes needed to clone it (only for `a`). */
  href: string | null;
  rel: string | null;
  cls: string | undefined;
  elId: string | undefined;
}

class Scanner implements TokenizerCallbacks {
  readonly buf: string;
  readonly maxLinks: number;
  // ---- nodes (struct of arrays) ----
  cap: number;
  count = 0;
  parent: Int32Array;
  ntag: Uint16Array;
  nns: Uint8Array;
  nflags: Uint16Array;
  ntext: Int32Array;
  nlinkText: Int32Array;
  ncommas: Int32Array;
  nlinks: Int32Array;
  nimg: Int32Array;
  ninput: Int32Array;
  nvoid: Int32Array;
  nopen: Uint8Array;
  nlinkSeq: Int32Array;
  cls: (string | undefined)[] = [];
  eid: (string | undefined)[] = [];
  role: (string | undefined)[] = [];
  itemprop: (string | undefined)[] = [];
  unknownName: (string | undefined)[] = [];
  // ---- stack of open elements ----
  depth = 0;
  sNode: Int32Array;
  sTag: Uint16Array;
  sNs: Uint8Array;
  sFlags: Uint16Array;
  sCtx: Uint8Array;
  /** Table node the entry is foster-parented before (-1 if none), inherited by its descendants. */
  sFoster: Int32Array;
  sName: string[] = [];
  sLink: (ScannedLink | null)[] = [];
  /** Nearest link at or below each stack entry, so popping a link finds the next open one in O(1). */
  sLinkBelow: (ScannedLink | null)[] = [];
  openHtml: Int32Array;
  openUnknown = new Map<string, number>();
  // ---- active formatting elements ----
  afe: AfeEntry[] = [];
  // ---- output ----
  links: ScannedLink[] = [];
  linkSeq = 0;
  truncated = false;
  depthLimited = false;
  needSort = false;
  fraction = 0;
  openLink: ScannedLink | null = null;
  templateDepth = 0;
  metas: ScannedMeta[] = [];
  jsonLd: string[] = [];
  title: string | null = null;
  capture = CAP_NONE;
  captureNode = -1;
  captureBuf = '';
  headPhase = true;
  mediumBodyClass = false;
  doctype: string | null = null;
  sawDoctype = false;
  quirks = true;
  decided = false;
  fostering = false;
  ipParent = 0;
  ipFoster = -1;
  /** Inside a raw-text `<noscript>`: ignore every token until `</noscript>`. */
  inNoscript = false;
  // ---- current tag being tokenized ----
  tName = '';
  tTag = 0;
  tSeen = 0;
  attrCur = 0;
  attrVal = '';
  av: (string | undefined)[] = new Array<string | undefined>(A_COUNT);
  // ---- comma cursors, one per kind in COMMAS: next position, -1 unknown yet, -2 none left ----
  commaCursors: number[] = [-1, -1, -1];

  constructor(buf: string, maxLinks: number, arrays: NodeArrays | null, stack: StackArrays) {
    this.buf = buf;
    this.maxLinks = maxLinks;
    this.sNode = stack.sNode;
    this.sTag = stack.sTag;
    this.sNs = stack.sNs;
    this.sFlags = stack.sFlags;
    this.sCtx = stack.sCtx;
    this.sFoster = stack.sFoster;
    this.openHtml = stack.openHtml;
    const a = arrays ?? newNodeArrays(1024);
    this.cap = a.parent.length;
    this.parent = a.parent;
    this.ntag = a.ntag;
    this.nns = a.nns;
    this.nflags = a.nflags;
    this.ntext = a.ntext;
    this.nlinkText = a.nlinkText;
    this.ncommas = a.ncommas;
    this.nlinks = a.nlinks;
    this.nimg = a.nimg;
    this.ninput = a.ninput;
    this.nvoid = a.nvoid;
    this.nopen = a.nopen;
    this.nlinkSeq = a.nlinkSeq;
    // Node 0: the document (stands for html/body; their start tags are not separate elements here).
    this.newNode(-1, T.html, NS_HTML, 0);
    this.sNode[0] = 0;
    this.sTag[0] = T.html;
    this.sNs[0] = NS_HTML;
    this.sFlags[0] = TAG_FLAGS[T.html] ?? 0;
    this.sCtx[0] = CTX_BODY;
    this.sFoster[0] = -1;
    this.sName[0] = 'html';
    this.sLink[0] = null;
    this.sLinkBelow[0] = null;
    this.depth = 1;
  }

  // =========================== node storage ===========================

  grow(): void {
    const cap = this.cap * 2;
    const g32 = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const g16 = (a: Uint16Array) => {
      const b = new Uint16Array(cap);
      b.set(a);
      return b;
    };
    const g8 = (a: Uint8Array) => {
      const b = new Uint8Array(cap);
      b.set(a);
      return b;
    };
    this.parent = g32(this.parent);
    this.ntag = g16(this.ntag);
    this.nns = g8(this.nns);
    this.nflags = g16(this.nflags);
    this.ntext = g32(this.ntext);
    this.nlinkText = g32(this.nlinkText);
    this.ncommas = g32(this.ncommas);
    this.nlinks = g32(this.nlinks);
    this.nimg = g32(this.nimg);
    this.ninput = g32(this.ninput);
    this.nvoid = g32(this.nvoid);
    this.nopen = g8(this.nopen);
    this.nlinkSeq = g32(this.nlinkSeq);
    this.cap = cap;
  }

  newNode(parentNode: number, tag: number, ns: number, flags: number): number {
    if (this.count === this.cap) this.grow();
    const n = this.count++;
    this.parent[n] = parentNode;
    this.ntag[n] = tag;
    this.nns[n] = ns;
    this.nflags[n] = flags;
    this.nlinkSeq[n] = this.linkSeq;
    // Keep the class/id arrays dense (a hole per node would put V8 in dictionary mode, and the
    // content scorer reads them for every node).
    this.cls.push(undefined);
    this.eid.push(undefined);
    // Accumulators start at zero (arrays may be reused from an earlier document).
    this.ntext[n] = 0;
    this.nlinkText[n] = 0;
    this.ncommas[n] = 0;
    this.nlinks[n] = 0;
    this.nimg[n] = 0;
    this.ninput[n] = 0;
    this.nvoid[n] = 0;
    this.nopen[n] = 0;
    return n;
  }

  arrays(): NodeArrays {
    return {
      parent: this.parent,
      ntag: this.ntag,
      nns: this.nns,
      nflags: this.nflags,
      ntext: this.ntext,
      nlinkText: this.nlinkText,
      ncommas: this.ncommas,
      nlinks: this.nlinks,
      nimg: this.nimg,
      ninput: this.ninput,
      nvoid: this.nvoid,
      nopen: this.nopen,
      nlinkSeq: this.nlinkSeq,
    };
  }

  // =========================== tokenizer callbacks ===========================

  onopentagname(start: number, end: number): void {
    const id = tagIdAt(this.buf, start, end);
    this.tTag = id;
    this.tName = id === UNKNOWN_TAG ? this.buf.slice(start, end).toLowerCase() : (TAG_NAMES[id] as string);
    this.tSeen = 0;
    this.attrCur = 0;
  }

  onattribname(start: number, end: number): void {
    const code = attrCode(this.buf, start, end);
    if (code !== 0 && (this.tSeen & (1 << code)) === 0 && wanted(code, this.tTag)) {
      this.attrCur = code;
      this.attrVal = '';
    } else {
      this.attrCur = 0;
    }
  }

  onattribdata(start: number, end: number): void {
    if (this.attrCur !== 0) this.attrVal += this.buf.slice(start, end);
  }

  onattribentity(cp: number): void {
    if (this.attrCur !== 0) this.attrVal += String.fromCodePoint(cp);
  }

  onattribend(_quote: QuoteType, _end: number): void {
    const code = this.attrCur;
    if (code !== 0) {
      this.tSeen |= 1 << code;
      let v = this.attrVal;
      // The input stream turns CRLF and lone CR into LF (§13.2.3.5); only captured values need it.
      if (v.indexOf('\r') !== -1) v = v.replace(/\r\n?/g, '\n');
      // Character references are decoded here, for kept values only (the tokenizer runs with
      // decodeEntities off; attribute rules of §13.2.5.73 via entities' decodeHTMLAttribute).
      if (v.indexOf('&') !== -1) v = decodeHTMLAttribute(v);
      this.av[code] = v;
      this.attrCur = 0;
      this.attrVal = '';
    }
  }

  onopentagend(_end: number): void {
    this.startTag(false);
  }

  onselfclosingtag(_end: number): void {
    this.startTag(true);
  }

  onclosetag(start: number, end: number): void {
    const id = tagIdAt(this.buf, start, end);
    this.endTag(id, id === UNKNOWN_TAG ? this.buf.slice(start, end).toLowerCase() : (TAG_NAMES[id] as string));
  }

  ontext(start: number, end: number): void {
    this.text(start, end, -1);
  }

  ontextentity(cp: number, _end: number): void {
    this.text(-1, -1, cp);
  }

  oncdata(start: number, end: number, offset: number): void {
    // CDATA sections are text only in foreign content; elsewhere they are bogus comments (§13.2.5.42).
    if (this.sNs[this.depth - 1] !== NS_HTML) this.text(start, end - offset, -1);
  }

  oncomment(): void {}

  ondeclaration(start: number, end: number): void {
    if (this.sawDoctype || this.count > 1) return;
    this.sawDoctype = true;
    this.doctype = this.buf.slice(start, end);
  }

  onprocessinginstruction(): void {}

  onend(): void {
    while (this.depth > 1) this.pop();
  }

  isInForeignContext(): boolean {
    const i = this.depth - 1;
    return this.sNs[i] !== NS_HTML && !this.isHtmlIntegrationPoint(i);
  }

  // =========================== stack helpers ===========================

  isHtmlIntegrationPoint(i: number): boolean {
    const ns = this.sNs[i];
    if (ns === NS_SVG) return SVG_INTEGRATION.has(this.sName[i] ?? '');
    if (ns === NS_MATH) {
      const n = this.sName[i] ?? '';
      return MATH_TEXT_INTEGRATION.has(n) || (n === 'annotation-xml' && this.annotationHtml(i));
    }
    return false;
  }

  /** annotation-xml is an HTML integration point when its encoding is text/html or application/xhtml+xml. */
  annotationHtml(i: number): boolean {
    return ((this.nflags[this.sNode[i] ?? 0] ?? 0) & NF_HTML_ANNOTATION) !== 0;
  }

  top(): number {
    return this.depth - 1;
  }

  curTag(): number {
    const i = this.depth - 1;
    return this.sNs[i] === NS_HTML ? (this.sTag[i] ?? 0) : -1;
  }

  push(node: number, tag: number, ns: number, name: string, link: ScannedLink | null, fosterTable: number): void {
    const d = this.depth;
    const parentIdx = d - 1;
    this.sNode[d] = node;
    this.sTag[d] = tag;
    this.sNs[d] = ns;
    this.sName[d] = name;
    this.sLink[d] = link;
    let flags: number;
    let ctx: number;
    if (ns === NS_HTML) {
      flags = TAG_FLAGS[tag] ?? 0;
      if (tag === T.table || tag === T.tbody || tag === T.thead || tag === T.tfoot || tag === T.tr || tag === T.colgroup) ctx = CTX_TABLE;
      else if (tag === T.td || tag === T.th || tag === T.caption) ctx = CTX_CELL;
      else if (tag === T.select) ctx = CTX_SELECT;
      else if (tag === T.template) ctx = CTX_BODY;
      else ctx = this.sCtx[parentIdx] ?? CTX_BODY;
      if (tag === UNKNOWN_TAG) this.openUnknown.set(name, (this.openUnknown.get(name) ?? 0) + 1);
      else this.openHtml[tag] = (this.openHtml[tag] ?? 0) + 1;
      if (tag === T.template) this.templateDepth++;
    } else {
      flags = 0;
      if (ns === NS_MATH && (MATH_TEXT_INTEGRATION.has(name) || name === 'annotation-xml')) flags = F_SPECIAL | F_SCOPE;
      else if (ns === NS_SVG && SVG_INTEGRATION.has(name)) flags = F_SPECIAL | F_SCOPE;
      ctx = this.sCtx[parentIdx] ?? CTX_BODY;
    }
    this.sFlags[d] = flags;
    this.sCtx[d] = ctx;
    this.sFoster[d] = ns === NS_HTML && (flags & F_TABLE_CONTEXT || tag === T.td || tag === T.th || tag === T.caption) ? -1 : fosterTable;
    this.nopen[node] = 1;
    this.sLinkBelow[d] = link ?? this.sLinkBelow[parentIdx] ?? null;
    if (link !== null) this.openLink = link;
    this.depth = d + 1;
  }

  /** Pop the current node. */
  pop(): void {
    const d = this.depth - 1;
    if (d <= 0) return;
    const node = this.sNode[d] ?? 0;
    const tag = this.sTag[d] ?? 0;
    const ns = this.sNs[d];
    this.nopen[node] = 0;
    if (ns === NS_HTML) {
      if (tag === UNKNOWN_TAG) {
        const name = this.sName[d] ?? '';
        const c = (this.openUnknown.get(name) ?? 1) - 1;
        if (c === 0) this.openUnknown.delete(name);
        else this.openUnknown.set(name, c);
      } else this.openHtml[tag] = (this.openHtml[tag] ?? 1) - 1;
      if (tag === T.template) this.templateDepth--;
    }
    if (this.captureNode === node) this.finishCapture();
    this.sLink[d] = null;
    this.depth = d;
    this.openLink = this.sLinkBelow[d - 1] ?? null;
  }

  /** Recompute open-link bookkeeping after the adoption agency rearranged the stack. */
  findOpenLink(): ScannedLink | null {
    let below: ScannedLink | null = null;
    for (let i = 0; i < this.depth; i++) {
      below = this.sLink[i] ?? below;
      this.sLinkBelow[i] = below;
    }
    return below;
  }

  /** Remove the stack entry at index i (not necessarily the top). */
  removeAt(i: number): void {
    if (i === this.depth - 1) {
      this.pop();
      return;
    }
    // Move the entry to the top, then pop it: keeps counters and capture bookkeeping in one place.
    const node = this.sNode[i] ?? 0;
    const tag = this.sTag[i] ?? 0;
    const ns = this.sNs[i] ?? 0;
    const flags = this.sFlags[i] ?? 0;
    const ctx = this.sCtx[i] ?? 0;
    const fos = this.sFoster[i] ?? -1;
    const name = this.sName[i] ?? '';
    const link = this.sLink[i] ?? null;
    const last = this.depth - 1;
    for (let j = i; j < last; j++) this.copyEntry(j + 1, j);
    this.sNode[last] = node;
    this.sTag[last] = tag;
    this.sNs[last] = ns;
    this.sFlags[last] = flags;
    this.sCtx[last] = ctx;
    this.sFoster[last] = fos;
    this.sName[last] = name;
    this.sLink[last] = link;
    this.pop();
    this.openLink = this.findOpenLink();
  }

  copyEntry(from: number, to: number): void {
    this.sNode[to] = this.sNode[from] ?? 0;
    this.sTag[to] = this.sTag[from] ?? 0;
    this.sNs[to] = this.sNs[from] ?? 0;
    this.sFlags[to] = this.sFlags[from] ?? 0;
    this.sCtx[to] = this.sCtx[from] ?? 0;
    this.sFoster[to] = this.sFoster[from] ?? -1;
    this.sName[to] = this.sName[from] ?? '';
    this.sLink[to] = this.sLink[from] ?? null;
    this.sLinkBelow[to] = this.sLinkBelow[from] ?? null;
  }

  /** Insert a new entry at stack index i (shifting the ones above). Used by the adoption agency. */
  insertAt(i: number, node: number, tag: number, name: string, link: ScannedLink | null): void {
    if (this.depth >= MAX_DEPTH + 1) return;
    for (let j = this.depth; j > i; j--) this.copyEntry(j - 1, j);
    const saveDepth = this.depth;
    this.depth = i;
    this.push(node, tag, NS_HTML, name, link, this.sFoster[i - 1] ?? -1);
    this.depth = saveDepth + 1;
    this.openLink = this.findOpenLink();
  }

  indexOfNode(node: number): number {
    for (let i = this.depth - 1; i > 0; i--) if (this.sNode[i] === node) return i;
    return -1;
  }

  htmlOpen(tag: number, name: string): number {
    return tag === UNKNOWN_TAG ? (this.openUnknown.get(name) ?? 0) : (this.openHtml[tag] ?? 0);
  }

  /**
   * "Has an element in scope" (§13.2.4.2). `extra`: 1 = button scope, 2 = list item scope, 3 = table scope.
   * Returns the stack index of the element, or -1.
   */
  inScope(tag: number, extra: number): number {
    if ((this.openHtml[tag] ?? 0) === 0) return -1;
    for (let i = this.depth - 1; i >= 0; i--) {
      const ns = this.sNs[i];
      const t = this.sTag[i];
      if (ns === NS_HTML && t === tag) return i;
      if (extra === 3) {
        if (ns === NS_HTML && (t === T.html || t === T.table || t === T.template)) return -1;
        continue;
      }
      if ((this.sFlags[i] ?? 0) & F_SCOPE) return -1;
      if (ns === NS_HTML) {
        if (extra === 1 && t === T.button) return -1;
        if (extra === 2 && (t === T.ol || t === T.ul)) return -1;
      }
    }
    return -1;
  }

  headingInScope(): number {
    const o = this.openHtml;
    if ((o[T.h1] ?? 0) + (o[T.h2] ?? 0) + (o[T.h3] ?? 0) + (o[T.h4] ?? 0) + (o[T.h5] ?? 0) + (o[T.h6] ?? 0) === 0) return -1;
    for (let i = this.depth - 1; i >= 0; i--) {
      if (this.sNs[i] === NS_HTML && (TAG_FLAGS[this.sTag[i] ?? 0] ?? 0) & F_HEADING) return i;
      if ((this.sFlags[i] ?? 0) & F_SCOPE) return -1;
    }
    return -1;
  }

  popUntilIndex(i: number): void {
    while (this.depth > i && this.depth > 1) this.pop();
  }

  generateImpliedEndTags(exceptTag: number): void {
    for (;;) {
      const i = this.depth - 1;
      if (i <= 0 || this.sNs[i] !== NS_HTML) return;
      const t = this.sTag[i] ?? 0;
      if (t === exceptTag || ((TAG_FLAGS[t] ?? 0) & F_IMPLIED_END) === 0) return;
      this.pop();
    }
  }

  closePInButtonScope(): void {
    const i = this.inScope(T.p, 1);
    if (i < 0) return;
    this.generateImpliedEndTags(T.p);
    this.popUntilIndex(i);
  }

  clearToContext(tags: readonly number[]): void {
    for (;;) {
      const i = this.depth - 1;
      if (i <= 0) return;
      if (this.sNs[i] === NS_HTML && tags.includes(this.sTag[i] ?? -1)) return;
      this.pop();
    }
  }

  // =========================== active formatting elements ===========================

  pushMarker(): void {
    this.afe.push({ node: -1, tag: 0, name: '', href: null, rel: null, cls: undefined, elId: undefined });
  }

  clearAfeToMarker(): void {
    while (this.afe.length > 0) {
      const e = this.afe.pop();
      if (e === undefined || e.node === -1) return;
    }
  }

  pushAfe(entry: AfeEntry): void {
    // Noah's Ark clause (§13.2.4.3), simplified to the tag name: at most three entries of one tag after the last marker.
    let same = 0;
    let earliest = -1;
    let lastMarker = -1;
    for (let i = this.afe.length - 1; i >= 0; i--) {
      const e = this.afe[i];
      if (e === undefined) continue;
      if (e.node === -1) {
        lastMarker = i;
        break;
      }
      if (e.tag === entry.tag && e.name === entry.name && e.href === entry.href && e.cls === entry.cls) {
        same++;
        earliest = i;
      }
    }
    if (same >= 3 && earliest >= 0) this.afe.splice(earliest, 1);
    if (this.afe.length - lastMarker - 1 >= MAX_ACTIVE_FORMATTING) this.afe.splice(lastMarker + 1, 1);
    this.afe.push(entry);
  }

  reconstruct(): void {
    const afe = this.afe;
    const n = afe.length;
    if (n === 0) return;
    const lastEntry = afe[n - 1];
    if (lastEntry === undefined || lastEntry.node === -1 || this.nopen[lastEntry.node] === 1) return;
    let i = n - 1;
    while (i > 0) {
      const prev = afe[i - 1];
      if (prev === undefined || prev.node === -1 || this.nopen[prev.node] === 1) break;
      i--;
    }
    for (; i < n; i++) {
      const e = afe[i];
      if (e === undefined) continue;
      const clone = this.insertFormattingClone(e);
      if (clone < 0) {
        afe.splice(i, n - i);
        return;
      }
      e.node = clone;
    }
  }

  /** Insert a clone of a formatting element at the current insertion point; returns its node id. */
  insertFormattingClone(e: AfeEntry): number {
    if (this.depth >= MAX_DEPTH + 1) {
      this.depthLimited = true;
      return -1;
    }
    this.insertionPoint();
    const parentNode = this.ipParent;
    const foster = this.ipFoster;
    const node = this.newNode(parentNode, e.tag, NS_HTML, NF_CLONE | (foster >= 0 ? NF_FOSTERED : 0));
    if (e.cls !== undefined) this.cls[node] = e.cls;
    if (e.elId !== undefined) this.eid[node] = e.elId;
    let link: ScannedLink | null = null;
    if (e.tag === T.a && e.href !== null) link = this.emitLink('a', e.href, e.rel, node, null, true, foster);
    this.push(node, e.tag, NS_HTML, e.name, link, foster);
    return node;
  }

  /**
   * Where a new node goes: the current node, or the foster parent when the current node is table
   * context. Sets ipParent/ipFoster (fields, not an object: this runs once per element).
   */
  insertionPoint(): void {
    const i = this.depth - 1;
    if (this.fostering && this.sNs[i] === NS_HTML && (this.sFlags[i] ?? 0) & F_TABLE_CONTEXT) {
      // §13.2.6.1: foster parent = the parent of the last table in the stack; insert before that table.
      for (let j = i; j > 0; j--) {
        if (this.sNs[j] === NS_HTML && this.sTag[j] === T.table) {
          const tableNode = this.sNode[j] ?? 0;
          this.ipParent = this.parent[tableNode] ?? 0;
          this.ipFoster = tableNode;
          return;
        }
      }
    }
    this.ipParent = this.sNode[i] ?? 0;
    this.ipFoster = this.sFoster[i] ?? -1;
  }

  /**
   * Adoption agency algorithm (§13.2.6.4.7, "adoption agency algorithm"). Returns false when the caller
   * must act as "any other end tag".
   */
  adoptionAgency(subject: number, subjectName: string): boolean {
    const cur = this.depth - 1;
    if (this.sNs[cur] === NS_HTML && this.sTag[cur] === subject && !this.afe.some((e) => e.node === this.sNode[cur])) {
      this.pop();
      return true;
    }
    for (let outer = 0; outer < 8; outer++) {
      let fe = -1;
      for (let i = this.afe.length - 1; i >= 0; i--) {
        const e = this.afe[i];
        if (e === undefined || e.node === -1) break;
        if (e.tag === subject && e.name === subjectName) {
          fe = i;
          break;
        }
      }
      if (fe < 0) return false;
      const feEntry = this.afe[fe] as AfeEntry;
      const feNode = feEntry.node;
      if (this.nopen[feNode] !== 1) {
        this.afe.splice(fe, 1);
        return true;
      }
      const si = this.indexOfNode(feNode);
      if (si < 0) {
        this.afe.splice(fe, 1);
        return true;
      }
      // In scope? No scope boundary between the top and the formatting element.
      for (let i = this.depth - 1; i > si; i--) if ((this.sFlags[i] ?? 0) & F_SCOPE) return true;
      let fb = -1;
      for (let i = si + 1; i < this.depth; i++) {
        if ((this.sFlags[i] ?? 0) & F_SPECIAL) {
          fb = i;
          break;
        }
      }
      if (fb < 0) {
        this.popUntilIndex(si);
        this.afe.splice(fe, 1);
        return true;
      }
      const fbNode = this.sNode[fb] ?? 0;
      const caNode = this.sNode[si - 1] ?? 0;
      let bookmark = fe;
      let nodeIdx = fb;
      let lastIsFb = true;
      let inner = 0;
      for (;;) {
        inner++;
        nodeIdx--;
        const nodeId = this.sNode[nodeIdx] ?? 0;
        if (nodeId === feNode) break;
        let ai = this.afeIndexOf(nodeId);
        if (inner > 3 && ai >= 0) {
          this.afe.splice(ai, 1);
          if (ai < bookmark) bookmark--;
          ai = -1;
        }
        if (ai < 0) {
          this.removeAt(nodeIdx);
          continue;
        }
        const entry = this.afe[ai] as AfeEntry;
        const cloneNode = this.newNode(caNode, entry.tag, NS_HTML, NF_CLONE);
        if (entry.cls !== undefined) this.cls[cloneNode] = entry.cls;
        if (entry.elId !== undefined) this.eid[cloneNode] = entry.elId;
        let link: ScannedLink | null = null;
        if (entry.tag === T.a && entry.href !== null) link = this.emitLink('a', entry.href, entry.rel, cloneNode, null, true, fbNode);
        entry.node = cloneNode;
        this.nopen[nodeId] = 0;
        this.nopen[cloneNode] = 1;
        this.sNode[nodeIdx] = cloneNode;
        this.sLink[nodeIdx] = link;
        if (lastIsFb) bookmark = ai + 1;
        lastIsFb = false;
      }
      // The new element for the formatting element goes inside the furthest block.
      const feClone = this.newNode(fbNode, feEntry.tag, NS_HTML, NF_CLONE);
      if (feEntry.cls !== undefined) this.cls[feClone] = feEntry.cls;
      if (feEntry.elId !== undefined) this.eid[feClone] = feEntry.elId;
      let feLink: ScannedLink | null = null;
      if (feEntry.tag === T.a && feEntry.href !== null) feLink = this.emitLink('a', feEntry.href, feEntry.rel, feClone, null, true, fbNode);
      const newEntry: AfeEntry = { ...feEntry, node: feClone };
      const feNow = this.afe.indexOf(feEntry);
      this.afe.splice(feNow, 1);
      if (feNow < bookmark) bookmark--;
      this.afe.splice(Math.min(bookmark, this.afe.length), 0, newEntry);
      const siNow = this.indexOfNode(feNode);
      if (siNow >= 0) this.removeAt(siNow);
      const fbNow = this.indexOfNode(fbNode);
      if (fbNow >= 0) this.insertAt(fbNow + 1, feClone, feEntry.tag, feEntry.name, feLink);
      else this.nopen[feClone] = 0;
      this.openLink = this.findOpenLink();
    }
    return true;
  }

  afeIndexOf(node: number): number {
    for (let i = this.afe.length - 1; i >= 0; i--) if (this.afe[i]?.node === node) return i;
    return -1;
  }

  // =========================== links ===========================

  emitLink(
    tag: ScannedLinkTag,
    href: string,
    rel: string | null,
    node: number,
    alt: string | null,
    clone: boolean,
    before: number,
  ): ScannedLink | null {
    if (this.templateDepth > 0) return null;
    if (tag === 'a' || tag === 'area') {
      if (this.linkSeq >= this.maxLinks) {
        this.truncated = true;
        return null;
      }
    } else if (this.links.length >= this.maxLinks * 2) {
      return null;
    }
    let key = this.linkSeq;
    if (before >= 0) {
      // Inserted before existing content of node `before`: sort before the links emitted since it opened.
      this.fraction++;
      key = (this.nlinkSeq[before] ?? 0) - 1 + this.fraction / 1048576;
      this.needSort = true;
    }
    const hash = href.length > 1 && href.charCodeAt(0) === 35;
    const link: ScannedLink = { tag, href, rel, node, text: '', alt, inHead: this.headPhase, clone, key, hash };
    this.links.push(link);
    this.linkSeq++;
    if (tag === 'a' || tag === 'area') {
      const target = tag === 'a' ? (this.parent[node] ?? 0) : node;
      this.nlinks[target] = (this.nlinks[target] ?? 0) + 1;
    }
    return link;
  }

  // =========================== start tags ===========================

  startTag(selfClosing: boolean): void {
    if (this.inNoscript) return;
    let tag = this.tTag;
    const name = this.tName;
    if (tag === T.image) tag = T.img;
    // Foreign content (§13.2.6.5).
    let i = this.depth - 1;
    if (this.sNs[i] !== NS_HTML && !this.htmlStartInForeignOk(i, name)) {
      const breakout =
        (tag !== UNKNOWN_TAG && (TAG_FLAGS[tag] ?? 0) & F_FOREIGN_BREAKOUT) || (tag === T.font && (this.tSeen & (1 << A_FONT)) !== 0);
      if (!breakout) {
        this.insertForeign(name, name === 'svg' ? NS_SVG : name === 'math' ? NS_MATH : (this.sNs[i] ?? NS_SVG), selfClosing);
        return;
      }
      while (this.depth > 1) {
        i = this.depth - 1;
        if (this.sNs[i] === NS_HTML || this.isHtmlIntegrationPoint(i)) break;
        this.pop();
      }
    }
    if (!this.decided) {
      this.decided = true;
      this.quirks = isQuirksDoctype(this.doctype);
    }
    if (this.headPhase && !HEAD_TAGS.has(name)) this.headPhase = false;
    for (let guard = 0; guard < 4; guard++) {
      const top = this.depth - 1;
      const ctx = this.sCtx[top] ?? CTX_BODY;
      if (ctx === CTX_SELECT) {
        if (this.startInSelect(tag, name, selfClosing)) return;
        continue;
      }
      if (ctx === CTX_TABLE) {
        const r = this.startInTable(tag, name);
        if (r === 1) return;
        if (r === 2) continue;
        this.fostering = true;
        this.startInBody(tag, name, selfClosing);
        this.fostering = false;
        return;
      }
      if (
        ctx === CTX_CELL &&
        (tag === T.caption ||
          tag === T.col ||
          tag === T.colgroup ||
          tag === T.tbody ||
          tag === T.td ||
          tag === T.tfoot ||
          tag === T.th ||
          tag === T.thead ||
          tag === T.tr)
      ) {
        if (this.closeCell()) continue;
        return;
      }
      this.startInBody(tag, name, selfClosing);
      return;
    }
  }

  /** In foreign content, is this start tag processed by the HTML rules (integration points)? */
  htmlStartInForeignOk(i: number, name: string): boolean {
    const ns = this.sNs[i];
    const n = this.sName[i] ?? '';
    if (ns === NS_MATH && MATH_TEXT_INTEGRATION.has(n)) return name !== 'mglyph' && name !== 'malignmark';
    if (ns === NS_MATH && n === 'annotation-xml' && name === 'svg') return false;
    return this.isHtmlIntegrationPoint(i);
  }

  insertForeign(name: string, ns: number, selfClosing: boolean): void {
    if (this.depth >= MAX_DEPTH + 1) {
      this.depthLimited = true;
      return;
    }
    this.insertionPoint();
    const parentNode = this.ipParent;
    const foster = this.ipFoster;
    const node = this.newNode(parentNode, UNKNOWN_TAG, ns, 0);
    this.recordCommonAttrs(node);
    if (ns === NS_MATH && name === 'annotation-xml') {
      const enc = (this.tSeen & (1 << A_ENCODING)) !== 0 ? (this.av[A_ENCODING] ?? '').toLowerCase() : '';
      if (enc === 'text/html' || enc === 'application/xhtml+xml') this.nflags[node] = (this.nflags[node] ?? 0) | NF_HTML_ANNOTATION;
    }
    if (!selfClosing) this.push(node, UNKNOWN_TAG, ns, name, null, foster);
  }

  /** Returns true when handled; false to reprocess. */
  startInSelect(tag: number, name: string, selfClosing: boolean): boolean {
    if (tag === T.option) {
      if (this.curTag() === T.option) this.pop();
      this.insertHtml(tag, name, selfClosing);
      return true;
    }
    if (tag === T.optgroup || tag === T.hr) {
      if (this.curTag() === T.option) this.pop();
      if (this.curTag() === T.optgroup) this.pop();
      this.insertHtml(tag, name, selfClosing);
      return true;
    }
    if (
      tag === T.select ||
      tag === T.input ||
      tag === T.textarea ||
      tag === T.table ||
      tag === T.tr ||
      tag === T.td ||
      tag === T.th ||
      tag === T.tbody ||
      tag === T.thead ||
      tag === T.tfoot ||
      tag === T.caption
    ) {
      const si = this.inScope(T.select, 0) >= 0 ? this.lastIndexOfTag(T.select) : -1;
      if (si < 0) return true;
      this.popUntilIndex(si);
      return tag === T.select;
    }
    if (tag === T.script || tag === T.template || tag === T.style) {
      this.insertHtml(tag, name, false);
      return true;
    }
    return true; // everything else is ignored in select (§13.2.6.4.16)
  }

  lastIndexOfTag(tag: number): number {
    for (let i = this.depth - 1; i > 0; i--) if (this.sNs[i] === NS_HTML && this.sTag[i] === tag) return i;
    return -1;
  }

  /** 1 = handled, 2 = reprocess, 0 = "anything else" (foster-parent through the in-body rules). */
  startInTable(tag: number, name: string): number {
    const cur = this.curTag();
    if (cur === T.colgroup && tag !== T.col && tag !== T.template) {
      this.pop();
      return 2;
    }
    switch (tag) {
      case T.caption:
        this.clearToContext([T.table, T.template, T.html]);
        this.insertHtml(tag, name, false);
        return 1;
      case T.colgroup:
        this.clearToContext([T.table, T.template, T.html]);
        this.insertHtml(tag, name, false);
        return 1;
      case T.col:
        if (cur !== T.colgroup) {
          this.clearToContext([T.table, T.template, T.html]);
          this.insertImplied(T.colgroup, 'colgroup');
        }
        this.insertHtml(tag, name, true);
        return 1;
      case T.tbody:
      case T.thead:
      case T.tfoot:
        this.clearToContext([T.table, T.template, T.html]);
        this.insertHtml(tag, name, false);
        return 1;
      case T.tr:
        this.clearToContext([T.tbody, T.thead, T.tfoot, T.table, T.template, T.html]);
        if (this.curTag() === T.table) this.insertImplied(T.tbody, 'tbody');
        this.insertHtml(tag, name, false);
        return 1;
      case T.td:
      case T.th:
        this.clearToContext([T.tr, T.tbody, T.thead, T.tfoot, T.table, T.template, T.html]);
        if (this.curTag() === T.table) this.insertImplied(T.tbody, 'tbody');
        if (this.curTag() !== T.tr) this.insertImplied(T.tr, 'tr');
        this.insertHtml(tag, name, false);
        return 1;
      case T.table: {
        const ti = this.inScope(T.table, 3);
        if (ti < 0) return 1;
        this.popUntilIndex(ti);
        return 2;
      }
      case T.style:
      case T.script:
      case T.template:
        this.insertHtml(tag, name, false);
        return 1;
      case T.input: {
        const type = (this.tSeen & (1 << A_TYPE)) !== 0 ? (this.av[A_TYPE] ?? '').toLowerCase() : '';
        if (type !== 'hidden') return 0;
        this.insertHtml(tag, name, true);
        return 1;
      }
      case T.form:
        return 1;
      default:
        return 0;
    }
  }

  /** Close the current cell (td/th) if one is in table scope; true if closed (reprocess). */
  closeCell(): boolean {
    let i = this.inScope(T.td, 3);
    const j = this.inScope(T.th, 3);
    if (j > i) i = j;
    if (i < 0) {
      const c = this.inScope(T.caption, 3);
      if (c < 0) return false;
      this.generateImpliedEndTags(-1);
      this.popUntilIndex(c);
      this.clearAfeToMarker();
      return true;
    }
    this.generateImpliedEndTags(-1);
    this.popUntilIndex(i);
    this.clearAfeToMarker();
    return true;
  }

  insertImplied(tag: number, name: string): void {
    this.insertionPoint();
    const parentNode = this.ipParent;
    const node = this.newNode(parentNode, tag, NS_HTML, NF_IMPLIED);
    this.push(node, tag, NS_HTML, name, null, -1);
  }

  startInBody(tag: number, name: string, selfClosing: boolean): void {
    const flags = tag === UNKNOWN_TAG ? 0 : (TAG_FLAGS[tag] ?? 0);
    switch (tag) {
      case T.html:
      case T.head:
      case T.body:
      case T.frameset:
      case T.frame:
      case T.caption:
      case T.col:
      case T.colgroup:
      case T.tbody:
      case T.td:
      case T.tfoot:
      case T.th:
      case T.thead:
      case T.tr:
        return; // parse errors: ignored (html/body attributes are not needed here)
      case T.a: {
        // A second <a> while one is active: run the adoption agency for "a" first (§13.2.6.4.7).
        for (let i = this.afe.length - 1; i >= 0; i--) {
          const e = this.afe[i];
          if (e === undefined || e.node === -1) break;
          if (e.tag === T.a) {
            const node = e.node;
            this.adoptionAgency(T.a, 'a');
            const ai = this.afe.indexOf(e);
            if (ai >= 0) this.afe.splice(ai, 1);
            const si = this.indexOfNode(node);
            if (si >= 0) this.removeAt(si);
            break;
          }
        }
        this.reconstruct();
        this.insertFormatting(tag, name);
        return;
      }
      case T.nobr:
        this.reconstruct();
        if (this.inScope(T.nobr, 0) >= 0) {
          this.adoptionAgency(T.nobr, 'nobr');
          this.reconstruct();
        }
        this.insertFormatting(tag, name);
        return;
      case T.li:
      case T.dd:
      case T.dt:
        this.closeListItem(tag);
        this.closePInButtonScope();
        this.insertHtml(tag, name, false);
        return;
      case T.button:
        if (this.inScope(T.button, 0) >= 0) {
          this.generateImpliedEndTags(-1);
          this.popUntilIndex(this.lastIndexOfTag(T.button));
        }
        this.reconstruct();
        this.insertHtml(tag, name, false);
        return;
      case T.table:
        if (!this.quirks) this.closePInButtonScope();
        this.insertHtml(tag, name, false);
        return;
      case T.select:
        this.reconstruct();
        this.insertHtml(tag, name, false);
        return;
      case T.option:
      case T.optgroup:
        if (this.curTag() === T.option) this.pop();
        this.reconstruct();
        this.insertHtml(tag, name, false);
        return;
      case T.rb:
      case T.rtc:
        if (this.inScope(T.ruby, 0) >= 0) this.generateImpliedEndTags(-1);
        this.insertHtml(tag, name, false);
        return;
      case T.rp:
      case T.rt:
        if (this.inScope(T.ruby, 0) >= 0) this.generateImpliedEndTags(T.rtc);
        this.insertHtml(tag, name, false);
        return;
      case T.math:
      case T.svg:
        this.reconstruct();
        this.insertForeign(name, tag === T.svg ? NS_SVG : NS_MATH, selfClosing);
        return;
      case T.textarea:
      case T.iframe:
      case T.noembed:
      case T.title:
      case T.style:
      case T.script:
      case T.base:
      case T.link:
      case T.meta:
      case T.template:
      case T.noframes:
      case T.param:
      case T.source:
      case T.track:
        // Raw-text and head elements ignore a self-closing slash in HTML (§13.2.5.40); voids are void anyway.
        this.insertHtml(tag, name, false);
        return;
      case T.noscript:
        // Scripting enabled: raw text (§13.2.6.4.7 "noscript, if the scripting flag is enabled").
        this.insertHtml(tag, name, false);
        this.inNoscript = true;
        return;
      default:
        break;
    }
    if (flags & F_CLOSES_P) {
      this.closePInButtonScope();
      if (flags & F_HEADING) {
        const c = this.depth - 1;
        if (this.sNs[c] === NS_HTML && (TAG_FLAGS[this.sTag[c] ?? 0] ?? 0) & F_HEADING) this.pop();
      }
      if (tag === T.xmp) this.reconstruct();
      this.insertHtml(tag, name, tag === T.hr);
      return;
    }
    if (flags & F_FORMATTING) {
      this.reconstruct();
      this.insertFormatting(tag, name);
      return;
    }
    // Any other start tag (including applet/marquee/object, img, input, br, …): reconstruct first.
    this.reconstruct();
    this.insertHtml(tag, name, selfClosing && (flags & F_VOID) !== 0);
  }

  closeListItem(tag: number): void {
    if (tag === T.li ? (this.openHtml[T.li] ?? 0) === 0 : (this.openHtml[T.dd] ?? 0) + (this.openHtml[T.dt] ?? 0) === 0) return;
    for (let i = this.depth - 1; i > 0; i--) {
      const t = this.sTag[i] ?? 0;
      const isHtml = this.sNs[i] === NS_HTML;
      if (isHtml && (tag === T.li ? t === T.li : t === T.dd || t === T.dt)) {
        this.generateImpliedEndTags(t);
        this.popUntilIndex(i);
        return;
      }
      if ((this.sFlags[i] ?? 0) & F_SPECIAL && !(isHtml && (t === T.address || t === T.div || t === T.p))) return;
    }
  }

  insertFormatting(tag: number, name: string): void {
    const node = this.insertHtml(tag, name, false);
    if (node < 0) return;
    const isA = tag === T.a;
    const href = isA && (this.tSeen & (1 << A_HREF)) !== 0 ? (this.av[A_HREF] ?? '') : null;
    const rel = isA && (this.tSeen & (1 << A_REL)) !== 0 ? (this.av[A_REL] ?? '') : null;
    this.pushAfe({ node, tag, name, href, rel, cls: this.cls[node], elId: this.eid[node] });
  }

  recordCommonAttrs(node: number): void {
    const seen = this.tSeen;
    if (seen === 0) return;
    const av = this.av;
    if (seen & (1 << A_CLASS)) {
      const c = av[A_CLASS] ?? '';
      this.cls[node] = c;
      if (!this.mediumBodyClass && c.length >= 22 && c.includes('pw-post-body-paragraph')) this.mediumBodyClass = true;
    }
    if (seen & (1 << A_ID)) {
      const v = av[A_ID] ?? '';
      this.eid[node] = v;
      if (v.length === 4 && HEX4.test(v)) this.nflags[node] = (this.nflags[node] ?? 0) | NF_HEX_NAME;
    }
    if (seen & (1 << A_NAME)) {
      const v = av[A_NAME] ?? '';
      if (v.length === 4 && HEX4.test(v)) this.nflags[node] = (this.nflags[node] ?? 0) | NF_HEX_NAME;
    }
    if (seen & (1 << A_ROLE)) {
      this.role[node] = av[A_ROLE];
      this.nflags[node] = (this.nflags[node] ?? 0) | NF_HAS_ROLE;
    }
    if (seen & (1 << A_ITEMPROP)) {
      this.itemprop[node] = av[A_ITEMPROP];
      this.nflags[node] = (this.nflags[node] ?? 0) | NF_HAS_ITEMPROP;
    }
    let hidden = (seen & (1 << A_HIDDEN)) !== 0;
    // Readability's _isProbablyVisible keeps aria-hidden "fallback-image" nodes.
    if (!hidden && seen & (1 << A_ARIA_HIDDEN) && (av[A_ARIA_HIDDEN] ?? '').trim().toLowerCase() === 'true')
      hidden = !(av[A_CLASS] ?? '').includes('fallback-image');
    if (!hidden && seen & (1 << A_STYLE)) {
      const st = av[A_STYLE] ?? '';
      // Cheap prefilter before the regex: inline styles are common, hiding ones are rare.
      if (st.length >= 12 && (st.includes('one') || st.includes('idden') || st.includes('ONE') || st.includes('IDDEN')))
        hidden = HIDDEN_STYLE.test(st);
    }
    if (hidden) this.nflags[node] = (this.nflags[node] ?? 0) | NF_HIDDEN;
  }

  /** Insert an HTML element; returns its node id (or -1 when flattened at the depth cap / void). */
  insertHtml(tag: number, name: string, isVoid: boolean): number {
    const flags = tag === UNKNOWN_TAG ? 0 : (TAG_FLAGS[tag] ?? 0);
    const voidEl = isVoid || (flags & F_VOID) !== 0;
    const seen = this.tSeen;
    const av = this.av;
    this.insertionPoint();
    const parentNode = this.ipParent;
    const foster = this.ipFoster;
    // Link-bearing void elements and head data.
    if (voidEl) {
      if (this.templateDepth === 0) {
        this.nvoid[parentNode] = (this.nvoid[parentNode] ?? 0) + 1;
        if (tag === T.input) this.ninput[parentNode] = (this.ninput[parentNode] ?? 0) + 1;
      }
      if (tag === T.area || tag === T.link || tag === T.base) {
        if (seen & (1 << A_HREF)) {
          const rel = seen & (1 << A_REL) ? (av[A_REL] ?? '') : null;
          const alt = tag === T.area && seen & (1 << A_ALT) ? (av[A_ALT] ?? '') : null;
          this.emitLink(tag === T.area ? 'area' : tag === T.link ? 'link' : 'base', av[A_HREF] ?? '', rel, parentNode, alt, false, foster);
        }
      } else if (tag === T.img) {
        if (this.templateDepth === 0) this.nimg[parentNode] = (this.nimg[parentNode] ?? 0) + 1;
        const l = this.openLink;
        if (l !== null && l.alt === null && seen & (1 << A_ALT)) l.alt = av[A_ALT] ?? '';
      } else if (tag === T.meta) {
        this.recordMeta();
      }
      if (flags & F_SPECIAL || tag === T.img) {
        // Voids still count as elements for statistics only through their parent; nothing to push.
      }
      return -1;
    }
    const node = this.newNode(parentNode, tag, NS_HTML, foster >= 0 ? NF_FOSTERED : 0);
    if (this.depth >= MAX_DEPTH + 1) {
      // Depth cap: like Blink, attach the element at the cap instead of nesting deeper. It is recorded
      // (and a link is still a link) but not kept open, so its end tag and later content do not nest.
      this.depthLimited = true;
      this.recordCommonAttrs(node);
      if (tag === T.a && seen & (1 << A_HREF))
        this.emitLink('a', av[A_HREF] ?? '', seen & (1 << A_REL) ? (av[A_REL] ?? '') : null, node, null, false, foster);
      return -1;
    }
    if (tag === UNKNOWN_TAG) this.unknownName[node] = name;
    this.recordCommonAttrs(node);
    if (this.templateDepth > 0) this.nflags[node] = (this.nflags[node] ?? 0) | NF_TEMPLATE;
    let link: ScannedLink | null = null;
    if (tag === T.a && seen & (1 << A_HREF))
      link = this.emitLink('a', av[A_HREF] ?? '', seen & (1 << A_REL) ? (av[A_REL] ?? '') : null, node, null, false, foster);
    this.push(node, tag, NS_HTML, name, link, foster);
    if (flags & F_MARKER) this.pushMarker();
    if (tag === T.title && this.title === null && this.capture === CAP_NONE) this.startCapture(CAP_TITLE, node);
    else if (
      tag === T.script &&
      this.capture === CAP_NONE &&
      this.jsonLd.length < MAX_JSON_LD &&
      seen & (1 << A_TYPE) &&
      (av[A_TYPE] ?? '').trim().toLowerCase() === 'application/ld+json'
    )
      this.startCapture(CAP_JSONLD, node);
    return node;
  }

  recordMeta(): void {
    if (this.metas.length >= MAX_METAS) return;
    const seen = this.tSeen;
    const av = this.av;
    // Some saved pages (e.g. Mercury-processed captures) carry the value in `value=` instead of `content=`.
    const content = seenAttr(seen, av, A_CONTENT) ?? seenAttr(seen, av, A_VALUE);
    this.metas.push({
      name: seenAttr(seen, av, A_NAME),
      property: seenAttr(seen, av, A_PROPERTY),
      content,
      httpEquiv: seenAttr(seen, av, A_HTTP_EQUIV),
      inHead: this.headPhase,
    });
  }

  startCapture(kind: number, node: number): void {
    this.capture = kind;
    this.captureNode = node;
    this.captureBuf = '';
  }

  finishCapture(): void {
    // Title is RCDATA: its character references are decoded (the JSON-LD script's raw text is not).
    if (this.capture === CAP_TITLE) this.title = this.captureBuf.indexOf('&') === -1 ? this.captureBuf : decodeHTML(this.captureBuf);
    else if (this.capture === CAP_JSONLD) this.jsonLd.push(this.captureBuf);
    this.capture = CAP_NONE;
    this.captureNode = -1;
    this.captureBuf = '';
  }

  // =========================== end tags ===========================

  endTag(tag: number, name: string): void {
    if (this.inNoscript) {
      if (tag !== T.noscript) return;
      this.inNoscript = false;
      const i = this.lastIndexOfTag(T.noscript);
      if (i > 0) this.popUntilIndex(i);
      return;
    }
    // Foreign content end tags (§13.2.6.5 "Any other end tag").
    let i = this.depth - 1;
    if (this.sNs[i] !== NS_HTML) {
      for (; i > 0; i--) {
        if (this.sNs[i] === NS_HTML) break;
        if (this.sName[i] === name) {
          this.popUntilIndex(i);
          return;
        }
      }
    }
    if (tag === T.br) {
      // `</br>` is treated as `<br>` (§13.2.6.4.7).
      this.tSeen = 0;
      this.reconstruct();
      return;
    }
    for (let guard = 0; guard < 4; guard++) {
      const top = this.depth - 1;
      const ctx = this.sCtx[top] ?? CTX_BODY;
      if (ctx === CTX_SELECT) {
        if (tag === T.select) {
          const si = this.lastIndexOfTag(T.select);
          if (si > 0) this.popUntilIndex(si);
        } else if (tag === T.option) {
          if (this.curTag() === T.option) this.pop();
        } else if (tag === T.optgroup) {
          if (this.curTag() === T.option && this.sTag[this.depth - 2] === T.optgroup) this.pop();
          if (this.curTag() === T.optgroup) this.pop();
        } else if (
          tag === T.table ||
          tag === T.tbody ||
          tag === T.thead ||
          tag === T.tfoot ||
          tag === T.tr ||
          tag === T.td ||
          tag === T.th ||
          tag === T.caption
        ) {
          if (this.inScope(tag, 3) >= 0) {
            const si = this.lastIndexOfTag(T.select);
            if (si > 0) {
              this.popUntilIndex(si);
              continue;
            }
          }
        } else if (tag === T.template) {
          this.endInBody(tag, name);
        }
        return;
      }
      if (ctx === CTX_TABLE) {
        if (this.curTag() === T.colgroup && tag !== T.colgroup && tag !== T.template) {
          this.pop();
          continue;
        }
        switch (tag) {
          case T.table: {
            const ti = this.inScope(T.table, 3);
            if (ti > 0) this.popUntilIndex(ti);
            return;
          }
          case T.tbody:
          case T.thead:
          case T.tfoot: {
            if (this.inScope(tag, 3) < 0) return;
            this.clearToContext([T.tbody, T.thead, T.tfoot, T.template, T.html]);
            this.pop();
            return;
          }
          case T.tr: {
            if (this.inScope(T.tr, 3) < 0) return;
            this.clearToContext([T.tr, T.template, T.html]);
            this.pop();
            return;
          }
          case T.colgroup:
            if (this.curTag() === T.colgroup) this.pop();
            return;
          case T.body:
          case T.caption:
          case T.col:
          case T.html:
          case T.td:
          case T.th:
            return;
          default:
            this.fostering = true;
            this.endInBody(tag, name);
            this.fostering = false;
            return;
        }
      }
      if (ctx === CTX_CELL) {
        if (tag === T.td || tag === T.th) {
          const ci = this.inScope(tag, 3);
          if (ci < 0) return;
          this.generateImpliedEndTags(-1);
          this.popUntilIndex(ci);
          this.clearAfeToMarker();
          return;
        }
        if (tag === T.caption) {
          const ci = this.inScope(T.caption, 3);
          if (ci < 0) return;
          this.generateImpliedEndTags(-1);
          this.popUntilIndex(ci);
          this.clearAfeToMarker();
          return;
        }
        if (tag === T.body || tag === T.col || tag === T.colgroup || tag === T.html) return;
        if (tag === T.table || tag === T.tbody || tag === T.tfoot || tag === T.thead || tag === T.tr) {
          if (this.inScope(tag, 3) < 0) return;
          if (this.closeCell()) continue;
          return;
        }
      }
      this.endInBody(tag, name);
      return;
    }
  }

  endInBody(tag: number, name: string): void {
    const flags = tag === UNKNOWN_TAG ? 0 : (TAG_FLAGS[tag] ?? 0);
    if (tag === T.body || tag === T.html || tag === T.head) return;
    if (flags & F_BLOCK_END) {
      const i = this.inScope(tag, 0);
      if (i < 0) return;
      this.generateImpliedEndTags(-1);
      this.popUntilIndex(i);
      return;
    }
    switch (tag) {
      case T.p: {
        if (this.inScope(T.p, 1) < 0) {
          this.headPhase = false;
          this.tSeen = 0;
          this.insertHtml(T.p, 'p', false);
        }
        this.closePInButtonScope();
        return;
      }
      case T.li: {
        const i = this.inScope(T.li, 2);
        if (i < 0) return;
        this.generateImpliedEndTags(T.li);
        this.popUntilIndex(i);
        return;
      }
      case T.dd:
      case T.dt: {
        const i = this.inScope(tag, 0);
        if (i < 0) return;
        this.generateImpliedEndTags(tag);
        this.popUntilIndex(i);
        return;
      }
      case T.form: {
        const i = this.inScope(T.form, 0);
        if (i < 0) return;
        this.generateImpliedEndTags(-1);
        this.popUntilIndex(i);
        return;
      }
      case T.h1:
      case T.h2:
      case T.h3:
      case T.h4:
      case T.h5:
      case T.h6: {
        const i = this.headingInScope();
        if (i < 0) return;
        this.generateImpliedEndTags(-1);
        this.popUntilIndex(i);
        return;
      }
      case T.applet:
      case T.marquee:
      case T.object: {
        const i = this.inScope(tag, 0);
        if (i < 0) return;
        this.generateImpliedEndTags(-1);
        this.popUntilIndex(i);
        this.clearAfeToMarker();
        return;
      }
      case T.template: {
        const i = this.lastIndexOfTag(T.template);
        if (i < 0) return;
        this.generateImpliedEndTags(-1);
        this.popUntilIndex(i);
        this.clearAfeToMarker();
        return;
      }
      default:
        break;
    }
    if (flags & F_FORMATTING) {
      if (this.adoptionAgency(tag, name)) return;
    }
    this.anyOtherEndTag(tag, name);
  }

  anyOtherEndTag(tag: number, name: string): void {
    if (this.htmlOpen(tag, name) === 0) return;
    for (let i = this.depth - 1; i > 0; i--) {
      if (this.sNs[i] === NS_HTML && this.sName[i] === name) {
        this.generateImpliedEndTags(tag === UNKNOWN_TAG ? -2 : tag);
        this.popUntilIndex(i);
        return;
      }
      if ((this.sFlags[i] ?? 0) & F_SPECIAL) return;
    }
  }

  // =========================== text ===========================

  text(start: number, end: number, cp: number): void {
    if (this.inNoscript) return;
    const top = this.depth - 1;
    const topTag = this.sNs[top] === NS_HTML ? (this.sTag[top] ?? 0) : -1;
    const buf = this.buf;
    if (topTag >= 0 && RAW_TEXT[topTag] === 1) {
      if (this.capture !== CAP_NONE && this.captureBuf.length < MAX_CAPTURE_CHARS)
        this.captureBuf += cp < 0 ? buf.slice(start, end) : String.fromCodePoint(cp);
      return;
    }
    // Trimmed extent (whitespace-only runs do not count as text, but still re-open formatting elements).
    let s = start;
    let e = end;
    let len: number;
    if (cp < 0) {
      while (s < e && isWs(buf.charCodeAt(s))) s++;
      while (e > s && isWs(buf.charCodeAt(e - 1))) e--;
      len = e - s;
    } else {
      len = isWs(cp) ? 0 : cp > 0xffff ? 2 : 1;
    }
    const ctx = this.sCtx[top] ?? CTX_BODY;
    if (ctx === CTX_SELECT) return;
    if (len > 0 && this.headPhase) this.headPhase = false;
    let target = this.sNode[top] ?? 0;
    if (ctx === CTX_TABLE && topTag >= 0 && (TAG_FLAGS[topTag] ?? 0) & F_TABLE_CONTEXT) {
      if (len === 0) return; // whitespace in table text stays in the table (§13.2.6.4.10)
      this.fostering = true;
      this.reconstruct();
      this.insertionPoint();
      this.fostering = false;
      target = this.ipParent;
      const t2 = this.depth - 1;
      if (t2 !== top) target = this.sNode[t2] ?? target;
    } else {
      if (this.afe.length > 0) {
        this.reconstruct();
        target = this.sNode[this.depth - 1] ?? target;
      }
      if (len === 0) {
        if (this.openLink !== null && cp < 0 && end > start) this.openLink.text += ' ';
        else if (this.openLink !== null && cp >= 0) this.openLink.text += ' ';
        return;
      }
    }
    this.ntext[target] = (this.ntext[target] ?? 0) + len;
    const link = this.openLink;
    if (link !== null) {
      this.nlinkText[target] = (this.nlinkText[target] ?? 0) + (link.hash ? len * 3 : len * 10);
      if (cp >= 0) link.text += String.fromCodePoint(cp);
      else {
        // Decode per text run (a reference never spans two runs).
        const run = buf.slice(start, end);
        link.text += run.indexOf('&') === -1 ? run : decodeHTML(run);
      }
    }
    if (cp < 0) {
      const c = this.countCommas(s, e);
      if (c > 0) this.ncommas[target] = (this.ncommas[target] ?? 0) + c;
    } else if (cp === 44 || cp === 0xff0c || cp === 0x060c) {
      this.ncommas[target] = (this.ncommas[target] ?? 0) + 1;
    }
  }

  /** Commas in buf[s,e). Cursors only move forward, so the whole document is scanned at most once per comma kind. */
  countCommas(s: number, e: number): number {
    let n = 0;
    for (let k = 0; k < COMMAS.length; k++) {
      let p = this.commaCursors[k] as number;
      if (p === -2) continue; // no more of this kind in the document
      const comma = COMMAS[k] as string;
      if (p < s) p = this.buf.indexOf(comma, s);
      while (p !== -1 && p < e) {
        n++;
        p = this.buf.indexOf(comma, p + 1);
      }
      this.commaCursors[k] = p === -1 ? -2 : p;
    }
    return n;
  }

  // =========================== fragment context ===========================

  setFragmentContext(name: string): void {
    const tag = TAG_IDS.get(name) ?? UNKNOWN_TAG;
    this.tSeen = 0;
    this.headPhase = false;
    if (tag === T.td || tag === T.th) {
      this.insertHtml(T.table, 'table', false);
      this.insertHtml(T.tbody, 'tbody', false);
      this.insertHtml(T.tr, 'tr', false);
      this.insertHtml(tag, name, false);
    } else if (tag === T.tr) {
      this.insertHtml(T.table, 'table', false);
      this.insertHtml(T.tbody, 'tbody', false);
      this.insertHtml(tag, name, false);
    } else if (tag === T.tbody || tag === T.thead || tag === T.tfoot || tag === T.colgroup || tag === T.caption) {
      this.insertHtml(T.table, 'table', false);
      this.insertHtml(tag, name, false);
    } else if (tag !== T.body && tag !== T.html && tag !== UNKNOWN_TAG) {
      this.insertHtml(tag, name, false);
    }
  }
}

/**
 * htmlparser2 12's Tokenizer skips ahead to the one character that ends a text run, raw text
 * (`<script>`, `<style>`), an attribute value, a comment or an end tag (`fastForwardTo`) with a
 * charCodeAt loop in JavaScript. String#indexOf finds the same character natively (a memchr on
 * one-byte strings, about 10× faster than a JS byte loop: notes/performance.md "Physical limits").
 * This private subclass (htmlparser2's own Parser, and anyone else's Tokenizer, are untouched)
 * replaces that one method with an indexOf search of identical contract: on a hit, `index` is the
 * hit's position and the result true; on a miss, `index` is the last position of the buffer and the
 * result false (Tokenizer.js `fastForwardTo`, htmlparser2 12.0.0). Only how far the main loop moves
 * per step changes, never what it reports. If a future htmlparser2 renames the method, the override
 * is simply not installed.
 * (Also skipping the characters of tag and attribute names this way was measured and rejected: no
 * faster, names are short.)
 */
class SkipTokenizer extends Tokenizer {}
interface TokenizerInternals {
  buffer: string;
  index: number;
  offset: number;
  fastForwardTo(c: number): boolean;
}
const SKIP_CHARS: string[] = [];
for (let c = 0; c < 128; c++) SKIP_CHARS.push(String.fromCharCode(c));
const baseTokenizer = Tokenizer.prototype as unknown as Partial<TokenizerInternals>;
const skipTokenizer = SkipTokenizer.prototype as unknown as TokenizerInternals;
if (typeof baseTokenizer.fastForwardTo === 'function') {
  skipTokenizer.fastForwardTo = function fastForwardTo(this: TokenizerInternals, c: number): boolean {
    const buffer = this.buffer;
    const offset = this.offset;
    const at = buffer.indexOf(SKIP_CHARS[c] ?? String.fromCharCode(c), this.index + 1 - offset);
    if (at !== -1) {
      this.index = at + offset;
      return true;
    }
    this.index = buffer.length + offset - 1;
    return false;
  };
}

/** Run the single pass. Pure: no I/O; never throws on any input string. */
export function scanHtml(html: string, options: ScanOptions = {}): HtmlScan {
  const source = typeof html === 'string' ? html : String(html);
  let arrays: NodeArrays | null = null;
  if (options.reuseBuffers === true && pooledArrays !== null) {
    arrays = pooledArrays;
    pooledArrays = null;
  }
  const stack = takeStackArrays();
  const scanner = new Scanner(source, options.maxLinks ?? Number.MAX_SAFE_INTEGER, arrays, stack);
  if (options.fragmentContext !== undefined) {
    scanner.quirks = false;
    scanner.decided = true;
    scanner.setFragmentContext(options.fragmentContext.toLowerCase());
  }
  // decodeEntities off: htmlparser2's text state can then skip to the next "<" with indexOf instead
  // of inspecting every character (≈ 40% of the tokenizer's time on the benchmark pages). Kept values
  // (captured attributes, link text, title) are decoded where they are stored.
  const tokenizer = new SkipTokenizer({ decodeEntities: false }, scanner);
  try {
    tokenizer.write(source);
    tokenizer.end();
  } finally {
    // Hand the (possibly grown) arrays back for the next reuseBuffers scan. Cap what is kept so one
    // huge page does not pin its arrays forever.
    if (arrays !== null && scanner.cap <= 1 << 18) pooledArrays = scanner.arrays();
    else if (arrays !== null) pooledArrays = newNodeArrays(4096);
    pooledStack = stack;
  }
  let links = scanner.links;
  if (scanner.needSort) links = links.slice().sort((a, b) => a.key - b.key);
  return {
    source,
    links,
    truncated: scanner.truncated,
    depthLimited: scanner.depthLimited,
    nodeCount: scanner.count,
    parent: scanner.parent,
    tag: scanner.ntag,
    ns: scanner.nns,
    flags: scanner.nflags,
    text: scanner.ntext,
    linkText: scanner.nlinkText,
    commas: scanner.ncommas,
    linkCount: scanner.nlinks,
    img: scanner.nimg,
    input: scanner.ninput,
    voids: scanner.nvoid,
    cls: scanner.cls,
    id: scanner.eid,
    role: scanner.role,
    itemprop: scanner.itemprop,
    unknownName: scanner.unknownName,
    title: scanner.title,
    metas: scanner.metas,
    jsonLd: scanner.jsonLd,
    quirks: scanner.quirks,
    mediumBodyClass: scanner.mediumBodyClass,
  };
}
