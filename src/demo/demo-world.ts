/**
 * The offline demo world: a synthetic Medium and a synthetic user site, written by us (no recorded
 * third-party data). It is plain data so each capability can grow it (authors with feeds for
 * discovery, prospects and placements for outreach, drafts for the checker).
 */
import { contentWorld, type DemoContentWorld } from './demo-world-content.js';
import { discoveryAuthors, discoveryStories, SOIL_AND_SPROUT } from './demo-world-discovery.js';
import { type DemoOutreachWorld, outreachWorld } from './demo-world-outreach.js';

export interface DemoLink {
  /** Path on the user's site (resolved against the site origin) or an absolute URL. */
  href: string;
  text: string;
}

/** A paragraph: plain text with optional inline links, in order. */
export interface DemoParagraph {
  kind: 'p' | 'h3' | 'quote';
  parts: (string | DemoLink)[];
}

export interface DemoAuthor {
  id: string;
  username: string;
  name: string;
  bio: string;
  /** A link in the author's bio block (their own site): Medium renders it outside the story body. */
  bioLink: DemoLink | null;
  followers: number;
  following: number;
  memberSince: string;
}

export interface DemoStory {
  postId: string;
  slug: string;
  authorId: string;
  title: string;
  subtitle: string;
  publishedAt: string;
  updatedAt: string;
  readingTimeMinutes: number;
  claps: number;
  voters: number;
  responses: number;
  tags: string[];
  /** Set when the story is a copy of a page on the user's site (path on the user's site). */
  canonicalPath: string | null;
  paragraphs: DemoParagraph[];
  /** Answers with a Cloudflare-style challenge instead of the page. */
  challenge: boolean;
  /** The publication the story appeared in (its URL is then `/<publication>/<slug>-<id>`). */
  publicationSlug?: string | null;
  /** Member-only: feeds carry a snippet instead of the story (notes §1), the page says isLocked. */
  memberOnly?: boolean;
}

export interface DemoPublication {
  id: string;
  slug: string;
  name: string;
  description: string;
  followers: number;
}

export interface DemoSitePage {
  path: string;
  title: string;
  /** HTTP status (a moved page redirects). */
  status: 200 | 301 | 404;
  redirectTo?: string;
  /** Text of the page; paragraphs separated by blank lines. */
  body: string;
}

export interface DemoWorld {
  userSite: { host: string; name: string; ownerName: string; pages: DemoSitePage[] };
  medium: {
    host: string;
    authors: DemoAuthor[];
    stories: DemoStory[];
    publications: DemoPublication[];
    /** The stories the demo's audit step audits (the first four; the others exist for discovery). */
    auditPostIds: string[];
  };
  /** The demo's discovery query (`linkwright discover "gardening" --tag composting --publication soil-and-sprout`). */
  discovery: { keywords: string[]; tags: string[]; publications: string[] };
  /** Placed links the outreach step watches, and how they change between its two checks (demo-world-outreach.ts). */
  outreach: DemoOutreachWorld;
  /** The user's own Medium story (a copy of their guide) and the keyword research before it (demo-world-content.ts). */
  content: DemoContentWorld;
}

export interface DemoWorldOptions {
  /**
   * "Now" of the world (epoch ms). Every date in the world is written as of DEMO_WORLD_ANCHOR and moved by
   * (now − anchor), so a steady writer is active and an inactive one inactive on any day the demo runs.
   * Default: the anchor itself (the dates exactly as written).
   */
  now?: number;
  /**
   * Host name of the fake Medium (default medium.demo.test, resolved to 127.0.0.1 by the demo's own DNS).
   * Tests that drive the real CLI, which has no DNS override, use '127.0.0.1' and reach it directly.
   */
  mediumHost?: string;
}

/** The date the world's dates are written against. */
export const DEMO_WORLD_ANCHOR = '2026-11-01T00:00:00.000Z';

const site = (path: string, text: string): DemoLink => ({ href: `site:${path}`, text });

/**
 * The user's composting guide (paragraphs separated by blank lines). The content step of the demo records it
 * with its keyphrase and checks a Medium copy of it (demo-world-content.ts).
 */
