/**
 * HTML "prescan a byte stream to determine its encoding"
 * (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding),
 * implemented byte for byte, plus a "late" mode that stands in for the tree builder's
 * "change the encoding" step (§13.2.3.4) for a `<meta charset>` found after the first 1024 bytes.
 */
import { getEncoding } from './encoding-label.js';

/** The spec lets user agents prescan "the first 1024 bytes"; all major browsers use exactly 1024. */
export const PRESCAN_LIMIT_BYTES = 1024;

const TAB = 0x09;
const LF = 0x0a;
const FF = 0x0c;
const CR = 0x0d;
const SPACE = 0x20;
const SLASH = 0x2f;
const GT = 0x3e;
const LT = 0x3c;
const EQ = 0x3d;
const BANG = 0x21;
const QMARK = 0x3f;
const DASH = 0x2d;
const DQUOTE = 0x22;
const SQUOTE = 0x27;

function isWs(b: number | undefined): boolean {
  return b === TAB || b === LF || b === FF || b === CR || b === SPACE;
}
function isAlpha(b: number | undefined): boolean {
  return b !== undefined && ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a));
}
function lower(b: number): number {
  return b >= 0x41 && b <= 0x5a ? b + 0x20 : b;
}

interface Attribute {
  name: string;
  value: string;
}

/** State shared by the byte scanner: the buffer, the scan limit and the current position. */
class Scanner {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly end: number,
  ) {}
  at(i = this.pos): number | undefined {
    return i < this.end ? this.bytes[i] : undefined;
  }
  startsWithCi(ascii: string, at = this.pos): boolean {
    if (at + ascii.length > this.end) return false;
    for (let i = 0; i < ascii.length; i++) {
      if (lower(this.bytes[at + i] ?? 0) !== ascii.charCodeAt(i)) return false;
    }
    return true;
  }
  /** Index of the first occurrence of `byte` at or after `from`, or -1. */
  indexOf(byte: number, from: number): number {
    for (let i = from; i < this.end; i++) if (this.bytes[i] === byte) return i;
    return -1;
  }

  /** "Get an attribute" (spec steps 1–12). Returns null when there is none or the input ran out. */
  getAttribute(): Attribute | null {
    while (isWs(this.at()) || this.at() === SLASH) this.pos++;
    let b = this.at();
    if (b === undefined || b === GT) return null;
    let name = '';
    const value = '';
    // Steps 4–5: attribute name.
    for (;;) {
      b = this.at();
      if (b === undefined) return null;
      if (b === EQ && name !== '') {
        this.pos++;
        return this.attributeValue(name);
      }
      if (isWs(b)) break;
      if (b === SLASH || b === GT) return { name, value };
      name += String.fromCharCode(lower(b));
      this.pos++;
    }
    // Step 6: spaces.
    while (isWs(this.at())) this.pos++;
    if (this.at() === undefined) return null;
    // Step 7: not "=" → attribute with empty value, position stays.
    if (this.at() !== EQ) return { name, value };
    this.pos++;
    return this.attributeValue(name);
  }

  private attributeValue(name: string): Attribute | null {
    let value = '';
    while (isWs(this.at())) this.pos++;
    let b = this.at();
    if (b === undefined) return null;
    if (b === DQUOTE || b === SQUOTE) {
      const quote = b;
      for (;;) {
        this.pos++;
        const c = this.at();
        if (c === undefined) return null;
        if (c === quote) {
          this.pos++;
          return { name, value };
        }
        value += String.fromCharCode(lower(c));
      }
    }
    if (b === GT) return { name, value };
    value += String.fromCharCode(lower(b));
    this.pos++;
    for (;;) {
      b = this.at();
      if (b === undefined) return null;
      if (isWs(b) || b === GT) return { name, value };
      value += String.fromCharCode(lower(b));
      this.pos++;
    }
  }
}

/**
 * "Extract a character encoding from a meta element" (HTML §2.5.x, used for `content=`): the label
 * after `charset=` (quoted or up to whitespace/semicolon), or null.
 */
export function extractEncodingFromMetaContent(content: string): string | null {
  let pos = 0;
  const s = content;
  const lowerS = s.toLowerCase();
  for (;;) {
    const found = lowerS.indexOf('charset', pos);
    if (found === -1) return null;
    pos = found + 7;
    while (pos < s.length && /[\t\n\f\r ]/.test(s[pos] ?? '')) pos++;
    if (s[pos] !== '=') continue; // "jump back to the step labeled loop" from just before this char
    pos++;
    while (pos < s.length && /[\t\n\f\r ]/.test(s[pos] ?? '')) pos++;
    const c = s[pos];
    if (c === undefined) return null;
    if (c === '"' || c === "'") {
      const close = s.indexOf(c, pos + 1);
      return close === -1 ? null : s.slice(pos + 1, close);
    }
    let end = pos;
    while (end < s.length && !/[\t\n\f\r ;]/.test(s[end] ?? '')) end++;
    return s.slice(pos, end);
  }
}

/** Elements whose content the HTML tokenizer reads as raw text / RCDATA (no tags inside). */
const RAW_TEXT_ELEMENTS = ['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes'];

