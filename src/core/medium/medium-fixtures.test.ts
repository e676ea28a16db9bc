/**
 * Every real Medium sample in ../shared/fixtures/medium parses, with the values read from each file by hand
 * (expectations written here, the files are not copied). See shared/fixtures/medium/PROVENANCE.md for sources.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import type { MediumStory, MediumStoryResult } from './medium-types.js';
import { readMediumAuthor } from './read-author.js';
import { readMediumFeed } from './read-feed.js';
import { readMediumStory } from './read-story.js';

const ROOT = ['fixtures', 'medium'];

function fixture(rel: string): string {
  return readFileSync(join(requireSharedPath(...ROOT), rel), 'utf8');
}

function okStory(result: MediumStoryResult): MediumStory {
  if (result.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.story;
}

interface LinkExpectation {
  href: string;
  anchorText: string;
  rel: string[] | null;
  paragraph: string;
}

interface StoryExpectation {
  source: MediumStory['source'];
  postId: string;
  url: string;
  title: string;
  subtitle: string | null;
  author: MediumStory['author'];
  publication: MediumStory['publication'];
  claps: number | null;
  voters: number | null;
  recommends: number | null;
  responses: number | null;
  readingTimeMinutes: number | null;
  wordCount: number | null;
  publishedAt: string | null;
  updatedAt: string | null;
  tags: string[] | null;
  canonicalUrl: string | null;
  isLocked: boolean | null;
  bodyLinksFrom: MediumStory['bodyLinksFrom'];
  bodyLinkCount: number;
  firstLink: LinkExpectation | null;
  /** rel tokens joined by a space ('NULL' when the source has no rel) → number of body links with it. */
  relCounts: Record<string, number>;
  mentions: number;
}

