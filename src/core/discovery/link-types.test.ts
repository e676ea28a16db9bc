import { describe, expect, it } from 'vitest';
import { classifyOutboundLink, LINK_CONTENT_TYPES, type LinkContentType, summariseOutboundLinks } from './link-types.js';

/** [url, expected type, why] — one row per rule, several per type. */
const TABLE: [string, LinkContentType, string][] = [
  // video
  ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'video', 'youtube watch'],
  ['https://youtu.be/dQw4w9WgXcQ', 'video', 'youtube short link'],
  ['https://m.youtube.com/@somechannel', 'video', 'youtube subdomain'],
  ['https://vimeo.com/76979871', 'video', 'vimeo'],
  ['https://player.vimeo.com/video/76979871', 'video', 'vimeo player'],
  ['https://www.loom.com/share/abc123', 'video', 'loom'],
  ['https://www.twitch.tv/somestreamer', 'video', 'twitch'],
  ['https://www.ted.com/talks/some_talk', 'video', 'ted talks path'],
  ['https://example.com/media/demo.mp4', 'video', 'video extension'],
  // research
  ['https://arxiv.org/abs/2401.01234', 'research', 'arxiv'],
  ['https://doi.org/10.1145/3366423.3380211', 'research', 'doi resolver'],
  ['https://www.tandfonline.com/doi/full/10.1080/12345678.2020.1234567', 'research', 'publisher /doi/10. path'],
  ['https://example.com/whitepaper-2024.pdf', 'research', 'pdf extension'],
  ['https://web.stanford.edu/class/cs224n/', 'research', '.edu'],
  ['https://www.cdc.gov/nchs/index.htm', 'research', '.gov'],
  ['https://www.ox.ac.uk/research', 'research', '.ac.uk'],
  ['https://www.abs.gov.au/statistics', 'research', '.gov.au'],
  ['https://www.researchgate.net/publication/123_Title', 'research', 'researchgate'],
  ['https://papers.ssrn.com/sol3/papers.cfm?abstract_id=1', 'research', 'ssrn subdomain'],
  ['https://pubmed.ncbi.nlm.nih.gov/12345678/', 'research', 'pubmed'],
  ['https://www.kaggle.com/datasets/user/some-data', 'research', 'kaggle'],
  ['https://huggingface.co/datasets/squad', 'research', 'hugging face dataset'],
  ['https://example.com/reports/state-of-seo-2024', 'research', 'reports path segment'],
  ['https://example.org/data/latest', 'research', 'data path segment'],
  ['https://files.example.com/export/results.csv', 'research', 'csv extension'],
  // code
  ['https://github.com/tldts/tldts', 'code', 'github'],
  ['https://gist.github.com/user/abcdef', 'code', 'gist'],
  ['https://gitlab.com/group/project', 'code', 'gitlab'],
  ['https://www.npmjs.com/package/tldts', 'code', 'npm'],
  ['https://pypi.org/project/requests/', 'code', 'pypi'],
  ['https://apps.apple.com/us/app/medium/id828256236', 'code', 'app store'],
  ['https://play.google.com/store/apps/details?id=com.medium.reader', 'code', 'play store'],
  ['https://chromewebstore.google.com/detail/abc/def', 'code', 'chrome web store (new)'],
  ['https://chrome.google.com/webstore/detail/abc', 'code', 'chrome web store (old)'],
  ['https://huggingface.co/bert-base-uncased', 'code', 'hugging face model'],
  ['https://example.com/notebooks/analysis.ipynb', 'code', 'notebook extension'],
  // social
  ['https://twitter.com/someone/status/1', 'social', 'twitter'],
  ['https://x.com/someone', 'social', 'x'],
  ['https://www.linkedin.com/in/someone/', 'social', 'linkedin'],
  ['https://www.facebook.com/somepage', 'social', 'facebook'],
  ['https://www.instagram.com/someone/', 'social', 'instagram'],
  ['https://www.tiktok.com/@someone/video/1', 'social', 'tiktok'],
  ['https://www.threads.net/@someone', 'social', 'threads'],
  ['https://mastodon.social/@someone', 'social', 'mastodon.social'],
  ['https://mastodon.example.org/@someone', 'social', 'mastodon.* instance'],
  ['https://www.reddit.com/r/SEO/comments/abc/', 'social', 'reddit'],
  // shop
  ['https://www.amazon.com/dp/B000000000', 'shop', 'amazon.com'],
  ['https://www.amazon.co.uk/dp/B000000000', 'shop', 'amazon on another suffix'],
  ['https://amzn.to/3abcdef', 'shop', 'amazon short link'],
  ['https://www.etsy.com/listing/123/thing', 'shop', 'etsy'],
  ['https://someone.gumroad.com/l/ebook', 'shop', 'gumroad'],
  ['https://cool-store.myshopify.com/products/mug', 'shop', 'myshopify'],
  ['https://www.ebay.de/itm/123', 'shop', 'ebay on another suffix'],
  ['https://brand.example/products/blue-mug', 'shop', 'shopify /products/ path'],
  ['https://brand.example/collections/mugs/products/blue-mug', 'shop', 'shopify collections path'],
  // image
  ['https://miro.medium.com/v2/resize:fit:1400/1*abc.png', 'image', 'medium image cdn'],
  ['https://cdn-images-1.medium.com/max/800/1*xyz', 'image', 'old medium image cdn, no extension'],
  ['https://i.imgur.com/abc.gif', 'image', 'imgur'],
  ['https://unsplash.com/photos/abc', 'image', 'unsplash'],
  ['https://raw.githubusercontent.com/user/repo/main/diagram.svg', 'image', 'extension beats the code host'],
  ['https://example.com/img/Chart%201.JPG?w=800', 'image', 'upper-case encoded extension with query'],
  // article (default) and traps
  ['https://www.example.com/blog/how-to-build-links', 'article', 'plain blog post'],
  ['https://aws.amazon.com/blogs/aws/post', 'article', 'aws is not the amazon store'],
  ['https://alice.github.io/posts/hello', 'article', 'github pages site is a blog, not code'],
  ['https://www.nytimes.com/2024/01/01/technology/ai.html', 'article', 'news'],
  ['https://medium.com/@someone/a-story-123abc', 'article', 'medium story'],
  ['https://boxed.com/page', 'article', 'x.com suffix must not match box(ed).com'],
  ['https://developer.mozilla.org/en-US/docs/Web/HTML', 'article', 'docs page'],
  ['https://example.com/research-notes-on-seo', 'article', 'path word inside a segment does not count'],
  // other
  ['mailto:someone@example.com', 'other', 'mailto'],
  ['tel:+441234567890', 'other', 'tel'],
  ['javascript:void(0)', 'other', 'javascript'],
  ['not a url', 'other', 'garbage'],
  ['', 'other', 'empty'],
  ['ftp://files.example.com/a.pdf', 'other', 'non-http scheme'],
];

