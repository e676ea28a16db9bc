import { describe, expect, it } from 'vitest';
import { paragraphFromParts, renderApollo3StoryPage, storyUrl } from '../medium/synthetic/story-page.js';
import type { SyntheticStory } from '../medium/synthetic/synthetic-types.js';
import { parseHtmlDocument, slugFromUrl } from './html-document.js';

const PAGE = `<!doctype html><html lang="en"><head>
<title> My   page title </title>
<meta name="description" content="A description.">
<meta property="article:tag" content="SEO"><meta property="article:tag" content="Writing">
<link rel="canonical" href="/canonical-post">
</head><body>
<nav><a href="/home">Home</a><p>Menu text that is not content.</p></nav>
<article>
  <h1 class="pw-post-title">Big title</h1>
  <h2 class="pw-subtitle-paragraph">The subtitle</h2>
  <p>First <a href="https://out.com/x" rel="nofollow ugc">out link</a> and <a href="/in">in</a>.</p>
  <figure><img src="/a.png" alt="An image"><figcaption>Caption text</figcaption></figure>
  <h2>Section</h2>
  <ul><li>One <b>item</b></li><li>Two</li></ul>
  <blockquote><p>Quoted words</p></blockquote>
  <pre>code  here</pre>
  <table><tr><td>Cell</td></tr></table>
  <p hidden>Hidden text</p><script>var x = 1;</script>
  <div>Loose text in a div<p>and a paragraph</p></div>
  <a href="https://x.com"><img src="b.png" alt="Logo"></a>
</article>
<footer><p>Footer text</p></footer>
</body></html>`;

