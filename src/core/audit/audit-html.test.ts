import { describe, expect, it } from 'vitest';
import { auditHtml, siteHost, siteHostProblem, userSiteMatcher } from './audit-html.js';

const para = (link = '') =>
  `<p>This paragraph is long enough to be scored as content, with a few commas, clauses, and words ${link} that go on for a while so that it crosses one hundred characters of text.</p>`;

const BLOG = `<!doctype html><html><head><title> My   post </title>
<link rel="canonical" href="/2024/my-post">
<meta name="robots" content="index, follow"></head><body>
<header class="site-header"><nav><a href="/">Home</a> <a href="/about">About</a></nav></header>
<div id="main"><article class="post">
<h1>My post</h1><div class="byline">By <a href="/author/jane" rel="author">Jane</a></div>
${para('<a href="https://Blog.Example.com/guide?x=1" rel="noopener UGC">the guide</a>')}
${para('<a href="https://other.example/ref" rel="sponsored">a reference</a>')}
${para()}${para('<a href="https://example.com/"><img src="logo.png" alt="Example logo"></a>')}
<div class="share-buttons"><a href="https://twitter.com/intent/tweet?u=1">Tweet</a></div>
</article>
<aside class="sidebar"><ul><li><a href="/related-1">Related one</a></li><li><a href="/related-2">Related two</a></li></ul></aside>
<div id="comments"><div class="comment"><a href="https://commenter.example/">Commenter</a> said something.</div></div>
</div>
<footer><a href="/privacy">Privacy</a></footer>
<link rel="canonical" href="https://ignored-body-canonical.example/">
</body></html>`;

describe('auditHtml on an ordinary blog page', () => {
  const audit = auditHtml(BLOG, {
    url: 'https://blog.test/2024/my-post?utm_source=x',
    allLinks: true,
    site: ['example.com'],
    capturedAt: '2026-01-02T03:04:05.000Z',
  });

  it('places links: body, nav, bio, related, responses, footer, other', () => {
    const byHref = Object.fromEntries(audit.links.map((l) => [l.href, l.placement]));
    expect(byHref).toEqual({
      '/': 'nav',
      '/about': 'nav',
      '/author/jane': 'bio',
      'https://Blog.Example.com/guide?x=1': 'body',
      'https://other.example/ref': 'body',
      'https://example.com/': 'body',
      'https://twitter.com/intent/tweet?u=1': 'other',
      '/related-1': 'related',
      '/related-2': 'related',
      'https://commenter.example/': 'responses',
      '/privacy': 'footer',
    });
  });

  it('records url, host, registrable domain, site match, rel, follow and anchor text', () => {
    const guide = audit.links.find((l) => l.href.startsWith('https://Blog'));
    expect(guide).toMatchObject({
      tag: 'a',
      url: 'https://blog.example.com/guide?x=1',
      targetHost: 'blog.example.com',
      registrableDomain: 'example.com',
      toUserSite: true,
      rel: ['noopener', 'ugc'],
      follow: false,
      anchorText: 'the guide',
    });
    const logo = audit.links.find((l) => l.href === 'https://example.com/');
    expect(logo).toMatchObject({ anchorText: 'Example logo', toUserSite: true, follow: true, rel: [] });
    expect(audit.links.find((l) => l.href === '/about')?.url).toBe('https://blog.test/about');
    expect(audit.links.map((l) => l.position)).toEqual(audit.links.map((_, i) => i));
  });

  it('counts the returned links', () => {
    expect(audit.counts).toEqual({ total: 11, toUserSite: 2, followed: 9, body: 3 });
  });

  it('reads title, head canonical (not a body one), robots meta; keeps capture facts', () => {
    expect(audit.title).toBe('My post');
    expect(audit.canonical).toEqual({ html: 'https://blog.test/2024/my-post', http: null });
    expect(audit.robots).toEqual({ meta: ['index', 'follow'], header: [] });
    expect(audit.indexable).toBe(true);
    expect(audit.indexabilityReason).toBe('indexable');
    expect(audit).toMatchObject({
      status: null,
      source: 'file',
      finalUrl: 'https://blog.test/2024/my-post?utm_source=x',
      capturedAt: '2026-01-02T03:04:05.000Z',
      blocked: false,
    });
    expect(audit.medium).toEqual({ isMedium: false, postId: null });
  });

  it('returns only links to the user site without allLinks (site = host or subdomain of its registrable domain)', () => {
    const mine = auditHtml(BLOG, { url: 'https://blog.test/p', site: 'https://www.example.com/anything' });
    expect(mine.links.map((l) => l.url)).toEqual(['https://blog.example.com/guide?x=1', 'https://example.com/']);
    expect(mine.counts).toEqual({ total: 2, toUserSite: 2, followed: 1, body: 2 });
    expect(auditHtml(BLOG, { url: 'https://blog.test/p', site: 'notexample.com' }).links).toEqual([]);
    expect(auditHtml(BLOG, { url: 'https://blog.test/p' }).links).toEqual([]);
  });
});

