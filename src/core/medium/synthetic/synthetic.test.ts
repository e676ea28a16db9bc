import { describe, expect, it } from 'vitest';
import { elementText, findAllElements, metaValue, parseHtml, readHead } from '../html-doc.js';
import { readMediumFeed } from '../read-feed.js';
import { readMediumStory } from '../read-story.js';
import { ada, growthPub, mainStory, tagSeo } from '../test-fixtures/synthetic-world.js';
import { cdata, escapeAttr, escapeHtml, jsonForScript } from './escape.js';
import { feedItemFromStory, renderMediumFeed } from './feed.js';
import { renderProfilePage } from './profile-page.js';
import { paragraphFromParts, renderApollo3StoryPage, renderInline, storyUrl } from './story-page.js';

describe('escaping', () => {
  it('HTML text and attributes', () => {
    expect(escapeHtml('a < b && c > "d"')).toBe('a &lt; b &amp;&amp; c &gt; "d"');
    expect(escapeAttr(`x" onload="alert('1')`)).toBe('x&quot; onload=&quot;alert(&#x27;1&#x27;)');
  });

  it('CDATA cannot be closed early', () => {
    const wrapped = cdata('a ]]> b');
    expect(wrapped).toBe('<![CDATA[a ]]]]><![CDATA[> b]]>');
    const feed = renderMediumFeed({
      kind: 'tag',
      tag: tagSeo,
      lastBuildDate: '2024-01-01T00:00:00.000Z',
      items: [{ ...feedItemFromStory(mainStory(), { full: false }), title: 'Tricky ]]> title & <b>' }],
    });
    const read = readMediumFeed(feed);
    expect(read.state === 'ok' && read.feed.items[0]?.title).toBe('Tricky ]]> title & <b>');
  });

  it('script JSON cannot close the script', () => {
    const json = jsonForScript({ t: '</script><script>alert(1)</script>', u: 'a/b', l: '\u2028' });
    expect(json).not.toContain('</script>');
    expect(json).not.toContain('/');
    expect(JSON.parse(json)).toEqual({ t: '</script><script>alert(1)</script>', u: 'a/b', l: '\u2028' });
  });

  it('hostile story text stays text in every place it is rendered', () => {
    const story = mainStory();
    story.title = '</title><script>alert(1)</script>';
    story.subtitle = '"><img src=x onerror=alert(1)>';
    story.author = { ...ada, bio: '</script><script>alert(2)</script>', name: '<b>Eve</b>' };
    story.moreFromAuthor = []; // they carry the original author object with the same id
    story.paragraphs = [paragraphFromParts('abcd', 'P', ['<i>x</i> ', { text: '<b>link</b>', href: 'https://e.example/?q="><script>' }])];
    const html = renderApollo3StoryPage(story);
    const doc = parseHtml(html);
    // Only the page's own scripts exist, and no injected element.
    expect(findAllElements(doc, (e) => e.name === 'script').length).toBe(7);
    expect(findAllElements(doc, (e) => e.name === 'img' && e.attribs.src === 'x')).toEqual([]);
    expect(findAllElements(doc, (e) => e.name === 'i' || e.name === 'b')).toEqual([]);
    const head = readHead(doc);
    expect(head.title).toBe(`${story.title} | by <b>Eve</b> | Growth & Lab | Medium`);
    expect(metaValue(head, 'og:title')).toBe(story.title);
    const result = readMediumStory(html, { url: storyUrl(story) });
    if (result.state !== 'ok') throw new Error('not ok');
    expect(result.story.title).toBe(story.title);
    expect(result.story.subtitle).toBe(story.subtitle);
    expect(result.story.author.name).toBe('<b>Eve</b>');
    expect(result.story.bodyLinks).toMatchObject([{ anchorText: '<b>link</b>', href: 'https://e.example/?q="><script>' }]);
  });
});