export const HOT_COMPOSTING_GUIDE = [
  'Hot composting turns garden waste into finished compost in about eighteen days instead of a year. The heap has to be big enough to hold its heat, about one cubic metre, and it has to be built in one go.',
  'Mix two buckets of browns, such as shredded cardboard, straw and dry leaves, with one bucket of greens, such as grass clippings, vegetable peelings and coffee grounds. Wet every layer until it feels like a wrung-out sponge.',
  'By day two the middle of the heap reaches sixty degrees. Turn it on day four and then every second day: move the outside to the middle and the middle to the outside, and add water when it steams dry.',
  'After the sixth turn the heap cools down and smells of a forest floor. Leave it to mature for a week, then sieve it and spread it on your beds. Hot composting also kills most weed seeds, which a cold heap never does.',
].join('\n\n');

export function createDemoWorld(options: DemoWorldOptions = {}): DemoWorld {
  const shift = (options.now ?? Date.parse(DEMO_WORLD_ANCHOR)) - Date.parse(DEMO_WORLD_ANCHOR);
  const at = (iso: string): string => new Date(Date.parse(iso) + shift).toISOString();
  return {
    userSite: {
      host: 'greenleaf-garden.test',
      name: 'Greenleaf Garden',
      ownerName: 'Robin Ashdown',
      pages: [
        { path: '/', title: 'Greenleaf Garden — practical organic gardening', status: 200, body: 'Guides and tools for small organic gardens.' },
        {
          path: '/guides/companion-planting',
          title: 'Companion planting chart for 40 vegetables',
          status: 200,
          body: 'Which vegetables help each other, and which to keep apart.',
        },
        { path: '/guides/composting', title: 'Hot composting in 18 days', status: 200, body: HOT_COMPOSTING_GUIDE },
        { path: '/old-compost-guide', title: 'Moved', status: 301, redirectTo: '/guides/composting', body: '' },
        { path: '/tools/soil-ph-calculator', title: 'Soil pH calculator', status: 200, body: 'How much lime or sulphur your bed needs.' },
        { path: '/guides/soil-ph', title: 'Soil pH for beginners', status: 200, body: 'What pH means for your plants, and how to change it.' },
        { path: '/guides/seed-saving', title: 'Seed saving', status: 404, body: 'Not found' },
      ],
    },
    medium: {
      host: options.mediumHost ?? 'medium.demo.test',
      authors: [
        {
          id: 'a1b2c3d4e5f6',
          username: 'maya-fields',
          name: 'Maya Fields',
          bio: 'Market gardener. Writing weekly about soil, compost and small-space growing.',
          bioLink: { href: 'https://mayafields.example/', text: 'mayafields.example' },
          followers: 18400,
          following: 210,
          memberSince: '2019-03-02T00:00:00.000Z',
        },
        {
          id: 'b2c3d4e5f6a1',
          username: 'tom-okafor',
          name: 'Tom Okafor',
          bio: 'Allotment notes from Leeds.',
          bioLink: null,
          followers: 2300,
          following: 95,
          memberSince: '2021-06-11T00:00:00.000Z',
        },
        {
          id: 'c3d4e5f6a1b2',
          username: 'robin-ashdown',
          name: 'Robin Ashdown',
          bio: 'I run Greenleaf Garden.',
          bioLink: site('/', 'greenleaf-garden.test'),
          followers: 640,
          following: 120,
          memberSince: '2022-01-20T00:00:00.000Z',
        },
        ...discoveryAuthors,
      ],
      stories: [
        {
          postId: '5a1e2b3c4d5f',
          slug: 'companion-planting-that-actually-works',
          authorId: 'a1b2c3d4e5f6',
          title: 'Companion planting that actually works',
          subtitle: 'Three pairings I trust after ten seasons, and two I gave up on',
          publishedAt: at('2026-10-02T08:00:00.000Z'),
          updatedAt: at('2026-10-03T09:30:00.000Z'),
          readingTimeMinutes: 6,
          claps: 1840,
          voters: 212,
          responses: 14,
          tags: ['gardening', 'organic-gardening', 'vegetables'],
          canonicalPath: null,
          challenge: false,
          paragraphs: [
            { kind: 'p', parts: ['Most companion-planting lists are folklore. A few pairings hold up in the field.'] },
            { kind: 'h3', parts: ['Basil and tomatoes'] },
            {
              kind: 'p',
              parts: ['The best chart I know is ', site('/guides/companion-planting', 'this companion planting chart'), ', which cites its trials.'],
            },
            { kind: 'p', parts: ['For the science, see ', { href: 'https://extension.example.edu/companion-plants.pdf', text: 'the extension service report' }, '.'] },
          ],
        },
        {
          postId: '6b2f3c4d5e6a',
          slug: 'my-compost-heap-one-year-on',
          authorId: 'b2c3d4e5f6a1',
          title: 'My compost heap, one year on',
          subtitle: 'What went wrong, and the guide that fixed it',
          publishedAt: at('2026-09-14T18:00:00.000Z'),
          updatedAt: at('2026-09-14T18:00:00.000Z'),
          readingTimeMinutes: 4,
          claps: 96,
          voters: 17,
          responses: 2,
          tags: ['composting', 'gardening'],
          canonicalPath: null,
          challenge: false,
          paragraphs: [
            { kind: 'p', parts: ['My first heap was a cold, wet mess.'] },
            { kind: 'p', parts: ['Then I followed ', site('/old-compost-guide', 'a hot composting guide'), ' and it was ready in three weeks.'] },
            { kind: 'p', parts: ['Their ', site('/guides/seed-saving', 'seed saving page'), ' is next on my list.'] },
          ],
        },
        {
          postId: '7c3a4d5e6f7b',
          slug: 'soil-ph-for-beginners',
          authorId: 'c3d4e5f6a1b2',
          title: 'Soil pH for beginners',
          subtitle: 'What the number means and how to move it',
          publishedAt: at('2026-08-01T07:00:00.000Z'),
          updatedAt: at('2026-08-01T07:00:00.000Z'),
          readingTimeMinutes: 5,
          claps: 240,
          voters: 31,
          responses: 3,
          tags: ['soil', 'gardening'],
          canonicalPath: '/guides/soil-ph',
          challenge: false,
          paragraphs: [
            { kind: 'p', parts: ['Soil pH decides which nutrients your plants can reach.'] },
            { kind: 'p', parts: ['Work out how much lime you need with ', site('/tools/soil-ph-calculator', 'the soil pH calculator'), '.'] },
          ],
        },
        {
          postId: '8d4b5e6f7a8c',
          slug: 'raised-beds-on-a-budget',
          authorId: 'a1b2c3d4e5f6',
          title: 'Raised beds on a budget',
          subtitle: 'Pallets, pitfalls and a cheap soil mix',
          publishedAt: at('2026-10-20T08:00:00.000Z'),
          updatedAt: at('2026-10-20T08:00:00.000Z'),
          readingTimeMinutes: 7,
          claps: 2210,
          voters: 260,
          responses: 21,
          tags: ['gardening', 'diy'],
          canonicalPath: null,
          challenge: true,
          paragraphs: [{ kind: 'p', parts: ['Fill them with ', site('/guides/composting', 'your own compost'), '.'] }],
        },
        ...discoveryStories(at),
      ],
      publications: [SOIL_AND_SPROUT],
      auditPostIds: ['5a1e2b3c4d5f', '6b2f3c4d5e6a', '7c3a4d5e6f7b', '8d4b5e6f7a8c'],
    },
    discovery: { keywords: ['gardening'], tags: ['composting'], publications: [SOIL_AND_SPROUT.slug] },
    outreach: outreachWorld(at),
    content: contentWorld(),
  };
}

export function storyPath(story: DemoStory, world: DemoWorld): string {
  if (story.publicationSlug) return `/${story.publicationSlug}/${story.slug}-${story.postId}`;
  const author = world.medium.authors.find((a) => a.id === story.authorId);
  return `/@${author?.username ?? 'unknown'}/${story.slug}-${story.postId}`;
}

/** The stories the audit step of the demo audits (the original four). */
export function auditStories(world: DemoWorld): DemoStory[] {
  return world.medium.auditPostIds.flatMap((id) => world.medium.stories.filter((s) => s.postId === id));
}

/** An author's stories, newest first. */
export function storiesOf(world: DemoWorld, authorId: string): DemoStory[] {
  return world.medium.stories.filter((s) => s.authorId === authorId).sort((a, b) => b.publishedAt.localeCompare(a.publishedAt));
}

/** Resolves `site:/path` hrefs of the world against the user's site origin. */
export function resolveDemoHref(href: string, siteOrigin: string): string {
  return href.startsWith('site:') ? new URL(href.slice(5), siteOrigin).toString() : href;
}
