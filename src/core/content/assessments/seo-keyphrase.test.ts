/**
 * Keyphrase assessments at and around every threshold (Yoast SEO scoring docs, see each module).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { draft, paragraph, resetWords, runOne, sentence } from '../content.test-support.js';

beforeEach(() => resetWords());

/** `total` words in 10-word sentences; the first word of `hits` sentences is replaced by `word`. */
function textWith(total: number, hits: number, word: string): string {
  const out: string[] = [];
  let left = total;
  let k = 0;
  while (left > 0) {
    const n = Math.min(10, left);
    out.push(k < hits ? sentence(n, word) : sentence(n));
    left -= n;
    k++;
  }
  if (k < hits) throw new Error('not enough sentences for the hits');
  return out.join(' ');
}

describe('keyphrase-in-introduction', () => {
  const id = 'keyphrase-in-introduction';
  it('is green when the keyphrase is in one sentence of the first paragraph', () => {
    const r = runOne(draft('Medium backlinks bring readers. More text follows.\n\nLater.', { keyphrase: 'medium backlinks' }), id);
    expect([r.rating, r.score, r.messageId]).toEqual(['green', 9, `${id}.good`]);
  });
  it('is orange when the words are spread over sentences of the first paragraph', () => {
    const r = runOne(draft('Backlinks bring readers. Medium is a big platform.', { keyphrase: 'medium backlinks' }), id);
    expect([r.rating, r.score]).toEqual(['orange', 6]);
  });
  it('is red when the first paragraph misses the keyphrase, even if later ones have it', () => {
    const r = runOne(draft('An opening without it.\n\nMedium backlinks here.', { keyphrase: 'medium backlinks' }), id);
    expect([r.rating, r.score]).toEqual(['red', 3]);
  });
  it('accepts a synonym and word forms, skipping headings before the first paragraph', () => {
    const r = runOne(draft('# Title\n\nStory linking is what we study.', { keyphrase: 'medium backlinks' }), id, {
      synonyms: ['story links'],
    });
    expect(r.score).toBe(9);
    expect(r.measured.phrase).toBe('story links');
  });
  it('is red without keyphrase or text', () => {
    expect(runOne(draft('Text.'), id).messageId).toBe(`${id}.no-keyphrase`);
    expect(runOne(draft('# Only a heading', { keyphrase: 'x' }), id).messageId).toBe(`${id}.no-text`);
  });
});

describe('keyphrase-length', () => {
  const id = 'keyphrase-length';
  it.each([
    ['seo', 9],
    ['seo link building guide', 9],
    ['seo link building guide tips', 6],
    ['seo link building guide tips tricks ideas writers', 6],
    ['seo link building guide tips tricks ideas writers stories', 3],
    ['how to write a guide for medium backlinks', 9],
  ])('"%s" scores %i', (keyphrase, score) => {
    expect(runOne(draft('Text.'), id, { keyphrase }).score).toBe(score);
  });
  it('is −999 (red, clamped to 0 for display) without a keyphrase', () => {
    const r = runOne(draft('Text.'), id);
    expect([r.rawScore, r.score, r.rating, r.messageId]).toEqual([-999, 0, 'red', `${id}.missing`]);
  });
});

describe('keyphrase-density', () => {
  const id = 'keyphrase-density';
  const run = (total: number, hits: number, keyphrase = 'zebra') => runOne(draft(textWith(total, hits, 'zebra')), id, { keyphrase });
  it('uses 0.5–3.5 % with word forms for texts of 100+ words', () => {
    expect(run(250, 1).rawScore).toBe(4); // 0.4 %
    expect(run(200, 1).rawScore).toBe(9); // 0.5 %
    expect(run(200, 7).rawScore).toBe(9); // 3.5 %
    expect(run(200, 8).rawScore).toBe(-10); // 4.0 %
    expect(run(200, 9).rawScore).toBe(-50); // 4.5 %
  });
  it('uses 3 % as the upper bound for a quoted (exact) keyphrase', () => {
    expect(run(200, 6, '"zebra"').rawScore).toBe(9); // 3.0 %
    expect(run(200, 7, '"zebra"').rawScore).toBe(-10); // 3.5 %
  });
  it('uses counts for texts of 51–99 and of up to 50 words', () => {
    expect(run(60, 2).rawScore).toBe(9);
    expect(run(60, 3).rawScore).toBe(-10);
    expect(run(60, 4).rawScore).toBe(-50);
    expect(run(50, 1).rawScore).toBe(9);
    expect(run(50, 2).rawScore).toBe(-10);
    expect(run(50, 3).rawScore).toBe(-50);
  });
  it('is red 4 when not found and −50 without keyphrase or text', () => {
    expect(run(200, 0).messageId).toBe(`${id}.not-found`);
    expect(run(200, 0).rawScore).toBe(4);
    expect(runOne(draft(''), id, { keyphrase: 'zebra' }).rawScore).toBe(-50);
    expect(runOne(draft('Text.'), id).rawScore).toBe(-50);
  });
  it('counts word forms and reports the measured density', () => {
    const r = runOne(draft(`${sentence(9, 'Zebras')} ${paragraph(91)}`), id, { keyphrase: 'zebra' });
    expect(r.measured).toMatchObject({ matches: 1, words: 100, density: 1 });
  });
});

