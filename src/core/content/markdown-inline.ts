/**
 * Inline Markdown → plain text plus the links and images in it. Covers what drafts use (CommonMark 0.31
 * §6 and the GFM autolink extension): backslash escapes, code spans, inline links and images with
 * optional titles, full/collapsed/shortcut reference links, `<autolinks>`, bare `https://` and `www.`
 * URLs, emphasis/strong/strikethrough markers, inline HTML `<a href>`/`<img>`/`<br>`, hard breaks.
 * It is deliberately forgiving: anything that is not recognised stays as literal text.
 */

export interface InlineLink {
  href: string;
  text: string;
  /** Offset (in the source text) where the link starts: gives the line. */
  offset: number;
}

export interface InlineImage {
  src: string;
  alt: string | null;
  offset: number;
}

export interface InlineResult {
  text: string;
  links: InlineLink[];
  images: InlineImage[];
}

export type ReferenceDefinitions = ReadonlyMap<string, string>;

/** CommonMark §4.7: labels match case-insensitively after collapsing whitespace. */
export function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/** Index just past the `]` matching the `[` at `open`, or -1. Skips escapes and code spans. */
function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') {
      const end = codeSpanEnd(s, i);
      if (end > 0) i = end - 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** If a code span starts at `i`, the index after its closing backtick run; otherwise -1. */
function codeSpanEnd(s: string, i: number): number {
  let n = 0;
  while (s[i + n] === '`') n++;
  const fence = '`'.repeat(n);
  let j = s.indexOf(fence, i + n);
  while (j >= 0) {
    // The closing run must be exactly n backticks long.
    if (s[j + n] !== '`' && s[j - 1] !== '`') return j + n;
    let k = j;
    while (s[k] === '`') k++;
    j = s.indexOf(fence, k);
  }
  return -1;
}

/** Parse `(dest "title")` at `i` (s[i] === '('): returns the destination and the index after `)`. */
function parseInlineDestination(s: string, i: number): { dest: string; end: number } | null {
  let p = i + 1;
  while (p < s.length && /\s/.test(s[p] as string)) p++;
  let dest = '';
  if (s[p] === '<') {
    const close = s.indexOf('>', p);
    if (close < 0) return null;
    dest = s.slice(p + 1, close);
    p = close + 1;
  } else {
    let depth = 0;
    const start = p;
    while (p < s.length) {
      const c = s[p] as string;
      if (c === '\\') {
        p += 2;
        continue;
      }
      if (/\s/.test(c)) break;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      }
      p++;
    }
    dest = s.slice(start, p);
  }
  while (p < s.length && /\s/.test(s[p] as string)) p++;
  const q = s[p];
  if (q === '"' || q === "'" || q === '(') {
    const closeChar = q === '(' ? ')' : q;
    let e = p + 1;
    while (e < s.length && s[e] !== closeChar) e += s[e] === '\\' ? 2 : 1;
    if (e >= s.length) return null;
    p = e + 1;
    while (p < s.length && /\s/.test(s[p] as string)) p++;
  }
  if (s[p] !== ')') return null;
  return { dest: unescapeMarkdown(dest), end: p + 1 };
}

