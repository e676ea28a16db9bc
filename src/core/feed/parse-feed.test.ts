import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { MAX_FEED_CHARS, MAX_FEED_ENTRIES, MAX_XML_DEPTH } from './feed-limits.js';
import { parseFeed } from './parse-feed.js';

function thrown(fn: () => unknown): LinkwrightError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

const ATOM = 'xmlns="http://www.w3.org/2005/Atom"';

describe('xml:base', () => {
  it('nests: feed → entry → element, each resolved against its parent', () => {
    const doc = parseFeed(
      `<feed ${ATOM} xml:base="http://example.com/a/">
        <link href="feed.html"/>
        <entry xml:base="b/">
          <link href="x"/>
          <id>entry-1</id>
          <content type="html" xml:base="c/">&lt;a href="y"&gt;y&lt;/a&gt; &lt;img src="../i.png"&gt;</content>
        </entry>
      </feed>`,
    );
    expect(doc.base).toBe('http://example.com/a/');
    expect(doc.link).toBe('http://example.com/a/feed.html');
    const entry = doc.entries[0];
    expect(entry?.base).toBe('http://example.com/a/b/');
    expect(entry?.link).toBe('http://example.com/a/b/x');
    expect(entry?.id).toBe('http://example.com/a/b/entry-1');
    expect(entry?.content[0]).toEqual({
      value: '<a href="http://example.com/a/b/c/y">y</a> <img src="http://example.com/a/b/i.png">',
      type: 'text/html',
      base: 'http://example.com/a/b/c/',
    });
  });

  it('a relative xml:base on the root is resolved against the document URL', () => {
    const doc = parseFeed(`<feed ${ATOM} xml:base="feeds/"><link href="main"/></feed>`, { url: 'https://host.test/blog/atom.xml' });
    expect(doc.base).toBe('https://host.test/blog/feeds/');
    expect(doc.link).toBe('https://host.test/blog/feeds/main');
  });

  it('an element’s own xml:base applies to its own attributes', () => {
    const doc = parseFeed(`<feed ${ATOM} xml:base="http://a.test/"><link xml:base="http://b.test/dir/" href="page"/></feed>`);
    expect(doc.links[0]?.href).toBe('http://b.test/dir/page');
  });

  it('query, fragment and dot segments of the base follow RFC 3986', () => {
    const doc = parseFeed(
      `<feed ${ATOM} xml:base="http://e.test/a/b/file.xml?q=1#frag"><link href="other"/><link rel="up" href="../../../top"/><link rel="q" href="?x"/></feed>`,
    );
    expect(doc.links.map((l) => l.href)).toEqual(['http://e.test/a/b/other', 'http://e.test/top', 'http://e.test/a/b/file.xml?x']);
  });

  it('an empty xml:base keeps the parent base; a javascript: base is ignored', () => {
    const doc = parseFeed(
      `<feed ${ATOM} xml:base="http://e.test/dir/">
        <entry xml:base=""><link href="a"/></entry>
        <entry xml:base="javascript:alert(1)"><link href="b"/></entry>
      </feed>`,
    );
    expect(doc.entries.map((e) => e.link)).toEqual(['http://e.test/dir/a', 'http://e.test/dir/b']);
    expect(doc.entries.map((e) => e.base)).toEqual(['http://e.test/dir/', 'http://e.test/dir/']);
  });

  it('keeps IRIs: an xml:base with a non-ASCII host is not punycoded', () => {
    const doc = parseFeed(`<feed ${ATOM} xml:base="http://www.詹姆斯.com/feed"><link rel="self" href=""/></feed>`);
    expect(doc.links[0]).toEqual({ href: 'http://www.詹姆斯.com/feed', rel: 'self', type: null });
  });

  it('with no base at all, relative references stay relative', () => {
    const doc = parseFeed(`<feed ${ATOM}><link href="/relative"/><entry><link href="x"/></entry></feed>`);
    expect(doc.base).toBeNull();
    expect(doc.link).toBe('/relative');
    expect(doc.entries[0]?.link).toBe('x');
  });

  it('Content-Location, resolved against the URL, is the document base when given', () => {
    const xml = `<feed ${ATOM}><link rel="alternate" href="absolute"/></feed>`;
    expect(parseFeed(xml, { url: 'http://h.test/tests/x.xml', contentLocation: '/feed/pg.cgi' }).link).toBe('http://h.test/feed/absolute');
    expect(parseFeed(xml, { url: 'http://h.test/tests/x.xml' }).link).toBe('http://h.test/tests/absolute');
  });

  it('xml:base inside inline XHTML content applies to the links under it', () => {
    const doc = parseFeed(
      `<feed ${ATOM} xml:base="http://e.test/"><entry><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
        <p xml:base="http://other.test/docs/"><a href="guide">guide</a></p><a href="home">home</a></div></content></entry></feed>`,
    );
    const html = doc.entries[0]?.content[0]?.value ?? '';
    expect(html).toContain('<a href="http://other.test/docs/guide">guide</a>');
    expect(html).toContain('<a href="http://e.test/home">home</a>');
    expect(html.startsWith('<div')).toBe(false); // RFC 4287 §3.1.1.3: the wrapper div is not content
  });

  it('RSS: link and permalink guid are resolved against the item base; isPermaLink="false" guids stay opaque', () => {
    const doc = parseFeed(
      `<rss version="2.0" xml:base="http://e.test/blog/"><channel><link>/</link>
        <item><guid>post-1</guid></item>
        <item><link>post-2</link><guid isPermaLink="false">post-2</guid></item>
      </channel></rss>`,
    );
    expect(doc.link).toBe('http://e.test/');
    expect(doc.entries.map((e) => [e.id, e.link])).toEqual([
      ['http://e.test/blog/post-1', 'http://e.test/blog/post-1'],
      ['post-2', 'http://e.test/blog/post-2'],
    ]);
  });
});

