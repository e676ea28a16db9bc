import { describe, expect, it } from 'vitest';
import { findTransition, TRANSITION_PHRASES } from './transition-words.js';

const words = (s: string) => s.toLowerCase().split(/\s+/);

describe('findTransition', () => {
  it('finds single words and multi-word phrases', () => {
    expect(findTransition(words('however the plan failed'))).toBe('however');
    expect(findTransition(words('the plan failed for example in march'))).toBe('for example');
    expect(findTransition(words('in conclusion it works'))).toBe('in conclusion');
    expect(findTransition(words('it rained as a result we stayed'))).toBe('as a result');
  });

  it('needs the whole phrase in order', () => {
    expect(findTransition(words('an example for the reader'))).toBeNull();
    expect(findTransition(words('in the conclusion of the book'))).toBeNull();
  });

  it('does not count plain "and"/"or"', () => {
    expect(findTransition(words('cats and dogs or birds'))).toBeNull();
  });

  it('has no duplicate entries', () => {
    const keys = TRANSITION_PHRASES.map((p) => p.join(' '));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(100);
  });
});