function unescapeMarkdown(s: string): string {
  return s.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** GFM extended autolink: trailing punctuation is not part of the URL; an unbalanced `)` neither. */
function trimAutolink(url: string): string {
  let u = url.replace(/[?!.,:*_~'"]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) u = u.slice(0, -1).replace(/[?!.,:*_~'"]+$/, '');
  return u;
}

const HTML_ATTR = /([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function htmlAttrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const inner = tag.replace(/^<\/?[a-zA-Z][a-zA-Z0-9-]*/, '').replace(/\/?>$/, '');
  for (const m of inner.matchAll(HTML_ATTR)) {
    const name = (m[1] ?? '').toLowerCase();
    out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  copy: '©',
};

/** CommonMark §6.2 entity references: numeric ones and the common named ones. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g, (all, dec, hex, name) => {
    if (dec !== undefined || hex !== undefined) {
      const cp = dec !== undefined ? Number(dec) : Number.parseInt(hex as string, 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
    }
    return NAMED_ENTITIES[name as string] ?? all;
  });
}

/** Remove emphasis delimiters (`*x*`, `**x**`, `_x_`, `__x__`, `~~x~~`) — intraword `_` stays (snake_case). */
function stripEmphasis(s: string): string {
  let out = s;
  for (let round = 0; round < 3; round++) {
    const before = out;
    out = out
      .replace(/(\*\*\*|\*\*|\*)(?=\S)([\s\S]*?\S)\1/g, '$2')
      .replace(/(^|[^\p{L}\p{N}_])(___|__|_)(?=\S)([\s\S]*?\S)\2(?![\p{L}\p{N}_])/gu, '$1$3')
      .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1');
    if (out === before) break;
  }
  return out;
}

/**
 * Parse inline Markdown. `base` is the offset of `s` in the block source (offsets of links/images are
 * reported relative to the block, for line numbers).
 */
export function parseInline(s: string, refs: ReferenceDefinitions, base = 0): InlineResult {
  const links: InlineLink[] = [];
  const images: InlineImage[] = [];
  // Protected pieces (code spans, link texts, URLs, escaped characters) are kept out of emphasis stripping
  // and entity decoding through private-use placeholders, substituted back at the end.
  const protectedTexts: string[] = [];
  let lit = '';
  const pushLit = (t: string) => {
    lit += t;
  };
  const pushProtected = (t: string) => {
    lit += `\uE000${protectedTexts.length}\uE001`;
    protectedTexts.push(t);
  };

  let i = 0;
  while (i < s.length) {
    const c = s[i] as string;
    if (c === '\\') {
      const n = s[i + 1];
      if (n === '\n') {
        pushLit('\u2028'); // backslash hard break
        i += 2;
        continue;
      }
      if (n !== undefined && ASCII_PUNCT.test(n)) {
        pushProtected(n);
        i += 2;
        continue;
      }
      pushLit(c);
      i++;
      continue;
    }
    if (c === '`') {
      const end = codeSpanEnd(s, i);
      if (end > 0) {
        let n = 0;
        while (s[i + n] === '`') n++;
        pushProtected(
          s
            .slice(i + n, end - n)
            .replace(/\n/g, ' ')
            .trim(),
        );
        i = end;
        continue;
      }
      let n = 0;
      while (s[i + n] === '`') n++;
      pushLit(s.slice(i, i + n));
      i += n;
      continue;
    }
    if ((c === '!' && s[i + 1] === '[') || c === '[') {
      const isImage = c === '!';
      const open = isImage ? i + 1 : i;
      const close = matchBracket(s, open);
      if (close > 0) {
        const label = s.slice(open + 1, close - 1);
        let dest: string | null = null;
        let end = close;
        if (s[close] === '(') {
          const d = parseInlineDestination(s, close);
          if (d !== null) {
            dest = d.dest;
            end = d.end;
          }
        }
        if (dest === null && s[close] === '[') {
          const refClose = s.indexOf(']', close);
          if (refClose > 0) {
            const ref = s.slice(close + 1, refClose);
            const key = normalizeLabel(ref === '' ? label : ref);
            const hit = refs.get(key);
            if (hit !== undefined) {
              dest = hit;
              end = refClose + 1;
            }
          }
        }
        if (dest === null) {
          const hit = refs.get(normalizeLabel(label));
          if (hit !== undefined) dest = hit;
        }
        if (dest !== null) {
          const inner = parseInline(label, refs, base + open + 1);
          if (isImage) {
            images.push({ src: dest, alt: inner.text, offset: base + i });
            // An image contributes no prose.
          } else {
            // An image-only link: its alt is the anchor text (what a search engine reads), not prose.
            const anchor =
              inner.text !== ''
                ? inner.text
                : inner.images
                    .map((im) => im.alt ?? '')
                    .join(' ')
                    .trim();
            links.push({ href: dest, text: anchor, offset: base + i });
            links.push(...inner.links);
            images.push(...inner.images);
            pushProtected(inner.text);
          }
          i = end;
          continue;
        }
      }
      pushLit(c);
      i++;
      continue;
    }
    if (c === '<') {
      const auto = /^<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/.exec(s.slice(i));
      if (auto !== null) {
        const href = auto[1] as string;
        links.push({ href, text: href, offset: base + i });
        pushProtected(href);
        i += auto[0].length;
        continue;
      }
      const mail =
        /^<([a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*)>/.exec(
          s.slice(i),
        );
      if (mail !== null) {
        links.push({ href: `mailto:${mail[1]}`, text: mail[1] as string, offset: base + i });
        pushProtected(mail[1] as string);
        i += mail[0].length;
        continue;
      }
      const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]*)?\/?>/.exec(s.slice(i));
      if (tag !== null) {
        const name = (tag[2] as string).toLowerCase();
        if (name === 'a' && tag[1] === '') {
          const closeAt = s.toLowerCase().indexOf('</a>', i + tag[0].length);
          const attrs = htmlAttrs(tag[0]);
          if (closeAt > 0 && attrs.href !== undefined) {
            const inner = parseInline(s.slice(i + tag[0].length, closeAt), refs, base + i + tag[0].length);
            const anchor =
              inner.text !== ''
                ? inner.text
                : inner.images
                    .map((im) => im.alt ?? '')
                    .join(' ')
                    .trim();
            links.push({ href: attrs.href, text: anchor, offset: base + i });
            links.push(...inner.links);
            images.push(...inner.images);
            pushProtected(inner.text);
            i = closeAt + 4;
            continue;
          }
        }
        if (name === 'img') {
          const attrs = htmlAttrs(tag[0]);
          images.push({ src: attrs.src ?? '', alt: attrs.alt ?? null, offset: base + i });
        } else if (name === 'br') pushLit('\u2028');
        i += tag[0].length;
        continue;
      }
      pushLit(c);
      i++;
      continue;
    }
    if ((c === 'h' || c === 'w') && (i === 0 || /[\s*_~(]/.test(s[i - 1] as string))) {
      const m = /^(?:https?:\/\/|www\.)[^\s<]+/i.exec(s.slice(i));
      if (m !== null) {
        const raw = trimAutolink(m[0]);
        if (/^(?:https?:\/\/|www\.)[^\s.]+\.[^\s]/i.test(raw) || /^https?:\/\/[^\s/]+/i.test(raw)) {
          const href = raw.toLowerCase().startsWith('www.') ? `http://${raw}` : raw;
          links.push({ href, text: raw, offset: base + i });
          pushProtected(raw);
          i += raw.length;
          continue;
        }
      }
    }
    if (c === '\n') {
      // Two trailing spaces make a hard break (kept as a line break); otherwise a soft break is a space.
      pushLit(/ {2,}$/.test(lit) ? '\u2028' : ' ');
      i++;
      continue;
    }
    pushLit(c);
    i++;
  }
  const text = decodeEntities(stripEmphasis(lit))
    .replace(/\uE000(\d+)\uE001/g, (_, n: string) => protectedTexts[Number(n)] ?? '')
    .split('\u2028')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
  return { text, links, images };
}
