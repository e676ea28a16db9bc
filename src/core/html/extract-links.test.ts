import { describe, expect, it } from 'vitest';
import { extractLinks, MAX_OUTLINKS } from './extract-links.js';

const hrefs = (html: string) => extractLinks(html).map((l) => `${l.tag}:${l.href}`);

describe('extractLinks: elements, order, attributes', () => {
  it('reports a, area, link and base with an href, in document order', () => {
    const html =
      '<html><head><base href="https://cdn.example/"><link rel="canonical" href="https://example.com/post"></head>' +
      '<body><a href="/one">1</a><a name="no-href">x</a><map><area href="/two" alt="Two"></map><a href="">empty</a></body></html>';
    expect(hrefs(html)).toEqual(['base:https://cdn.example/', 'link:https://example.com/post', 'a:/one', 'area:/two', 'a:']);
  });

  it('decodes entities in hrefs, keeping legacy references before "=" in attributes as written (§13.2.5.73)', () => {
    const [a, b, c] = extractLinks('<a href="/s?a=1&amp;b=2">x</a><a href="/p?x=1&copy=2">y</a><a href="/&#x41;&#66;">z</a>');
    expect(a?.href).toBe('/s?a=1&b=2');
    expect(b?.href).toBe('/p?x=1&copy=2');
    expect(c?.href).toBe('/AB');
  });

  it('normalises CR and CRLF to LF in hrefs like the HTML input stream, and keeps other whitespace', () => {
    expect(extractLinks('<a href=" /a\r\nb\r">x</a>')[0]?.href).toBe(' /a\nb\n');
  });

  it('uses the first attribute of a name when it is repeated', () => {
    expect(extractLinks('<a href="/first" href="/second" rel="ugc" rel="sponsored">x</a>')[0]).toMatchObject({
      href: '/first',
      rel: ['ugc'],
    });
  });
});

describe('extractLinks: URL resolution', () => {
  it('resolves against the first <base href>, itself resolved against the page URL', () => {
    const links = extractLinks(
      '<a href="early">before base</a><base href="/docs/"><base href="https://ignored.example/"><a href="page">after</a>',
      {
        baseUrl: 'https://site.example/blog/post.html',
      },
    );
    expect(links.filter((l) => l.tag === 'a').map((l) => l.url)).toEqual([
      'https://site.example/docs/early',
      'https://site.example/docs/page',
    ]);
  });

  it('falls back to the page URL when <base> does not parse or is javascript:', () => {
    expect(
      extractLinks('<base href="javascript:alert(1)"><a href="x">x</a>', { baseUrl: 'https://a.example/d/' }).find((l) => l.tag === 'a')
        ?.url,
    ).toBe('https://a.example/d/x');
  });

  it('keeps only http(s) URLs; relative links without any base stay unresolved', () => {
    const links = extractLinks(
      '<a href="mailto:a@b.c">m</a><a href="javascript:void(0)">j</a><a href="/rel">r</a><a href="HTTPS://Example.COM:443/p">p</a>',
    );
    expect(links.map((l) => l.url)).toEqual([null, null, null, 'https://example.com/p']);
  });
});

describe('extractLinks: anchor text', () => {
  it('collapses whitespace across nested elements', () => {
    expect(extractLinks('<a href="/x">\n  Read <b>the</b>\n\t<em>docs</em> </a>')[0]?.anchorText).toBe('Read the docs');
  });
  it('uses the img alt for image-only links, the text otherwise, and the alt of an area', () => {
    const links = extractLinks(
      '<a href="/i"> <img src="a.png" alt=" Logo  of\nSite "> </a><a href="/t"><img alt="ignored">Text</a><map><area href="/m" alt="Map area"></map><a href="/n"><img src="x.png"></a>',
    );
    expect(links.map((l) => l.anchorText)).toEqual(['Logo of Site', 'Text', 'Map area', '']);
  });
  it('decodes entities in text', () => {
    expect(extractLinks('<a href="/x">Tom &amp; Jerry&nbsp;&copy;</a>')[0]?.anchorText).toBe('Tom & Jerry ©');
  });
});

describe('extractLinks: malformed HTML as a browser parses it', () => {
  it('closes an unclosed <a> when the next <a> starts (adoption agency)', () => {
    const links = extractLinks('<p><a href="/1">one<a href="/2">two</p>');
    expect(links.map((l) => [l.href, l.anchorText, l.clone])).toEqual([
      ['/1', 'one', false],
      ['/2', 'two', false],
    ]);
  });

  it('re-opens an <a> cut by a block element: the DOM has a second <a> (marked clone)', () => {
    const links = extractLinks('<p><a href="/x">one<div>two</div>');
    expect(links.map((l) => [l.href, l.clone])).toEqual([
      ['/x', false],
      ['/x', true],
    ]);
  });

  it('survives unclosed quotes, truncated tags and stray end tags', () => {
    expect(hrefs('</a></div><a href="/ok">ok</a></span><a href="/cut')).toEqual(['a:/ok']);
    expect(hrefs("<a href=/unquoted title=x>u</a><a href='/single'>s</a>")).toEqual(['a:/unquoted', 'a:/single']);
  });

  it('does not report links inside raw text, <noscript> (scripting on), <template> or SVG', () => {
    const html =
      '<title><a href="/t">t</a></title><textarea><a href="/ta"></a></textarea><script>"<a href=\'/s\'>"</script>' +
      '<noscript><a href="/ns">ns</a></noscript><template><a href="/tpl">t</a></template>' +
      '<svg><a href="/svg"><text>s</text></a></svg><a href="/real">real</a>';
    expect(hrefs(html)).toEqual(['a:/real']);
  });

  it('caps the number of a/area links (MAX_OUTLINKS by default)', () => {
    expect(MAX_OUTLINKS).toBe(5000);
    const html = '<a href="/x">x</a>'.repeat(30);
    expect(extractLinks(html, { maxLinks: 10 })).toHaveLength(10);
  });
});
