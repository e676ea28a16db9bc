/**
 * Non-keyphrase SEO assessments (Yoast) and the Rank Math variants, at and around each threshold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { draft, paragraph, resetWords, runOne, sentence } from '../content.test-support.js';
import { parseHtmlDocument } from '../html-document.js';
import { renderContentMessage } from '../messages.js';
import { titleWidthPx } from '../serp-width.js';

beforeEach(() => resetWords());

describe('text-length', () => {
  it.each([
    [99, -20],
    [100, -10],
    [199, -10],
    [200, 3],
    [249, 3],
    [250, 6],
    [299, 6],
    [300, 9],
  ])('%i words → %i', (words, raw) => {
    const r = runOne(draft(paragraph(words)), 'text-length');
    expect(r.rawScore).toBe(raw);
    expect(r.measured.words).toBe(words);
  });
});

const LINKS_PAGE = (links: string) => parseHtmlDocument(`<article><p>Text ${links}</p></article>`, { url: 'https://mysite.com/post' });

describe('outbound-links', () => {
  const id = 'outbound-links';
  it('is red with none, orange 7 all nofollowed, green 8 mixed, green 9 all followed', () => {
    expect(runOne(LINKS_PAGE('<a href="/in">in</a>'), id).rawScore).toBe(3);
    expect(runOne(LINKS_PAGE('<a href="https://a.com" rel="nofollow">a</a> <a href="https://b.com" rel="ugc">b</a>'), id).rawScore).toBe(7);
    expect(runOne(LINKS_PAGE('<a href="https://a.com" rel="sponsored">a</a> <a href="https://b.com">b</a>'), id).rawScore).toBe(8);
    expect(runOne(LINKS_PAGE('<a href="https://a.com">a</a>'), id).rawScore).toBe(9);
  });
  it('treats Markdown links as followed and ignores mailto:, fragments and same-site links', () => {
    const r = runOne(draft('[a](https://a.com) [m](mailto:x@y.z) [f](#top) [s](https://www.mysite.com/x)'), id, {
      userSites: ['mysite.com'],
    });
    expect(r.measured).toMatchObject({ total: 1, followed: 1 });
  });
  it('counts medium.com as the own site in the Medium profile', () => {
    const doc = draft('[story](https://medium.com/@a/x) [b](https://b.com)');
    expect(runOne(doc, id, { profile: 'medium' }).measured.total).toBe(1);
    expect(runOne(doc, id, { profile: 'yoast' }).measured.total).toBe(2);
  });
});

describe('internal-links', () => {
  const id = 'internal-links';
  it('is red with none, orange 7 all nofollowed, green 8 mixed, green 9 all followed', () => {
    expect(runOne(LINKS_PAGE('<a href="https://a.com">a</a>'), id).rawScore).toBe(3);
    expect(runOne(LINKS_PAGE('<a href="/a" rel="nofollow">a</a>'), id).rawScore).toBe(7);
    expect(runOne(LINKS_PAGE('<a href="/a" rel="nofollow">a</a> <a href="https://blog.mysite.com/b">b</a>'), id).rawScore).toBe(8);
    expect(runOne(LINKS_PAGE('<a href="/a">a</a>'), id).rawScore).toBe(9);
  });
  it('uses the user sites for a draft (Yoast profile) and does not match look-alike hosts', () => {
    const doc = draft('[a](https://mysite.com/a) [b](https://notmysite.com/b) [c](relative/page)');
    const r = runOne(doc, id, { userSites: ['https://www.mysite.com/'] });
    expect(r.measured).toMatchObject({ total: 2, urls: ['https://mysite.com/a', 'relative/page'] });
  });
  it('speaks of other Medium stories in the Medium profile, same scores', () => {
    const none = runOne(draft('[b](https://b.com)'), id, { profile: 'medium' });
    expect([none.rawScore, none.messageId]).toEqual([3, 'internal-links.medium-none']);
    expect(renderContentMessage(none.messageId, none.params)).toMatch(/^Links to other Medium stories: none/);
    const one = runOne(draft('[story](https://medium.com/@a/x)'), id, { profile: 'medium' });
    expect([one.rawScore, one.messageId]).toEqual([9, 'internal-links.medium-good']);
    expect(renderContentMessage(one.messageId, one.params)).toBe('Links to other Medium stories: 1. Good job!');
    expect(runOne(draft('[b](https://b.com)'), id, { profile: 'yoast' }).messageId).toBe('internal-links.none');
  });
});

describe('title-width', () => {
  it('measures Arial 20 px widths from Helvetica metrics', () => {
    expect(titleWidthPx('Hello')).toBe(46); // H 722 + e 556 + l 222 + l 222 + o 556 = 2278 units → 45.56 px
    expect(titleWidthPx('a'.repeat(54))).toBe(600); // 54 × 11.12 = 600.48
    expect(titleWidthPx('a'.repeat(55))).toBe(612);
    expect(titleWidthPx('日本')).toBe(40);
  });
  it('is green up to 600 px, red above, red 1 without a title', () => {
    expect(runOne(draft('x', { title: 'a'.repeat(54) }), 'title-width').rawScore).toBe(9);
    expect(runOne(draft('x', { title: 'a'.repeat(55) }), 'title-width').rawScore).toBe(3);
    expect(runOne(draft('x'), 'title-width').rawScore).toBe(1);
  });
});

describe('meta-description-length', () => {
  const id = 'meta-description-length';
  it.each([
    [120, 6, 'too-short'],
    [121, 9, 'good'],
    [156, 9, 'good'],
    [157, 6, 'too-long'],
  ])('%i characters → %i', (n, raw, variant) => {
    const r = runOne(draft('x', { description: 'd'.repeat(n) }), id);
    expect([r.rawScore, r.messageId]).toEqual([raw, `${id}.${variant}`]);
  });
  it('is red 1 without a description; the Medium profile falls back to the subtitle', () => {
    expect(runOne(draft('x', { subtitle: 's'.repeat(130) }), id).rawScore).toBe(1);
    const r = runOne(draft('x', { subtitle: 's'.repeat(130) }), id, { profile: 'medium' });
    expect([r.rawScore, r.measured.source]).toEqual([9, 'subtitle']);
  });
});

describe('single-h1', () => {
  it('is green 8 with zero or one H1 and red 1 with two', () => {
    expect(runOne(draft('Text.'), 'single-h1').rawScore).toBe(8);
    expect(runOne(draft('# One\n\nText.'), 'single-h1').rawScore).toBe(8);
    expect(runOne(draft('# One\n\n# Two\n\n## Sub'), 'single-h1').rawScore).toBe(1);
  });
});

describe('images-present', () => {
  it('is red without images and green with one', () => {
    expect(runOne(draft('Text.'), 'images-present').rawScore).toBe(3);
    expect(runOne(draft('![a](b.png)'), 'images-present').rawScore).toBe(9);
  });
});

describe('rankmath-content-length', () => {
  const id = 'rankmath-content-length';
  it('fails under 600 words and passes from 600', () => {
    expect(runOne(draft(paragraph(599)), id, { profile: 'rankmath' }).rawScore).toBe(3);
    const r = runOne(draft(paragraph(600)), id, { profile: 'rankmath' });
    expect([r.rawScore, r.measured.share]).toEqual([9, 0.24]);
  });
});

describe('rankmath-keyphrase-in-first-10-percent', () => {
  const id = 'rankmath-keyphrase-in-first-10-percent';
  const kp = { profile: 'rankmath' as const, keyphrase: 'zebra' };
  it('finds the keyphrase within the first 10 % of the words', () => {
    // 100 words: the window is the first 10 words, i.e. the first 10-word sentence.
    expect(runOne(draft(`${sentence(10, 'Zebra')} ${paragraph(90)}`), id, kp).rawScore).toBe(9);
    expect(runOne(draft(`${sentence(10)} ${sentence(10, 'Zebra')} ${paragraph(80)}`), id, kp).rawScore).toBe(3);
    // 200 words: 20-word window reaches into the second sentence.
    expect(runOne(draft(`${sentence(10)} ${sentence(10, 'Zebra')} ${paragraph(180)}`), id, kp).rawScore).toBe(9);
  });
  it('always includes the whole first sentence', () => {
    // 30 words in one sentence: the 10 % window is 3 words, but the first sentence counts whole.
    expect(runOne(draft(`${paragraph(29, 29).slice(0, -1)} zebra.`), id, kp).rawScore).toBe(9);
  });
});

describe('rankmath-title-has-number', () => {
  const id = 'rankmath-title-has-number';
  it('is green with a digit, orange without, red with no title', () => {
    expect(runOne(draft('x', { title: '7 ways to write' }), id, { profile: 'rankmath' }).rawScore).toBe(9);
    expect(runOne(draft('x', { title: 'Seven ways to write' }), id, { profile: 'rankmath' }).rawScore).toBe(6);
    expect(runOne(draft('x'), id, { profile: 'rankmath' }).rawScore).toBe(3);
  });
});

describe('rankmath-permalink-length', () => {
  const id = 'rankmath-permalink-length';
  it('passes at 75 characters and fails at 76', () => {
    expect(runOne(draft('x', { slug: 's'.repeat(75) }), id, { profile: 'rankmath' }).rawScore).toBe(9);
    expect(runOne(draft('x', { slug: 's'.repeat(76) }), id, { profile: 'rankmath' }).rawScore).toBe(3);
  });
  it('measures the full URL when the document has one', () => {
    const doc = parseHtmlDocument('<p>x</p>', { url: `https://example.com/${'p'.repeat(60)}` });
    const r = runOne(doc, id, { profile: 'rankmath' });
    expect([r.measured.characters, r.measured.measuredOn, r.rawScore]).toEqual([80, 'url', 3]);
  });
});

describe('rankmath-dofollow-external-link', () => {
  const id = 'rankmath-dofollow-external-link';
  it('needs at least one followed outbound link', () => {
    expect(runOne(LINKS_PAGE('<a href="https://a.com">a</a>'), id, { profile: 'rankmath' }).rawScore).toBe(9);
    expect(runOne(LINKS_PAGE('<a href="https://a.com" rel="nofollow">a</a>'), id, { profile: 'rankmath' }).messageId).toBe(
      `${id}.all-nofollow`,
    );
    expect(runOne(LINKS_PAGE('<a href="/a">a</a>'), id, { profile: 'rankmath' }).messageId).toBe(`${id}.none`);
  });
});
