import { describe, expect, it } from 'vitest';
import {
  COPY_RESEMBLANCE,
  decodeSignature,
  encodeSignature,
  estimatedResemblance,
  findCopyOf,
  minhashSignature,
  SIGNATURE_SIZE,
  shingleWords,
} from './near-duplicate.js';

const PAGE = [
  'Home composting turns kitchen scraps and garden waste into dark crumbly soil in a few months.',
  'Start with a bin in a sunny corner, add two parts brown material such as dry leaves and cardboard',
  'for every part of green material such as vegetable peelings and grass clippings.',
  'Turn the heap every two weeks so air reaches the middle, keep it as moist as a wrung-out sponge,',
  'and never add meat, dairy or oily food because they attract rats and smell.',
  'After three to six months the bottom of the bin holds finished compost ready for the beds.',
  'Sieve it, spread a thin layer on the soil in spring and let the worms do the rest of the work.',
].join(' ');

const COPY = `I wrote this first on my own blog. ${PAGE} Thanks for reading, and tell me how your heap is doing.`;

const OTHER = [
  'Balcony tomatoes need a deep pot, six hours of sun and a steady supply of water through the summer.',
  'Pick a compact variety, pinch out the side shoots and feed every week once the first truss sets fruit.',
  'A saucer under the pot keeps the floor dry while the roots drink what runs through the compost.',
].join(' ');

describe('minhash near-duplicates', () => {
  it('tokenises words without punctuation and keeps inner apostrophes', () => {
    expect(shingleWords("Don't mulch, it's (probably) fine — 2 times!")).toEqual(["don't", 'mulch', "it's", 'probably', 'fine', '2', 'times']);
  });

  it('gives no signature to a text shorter than one shingle', () => {
    expect(minhashSignature('four words only here')).toBeNull();
    expect(minhashSignature('five words are enough here')).toHaveLength(SIGNATURE_SIZE);
  });

  it('scores a lightly edited copy above the copy threshold and an unrelated text near zero', () => {
    const page = minhashSignature(PAGE);
    const copy = minhashSignature(COPY);
    const other = minhashSignature(OTHER);
    if (page === null || copy === null || other === null) throw new Error('signatures expected');
    expect(estimatedResemblance(page, page)).toBe(1);
    expect(estimatedResemblance(page, copy)).toBeGreaterThanOrEqual(COPY_RESEMBLANCE);
    expect(estimatedResemblance(page, other)).toBeLessThan(0.1);
  });

  it('is case- and punctuation-insensitive, and deterministic across calls', () => {
    const a = minhashSignature(PAGE);
    const b = minhashSignature(PAGE.toUpperCase().replace(/,/g, ' ; '));
    expect(a).toEqual(b);
    expect(minhashSignature(PAGE)).toEqual(a);
  });

  it('round-trips through the stored text form and rejects malformed text', () => {
    const sig = minhashSignature(PAGE);
    if (sig === null) throw new Error('signature expected');
    const text = encodeSignature(sig);
    expect(decodeSignature(text)).toEqual(sig);
    expect(decodeSignature(null)).toBeNull();
    expect(decodeSignature('1.2.3')).toBeNull();
    expect(decodeSignature(Array(SIGNATURE_SIZE).fill('zz').join('.'))).toBeNull();
  });

  it('finds the most resembling candidate at or above the threshold', () => {
    const page = minhashSignature(PAGE);
    const other = minhashSignature(OTHER);
    const copy = minhashSignature(COPY);
    if (page === null || other === null || copy === null) throw new Error('signatures expected');
    const candidates = [
      { item: 'https://example.com/tomatoes', signature: other },
      { item: 'https://example.com/composting', signature: page },
    ];
    expect(findCopyOf(copy, candidates)?.item).toBe('https://example.com/composting');
    expect(findCopyOf(copy, [candidates[0] as (typeof candidates)[0]])).toBeNull();
  });
});