describe('renderApollo3StoryPage', () => {
  const story = mainStory();
  const html = renderApollo3StoryPage(story);
  const doc = parseHtml(html);
  const head = readHead(doc);

  it('has the head Medium sends (canonical, app links, published time, reading time, JSON-LD)', () => {
    expect(head.links.find((l) => l.rel.includes('canonical'))?.href).toBe(storyUrl(story));
    expect(metaValue(head, 'al:android:url')).toBe('medium://p/1234abcd5678');
    expect(metaValue(head, 'article:published_time')).toBe(story.publishedAt);
    expect(metaValue(head, 'twitter:data1')).toBe('7 min read');
    const ld = head.jsonLd.find((o) => o['@type'] === 'NewsArticle');
    expect(ld).toMatchObject({
      identifier: story.id,
      datePublished: story.publishedAt,
      dateModified: story.updatedAt,
      publisher: { name: 'Growth & Lab' },
    });
  });

  it('renders body paragraphs with 4-hex ids and pw-post-body-paragraph, body rel ugc and chrome rel follow', () => {
    const paragraphs = findAllElements(doc, (e) => (e.attribs.class ?? '').split(' ').includes('pw-post-body-paragraph'));
    expect(paragraphs.map((p) => p.attribs.id)).toEqual(['a1f0', 'c3d2', '0a96']);
    expect(findAllElements(doc, (e) => e.attribs.id === 'd4c3')[0]?.name).toBe('li');
    const anchors = findAllElements(doc, (e) => e.name === 'a');
    const rels = new Set(anchors.map((a) => a.attribs.rel));
    expect([...rels].sort()).toEqual(['noopener follow', 'noopener ugc nofollow']);
    expect(anchors.filter((a) => a.attribs.rel === 'noopener ugc nofollow')).toHaveLength(5);
  });

  it('has the byline, author block with bio, "More from", recommendations and footer', () => {
    const text = elementText(doc.children[doc.children.length - 1] as never);
    expect(text).toContain(`Written by ${ada.name}`);
    expect(text).toContain(ada.bio);
    expect(text).toContain('12K Followers');
    expect(text).toContain(`More from ${ada.name}`);
    expect(text).toContain('Recommended from Medium');
    expect(text).toContain('An Older Post');
    expect(text).toContain('I Got a Million Views');
    expect(text).toContain('Terms');
  });

  it('rejects overlapping markups instead of rendering broken HTML', () => {
    expect(() =>
      renderInline(
        {
          name: 'abcd',
          type: 'P',
          text: 'abcdef',
          markups: [
            { type: 'EM', start: 0, end: 4 },
            { type: 'STRONG', start: 2, end: 5 },
          ],
        },
        'x',
      ),
    ).toThrow(RangeError);
  });
});

describe('renderMediumFeed / renderProfilePage round trips', () => {
  it('a full-content publication feed item reads back', () => {
    const story = mainStory();
    const xml = renderMediumFeed({
      kind: 'publication',
      publication: growthPub,
      lastBuildDate: '2024-01-01T00:00:00.000Z',
      items: [feedItemFromStory(story, { full: true })],
    });
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc=')).toBe(true);
    const read = readMediumFeed(xml);
    if (read.state !== 'ok') throw new Error('not ok');
    expect(read.feed.items[0]).toMatchObject({
      postId: story.id,
      url: storyUrl(story),
      title: story.title,
      authorName: ada.name,
      publishedAt: '2023-05-06T07:08:09.000Z', // pubDate is RFC 822: whole seconds
      updatedAt: story.updatedAt, // atom:updated keeps the milliseconds
      tags: ['seo', 'link-building', 'content-marketing'],
      fullContent: true,
      publicationName: 'Growth & Lab',
    });
  });

  it('a profile page is not a story page', () => {
    const html = renderProfilePage({ user: ada, posts: [] });
    expect(() => readMediumStory(html)).toThrow(/no Medium story/);
  });
});
