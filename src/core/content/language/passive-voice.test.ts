import { describe, expect, it } from 'vitest';
import { findPassive } from './passive-voice.js';
import { analyseTexts } from './text-analysis.js';

function passiveOf(text: string): string | null {
  const s = analyseTexts([text])[0]?.[0];
  if (s === undefined) throw new Error('no sentence');
  return findPassive(s.tokens);
}

describe('findPassive (be-form + past participle)', () => {
  it.each([
    ['The book was written by a friend.', 'written'],
    ['The results were checked twice.', 'checked'],
    ['The page is being rebuilt.', 'rebuilt'],
    ["It's been taken already.", 'taken'],
    ['The report has not been published.', 'published'],
    ['Mistakes were made.', 'made'],
    ['The link is often ignored.', 'ignored'],
    ['She was excited by the news.', 'excited'],
  ])('finds the passive in "%s"', (text, participle) => {
    expect(passiveOf(text)).toBe(participle);
  });

  it.each([
    'The writer wrote a book.',
    'The cats are running.',
    'She was excited.',
    'They were a hundred.',
    'The writer’s book sold well.',
    'This is the red one.',
    'He was, frankly, tired of it.',
  ])('finds no passive in "%s"', (text) => {
    expect(passiveOf(text)).toBeNull();
  });
});
