/**
 * Tag categories of the WHATWG HTML parsing algorithm (HTML Living Standard §13.2 "Parsing HTML
 * documents"), as small integer ids and bit flags, so the streaming tree builder in html-scan.ts can
 * classify a tag with one Map lookup and one array read.
 *
 * Only the categories the tree builder and the content scorer need are listed; every other tag is
 * UNKNOWN_TAG (an "ordinary" element in the standard's words) and is matched by name.
 */

/** §13.2.4.2 "special" category (used by the adoption agency and "any other end tag"). */
export const F_SPECIAL = 1 << 0;
/** §13.2.4.2 "has an element in scope" boundaries (the HTML-namespace part of the list). */
export const F_SCOPE = 1 << 1;
/** §13.2.4.3 formatting elements: a, b, big, code, em, font, i, nobr, s, small, strike, strong, tt, u. */
export const F_FORMATTING = 1 << 2;
/** Void elements (§13.1.2): never pushed on the stack of open elements. */
export const F_VOID = 1 << 3;
/** Start tags that "close a p element" when one is in button scope (§13.2.6.4.7). */
export const F_CLOSES_P = 1 << 4;
/** End tags handled by "generate implied end tags" (§13.2.6.3): dd, dt, li, optgroup, option, p, rb, rp, rt, rtc. */
export const F_IMPLIED_END = 1 << 5;
/** Elements that push a marker on the list of active formatting elements: applet, marquee, object, td, th, caption, template. */
export const F_MARKER = 1 << 6;
/** Table-structure elements whose presence as the current node enables foster parenting (§13.2.6.1). */
export const F_TABLE_CONTEXT = 1 << 7;
/** h1–h6. */
export const F_HEADING = 1 << 8;
/** Block-level for Readability's "div without block children is a paragraph" rule (DIV_TO_P_ELEMS). */
export const F_BLOCK = 1 << 9;
/** Breaks out of foreign content (§13.2.6.5 "A start tag whose tag name is one of: b, big, …"). */
export const F_FOREIGN_BREAKOUT = 1 << 10;
/** Block end tags closed with "generate implied end tags, pop until" (address … ul in §13.2.6.4.7). */
export const F_BLOCK_END = 1 << 11;

export const UNKNOWN_TAG = 0;

const NAMES = [
  '', // 0 = unknown
  'a',
  'abbr',
  'address',
  'applet',
  'area',
  'article',
  'aside',
  'audio',
  'b',
  'base',
  'basefont',
  'bgsound',
  'big',
  'blockquote',
  'body',
  'br',
  'button',
  'canvas',
  'caption',
  'center',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'fieldset',
  'figcaption',
  'figure',
  'font',
  'footer',
  'form',
  'frame',
  'frameset',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'i',
  'iframe',
  'image',
  'img',
  'input',
  'keygen',
  'label',
  'li',
  'link',
  'listing',
  'main',
  'marquee',
  'math',
  'menu',
  'meta',
  'nav',
  'nobr',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'ol',
  'optgroup',
  'option',
  'p',
  'param',
  'picture',
  'plaintext',
  'pre',
  'rb',
  'rp',
  'rt',
  'rtc',
  'ruby',
  's',
  'script',
  'search',
  'section',
  'select',
  'small',
  'source',
  'span',
  'strike',
  'strong',
  'style',
  'sub',
  'summary',
  'sup',
  'svg',
  'table',
  'tbody',
  'td',
  'template',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'time',
  'title',
  'tr',
  'track',
  'tt',
  'u',
  'ul',
  'var',
  'video',
  'wbr',
  'xmp',
  'q',
  'mark',
  'small',
  'ins',
  'del',
  'dfn',
  'kbd',
  'samp',
  'data',
  'output',
  'progress',
  'meter',
  'datalist',
  'legend',
  'map',
  'slot',
  'bdo',
  // Common SVG / MathML element names: known ids so the tokenizer callbacks never slice them.
  'path',
  'g',
  'use',
  'circle',
  'rect',
  'symbol',
  'defs',
  'lineargradient',
  'radialgradient',
  'stop',
  'polygon',
  'polyline',
  'line',
  'ellipse',
  'clippath',
  'mask',
  'text',
  'tspan',
  'foreignobject',
  'desc',
  'mi',
  'mo',
  'mn',
  'ms',
  'mtext',
  'annotation-xml',
  'filter',
  'pattern',
  'image',
  'nav',
  'small',
  'em',
  'i',
  'li',
  'label',
  'article',
] as const;

/** Tag name → id (lower-case names). Duplicate entries in NAMES keep their first id. */
export const TAG_IDS: ReadonlyMap<string, number> = (() => {
  const m = new Map<string, number>();
  NAMES.forEach((n, i) => {
    if (i > 0 && !m.has(n)) m.set(n, i);
  });
  return m;
})();

export const TAG_COUNT = NAMES.length;

/** Canonical (lower-case) name of a tag id. */
export const TAG_NAMES: readonly string[] = NAMES;

function nameHash(len: number, codeAt: (i: number) => number): number {
  let h = len;
  for (let i = 0; i < len; i++) h = (Math.imul(h, 31) + codeAt(i)) | 0;
  return h;
}

const BY_HASH: ReadonlyMap<number, number> = (() => {
  const m = new Map<number, number>();
  for (const [n, i] of TAG_IDS) {
    const h = nameHash(n.length, (k) => n.charCodeAt(k));
    // On a hash collision keep the first; lookups verify the name, so a collision only costs a slice.
    if (!m.has(h)) m.set(h, i);
  }
  return m;
})();

