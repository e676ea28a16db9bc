/** Synthetic pages for the reader tests, built with the synthetic generators (no third-party data). */
import { renderChallengePage } from '../synthetic/challenge-page.js';
import { renderApollo3StoryPage, storyUrl } from '../synthetic/story-page.js';
import { mainStory, viralOther } from './synthetic-world.js';

/** A 2022+ Apollo 3 article page whose state holds a recommended story with MORE claps, placed first. */
export function apollo3PageWithBiggerRecommended(): { html: string; url: string; claps: number; trapClaps: number } {
  const story = mainStory();
  return {
    html: renderApollo3StoryPage(story),
    url: `${storyUrl(story)}?source=rss-a1b2c3d4e5f6------2`,
    claps: story.claps,
    trapClaps: viralOther.claps,
  };
}

/** Cloudflare's managed challenge as served for medium.com (served with 403 + cf-mitigated: challenge). */
export function cloudflareChallengePage(): string {
  return renderChallengePage({ host: 'medium.com', rayId: '8c0ffee5ba5eba11' });
}