describe('classifyOutboundLink', () => {
  it(`classifies a table of ${TABLE.length} URLs`, () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
    const wrong = TABLE.filter(([url, type]) => classifyOutboundLink(url) !== type).map(
      ([url, type, why]) => `${why}: ${url} → ${classifyOutboundLink(url)} (want ${type})`,
    );
    expect(wrong).toEqual([]);
  });

  it('covers every type in the table', () => {
    expect(new Set(TABLE.map(([, t]) => t))).toEqual(new Set(LINK_CONTENT_TYPES));
  });

  it('never throws on hostile input', () => {
    for (const input of [
      undefined,
      null,
      42,
      'http://',
      'https://%zz/',
      `https://example.com/${'a'.repeat(100_000)}.png`,
      'https://ex ample.com/',
    ]) {
      expect(() => classifyOutboundLink(input as unknown as string)).not.toThrow();
    }
    expect(classifyOutboundLink('https://example.com/%E0%A4%A.pdf')).toBe('research');
  });
});

describe('summariseOutboundLinks', () => {
  const story1 = 'https://medium.com/@a/one-111';
  const story2 = 'https://medium.com/@a/two-222';
  const links = [
    { url: 'https://github.com/x/y', anchorText: 'repo', storyUrl: story1 },
    { url: 'https://github.com/x/y', anchorText: 'same repo', storyUrl: story2 },
    { url: 'https://github.com/z/w', anchorText: 'other repo', storyUrl: story2 },
    { url: 'https://gist.github.com/x/1', storyUrl: story2 },
    { url: 'https://www.youtube.com/watch?v=1', anchorText: 'talk', storyUrl: story1 },
    { url: 'https://blog.example.co.uk/post', anchorText: 'a post', storyUrl: story1 },
    { url: 'https://example.co.uk/report.pdf', anchorText: 'the report', storyUrl: story2 },
    { url: 'https://medium.com/@b/other-story-333', anchorText: 'another Medium story', storyUrl: story1 },
    { url: 'https://b.medium.com/other-444', storyUrl: story1 },
    { url: 'mailto:a@example.com', anchorText: 'mail me', storyUrl: story2 },
  ];

  it('groups by type and registrable domain, sorted by count then name, leaving Medium out by default', () => {
    const s = summariseOutboundLinks(links);
    expect(s.total).toBe(8);
    expect(s.excluded).toBe(2);
    expect(s.byType.map((g) => [g.type, g.count, g.stories])).toEqual([
      ['code', 4, 2],
      ['article', 1, 1],
      ['other', 1, 1],
      ['research', 1, 1],
      ['video', 1, 1],
    ]);
    expect(s.byDomain.map((d) => [d.domain, d.count, d.stories, d.types])).toEqual([
      ['github.com', 4, 2, ['code']],
      ['example.co.uk', 2, 2, ['article', 'research']],
      ['youtube.com', 1, 1, ['video']],
    ]);
    // examples: most-linked URL first, first occurrence's anchor and story
    expect(s.byDomain[0]?.examples[0]).toEqual({ url: 'https://github.com/x/y', count: 2, anchorText: 'repo', storyUrl: story1 });
    expect(s.byDomain[0]?.examples.map((e) => e.url)).toEqual([
      'https://github.com/x/y',
      'https://github.com/z/w',
      'https://gist.github.com/x/1',
    ]);
  });

  it('honours excludeDomains and examplesPerGroup', () => {
    const all = summariseOutboundLinks(links, { excludeDomains: [], examplesPerGroup: 1 });
    expect(all.total).toBe(10);
    expect(all.excluded).toBe(0);
    expect(all.byDomain.find((d) => d.domain === 'medium.com')?.count).toBe(2);
    for (const g of [...all.byType, ...all.byDomain]) expect(g.examples.length).toBeLessThanOrEqual(1);
    const noGithub = summariseOutboundLinks(links, { excludeDomains: ['https://www.github.com/', 'medium.com'] });
    expect(noGithub.byDomain.map((d) => d.domain)).toEqual(['example.co.uk', 'youtube.com']);
    expect(noGithub.excluded).toBe(6);
  });

  it('treats equal URLs in different spellings as one example', () => {
    const s = summariseOutboundLinks([{ url: 'HTTPS://Example.com' }, { url: 'https://example.com/' }]);
    expect(s.byDomain).toEqual([
      {
        domain: 'example.com',
        count: 2,
        stories: 0,
        types: ['article'],
        examples: [{ url: 'https://example.com/', count: 2, anchorText: null, storyUrl: null }],
      },
    ]);
  });

  it('is deterministic and independent of input order for counts and group order', () => {
    const a = summariseOutboundLinks(links);
    const b = summariseOutboundLinks([...links].reverse());
    expect(b.byType.map((g) => [g.type, g.count, g.stories])).toEqual(a.byType.map((g) => [g.type, g.count, g.stories]));
    expect(b.byDomain.map((g) => [g.domain, g.count, g.types])).toEqual(a.byDomain.map((g) => [g.domain, g.count, g.types]));
    expect(JSON.stringify(summariseOutboundLinks(links))).toBe(JSON.stringify(a));
  });

  it('returns empty groups for no links', () => {
    expect(summariseOutboundLinks([])).toEqual({ total: 0, excluded: 0, byType: [], byDomain: [] });
  });
});
