/**
 * An open-addressing hash index of 1–3-grams of stem ids (a, b, c; b = c = 0 for shorter grams; stem ids
 * start at 1). Entries get dense ids in insertion order, so callers keep per-gram data in plain arrays.
 *
 * Why not a `Map`: a corpus has tens of thousands of stems, so a gram packed into one number
 * (a + B·b + B²·c) exceeds V8's small-integer range and every key becomes a heap number; a 2,000-story
 * corpus makes about 9 million such lookups, and the garbage they leave showed up as a large share of the
 * run time in profiles. This index hashes the three ints directly and allocates nothing per lookup.
 */
export class GramIndex {
  /** Entry id + 1 per slot; 0 = empty. Length is a power of two, kept at most half full. */
  private slots: Int32Array;
  private mask: number;
  readonly a: number[] = [];
  readonly b: number[] = [];
  readonly c: number[] = [];

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.a.length;
  }

  /** Entry id of the gram, or -1. */
  find(a: number, b: number, c: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = hash(a, b, c) & mask;
    for (;;) {
      const e = slots[i] as number;
      if (e === 0) return -1;
      const k = e - 1;
      if (this.a[k] === a && this.b[k] === b && this.c[k] === c) return k;
      i = (i + 1) & mask;
    }
  }

  /** Entry id of the gram, adding it when absent. */
  add(a: number, b: number, c: number): number {
    if ((this.a.length + 1) * 2 > this.slots.length) this.grow();
    const slots = this.slots;
    const mask = this.mask;
    let i = hash(a, b, c) & mask;
    for (;;) {
      const e = slots[i] as number;
      if (e === 0) {
        const k = this.a.length;
        this.a.push(a);
        this.b.push(b);
        this.c.push(c);
        slots[i] = k + 1;
        return k;
      }
      const k = e - 1;
      if (this.a[k] === a && this.b[k] === b && this.c[k] === c) return k;
      i = (i + 1) & mask;
    }
  }

  /** Remove every entry (keeps the allocated slots). */
  clear(): void {
    this.slots.fill(0);
    this.a.length = 0;
    this.b.length = 0;
    this.c.length = 0;
  }

  /** Words in an entry's gram (1–3). */
  words(k: number): number {
    return (this.c[k] as number) > 0 ? 3 : (this.b[k] as number) > 0 ? 2 : 1;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let k = 0; k < this.a.length; k++) {
      let i = hash(this.a[k] as number, this.b[k] as number, this.c[k] as number) & mask;
      while (slots[i] !== 0) i = (i + 1) & mask;
      slots[i] = k + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** 32-bit mix of three ints (multiply-xorshift, constants from MurmurHash3's finaliser and the golden ratio). */
function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77) ^ Math.imul(c + 0x165667b1, 0xc2b2ae3d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}
