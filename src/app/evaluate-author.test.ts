import { describe, expect, it } from 'vitest';
import type { MediumAuthor, MediumStory } from '../core/medium/medium-types.js';
import { readMediumFeed } from '../core/medium/read-feed.js';
import { readMediumStory } from '../core/medium/read-story.js';
import { renderApollo3StoryPage } from '../core/medium/synthetic/story-page.js';
import { authorEvidence, authorFromFeed, judgeAuthor } from './evaluate-author.js';
import { buildRoutes, NOW, ORIGIN, stories } from './fake-medium.test-support.js';

function story(id: string): MediumStory {
  const s = stories.find((x) => x.id === id);
  if (!s) throw new Error(id);
  const r = readMediumStory(renderApollo3StoryPage(s));
  if (r.state !== 'ok') throw new Error('not ok');
  return r.story;
}

const adaFeed = (() => {
  const r = readMediumFeed(buildRoutes().get(`${ORIGIN}/feed/@ada`)?.body ?? '');
  if (r.state !== 'ok') throw new Error('feed');
  return r.feed;
})();

describe('authorEvidence', () => {
  it('puts story pages first (their counts win the merge) and leaves out stories by someone else', () => {
    const author: MediumAuthor = authorFromFeed('ada', adaFeed, null);
    const evidence = authorEvidence(author, [story('a0000000000a'), story('b0000000000a')]);
    expect(evidence.posts[0]).toMatchObject({ postId: 'a0000000000a', claps: 320, responses: 6, publicationKnown: true });
    expect(evidence.posts.some((p) => p.postId === 'b0000000000a')).toBe(false);
    expect(evidence.posts.filter((p) => p.postId === 'a0000000000a')).toHaveLength(2);
    expect(evidence.posts.slice(1).every((p) => p.publicationKnown === false && p.responses === null)).toBe(true);
  });
});

describe('authorFromFeed', () => {
  it('builds an author from the feed alone: id and name from the channel, followers unknown', () => {
    const a = authorFromFeed('ada', adaFeed, `${ORIGIN}/@ada`);
    expect(a).toMatchObject({
      username: 'ada',
      name: 'Ada Lovelink',
      userId: 'aaaaaaaaaa01',
      followers: null,
      source: 'feed',
      profileUrl: `${ORIGIN}/@ada`,
    });
    expect(a.posts.map((p) => p.postId)).toHaveLength(6);
    expect(authorFromFeed('x', null, null)).toMatchObject({ username: 'x', name: null, posts: [] });
  });

  it('judges such an author without guessing the follower count', () => {
    const j = judgeAuthor(authorFromFeed('ada', adaFeed, null), [story('a0000000000a')], { keywords: ['seo'], tags: [] }, NOW);
    expect(j.metrics.followers.value).toBeNull();
    expect(j.gate.qualified).toBe(false);
    expect(j.gate.reasons.map((r) => r.messageId)).toContain('gate.followers.unknown');
    expect(j.score.coverage).toBeLessThan(1);
  });
});
