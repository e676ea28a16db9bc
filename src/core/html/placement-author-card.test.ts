import { describe, expect, it } from 'vitest';
import { auditHtml } from '../audit/audit-html.js';
import { paragraphFromParts, renderApollo3StoryPage } from '../medium/synthetic/story-page.js';
import type { SyntheticStory, SyntheticUser } from '../medium/synthetic/synthetic-types.js';

const author: SyntheticUser = {
  id: 'a1b2c3d4e5f6',
  username: 'writer',
  name: 'A Writer',
  bio: 'I write about soil.',
  bioLink: { href: 'https://writer-site.example/', text: 'writer-site.example' },
  followers: 1200,
  following: 10,
  memberSince: null,
  twitter: null,
};

const story: SyntheticStory = {
  id: '0123456789ab',
  slug: 'a-story',
  title: 'A story',
  subtitle: null,
  author,
  publication: null,
  claps: 10,
  voters: 2,
  responses: 0,
  readingTime: 2,
  publishedAt: '2026-10-01T00:00:00.000Z',
  updatedAt: '2026-10-01T00:00:00.000Z',
  tags: [{ slug: 'soil', title: 'Soil' }],
  canonicalUrl: null,
  isLocked: false,
  paragraphs: [paragraphFromParts('ab12', 'P', ['See ', { text: 'this guide', href: 'https://example.com/guide' }, ' for more.'])],
  moreFromAuthor: [],
  recommended: [],
};

describe('Medium author card', () => {
  it('classifies the link in the author bio as bio, the story link as body, and the footer as footer', () => {
    const audit = auditHtml(renderApollo3StoryPage(story), { url: 'https://medium.com/@writer/a-story-0123456789ab', allLinks: true });
    const placementOf = (prefix: string) => audit.links.filter((l) => l.url?.startsWith(prefix)).map((l) => l.placement);
    expect(placementOf('https://example.com/guide')).toEqual(['body']);
    expect(placementOf('https://writer-site.example/')).toEqual(['bio']);
    expect(placementOf('https://policy.medium.com/')).toEqual(['footer', 'footer']);
  });

  it('does not treat a link as bio when the author card has no bio link', () => {
    const { bioLink: _drop, ...plain } = author;
    const audit = auditHtml(renderApollo3StoryPage({ ...story, author: plain }), { url: 'https://medium.com/@writer/a-story-0123456789ab', allLinks: true });
    expect(audit.links.some((l) => l.url?.startsWith('https://writer-site.example/'))).toBe(false);
    expect(audit.links.filter((l) => l.placement === 'bio').every((l) => l.url?.includes('/@writer'))).toBe(true);
  });
});