describe('relative URLs in embedded HTML', () => {
  it('rewrites only URL attributes of known elements, leaves the rest of the markup byte for byte', () => {
    const html = `<p class=x>Read <a href=" /guide " title="t &amp; u">this</a>, <A HREF='mailto:me@e.test'>mail</A>, <a name="top">top</a>, <a href="javascript:alert(1)">bad</a>
<img src="i.png" alt="i"/> <blockquote cite="q">q</blockquote> <span data-href="keep">k</span></p>`;
    const doc = parseFeed(`<rss version="2.0"><channel><item><description><![CDATA[${html}]]></description></item></channel></rss>`, {
      url: 'https://site.test/feed/',
    });
    const value = doc.entries[0]?.summary ?? '';
    expect(
      value,
    ).toBe(`<p class=x>Read <a href="https://site.test/guide" title="t &amp; u">this</a>, <A HREF='mailto:me@e.test'>mail</A>, <a name="top">top</a>, <a href="javascript:alert(1)">bad</a>
<img src="https://site.test/feed/i.png" alt="i" /> <blockquote cite="https://site.test/feed/q">q</blockquote> <span data-href="keep">k</span></p>`);
    expect(doc.entries[0]?.summaryDetail?.type).toBe('text/html');
  });

  it('plain text is never rewritten', () => {
    const doc = parseFeed(`<feed ${ATOM} xml:base="http://e.test/"><title>&lt;a href="x"&gt; is how links look</title></feed>`);
    expect(doc.title).toBe('<a href="x"> is how links look');
    expect(doc.titleDetail?.type).toBe('text/plain');
  });
});