describe('parseHtmlDocument', () => {
  const doc = parseHtmlDocument(PAGE, { url: 'https://example.com/blog/my-post-1a2b3c4d5e6f' });

  it('reads the head', () => {
    expect(doc.title).toBe('My page title');
    expect(doc.description).toBe('A description.');
    expect(doc.canonical).toBe('https://example.com/canonical-post');
    expect(doc.tags).toEqual(['SEO', 'Writing']);
    expect(doc.lang).toBe('en');
    expect(doc.slug).toBe('my-post');
    expect(doc.subtitle).toBe('The subtitle');
  });

  it('takes the main content only, cut into typed blocks', () => {
    expect(doc.mainContent).toBe('article');
    expect(doc.blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, 'Big title'],
      ['paragraph', 0, 'First out link and in.'],
      ['caption', 0, 'Caption text'],
      ['heading', 2, 'Section'],
      ['list-item', 0, 'One item'],
      ['list-item', 0, 'Two'],
      ['quote', 0, 'Quoted words'],
      ['code', 0, 'code  here'],
      ['cell', 0, 'Cell'],
      ['paragraph', 0, 'Loose text in a div'],
      ['paragraph', 0, 'and a paragraph'],
    ]);
  });

  it('collects links with resolved URL, rel tokens and block, and images with alt', () => {
    expect(doc.links.map((l) => [l.url, l.text, l.rel, l.block])).toEqual([
      ['https://out.com/x', 'out link', ['nofollow', 'ugc'], 1],
      ['https://example.com/in', 'in', [], 1],
      ['https://x.com/', 'Logo', [], -1],
    ]);
    expect(doc.images.map((i) => [i.src, i.alt])).toEqual([
      ['/a.png', 'An image'],
      ['b.png', 'Logo'],
    ]);
  });

  it('falls back to the element holding most paragraph text when there is no article/main', () => {
    const paras = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i} with enough words to count as prose, really.</p>`).join('');
    const d = parseHtmlDocument(
      `<body><div class="nav"><p>short</p></div><div id="story">${paras}</div><div><p>side note</p></div></body>`,
    );
    expect(d.mainContent).toBe('paragraphs:div');
    expect(d.blocks).toHaveLength(6);
  });

  it('uses <base href> for relative links and never throws on broken markup', () => {
    const d = parseHtmlDocument('<head><base href="https://cdn.example.org/root/"></head><p>x <a href="y">y</a><p><b>unclosed', {
      url: 'https://site.com/a',
    });
    expect(d.links[0]?.url).toBe('https://cdn.example.org/root/y');
    expect(parseHtmlDocument('').blocks).toEqual([]);
    expect(parseHtmlDocument('').warnings.map((w) => w.code)).toEqual(['html.no-text']);
    const deep = `${'<div>'.repeat(5000)}deep text${'</div>'.repeat(5000)}`;
    expect(parseHtmlDocument(deep).blocks.map((b) => b.text)).toEqual(['deep text']);
  });
});

describe('line breaks', () => {
  it('keeps <br> as a line break inside the block, and each line is read as its own sentences', async () => {
    const { analyseDocument } = await import('./language/text-analysis.js');
    const d = parseHtmlDocument('<article><p>+ Added stone blocks<br>+ Added slime<br/><br>+ Added doors</p></article>');
    expect(d.blocks.map((b) => b.text)).toEqual(['+ Added stone blocks\n+ Added slime\n+ Added doors']);
    const a = analyseDocument(d);
    expect(a.proseSentences.map((s) => s.text)).toEqual(['+ Added stone blocks', '+ Added slime', '+ Added doors']);
    expect(a.blocks[0]?.words).toBe(7);
  });
});

describe('slugFromUrl', () => {
  it('takes the last path segment, decoded, without extension or Medium post id', () => {
    expect(slugFromUrl('https://medium.com/@a/how-to-write-3f2a1b0c9d8e')).toBe('how-to-write');
    expect(slugFromUrl('https://example.com/blog/caf%C3%A9-guide.html')).toBe('café-guide');
    expect(slugFromUrl('https://example.com/')).toBeNull();
  });
});

describe('parseHtmlDocument on a Medium story page', () => {
  const user = { id: 'aaaaaaaaaa01', username: 'ada', name: 'Ada Lovelink', bio: 'Writes about links.', followers: 10, following: 1, memberSince: '2022-01-01T00:00:00.000Z', twitter: null };
  const story: SyntheticStory = {
    id: 'a0000000000a',
    slug: 'link-building-with-data',
    title: 'Link building with data studies',
    subtitle: 'Why writers cite numbers',
    author: user,
    publication: null,
    claps: 320,
    voters: 40,
    responses: 2,
    readingTime: 3,
    publishedAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    tags: [{ slug: 'seo', title: 'SEO' }],
    canonicalUrl: null,
    isLocked: false,
    paragraphs: [
      paragraphFromParts('a1b1', 'P', ['Writers link to numbers they can quote.']),
      paragraphFromParts('a1b2', 'H3', ['Start with a question']),
      paragraphFromParts('a1b3', 'P', ['Pick one question your niche argues about, then ', { text: 'publish the data', href: 'https://site.example/data' }, '.']),
    ],
    moreFromAuthor: [],
    recommended: [],
    origin: 'https://medium.com',
  };
  const doc = parseHtmlDocument(renderApollo3StoryPage(story), { url: storyUrl(story) });

  it('keeps only the story paragraphs: no byline, claps bar, author card or recommendations', () => {
    expect(doc.mainContent).toBe('medium-story');
    expect(doc.blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['paragraph', 0, 'Writers link to numbers they can quote.'],
      // Medium renders a section heading as <h1>: inside the story it is a subheading.
      ['heading', 2, 'Start with a question'],
      ['paragraph', 0, 'Pick one question your niche argues about, then publish the data.'],
    ]);
    expect(doc.links.map((l) => l.url)).toEqual(['https://site.example/data']);
    expect(doc.subtitle).toBe('Why writers cite numbers');
  });

  it('does not window an ordinary page whose ids happen to be 4 hex digits (years are hex too)', () => {
    const html =
      '<body><article><p>Intro.</p><h2 id="2021">2021</h2><p id="beef">One.</p><h2 id="2022">2022</h2><p id="cafe">Two.</p><h2 id="2023">2023</h2><p>Three.</p><p>Closing words.</p></article><footer>f</footer></body>';
    const page = parseHtmlDocument(html);
    expect(page.mainContent).toBe('article');
    expect(page.blocks.map((b) => b.text)).toEqual(['Intro.', '2021', 'One.', '2022', 'Two.', '2023', 'Three.', 'Closing words.']);
    expect(page.blocks.filter((b) => b.kind === 'heading').map((b) => b.level)).toEqual([2, 2, 2]);
  });

  it('windows by paragraph ids alone when the head says the page is Medium (2020 markup without Medium classes)', () => {
    const html =
      '<head><meta property="og:site_name" content="Medium"></head><body><article><h1 id="aa01">Title</h1><div>Byline · 4 min read</div><p id="aa02">One.</p><h1 id="aa03">Section</h1><p id="aa04">Two.</p></article><div>Written by Someone</div></body>';
    const page = parseHtmlDocument(html);
    expect(page.mainContent).toBe('medium-story');
    expect(page.blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['paragraph', 0, 'One.'],
      ['heading', 2, 'Section'],
      ['paragraph', 0, 'Two.'],
    ]);
  });
});
