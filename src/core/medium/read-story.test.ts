import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { MEDIUM_BLOCKED_ADVICE, type MediumStory, type MediumStoryResult } from './medium-types.js';
import { detectInputKind, readMediumStory, stripXssiPrefix } from './read-story.js';
import { buildApollo3State, renderApollo3StoryPage, storyUrl } from './synthetic/story-page.js';
import { apollo3PageWithBiggerRecommended, cloudflareChallengePage } from './test-fixtures/synthetic-pages.js';
import { ada, importedStory, mainStory, mainStoryBodyLinks, viralOther } from './test-fixtures/synthetic-world.js';

function ok(result: MediumStoryResult): { story: MediumStory; warnings: string[] } {
  if (result.state !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
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

describe('readMediumStory — synthetic Apollo 3 page', () => {
  const story = mainStory();
  const { html, url, claps, trapClaps } = apollo3PageWithBiggerRecommended();

  it("the trap works: a naive first-match regex finds the recommended story's claps", () => {
    expect(/"clapCount":(\d+)/.exec(html)?.[1]).toBe(String(trapClaps));
    expect(trapClaps).toBeGreaterThan(claps);
    expect(claps).toBe(story.claps);
  });

  it('selects Post:<id of the URL>, not the bigger recommended post', () => {
    const { story: s, warnings } = ok(readMediumStory(html, { url }));
    expect(s.source).toBe('apollo3');
    expect(s.postId).toBe(story.id);
    expect(s.claps).toBe(story.claps);
    expect(s.voters).toBe(story.voters);
    expect(warnings).toEqual([]);
  });

  it('round trip: rendering then reading gives back the values', () => {
    const { story: s } = ok(readMediumStory(html, { url, capturedAt: '2024-01-02T03:04:05.000Z' }));
    expect(s).toMatchObject({
      postId: story.id,
      url: storyUrl(story),
      title: story.title,
      subtitle: story.subtitle,
      author: { id: ada.id, username: ada.username, name: ada.name, followers: ada.followers },
      publication: { id: 'c0ffee12345', name: 'Growth & Lab', slug: 'growth-lab', followers: 34_187, domain: null },
      claps: story.claps,
      voters: story.voters,
      recommends: null,
      responses: story.responses,
      readingTimeMinutes: story.readingTime,
      wordCount: null,
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
      tags: ['seo', 'link-building', 'content-marketing'],
      canonicalUrl: null,
      htmlCanonical: storyUrl(story),
      isLocked: false,
      bodyLinksFrom: 'html',
      capturedAt: '2024-01-02T03:04:05.000Z',
    });
    expect(s.bodyLinks.map((l) => ({ paragraph: l.paragraph, url: l.url, anchorText: l.anchorText, kind: l.kind }))).toEqual(
      mainStoryBodyLinks,
    );
    expect(s.bodyLinks.every((l) => l.rel?.join(' ') === 'noopener ugc nofollow')).toBe(true);
  });

  it('never counts chrome links (byline, tags, author block, more-from, footer) as body links', () => {
    const { story: s } = ok(readMediumStory(html, { url }));
    expect(html.match(/rel="noopener follow"/g)?.length ?? 0).toBeGreaterThan(15);
    expect(s.bodyLinks.some((l) => l.url.includes('/@ada.writes') || l.url.includes('/tag/') || l.url.includes('help.medium.com'))).toBe(
      false,
    );
    // The code block shows an <a> as text: it is not a link.
    expect(s.bodyLinks.some((l) => l.url.includes('not-a-link'))).toBe(false);
  });

  it("without a URL it uses the page's own id (al:android:url), still not the recommended post", () => {
    const { story: s } = ok(readMediumStory(html));
    expect(s.postId).toBe(story.id);
    expect(s.claps).toBe(story.claps);
    expect(s.url).toBe(storyUrl(story));
  });

  it('a URL naming the recommended post selects that post (it is in the state) and warns', () => {
    const other = `https://medium.com/@bob/i-got-a-million-views-${viralOther.id}`;
    const { story: s } = ok(readMediumStory(html, { url: other }));
    expect(s.postId).toBe(viralOther.id);
    expect(s.claps).toBe(viralOther.claps);
    expect(s.title).toBe(viralOther.title);
    // The rendered paragraphs belong to the main story: the other post has no model, so no body links.
    expect(s.bodyLinks).toEqual([]);
  });

  it("a URL naming a post absent from the state falls back to the page's post, with a warning", () => {
    const { story: s, warnings } = ok(readMediumStory(html, { url: 'https://medium.com/@x/gone-0123456789ab' }));
    expect(s.postId).toBe(story.id);
    expect(warnings.join(' ')).toContain('0123456789ab');
  });

  it('body links fall back to the model (with the editor rel) when the HTML shows no paragraph', () => {
    const stripped = html.replace(/<article>[\s\S]*<\/article>/, '<article></article>');
    const { story: s, warnings } = ok(readMediumStory(stripped, { url }));
    expect(s.bodyLinksFrom).toBe('model');
    expect(s.bodyLinks.map((l) => l.anchorText)).toEqual(['our guide', 'Bob', 'the <list>', 'a tool', 'source']);
    expect(s.bodyLinks[2]?.rel).toEqual(['nofollow']);
    expect(s.bodyLinks[0]?.rel).toEqual([]);
    expect(s.bodyLinks[1]).toMatchObject({ kind: 'user-mention', url: 'https://medium.com/u/b0b0b0b0b0b', rel: null });
    expect(warnings.join(' ')).toContain('model');
  });

  it('UTF-16 offsets: an emoji before a link does not shift the anchor text', () => {
    const stripped = html.replace(/<article>[\s\S]*<\/article>/, '<article></article>');
    const { story: s } = ok(readMediumStory(stripped, { url }));
    expect(story.paragraphs[0]?.text.startsWith('🚀')).toBe(true);
    expect(s.bodyLinks[0]?.anchorText).toBe('our guide');
  });

  it('a state that does not decode: the Post entity is cut out and decoded alone', () => {
    // Break the blob after the main Post entity (an unterminated object at the end).
    const broken = html.replace(/(window\.__APOLLO_STATE__ = [^<]*)\}<\/script>/, '$1,"Broken:1":{"a":</script>');
    expect(broken).not.toBe(html);
    const { story: s, warnings } = ok(readMediumStory(broken, { url }));
    expect(warnings[0]).toContain('did not decode');
    expect(s.postId).toBe(story.id);
    expect(s.claps).toBe(story.claps);
    expect(s.title).toBe(story.title);
  });

  it('last resort: counts read by pattern only inside Post:<id>, never the first clapCount of the page', () => {
    const state = JSON.stringify(buildApollo3State(story));
    // Corrupt the main entity itself so even it does not decode, keep its counters readable.
    const corrupted = state.replace(`"Post:${story.id}":{`, `"Post:${story.id}":{"oops":,`);
    const page = `<html><head><meta property="al:android:url" content="medium://p/${story.id}"></head><body><script>window.__APOLLO_STATE__ = ${corrupted}</script></body></html>`;
    const { story: s, warnings } = ok(readMediumStory(page, { url }));
    expect(s.claps).toBe(story.claps);
    expect(s.voters).toBe(story.voters);
    expect(warnings.join(' ')).toContain('pattern');
  });

  it('works with a fake Medium on 127.0.0.1 (readers are origin-agnostic)', () => {
    const local = mainStory('http://127.0.0.1:4010');
    const page = renderApollo3StoryPage(local);
    const { story: s } = ok(readMediumStory(page, { url: storyUrl(local) }));
    expect(s.url).toBe('http://127.0.0.1:4010/growth-lab/how-we-earn-links-from-medium-1234abcd5678');
    expect(s.postId).toBe(local.id);
    expect(s.claps).toBe(local.claps);
    expect(s.bodyLinks.find((l) => l.kind === 'user-mention')?.url).toBe(
      'http://127.0.0.1:4010/u/b0b0b0b0b0b?source=post_page-----1234abcd5678--------------------------------',
    );
  });

  it('an imported member-only story: external canonical, 11-hex id, no publication', () => {
    const imported = importedStory();
    const { story: s } = ok(readMediumStory(renderApollo3StoryPage(imported), { url: storyUrl(imported) }));
    expect(s).toMatchObject({
      postId: '9f8e7d6c5b4',
      publication: null,
      canonicalUrl: 'https://ada.example/blog/imported',
      htmlCanonical: 'https://ada.example/blog/imported',
      isLocked: true,
      claps: 12,
      subtitle: null,
    });
  });

  it('a saved Apollo state JSON on its own is read too', () => {
    const state = JSON.stringify(buildApollo3State(story));
    const { story: s } = ok(readMediumStory(state, { url }));
    expect(s.source).toBe('apollo3');
    expect(s.claps).toBe(story.claps);
    expect(s.bodyLinksFrom).toBe('model');
    // Without a URL the ROOT_QUERY says which post the state was rendered for.
    expect(ok(readMediumStory(state)).story.postId).toBe(story.id);
  });
});

describe('readMediumStory — head-only and DOM fallbacks', () => {
  it('reads head meta and JSON-LD when there is no state; DOM counts are flagged', () => {
    const story = mainStory();
    const page = renderApollo3StoryPage(story).replace(/<script>window\.__APOLLO_STATE__[\s\S]*?<\/script>/, '');
    const { story: s, warnings } = ok(readMediumStory(page, { url: storyUrl(story) }));
    expect(s.source).toBe('head-meta');
    expect(s).toMatchObject({
      postId: story.id,
      title: story.title,
      subtitle: story.subtitle,
      author: { id: null, username: 'ada.writes', name: ada.name, followers: 12_000 },
      claps: 4_300, // "4.3K" — abbreviated, approximate
      voters: null,
      responses: 17,
      readingTimeMinutes: 7, // "7 min read"
      publishedAt: story.publishedAt,
      updatedAt: story.updatedAt,
      isLocked: false, // JSON-LD isAccessibleForFree
      publication: { id: null, name: 'Growth & Lab', slug: 'growth-lab', followers: null, domain: null },
      bodyLinksFrom: 'html',
    });
    expect(s.bodyLinks).toHaveLength(5);
    expect(warnings.some((w) => w.includes('"4.3K"') && w.includes('approximate'))).toBe(true);
  });

  it('an HTML page without any Medium story is INVALID_INPUT naming the input', () => {
    const err = thrown(() =>
      readMediumStory('<html><head><title>Hi</title></head><body><p>x</p></body></html>', { url: 'https://example.com/x' }),
    );
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.position?.input).toBe('https://example.com/x');
  });
});