describe('malformed input', () => {
  it('is INVALID_INPUT naming the input, the line and the column', () => {
    const xml = '<rss version="2.0">\n<channel>\n<title>x</title>\n<item><title>a</item>\n</channel>\n</rss>';
    const err = thrown(() => parseFeed(xml, { url: 'https://h.test/feed.xml' }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('https://h.test/feed.xml');
    expect(err.message).toMatch(/line 4, column \d+/);
    expect(err.position).toMatchObject({ input: 'https://h.test/feed.xml', line: 4 });
    expect(err.url).toBe('https://h.test/feed.xml');
    expect(thrown(() => parseFeed(xml, { inputName: 'saved.xml' })).position?.input).toBe('saved.xml');
    expect(thrown(() => parseFeed(xml)).position?.input).toBe('feed');
  });

  it('a truncated document is an error (only a missing final `>` of the root end tag is repaired)', () => {
    const full = '<rss version="2.0"><channel><title>t</title><item><title>a</title></item></channel></rss>';
    expect(thrown(() => parseFeed(full.slice(0, 60))).code).toBe('INVALID_INPUT');
    const repaired = parseFeed(full.slice(0, -1));
    expect(repaired.entries[0]?.title).toBe('a');
    expect(repaired.warnings.join(' ')).toContain('</rss');
  });

  it('empty, JSON, HTML and non-feed XML are INVALID_INPUT', () => {
    expect(thrown(() => parseFeed('')).message).toContain('empty');
    expect(thrown(() => parseFeed('   \n')).code).toBe('INVALID_INPUT');
    expect(thrown(() => parseFeed('{"version":"https://jsonfeed.org/version/1"}')).message).toContain('JSON');
    expect(thrown(() => parseFeed('<!doctype html><html><body><p>hi</body></html>')).code).toBe('INVALID_INPUT');
    expect(thrown(() => parseFeed('<?xml version="1.0"?><note><to>x</to></note>')).message).toContain('<note>');
    expect(thrown(() => parseFeed('<rss/><rss/>')).message).toContain('root elements');
  });

  it('caps: document size, nesting depth, entity expansion', () => {
    const big = `<rss><channel><title>${'x'.repeat(MAX_FEED_CHARS)}</title></channel></rss>`;
    const size = thrown(() => parseFeed(big));
    expect(size.code).toBe('INVALID_INPUT');
    expect(size.details).toMatchObject({ cap: MAX_FEED_CHARS });
    const deep = `<rss><channel><description>${'<x>'.repeat(MAX_XML_DEPTH + 10)}${'</x>'.repeat(MAX_XML_DEPTH + 10)}</description></channel></rss>`;
    expect(thrown(() => parseFeed(deep)).message).toContain(`deeper than ${MAX_XML_DEPTH}`);
    // "Billion laughs": each level multiplies by 10; the per-entity cap stops it at declaration time.
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const laughs = `<!DOCTYPE rss [<!ENTITY l0 "ha">${levels}]><rss><channel><title>&l9;</title></channel></rss>`;
    expect(thrown(() => parseFeed(laughs)).message).toMatch(/expands to more than/);
  });

  it('more entries than the cap: the first MAX_FEED_ENTRIES are kept, with a warning', () => {
    const items = Array.from({ length: MAX_FEED_ENTRIES + 3 }, (_, i) => `<item><link>http://e.test/${i}</link></item>`).join('');
    const doc = parseFeed(`<rss version="2.0"><channel><title>t</title>${items}</channel></rss>`);
    expect(doc.entries).toHaveLength(MAX_FEED_ENTRIES);
    expect(doc.entryCount).toBe(MAX_FEED_ENTRIES + 3);
    expect(doc.entries.at(-1)?.link).toBe(`http://e.test/${MAX_FEED_ENTRIES - 1}`);
    expect(doc.warnings.join(' ')).toContain(`first ${MAX_FEED_ENTRIES}`);
  });
});

describe('entities and repairs', () => {
  it('decodes XML, numeric, DTD-declared and HTML entities; keeps unknown ones; maps cp1252 references', () => {
    const doc = parseFeed(
      `<!DOCTYPE rss [<!ENTITY id "tag:example.com,"><!ENTITY % ext SYSTEM "http://evil.test/x.dtd"><!ENTITY ext2 SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>caf&eacute; &amp; &#233;&#x00E9; &lt;b&gt; &doesnotexist; don&#146;t</title>
      <item><guid isPermaLink="false">&id;2006:/blog/</guid><title>&ext2;</title></item></channel></rss>`,
    );
    expect(doc.title).toBe('café & éé <b> &doesnotexist; don’t');
    expect(doc.entries[0]?.id).toBe('tag:example.com,2006:/blog/');
    expect(doc.entries[0]?.title).toBe('&ext2;'); // external entities are never fetched
    expect(doc.warnings.join('\n')).toMatch(/&eacute;.*HTML/);
    expect(doc.warnings.join('\n')).toContain('&doesnotexist;');
    expect(doc.warnings.join('\n')).toContain('not fetched');
  });

  it('a bare & is a literal ampersand (with its place in a warning); CDATA is left alone', () => {
    const doc = parseFeed(
      '<rss version="2.0"><channel>\n<link>http://e.test/?a=1&b=2&c</link><description><![CDATA[a & b &amp; c]]></description></channel></rss>',
    );
    expect(doc.link).toBe('http://e.test/?a=1&b=2&c');
    expect(doc.subtitle).toBe('a & b &amp; c');
    expect(doc.warnings).toEqual(["2 bare '&' read as a literal ampersand (first at line 2, column 25)"]);
  });

  it('an undeclared well-known prefix is read in its usual namespace, and reported', () => {
    const doc = parseFeed(
      '<rss version="2.0"><channel><item><dc:creator>Ada</dc:creator><content:encoded>&lt;p&gt;x&lt;/p&gt;</content:encoded></item></channel></rss>',
    );
    expect(doc.entries[0]?.author).toBe('Ada');
    expect(doc.entries[0]?.content[0]?.value).toBe('<p>x</p>');
    expect(doc.warnings.join(' ')).toMatch(/prefix 'dc' is not declared/);
  });

  it('a well-formed feed has no warnings; a non-XML Content-Type is reported', () => {
    const xml = `<feed ${ATOM}><title>t</title></feed>`;
    expect(parseFeed(xml, { contentType: 'application/atom+xml; charset=utf-8' }).warnings).toEqual([]);
    expect(parseFeed(xml, { contentType: 'text/html' }).warnings).toEqual(['served as text/html, not an XML media type']);
  });
});

describe('mapping', () => {
  it('RSS 2.0 as Medium writes it: dc:creator, content:encoded, atom:updated, categories, self link', () => {
    const doc = parseFeed(
      `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0">
      <channel><title><![CDATA[Stories by Ada on Medium]]></title><description>Stories by Ada</description>
      <link>https://medium.com/@ada?source=rss-a1b2------2</link>
      <image><url>https://cdn.test/ada.png</url><title>Ada</title><link>https://medium.com/@ada</link></image>
      <generator>Medium</generator><lastBuildDate>Sat, 03 Feb 2024 04:05:06 GMT</lastBuildDate>
      <atom:link href="https://medium.com/@ada/feed" rel="self" type="application/rss+xml"/>
      <item><title><![CDATA[Links & you]]></title><link>https://medium.com/@ada/links-0123456789ab?source=rss</link>
        <guid isPermaLink="false">https://medium.com/p/0123456789ab</guid>
        <category><![CDATA[seo]]></category><category><![CDATA[links]]></category>
        <dc:creator><![CDATA[Ada Writes]]></dc:creator><pubDate>Thu, 01 Feb 2024 12:00:00 GMT</pubDate>
        <atom:updated>2024-02-01T12:30:00.000Z</atom:updated>
        <content:encoded><![CDATA[<p>See <a href="https://site.test/guide?a=1&amp;b=2">the guide</a></p>]]></content:encoded>
      </item></channel></rss>`,
    );
    expect(doc).toMatchObject({
      format: 'rss',
      version: 'rss20',
      title: 'Stories by Ada on Medium',
      subtitle: 'Stories by Ada',
      link: 'https://medium.com/@ada?source=rss-a1b2------2',
      image: { url: 'https://cdn.test/ada.png', title: 'Ada', link: 'https://medium.com/@ada' },
      generator: 'Medium',
      updated: '2024-02-03T04:05:06.000Z',
      warnings: [],
    });
    expect(doc.links).toContainEqual({ href: 'https://medium.com/@ada/feed', rel: 'self', type: 'application/rss+xml' });
    expect(doc.entries[0]).toMatchObject({
      title: 'Links & you',
      link: 'https://medium.com/@ada/links-0123456789ab?source=rss',
      id: 'https://medium.com/p/0123456789ab',
      author: 'Ada Writes',
      published: '2024-02-01T12:00:00.000Z',
      updated: '2024-02-01T12:30:00.000Z',
      categories: [
        { term: 'seo', scheme: null, label: null },
        { term: 'links', scheme: null, label: null },
      ],
      content: [{ value: '<p>See <a href="https://site.test/guide?a=1&amp;b=2">the guide</a></p>', type: 'text/html' }],
    });
    // No description: the HTML content doubles as the summary, as in feedparser.
    expect(doc.entries[0]?.summary).toBe(doc.entries[0]?.content[0]?.value);
  });

  it('RSS 1.0 (RDF): items beside the channel, rdf:about as the id', () => {
    const doc = parseFeed(
      `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
        <channel rdf:about="http://e.test/"><title>R</title><link>http://e.test/</link></channel>
        <item rdf:about="http://e.test/1"><title>One</title><link>http://e.test/1</link></item></rdf:RDF>`,
    );
    expect(doc).toMatchObject({ format: 'rdf', version: 'rss10', title: 'R', link: 'http://e.test/' });
    expect(doc.entries.map((e) => [e.id, e.title])).toEqual([['http://e.test/1', 'One']]);
  });

  it('Atom 1.0: alternate link preferred, person constructs, text construct types', () => {
    const doc = parseFeed(
      `<feed ${ATOM}><title type="html">A &amp;lt;3 B</title><updated>2024-01-02T03:04:05Z</updated>
        <entry><title>E</title><link rel="enclosure" href="http://e.test/a.mp3" type="audio/mpeg" length="10"/>
          <link rel="alternate" type="text/html" href="http://e.test/e"/>
          <author><name>Ada</name><email>ada@e.test</email><uri>/ada</uri></author>
          <category term="t" scheme="http://e.test/s" label="T"/>
          <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Hi <b>there</b></div></summary>
          <content type="text">plain &lt;b&gt;</content></entry></feed>`,
      { url: 'http://e.test/feed.atom' },
    );
    expect(doc.title).toBe('A &lt;3 B');
    expect(doc.titleDetail?.type).toBe('text/html');
    expect(doc.updated).toBe('2024-01-02T03:04:05.000Z');
    const e = doc.entries[0];
    expect(e?.link).toBe('http://e.test/e');
    expect(e?.links[0]).toEqual({ href: 'http://e.test/a.mp3', rel: 'enclosure', type: 'audio/mpeg', length: '10' });
    expect(e?.author).toBe('Ada (ada@e.test)');
    expect(e?.authorDetail).toEqual({ name: 'Ada', email: 'ada@e.test', url: 'http://e.test/ada' });
    expect(e?.categories).toEqual([{ term: 't', scheme: 'http://e.test/s', label: 'T' }]);
    expect(e?.summaryDetail).toMatchObject({ value: 'Hi <b>there</b>', type: 'application/xhtml+xml' });
    expect(e?.content[0]).toMatchObject({ value: 'plain <b>', type: 'text/plain' });
  });

  it('Atom 0.3: mode="base64" and mode="escaped" content', () => {
    const encoded = Buffer.from('<p><a href="/x">x</a></p>', 'utf8').toString('base64');
    const doc = parseFeed(
      `<feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:base="http://e.test/"><entry>
        <content type="text/html" mode="base64">${encoded}</content>
        <content type="text/html" mode="escaped">&lt;i&gt;i&lt;/i&gt;</content></entry></feed>`,
    );
    expect(doc.version).toBe('atom03');
    expect(doc.entries[0]?.content.map((c) => c.value)).toEqual(['<p><a href="http://e.test/x">x</a></p>', '<i>i</i>']);
  });
});

describe('hostile names', () => {
  it('entity, HTML tag, attribute and zone names that are Object.prototype keys are plain names', () => {
    const doc = parseFeed(
      `<rss version="2.0"><channel><title>t &constructor; &toString; &__proto__; &hasOwnProperty;</title>
      <item><toString type="x">s</toString><valueOf/><title>i</title>
      <description>&lt;constructor href="x"&gt;&lt;/constructor&gt;&lt;a href="y" constructor="z"&gt;y&lt;/a&gt;</description>
      <pubDate>Thu, 01 Jan 2004 19:48:21 valueOf</pubDate></item></channel></rss>`,
      { url: 'http://e.test/' },
    );
    expect(doc.title).toBe('t &constructor; &toString; &__proto__; &hasOwnProperty;');
    expect(doc.entries[0]?.title).toBe('i');
    expect(doc.entries[0]?.summary).toBe('<constructor href="x"></constructor><a href="http://e.test/y" constructor="z">y</a>');
    expect(doc.entries[0]?.published).toBeNull();
  });

  it('element names fast-xml-parser reserves (constructor, __proto__) are refused as INVALID_INPUT, not a crash', () => {
    for (const name of ['constructor', '__proto__']) {
      const err = thrown(() => parseFeed(`<rss><channel><${name}>x</${name}><title>t</title></channel></rss>`));
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toContain(name);
    }
  });
});

describe('linear time on hostile shapes', () => {
  /**
   * Each input is ~0.25–0.5 MB: linear work takes well under a second even on a loaded 2-core CI machine, while a
   * quadratic step (rewriting a buffer per segment, a parser per entity) would take minutes.
   */
  const BUDGET_MS = 5000;
  const timed = (xml: string): number => {
    const t0 = performance.now();
    parseFeed(xml, { url: 'http://e.test/feed' });
    return performance.now() - t0;
  };

  it.each([
    ['a 0.5 MB href path of dot segments', `<feed ${ATOM}><link href="${'a/./b/../'.repeat(50_000)}x"/></feed>`],
    [
      '60,000 distinct undeclared entities',
      `<rss><channel><title>${Array.from({ length: 60_000 }, (_, i) => `&u${i};`).join('')}</title></channel></rss>`,
    ],
    ['100,000 bare ampersands', `<rss><channel><title>${'a & b '.repeat(100_000)}</title></channel></rss>`],
    [
      '50,000 links in one content',
      `<rss><channel><item><description>${'&lt;a href="p"&gt;y&lt;/a&gt;'.repeat(50_000)}</description></item></channel></rss>`,
    ],
    [
      '20,000 namespace declarations',
      `<rss ${Array.from({ length: 20_000 }, (_, i) => `xmlns:p${i}="urn:x:${i}"`).join(' ')}><channel><title>t</title></channel></rss>`,
    ],
  ])('%s', (_name, xml) => {
    expect(timed(xml)).toBeLessThan(BUDGET_MS);
  });
});
