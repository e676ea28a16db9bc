import { describe, expect, it } from 'vitest';
import { resolveHtmlUris } from './html-uris.js';

const BASE = 'http://e.test/dir/page.html';

describe('resolveHtmlUris', () => {
  it('resolves the URL attributes feedparser lists, and nothing else', () => {
    expect(resolveHtmlUris('<a href="x">x</a><img src=i.png><video poster="p.jpg" src="v.mp4"></video><div href="no">d</div>', BASE)).toBe(
      '<a href="http://e.test/dir/x">x</a><img src="http://e.test/dir/i.png"><video poster="http://e.test/dir/p.jpg" src="http://e.test/dir/v.mp4"></video><div href="no">d</div>',
    );
  });

  it('leaves markup that needs no change byte for byte, including odd quoting and case', () => {
    const html = `<P CLASS=x>Hi <A HREF='http://abs.test/'>abs</A> <a href="#top">top</a>&nbsp;<br/></P>`;
    expect(resolveHtmlUris(html, BASE)).toBe(html.replace('href="#top"', 'href="http://e.test/dir/page.html#top"'));
  });

  it('keeps self-closing tags self-closing and re-escapes attribute values', () => {
    expect(resolveHtmlUris('<img src="a b.png?x=1&amp;y=&quot;2&quot;" alt="A &amp; B"/>', BASE)).toBe(
      '<img src="http://e.test/dir/a b.png?x=1&amp;y=&quot;2&quot;" alt="A &amp; B" />',
    );
  });

  it('does not touch script or style text, comments, or unsafe results', () => {
    const html = `<script>var s = '<a href="x">';</script><!-- <a href="y"> --><a href="javascript:void(0)">j</a>`;
    expect(resolveHtmlUris(html, BASE)).toBe(html);
  });

  it('without a base, or without markup, returns the input', () => {
    expect(resolveHtmlUris('<a href="x">x</a>', null)).toBe('<a href="x">x</a>');
    expect(resolveHtmlUris('just text & more', BASE)).toBe('just text & more');
  });
});
