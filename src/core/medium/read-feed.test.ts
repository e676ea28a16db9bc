import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import type { MediumFeed, MediumFeedResult } from './medium-types.js';
import { readMediumFeed } from './read-feed.js';
import { storyUrl } from './synthetic/story-page.js';
import {
  emptyUserFeedXml,
  HTML_NOT_A_FEED,
  MALFORMED_FEED_XML,
  publicationFeedXml,
  publicationTagFeedXml,
  tagFeedXml,
  userFeedXml,
} from './test-fixtures/synthetic-feeds.js';
import { cloudflareChallengePage } from './test-fixtures/synthetic-pages.js';
import { mainStory } from './test-fixtures/synthetic-world.js';

function ok(result: MediumFeedResult): MediumFeed {
  if (result.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.feed;
}

function thrown(fn: () => unknown): LinkwrightError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

describe('readMediumFeed', () => {
  it('tag feed: kind and tag from the channel, snippet items, ids from guids, clean URLs', () => {
    const feed = ok(readMediumFeed(tagFeedXml()));
    expect(feed.channel).toMatchObject({
      title: 'SEO on Medium',
      description: 'Latest stories tagged with SEO on Medium',
      kind: 'tag',
      tagSlug: 'seo',
      userId: null,
      link: 'https://medium.com/tag/seo/latest',
      selfUrl: 'https://medium.com/feed/tag/seo',
      lastBuildDate: '2024-02-03T04:05:06.000Z',
    });
    expect(feed.items.map((i) => i.postId)).toEqual(['0fedcba98765', '1234abcd5678']);
    const [first, second] = feed.items;
    expect(first).toMatchObject({
      title: 'Guest Posts Are Dead? <Not> Quite',
      url: 'https://medium.com/@someone/guest-posts-are-dead-not-quite-0fedcba98765',
      authorName: 'Some One',
      publishedAt: '2024-02-01T12:00:00.000Z',
      updatedAt: '2024-02-01T12:30:00.000Z',
      tags: ['seo', 'guest-posting', 'marketing', 'blogging', 'growth'], // Medium feeds carry at most 5
      fullContent: false,
      contentHtml: null,
      snippet: 'Short answer: no & here is why…',
      links: [], // the image link and "Continue reading" are Medium's, not the story's
    });
    expect(second?.url).toBe(storyUrl(mainStory()));
  });

  it('the same tag feed is recognised from the URL passed in, even without a channel link', () => {
    const xml = tagFeedXml().replace(/<link>[^<]*<\/link>/g, '');
    const feed = ok(readMediumFeed(xml, { url: 'https://medium.com/feed/tag/seo' }));
    expect(feed.channel.kind).toBe('tag');
    expect(feed.channel.tagSlug).toBe('seo');
  });

  it('publication feed: collection id from the channel link, full content with links and the footer publication', () => {
    const feed = ok(readMediumFeed(publicationFeedXml()));
    expect(feed.channel).toMatchObject({
      kind: 'publication',
      collectionId: 'c0ffee12345',
      publicationSlug: 'growth-lab',
      title: 'Growth & Lab',
    });
    const item = feed.items[0];
    expect(item?.fullContent).toBe(true);
    // The story HTML is kept for keyword research, entities decoded once (the link text is `the <list>`).
    expect(item?.contentHtml).toContain('href="https://site.example/guide?a=1&amp;b=2"');
    expect(item?.publicationName).toBe('Growth & Lab');
    expect(item?.publicationUrl).toBe('https://medium.com/growth-lab');
    expect(item?.links.map((l) => [l.url, l.anchorText])).toEqual([
      ['https://site.example/guide?a=1&b=2', 'our guide'],
      ['https://medium.com/u/b0b0b0b0b0b?source=post_page-----1234abcd5678--------------------------------', 'Bob'],
      ['https://other.example/list', 'the <list>'],
      ['https://tools.example/', 'a tool'],
      ['https://quotes.example/q', 'source'],
    ]);
  });

  it('publication-tagged feed: both the publication and the tag', () => {
    const feed = ok(readMediumFeed(publicationTagFeedXml()));
    expect(feed.channel).toMatchObject({
      kind: 'publication-tag',
      publicationSlug: 'growth-lab',
      tagSlug: 'link-building',
      collectionId: 'c0ffee12345',
      description: 'Latest stories tagged with Link Building in growth-lab on Medium',
    });
    expect(feed.items).toHaveLength(1);
  });

  it('user feed: at most 10 items, user id from rss-<id>', () => {
    const feed = ok(readMediumFeed(userFeedXml()));
    expect(feed.channel).toMatchObject({
      kind: 'user',
      userId: 'a1b2c3d4e5f6',
      username: 'ada.writes',
      selfUrl: 'https://medium.com/@ada.writes/feed',
    });
    expect(feed.items).toHaveLength(10);
    expect(feed.items.every((i) => i.url?.includes('?') === false)).toBe(true);
  });

  it('an empty feed is a valid answer', () => {
    const result = readMediumFeed(emptyUserFeedXml(), { url: 'https://medium.com/feed/@ada.writes' });
    const feed = ok(result);
    expect(feed.items).toEqual([]);
    expect(feed.channel.kind).toBe('user');
    expect(feed.channel.username).toBe('ada.writes');
  });

  it('malformed XML is INVALID_INPUT naming the input and the position', () => {
    const err = thrown(() => readMediumFeed(MALFORMED_FEED_XML, { url: 'https://medium.com/feed/@ada' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.errorClass).toBe('validation');
    expect(err.message).toContain('https://medium.com/feed/@ada');
    expect(err.position).toMatchObject({ input: 'https://medium.com/feed/@ada', line: 6 });
    expect(err.position?.column).toBeGreaterThan(0);
    // Without a URL the input is called "feed".
    expect(thrown(() => readMediumFeed(MALFORMED_FEED_XML)).position?.input).toBe('feed');
  });

  it('an HTML page or an empty string is INVALID_INPUT, a challenge page is blocked', () => {
    expect(thrown(() => readMediumFeed(HTML_NOT_A_FEED)).code).toBe('INVALID_INPUT');
    expect(thrown(() => readMediumFeed('  ')).code).toBe('INVALID_INPUT');
    expect(thrown(() => readMediumFeed('<?xml version="1.0"?><note><to>x</to></note>')).code).toBe('INVALID_INPUT');
    const blocked = readMediumFeed(cloudflareChallengePage(), { url: 'https://medium.com/feed/tag/seo' });
    expect(blocked).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED' });
  });
});
