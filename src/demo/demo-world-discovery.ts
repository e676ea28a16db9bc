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
/** A subheading (rendered as Medium's H3, which the content checker and keyword targets count). */
const h = (text: string): DemoParagraph => ({ kind: 'h3', parts: [text] });

/**
 * Leo Park's money stories, newest first. Only the tomato story borrows a garden metaphor; none uses
 * composting vocabulary, so they stay background for keyword research on "composting".
 */
const LEO_STORIES: {
  id: string;
  slug: string;
  title: string;
  day: string;
  claps: number;
  tags: string[];
  minutes: number;
  paragraphs: DemoParagraph[];
}[] = [
  {
    id: 'e7c1e2d3b401',
    slug: 'index-funds-vs-stock-picking',
    title: 'Index funds vs. stock picking in 2026',
    day: '2026-10-30',
    claps: 2100,
    tags: ['investing', 'personal-finance'],
    minutes: 1,
    paragraphs: [
      p(
        'Every year someone asks me whether they should pick their own stocks. Every year my answer is the same: for almost everyone, a low-cost index fund wins.',
      ),
      p(
        'The reason is simple arithmetic. Before costs, the average investor earns the market return, because together they are the market. After costs, the average active investor must trail the index.',
      ),
      p(
        'Most professional fund managers fail to beat their benchmark index over ten years or more, once fees are taken off. A private investor with less time and less information is unlikely to do better.',
      ),
      p(
        'Costs matter more than people think. A fund charging one per cent a year instead of a tenth of a per cent takes a large slice of your final pot over thirty years, because the fee compounds just like the returns. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        '.',
      ),
      p(
        'Stock picking is not wrong if you enjoy it. Keep it to a small slice of your portfolio, say five or ten per cent, and put the rest in a broad, cheap index fund you never have to think about.',
      ),
      p(
        'Whatever you choose, the habits that matter most are boring ones: invest every month, keep fees low, and do not sell in a panic when the market falls.',
      ),
    ],
  },
  {
    id: 'e7c1e2d3b402',
    slug: 'what-my-tomato-plants-taught-me-about-investing',
    title: 'What my tomato plants taught me about investing',
    day: '2026-10-24',
    claps: 1800,
    tags: ['investing', 'gardening'],
    minutes: 1,
    paragraphs: [
      p(
        'This summer I grew tomatoes for the first time, in two pots by the back door. Somewhere around August I realised the plants had been teaching me the same lessons as my investment account.',
      ),
      p(
        'Patience beats activity. In the first week I checked the plants every hour and kept moving them around. They grew best once I left them alone, just like a portfolio I stopped checking every day.',
      ),
      p(
        'Pruning is part of growth. Pinching out side shoots felt wasteful, but it put the energy into fruit. Rebalancing works the same way: trimming what has grown too big keeps the whole portfolio healthy.',
      ),
      p(
        'Small, regular care adds up. A little water every evening did more than any big weekend effort, and a modest monthly contribution does more than a lucky trade, because it compounds for decades. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        '.',
      ),
      p(
        'And bad weather passes. A cold week in June set the plants back, and they recovered. Markets fall too, and the investors who do well are usually the ones who stay invested through the bad weeks.',
      ),
      p(
        'None of this is a clever trick. Like a plant, a portfolio mostly needs time, a sunny spot and an owner who resists the urge to dig it up every week to look at the roots.',
      ),
    ],
  },
  {
    id: 'e7c1e2d3b403',
    slug: 'the-4-percent-rule-revisited',
    title: 'The 4% rule, revisited',
    day: '2026-10-17',
    claps: 1600,
    tags: ['personal-finance', 'retirement'],
    minutes: 1,
    paragraphs: [
      p(
        'The 4% rule says you can withdraw four per cent of your savings in the first year of retirement, raise that amount with inflation every year, and expect the money to last thirty years. It comes from studies of past stock and bond returns.',
      ),
      p(
        'It is a useful starting point, but it is not a law. Retire into a long market slump or a few years of high inflation, and four per cent can run you dry. Retire early, and thirty years may not be long enough.',
      ),
      p(
        'I tested the rule against different starting years and portfolio mixes. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        '. A flexible plan did best: spend a little less in years when the market falls, and a little more when it rises.',
      ),
      p(
        'If you plan around the 4% rule, treat it as a rough guide. Keep a cash buffer for the bad years, review your withdrawal rate every year, and think of three and a half per cent as the cautious figure.',
      ),
      p(
        'Fees matter here too. A portfolio paying one per cent a year in charges turns a four per cent withdrawal into five, and that extra point can decide whether the money lasts.',
      ),
    ],
  },
  {
    id: 'e7c1e2d3b404',
    slug: 'crypto-winter-survival-guide',
    title: 'Crypto winter survival guide',
    day: '2026-10-09',
    claps: 1900,
    tags: ['crypto', 'investing'],
    minutes: 1,
    paragraphs: [
      p(
        'Crypto prices have fallen hard again, and my inbox is full of readers asking whether to sell everything. Before you do anything, take a breath.',
      ),
      p(
        'First, check how much of your net worth is actually in crypto. If another fall by half would touch your rent or your emergency fund, you hold too much, whatever happens next.',
      ),
      p(
        'Second, move your coins off small or shaky exchanges. In past downturns several platforms froze withdrawals for weeks. A hardware wallet or a large, regulated exchange is the safer place to wait.',
      ),
      p(
        'Third, keep a record of every trade. Losses can often be set against gains for tax, and you will need the dates and prices. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        ', with a simple trade log you can copy.',
      ),
      p(
        'Also, stop checking prices every hour. Delete the app from your phone for a month if you must: watching every drop makes a panic sale far more likely.',
      ),
      p(
        'Finally, decide your plan while you are calm. Write down what would make you buy, hold or sell, and stick to it. Most of the damage in a crypto winter comes from decisions made in a panic.',
      ),
    ],
  },
  {
    id: 'e7c1e2d3b405',
    slug: 'budgeting-apps-compared',
    title: 'Budgeting apps compared',
    day: '2026-10-02',
    claps: 1400,
    tags: ['personal-finance', 'apps'],
    minutes: 1,
    paragraphs: [
      p(
        'I spent three months using five budgeting apps side by side, with the same bank accounts and the same spending, to find out which ones actually help.',
      ),
      p('I scored each app on setup time, bank connections, how often I actually opened it and what it cost over a year.'),
      p(
        'The apps fall into two camps. Zero-based budgeting apps make you give every pound a job before you spend it. Tracking apps simply sort your transactions into categories after the fact.',
      ),
      p(
        'The zero-based apps changed my habits more, but they take ten minutes a day and most charge a monthly subscription. Tracking apps are free or cheap and easy to live with, but also easy to ignore.',
      ),
      p(
        'Bank syncing was the weak point everywhere. Two apps lost the connection to my current account several times, and one counted a transfer twice. The scores for each app are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        '.',
      ),
      p('My advice: pick the simplest app you will open every week. The best budget is the one you keep using.'),
    ],
  },
  {
    id: 'e7c1e2d3b406',
    slug: 'dividend-myths',
    title: 'Dividend myths',
    day: '2026-09-25',
    claps: 1700,
    tags: ['investing'],
    minutes: 1,
    paragraphs: [
      p('Dividend investing has a devoted fan base, and some of its favourite ideas do not hold up.'),
      p(
        'Myth one: dividends are free money. When a company pays a dividend, its share price drops by about the same amount. Your wealth does not change; part of it just moves into your account as cash.',
      ),
      p(
        'Myth two: a high yield means a good investment. A very high yield often means the share price has collapsed because investors expect the dividend to be cut.',
      ),
      p(
        'Myth three: dividend shares are safe. Companies cut dividends in hard times, and a portfolio built only on high payers is often heavy in a few sectors, such as banks and energy.',
      ),
      p(
        'Myth four: you need dividends to live on in retirement. You can sell a few shares from a broad fund just as easily, often with a smaller tax bill.',
      ),
      p(
        'None of this makes dividends bad. Total return is what counts: price growth plus dividends, minus costs and tax. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        ', comparing ten years of high-yield and broad-market funds.',
      ),
    ],
  },
  {
    id: 'e7c1e2d3b407',
    slug: 'emergency-funds',
    title: 'How big should an emergency fund be?',
    day: '2026-09-18',
    claps: 1300,
    tags: ['personal-finance'],
    minutes: 1,
    paragraphs: [
      p(
        'The standard advice is to keep three to six months of expenses in an emergency fund. It is a good rule, but the right number depends on your life.',
      ),
      p(
        'Count expenses, not income. Add up what you must pay each month, such as rent or mortgage, bills, food and transport, and multiply that figure, not your salary.',
      ),
      p(
        'Then adjust. A single income, a job in a volatile industry, children or an old car all point towards six months or more. Two stable incomes and no dependants might mean three months is enough.',
      ),
      p(
        'Keep the money in an easy-access savings account, separate from your current account, so it earns some interest and is not spent by accident. The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        ', with a tab for your own figures.',
      ),
      p(
        'Do not invest it. An emergency fund has one job, to be there in full on your worst day, and shares can be down by a third on exactly that day.',
      ),
      p('Build it slowly if you have to. Even one month of expenses turns most emergencies into inconveniences.'),
    ],
  },
  {
    id: 'e7c1e2d3b408',
    slug: 'rent-vs-buy',
    title: 'Rent vs. buy: the spreadsheet',
    day: '2026-09-11',
    claps: 1500,
    tags: ['real-estate', 'personal-finance'],
    minutes: 1,
    paragraphs: [
      p(
        'Buying a home is often called the best investment you will ever make. Sometimes it is. Sometimes renting and investing the difference leaves you richer.',
      ),
      p(
        'A fair comparison needs more than the mortgage payment against the rent. Owners also pay for maintenance, insurance, property taxes and the costs of buying and selling. Renters can keep their deposit invested.',
      ),
      p(
        'The numbers are in ',
        link('https://leopark-money.example/sheets', 'my spreadsheet'),
        '. Put in the price, the rent, your deposit and the returns you expect, and it shows the year when buying starts to pay off.',
      ),
      p(
        'In most of my test cases, buying came out ahead only if you stayed at least five to seven years. Move sooner, and the buying and selling costs eat the gain.',
      ),
      p(
        'House prices do not always rise, either. After inflation, prices in many cities have stayed flat for ten years or more at a time.',
      ),
      p(
        'Money is not the only question. Owning gives you security and the freedom to change your home; renting gives you flexibility and fewer surprise bills. Run the numbers, then decide what you value.',
      ),
    ],
  },
];

