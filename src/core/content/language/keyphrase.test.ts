import { describe, expect, it } from 'vitest';
import { containsKeyphrase, countMatches, parseKeyphrase, parseSynonyms, shareOfWords, unitOf } from './keyphrase.js';

describe('parseKeyphrase', () => {
  it('drops function words and stems content words', () => {
    const k = parseKeyphrase('How to get Medium backlinks');
    expect(k?.content).toEqual(['medium', 'backlinks']);
    expect(k?.keys).toEqual(['medium', 'backlink']);
    expect(k?.exact).toBe(false);
    expect(k?.functionWordsOnly).toBe(false);
  });

  it('keeps every word of a quoted keyphrase for exact matching', () => {
    const k = parseKeyphrase('"how to write"');
    expect(k?.exact).toBe(true);
    expect(k?.keys).toEqual(['how', 'to', 'write']);
  });

  it('marks a keyphrase of function words only', () => {
    const k = parseKeyphrase('how to');
    expect(k?.functionWordsOnly).toBe(true);
    expect(k?.content).toEqual(['how', 'to']);
  });

  it('returns null for an empty keyphrase and splits synonym lists', () => {
    expect(parseKeyphrase('  ')).toBeNull();
    expect(parseSynonyms(['bike, bicycle', 'cycle']).map((s) => s.raw)).toEqual(['bike', 'bicycle', 'cycle']);
  });
});

describe('matching', () => {
  const k = parseKeyphrase('medium backlinks');
  if (k === null) throw new Error('no keyphrase');

  it('matches word forms in any order (per-word matching)', () => {
    expect(containsKeyphrase(k, unitOf('Backlinks from Medium stories are nofollow.'))).toBe(true);
    expect(containsKeyphrase(k, unitOf('A backlink on medium.'))).toBe(true);
    expect(containsKeyphrase(k, unitOf('Backlinks everywhere.'))).toBe(false);
  });

  it('counts the smallest number of occurrences of any content word', () => {
    expect(countMatches(k, unitOf('Medium backlinks and more Medium backlinks, medium.'))).toBe(2);
    expect(countMatches(k, unitOf('Medium medium medium backlink.'))).toBe(1);
  });

  it('matches a quoted keyphrase only as the exact sequence', () => {
    const exact = parseKeyphrase('"medium backlinks"');
    if (exact === null) throw new Error('no keyphrase');
    expect(countMatches(exact, unitOf('Medium backlinks help. Backlinks on Medium too.'))).toBe(1);
    expect(containsKeyphrase(exact, unitOf('medium backlink'))).toBe(false);
  });

  it('measures the share of keyphrase words present', () => {
    const long = parseKeyphrase('cheap red running shoes');
    if (long === null) throw new Error('no keyphrase');
    expect(shareOfWords(long, unitOf('Red shoes for the beach'))).toBe(0.5);
    expect(shareOfWords(long, unitOf('A running shoe'))).toBe(0.5);
    expect(shareOfWords(long, unitOf('Nothing here'))).toBe(0);
  });
});