describe('readMediumStory — JSON inputs', () => {
  const post = {
    id: '0a1b2c3d4e5f',
    title: 'T',
    mediumUrl: 'https://medium.com/@u/t-0a1b2c3d4e5f',
    clapCount: 7,
    canonicalUrl: '',
    isLocked: false,
    postResponses: { count: 1 },
    tags: [],
    creator: { id: 'aaaaaaaaaaaa', username: 'u', name: 'U', socialStats: { followerCount: 3 } },
    collection: null,
    content: {
      bodyModel: {
        paragraphs: [
          {
            name: 'ab12',
            type: 'P',
            text: 'see x',
            href: null,
            markups: [{ type: 'A', start: 4, end: 5, href: 'https://x.example/', rel: 'noopener ugc nofollow', anchorType: 'LINK' }],
          },
        ],
      },
    },
  };

  it('detects the input kind', () => {
    expect(detectInputKind('  {"data":{}}')).toBe('json');
    expect(detectInputKind('])}while(1);</x>{"a":1}')).toBe('xssi-json');
    expect(detectInputKind('<!doctype html>')).toBe('html');
    expect(detectInputKind('{}', 'text/html')).toBe('html');
    expect(detectInputKind('<x/>', 'application/json; charset=utf-8')).toBe('json');
    expect(stripXssiPrefix('])}while(1);</x>{"a":1}')).toBe('{"a":1}');
  });

  it('a batched GraphQL answer: the post of the URL is chosen', () => {
    const other = { ...post, id: 'ffffffffffff', clapCount: 999 };
    const json = JSON.stringify([{ data: { post: other } }, { data: { post } }]);
    const { story: s } = ok(readMediumStory(json, { url: post.mediumUrl }));
    expect(s.postId).toBe(post.id);
    expect(s.claps).toBe(7);
    expect(s.bodyLinks).toEqual([
      {
        url: 'https://x.example/',
        href: 'https://x.example/',
        anchorText: 'x',
        rel: ['noopener', 'ugc', 'nofollow'],
        paragraph: 'ab12',
        kind: 'link',
      },
    ]);
  });

  it('GraphQL errors without data are INVALID_INPUT; post:null with errors is not-found carrying them', () => {
    const err = thrown(() => readMediumStory(JSON.stringify({ errors: [{ message: 'PersistedQueryNotFound' }] })));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('PersistedQueryNotFound');
    const nf = readMediumStory(JSON.stringify({ errors: [{ message: 'gone' }], data: { post: null } }));
    expect(nf).toMatchObject({ state: 'not-found', code: 'MEDIUM_POST_NOT_FOUND', source: 'graphql' });
    if (nf.state === 'not-found') expect(nf.message).toContain('gone');
  });

  it('a ?format=json payload with several posts needs the URL to choose', () => {
    const legacy = (id: string, claps: number): Record<string, unknown> => ({
      id,
      title: id,
      creatorId: 'u1',
      homeCollectionId: '',
      virtuals: { totalClapCount: claps, recommends: 2 },
      type: 'Post',
    });
    const body = `])}while(1);</x>${JSON.stringify({ success: true, payload: { references: { Post: { aaaaaaaaaaaa: legacy('aaaaaaaaaaaa', 5), bbbbbbbbbbbb: legacy('bbbbbbbbbbbb', 50) }, User: { u1: { userId: 'u1', username: 'u', name: 'U' } } } } })}`;
    const err = thrown(() => readMediumStory(body));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('2 posts');
    const { story: s } = ok(readMediumStory(body, { url: 'https://medium.com/@u/b-bbbbbbbbbbbb' }));
    expect(s).toMatchObject({
      postId: 'bbbbbbbbbbbb',
      claps: 50,
      recommends: 2,
      voters: null,
      author: { username: 'u' },
      publication: null,
    });
  });

  it('invalid JSON is INVALID_INPUT with a position', () => {
    const err = thrown(() => readMediumStory('{"data":\n {"post": }', { url: 'https://medium.com/p/0a1b2c3d4e5f' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.position?.input).toBe('https://medium.com/p/0a1b2c3d4e5f');
    expect(err.position?.line).toBe(2);
  });

  it('JSON of another shape is INVALID_INPUT', () => {
    expect(thrown(() => readMediumStory('{"hello":"world"}')).code).toBe('INVALID_INPUT');
  });
});

describe('readMediumStory — other shapes', () => {
  it('a 2016–18 page with window["obvInit"] (claps era): counters from virtuals, author and publication from references', () => {
    const post = {
      id: 'feedbeef0123',
      title: 'Old & <Gold>',
      creatorId: 'aaaaaaaaaaaa',
      homeCollectionId: 'cccccccccccc',
      firstPublishedAt: 1_510_000_000_000,
      updatedAt: 1_520_000_000_000,
      canonicalUrl: '',
      isSubscriptionLocked: false,
      content: {
        subtitle: 'Sub',
        bodyModel: {
          paragraphs: [
            {
              name: '1a2b',
              type: 1,
              text: 'Go to Site now',
              markups: [{ type: 3, start: 6, end: 10, href: 'https://site.example/', rel: 'nofollow', anchorType: 0 }],
            },
            { name: '3c4d', type: 1, text: 'Thanks Ann', markups: [{ type: 3, start: 7, end: 10, anchorType: 2, userId: 'dddddddddddd' }] },
          ],
        },
      },
      virtuals: {
        totalClapCount: 1500,
        recommends: 120,
        responsesCreatedCount: 4,
        readingTime: 3.5,
        wordCount: 800,
        tags: [{ slug: 'seo' }, { slug: 'growth' }],
      },
    };
    const references = {
      User: { aaaaaaaaaaaa: { userId: 'aaaaaaaaaaaa', username: 'olduser', name: 'Old User' } },
      Collection: {
        cccccccccccc: { id: 'cccccccccccc', name: 'Old Pub', slug: 'old-pub', domain: 'old.example', metadata: { followerCount: 900 } },
      },
      SocialStats: { aaaaaaaaaaaa: { usersFollowedByCount: 321 } },
    };
    const page = `<html><head><link rel="canonical" href="https://old.example/old-gold-feedbeef0123"></head><body><div class="postArticle-content"><section><p name="1a2b" id="1a2b" class="graf graf--p">Go to <a href="https://site.example/" data-href="https://site.example/" class="markup--anchor markup--p-anchor" rel="nofollow">Site</a> now</p></section></div><script>// <![CDATA[
window["obvInit"](${JSON.stringify({ value: post, references })})
// ]]></script></body></html>`;
    const { story: s } = ok(readMediumStory(page, { url: 'https://old.example/old-gold-feedbeef0123' }));
    expect(s).toMatchObject({
      source: 'obvinit',
      postId: 'feedbeef0123',
      title: 'Old & <Gold>',
      subtitle: 'Sub',
      author: { id: 'aaaaaaaaaaaa', username: 'olduser', name: 'Old User', followers: 321 },
      publication: { id: 'cccccccccccc', name: 'Old Pub', slug: 'old-pub', followers: 900, domain: 'old.example' },
      claps: 1500,
      voters: null, // the legacy "recommends" is kept raw, not mapped
      recommends: 120,
      responses: 4,
      readingTimeMinutes: 3.5,
      wordCount: 800,
      publishedAt: '2017-11-06T20:26:40.000Z',
      updatedAt: '2018-03-02T14:13:20.000Z',
      tags: ['seo', 'growth'],
      canonicalUrl: null,
      isLocked: false,
      bodyLinksFrom: 'html+model',
    });
    // Paragraph 1a2b is rendered (its rel comes from the page); 3c4d is only in the model (mention, model rel).
    expect(s.bodyLinks).toEqual([
      {
        url: 'https://site.example/',
        href: 'https://site.example/',
        anchorText: 'Site',
        rel: ['nofollow'],
        paragraph: '1a2b',
        kind: 'link',
      },
      { url: 'https://medium.com/u/dddddddddddd', href: null, anchorText: 'Ann', rel: null, paragraph: '3c4d', kind: 'user-mention' },
    ]);
  });

  it('model links: image links (paragraph href), mentions (legacy anchorType 2), relative hrefs resolved', () => {
    const json = JSON.stringify({
      data: {
        post: {
          id: '0a1b2c3d4e5f',
          mediumUrl: 'https://medium.com/@u/t-0a1b2c3d4e5f',
          content: {
            bodyModel: {
              paragraphs: [
                { name: 'aa11', type: 'IMG', text: 'caption', href: 'https://img-target.example/', markups: [] },
                {
                  name: 'bb22',
                  type: 'P',
                  text: 'see /p/other',
                  markups: [{ type: 'A', start: 4, end: 12, href: '/p/other', rel: null, anchorType: 'LINK' }],
                },
              ],
            },
          },
        },
      },
    });
    const { story: s } = ok(readMediumStory(json));
    expect(s.bodyLinks).toEqual([
      {
        url: 'https://img-target.example/',
        href: 'https://img-target.example/',
        anchorText: '',
        rel: null,
        paragraph: 'aa11',
        kind: 'image',
      },
      { url: 'https://medium.com/p/other', href: '/p/other', anchorText: '/p/other', rel: null, paragraph: 'bb22', kind: 'link' },
    ]);
    // Fields the response does not carry stay null.
    expect(s).toMatchObject({
      title: null,
      claps: null,
      voters: null,
      responses: null,
      tags: null,
      isLocked: null,
      author: { id: null, followers: null },
    });
  });

  it('Apollo 3 with several content(...) variants: the one with the whole body is used', () => {
    const state = {
      ROOT_QUERY: { 'postResult({"id":"0a1b2c3d4e5f"})': { __ref: 'Post:0a1b2c3d4e5f' } },
      'Post:0a1b2c3d4e5f': {
        __typename: 'Post',
        id: '0a1b2c3d4e5f',
        clapCount: 1,
        'content({"postMeteringOptions":{"referrer":""}})': { bodyModel: { paragraphs: [{ __ref: 'Paragraph:x_0' }] } },
        'content({"postMeteringOptions":{}})': { bodyModel: { paragraphs: [{ __ref: 'Paragraph:x_0' }, { __ref: 'Paragraph:x_1' }] } },
      },
      'Paragraph:x_0': { name: 'aaaa', type: 'P', text: 'one', markups: [] },
      'Paragraph:x_1': {
        name: 'bbbb',
        type: 'P',
        text: 'two link',
        markups: [{ type: 'A', start: 4, end: 8, href: 'https://two.example/', rel: '', anchorType: 'LINK' }],
      },
    };
    const { story: s } = ok(readMediumStory(JSON.stringify(state)));
    expect(s.bodyLinks.map((l) => l.anchorText)).toEqual(['link']);
  });
});

describe('readMediumStory — bot challenge', () => {
  it('a Cloudflare challenge page gives the blocked state with the advice, never an empty record', () => {
    const result = readMediumStory(cloudflareChallengePage(), { url: 'https://medium.com/@ada/x-1234abcd5678' });
    expect(result).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED', advice: MEDIUM_BLOCKED_ADVICE });
    if (result.state === 'blocked') expect(result.signals).toContain('script:_cf_chl_opt');
    expect(MEDIUM_BLOCKED_ADVICE).toContain('linkwright medium story saved.html --url <original url>');
  });

  it('a story that talks about Cloudflare challenges in its text is not blocked', () => {
    const story = mainStory();
    story.paragraphs = [
      {
        name: 'abcd',
        type: 'P',
        text: 'The page said "Just a moment..." and loaded /cdn-cgi/challenge-platform/ with window._cf_chl_opt — Verify you are human.',
      },
    ];
    const result = readMediumStory(renderApollo3StoryPage(story), { url: storyUrl(story) });
    expect(result.state).toBe('ok');
  });
});