export function discoveryStories(at: At): DemoStory[] {
  return [
    // ---- Maya Fields: weekly, on topic, steady claps (her two original stories are in demo-world.ts).
    // Only her compost-tea story uses composting vocabulary; the others are background for keyword research.
    story(at, {
      id: 'a7c1e2d3b401',
      slug: 'mulch-the-lazy-gardeners-secret',
      author: MAYA_ID,
      title: 'Mulch: the lazy gardener’s secret',
      subtitle: 'Less weeding, less watering, better soil',
      published: '2026-10-27T08:00:00.000Z',
      claps: 1320,
      responses: 11,
      minutes: 2,
      tags: ['gardening', 'soil'],
      paragraphs: [
        p(
          'Every autumn I watch neighbours spend whole weekends weeding beds that will sit empty until spring. I spend one afternoon mulching instead, and my beds come out of winter darker, softer and almost free of weeds.',
        ),
        p(
          'I mulch every bed by November, once the last crops are out and the ground is still warm. Here is how, in ',
          link('https://www.youtube.com/watch?v=mulch-demo-01', 'a five-minute video'),
          '.',
        ),
        h('What to spread'),
        p(
          'I use ',
          link('https://www.amazon.com/dp/B0MULCH001', 'chopped straw'),
          ' on the vegetable beds, bark chips on the paths and well-rotted manure where next year’s hungriest crops will go. Before I spread anything, I check the beds with ',
          site('/guides/soil-ph', 'a soil pH guide'),
          ', so I know whether they need lime first.',
        ),
        p(
          'Spread the mulch five to eight centimetres deep, but keep it a hand’s width away from stems and trunks. Mulch piled against a stem holds moisture on the bark and invites rot and slugs.',
        ),
        h('What it does for you'),
        p(
          'A good mulch stops heavy rain from beating the surface into a crust, keeps the soil cooler in summer and warmer in winter, and feeds the earthworms that pull it down into the topsoil. By spring most of the straw has gone, and the ground underneath crumbles in your hand.',
        ),
        p(
          'The weeds that do get through are weak and pale, and they pull out roots and all. In a dry summer I water about half as often as I did before. For a lazy gardener that is the whole point: less weeding, less watering and better soil, for one afternoon of work.',
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
      minutes: 2,
      tags: ['vegetables', 'indoor-gardening'],
      paragraphs: [
        p(
          'My windowsills used to grow leggy, pale seedlings that flopped over the moment they went outside. Three winters ago I built a seed-starting shelf in the spare room: a wire rack, two LED bars and a plug-in timer. My seedlings have been short, sturdy and dark green ever since.',
        ),
        h('The set-up'),
        p(
          'Hang the LED bars five to ten centimetres above the trays and raise them as the plants grow. Seedlings want about sixteen hours of light a day, and a timer means you never forget to switch them off. My timer runs on ',
          link('https://github.com/mayafields/seed-timer', 'an open-source seed timer'),
          ', which also logs the temperature on the shelf.',
        ),
        p(
          'Sow into modules filled with a fine, peat-free seed-starting mix, water from below, and keep the trays on a heat mat until the seeds germinate. Take the lid off as soon as the first leaves show, or damping off can take half the tray.',
        ),
        h('Timing'),
        p(
          'Tomatoes, peppers and aubergines go under the lights in late February; lettuce, cabbages and onions a few weeks later. When to sow what: ',
          link('https://mayafields.example/seed-calendar', 'my seed calendar'),
          '.',
        ),
        p(
          'Harden the young plants off for a week before planting out: a few hours outside on the first day, a whole day by the end of the week. Plants raised under lights have never felt wind, and a sudden move can check their growth for weeks.',
        ),
        p('The whole shelf cost less than one season of bought plug plants, and it uses about as much electricity as a small fridge.'),
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
      minutes: 2,
      tags: ['no-dig-gardening', 'soil'],
      paragraphs: [
        p(
          'Two years ago I put my spade away. Every bed on my plot is now no-dig: I never turn the soil over, I just spread organic matter on top each autumn and plant straight into it. I expected lower yields and more weeds in the first year. I got neither.',
        ),
        h('Why leave the soil alone'),
        p(
          'The evidence is better than I expected: ',
          link('https://doi.org/10.1016/j.still.2020.104001', 'a long-term tillage study'),
          ' found more soil life, better structure and more stored carbon in untilled ground than in ploughed plots.',
        ),
        p(
          'The idea in one page: ',
          link('https://en.wikipedia.org/wiki/No-dig_gardening', 'no-dig gardening'),
          '. Digging tears up the fungal threads and the tunnels of earthworms, and it brings buried weed seeds up to the light. Left alone, the soil builds its own structure.',
        ),
        h('Two years of notes'),
        p(
          'To start a bed, I lay cardboard straight on the grass, soak it, and cover it with about ten centimetres of well-rotted manure. Potatoes and squash planted into that first layer did well; carrots and parsnips sulked until the second year.',
        ),
        p(
          'Weeding now takes ten minutes a week in summer. Annual weeds still blow in, but they sit in the loose surface layer and lift out with a hand fork. Perennial weeds took two seasons of pulling to give up.',
        ),
        p(
          'My yields in the second year were the best I have recorded: more onions, heavier beans and far fewer forked carrots. The soil under the mulch is dark, crumbly and full of worms, and it stays moist through dry spells. I will not go back to digging.',
        ),
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
      minutes: 1,
      tags: ['composting', 'soil'],
      publication: SOIL_AND_SPROUT.slug,
      paragraphs: [
        p(
          'Compost tea has a loyal following. Forum posts promise that a bucket of brewed compost will cure blight, feed your plants and wake up tired soil. I brewed it for three seasons before I went looking for the evidence.',
        ),
        h('What the studies found'),
        p(
          'Start with ',
          link('https://extension.example.edu/compost-tea.pdf', 'the extension review'),
          '. It finds little sound evidence that compost tea prevents plant disease, and the results vary widely from batch to batch. Brews with added molasses can even grow harmful bacteria.',
        ),
        p(
          'What compost tea does do is carry a small dose of soluble nutrients and soil microbes to the roots. That is useful, but a five-centimetre layer of finished compost spread on the bed does the same job better, and it lasts all season.',
        ),
        h('If you still want to brew'),
        p(
          'How I brew it: ',
          link('https://www.youtube.com/watch?v=compost-tea-02', 'a short video'),
          '. I fill a mesh bag with finished compost from a hot composting heap, or a few handfuls of castings from the worm bin, and bubble it in rainwater with an aquarium pump for a day.',
        ),
        p(
          'Use the tea the same day and water it onto the soil, not the leaves. Never brew from a heap that took meat, or manure that never heated up.',
        ),
        p(
          'Then put most of your effort where the studies say it pays: into good compost, made from kitchen scraps and garden waste with a sensible balance of browns and greens.',
        ),
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
      minutes: 1,
      tags: ['container-gardening', 'vegetables'],
      memberOnly: true,
      paragraphs: [
        p(
          'Garlic is the easiest crop I grow, and it is perfect for a pot. You plant it in autumn, leave it outside all winter, and lift fat bulbs in early summer. It needs almost no attention in between.',
        ),
        p(
          'Choose a container at least twenty centimetres deep with good drainage holes, and fill it with a free-draining potting mix with a few handfuls of grit. Garlic hates sitting in wet soil over winter. A pot forty centimetres across holds about ten cloves.',
        ),
        h('Planting'),
        p(
          'Split the bulb into cloves just before planting and push each one in, pointed end up, until the tip sits about three centimetres below the surface. The varieties I grow are on ',
          link('https://mayafields.example/garlic-varieties', 'my garlic list'),
          '; hardneck types need a proper cold spell to form good bulbs.',
        ),
        p(
          'Water the pot once after planting and then only in dry spells. In spring, give the plants a liquid seaweed feed every two weeks until the leaves start to turn yellow.',
        ),
        h('Harvest'),
        p(
          'Lift the bulbs when about half of the leaves have gone brown, usually in June, and dry them somewhere airy for two weeks before you store them. Photos of this year’s crop are ',
          link('https://twitter.com/mayafields', 'on my Twitter'),
          '.',
        ),
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
      minutes: 1,
      tags: ['water-wise-gardening'],
      paragraphs: [
        p(
          'For years I watered my vegetable beds for ten minutes every evening. The plants looked fine, but their roots stayed in the top few centimetres of soil, and the first hot week wilted everything. Watering less often, and more deeply, fixed that.',
        ),
        p(
          'The rule of thumb comes from ',
          link('https://www.rhs.org.uk/advice/watering', 'the RHS watering guide'),
          ': soak the bed to the depth of the roots once or twice a week rather than sprinkling a little every day. Deep watering draws roots down after the moisture, where the soil stays cool and damp.',
        ),
        h('How I water now'),
        p(
          'I water early in the morning, at the base of the plants, with a watering can or a soaker hose. Wet leaves at night invite mildew and slugs. A finger pushed into the soil tells you more than any schedule: if it is dry at the second knuckle, it is time.',
        ),
        p(
          'New seedlings and transplants are the exception: they need a little water often until their roots are established. Pots and hanging baskets dry out fast too, and may need watering every day in summer.',
        ),
        p(
          'A water butt on every shed and a thick mulch over bare soil did the rest. Last summer I watered half as often as I used to, and my tomatoes and beans cropped better than ever.',
        ),
      ],
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
      minutes: 1,
      tags: ['vegetables', 'allotment'],
      paragraphs: [
        p(
          'Clay holds water; leeks like that. My allotment sits on heavy yellow clay that sticks to your boots from October to April, and for years I thought it was the enemy. Leeks changed my mind.',
        ),
        p(
          'I sow leeks in a seed tray in March and let them grow to the thickness of a pencil by June. Then I make a hole fifteen centimetres deep with a dibber, drop one seedling into each, and fill the hole with water instead of soil. The clay settles round the roots on its own.',
        ),
        p(
          'Space them fifteen centimetres apart, in rows thirty centimetres apart. The deep hole gives you a long white stem without any earthing up.',
        ),
        p(
          'Watch out for leek moth and rust. A fine mesh over the bed keeps the moth off, and rust, the orange spots on the leaves, looks bad but rarely spoils the crop.',
        ),
        p(
          'In a dry summer the clay keeps enough moisture to carry the plants through, so I hardly water them. The one thing I do is dig well-rotted manure into the bed the winter before, which opens up the clay and feeds the crop.',
        ),
        p(
          'Leeks stand in the ground all winter, and you lift them as you need them. On the coldest days in January they are often the only thing on my plot worth picking.',
        ),
      ],
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
      minutes: 1,
      tags: ['allotment', 'gardening'],
      paragraphs: [
        p(
          'When I took on my allotment, it was waist-high in brambles and couch grass. I had big plans: twenty different crops, a greenhouse and a pond by summer. By July I was behind on everything.',
        ),
        p(
          'Start small. Then start smaller. Clear one bed properly and plant it, rather than half-clearing the whole plot. A weed-free bed of beans does more for your morale than a plot full of good intentions.',
        ),
        h('What I would do differently'),
        p(
          'Cover the ground you cannot use yet. Black sheeting over the rough half of the plot would have saved me weeks of weeding the following spring.',
        ),
        p(
          'Grow what you eat. I grew kohlrabi because it looked interesting, and nobody at home would touch it. Potatoes, beans, onions and salad leaves paid for the rent many times over.',
        ),
        p(
          'Talk to the neighbours. The man two plots down has grown on the same clay for thirty years, and his advice on slugs and sowing dates beat anything I read.',
        ),
        p(
          'Keep a notebook. Write down what you sowed, where and when, and what came up. By the second spring it is the most useful book you own.',
        ),
        p('Most of all, be patient. The first year on an allotment is for learning the ground. The harvests come in the second.'),
      ],
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
      minutes: 2,
      tags: ['gardening', 'vegetables', 'balcony-gardening'],
      paragraphs: [
        p(
          'It started with one plant and a bucket. Three summers ago a friend gave me a spare cherry tomato seedling, and I put it in an old paint bucket on my balcony, which is two metres by one and faces south-west. That one plant gave me more tomatoes than I could eat, and I was hooked.',
        ),
        h('The set-up'),
        p(
          'This year I grew fourteen plants in the same space: ten cordon tomatoes trained up strings tied to the railing above, and four bush varieties in hanging baskets. Each cordon grew in its own forty-litre container of rich potting mix.',
        ),
        p(
          'Tomatoes on a balcony live or die by water. In July each plant drank up to three litres a day, so I fitted a drip irrigation kit fed from a water butt and a cheap timer. From the first truss onwards they got a high-potash tomato feed every week.',
        ),
        h('What made the difference'),
        p(
          'Pinch out every side shoot on cordon varieties, or the plant spends its energy on leaves. Strip the lower leaves once the first fruits set, so air moves through the plants. And pick the fruit as soon as it colours: a plant that is picked often keeps flowering.',
        ),
        p(
          'Water and feed at the same time every day. Uneven watering is what splits the fruit and causes blossom end rot, the black patch at the bottom of a tomato.',
        ),
        p(
          'I weighed every harvest from late June to the first frost in October. The total came to just over 200 kg, most of it from three heavy-cropping varieties.',
        ),
        p(
          'The neighbours still talk about it. Half the building now has a tomato plant on the balcony, and the couple downstairs swap their basil for my spare fruit. If you have a sunny balcony, a bucket and one plant is all it takes to start.',
        ),
      ],
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
      minutes: 1,
      tags: ['balcony-gardening'],
      paragraphs: [
        p(
          'After the tomato summer I was sure I could grow anything on my balcony. So this spring I planted six sweet pepper plants and two chillies in the same containers. By August I had picked four small, thin-walled peppers.',
        ),
        p(
          'Peppers are not tomatoes. They want more heat, steadier conditions and far less wind. My balcony is on the fifth floor, and the gusts that barely bothered the tomatoes tore the pepper flowers off before they could set.',
        ),
        p(
          'The sun was the second problem. A new building across the street now shades my balcony after three in the afternoon, and peppers need six to eight hours of direct sunlight to ripen.',
        ),
        p(
          'Peppers also hate cold nights. Mine went out in early May, and one chilly week stopped them growing for a month. The few peppers I did pick tasted wonderful, which is the only reason I am trying again.',
        ),
        p(
          'Next year I will try again, with a clear windbreak on the railing, smaller chilli varieties that ripen faster, and the pots pushed up against the warm back wall. I will also sow in February, so the plants are bigger when they go out.',
        ),
      ],
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
      minutes: 1,
      tags: ['gardening'],
      paragraphs: [
        p(
          'Everyone asked, so here it is. Same balcony, fewer tomatoes. This year I grew eight plants instead of fourteen and picked about sixty kilos, which is still more than my freezer can hold.',
        ),
        p(
          'The biggest change was the weather. June was cold and wet, the first trusses set late, and blight arrived in August. I lost two plants completely and cut infected leaves off the rest every morning.',
        ),
        h('Your questions'),
        p(
          'Most of you asked about the containers. I still use forty-litre pots, but this year I topped up the old potting mix with slow-release fertiliser instead of replacing it, and the plants looked hungry by midsummer. Next year the mix gets replaced.',
        ),
        p(
          'Watering was easier this year. The drip irrigation kit still works, and with fewer plants one water butt lasted through most of the dry spells.',
        ),
        p(
          'Many of you also asked which varieties to grow. On a small balcony, pick cordon cherry tomatoes: they crop for months, ripen fast and shrug off the wind.',
        ),
        p(
          'Thank you for all the messages and the photos of your own plants. Next year I will try grafted plants and a blight-resistant variety.',
        ),
      ],
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
      minutes: 1,
      tags: ['herbs', 'balcony-gardening'],
      paragraphs: [
        p(
          'Herbs are the best value on a small balcony: they cost little, grow happily in small pots and save you money every week. These are the five I would not be without.',
        ),
        p('Basil loves heat, so give it the sunniest corner and water it in the morning. Pinch out the tips to keep it bushy.'),
        p('Chives come back every spring and need almost no care. Cut them to the ground after flowering and they regrow within weeks.'),
        p('Mint goes in its own pot. Its roots run everywhere and will strangle anything that shares a container.'),
        p(
          'Use pots with drainage holes and a light, free-draining potting mix. Feed sparingly: herbs grown a little hungry have more flavour than herbs pushed with fertiliser.',
        ),
        p(
          'Thyme and parsley finish the set. Thyme likes poor, gritty soil and hates wet feet; parsley wants a deeper pot, richer soil and a little shade in the afternoon.',
        ),
        p('Pick little and often, always from the top, and five pots will keep your kitchen in fresh herbs from May to October.'),
      ],
    }),

    // ---- Leo Park: weekly and popular, but about money
    ...LEO_STORIES.map((s) =>
      story(at, {
        id: s.id,
        slug: s.slug,
        author: LEO_ID,
        title: s.title,
        subtitle: 'Money, plainly',
        published: `${s.day}T07:00:00.000Z`,
        claps: s.claps,
        responses: Math.round(s.claps / 90),
        minutes: s.minutes,
        tags: [...s.tags],
        paragraphs: s.paragraphs,
      }),
    ),

    // ---- Ivy Hollins: good composting writer, silent since early June. Her stories share the niche's
    // phrases (kitchen scraps, browns and greens, shredded cardboard, finished compost, worm bin) on purpose:
    // that overlap is what keyword research on "composting" is meant to find.
    story(at, {
      id: 'f7c1e2d3b401',
      slug: 'bokashi-for-beginners',
      author: IVY_ID,
      title: 'Bokashi for beginners',
      subtitle: 'Fermenting kitchen scraps',
      published: '2026-06-04T09:00:00.000Z',
      claps: 420,
      responses: 6,
      minutes: 1,
      tags: ['composting', 'gardening'],
      paragraphs: [
        p(
          'Bokashi is a bucket, bran and patience. It is a Japanese way of fermenting kitchen scraps in a sealed bucket, and it takes the food waste a compost heap should not: cooked leftovers, meat, fish and dairy.',
        ),
        h('How it works'),
        p(
          'Every time you add kitchen scraps, press them down to push out the air and sprinkle a handful of bokashi bran over the top. The bran carries the microbes that ferment the waste, much like making sauerkraut. Close the lid tightly after each layer.',
        ),
        p('Drain the liquid from the tap at the bottom every few days. Diluted a hundred times with water, it makes a mild plant feed.'),
        p(
          'When the bucket is full, leave it closed for two weeks. The waste will not look rotted; it will look pickled and smell sour, like cider vinegar. A white mould on top is a good sign.',
        ),
        h('Finishing the job'),
        p(
          'Fermented bokashi is not finished compost yet. Bury it in a trench in the garden, or mix it into your compost heap or worm bin, where it breaks down within a few weeks. It is rich in nitrogen, so balance it with browns such as shredded cardboard or dry leaves.',
        ),
        p(
          'Two buckets work best: one to fill while the other ferments. For a family of four, one bucket of bokashi bran lasts about three months, and it turns a whole season of kitchen scraps into compost.',
        ),
      ],
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
      minutes: 1,
      tags: ['composting', 'vermicomposting'],
      paragraphs: [
        p(
          'Compost worms slow down when the weather turns cold, and below about five degrees they stop eating. A worm bin that thrives all summer can lose most of its worms in one hard frost.',
        ),
        h('Keep the bin warm'),
        p(
          'Insulate the bin with cardboard. Wrap the sides in layers of cardboard or an old blanket, and tuck a thick pad of damp shredded cardboard under the lid. Move the bin against a house wall, or into a shed or garage if you can.',
        ),
        p(
          'Feed less in winter. Worms eat far more slowly in the cold, and uneaten kitchen scraps turn sour and wet. Add small amounts of chopped scraps once a week, and check that the last meal has gone before you add the next.',
        ),
        p(
          'Watch the balance of browns and greens. Winter food waste is mostly wet peelings, so add a handful of shredded cardboard or paper with every feed. It keeps the carbon to nitrogen ratio right, keeps the bedding fluffy and soaks up extra moisture.',
        ),
        h('When spring comes'),
        p(
          'Leave the worm castings where they are until spring, because harvesting in winter disturbs the worms when they can least cope. Once the nights stay above freezing, feed more and the worms will breed again. Use the castings like any finished compost, or mix them into potting mix.',
        ),
      ],
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
      minutes: 1,
      tags: ['composting'],
      publication: SOIL_AND_SPROUT.slug,
      paragraphs: [
        p(
          'Leaf mould is the easiest compost there is. It needs no turning, no balancing of browns and greens and no kitchen scraps, just autumn leaves and time.',
        ),
        p(
          'Bag the leaves, wet them, wait. Rake them up after rain, stuff them into black bin bags and poke a few holes in the sides with a fork. If the leaves are dry, add a can of water before you tie the bag.',
        ),
        h('Why it takes a year'),
        p(
          'Fallen leaves are mostly carbon and tough fibres that bacteria struggle with. Fungi do the work instead, slowly and in the cold, so a pile of leaves never heats up like a hot composting heap. That is why leaf mould takes a year rather than weeks.',
        ),
        p(
          'Oak, beech and hornbeam leaves rot fastest. Tough leaves such as sycamore and horse chestnut break down quicker if you shred them first with a lawnmower.',
        ),
        p(
          'After twelve months you have a dark, crumbly leaf mould that makes a superb mulch and soil improver. Leave it for two years and it is fine enough to sieve into a seed-sowing mix.',
        ),
        p(
          'If you have more leaves than bags, build a simple cage of chicken wire in a corner of the garden and pile them in. Keep evergreen leaves and pine needles out; they belong in the compost heap, in small amounts.',
        ),
      ],
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
      minutes: 2,
      tags: ['composting', 'soil'],
      paragraphs: [
        p(
          'Hot is fast; cold is easy. Both end with the same dark, crumbly finished compost, so the right choice depends on how much material you have and how much work you want to do.',
        ),
        h('Hot composting'),
        p(
          'Hot composting builds a heap of about a cubic metre in one go, with the right carbon to nitrogen ratio: roughly two parts browns, such as straw, dry leaves and shredded cardboard, to one part greens, such as grass clippings and kitchen scraps. Kept moist and turned every few days, the middle of the heap reaches sixty degrees, and the compost is ready in four to eight weeks.',
        ),
        p(
          'The heat kills most weed seeds and plant diseases, which a cold heap never does. The price is effort: you need enough material at once, and you have to turn it regularly.',
        ),
        h('Cold composting'),
        p(
          'Cold composting is what most of us do: add kitchen scraps and garden waste to a bin as they come, and wait. It takes a year or more and weed seeds survive, but it needs almost no work.',
        ),
        p(
          'Get the browns and greens roughly right and a cold heap rarely smells. If yours turns slimy, add dry browns; if nothing happens, add greens and water.',
        ),
        p(
          'My advice for a small garden: keep a cold compost bin going all year, and build one hot heap in late summer, when the lawn and the vegetable beds give you plenty of material at once.',
        ),
      ],
    }),
  ];
}
