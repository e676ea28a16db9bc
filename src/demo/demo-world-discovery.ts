/**
 * The part of the demo world that exists for influencer discovery (written by us, no third-party data): one
 * author of each kind a person tells apart when building a shortlist —
 * - Maya Fields (in demo-world.ts): the steady niche writer — about weekly, every story about gardening, solid
 *   claps on every story, one story page answers with a bot challenge;
 * - Dana Brightwell: the one-hit viral author — one balcony-tomato story with 48k claps, the rest a few dozen;
 * - Leo Park: the off-niche author — big and regular, but writes about money; one story mentions tomatoes;
 * - Ivy Hollins: the inactive author — a good composting writer who stopped five months ago;
 * - Tom Okafor (in demo-world.ts): the occasional writer — in the niche, but two stories a quarter.
 * Dates are written as of DEMO_WORLD_ANCHOR (2026-11-01) and moved by the world's clock (`at`).
 */
import type { DemoAuthor, DemoLink, DemoParagraph, DemoPublication, DemoStory } from './demo-world.js';

type At = (iso: string) => string;

const site = (path: string, text: string): DemoLink => ({ href: `site:${path}`, text });
const link = (href: string, text: string): DemoLink => ({ href, text });

export const MAYA_ID = 'a1b2c3d4e5f6';
export const TOM_ID = 'b2c3d4e5f6a1';
export const DANA_ID = 'd4e5f6a1b2c3';
export const LEO_ID = 'e5f6a1b2c3d4';
export const IVY_ID = 'f6a1b2c3d4e5';

export const SOIL_AND_SPROUT: DemoPublication = {
  id: 'abcdef012345',
  slug: 'soil-and-sprout',
  name: 'Soil & Sprout',
  description: 'Stories from small gardens',
  followers: 12_800,
};

export const discoveryAuthors: DemoAuthor[] = [
  {
    id: DANA_ID,
    username: 'dana-brightwell',
    name: 'Dana Brightwell',
    bio: 'Balcony grower. That tomato story.',
    bioLink: null,
    followers: 9_800,
    following: 40,
    memberSince: '2024-02-10T00:00:00.000Z',
  },
  {
    id: LEO_ID,
    username: 'leo-park',
    name: 'Leo Park',
    bio: 'Personal finance, weekly. Not financial advice.',
    bioLink: { href: 'https://leopark-money.example/', text: 'leopark-money.example' },
    followers: 25_000,
    following: 310,
    memberSince: '2020-05-01T00:00:00.000Z',
  },
  {
    id: IVY_ID,
    username: 'ivy-hollins',
    name: 'Ivy Hollins',
    bio: 'Compost nerd. Worms, leaves, bokashi.',
    bioLink: null,
    followers: 4_200,
    following: 150,
    memberSince: '2021-09-15T00:00:00.000Z',
  },
];

interface StorySpec {
  id: string;
  slug: string;
  author: string;
  title: string;
  subtitle: string;
  published: string;
  claps: number;
  responses: number;
  minutes: number;
  tags: string[];
  paragraphs: DemoParagraph[];
  publication?: string;
  memberOnly?: boolean;
}

function story(at: At, s: StorySpec): DemoStory {
  return {
    postId: s.id,
    slug: s.slug,
    authorId: s.author,
    title: s.title,
    subtitle: s.subtitle,
    publishedAt: at(s.published),
    updatedAt: at(s.published),
    readingTimeMinutes: s.minutes,
    claps: s.claps,
    // Roughly 8 claps per clapper: Medium allows up to 50 per reader, most give a handful.
    voters: Math.max(1, Math.round(s.claps / 8)),
    responses: s.responses,
    tags: s.tags,
    canonicalPath: null,
    paragraphs: s.paragraphs,
    challenge: false,
    publicationSlug: s.publication ?? null,
    memberOnly: s.memberOnly ?? false,
  };
}

