/**
 * Rendered width of a search-result title. Google's desktop results set titles in Arial at 20 px, and
 * the cut-off sits near 600 px — the width Yoast's "SEO title width" assessment uses as its limit.
 * Arial is metric-compatible with Helvetica, so the advance widths below are Helvetica's, from Adobe's
 * public Core 14 font metrics (Helvetica.afm, units per 1000 em). Width = Σ advance × size ÷ 1000.
 * Characters outside the table: full-width CJK/emoji count 1000 units, any other letter 556 (the
 * Helvetica lower-case average), combining marks 0.
 */

const ADVANCE: Readonly<Record<string, number>> = (() => {
  const t: Record<string, number> = {};
  const set = (chars: string, w: number) => {
    for (const c of chars) t[c] = w;
  };
  set(' ', 278);
  set('!', 278);
  set('"', 355);
  set('#$', 556);
  set('%', 889);
  set('&', 667);
  set("'", 191);
  set('()', 333);
  set('*', 389);
  set('+<=>~', 584);
  set(',.:;/[]\\', 278);
  set('-', 333);
  set('0123456789', 556);
  set('?', 556);
  set('@', 1015);
  set('^', 469);
  set('_', 556);
  set('`', 333);
  set('{}', 334);
  set('|', 260);
  set('ABEKPSVXY', 667);
  set('CDHNRUw', 722);
  set('FTZ', 611);
  set('GOQ', 778);
  set('I', 278);
  set('J', 500);
  set('L', 556);
  set('Mm', 833);
  set('W', 944);
  set('abdeghnopqu', 556);
  set('ckrsvxyz', 500);
  set('fijlt', 278);
  t.r = 333;
  t.i = 222;
  t.j = 222;
  t.l = 222;
  // Typographic punctuation common in titles.
  set('–', 556);
  set('—', 1000);
  set('‘’', 222);
  set('“”', 333);
  set('…', 1000);
  set('•', 350);
  set('·', 278);
  set('|', 260);
  return t;
})();

function advance(ch: string): number {
  const known = ADVANCE[ch];
  if (known !== undefined) return known;
  const cp = ch.codePointAt(0) ?? 0;
  if (/\p{M}/u.test(ch)) return 0;
  // CJK, Hangul, full-width forms and emoji are about one em wide.
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    cp >= 0x1f300
  ) {
    return 1000;
  }
  // Accented Latin letters take the width of their base letter.
  const base = ch.normalize('NFD')[0];
  if (base !== undefined && base !== ch && ADVANCE[base] !== undefined) return ADVANCE[base] as number;
  return 556;
}

/** Width in pixels of `text` set in Arial at `fontSizePx` (default 20, Google's desktop title size). */
export function titleWidthPx(text: string, fontSizePx = 20): number {
  let units = 0;
  for (const ch of text) units += advance(ch);
  return Math.round((units * fontSizePx) / 1000);
}
