/**
 * A tiny seeded PRNG for the agenda's jitter.
 *
 * Why not `Math.random`: it cannot be seeded, so the same day's agenda would change on every run (confusing, and
 * untestable). Why mulberry32 (Tommy Ettinger, 2017; reference C in his public gist, the JS form popularised by
 * bryc/code "PRNGs.md"): a 32-bit Weyl counter with a murmur3-style output mix, a few lines of integer-only
 * operations (`Math.imul`, shifts), so it gives the same sequence on every JS engine. Its known limits (period
 * 2^32, not equidistributed) do not matter for spreading a few dozen suggested times over a day; a larger
 * generator (sfc32, xoshiro128**) would add state and code for no visible gain. Not cryptographic: never use it
 * for secrets.
 *
 * Seeds are strings (a user seed, a prospect id, a date), folded into 32 bits with FNV-1a and a murmur3-style
 * finaliser so that similar strings ("p1", "p2") give unrelated streams.
 */

/** mulberry32: returns a function giving floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a (32-bit) over the UTF-16 code units of the parts joined by U+001F, then murmur3's fmix32 finaliser. */
export function hashSeed(...parts: readonly (string | number)[]): number {
  let h = 0x811c9dc5;
  const text = parts.map(String).join('\u001f');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A PRNG seeded from string parts: `seededRandom(userSeed, prospectId, '2025-03-04')`. */
export function seededRandom(...parts: readonly (string | number)[]): () => number {
  return mulberry32(hashSeed(...parts));
}