describe('auditHtml: indexability inputs', () => {
  const page = '<html><head><title>t</title></head><body><p>x</p></body></html>';
  it('X-Robots-Tag (unscoped or scoped to linkwright) → noindex-header; other bots ignored', () => {
    expect(
      auditHtml(page, { url: 'https://a.test/', status: 200, headers: { 'X-Robots-Tag': 'googlebot: noindex' } }).indexabilityReason,
    ).toBe('indexable');
    const a = auditHtml(page, { url: 'https://a.test/', status: 200, headers: { 'x-robots-tag': ['linkwright: noindex', 'noarchive'] } });
    expect(a.robots.header).toEqual(['noindex', 'noarchive']);
    expect(a.indexabilityReason).toBe('noindex-header');
  });

  it('<meta name=robots|linkwright content=noindex> → noindex-meta', () => {
    expect(auditHtml('<meta name="linkwright" content="NOINDEX">', { url: 'https://a.test/' }).indexabilityReason).toBe('noindex-meta');
    expect(auditHtml('<meta name="robots" content="none">', { url: 'https://a.test/' }).indexabilityReason).toBe('noindex-meta');
  });

  it('HTTP Link canonical is resolved against the final URL and can send the page elsewhere', () => {
    const a = auditHtml(page, {
      url: 'https://a.test/x',
      finalUrl: 'https://a.test/y/',
      status: 200,
      headers: { Link: '<../orig>; rel="canonical"' },
    });
    expect(a.canonical.http).toBe('https://a.test/orig');
    expect(a.indexabilityReason).toBe('canonical-elsewhere');
  });

  it('non-2xx status → http-status; a challenge page → blocked', () => {
    expect(auditHtml(page, { url: 'https://a.test/', status: 404 }).indexabilityReason).toBe('http-status');
    const cf = '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/b/x.js"></script>';
    const b = auditHtml(cf, { url: 'https://medium.com/@a/s-1234567890ab', status: 403, headers: { server: 'cloudflare' } });
    expect(b).toMatchObject({ blocked: true, indexable: false, indexabilityReason: 'blocked', source: 'live' });
  });

  it('a Medium story with canonical to the author site is canonical-elsewhere (and reported)', () => {
    const html =
      '<head><link rel="canonical" href="https://justlaravel.com/how-to/"><meta property="al:android:url" content="medium://p/a1b2c3d4e5f6"></head><body><p id="1a2b" class="pw-post-body-paragraph">Hi <a href="https://justlaravel.com/x" rel="noopener ugc nofollow">x</a></p></body>';
    const a = auditHtml(html, { url: 'https://medium.com/justlaravel/how-to-a1b2c3d4e5f6', site: 'justlaravel.com' });
    expect(a.canonical.html).toBe('https://justlaravel.com/how-to/');
    expect(a.indexabilityReason).toBe('canonical-elsewhere');
    expect(a.links.map((l) => [l.placement, l.follow])).toEqual([['body', false]]);
  });
});

