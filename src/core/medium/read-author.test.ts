import { describe, expect, it } from 'vitest';
import type { MediumAuthor, MediumAuthorResult } from './medium-types.js';
import { bioFromProfileDescription, readMediumAuthor } from './read-author.js';
import { readMediumFeed } from './read-feed.js';
import { feedItemFromStory, renderMediumFeed } from './synthetic/feed.js';
import { renderProfilePage } from './synthetic/profile-page.js';
import { otherPostUrl } from './synthetic/story-page.js';
import type { SyntheticOtherPost } from './synthetic/synthetic-types.js';
import { cloudflareChallengePage } from './test-fixtures/synthetic-pages.js';
import { ada, adaOlder, importedStory, mainStory, tagSeo } from './test-fixtures/synthetic-world.js';

function ok(result: MediumAuthorResult): { author: MediumAuthor; warnings: string[] } {
  if (result.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}

const adaNewer: SyntheticOtherPost = {
  ...adaOlder,
  id: 'dddddddddddd',
  slug: 'a-newer-post',
  title: 'A Newer Post',
  publication: null,
  claps: 3_300_000,
  publishedAt: '2023-09-09T09:09:09.000Z',
  tags: [tagSeo],
};

describe('readMediumAuthor', () => {
  it('profile page with Apollo state: counts, member date, twitter and posts with claps, newest first', () => {
    const html = renderProfilePage({ user: ada, posts: [adaOlder, adaNewer] });
    const { author, warnings } = ok(readMediumAuthor(html, { url: 'https://medium.com/@ada.writes' }));
    expect(warnings).toEqual([]);
    expect(author).toEqual({
      username: 'ada.writes',
      name: ada.name,
      bio: ada.bio,
      followers: 12_345,
      following: 87,
      memberSince: '2021-03-04T05:06:07.000Z',
      userId: 'a1b2c3d4e5f6',
      twitter: 'ada_links',
      feedUrl: 'https://medium.com/feed/@ada.writes',
      profileUrl: 'https://medium.com/@ada.writes',
      posts: [
        {
          postId: 'dddddddddddd',
          title: 'A Newer Post',
          url: otherPostUrl(adaNewer),
          publishedAt: '2023-09-09T09:09:09.000Z',
          claps: 3_300_000,
          tags: ['seo'],
          from: 'state',
        },
        {
          postId: 'abcabcabcabc',
          title: 'An Older Post',
          url: otherPostUrl(adaOlder),
          publishedAt: '2022-06-01T10:00:00.000Z',
          claps: 1_250,
          tags: ['link-building'],
          from: 'state',
        },
      ],
      source: 'apollo3',
    });
  });

  it('head-only profile: head fields, DOM followers flagged as approximate, no posts', () => {
    const html = renderProfilePage({ user: ada, posts: [adaOlder], withState: false });
    const { author, warnings } = ok(readMediumAuthor(html));
    expect(author).toMatchObject({
      username: 'ada.writes',
      name: ada.name, // profile:first_name + profile:last_name
      bio: ada.bio, // from "Read writing from … on Medium. <bio> Every day, …"
      followers: 12_000, // "12K Followers"
      following: null,
      memberSince: null,
      userId: null,
      twitter: 'ada_links',
      posts: [],
      source: 'head-meta',
    });
    expect(warnings.join(' ')).toContain('approximate');
  });

  it('head-only profile + feed: user id, feed URL and the latest posts without claps', () => {
    const html = renderProfilePage({ user: ada, posts: [], withState: false });
    const story = mainStory();
    const imported = importedStory();
    const feedXml = renderMediumFeed({
      kind: 'user',
      user: ada,
      lastBuildDate: '2024-01-01T00:00:00.000Z',
      items: [feedItemFromStory(imported, { full: true }), feedItemFromStory(story, { full: false })],
    });
    const feed = readMediumFeed(feedXml);
    if (feed.state !== 'ok') throw new Error('feed');
    const { author } = ok(readMediumAuthor(html, { feed: feed.feed }));
    expect(author.userId).toBe('a1b2c3d4e5f6');
    expect(author.posts.map((p) => [p.postId, p.claps, p.from])).toEqual([
      ['1234abcd5678', null, 'feed'],
      ['9f8e7d6c5b4', null, 'feed'],
    ]);
  });

  it('profile with state + feed: posts seen in both are marked, feed-only posts are added without claps', () => {
    const html = renderProfilePage({ user: ada, posts: [adaOlder] });
    const feedXml = renderMediumFeed({
      kind: 'user',
      user: ada,
      lastBuildDate: '2024-01-01T00:00:00.000Z',
      items: [
        {
          postId: adaOlder.id,
          title: adaOlder.title,
          url: otherPostUrl(adaOlder),
          authorName: ada.name,
          publishedAt: adaOlder.publishedAt,
          updatedAt: adaOlder.publishedAt,
          tags: ['link-building'],
          content: { full: false, snippet: 's', imageUrl: null },
          publication: null,
        },
        feedItemFromStory(mainStory(), { full: false }),
      ],
    });
    const feed = readMediumFeed(feedXml);
    if (feed.state !== 'ok') throw new Error('feed');
    const { author } = ok(readMediumAuthor(html, { feed: feed.feed }));
    expect(author.posts.map((p) => [p.postId, p.claps, p.from])).toEqual([
      ['1234abcd5678', null, 'feed'],
      ['abcabcabcabc', 1_250, 'state+feed'],
    ]);
  });

  it('a challenge page is blocked', () => {
    expect(readMediumAuthor(cloudflareChallengePage())).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED' });
  });

  it('bio from the profile description template', () => {
    expect(
      bioFromProfileDescription(
        'Read writing from X Y on Medium. I write. Every day, X Y and thousands of other voices read, write, and share important stories on Medium.',
      ),
    ).toBe('I write.');
    expect(
      bioFromProfileDescription(
        'Read writing from X on Medium. Every day, X and thousands of other voices read, write, and share important stories on Medium.',
      ),
    ).toBeNull();
    expect(bioFromProfileDescription('Something else entirely')).toBeNull();
  });
});
