import { describe, expect, it } from 'vitest';
import { hashSeed, mulberry32, seededRandom } from './seeded-random.js';

describe('mulberry32', () => {
  it('matches the reference algorithm (values from an independent uint32 implementation in Python)', () => {
    const one = mulberry32(1);
    expect([one(), one(), one()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
    const answer = mulberry32(42);
    expect([answer(), answer(), answer()]).toEqual([0.6011037519201636, 0.44829055899754167, 0.8524657934904099]);
  });

  it('stays in [0, 1) and is roughly uniform', () => {
    const r = mulberry32(123456789);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = r();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[Math.floor(x * 10)] = (buckets[Math.floor(x * 10)] ?? 0) + 1;
    }
    for (const b of buckets) expect(Math.abs(b - 10_000)).toBeLessThan(500);
  });
});

describe('hashSeed / seededRandom', () => {
  it('is deterministic and separates similar seeds', () => {
    expect(hashSeed('user', 'p1', '2025-03-04')).toBe(hashSeed('user', 'p1', '2025-03-04'));
    const hashes = new Set(['p1', 'p2', 'p3', 'p10', 'p11', '1p'].map((p) => hashSeed('user', p)));
    expect(hashes.size).toBe(6);
    // Parts are separated, so ("ab", "c") and ("a", "bc") differ.
    expect(hashSeed('ab', 'c')).not.toBe(hashSeed('a', 'bc'));
    expect(seededRandom('s', 1)()).toBe(seededRandom('s', '1')());
    expect(seededRandom('s', 'x')()).not.toBe(seededRandom('s', 'y')());
  });
});