describe('keyphrase-in-meta-description', () => {
  const id = 'keyphrase-in-meta-description';
  const run = (description: string | undefined, synonyms?: string[]) =>
    runOne(
      draft('Body.', { keyphrase: 'medium backlinks', ...(description === undefined ? {} : { description }) }),
      id,
      synonyms ? { synonyms } : {},
    );
  it('is green for 1 or 2 matches and red for 0 or 3', () => {
    expect(run('Learn about medium backlinks today.').score).toBe(9);
    expect(run('Medium backlinks help. Medium backlinks work.').score).toBe(9);
    expect(run('Medium backlinks. Medium backlinks. Medium backlinks.').messageId).toBe(`${id}.too-many`);
    expect(run('Nothing relevant here.').messageId).toBe(`${id}.missing`);
  });
  it('counts synonyms and is red without a description', () => {
    expect(run('Story links explained.', ['story links']).score).toBe(9);
    expect(run(undefined).messageId).toBe(`${id}.no-input`);
  });
});

describe('keyphrase-in-subheadings', () => {
  const id = 'keyphrase-in-subheadings';
  const kp = { keyphrase: 'medium backlinks guide' };
  const withHeadings = (headings: string[]) => draft(headings.map((h) => `## ${h}\n\n${paragraph(20)}`).join('\n\n'));
  it('passes a text of ≤ 300 words without subheadings and fails a longer one', () => {
    expect(runOne(draft(paragraph(300)), id, kp).score).toBe(9);
    const r = runOne(draft(paragraph(301)), id, kp);
    expect([r.rawScore, r.messageId]).toEqual([2, `${id}.none`]);
  });
  it('is green for 30–75 % of H2/H3 reflecting the topic (half of the words suffice)', () => {
    expect(runOne(withHeadings(['Medium backlinks', 'Backlinks guide', 'Medium guide', 'Other']), id, kp).score).toBe(9); // 75 %
    expect(
      runOne(withHeadings(['Medium backlinks', 'Backlinks guide', 'Medium guide', 'A', 'B', 'C', 'D', 'E', 'F', 'G']), id, kp).score,
    ).toBe(9); // 30 %
  });
  it('is red under 30 % and over 75 %', () => {
    expect(runOne(withHeadings(['Medium backlinks', 'A', 'B', 'C']), id, kp).messageId).toBe(`${id}.too-few`); // 25 %
    expect(runOne(withHeadings(['Medium backlinks', 'Backlinks guide', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']), id, kp).messageId).toBe(
      `${id}.too-few`,
    ); // 20 %
    expect(runOne(withHeadings(['Medium backlinks', 'Backlinks guide', 'Medium guide', 'Guide to medium']), id, kp).messageId).toBe(
      `${id}.too-many`,
    ); // 100 %
  });
  it('is green for a single reflecting subheading, ignores H4 and needs half of the words', () => {
    expect(runOne(withHeadings(['Medium backlinks']), id, kp).score).toBe(9);
    expect(runOne(withHeadings(['Guide']), id, kp).score).toBe(3); // 1 of 3 words
    expect(runOne(draft(`#### Medium backlinks\n\n${paragraph(20)}`), id, kp).measured.subheadings).toBe(0);
  });
});

describe('competing-links', () => {
  const id = 'competing-links';
  const run = (anchor: string, synonyms?: string[]) =>
    runOne(draft(`Read [${anchor}](https://other.com/x) now.`, { keyphrase: 'cat and dog' }), id, synonyms ? { synonyms } : {});
  it('flags an anchor that is the keyphrase (content words, any form)', () => {
    expect([run('cat and dog').rating, run('cat and dog').rawScore]).toEqual(['red', 2]);
    expect(run('Cats and dogs').rawScore).toBe(2);
  });
  it('does not flag a partial anchor or one with extra content words (Yoast docs example)', () => {
    expect(run('cat').rawScore).toBe(8);
    expect(run('cat and dog food').rawScore).toBe(8);
  });
  it('flags synonyms and is not applicable without a keyphrase', () => {
    expect(run('pets', ['pets']).rawScore).toBe(2);
    expect(runOne(draft('[x](https://a.com)'), id).status).toBe('not-applicable');
  });
});

describe('keyphrase-in-image-alt', () => {
  const id = 'keyphrase-in-image-alt';
  const kp = { keyphrase: 'cheap red shoes' };
  const images = (alts: (string | null)[]) =>
    draft(['Text.', ...alts.map((a, i) => (a === null ? `<img src="i${i}.png">` : `![${a}](i${i}.png)`))].join('\n\n'));
  it('is red with no images and orange when no alt exists or matches', () => {
    expect(runOne(images([]), id, kp).rawScore).toBe(3);
    expect(runOne(images([null, '']), id, kp).messageId).toBe(`${id}.no-alt`);
    expect(runOne(images(['a beach']), id, kp).messageId).toBe(`${id}.no-match`);
  });
  it('needs one match (≥ 50 % of the words) with fewer than 5 images', () => {
    expect(runOne(images(['red shoes on sale', 'beach']), id, kp).score).toBe(9);
    expect(runOne(images(['shoes', 'beach']), id, kp).score).toBe(6); // 1 of 3 words
  });
  it('needs 30–75 % matches with 5 or more images', () => {
    const five = (n: number) => images(Array.from({ length: 5 }, (_, i) => (i < n ? 'red shoes' : 'beach')));
    expect(runOne(five(1), id, kp).messageId).toBe(`${id}.too-few`); // 20 %
    expect(runOne(five(2), id, kp).score).toBe(9); // 40 %
    expect(runOne(five(4), id, kp).messageId).toBe(`${id}.too-many`); // 80 %
    const ten = (n: number) => images(Array.from({ length: 10 }, (_, i) => (i < n ? 'red shoes' : 'beach')));
    expect(runOne(ten(3), id, kp).score).toBe(9); // 30 %
    expect(runOne(ten(2), id, kp).score).toBe(6); // 20 %
    const eight = (n: number) => images(Array.from({ length: 8 }, (_, i) => (i < n ? 'red shoes' : 'beach')));
    expect(runOne(eight(6), id, kp).score).toBe(9); // 75 %
    expect(runOne(eight(7), id, kp).score).toBe(6); // 87.5 %
  });
});

describe('keyphrase-in-title', () => {
  const id = 'keyphrase-in-title';
  const run = (title: string | undefined, keyphrase = 'medium backlinks') =>
    runOne(draft('Body.', title === undefined ? {} : { title }), id, { keyphrase });
  it('is green for the exact keyphrase at the start (leading function words ignored)', () => {
    expect(run('Medium backlinks: a guide').score).toBe(9);
    expect(run('The medium backlinks guide').score).toBe(9);
  });
  it('is orange for the exact match elsewhere or all words without the exact match', () => {
    expect(run('A guide to medium backlinks').messageId).toBe(`${id}.not-at-start`);
    expect(run('Backlinks on Medium').messageId).toBe(`${id}.no-exact`);
  });
  it('is red when words are missing, for a quoted keyphrase without exact match, or no title', () => {
    expect(run('Medium tips').rawScore).toBe(2);
    expect(run('Backlinks on Medium', '"medium backlinks"').messageId).toBe(`${id}.no-exact-quoted`);
    expect(run(undefined).messageId).toBe(`${id}.no-input`);
  });
});

describe('keyphrase-in-slug', () => {
  const id = 'keyphrase-in-slug';
  const run = (fm: { slug?: string; title?: string }, keyphrase = 'medium backlinks') => runOne(draft('Body.', fm), id, { keyphrase });
  it('needs all words of a 1–2-word keyphrase', () => {
    expect(run({ slug: 'medium-backlinks-guide' }).score).toBe(9);
    expect(run({ slug: 'medium-guide' }).score).toBe(6);
  });
  it('needs more than half of a longer keyphrase', () => {
    expect(run({ slug: 'red-shoes' }, 'cheap red shoes').score).toBe(9); // 2 of 3
    expect(run({ slug: 'shoes-sale' }, 'cheap red shoes').score).toBe(6); // 1 of 3
    expect(run({ slug: 'red-shoes' }, 'cheap red running shoes').score).toBe(6); // 2 of 4 is not more than half
  });
  it('derives the slug from the title when none is given, and is red with neither', () => {
    const r = run({ title: 'Medium Backlinks, Explained' });
    expect([r.score, r.measured.source, r.measured.slug]).toEqual([9, 'title', 'medium-backlinks-explained']);
    expect(run({}).rawScore).toBe(3);
  });
});

describe('previously-used-keyphrase', () => {
  const id = 'previously-used-keyphrase';
  const doc = () => draft('Body.', { keyphrase: 'Medium backlinks' });
  it('is green never used, orange once, red twice or more (word forms match)', () => {
    expect(runOne(doc(), id, { previouslyUsed: [{ keyphrase: 'seo tips', url: 'https://a.com/1' }] }).score).toBe(9);
    const once = runOne(doc(), id, { previouslyUsed: [{ keyphrase: 'medium backlink', url: 'https://a.com/1' }] });
    expect([once.score, once.params.urls]).toEqual([6, ['https://a.com/1']]);
    const twice = runOne(doc(), id, {
      previouslyUsed: [
        { keyphrase: 'Medium backlinks', url: 'https://a.com/1' },
        { keyphrase: 'medium backlinks', url: 'https://medium.com/@me/copy', source: 'medium' },
      ],
    });
    expect(twice.score).toBe(1);
  });
  it('ignores an entry for this very page and duplicates of one URL', () => {
    const d = draft('Body.', { keyphrase: 'medium backlinks', canonical: 'https://a.com/post' });
    const r = runOne(d, id, {
      previouslyUsed: [
        { keyphrase: 'medium backlinks', url: 'https://a.com/post?utm_source=x' },
        { keyphrase: 'medium backlinks', url: 'https://b.com/1' },
        { keyphrase: 'medium backlinks', url: 'https://b.com/1' },
      ],
    });
    expect(r.measured.count).toBe(1);
  });
  it('is not applicable without history and red without a keyphrase', () => {
    expect(runOne(doc(), id).status).toBe('not-applicable');
    expect(runOne(draft('Body.'), id, { previouslyUsed: [] }).rawScore).toBe(1);
  });
});

describe('keyphrase-distribution', () => {
  const id = 'keyphrase-distribution';
  /** `n` sentences; those at `at` contain the keyphrase. */
  const text = (n: number, at: number[]) =>
    draft(Array.from({ length: n }, (_, i) => sentence(6, at.includes(i) ? 'Zebra' : undefined)).join(' '));
  it('is green under 0.3, orange from 0.3 to 0.5, red above 0.5 (15+ sentences)', () => {
    expect(runOne(text(20, [0, 6, 12, 18]), id, { keyphrase: 'zebra' }).score).toBe(9); // gap 5/20 = 0.25
    expect(runOne(text(20, [0, 7, 14]), id, { keyphrase: 'zebra' }).score).toBe(6); // gap 6/20 = 0.3
    expect(runOne(text(20, [0, 11]), id, { keyphrase: 'zebra' }).score).toBe(6); // gap 10/20 = 0.5
    expect(runOne(text(20, [0, 12]), id, { keyphrase: 'zebra' }).score).toBe(1); // gap 11/20 = 0.55
  });
  it('only needs one occurrence below 15 sentences; red when never found', () => {
    expect(runOne(text(14, [13]), id, { keyphrase: 'zebra' }).score).toBe(9);
    expect(runOne(text(14, []), id, { keyphrase: 'zebra' }).messageId).toBe(`${id}.not-found`);
  });
});

describe('function-words-in-keyphrase', () => {
  const id = 'function-words-in-keyphrase';
  it('is a grey notice for a keyphrase of function words only', () => {
    const r = runOne(draft('Text.'), id, { keyphrase: 'how to' });
    expect([r.status, r.rating, r.score]).toEqual(['info', 'grey', 0]);
  });
  it('does not apply to a keyphrase with content words', () => {
    expect(runOne(draft('Text.'), id, { keyphrase: 'how to write' }).status).toBe('not-applicable');
  });
});
