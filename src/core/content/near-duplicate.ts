/**
 * Near-duplicate detection for "is this Medium story a copy of one of my pages?" (the canonical check,
 * DESIGN §4 `content_items`): MinHash signatures of word shingles, compared by estimated Jaccard resemblance.
 *
 * - Shingles: 5 consecutive lower-cased words (w-shingling, Broder 1997 "On the resemblance and containment
 *   of documents"; 5 words is the stack note's tested setting: J(base, near-copy) 0.84, unrelated 0.00).
 * - Signature: 64 hash functions h_i(x) = (a_i·x + b_i) mod p over a 32-bit FNV-1a hash of the shingle
 *   (Broder's min-wise permutations, approximated by universal hashing, p = 2^31 − 1). 64 values give a
 *   standard error of about 1/√64 ≈ 0.06 on the estimate, plenty to tell a copy (≥ 0.5) from a different
 *   text (≈ 0).
 * - Copy threshold 0.5: Broder et al. 1997 ("Syntactic clustering of the web") cluster documents at
 *   resemblance ≥ 0.5; a story pasted from a page with a new intro and outro stays well above it.
 *
 * Written by hand: the npm MinHash packages are unmaintained CommonJS (stack note §3 recommends ~40 lines
 * of our own), and the signatures must be stable across versions because they are stored.
 */

export const SHINGLE_WORDS = 5;
export const SIGNATURE_SIZE = 64;
/** Estimated resemblance at or above which a text counts as a copy (Broder et al. 1997). */
export const COPY_RESEMBLANCE = 0.5;

const PRIME = 2147483647; // 2^31 − 1, a Mersenne prime: (a·x + b) mod p stays exact in doubles for x < 2^32.

/** Fixed coefficients (a deterministic LCG), so stored signatures compare across runs and machines. */
const COEFFICIENTS: readonly (readonly [number, number])[] = (() => {
  const out: [number, number][] = [];
  let state = 0x2545f491;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state;
  };
  for (let i = 0; i < SIGNATURE_SIZE; i++) out.push([(next() % (PRIME - 1)) + 1, next() % PRIME]);
  return out;
})();

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** (a·x + b) mod p without leaving exact double range: split x into 16-bit halves. */
function permute(x: number, a: number, b: number): number {
  const hi = Math.floor(x / 65536);
  const lo = x % 65536;
  return (((((a * hi) % PRIME) * 65536) % PRIME) + ((a * lo) % PRIME) + b) % PRIME;
}

/** Lower-cased word tokens (letters, digits, apostrophes inside words), punctuation dropped. */
export function shingleWords(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/**
 * The MinHash signature of a text, or null when it has fewer words than one shingle (nothing to compare).
 * A text of 5–9 words still gets a signature from its few shingles.
 */
export function minhashSignature(text: string): number[] | null {
  const words = shingleWords(text);
  if (words.length < SHINGLE_WORDS) return null;
  const signature = new Array<number>(SIGNATURE_SIZE).fill(Number.POSITIVE_INFINITY);
  const seen = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    const h = fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' '));
    if (seen.has(h)) continue;
    seen.add(h);
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const [a, b] = COEFFICIENTS[k] as readonly [number, number];
      const v = permute(h, a, b);
      if (v < (signature[k] as number)) signature[k] = v;
    }
  }
  return signature;
}

/** Estimated Jaccard resemblance (share of equal signature slots), 0–1. Signatures must have equal length. */
export function estimatedResemblance(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Text form for storage: hex values joined by '.', stable and compact (~500 characters). */
export function encodeSignature(signature: readonly number[]): string {
  return signature.map((v) => v.toString(16)).join('.');
}

/** Inverse of encodeSignature; null for anything that is not a signature of the expected size. */
export function decodeSignature(text: string | null): number[] | null {
  if (text === null || text === '') return null;
  const parts = text.split('.');
  if (parts.length !== SIGNATURE_SIZE) return null;
  const out = parts.map((p) => Number.parseInt(p, 16));
  return out.every((v) => Number.isFinite(v) && v >= 0) ? out : null;
}

export interface CopyCandidate<T> {
  item: T;
  signature: readonly number[];
}

/** The candidate most resembling `signature` at or above `threshold` (default COPY_RESEMBLANCE), or null. */
export function findCopyOf<T>(
  signature: readonly number[],
  candidates: readonly CopyCandidate<T>[],
  threshold = COPY_RESEMBLANCE,
): { item: T; resemblance: number } | null {
  let best: { item: T; resemblance: number } | null = null;
  for (const c of candidates) {
    const r = estimatedResemblance(signature, c.signature);
    if (r >= threshold && (best === null || r > best.resemblance)) best = { item: c.item, resemblance: r };
  }
  return best;
}