describe('auditHtml: Medium identity', () => {
  it('recognises a publication on a custom domain by its app links; post id from the app link', () => {
    const html =
      '<head><meta property="al:ios:app_name" content="Medium"><meta property="al:android:url" content="medium://p/0123456789ab"></head><body></body>';
    expect(auditHtml(html, { url: 'https://betterprogramming.pub/some-story' }).medium).toEqual({ isMedium: true, postId: '0123456789ab' });
  });
  it('prefers the URL id, then the app link, then JSON-LD identifier', () => {
    const html =
      '<head><meta name="generator" content="Medium"><script type="application/ld+json">{"@type":"NewsArticle","identifier":"abcdef012345"}</script></head>';
    expect(auditHtml(html, { url: 'https://pub.example/story' }).medium).toEqual({ isMedium: true, postId: 'abcdef012345' });
    expect(auditHtml(html, { url: 'https://pub.example/story-fedcba987654' }).medium.postId).toBe('fedcba987654');
  });
  it('host medium.com or *.medium.com counts; an ordinary site does not', () => {
    expect(auditHtml('<p>x</p>', { url: 'https://someone.medium.com/post-0123456789ab' }).medium).toEqual({
      isMedium: true,
      postId: '0123456789ab',
    });
    expect(auditHtml('<p>x</p>', { url: 'https://notmedium.com/post-0123456789ab' }).medium).toEqual({ isMedium: false, postId: null });
  });
});

describe('auditHtml: base href and the outlink cap', () => {
  it('resolves through <base href>', () => {
    const a = auditHtml('<base href="https://cdn.example/root/"><a href="page">p</a>', { url: 'https://site.test/x', allLinks: true });
    expect(a.links[0]?.url).toBe('https://cdn.example/root/page');
  });
  it('flags truncation when the cap cuts the link list', () => {
    const a = auditHtml('<a href="/x">x</a>'.repeat(20), { url: 'https://site.test/', allLinks: true, maxLinks: 5 });
    expect(a.links).toHaveLength(5);
    expect(a.linksTruncated).toBe(true);
    expect(auditHtml('<a href="/x">x</a>', { url: 'https://site.test/', allLinks: true }).linksTruncated).toBeUndefined();
  });
});

describe('the user’s sites: the host given and its subdomains', () => {
  const page = `<article><p>
    <a href="https://alice.medium.com/story">own</a> <a href="https://medium.com/tag/seo">tag</a>
    <a href="https://blog.example.com/p">blog</a> <a href="https://shop.example.com/">shop</a>
    <a href="https://example.com/">root</a> <a href="https://cdn.blog.example.com/x.png">cdn</a>
  </p></article>`;
  const toUser = (site: string | string[]): string[] =>
    auditHtml(page, { url: 'https://medium.com/@alice/x-1234', site }).links.map((l) => l.anchorText);

  it('does not widen a site to its registrable domain', () => {
    expect(toUser('alice.medium.com')).toEqual(['own']);
    expect(toUser('blog.example.com')).toEqual(['blog', 'cdn']);
  });

  it('counts the whole domain for the bare domain or its www host', () => {
    expect(toUser('example.com')).toEqual(['blog', 'shop', 'root', 'cdn']);
    expect(toUser('https://www.example.com/')).toEqual(['blog', 'shop', 'root', 'cdn']);
    expect(userSiteMatcher(['example.com'])('WWW.Example.com.')).toBe(true);
    expect(userSiteMatcher(['example.com'])('notexample.com')).toBe(false);
  });

  it('refuses public suffixes and non-hosts as sites', () => {
    expect(siteHostProblem('com')).toMatch(/public suffix/);
    expect(siteHostProblem('co.uk')).toMatch(/public suffix/);
    expect(siteHostProblem('github.io')).toMatch(/public suffix/);
    expect(siteHostProblem('exa mple.com')).toMatch(/not a host/);
    expect(siteHostProblem('https://')).toMatch(/not a host/);
    for (const ok of ['alice.github.io', 'example.co.uk', 'localhost', '127.0.0.1', 'http://example.com:8080/path']) {
      expect(siteHostProblem(ok)).toBeNull();
    }
    expect(siteHost('http://Example.com.:8080/path')).toBe('example.com');
    expect(toUser('com')).toEqual([]); // ignored by the library, refused by the CLI
  });
});
