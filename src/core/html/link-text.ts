/**
 * Small, pure helpers for link attributes and text.
 */
import { NON_FOLLOW_REL_TOKENS } from '../audit/audit-types.js';

/** Unicode whitespace runs (incl. NBSP, which pages use between words of anchor text) → one space; trimmed. */
export function collapseWhitespace(text: string): string {
  const n = text.length;
  if (n === 0) return '';
  // One pass: copy the non-space runs, joined by single spaces. Unicode spaces other than NBSP are
  // rare in anchor text; they take the regex path.
  let out = '';
  let runStart = -1;
  let pendingSpace = false;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const ws = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!ws && c >= 0x1680 && isUnicodeSpace(c)) return text.replace(/\s+/g, ' ').trim();
    if (ws) {
      if (runStart >= 0) {
        out += text.slice(runStart, i);
        runStart = -1;
        pendingSpace = true;
      } else changed = true;
      if (c !== 32 || (i + 1 < n && isAsciiOrNbspSpace(text.charCodeAt(i + 1)))) changed = true;
    } else if (runStart < 0) {
      if (pendingSpace && out !== '') out += ' ';
      pendingSpace = false;
      runStart = i;
    }
  }
  if (runStart === 0 && !changed) return text;
  if (runStart >= 0) out += text.slice(runStart);
  return out;
}

function isAsciiOrNbspSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160;
}

/** Characters other than ASCII/NBSP that JavaScript's \s matches. */
function isUnicodeSpace(c: number): boolean {
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * rel tokens: split on ASCII whitespace (HTML "unordered set of unique space-separated tokens",
 * §2.3.8, ASCII case-insensitive for rel per §4.6.6), lower-cased, first occurrence kept.
 */
export function relTokens(rel: string | null | undefined): string[] {
  if (rel === null || rel === undefined || rel === '') return [];
  // A hand-rolled split (this runs once per link): no regex engine call and no array of empty pieces.
  const out: string[] = [];
  const n = rel.length;
  let i = 0;
  for (;;) {
    while (i < n && isRelSeparator(rel.charCodeAt(i))) i++;
    if (i >= n) return out;
    const start = i;
    while (i < n && !isRelSeparator(rel.charCodeAt(i))) i++;
    const t = (start === 0 && i === n ? rel : rel.slice(start, i)).toLowerCase();
    if (!out.includes(t)) out.push(t);
  }
}

/** ASCII whitespace as HTML defines it for token lists (§2.3.8): tab, LF, FF, CR, space. */
function isRelSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

/**
 * A link passes endorsement unless rel carries nofollow, ugc or sponsored (Google Search Central,
 * "Qualify your outbound links to Google").
 */
export function isFollowed(rel: readonly string[]): boolean {
  for (const t of rel) if (NON_FOLLOW_REL_TOKENS.includes(t)) return false;
  return true;
}