/** Values read from each file (counts of links counted in the files' paragraph models / rendered paragraphs). */
const STORIES: Record<string, StoryExpectation> = {
  'article-html/article-2015-obvinit.html': {
    source: 'obvinit',
    postId: 'fb39f4f701bb',
    url: 'https://medium.com/@pippinlee/the-open-journalism-project-better-student-journalism-fb39f4f701bb',
    title: 'The Open Journalism Project: Better Student Journalism',
    subtitle:
      'We pushed out the first version of the Open Journalism site in January. Here’s what we’ve learned about student journalism since 2011.',
    author: { id: '28ff78fed88e', username: 'pippinlee', name: 'Pippin Lee', followers: null },
    publication: null,
    claps: null, // 2015: no claps yet (totalClapCount absent)
    voters: null,
    recommends: 0,
    responses: null,
    readingTimeMinutes: 10.890566037735848,
    wordCount: 2568,
    publishedAt: '2015-03-17T16:27:40.294Z',
    updatedAt: '2015-03-17T16:51:39.742Z',
    tags: null, // virtuals has no tags in this capture
    canonicalUrl: null,
    isLocked: null,
    bodyLinksFrom: 'html',
    bodyLinkCount: 11,
    firstLink: {
      href: 'http://pippinlee.github.io/open-journalism-project/',
      anchorText: 'Open Journalism site',
      rel: ['nofollow'],
      paragraph: 'd178',
    },
    relCounts: { nofollow: 11 },
    mentions: 0,
  },
  'article-html/article-2016-publication-processed.html': {
    source: 'head-meta', // scripts were stripped by the Mercury fetcher
    postId: 'e52ab9515573',
    url: 'https://medium.com/the-wtf-economy/wtf-whats-the-future-e52ab9515573',
    title: 'WTF? What’s The Future?',
    subtitle: null,
    author: { id: null, username: 'timoreilly', name: "Tim O'Reilly", followers: null },
    publication: { id: null, name: 'What’s The Future?', slug: 'the-wtf-economy', followers: null, domain: null },
    claps: null,
    voters: null,
    recommends: 226, // the 2016 "recommend" button count
    responses: null,
    readingTimeMinutes: 10, // twitter:data1 "10 min read"
    wordCount: null,
    publishedAt: '2016-10-19T14:24:20.323Z',
    updatedAt: null,
    tags: ['technology', 'future-of-work', 'white-house', 'frontiers-conference', 'nexteconomy'],
    canonicalUrl: null,
    isLocked: null,
    bodyLinksFrom: 'html',
    bodyLinkCount: 16,
    firstLink: {
      href: 'http://www.frontiersconference.org/',
      anchorText: 'White House Frontiers Conference',
      rel: ['nofollow'],
      paragraph: 'a817',
    },
    relCounts: { nofollow: 15, '': 1 },
    mentions: 0,
  },
  'article-html/article-2017post-captured2022-processed.html': {
    source: 'head-meta',
    postId: 'ac4ec8aee7d1',
    url: 'https://medium.com/@JakobUlbrich/flag-attributes-in-android-how-to-use-them-ac4ec8aee7d1',
    title: 'Flag Attributes in Android — How to Use Them',
    subtitle: null,
    author: { id: null, username: 'JakobUlbrich', name: 'Jakob Ulbrich', followers: 506 }, // "506 Followers" (DOM)
    publication: null,
    claps: null, // the clap counter renders "--" in this capture
    voters: null,
    recommends: null,
    responses: 5,
    readingTimeMinutes: 7,
    wordCount: null,
    publishedAt: '2018-01-19T17:06:07.358Z',
    updatedAt: null,
    tags: null,
    canonicalUrl: null,
    isLocked: null,
    bodyLinksFrom: 'html',
    bodyLinkCount: 2,
    firstLink: {
      href: 'https://developer.android.com/training/custom-views/create-view.html#customattr',
      anchorText: 'here',
      rel: ['noopener', 'ugc', 'nofollow'],
      paragraph: 'd1a0',
    },
    relCounts: { 'noopener ugc nofollow': 2 },
    mentions: 0,
  },
  'article-html/article-2015post-captured2020-apollo2.html': {
    source: 'apollo2',
    postId: 'd146a92473a1',
    url: 'https://medium.com/@johncwelch/samantha-and-the-great-big-lie-d146a92473a1',
    title: 'Samantha and The Great Big Lie',
    subtitle: 'How to get shanked doing what people say they want',
    author: { id: '77a507c5ad19', username: 'johncwelch', name: 'John C. Welch', followers: null },
    publication: null,
    claps: 193,
    voters: 165,
    recommends: null,
    responses: 13, // postResponses.count (the entity's responsesCount says 14)
    readingTimeMinutes: 17.92735849056604,
    wordCount: null,
    publishedAt: '2015-10-15T02:19:15.607Z',
    updatedAt: '2018-04-22T22:24:24.777Z',
    tags: [],
    canonicalUrl: null,
    isLocked: false,
    bodyLinksFrom: 'html',
    bodyLinkCount: 25,
    firstLink: {
      href: 'http://www.marco.org/2015/10/09/overcast2',
      anchorText: 'patronage model',
      rel: ['noopener', 'nofollow'],
      paragraph: '9213',
    },
    relCounts: { 'noopener nofollow': 24, noopener: 1 },
    mentions: 0,
  },
  'graphql/fullpostquery-c88ac63903f5.json': {
    source: 'graphql',
    postId: 'c88ac63903f5',
    url: 'https://medium.com/@cameronjosephjones/building-a-kpi-dashboard-in-streamlit-using-python-c88ac63903f5',
    title: 'Building a KPI dashboard in Streamlit using Python',
    subtitle: 'A step-by-step guide to creating a data analyst portfolio project',
    author: { id: 'fcadb85a9bcd', username: 'cameronjosephjones', name: 'Cameron Jones', followers: 46 },
    publication: null,
    claps: 107,
    voters: null,
    recommends: null,
    responses: 0,
    readingTimeMinutes: 3.618867924528302,
    wordCount: null,
    publishedAt: '2023-05-06T13:22:32.640Z',
    updatedAt: '2023-05-06T13:22:40.126Z',
    tags: ['python', 'streamlit', 'portfolio', 'data-science', 'data-analysis'],
    canonicalUrl: null,
    isLocked: false,
    bodyLinksFrom: 'model',
    bodyLinkCount: 5,
    firstLink: {
      href: 'https://twitter.com/cameronjoejones',
      anchorText: 'Twitter',
      rel: ['noopener', 'ugc', 'nofollow'],
      paragraph: 'fb53',
    },
    relCounts: { 'noopener ugc nofollow': 2, '': 1, nofollow: 2 },
    mentions: 0,
  },
  'graphql/fullpostquery-d8f9aa42f6a0.json': {
    source: 'graphql',
    postId: 'd8f9aa42f6a0',
    url: 'https://medium.com/angular-in-depth/the-best-way-to-unsubscribe-rxjs-observable-in-the-angular-applications-d8f9aa42f6a0',
    title: 'The Best Way To Unsubscribe RxJS Observable In The Angular Applications!',
    subtitle:
      'There are many different ways how to handle RxJS subscriptions in Angular applications and we’re going to explore their pros and cons!',
    author: { id: '360cd444e1fc', username: 'tomastrajan', name: 'Tomas Trajan', followers: 7897 },
    publication: { id: 'e5ed704095b', name: 'Angular In Depth', slug: 'angular-in-depth', followers: 34187, domain: null },
    claps: 5712,
    voters: null,
    recommends: null,
    responses: 30,
    readingTimeMinutes: 12.410377358490566,
    wordCount: null,
    publishedAt: '2019-01-08T09:12:28.256Z',
    updatedAt: '2022-09-22T15:13:41.414Z',
    tags: ['javascript', 'angular', 'typescript', 'angular2', 'rxjs'],
    canonicalUrl: null,
    isLocked: true,
    bodyLinksFrom: 'model',
    bodyLinkCount: 21,
    firstLink: { href: 'https://medium.com/angular-in-depth', anchorText: 'AngularInDepth', rel: ['noopener'], paragraph: '2f73' },
    relCounts: { noopener: 4, 'noopener nofollow': 3, NULL: 5, '': 6, 'noopener ugc nofollow': 2, 'nofollow noopener': 1 },
    mentions: 5, // anchorType USER markups
  },
  'graphql/fullpostquery-335c8697535b.json': {
    source: 'graphql',
    postId: '335c8697535b',
    url: 'https://fmsreliability.medium.com/mcnemar-test-335c8697535b',
    title: 'McNemar Test',
    subtitle: null, // previewContent.subtitle is ""
    author: { id: '16bdf562f847', username: 'fmsreliability', name: 'Fred Schenkelberg', followers: 1550 },
    publication: null,
    claps: 2,
    voters: null,
    recommends: null,
    responses: 0,
    readingTimeMinutes: 3.2144654088050317,
    wordCount: null,
    publishedAt: '2018-04-09T18:55:12.000Z',
    updatedAt: '2018-04-09T23:37:34.177Z',
    tags: ['articles', 'cre-preparation-notes'],
    canonicalUrl: 'http://accendoreliability.com/mcnemar-test/',
    isLocked: true,
    bodyLinksFrom: 'model',
    bodyLinkCount: 1,
    firstLink: { href: 'http://accendoreliability.com/mcnemar-test/', anchorText: 'Accendo Reliability', rel: [], paragraph: '6286' },
    relCounts: { '': 1 },
    mentions: 0,
  },
  'graphql/fullpostquery-8d4308ca1f0c.json': {
    source: 'graphql',
    postId: '8d4308ca1f0c',
    url: 'https://medium.com/@hnasr/how-slow-is-select-8d4308ca1f0c',
    title: 'How Slow is SELECT * ?',
    subtitle:
      'In a row-store database engine, rows are stored in units called pages. Each page has a fixed header and contains multiple rows, with each…',
    author: { id: 'e4cbe924ccb', username: 'hnasr', name: 'Hussein Nasser', followers: 13220 }, // 11-hex user id
    publication: null,
    claps: 354,
    voters: null,
    recommends: null,
    responses: 2,
    readingTimeMinutes: 3.100314465408805,
    wordCount: null,
    publishedAt: '2023-04-16T05:17:19.230Z',
    updatedAt: '2023-06-17T14:07:46.734Z',
    tags: ['database', 'sql', 'data-science'],
    canonicalUrl: null,
    isLocked: true,
    bodyLinksFrom: 'model',
    bodyLinkCount: 0,
    firstLink: null,
    relCounts: {},
    mentions: 0,
  },
  'graphql/fullpostquery-395390432598.json': {
    source: 'graphql',
    postId: '395390432598',
    url: 'https://valeman.medium.com/python-vs-r-for-time-series-forecasting-395390432598',
    title: 'Python vs R for time-series forecasting',
    subtitle:
      'TL;DR when it comes to forecasting and time series in 2022, Python is the no-brainer lingua franca choice for forecasting R&D and…',
    author: { id: 'f2b0fed45495', username: 'valeman', name: 'Valeriy Manokhin, PhD, MBA, CQF', followers: 1390 },
    publication: null,
    claps: 259,
    voters: null,
    recommends: null,
    responses: 2,
    readingTimeMinutes: 6.472955974842767,
    wordCount: null,
    publishedAt: '2021-11-28T17:45:51.143Z',
    updatedAt: '2023-08-11T15:42:17.133Z',
    tags: ['forecasting', 'time-series-analysis', 'python', 'r', 'time-series-forecasting'],
    canonicalUrl: null,
    isLocked: true,
    bodyLinksFrom: 'model',
    bodyLinkCount: 18,
    // The paragraph starts with an emoji: counting code points instead of UTF-16 units would give "RIMA ".
    firstLink: {
      href: 'https://alkaline-ml.com/pmdarima/modules/generated/pmdarima.arima.ARIMA.html',
      anchorText: 'ARIMA',
      rel: ['noopener'],
      paragraph: '6e87',
    },
    relCounts: { noopener: 2, '': 13, nofollow: 3 },
    mentions: 0,
  },
  'graphql/fullpostquery-d4222bd1a0b3.json': {
    source: 'graphql',
    postId: 'd4222bd1a0b3',
    url: 'https://anudeep-vysyaraju.medium.com/how-any-gitamite-can-get-free-linkedin-premium-membership-d4222bd1a0b3',
    title: 'How I Got Free LinkedIn Premium Membership🤣',
    subtitle:
      'Good day ppl! This is Anudeep Vysyaraju, with a new write-up on how I hacked LinkedIn Premium Membership for FREE (almost FREE 🤣) and made…',
    author: { id: '2514e0168cc3', username: 'anudeep-vysyaraju', name: 'Anudeep Vysyaraju', followers: 181 },
    publication: null,
    claps: 398,
    voters: null,
    recommends: null,
    responses: 6,
    readingTimeMinutes: 2.628301886792453,
    wordCount: null,
    publishedAt: '2023-09-04T16:47:42.001Z',
    updatedAt: '2023-09-27T18:09:22.637Z',
    tags: ['cybersecurity', 'hacking', 'bug-bounty', 'pentesting', 'penetration-testing'],
    canonicalUrl: null,
    isLocked: false,
    bodyLinksFrom: 'model',
    bodyLinkCount: 7,
    firstLink: {
      href: 'https://www.linkedin.com/in/anudeep-vysyaraju-577b7a1a3/',
      anchorText: 'Anudeep Vysyaraju',
      rel: [],
      paragraph: '080c',
    },
    relCounts: { '': 2, 'noopener ugc nofollow': 5 },
    mentions: 0,
  },
  'graphql/fullpostquery-e582a814d8ef.json': {
    source: 'graphql',
    postId: 'e582a814d8ef',
    url: 'https://curiouse.co/6-apps-that-will-skyrocket-your-productivity-and-creativity-e582a814d8ef',
    title: '6 Apps that Will Skyrocket Your Productivity and Creativity',
    subtitle:
      'This month my main focus has been on writing. I streamlined my process more and eliminated the friction points I had before. These are…',
    author: { id: '8c1775730ae2', username: 'curiousee', name: 'Clayton Miller', followers: 465 },
    publication: null,
    claps: 130,
    voters: null,
    recommends: null,
    responses: 2,
    readingTimeMinutes: 4.439622641509434,
    wordCount: null,
    publishedAt: '2023-03-03T23:21:49.692Z',
    updatedAt: '2023-03-21T16:49:46.708Z',
    tags: ['mac', 'productivity', 'technology', 'knowledge-management', 'apps'],
    canonicalUrl: null,
    isLocked: true,
    bodyLinksFrom: 'model',
    bodyLinkCount: 10,
    firstLink: {
      href: 'http://workflowy.com',
      // a mixtape embed: the markup spans the card's whole text, newline included
      anchorText:
        'A simpler way to organize your work - Workflowy\nWorkflowy offers a simpler way to stay organized. If you have a crazy job or an ambitious project, we will be your…workflowy.com',
      rel: [],
      paragraph: '5a3a',
    },
    relCounts: { '': 9, nofollow: 1 },
    mentions: 0,
  },
  'format-json/user-latest-2019-raw-xssi.json': {
    source: 'format-json',
    postId: '69db7513d3c7',
    url: 'https://medium.com/p/69db7513d3c7', // mediumUrl is "" in the payload: Medium's permalink form
    title: 'Hello World',
    subtitle: 'Hi, Testing my feed post on https://manoj.io',
    author: { id: 'c60270edd10f', username: 'manoj.wolfpack', name: 'Manojkumar Muralidharan', followers: 6 },
    publication: null,
    claps: 0,
    voters: null,
    recommends: 0,
    responses: 0,
    readingTimeMinutes: 0.033962264150943396,
    wordCount: 9,
    publishedAt: '2018-06-16T00:10:11.901Z',
    updatedAt: '2018-06-16T00:10:12.772Z',
    tags: [],
    canonicalUrl: null,
    isLocked: false,
    bodyLinksFrom: 'model',
    bodyLinkCount: 1,
    firstLink: { href: 'https://manoj.io', anchorText: 'https://manoj.io', rel: [], paragraph: '43ae' },
    relCounts: { '': 1 },
    mentions: 0,
  },
};

