/**
 * Class/id "hints" for content scoring and placement, computed with ONE pass of a string-matching
 * automaton over a class or id string (about one table read per character).
 *
 * Two families of words:
 * - Readability 0.6.0 REGEXPS (`unlikelyCandidates`, `okMaybeItsACandidate`, `positive`, `negative`,
 *   `byline`, `shareElements`): substring matches, as Readability does them, case-insensitive.
 * - Placement words (comments/responses, author/bio, related/sidebar, footer, nav): whole words,
 *   i.e. not preceded or followed by a letter (`site-header`, `post_footer` match; `navy` does not).
 */

export const H_UNLIKELY = 1 << 0;
export const H_MAYBE = 1 << 1;
export const H_POSITIVE = 1 << 2;
export const H_NEGATIVE = 1 << 3;
export const H_BYLINE = 1 << 4;
export const H_SHARE = 1 << 5;
export const H_RESPONSES = 1 << 6;
export const H_BIO = 1 << 7;
export const H_RELATED = 1 << 8;
export const H_FOOTER = 1 << 9;
export const H_NAV = 1 << 10;
export const H_ARTICLE_HEADER = 1 << 11;

interface Word {
  /** Bits that apply wherever the word occurs (Readability regexes are plain substring matches). */
  sub: number;
  /** Bits that apply only when the word is not glued to letters on either side. */
  whole: number;
}

const WORDS = new Map<string, Word>();
function add(list: string, bits: number, whole: boolean): void {
  for (const w of list.split('|')) {
    let e = WORDS.get(w);
    if (e === undefined) {
      e = { sub: 0, whole: 0 };
      WORDS.set(w, e);
    }
    if (whole) e.whole |= bits;
    else e.sub |= bits;
  }
}

// Readability.js 0.6.0 REGEXPS.unlikelyCandidates
add(
  '-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote',
  H_UNLIKELY,
  false,
);
// okMaybeItsACandidate
add('and|article|body|column|content|main|shadow', H_MAYBE, false);
// positive
add('article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story', H_POSITIVE, false);
// negative (the `hid` token forms `^hid$| hid$| hid |^hid ` are handled in hintBits)
add(
  '-ad-|hidden|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget',
  H_NEGATIVE,
  false,
);
// byline
add('byline|author|dateline|writtenby|p-author', H_BYLINE, false);
// Placement words (whole words).
add('comment|comments|commentlist|response|responses|reply|replies|disqus|discussion|talkback', H_RESPONSES, true);
add(
  'author|authors|byline|bio|biography|profile|about-the-author|abouttheauthor|contributor|contributors|writer|author-card|authorcard|infocard',
  H_BIO,
  true,
);
add(
  'sidebar|side-bar|related|recommend|recommended|recommendation|recommendations|more-from|morefrom|read-next|readnext|popular|trending|promo|widget|widgets|outbrain|taboola|recirc|also-read|alsoread|you-may-like|youmaylike',
  H_RELATED,
  true,
);
add('footer|site-footer|sitefooter|copyright|colophon|bottom-bar|bottombar', H_FOOTER, true);
add(
  'nav|navbar|navigation|menu|menubar|breadcrumb|breadcrumbs|masthead|topbar|top-nav|topnav|sitenav|site-header|siteheader|header|toolbar|skip-link|skiplink|skip-links|skiplinks',
  H_NAV,
  true,
);

/** The word table (read-only view): word → bits for any occurrence (`sub`) and for whole-word occurrences (`whole`). */
export const HINT_WORDS: ReadonlyMap<string, Readonly<Word>> = WORDS;

/**
 * All words are found in ONE left-to-right pass with an Aho–Corasick automaton (Aho & Corasick 1975,
 * "Efficient string matching", CACM 18(6)): a trie of the words with failure links, flattened into a
 * full transition table over the word alphabet `a-z 0-9 -` plus "any other character", so each input
 * character costs one table read and every occurrence of every word (overlapping ones included, such
 * as "sidebar" inside "navsidebar") is reported where it ends. A 130-way regex alternation, or trying
 * each word at each position, costs several times more per character.
 */

/**
 * Lower-case for matching: `c | 32` maps A–Z to a–z and leaves a–z, digits and "-" unchanged; other
 * ASCII may change, but to values that occur in no word (words are letters, digits and "-") — except
 * that CR and the controls 16–25 land on "-" and digits, which is why the table is indexed by this
 * lowered code and not by the raw one. Non-ASCII becomes 0, which no word contains.
 */
function lowerCode(c: number): number {
  return c < 128 ? c | 32 : 0;
}

/** Automaton symbol of a lowered code: 1 + index in the word alphabet, or 0 for any other character. */
const SYMBOLS = 'abcdefghijklmnopqrstuvwxyz0123456789-';
const N_SYM = SYMBOLS.length + 1;
const SYM = new Uint8Array(128);
for (let i = 0; i < SYMBOLS.length; i++) SYM[SYMBOLS.charCodeAt(i)] = i + 1;

/** Output flags per state. */
const O_SUB = 1;
const O_WHOLE = 2;
const O_SHARE = 4;
/** The state ends in "hid" (Readability negative `^hid$| hid$| hid |^hid `, checked by position). */
const O_HID = 8;

