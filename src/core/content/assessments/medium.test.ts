/**
 * Medium checks at and around their thresholds.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { draft, paragraph, resetWords, runOne } from '../content.test-support.js';
import { parseHtmlDocument } from '../html-document.js';
import { renderContentMessage } from '../messages.js';
import { mediumImageSeconds, mediumReadingMinutes } from './medium-reading-time.js';
import { mediumTagSlug } from './medium-tags.js';

beforeEach(() => resetWords());
const M = { profile: 'medium' as const };

describe('medium-title-length', () => {
  const id = 'medium-title-length';
  it.each([
    [39, 6, 'short'],
    [40, 9, 'good'],
    [60, 9, 'good'],
    [61, 6, 'too-long'],
  ])('%i characters → %i', (n, raw, variant) => {
    const r = runOne(draft('x', { title: 't'.repeat(n) }), id, M);
    expect([r.rawScore, r.messageId]).toEqual([raw, `${id}.${variant}`]);
  });
  it('shows what search results cut, and is red without a title', () => {
    const r = runOne(draft('x', { title: `${'a'.repeat(58)} bcd` }), id, M);
    expect(r.measured.shownInSearch).toBe(`${'a'.repeat(58)} b…`);
    expect(r.measured.truncated).toBe(true);
    expect(runOne(draft('x'), id, M).rawScore).toBe(3);
  });
});

describe('medium-subtitle', () => {
  it('is green with a subtitle and orange without', () => {
    expect(runOne(draft('x', { subtitle: 'A subtitle' }), 'medium-subtitle', M).rawScore).toBe(9);
    expect(runOne(draft('x'), 'medium-subtitle', M).rawScore).toBe(6);
  });
});

describe('medium-tags', () => {
  const id = 'medium-tags';
  const run = (tags: string[], knownTags?: string[]) => runOne(draft('x', { tags }), id, { ...M, ...(knownTags ? { knownTags } : {}) });
  it('needs 1–5 tags', () => {
    expect(run([]).rawScore).toBe(3);
    expect(run(['a']).rawScore).toBe(9);
    expect(run(['a', 'b', 'c', 'd', 'e']).rawScore).toBe(9);
    const six = run(['a', 'b', 'c', 'd', 'e', 'f']);
    expect([six.rawScore, six.params.dropped]).toEqual([3, ['f']]);
  });
  it('checks tags against the known tags as Medium slugs', () => {
    expect(mediumTagSlug('Link Building')).toBe('link-building');
    expect(run(['Link Building', 'SEO'], ['link-building', 'seo']).messageId).toBe(`${id}.good`);
    const r = run(['seo', 'made-up-tag'], ['seo']);
    expect([r.rawScore, r.params.unknown]).toEqual([6, ['made-up-tag']]);
    expect(run(['seo']).messageId).toBe(`${id}.good-unchecked`);
  });
});

describe('medium-canonical', () => {
  const id = 'medium-canonical';
  const run = (canonical: string | undefined, extra: { copyOf?: string } = {}) =>
    runOne(draft('x', canonical === undefined ? {} : { canonical }), id, { ...M, userSites: ['mysite.com'], ...extra });
  it('for a copy: green when it points to the original (tracking ignored), red when missing or elsewhere', () => {
    expect(run('https://mysite.com/post?utm_source=medium', { copyOf: 'https://mysite.com/post' }).rawScore).toBe(9);
    expect(run(undefined, { copyOf: 'https://mysite.com/post' }).messageId).toBe(`${id}.missing-for-copy`);
    expect(run('https://mysite.com/other', { copyOf: 'https://mysite.com/post' }).messageId).toBe(`${id}.points-elsewhere`);
  });
  it('without copy information: green to the user site or Medium itself, orange to a third party, n/a when absent', () => {
    expect(run('https://blog.mysite.com/p').rawScore).toBe(9);
    expect(run('https://medium.com/@me/story-abc').messageId).toBe(`${id}.self`);
    expect(run('https://other.com/p').rawScore).toBe(6);
    expect(run(undefined).status).toBe('not-applicable');
  });
});

describe('medium-contextual-link', () => {
  const id = 'medium-contextual-link';
  const sites = { ...M, userSites: ['mysite.com'] };
  it('is green with a link to the user site in running text', () => {
    expect(runOne(draft('See [my guide](https://www.mysite.com/guide).'), id, sites).rawScore).toBe(9);
    expect(runOne(draft('- a [list link](https://mysite.com/x)'), id, sites).rawScore).toBe(9);
  });
  it('is red when the only links are outside running text, or none; n/a without a site', () => {
    expect(runOne(draft('## [Heading link](https://mysite.com/x)\n\nText.'), id, sites).messageId).toBe(`${id}.not-in-text`);
    expect(runOne(draft('[x](https://notmysite.com/x)'), id, sites).messageId).toBe(`${id}.none`);
    expect(runOne(draft('[x](https://mysite.com/x)'), id, M).status).toBe('not-applicable');
  });
});

describe('medium-link-rel', () => {
  const id = 'medium-link-rel';
  const sites = { ...M, userSites: ['mysite.com'] };
  it('is green when every link to the user site is UTM-tagged', () => {
    expect(runOne(draft('[a](https://mysite.com/a?utm_source=medium&utm_medium=referral)'), id, sites).rawScore).toBe(9);
  });
  it('asks for a UTM-tagged URL and explains ugc nofollow otherwise', () => {
    const r = runOne(draft('[a](https://mysite.com/a?utm_source=medium) [b](https://mysite.com/b)'), id, sites);
    expect([r.rawScore, r.params.untagged, r.measured.authoredRel, r.measured.expectedRel]).toEqual([
      6,
      ['https://mysite.com/b'],
      ['(none)'],
      'ugc nofollow',
    ]);
    const text = renderContentMessage(r.messageId, r.params);
    expect(text).toContain('`ugc nofollow`');
    expect(text).toContain('the value of this link is referral traffic, not PageRank — add a UTM-tagged URL');
  });
  it('reports the rel measured on a captured Medium page', () => {
    const page = parseHtmlDocument('<article><p>See <a href="https://mysite.com/x" rel="noopener ugc nofollow">this</a>.</p></article>');
    expect(runOne(page, id, sites).measured.authoredRel).toEqual(['noopener ugc nofollow']);
  });
  it('does not apply without links to the user site', () => {
    expect(runOne(draft('[a](https://other.com)'), id, sites).status).toBe('not-applicable');
  });
});

describe('medium-reading-time', () => {
  it('follows Medium: 265 wpm plus 12, 11, … 3 seconds per image', () => {
    expect(mediumImageSeconds(0)).toBe(0);
    expect(mediumImageSeconds(1)).toBe(12);
    expect(mediumImageSeconds(2)).toBe(23);
    expect(mediumImageSeconds(10)).toBe(75);
    expect(mediumImageSeconds(11)).toBe(78);
    expect(mediumReadingMinutes(530, 0)).toBe(2);
  });
  it('is a grey notice with the rounded minutes', () => {
    const r = runOne(draft(`${paragraph(530)}\n\n![a](1.png)\n\n![b](2.png)`), 'medium-reading-time', M);
    expect([r.status, r.rating, r.params.minutes, r.measured.exactMinutes]).toEqual(['info', 'grey', 2, 2.38]);
  });
});

describe('medium-first-image', () => {
  const id = 'medium-first-image';
  it('is red without images, orange when the first has no alt, green with alt', () => {
    expect(runOne(draft('x'), id, M).rawScore).toBe(3);
    expect(runOne(draft('x\n\n![](a.png)\n\n![b](b.png)'), id, M).rawScore).toBe(6);
    expect(runOne(draft('x\n\n![A chart](a.png)'), id, M).rawScore).toBe(9);
  });
});