const p = (...parts: (string | DemoLink)[]): DemoParagraph => ({ kind: 'p', parts });

export function discoveryStories(at: At): DemoStory[] {
  return [
    // ---- Maya Fields: weekly, on topic, steady claps (her two original stories are in demo-world.ts)
    story(at, {
      id: 'a7c1e2d3b401',
      slug: 'mulch-the-lazy-gardeners-secret',
      author: MAYA_ID,
      title: 'Mulch: the lazy gardener’s secret',
      subtitle: 'Less weeding, less watering, better soil',
      published: '2026-10-27T08:00:00.000Z',
      claps: 1320,
      responses: 11,
      minutes: 5,
      tags: ['gardening', 'soil'],
      paragraphs: [
        p(
          'I mulch every bed by November. Here is how, in ',
          link('https://www.youtube.com/watch?v=mulch-demo-01', 'a five-minute video'),
          '.',
        ),
        p(
          'I use ',
          link('https://www.amazon.com/dp/B0MULCH001', 'chopped straw'),
          ' and check the beds with ',
          site('/guides/soil-ph', 'a soil pH guide'),
          '.',
        ),
      ],
    }),
    story(at, {
      id: 'a7c1e2d3b402',
      slug: 'seed-starting-under-lights',
      author: MAYA_ID,
      title: 'Seed starting under lights',
      subtitle: 'A shelf, two LED bars and a timer',
      published: '2026-10-13T08:00:00.000Z',
      claps: 980,
      responses: 9,
      minutes: 6,
      tags: ['vegetables', 'indoor-gardening'],
      paragraphs: [
        p('My timer runs on ', link('https://github.com/mayafields/seed-timer', 'an open-source seed timer'), '.'),
        p('When to sow what: ', link('https://mayafields.example/seed-calendar', 'my seed calendar'), '.'),
      ],
    }),
    story(at, {
      id: 'a7c1e2d3b403',
      slug: 'the-no-dig-method-two-years-in',
      author: MAYA_ID,
      title: 'The no-dig method, two years in',
      subtitle: 'Yields, weeds and worms',
      published: '2026-09-25T08:00:00.000Z',
      claps: 1510,
      responses: 13,
      minutes: 8,
      tags: ['no-dig-gardening', 'soil'],
      paragraphs: [
        p(
          'The evidence is better than I expected: ',
          link('https://doi.org/10.1016/j.still.2020.104001', 'a long-term tillage study'),
          '.',
        ),
        p('The idea in one page: ', link('https://en.wikipedia.org/wiki/No-dig_gardening', 'no-dig gardening'), '.'),
      ],
    }),
    story(at, {
      id: 'a7c1e2d3b404',
      slug: 'compost-tea-what-the-studies-say',
      author: MAYA_ID,
      title: 'Compost tea: what the studies say',
      subtitle: 'Less magic than the forums claim',
      published: '2026-09-18T08:00:00.000Z',
      claps: 870,
      responses: 8,
      minutes: 7,
      tags: ['composting', 'soil'],
      publication: SOIL_AND_SPROUT.slug,
      paragraphs: [
        p('Start with ', link('https://extension.example.edu/compost-tea.pdf', 'the extension review'), '.'),
        p('How I brew it: ', link('https://www.youtube.com/watch?v=compost-tea-02', 'a short video'), '.'),
      ],
    }),
    story(at, {
      id: 'a7c1e2d3b405',
      slug: 'growing-garlic-in-containers',
      author: MAYA_ID,
      title: 'Growing garlic in containers',
      subtitle: 'Plant in autumn, forget until June',
      published: '2026-09-08T08:00:00.000Z',
      claps: 1150,
      responses: 10,
      minutes: 4,
      tags: ['container-gardening', 'vegetables'],
      memberOnly: true,
      paragraphs: [
        p('The varieties I grow are on ', link('https://mayafields.example/garlic-varieties', 'my garlic list'), '.'),
        p('Photos of this year’s crop are ', link('https://twitter.com/mayafields', 'on my Twitter'), '.'),
      ],
    }),
    story(at, {
      id: 'a7c1e2d3b406',
      slug: 'watering-less-growing-more',
      author: MAYA_ID,
      title: 'Watering less, growing more',
      subtitle: 'Deep and rare beats little and often',
      published: '2026-08-21T08:00:00.000Z',
      claps: 1010,
      responses: 12,
      minutes: 5,
      tags: ['water-wise-gardening'],
      paragraphs: [p('The rule of thumb comes from ', link('https://www.rhs.org.uk/advice/watering', 'the RHS watering guide'), '.')],
    }),

    // ---- Tom Okafor: in the niche, but rarely (his compost story is in demo-world.ts)
    story(at, {
      id: 'b7c1e2d3b401',
      slug: 'leeks-in-heavy-clay',
      author: TOM_ID,
      title: 'Leeks in heavy clay',
      subtitle: 'Dibber, water, wait',
      published: '2026-10-22T18:00:00.000Z',
      claps: 140,
      responses: 2,
      minutes: 3,
      tags: ['vegetables', 'allotment'],
      paragraphs: [p('Clay holds water; leeks like that.')],
    }),
    story(at, {
      id: 'b7c1e2d3b402',
      slug: 'first-year-on-the-allotment',
      author: TOM_ID,
      title: 'First year on the allotment',
      subtitle: 'What I would do differently',
      published: '2026-07-03T18:00:00.000Z',
      claps: 75,
      responses: 1,
      minutes: 4,
      tags: ['allotment', 'gardening'],
      paragraphs: [p('Start small. Then start smaller.')],
    }),

    // ---- Dana Brightwell: one viral story, the rest barely read
    story(at, {
      id: 'd7c1e2d3b401',
      slug: 'i-grew-200-kg-of-tomatoes-on-a-balcony',
      author: DANA_ID,
      title: 'I grew 200 kg of tomatoes on a 2 m² balcony',
      subtitle: 'And the neighbours still talk about it',
      published: '2026-09-05T12:00:00.000Z',
      claps: 48_200,
      responses: 640,
      minutes: 9,
      tags: ['gardening', 'vegetables', 'balcony-gardening'],
      paragraphs: [p('It started with one plant and a bucket.')],
    }),
    story(at, {
      id: 'd7c1e2d3b402',
      slug: 'why-my-peppers-failed',
      author: DANA_ID,
      title: 'Why my peppers failed',
      subtitle: 'Too much wind, too little sun',
      published: '2026-09-28T12:00:00.000Z',
      claps: 38,
      responses: 1,
      minutes: 3,
      tags: ['balcony-gardening'],
      paragraphs: [p('Peppers are not tomatoes.')],
    }),
    story(at, {
      id: 'd7c1e2d3b403',
      slug: 'balcony-tomatoes-the-follow-up',
      author: DANA_ID,
      title: 'Balcony tomatoes: the follow-up',
      subtitle: 'Everyone asked, so here it is',
      published: '2026-10-15T12:00:00.000Z',
      claps: 64,
      responses: 3,
      minutes: 4,
      tags: ['gardening'],
      paragraphs: [p('Same balcony, fewer tomatoes.')],
    }),
    story(at, {
      id: 'd7c1e2d3b404',
      slug: 'five-balcony-herbs',
      author: DANA_ID,
      title: 'Five balcony herbs',
      subtitle: 'Basil, chives, mint, thyme, parsley',
      published: '2026-10-29T12:00:00.000Z',
      claps: 22,
      responses: 0,
      minutes: 2,
      tags: ['herbs', 'balcony-gardening'],
      paragraphs: [p('Mint goes in its own pot.')],
    }),

    // ---- Leo Park: weekly and popular, but about money
    ...(
      [
        [
          'e7c1e2d3b401',
          'index-funds-vs-stock-picking',
          'Index funds vs. stock picking in 2026',
          '2026-10-30',
          2100,
          ['investing', 'personal-finance'],
        ],
        [
          'e7c1e2d3b402',
          'what-my-tomato-plants-taught-me-about-investing',
          'What my tomato plants taught me about investing',
          '2026-10-24',
          1800,
          ['investing', 'gardening'],
        ],
        ['e7c1e2d3b403', 'the-4-percent-rule-revisited', 'The 4% rule, revisited', '2026-10-17', 1600, ['personal-finance', 'retirement']],
        ['e7c1e2d3b404', 'crypto-winter-survival-guide', 'Crypto winter survival guide', '2026-10-09', 1900, ['crypto', 'investing']],
        ['e7c1e2d3b405', 'budgeting-apps-compared', 'Budgeting apps compared', '2026-10-02', 1400, ['personal-finance', 'apps']],
        ['e7c1e2d3b406', 'dividend-myths', 'Dividend myths', '2026-09-25', 1700, ['investing']],
        ['e7c1e2d3b407', 'emergency-funds', 'How big should an emergency fund be?', '2026-09-18', 1300, ['personal-finance']],
        ['e7c1e2d3b408', 'rent-vs-buy', 'Rent vs. buy: the spreadsheet', '2026-09-11', 1500, ['real-estate', 'personal-finance']],
      ] as const
    ).map(([id, slug, title, day, claps, tags]) =>
      story(at, {
        id,
        slug,
        author: LEO_ID,
        title,
        subtitle: 'Money, plainly',
        published: `${day}T07:00:00.000Z`,
        claps,
        responses: Math.round(claps / 90),
        minutes: 6,
        tags: [...tags],
        paragraphs: [p('The numbers are in ', link('https://leopark-money.example/sheets', 'my spreadsheet'), '.')],
      }),
    ),

    // ---- Ivy Hollins: good composting writer, silent since early June
    story(at, {
      id: 'f7c1e2d3b401',
      slug: 'bokashi-for-beginners',
      author: IVY_ID,
      title: 'Bokashi for beginners',
      subtitle: 'Fermenting kitchen scraps',
      published: '2026-06-04T09:00:00.000Z',
      claps: 420,
      responses: 6,
      minutes: 6,
      tags: ['composting', 'gardening'],
      paragraphs: [p('Bokashi is a bucket, bran and patience.')],
    }),
    story(at, {
      id: 'f7c1e2d3b402',
      slug: 'worm-bins-in-winter',
      author: IVY_ID,
      title: 'Worm bins in winter',
      subtitle: 'Keep them above 5 °C',
      published: '2026-05-20T09:00:00.000Z',
      claps: 510,
      responses: 7,
      minutes: 5,
      tags: ['composting', 'vermicomposting'],
      paragraphs: [p('Insulate the bin with cardboard.')],
    }),
    story(at, {
      id: 'f7c1e2d3b403',
      slug: 'leaf-mould-in-twelve-months',
      author: IVY_ID,
      title: 'Leaf mould in twelve months',
      subtitle: 'The easiest compost there is',
      published: '2026-05-06T09:00:00.000Z',
      claps: 380,
      responses: 4,
      minutes: 4,
      tags: ['composting'],
      publication: SOIL_AND_SPROUT.slug,
      paragraphs: [p('Bag the leaves, wet them, wait.')],
    }),
    story(at, {
      id: 'f7c1e2d3b404',
      slug: 'hot-vs-cold-compost',
      author: IVY_ID,
      title: 'Hot vs. cold compost',
      subtitle: 'Which one suits your garden',
      published: '2026-04-22T09:00:00.000Z',
      claps: 450,
      responses: 5,
      minutes: 5,
      tags: ['composting', 'soil'],
      paragraphs: [p('Hot is fast; cold is easy.')],
    }),
  ];
}