interface Automaton {
  /** next[state * N_SYM + symbol]. */
  next: Int32Array;
  out: Uint8Array;
  /** OR of the `sub` bits of every word ending in the state. */
  sub: Int32Array;
  /** Per state with O_WHOLE: [length, whole bits, …] of the words ending there that have whole-word bits. */
  whole: (Int32Array | undefined)[];
}

function buildAutomaton(): Automaton {
  const words = [...WORDS.keys(), 'hid'];
  const goto: Int32Array[] = [new Int32Array(N_SYM).fill(-1)];
  const ends: string[][] = [[]];
  for (const w of words) {
    let st = 0;
    for (let i = 0; i < w.length; i++) {
      // Words use only the alphabet above (class-hints.test.ts holds the automaton to a plain matcher).
      const sym = SYM[w.charCodeAt(i)] ?? 0;
      const row = goto[st] as Int32Array;
      let nx = row[sym] ?? -1;
      if (nx < 0) {
        nx = goto.length;
        goto.push(new Int32Array(N_SYM).fill(-1));
        ends.push([]);
        row[sym] = nx;
      }
      st = nx;
    }
    (ends[st] as string[]).push(w);
  }
  const n = goto.length;
  const next = new Int32Array(n * N_SYM);
  const fail = new Int32Array(n);
  const outWords: string[][] = ends.map((e) => e.slice());
  // Breadth-first: a state's failure target is shallower, so its outputs and row are final first.
  const queue: number[] = [];
  for (let sym = 0; sym < N_SYM; sym++) {
    const nx = (goto[0] as Int32Array)[sym] ?? -1;
    next[sym] = Math.max(nx, 0);
    if (nx > 0) {
      fail[nx] = 0;
      queue.push(nx);
    }
  }
  for (let q = 0; q < queue.length; q++) {
    const st = queue[q] as number;
    const f = fail[st] ?? 0;
    for (const w of outWords[f] as string[]) (outWords[st] as string[]).push(w);
    const row = goto[st] as Int32Array;
    for (let sym = 0; sym < N_SYM; sym++) {
      const nx = row[sym] ?? -1;
      if (nx < 0) next[st * N_SYM + sym] = next[f * N_SYM + sym] ?? 0;
      else {
        next[st * N_SYM + sym] = nx;
        fail[nx] = next[f * N_SYM + sym] ?? 0;
        queue.push(nx);
      }
    }
  }
  const out = new Uint8Array(n);
  const sub = new Int32Array(n);
  const whole: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(n).fill(undefined);
  for (let st = 0; st < n; st++) {
    const ws = outWords[st] as string[];
    let o = 0;
    let bits = 0;
    const wl: number[] = [];
    for (const w of ws) {
      if (w === 'hid') o |= O_HID;
      if (w === 'share') o |= O_SHARE;
      const e = WORDS.get(w);
      if (e === undefined) continue;
      bits |= e.sub;
      if (e.whole !== 0) wl.push(w.length, e.whole);
    }
    if (bits !== 0) o |= O_SUB;
    if (wl.length > 0) {
      o |= O_WHOLE;
      whole[st] = Int32Array.from(wl);
    }
    out[st] = o;
    sub[st] = bits;
  }
  return { next, out, sub, whole };
}

const AUTOMATON = buildAutomaton();

const ARTICLE_HEADER = /(?:entry|post|article|story|content)[-_]header/i;
const SHARE_RE = /(\b|_)(share|sharedaddy)(\b|_)/i;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Hint bits of one class or id string (uncached). */
export function hintBits(s: string): number {
  const n = s.length;
  if (n < 3) return 0;
  const { next, out, sub, whole } = AUTOMATON;
  let bits = 0;
  let share = false;
  let st = 0;
  for (let i = 0; i < n; i++) {
    st = next[st * N_SYM + (SYM[lowerCode(s.charCodeAt(i))] ?? 0)] ?? 0;
    const o = out[st] ?? 0;
    if (o === 0) continue;
    bits |= sub[st] ?? 0;
    const end = i + 1;
    if (o & O_WHOLE) {
      // Whole-word bits: the word is not glued to a letter on either side.
      const wl = whole[st] as Int32Array;
      const afterOk = end >= n || !isLetter(s.charCodeAt(end));
      for (let k = 0; k < wl.length; k += 2) {
        const start = end - (wl[k] ?? 0);
        if (afterOk && (start === 0 || !isLetter(s.charCodeAt(start - 1)))) bits |= wl[k + 1] ?? 0;
      }
    }
    if (o & O_SHARE) share = true;
    if (o & O_HID) {
      // "hid" delimited by spaces or the ends of the string.
      const start = end - 3;
      if ((start === 0 || s.charCodeAt(start - 1) === 32) && (end === n || s.charCodeAt(end) === 32)) bits |= H_NEGATIVE;
    }
  }
  if (share && SHARE_RE.test(s)) bits |= H_SHARE;
  if (bits & H_NAV && ARTICLE_HEADER.test(s)) bits |= H_ARTICLE_HEADER;
  return bits;
}

/** Per-document cache. */
export class HintCache {
  private readonly map = new Map<string, number>();

  bits(s: string | undefined): number {
    if (s === undefined || s === '') return 0;
    let v = this.map.get(s);
    if (v === undefined) {
      v = hintBits(s);
      this.map.set(s, v);
    }
    return v;
  }
}
