import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { parseMarkdownDraft } from './markdown-draft.js';

describe('parseMarkdownDraft', () => {
  it('fills the model from front matter and body', () => {
    const doc = parseMarkdownDraft(
      '---\ntitle: T\nsubtitle: S\nslug: s\ndescription: D\ntags: [a]\ncanonical: https://x.com/p\nkeyphrase: k\n---\nHello.\n',
    );
    expect(doc).toMatchObject({
      source: 'markdown',
      title: 'T',
      subtitle: 'S',
      slug: 's',
      description: 'D',
      tags: ['a'],
      canonical: 'https://x.com/p',
      keyphrase: 'k',
    });
    expect(doc.blocks).toEqual([{ kind: 'paragraph', level: 0, text: 'Hello.', line: 10 }]);
  });

  it('parses headings (ATX and setext), lists, quotes, code, tables and thematic breaks', () => {
    const doc = parseMarkdownDraft(
      [
        '# One #',
        '',
        'Two',
        '---',
        '',
        'Para *em* and **strong**.',
        '',
        '- a',
        '- b',
        '  1. nested',
        '',
        '> quoted',
        '> text',
        '',
        '```js',
        'code()',
        '```',
        '',
        '    indented code',
        '',
        '| h1 | h2 |',
        '|----|----|',
        '| c1 | c2 |',
        '',
        '***',
        'Setext two',
        '==========',
      ].join('\n'),
    );
    expect(doc.blocks.map((b) => [b.kind, b.level, b.text])).toEqual([
      ['heading', 1, 'One'],
      ['heading', 2, 'Two'],
      ['paragraph', 0, 'Para em and strong.'],
      ['list-item', 0, 'a'],
      ['list-item', 0, 'b'],
      ['list-item', 0, 'nested'],
      ['quote', 0, 'quoted text'],
      ['code', 0, 'code()'],
      ['code', 0, 'indented code'],
      ['cell', 0, 'h1'],
      ['cell', 0, 'h2'],
      ['cell', 0, 'c1'],
      ['cell', 0, 'c2'],
      ['heading', 1, 'Setext two'],
    ]);
    expect(doc.blocks[5]?.ordered).toBe(true);
    expect(doc.blocks[3]?.ordered).toBe(false);
  });

  it('collects links (inline, reference, autolink, bare URL, HTML) with text, rel [] and line', () => {
    const doc = parseMarkdownDraft(
      [
        'A [first](https://a.com/x "t") and [ref][r] and <https://b.com>.',
        'See https://c.com/p, and <a href="https://d.com">d</a>.',
        '',
        '[r]: https://r.com/',
      ].join('\n'),
    );
    expect(doc.links.map((l) => [l.href, l.text, l.rel, l.block, l.line])).toEqual([
      ['https://a.com/x', 'first', [], 0, 1],
      ['https://r.com/', 'ref', [], 0, 1],
      ['https://b.com', 'https://b.com', [], 0, 1],
      ['https://c.com/p', 'https://c.com/p', [], 0, 2],
      ['https://d.com', 'd', [], 0, 2],
    ]);
    expect(doc.blocks[0]?.text).toBe('A first and ref and https://b.com. See https://c.com/p, and d.');
  });

  it('collects images with alt (null when absent in HTML) and keeps them out of the text', () => {
    const doc = parseMarkdownDraft('Intro.\n\n![A chart](chart.png)\n\n<img src="x.png">\n\n[![Logo](logo.png)](https://x.com)\n');
    expect(doc.images.map((i) => [i.src, i.alt, i.afterBlock])).toEqual([
      ['chart.png', 'A chart', 0],
      ['x.png', null, 0],
      ['logo.png', 'Logo', 0],
    ]);
    expect(doc.blocks.map((b) => b.text)).toEqual(['Intro.']);
    expect(doc.links[0]).toMatchObject({ href: 'https://x.com', text: 'Logo', block: -1 });
  });

  it('resolves relative links against the url option', () => {
    const doc = parseMarkdownDraft('[a](/about) and [b](c.html)', { url: 'https://example.com/blog/post' });
    expect(doc.links.map((l) => l.url)).toEqual(['https://example.com/about', 'https://example.com/blog/c.html']);
    expect(parseMarkdownDraft('[a](/about)').links[0]?.url).toBeNull();
  });

  it('keeps hard line breaks (two spaces, backslash, <br>) as "\\n" and soft breaks as spaces', () => {
    const doc = parseMarkdownDraft('one  \ntwo\\\nthree<br>four\nfive');
    expect(doc.blocks[0]?.text).toBe('one\ntwo\nthree\nfour five');
  });

  it('keeps escapes, code spans and intraword underscores literal', () => {
    const doc = parseMarkdownDraft('Use \\*stars\\* and `a_b *c*` and snake_case_name.');
    expect(doc.blocks[0]?.text).toBe('Use *stars* and a_b *c* and snake_case_name.');
  });

  it('warns about an unclosed fence and reports front-matter errors with their line', () => {
    expect(parseMarkdownDraft('```\ncode').warnings.map((w) => w.code)).toEqual(['markdown.unclosed-fence']);
    try {
      parseMarkdownDraft('---\ntitle: ok\ncanonical: not a url\n---\n', { input: 'draft.md' });
      throw new Error('expected an error');
    } catch (err) {
      expect(err).toBeInstanceOf(LinkwrightError);
      expect((err as LinkwrightError).position).toEqual({ line: 3, input: 'draft.md' });
    }
  });
});
