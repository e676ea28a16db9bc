/**
 * Class/id "hints" for content scoring and placement, computed with ONE regex scan per distinct
 * class or id string (pages repeat class strings a lot, so a per-document cache makes this cheap).
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

/**
 * Words by their first three characters (all words have ≥ 3), behind a 15-bit bitmap of those
 * trigrams: a position can start a word only if its trigram is in the map, so most class strings
 * ("col-md-4", "btn btn-primary") are rejected with one table read per character, and a hit checks
 * only the one to three words sharing that trigram — far cheaper than a 130-way regex alternation.
 */
interface Entry {
  word: string;
  e: Word;
}
const BY_TRIGRAM = new Map<number, Entry[]>();
const TRIGRAMS = new Uint8Array(1 << 15);
function trigramKey(a: number, b: number, c: number): number {
  return (a << 16) | (b << 8) | c;
}
function trigramHash(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 17;
}
for (const [word, e] of WORDS) {
  const key = trigramKey(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2));
  TRIGRAMS[trigramHash(key)] = 1;
  const list = BY_TRIGRAM.get(key);
  if (list === undefined) BY_TRIGRAM.set(key, [{ word, e }]);
  else list.push({ word, e });
}

/**
 * Lower-case for matching: `c | 32` maps A–Z to a–z and leaves a–z, digits and "-" unchanged; other
 * ASCII may change, but to values that occur in no word (words are letters, digits and "-"). Non-ASCII
 * becomes 0, so it can neither match a word nor spill into the packed trigram key.
 */
function lowerCode(c: number): number {
  return c < 128 ? c | 32 : 0;
}

/** s[start..] starts with `word` (lower-case), comparing ASCII case-insensitively. */
function matchAt(s: string, start: number, word: string): boolean {
  if (start + word.length > s.length) return false;
  for (let k = 3; k < word.length; k++) if (lowerCode(s.charCodeAt(start + k)) !== word.charCodeAt(k)) return false;
  return true;
}
const ARTICLE_HEADER = /(?:entry|post|article|story|content)[-_]header/i;
const SHARE_RE = /(\b|_)(share|sharedaddy)(\b|_)/i;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Hint bits of one class or id string (uncached). */
export function hintBits(s: string): number {
  const n = s.length;
  if (n < 3) return 0;
  let bits = 0;
  let share = false;
  let c0 = lowerCode(s.charCodeAt(0));
  let c1 = lowerCode(s.charCodeAt(1));
  for (let start = 0; start + 2 < n; start++) {
    const c2 = lowerCode(s.charCodeAt(start + 2));
    const key = trigramKey(c0, c1, c2);
    if (TRIGRAMS[trigramHash(key)] === 1) {
      const list = BY_TRIGRAM.get(key);
      if (list !== undefined) {
        // Every word starting here (overlapping words such as "sidebar" inside "navsidebar" included).
        for (const { word, e } of list) {
          if (!matchAt(s, start, word)) continue;
          bits |= e.sub;
          if (e.whole !== 0) {
            const end = start + word.length;
            if ((start === 0 || !isLetter(s.charCodeAt(start - 1))) && (end >= n || !isLetter(s.charCodeAt(end)))) bits |= e.whole;
          }
          if (word === 'share') share = true;
        }
        // Readability negative `^hid$| hid$| hid |^hid `: "hid" delimited by spaces or the ends.
        if (
          c0 === 104 &&
          c1 === 105 &&
          c2 === 100 &&
          (start === 0 || s.charCodeAt(start - 1) === 32) &&
          (start + 3 === n || s.charCodeAt(start + 3) === 32)
        ) {
          bits |= H_NEGATIVE;
        }
      }
    }
    c0 = c1;
    c1 = c2;
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
