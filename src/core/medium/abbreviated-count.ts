/**
 * Medium's rendered counts are abbreviated ("1.2K claps", "34K Followers", "1.1M"). These helpers exist only for
 * the DOM fallback: when the embedded state carries the number, the state wins (notes §2.3 "prefer the state").
 */

const SUFFIX: Record<string, number> = { k: 1_000, m: 1_000_000, b: 1_000_000_000 };

/**
 * "1.2K" → 1200, "34K Followers" → 34000, "506 Followers" → 506, "1,234" → 1234, "--" → null.
 * The result of an abbreviated value is a rounded figure (1.2K may be 1,150–1,249): callers must treat it as
 * approximate. Only the leading number of the string is read.
 */
export function parseAbbreviatedCount(text: string): number | null {
  const m = /^\s*(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*([kmb])?(?![a-z])/i.exec(text.replace(/\u00a0/g, ' '));
  if (m?.[1] === undefined) return null;
  const base = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(base)) return null;
  const mult = m[2] === undefined ? 1 : (SUFFIX[m[2].toLowerCase()] ?? 1);
  return Math.round(base * mult);
}

/** True when the text uses a K/M/B suffix, i.e. the number parsed from it is rounded. */
export function isAbbreviatedCount(text: string): boolean {
  return /^\s*\d+(?:\.\d+)?\s*[kmb](?![a-z])/i.test(text);
}

/**
 * The inverse, for the synthetic pages: below 1,000 the exact number, then one decimal below 10 of the unit
 * ("1.2K", "3.4M") and none above ("12K", "340K"), the shapes seen on Medium pages (exact rounding rule unverified;
 * we floor so the text never overstates).
 */
export function formatAbbreviatedCount(value: number): string {
  const v = Math.max(0, Math.floor(value));
  if (v < 1_000) return String(v);
  const [div, suffix] = v < 1_000_000 ? [1_000, 'K'] : v < 1_000_000_000 ? [1_000_000, 'M'] : [1_000_000_000, 'B'];
  const scaled = v / div;
  const text = scaled < 10 ? (Math.floor(scaled * 10) / 10).toFixed(1).replace(/\.0$/, '') : String(Math.floor(scaled));
  return `${text}${suffix}`;
}
