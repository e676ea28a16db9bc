/**
 * Whole drafts written for these tests (fixtures/*.md) and the verdicts a person expects:
 *   good-draft.md — a focused story: overall SEO, readability and Medium green;
 *   stuffed-draft.md — the keyphrase in every sentence: density −50, competing link, SEO red;
 *   no-subheadings-draft.md — 870 words in one run: subheading checks red.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ContentReport } from './content-types.js';
import { parseMarkdownDraft } from './markdown-draft.js';
import { runContentCheck } from './runner.js';

const here = dirname(fileURLToPath(import.meta.url));
const check = (name: string, profile: 'medium' | 'yoast' | 'rankmath' = 'medium'): ContentReport =>
  runContentCheck(parseMarkdownDraft(readFileSync(join(here, 'fixtures', name), 'utf8'), { input: name }), {
    profile,
    userSites: ['example.com'],
    previouslyUsed: [],
    knownTags: ['seo', 'link-building', 'writing'],
  });
const rating = (r: ContentReport, id: string) => r.results.find((x) => x.id === id)?.rating;

describe('draft verdicts', () => {
  it('a good draft is green overall and on the checks that matter', () => {
    const r = check('good-draft.md');
    expect(r.seo.rating).toBe('green');
    expect(r.seo.score).toBeGreaterThanOrEqual(85);
    expect(r.readability).toMatchObject({ score: 90, rating: 'green' });
    expect(r.medium?.rating).toBe('green');
    for (const id of [
      'keyphrase-in-introduction',
      'keyphrase-density',
      'keyphrase-in-title',
      'subheading-distribution',
      'medium-contextual-link',
      'medium-link-rel',
      'flesch-reading-ease',
    ]) {
      expect([id, rating(r, id)]).toEqual([id, 'green']);
    }
    expect(r.results.filter((x) => x.status === 'error')).toEqual([]);
  });

  it('a keyword-stuffed draft is flagged for stuffing and scores far lower', () => {
    const r = check('stuffed-draft.md');
    const density = r.results.find((x) => x.id === 'keyphrase-density');
    expect([density?.rawScore, density?.messageId]).toEqual([-50, 'keyphrase-density.way-too-high']);
    expect(rating(r, 'competing-links')).toBe('red');
    expect(rating(r, 'keyphrase-in-subheadings')).toBe('red');
    expect(rating(r, 'consecutive-sentences')).toBe('red');
    expect(r.seo.rating).toBe('red');
    expect(r.seo.score).toBeLessThan(check('good-draft.md').seo.score - 40);
    expect(check('stuffed-draft.md', 'rankmath').seo.rating).toBe('red');
  });

  it('a long draft without subheadings fails the subheading checks', () => {
    const r = check('no-subheadings-draft.md');
    expect(r.stats.words).toBeGreaterThan(800);
    expect(r.results.find((x) => x.id === 'subheading-distribution')).toMatchObject({
      rating: 'red',
      messageId: 'subheading-distribution.none',
    });
    expect(r.results.find((x) => x.id === 'keyphrase-in-subheadings')).toMatchObject({
      rating: 'red',
      messageId: 'keyphrase-in-subheadings.none',
    });
    expect(rating(r, 'paragraph-length')).toBe('green');
  });
});
