import { describe, expect, it } from 'vitest';
import { auditHtml } from '../audit/audit-html.js';
import { H_BIO, H_FOOTER, H_MAYBE, H_NAV, H_NEGATIVE, H_POSITIVE, H_RESPONSES, H_SHARE, H_UNLIKELY, hintBits } from './class-hints.js';
import { isQuirksDoctype } from './doctype-mode.js';

const sentence = 'Body text that reads like an article, with commas, clauses, and enough words to be a real paragraph of prose.';
const placements = (html: string) =>
  Object.fromEntries(auditHtml(html, { url: 'https://site.test/post', allLinks: true }).links.map((l) => [l.href, l.placement]));

describe('main-content placement details', () => {
  it('hidden links inside the article are not body', () => {
    const html = `<article><p>${sentence} <a href="/in">in</a> ${sentence}</p><p>${sentence}</p>
      <div style="display: none"><a href="/hidden-style">h</a></div><p hidden><a href="/hidden-attr">h</a> ${sentence}</p>
      <div aria-hidden="true"><a href="/aria">a</a></div></article>`;
    expect(placements(html)).toEqual({ '/in': 'body', '/hidden-style': 'other', '/hidden-attr': 'other', '/aria': 'other' });
  });

  it('a link-dense block inside the article is cleaned out (Readability _cleanConditionally); link lists are kept like Readability does', () => {
    const tags = Array.from({ length: 8 }, (_, i) => `<a href="/tag-${i}">topic ${i}</a>`).join(' ');
    const list = Array.from({ length: 4 }, (_, i) => `<li><a href="/list-${i}">Another story number ${i}</a></li>`).join('');
    const html = `<div class="post-body"><p>${sentence} <a href="/cited">cited</a> ${sentence}</p><p>${sentence} ${sentence}</p>
      <div class="tags">${tags}</div><ul>${list}</ul><p>${sentence}</p></div>`;
    const p = placements(html);
    expect(p['/cited']).toBe('body');
    expect(
      Object.entries(p)
        .filter(([k]) => k.startsWith('/tag-'))
        .map(([, v]) => v),
    ).toEqual(new Array(8).fill('other'));
    // Readability exempts lists (isList) from the link-density rule: a list in the article stays body.
    expect(
      Object.entries(p)
        .filter(([k]) => k.startsWith('/list-'))
        .map(([, v]) => v),
    ).toEqual(new Array(4).fill('body'));
  });

  it('a page without article-like text still gets placements (Readability flag retries), no throw', () => {
    const p = placements('<nav><a href="/a">A</a></nav><div><a href="/b">B</a> short</div><footer><a href="/c">C</a></footer>');
    expect(p['/a']).toBe('nav');
    expect(p['/c']).toBe('footer');
    // No article: Readability falls back to the whole page; site navigation is still never body.
    expect(p['/b']).toBe('body');
  });

  it('Medium: chrome nested inside the story region is not body', () => {
    const html = `<meta property="al:android:url" content="medium://p/0123456789ab"><article>
      <p id="aaa1">${sentence} <a href="https://out.example/1" rel="noopener ugc nofollow">one</a></p>
      <aside><a href="/@someone">someone</a></aside>
      <p id="aaa2">${sentence} <a href="https://out.example/2" rel="noopener ugc nofollow">two</a></p></article>`;
    expect(placements(html)).toEqual({ 'https://out.example/1': 'body', '/@someone': 'related', 'https://out.example/2': 'body' });
  });
});

describe('class hints (one scan per class/id string)', () => {
  it('matches Readability words as substrings and placement words as whole words', () => {
    expect(hintBits('comment-list') & (H_UNLIKELY | H_NEGATIVE | H_RESPONSES)).toBe(H_UNLIKELY | H_NEGATIVE | H_RESPONSES);
    expect(hintBits('main-content') & (H_MAYBE | H_POSITIVE)).toBe(H_MAYBE | H_POSITIVE);
    expect(hintBits('siteNav-logo') & H_NAV).toBe(H_NAV);
    expect(hintBits('navy-blue') & H_NAV).toBe(0);
    expect(hintBits('post-footer') & H_FOOTER).toBe(H_FOOTER);
    expect(hintBits('infoCard-bio') & H_BIO).toBe(H_BIO);
    expect(hintBits('sharedaddy sd-sharing') & H_SHARE).toBe(H_SHARE);
    expect(hintBits('sharer') & H_SHARE).toBe(0);
    expect(hintBits('')).toBe(0);
  });
});

describe('quirks mode from the DOCTYPE (§13.2.6.4.1)', () => {
  it('no doctype, legacy public ids and HTML 4.01 Transitional without system id are quirks', () => {
    expect(isQuirksDoctype(null)).toBe(true);
    expect(isQuirksDoctype('DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"')).toBe(true);
    expect(isQuirksDoctype('doctype html public "-//W3C//DTD HTML 3.2 Final//EN"')).toBe(true);
  });
  it('<!DOCTYPE html>, XHTML and HTML 4.01 Transitional with a system id are not', () => {
    expect(isQuirksDoctype('DOCTYPE html')).toBe(false);
    expect(
      isQuirksDoctype(
        'DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"',
      ),
    ).toBe(false);
    expect(isQuirksDoctype('DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd"')).toBe(
      false,
    );
  });
  it('changes where a table closes a paragraph, and so the <a> count', () => {
    // Standards mode: <table> closes the <p>, popping the <a>; text after the table re-opens it.
    const standards = auditHtml('<!DOCTYPE html><p><a href="/x">a<table><tr><td>c</td></tr></table>b', {
      url: 'https://q.test/',
      allLinks: true,
    });
    const quirks = auditHtml('<p><a href="/x">a<table><tr><td>c</td></tr></table>b', { url: 'https://q.test/', allLinks: true });
    expect(standards.links.length).toBe(2);
    expect(quirks.links.length).toBe(1);
  });
});

describe('class hints: non-ASCII never fakes a word', () => {
  it('a non-ASCII character next to a word prefix does not complete the word', () => {
    // "side" + U+0161 + "ar": without care, packed trigram keys of non-ASCII characters collide.
    expect(hintBits('sid\u0161bar') & H_UNLIKELY).toBe(0);
    expect(hintBits('Š-nav') & H_NAV).toBe(H_NAV);
  });
});