const NOT_FOUND = ['graphql/fullpostquery-null.json'];
const FEEDS = ['rss/user-feed-2023-trimmed.xml', 'rss/user-feed-2016-snippet-reformatted.xml'];
const PROFILES = ['profile/profile-head-2023.html'];

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

describeShared('Medium shared fixtures', ROOT, () => {
  it('has an expectation for every file in the folder (a new sample must get one)', () => {
    const root = requireSharedPath(...ROOT);
    const files = listFiles(root)
      .map((f) => relative(root, f).split('\\').join('/'))
      .filter((f) => f !== 'PROVENANCE.md')
      .sort();
    const covered = [...Object.keys(STORIES), ...NOT_FOUND, ...FEEDS, ...PROFILES].sort();
    expect(files).toEqual(covered);
  });

  describe.each(Object.entries(STORIES))('%s', (file, exp) => {
    // Read lazily: the suite body also runs when the shared folder is absent (describe.skip still collects).
    let cached: MediumStory | null = null;
    const read = (): MediumStory => {
      cached ??= okStory(readMediumStory(fixture(file)));
      return cached;
    };

    it('is read from the expected source with the expected identity', () => {
      const story = read();
      expect(story.source).toBe(exp.source);
      expect(story.postId).toBe(exp.postId);
      expect(story.url).toBe(exp.url);
      expect(story.title).toBe(exp.title);
      expect(story.subtitle).toBe(exp.subtitle);
    });

    it('has the expected author and publication', () => {
      const story = read();
      expect(story.author).toEqual(exp.author);
      expect(story.publication).toEqual(exp.publication);
    });

    it('has the expected counts (null where the input carries none)', () => {
      const story = read();
      expect({
        claps: story.claps,
        voters: story.voters,
        recommends: story.recommends,
        responses: story.responses,
        readingTimeMinutes: story.readingTimeMinutes,
        wordCount: story.wordCount,
      }).toEqual({
        claps: exp.claps,
        voters: exp.voters,
        recommends: exp.recommends,
        responses: exp.responses,
        readingTimeMinutes: exp.readingTimeMinutes,
        wordCount: exp.wordCount,
      });
    });

    it('has the expected dates, tags, canonical and lock', () => {
      const story = read();
      expect(story.publishedAt).toBe(exp.publishedAt);
      expect(story.updatedAt).toBe(exp.updatedAt);
      expect(story.tags).toEqual(exp.tags);
      expect(story.canonicalUrl).toBe(exp.canonicalUrl);
      expect(story.isLocked).toBe(exp.isLocked);
    });

    it('has the expected body links', () => {
      const story = read();
      expect(story.bodyLinksFrom).toBe(exp.bodyLinksFrom);
      expect(story.bodyLinks).toHaveLength(exp.bodyLinkCount);
      const first = story.bodyLinks.find((l) => l.kind !== 'user-mention') ?? null;
      if (exp.firstLink === null) {
        expect(first).toBeNull();
      } else {
        expect(first).not.toBeNull();
        expect({ href: first?.href, anchorText: first?.anchorText, rel: first?.rel, paragraph: first?.paragraph }).toEqual(exp.firstLink);
      }
      for (const [rel, count] of Object.entries(exp.relCounts)) {
        expect(
          story.bodyLinks.filter((l) => (l.rel === null ? 'NULL' : l.rel.join(' ')) === rel),
          `rel "${rel}"`,
        ).toHaveLength(count);
      }
      expect(story.bodyLinks.filter((l) => l.kind === 'user-mention')).toHaveLength(exp.mentions);
    });
  });

  it('reads a 2022 page without state: chrome links (noopener follow) are not body links', () => {
    const story = okStory(readMediumStory(fixture('article-html/article-2017post-captured2022-processed.html')));
    expect(story.bodyLinks.every((l) => l.rel?.includes('ugc') === true)).toBe(true);
    expect(story.bodyLinks.some((l) => l.url.includes('/@JakobUlbrich'))).toBe(false);
  });

  it('resolves relative body links of the 2020 page against the page URL', () => {
    const story = okStory(readMediumStory(fixture('article-html/article-2015post-captured2020-apollo2.html')));
    const internal = story.bodyLinks.filter((l) => l.rel?.join(' ') === 'noopener');
    expect(internal.map((l) => l.url)).toEqual(['https://medium.com/@marcoarment/pragmatic-app-pricing-a79fc07218f3']);
    expect(internal[0]?.href).toBe('/@marcoarment/pragmatic-app-pricing-a79fc07218f3');
  });

  it('GraphQL mentions carry the user id as a /u/<id> URL', () => {
    const story = okStory(readMediumStory(fixture('graphql/fullpostquery-d8f9aa42f6a0.json')));
    const mention = story.bodyLinks.find((l) => l.kind === 'user-mention');
    expect(mention).toMatchObject({
      url: 'https://medium.com/u/9569ff590dd9',
      anchorText: 'Wojciech Trawiński',
      href: null,
      paragraph: '8a0e',
    });
  });

  it('GraphQL post: null is a typed not-found result, with the id of the URL asked for', () => {
    const text = fixture('graphql/fullpostquery-null.json');
    const result = readMediumStory(text, { url: 'https://medium.com/@someone/gone-0123456789ab' });
    expect(result.state).toBe('not-found');
    if (result.state !== 'not-found') return;
    expect(result.code).toBe('MEDIUM_POST_NOT_FOUND');
    expect(result.postId).toBe('0123456789ab');
    expect(result.source).toBe('graphql');
    expect(result.message).toContain('post: null');
    const bare = readMediumStory(text);
    expect(bare).toMatchObject({ state: 'not-found', postId: null });
  });

  it('the 2019 ?format=json body starts with the XSSI prefix and is read after stripping it', () => {
    const text = fixture('format-json/user-latest-2019-raw-xssi.json');
    expect(text.startsWith('])}while(1);</x>')).toBe(true);
    expect(() => JSON.parse(text)).toThrow();
    const withUrl = okStory(readMediumStory(text, { url: 'https://medium.com/@manoj.wolfpack/hello-world-69db7513d3c7' }));
    expect(withUrl.postId).toBe('69db7513d3c7');
    expect(readMediumStory(text, { url: 'https://medium.com/@manoj.wolfpack/other-0123456789ab' })).toMatchObject({ state: 'not-found' });
  });

  it('the readers copy capturedAt through', () => {
    const story = okStory(readMediumStory(fixture('graphql/fullpostquery-c88ac63903f5.json'), { capturedAt: '2023-06-01T00:00:00.000Z' }));
    expect(story.capturedAt).toBe('2023-06-01T00:00:00.000Z');
  });

  describe('feeds', () => {
    it('2023 user feed: channel ids, full content item, atom:updated, publication footer', () => {
      const result = readMediumFeed(fixture('rss/user-feed-2023-trimmed.xml'));
      expect(result.state).toBe('ok');
      if (result.state !== 'ok') return;
      const { channel, items } = result.feed;
      expect(channel).toMatchObject({
        title: 'Stories by Daniel Capra on Medium',
        kind: 'user',
        userId: '8717e15cbfc4',
        username: 'danielcapra',
        link: 'https://medium.com/@danielcapra',
        selfUrl: 'https://medium.com/@danielcapra/feed',
        lastBuildDate: '2023-12-18T11:16:37.000Z',
        generator: 'Medium',
      });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        postId: '127d84078424',
        url: 'https://blog.stackademic.com/swifts-asyncstream-explained-127d84078424',
        title: 'Swift’s AsyncStream Explained',
        authorName: 'Daniel Capra',
        publishedAt: '2023-11-24T18:27:40.000Z',
        updatedAt: '2023-11-27T01:00:29.603Z',
        tags: ['combine', 'swift', 'asyncstream', 'asynchronous', 'asyncawait'],
        fullContent: true,
        snippet: null,
        publicationName: 'Stackademic',
        publicationUrl: 'https://blog.stackademic.com/',
      });
      // 6 story links: 2 Unsplash credits + 4 Stackademic links; the pixel and the footer are left out.
      expect(items[0]?.links.map((l) => l.anchorText)).toEqual([
        'Arnold Francisca',
        'Unsplash',
        'Twitter(X)',
        'LinkedIn',
        'YouTube',
        'Stackademic.com',
      ]);
      expect(items[0]?.links[0]?.url).toBe('https://unsplash.com/@clark_fransa?utm_source=medium&utm_medium=referral');
    });

    it('2016 user feed: snippet-only item, old generator, re-indented CDATA trimmed', () => {
      const result = readMediumFeed(fixture('rss/user-feed-2016-snippet-reformatted.xml'));
      expect(result.state).toBe('ok');
      if (result.state !== 'ok') return;
      const { channel, items } = result.feed;
      expect(channel).toMatchObject({
        title: 'Jonathan Tonkin on Medium',
        description: 'Latest posts by Jonathan Tonkin on Medium',
        kind: 'user',
        userId: '5496f6055624',
        username: 'jdtonkin',
        generator: 'RSS for Node',
        lastBuildDate: '2016-03-25T16:20:10.000Z',
      });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        postId: '2e02e21a633b',
        url: 'https://medium.com/@jdtonkin/context-dependency-reigns-supreme-in-stream-biodiversity-patterns-2e02e21a633b',
        title: 'Context-dependency reigns supreme in stream biodiversity patterns',
        authorName: 'Jonathan Tonkin',
        publishedAt: '2016-02-18T00:00:00.000Z',
        updatedAt: null,
        tags: [],
        fullContent: false,
        links: [],
      });
      expect(items[0]?.snippet).toMatch(/^Context dependency is an emerging topic .* From…$/);
    });
  });

  describe('profile', () => {
    it('head-only 2023 profile: what the head says, null for the rest', () => {
      const result = readMediumAuthor(fixture('profile/profile-head-2023.html'));
      expect(result.state).toBe('ok');
      if (result.state !== 'ok') return;
      expect(result.author).toEqual({
        username: 'cr0wg4n',
        name: 'Mauricio Matias C.',
        bio: '🇧🇴 Software Developer 🔓 OSH / FLOSS lover and contributor cr0wg4n.github.io.',
        followers: null,
        following: null,
        memberSince: null,
        userId: null,
        twitter: 'cr0wg4n',
        feedUrl: 'https://medium.com/feed/@cr0wg4n',
        profileUrl: 'https://cr0wg4n.medium.com',
        posts: [],
        source: 'head-meta',
      });
    });

    it('the 2019 ?format=json user payload gives counts and the posts with claps', () => {
      const result = readMediumAuthor(fixture('format-json/user-latest-2019-raw-xssi.json'));
      expect(result.state).toBe('ok');
      if (result.state !== 'ok') return;
      expect(result.author).toMatchObject({
        userId: 'c60270edd10f',
        username: 'manoj.wolfpack',
        name: 'Manojkumar Muralidharan',
        bio: null,
        followers: 6,
        following: 18,
        memberSince: '2019-08-12T07:00:00.000Z',
        twitter: null,
        source: 'format-json',
      });
      expect(result.author.posts).toEqual([
        {
          postId: '69db7513d3c7',
          title: 'Hello World',
          url: null,
          publishedAt: '2018-06-16T00:10:11.901Z',
          claps: 0,
          tags: [],
          from: 'state',
        },
      ]);
    });

    it('profile + feed of the same kind of user: feed fills user id and posts without claps', () => {
      const feed = readMediumFeed(fixture('rss/user-feed-2016-snippet-reformatted.xml'));
      if (feed.state !== 'ok') throw new Error('feed');
      // Different users: the feed is not merged and a warning says why.
      const result = readMediumAuthor(fixture('profile/profile-head-2023.html'), { feed: feed.feed });
      if (result.state !== 'ok') throw new Error('author');
      expect(result.author.userId).toBeNull();
      expect(result.author.posts).toEqual([]);
      expect(result.warnings.join(' ')).toContain('@jdtonkin');
    });
  });
});
