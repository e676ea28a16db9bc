import { describe, expect, it } from 'vitest';
import {
  escapeRobotsPattern,
  isValidProductToken,
  parseRobots,
  productToken,
  ROBOTS_MAX_LINE_BYTES,
  ROBOTS_PARSE_LIMIT_BYTES,
  robotsPathOf,
  robotsTxtUrl,
} from './parse-robots.js';

const UA = 'Linkwright';

describe('parseRobots: matching', () => {
  it('allows everything for an empty or rule-less file', () => {
    expect(parseRobots('').isAllowed('https://x.com/a', UA)).toBe(true);
    expect(parseRobots(new Uint8Array()).isAllowed('https://x.com/a', UA)).toBe(true);
    expect(parseRobots('# only a comment\n\n').isAllowed('https://x.com/a', UA)).toBe(true);
    expect(parseRobots('Disallow: /\n').isAllowed('https://x.com/a', UA)).toBe(true); // no group
  });

  it('uses the product-token group, else `*`, and never both', () => {
    const r = parseRobots('User-agent: *\nDisallow: /private\n\nUser-agent: linkwright\nDisallow: /drafts\n');
    expect(r.isAllowed('https://x.com/private/a', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/drafts/a', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/drafts/a', 'LINKWRIGHT')).toBe(false);
    expect(r.isAllowed('https://x.com/private/a', 'OtherBot')).toBe(false);
    expect(r.isAllowed('https://x.com/drafts/a', 'OtherBot')).toBe(true);
  });

  it('a full User-Agent header does not match a group; productToken() gives the token to pass', () => {
    const r = parseRobots('User-agent: Linkwright\nDisallow: /\n');
    const header = 'Linkwright/0.1 (+https://github.com/example/linkwright)';
    expect(r.isAllowed('https://x.com/', header)).toBe(true);
    expect(r.isAllowed('https://x.com/', productToken(header))).toBe(false);
  });

  it('longest match wins, ties go to allow, empty Disallow disallows nothing', () => {
    const r = parseRobots('User-agent: *\nDisallow: /a\nAllow: /a/b\nDisallow: /a/b/c\nAllow: /t\nDisallow: /t\nDisallow:\n');
    expect(r.isAllowed('https://x.com/a/x', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/a/b/x', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/a/b/c/x', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/t', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/other', UA)).toBe(true);
  });

  it('supports * anywhere and $ at the end only', () => {
    const r = parseRobots('User-agent: *\nDisallow: /*.pdf$\nDisallow: /a*b*c\nDisallow: /lit$eral\n');
    expect(r.isAllowed('https://x.com/docs/f.pdf', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/docs/f.pdf?x=1', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/axxbyyc/z', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/axxcyyb', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/lit$eral', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/literal', UA)).toBe(true);
  });

  it('matches the query and params, never the fragment, and accepts URL objects', () => {
    const r = parseRobots('User-agent: *\nDisallow: /*?sort=\nDisallow: /p;s\n');
    expect(r.isAllowed('https://x.com/list?sort=asc', UA)).toBe(false);
    expect(r.isAllowed(new URL('https://x.com/list?page=2#?sort='), UA)).toBe(true);
    expect(r.isAllowed('https://x.com/p;s=1', UA)).toBe(false);
  });

  it('compares %xx escapes case-insensitively and escapes non-ASCII octets in patterns', () => {
    const r = parseRobots('User-agent: *\nDisallow: /a%2fb\nDisallow: /café\n');
    expect(r.isAllowed('https://x.com/a%2Fb', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/a%2fb', UA)).toBe(false);
    expect(r.isAllowed(new URL('https://x.com/café/menu').href, UA)).toBe(false);
    // Latin-1 bytes (not UTF-8) are escaped octet by octet, as Google does.
    const latin1 = parseRobots(new Uint8Array([...new TextEncoder().encode('User-agent: *\nDisallow: /caf'), 0xe9]));
    expect(latin1.isAllowed('https://x.com/caf%E9', UA)).toBe(false);
    expect(latin1.isAllowed('https://x.com/caf%C3%A9', UA)).toBe(true);
  });

  it('always allows /robots.txt itself (RFC 9309 §2.2.2)', () => {
    const r = parseRobots('User-agent: *\nDisallow: /\n');
    expect(r.isAllowed('https://x.com/robots.txt', UA)).toBe(true);
    expect(r.isAllowed('https://x.com/robots.txt?x', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/', UA)).toBe(false);
  });

  it('treats `* anything` as the global group and reads the token up to the first non-token character', () => {
    const r = parseRobots('User-agent: * # everyone\nDisallow: /a\nUser-agent: Linkwright/2.0 extra\nDisallow: /b\n');
    expect(r.isAllowed('https://x.com/a', 'Other')).toBe(false);
    expect(r.isAllowed('https://x.com/b', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/a', UA)).toBe(true);
  });
});

describe('parseRobots: limits and robustness', () => {
  it('ignores everything after ROBOTS_PARSE_LIMIT_BYTES (a rule at 510 KiB does not count)', () => {
    expect(ROBOTS_PARSE_LIMIT_BYTES).toBe(500 * 1024);
    const head = 'User-agent: *\nDisallow: /early\n';
    const filler = `# ${'x'.repeat(1000)}\n`;
    let body = head;
    while (body.length < 510 * 1024) body += filler;
    body += 'Disallow: /late\n';
    while (body.length < 600 * 1024) body += filler;
    const r = parseRobots(body);
    expect(r.stats.truncated).toBe(true);
    expect(r.isAllowed('https://x.com/early', UA)).toBe(false);
    expect(r.isAllowed('https://x.com/late', UA)).toBe(true);
  });

  it('drops the line the limit cuts through, so a cut rule never widens what is disallowed', () => {
    const prefix = 'User-agent: *\n';
    const padding = `#${'p'.repeat(ROBOTS_PARSE_LIMIT_BYTES - prefix.length - 'Disallow: /'.length - 2)}\n`;
    const body = `${prefix}${padding}Disallow: /private-area\n`;
    // The cut falls right after "Disallow: /": parsing that fragment would disallow everything.
    expect(new TextEncoder().encode(`${prefix}${padding}Disallow: /`).length).toBe(ROBOTS_PARSE_LIMIT_BYTES);
    const r = parseRobots(body);
    expect(r.stats.truncated).toBe(true);
    expect(r.isAllowed('https://x.com/anything', UA)).toBe(true);
  });

  it('keeps ROBOTS_MAX_LINE_BYTES of a long line', () => {
    const pattern = `/${'a'.repeat(ROBOTS_MAX_LINE_BYTES)}`;
    const r = parseRobots(`User-agent: *\nDisallow: ${pattern}\n`);
    const kept = `Disallow: ${pattern}`.slice(0, ROBOTS_MAX_LINE_BYTES).slice('Disallow: '.length);
    expect(r.isAllowed(`https://x.com${kept}`, UA)).toBe(false);
    expect(r.isAllowed(`https://x.com${kept.slice(0, -1)}`, UA)).toBe(true);
  });

  it('never throws on 100 KB of random bytes or text', () => {
    let seed = 42;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const randomBytes = new Uint8Array(100_000).map(() => next() & 0xff);
    let randomText = '';
    for (let i = 0; i < 100_000; i++) randomText += String.fromCharCode(next() % 0x10000);
    for (const body of [randomBytes, randomText, new Uint8Array([0xff, 0xfe, 0x41]), new Uint8Array([0xfe, 0xff])]) {
      expect(() => {
        const r = parseRobots(body);
        r.isAllowed('https://x.com/a', UA);
        r.crawlDelay(UA);
      }).not.toThrow();
    }
    expect(() => parseRobots(undefined as unknown as string).isAllowed('', '')).not.toThrow();
  });

  it('matches a hostile 16 KB wildcard pattern against a long path quickly', () => {
    const hostile = `/${'*a'.repeat(8000)}$`;
    const r = parseRobots(`User-agent: *\nDisallow: ${hostile}\n`);
    const path = `/${'a'.repeat(16_000)}b`;
    const started = performance.now();
    expect(r.isAllowed(`https://x.com${path}`, UA)).toBe(true);
    expect(r.isAllowed(`https://x.com${path.slice(0, -1)}`, UA)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('parseRobots: crawl-delay and sitemaps', () => {
  it('reads Crawl-delay per group: specific groups first, largest value wins, bad values ignored', () => {
    const r = parseRobots(
      'Crawl-delay: 99\n' +
        'User-agent: *\nCrawl-delay: 2.5\nDisallow: /tmp\n\n' +
        'User-agent: linkwright\nCrawl-delay: 5\nUser-agent: other\nDisallow: /x\n\n' +
        'User-agent: linkwright\nCrawl-delay: 7\nDisallow: /y\n\n' +
        'User-agent: bad\nCrawl-delay: -1\nCrawl-delay: soon\nDisallow:\n\n' +
        'User-agent: nodelay\nDisallow: /\n',
    );
    expect(r.crawlDelay(UA)).toBe(7);
    expect(r.crawlDelay('other')).toBe(5);
    expect(r.crawlDelay('someone')).toBe(2.5);
    expect(r.crawlDelay('bad')).toBeUndefined();
    expect(r.crawlDelay('nodelay')).toBeUndefined();
    expect(parseRobots('').crawlDelay(UA)).toBeUndefined();
  });

  it('like Sitemap, Crawl-delay does not end a group: following user-agent lines join it (robots.cc grouping)', () => {
    const r = parseRobots('User-agent: *\nCrawl-delay: 10\n\nUser-agent: linkwright\nDisallow: /x\n');
    expect(r.crawlDelay(UA)).toBe(10);
    expect(r.isAllowed('https://x.com/x', 'anyone')).toBe(false);
  });

  it('collects absolute http(s) sitemaps, resolving relative ones only when the robots URL is known', () => {
    const body =
      'Sitemap: /s1.xml\nsitemap: https://x.com/s2.xml\nSitemap: ftp://x.com/s3.xml\nSite-map: https://x.com/s2.xml\nSitemap: https://x.com/ü.xml\n';
    expect(parseRobots(body).sitemaps).toEqual(['https://x.com/s2.xml', 'https://x.com/%C3%BC.xml']);
    expect(parseRobots(body, 'https://x.com/robots.txt').sitemaps).toEqual([
      'https://x.com/s1.xml',
      'https://x.com/s2.xml',
      'https://x.com/%C3%BC.xml',
    ]);
  });

  it('counts directives in stats, including typos and unknown keys', () => {
    const r = parseRobots('User-agent: a\nDissalow: /x\nCrawl-delay: 1\nNoindex: /y\nnonsense line here\n\n');
    expect(r.stats).toEqual({ validDirectives: 3, unknownDirectives: 1, lastLineSeen: 4, truncated: false });
    expect(r.isAllowed('https://x.com/x', 'a')).toBe(false);
  });
});

describe('helpers', () => {
  it('productToken and isValidProductToken follow RFC 9309 §2.2.1', () => {
    expect(productToken('Googlebot/2.1 (+http://www.google.com/bot.html)')).toBe('Googlebot');
    expect(productToken('*')).toBe('');
    expect(isValidProductToken('Linkwright')).toBe(true);
    expect(isValidProductToken('Link-wright_2')).toBe(false);
    expect(isValidProductToken(undefined)).toBe(false);
  });

  it('robotsPathOf keeps path, params and query', () => {
    expect(robotsPathOf('https://x.com')).toBe('/');
    expect(robotsPathOf('https://x.com/a;p?q=1#f')).toBe('/a;p?q=1');
  });

  it('escapeRobotsPattern upper-cases escapes and encodes high octets', () => {
    expect(escapeRobotsPattern('/%7euser/\u00ff%zz')).toBe('/%7Euser/%FF%zz');
  });

  it('robotsTxtUrl gives the origin robots.txt for http(s) pages only', () => {
    expect(robotsTxtUrl('https://Blog.Example.com:8443/a/b?c#d')).toBe('https://blog.example.com:8443/robots.txt');
    expect(robotsTxtUrl(new URL('http://example.com'))).toBe('http://example.com/robots.txt');
    expect(robotsTxtUrl('ftp://example.com/')).toBeNull();
    expect(robotsTxtUrl('nonsense')).toBeNull();
  });
});