export interface PrescanOptions {
  /** Bytes to scan (default 1024, the spec's prescan window). */
  limit?: number;
  /**
   * Skip the content of raw-text elements (script, style, textarea, title…) the way the tokenizer
   * does. The real prescan does not (a `<meta>` inside `<script>` in the first 1024 bytes counts);
   * the late scan does, because after the prescan window only the tokenizer sees metas.
   */
  skipRawText?: boolean;
}

/**
 * Runs the prescan and returns the encoding name (already mapped: UTF-16 → UTF-8,
 * x-user-defined → windows-1252, as the spec says), or null when none was declared.
 */
export function prescanHtmlEncoding(bytes: Uint8Array, options: PrescanOptions = {}): string | null {
  const limit = Math.min(bytes.length, options.limit ?? PRESCAN_LIMIT_BYTES);
  const sc = new Scanner(bytes, limit);
  while (sc.pos < limit) {
    const b = sc.at();
    if (b === LT && sc.at(sc.pos + 1) === BANG && sc.at(sc.pos + 2) === DASH && sc.at(sc.pos + 3) === DASH) {
      // Comment: advance to the first ">" preceded by "--" (the dashes of "<!--" may count).
      let i = sc.pos + 2;
      let found = -1;
      while (i < limit) {
        const gt = sc.indexOf(GT, i);
        if (gt === -1) break;
        if (gt - 2 >= sc.pos + 2 && bytes[gt - 1] === DASH && bytes[gt - 2] === DASH) {
          found = gt;
          break;
        }
        i = gt + 1;
      }
      if (found === -1) return null;
      sc.pos = found + 1;
      continue;
    }
    if (b === LT && sc.startsWithCi('meta', sc.pos + 1) && (isWs(sc.at(sc.pos + 5)) || sc.at(sc.pos + 5) === SLASH)) {
      sc.pos += 5;
      const result = processMeta(sc);
      if (result === 'eof') return null;
      if (result !== null) return result;
      sc.pos++;
      continue;
    }
    if (b === LT && (isAlpha(sc.at(sc.pos + 1)) || (sc.at(sc.pos + 1) === SLASH && isAlpha(sc.at(sc.pos + 2))))) {
      const isEnd = sc.at(sc.pos + 1) === SLASH;
      const nameStart = sc.pos + (isEnd ? 2 : 1);
      let i = nameStart;
      while (i < limit) {
        const c = bytes[i];
        if (isWs(c) || c === GT) break;
        i++;
      }
      if (i >= limit) return null;
      let tagName = '';
      for (let j = nameStart; j < i; j++) tagName += String.fromCharCode(lower(bytes[j] ?? 0));
      sc.pos = i;
      // Skip the attributes; running out of input ends the prescan.
      for (;;) {
        if (sc.getAttribute() !== null) continue;
        if (sc.at() === undefined) return null;
        break;
      }
      if (options.skipRawText === true && !isEnd && RAW_TEXT_ELEMENTS.includes(tagName)) {
        const close = findCloseTag(sc, tagName, sc.pos);
        if (close === -1) return null;
        sc.pos = close;
        continue;
      }
      sc.pos++;
      continue;
    }
    if (b === LT && (sc.at(sc.pos + 1) === BANG || sc.at(sc.pos + 1) === SLASH || sc.at(sc.pos + 1) === QMARK)) {
      const gt = sc.indexOf(GT, sc.pos + 1);
      if (gt === -1) return null;
      sc.pos = gt + 1;
      continue;
    }
    sc.pos++;
  }
  return null;
}

/** Position of `</name` (followed by whitespace, "/" or ">") at or after `from`, or -1. */
function findCloseTag(sc: Scanner, name: string, from: number): number {
  for (let i = sc.indexOf(LT, from); i !== -1; i = sc.indexOf(LT, i + 1)) {
    if (sc.at(i + 1) === SLASH && sc.startsWithCi(name, i + 2)) {
      const after = sc.at(i + 2 + name.length);
      if (after === undefined || isWs(after) || after === SLASH || after === GT) return i;
    }
  }
  return -1;
}

/** Steps after "<meta": attributes → the declared encoding, null to continue, 'eof' when input ran out. */
function processMeta(sc: Scanner): string | null | 'eof' {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  let charsetFailed = false;
  for (;;) {
    const attr = sc.getAttribute();
    if (attr === null) {
      if (sc.at() === undefined) return 'eof';
      break;
    }
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv') {
      if (attr.value === 'content-type') gotPragma = true;
    } else if (attr.name === 'content') {
      if (charset === null && !charsetFailed) {
        const label = extractEncodingFromMetaContent(attr.value);
        const enc = label === null ? null : getEncoding(label);
        if (enc !== null) {
          charset = enc;
          needPragma = true;
        }
      }
    } else if (attr.name === 'charset') {
      const enc = getEncoding(attr.value);
      charset = enc;
      charsetFailed = enc === null;
      needPragma = false;
    }
  }
  if (needPragma === null) return null;
  if (needPragma && !gotPragma) return null;
  if (charset === null) return null;
  if (charset === 'utf-16be' || charset === 'utf-16le') return 'utf-8';
  if (charset === 'x-user-defined') return 'windows-1252';
  return charset;
}
