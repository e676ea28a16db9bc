/**
 * Bytes → text, the way a browser would decode them (reliability.md R6; html5lib encoding tests, C8).
 *
 * Order for HTML (HTML §13.2.3.2 "Determining the character encoding"):
 *   1. BOM (UTF-8, UTF-16BE, UTF-16LE) — wins over everything, as in WHATWG Encoding "decode".
 *   2. HTTP `Content-Type` charset (the transport-layer encoding), when it names a known encoding.
 *   3. Prescan of the first 1024 bytes for `<meta charset>` / `<meta http-equiv=content-type>`.
 *   4. A `<meta charset>` found later in the document — what the tree builder's "change the
 *      encoding" step would do while parsing (the html5lib tests expect it, e.g. after a 4 KiB comment).
 *   5. Autodetection — the spec allows "frequency analysis or other algorithms" here. Our choice:
 *      if the bytes contain non-ASCII and are valid UTF-8, decode as UTF-8. UTF-8 is what ~98% of
 *      the web uses and a legacy 8-bit page is very unlikely to be valid multi-byte UTF-8 by chance;
 *      Chromium's detector makes the same call.
 *   6. Default `windows-1252` (the spec's default for the en locale; also what `latin1`/`iso-8859-1`
 *      labels map to). A pure-ASCII document is reported as windows-1252 — its text is identical in
 *      either encoding, and that is what html5lib expects.
 * XML (text/xml, application/xml, *+xml): BOM, HTTP charset, `<?xml encoding=…?>`, else UTF-8
 * (XML 1.0 §4.3.3). Other text (text/plain, JSON, robots.txt…): BOM, HTTP charset, else UTF-8
 * (RFC 8259 §8.1; RFC 9309 §2.2 says robots.txt is UTF-8).
 * Invalid byte sequences become U+FFFD (WHATWG "decode" with error mode replacement); never a throw.
 */
import { decodeWith, getEncoding } from './encoding-label.js';
import { PRESCAN_LIMIT_BYTES, prescanHtmlEncoding } from './prescan-html-encoding.js';

export type EncodingSource = 'bom' | 'http' | 'meta' | 'late-meta' | 'xml-declaration' | 'utf8-detected' | 'default';

export interface DecodedBody {
  text: string;
  /** Canonical WHATWG encoding name, lower case: 'utf-8', 'windows-1252', 'iso-8859-2', 'euc-jp'… */
  encoding: string;
  /** Which rule decided the encoding (for evidence and debugging). */
  source: EncodingSource;
}

export interface EncodingDecision {
  encoding: string;
  source: EncodingSource;
}

export interface ParsedContentType {
  /** Lower-case `type/subtype`, or null when absent/unparseable. */
  mimeType: string | null;
  /** The raw `charset` parameter value (unquoted), or null. */
  charset: string | null;
}

/** Parses a Content-Type header value (RFC 9110 §8.3.1): media type and the charset parameter. */
export function parseContentType(value: string | null | undefined): ParsedContentType {
  if (value === null || value === undefined) return { mimeType: null, charset: null };
  const [typePart = '', ...params] = value.split(';');
  const mime = typePart.trim().toLowerCase();
  const mimeType = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/.test(mime) ? mime : null;
  let charset: string | null = null;
  for (const param of params) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    if (param.slice(0, eq).trim().toLowerCase() !== 'charset') continue;
    let v = param.slice(eq + 1).trim();
    if (v.startsWith('"')) {
      const close = v.indexOf('"', 1);
      v = close === -1 ? v.slice(1) : v.slice(1, close);
    }
    if (v !== '') {
      charset = v;
      break;
    }
  }
  return { mimeType, charset };
}

type BodyKind = 'html' | 'xml' | 'text';

function bodyKind(mimeType: string | null): BodyKind {
  if (mimeType === null) return 'html';
  if (mimeType === 'text/html') return 'html';
  if (mimeType === 'text/xml' || mimeType === 'application/xml' || mimeType.endsWith('+xml')) return 'xml';
  if (
    mimeType.startsWith('text/') ||
    mimeType === 'application/json' ||
    mimeType.endsWith('+json') ||
    mimeType === 'application/javascript'
  )
    return 'text';
  // Unknown or binary types (application/octet-stream, saved files…): sniff like HTML, which is what
  // an audited page almost always is.
  return 'html';
}

/** BOM sniffing (WHATWG Encoding §6 "BOM sniff"). */
export function sniffBom(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

function xmlDeclarationEncoding(bytes: Uint8Array): string | null {
  const head = String.fromCharCode(...bytes.subarray(0, Math.min(bytes.length, PRESCAN_LIMIT_BYTES)));
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(head);
  const label = m?.[1] ?? m?.[2];
  return label === undefined ? null : getEncoding(label);
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if ((bytes[i] ?? 0) >= 0x80) return false;
  return true;
}

/** Decides the encoding without decoding the whole body (except the UTF-8 validity check). */
export function sniffEncoding(bytes: Uint8Array, contentType: string | null): EncodingDecision {
  const bom = sniffBom(bytes);
  if (bom !== null) return { encoding: bom.encoding, source: 'bom' };
  const { mimeType, charset } = parseContentType(contentType);
  const kind = bodyKind(mimeType);
  const httpEncoding = charset === null ? null : getEncoding(charset);
  if (httpEncoding !== null)
    return { encoding: httpEncoding === 'x-user-defined' && kind !== 'html' ? 'windows-1252' : httpEncoding, source: 'http' };
  if (kind === 'xml') {
    const declared = xmlDeclarationEncoding(bytes);
    return declared === null ? { encoding: 'utf-8', source: 'default' } : { encoding: declared, source: 'xml-declaration' };
  }
  if (kind === 'text') return { encoding: 'utf-8', source: 'default' };
  const meta = prescanHtmlEncoding(bytes, { limit: PRESCAN_LIMIT_BYTES });
  if (meta !== null) return { encoding: meta, source: 'meta' };
  if (bytes.length > PRESCAN_LIMIT_BYTES) {
    const late = prescanHtmlEncoding(bytes, { limit: bytes.length, skipRawText: true });
    if (late !== null) return { encoding: late, source: 'late-meta' };
  }
  if (!isAscii(bytes) && isValidUtf8(bytes)) return { encoding: 'utf-8', source: 'utf8-detected' };
  return { encoding: 'windows-1252', source: 'default' };
}

/**
 * True when the bytes are valid UTF-8, allowing an incomplete sequence at the very end (a body cut
 * at the byte cap may end mid-character).
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a fetched or saved body. Never throws on bad bytes (U+FFFD replacement). */
export function decodeBody(bytes: Uint8Array, contentType: string | null): DecodedBody {
  const decision = sniffEncoding(bytes, contentType);
  return { text: decodeWith(decision.encoding, bytes), encoding: decision.encoding, source: decision.source };
}

/** Bytes looked at, as git's binary check (xdiff `buffer_is_binary`, FIRST_FEW_BYTES 8000). */
const BINARY_CHECK_BYTES = 8000;

/**
 * Whether bytes are binary data rather than a text page: a zero byte in the first 8000, as git
 * decides (stricter rules such as MIME Sniffing's "binary data bytes" would also refuse real pages
 * with a stray control character). A UTF-16 or UTF-8 BOM means text (UTF-16 is full of zero bytes).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (sniffBom(bytes) !== null) return false;
  const n = Math.min(bytes.length, BINARY_CHECK_BYTES);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