/**
 * Tag id of the ASCII-case-insensitive name `buf[start,end)`, or UNKNOWN_TAG, without creating a string
 * (the tokenizer callbacks run once per tag, so avoiding a slice + toLowerCase per tag matters).
 */
export function tagIdAt(buf: string, start: number, end: number): number {
  const len = end - start;
  if (len > 14) return UNKNOWN_TAG;
  let h = len;
  for (let i = start; i < end; i++) {
    let c = buf.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  const id = BY_HASH.get(h);
  if (id === undefined) return UNKNOWN_TAG;
  const name = NAMES[id] as string;
  if (name.length !== len) return UNKNOWN_TAG;
  for (let i = 0; i < len; i++) {
    let c = buf.charCodeAt(start + i);
    if (c >= 65 && c <= 90) c += 32;
    if (c !== name.charCodeAt(i)) return UNKNOWN_TAG;
  }
  return id;
}

function id(name: string): number {
  const v = TAG_IDS.get(name);
  if (v === undefined) throw new Error(`unknown tag ${name}`);
  return v;
}

export const T = {
  a: id('a'),
  address: id('address'),
  applet: id('applet'),
  area: id('area'),
  article: id('article'),
  aside: id('aside'),
  b: id('b'),
  base: id('base'),
  blockquote: id('blockquote'),
  body: id('body'),
  br: id('br'),
  button: id('button'),
  caption: id('caption'),
  col: id('col'),
  colgroup: id('colgroup'),
  dd: id('dd'),
  div: id('div'),
  dl: id('dl'),
  dt: id('dt'),
  figure: id('figure'),
  figcaption: id('figcaption'),
  font: id('font'),
  footer: id('footer'),
  form: id('form'),
  frame: id('frame'),
  frameset: id('frameset'),
  h1: id('h1'),
  h2: id('h2'),
  h3: id('h3'),
  h4: id('h4'),
  h5: id('h5'),
  h6: id('h6'),
  head: id('head'),
  header: id('header'),
  hr: id('hr'),
  html: id('html'),
  iframe: id('iframe'),
  image: id('image'),
  img: id('img'),
  input: id('input'),
  keygen: id('keygen'),
  li: id('li'),
  link: id('link'),
  main: id('main'),
  marquee: id('marquee'),
  math: id('math'),
  meta: id('meta'),
  nav: id('nav'),
  nobr: id('nobr'),
  noembed: id('noembed'),
  noframes: id('noframes'),
  noscript: id('noscript'),
  object: id('object'),
  ol: id('ol'),
  optgroup: id('optgroup'),
  option: id('option'),
  p: id('p'),
  param: id('param'),
  plaintext: id('plaintext'),
  pre: id('pre'),
  rb: id('rb'),
  rp: id('rp'),
  rt: id('rt'),
  rtc: id('rtc'),
  ruby: id('ruby'),
  script: id('script'),
  section: id('section'),
  select: id('select'),
  source: id('source'),
  span: id('span'),
  style: id('style'),
  svg: id('svg'),
  table: id('table'),
  tbody: id('tbody'),
  td: id('td'),
  template: id('template'),
  textarea: id('textarea'),
  tfoot: id('tfoot'),
  th: id('th'),
  thead: id('thead'),
  title: id('title'),
  tr: id('tr'),
  track: id('track'),
  ul: id('ul'),
  wbr: id('wbr'),
  xmp: id('xmp'),
} as const;

/** Per-tag flags for HTML-namespace elements, indexed by tag id. */
export const TAG_FLAGS: Uint16Array = (() => {
  const f = new Uint16Array(TAG_COUNT);
  const set = (names: string, flag: number) => {
    for (const n of names.split(' ')) {
      const i = TAG_IDS.get(n);
      if (i !== undefined) f[i] = (f[i] ?? 0) | flag;
    }
  };
  set(
    'address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup dd ' +
      'details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header ' +
      'hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes noscript ' +
      'object ol p param plaintext pre script search section select source style summary table tbody td template ' +
      'textarea tfoot th thead title tr track ul wbr xmp',
    F_SPECIAL,
  );
  set('applet caption html table td th marquee object template', F_SCOPE);
  set('a b big code em font i nobr s small strike strong tt u', F_FORMATTING);
  set('area base basefont bgsound br col embed frame hr image img input keygen link meta param source track wbr', F_VOID);
  set(
    'address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer header hgroup ' +
      'main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing form plaintext xmp hr',
    F_CLOSES_P,
  );
  set('dd dt li optgroup option p rb rp rt rtc', F_IMPLIED_END);
  set('applet marquee object td th caption template', F_MARKER);
  set('table tbody tfoot thead tr', F_TABLE_CONTEXT);
  set('h1 h2 h3 h4 h5 h6', F_HEADING);
  // Readability.js DIV_TO_P_ELEMS: a div holding none of these is scored like a paragraph.
  set('blockquote dl div img ol p pre table ul', F_BLOCK);
  set(
    'b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu meta ' +
      'nobr ol p pre ruby s small span strong strike sub sup table tt u ul var',
    F_FOREIGN_BREAKOUT,
  );
  set(
    'address article aside blockquote button center details dialog dir div dl fieldset figcaption figure footer header ' +
      'hgroup listing main menu nav ol pre search section summary ul',
    F_BLOCK_END,
  );
  return f;
})();

export function tagName(tagId: number): string {
  return NAMES[tagId] ?? '';
}
