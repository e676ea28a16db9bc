/**
 * WHATWG Encoding "get an encoding" (https://encoding.spec.whatwg.org/#concept-encoding-get):
 * label → canonical encoding name, or null for an unknown label. The label table itself is the one
 * built into `TextDecoder` (Node 20 ships full ICU, so every WHATWG encoding except
 * `x-user-defined` decodes); we only add the trimming the spec asks for and the one special case.
 */

/** Canonical lower-case name for a label, or null when the label is unknown. */
export function getEncoding(label: string): string | null {
  // "Remove any leading and trailing ASCII whitespace from label" (TAB, LF, FF, CR, SPACE).
  const trimmed = label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase();
  if (trimmed === '') return null;
  if (trimmed === 'x-user-defined') return 'x-user-defined';
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}

/**
 * Decodes with replacement (U+FFFD for invalid bytes, WHATWG "decode" without fatal). The BOM of the
 * chosen encoding, if present, is consumed. `x-user-defined` (bytes 0x80–0xFF → U+F780–U+F7FF) is
 * implemented here because ICU lacks it.
 */
export function decodeWith(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'x-user-defined') {
    let out = '';
    const step = 8192;
    for (let i = 0; i < bytes.length; i += step) {
      const codes = Array.from(bytes.subarray(i, i + step), (b) => (b < 0x80 ? b : 0xf700 + b));
      out += String.fromCharCode(...codes);
    }
    return out;
  }
  const text = new TextDecoder(encoding, { fatal: false }).decode(bytes);
  if (encoding === 'windows-1252') return fixWindows1252(text);
  return text;
}

/**
 * WHATWG index-windows-1252 for bytes 0x80–0x9F (every other byte maps to the same code point).
 * Needed because Node 20.18.3+ decodes `windows-1252` through a Latin-1 fast path, turning
 * 0x80 into U+0080 instead of "€" (nodejs/node#56542, #60888; fixed only in later majors). After
 * that decoder, a C1 control character can only have come from one of these bytes, so mapping the
 * C1 range afterwards is exact — and a no-op on a Node whose decoder is already right.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f, 0x0090,
  0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}
