/**
 * C1 (reliability §3): the robots.txt matcher against Google's reference tests
 * (google/robotstxt robots_test.cc as data, and google/robotstxt-spec-test), plus the crawler-commons
 * robots corpus as a must-not-crash set with the expectations that its files and RFC 9309 §5 state.
 * Bodies come from `robots_base64` (byte-exact; three inputs are not valid UTF-8).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { escapeRobotsPattern, isValidProductToken, parseRobots, type RobotsRules, robotsPathOf } from './parse-robots.js';

/** Read shared data on first use, inside a test: describeShared may skip the block when it is absent. */
function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}

interface AllowCase {
  robots_base64: string;
  user_agent: string;
  url: string;
  expected: 'allowed' | 'disallowed';
  google_specific: boolean;
  test?: string;
  source?: string;
}

interface GoogleData {
  allow_cases: AllowCase[];
  valid_user_agent: { user_agent: string | null; expected_valid: boolean }[];
  parse_stats: {
    robots_base64: string;
    test: string;
    expected: { valid_directives?: number; unknown_directives?: number; last_line_seen?: number; sitemap?: string };
  }[];
  path_params_query: { url: string; expected: string }[];
  escape_pattern: { pattern: string; expected: string }[];
}

/**
 * Google-specific behaviours we do not follow, by case id (`test` or `source` + user agent + url).
 * Empty: every Google-specific case passes (missing colon, index.html, line cap, first-space UA,
 * empty UA/URL). Kept as an asserted list so that a regression shows up as a named deviation.
 */
const GOOGLE_SPECIFIC_DEVIATIONS: readonly string[] = [];

function bytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

function caseId(c: AllowCase): string {
  return `${c.test ?? c.source} | ${c.user_agent} | ${c.url.length > 60 ? `${c.url.slice(0, 60)}…` : c.url}`;
}

function runAllowCases(label: string, cases: () => AllowCase[]): void {
  const standard = (): AllowCase[] => cases().filter((c) => !c.google_specific);
  const googleOnly = (): AllowCase[] => cases().filter((c) => c.google_specific);
  const failing = (list: AllowCase[]): string[] =>
    list.filter((c) => parseRobots(bytes(c.robots_base64)).isAllowed(c.url, c.user_agent) !== (c.expected === 'allowed')).map(caseId);

  it(`${label}: 100% of the standard (non-Google-specific) cases`, () => {
    const list = standard();
    expect(list.length).toBeGreaterThan(0);
    const misses = failing(list);
    console.info(`[C1] ${label} standard: ${list.length - misses.length}/${list.length}`);
    expect(misses).toEqual([]);
  });

  it(`${label}: Google-specific cases pass except the listed deviations`, () => {
    const list = googleOnly();
    expect(list.length).toBeGreaterThan(0);
    const misses = failing(list);
    const allMisses = failing(cases());
    console.info(
      `[C1] ${label} Google-specific: ${list.length - misses.length}/${list.length}; all: ${cases().length - allMisses.length}/${cases().length}`,
    );
    expect(misses).toEqual(GOOGLE_SPECIFIC_DEVIATIONS);
  });
}

describeShared('parseRobots vs google/robotstxt robots_test.cc (C1)', ['conformance', 'robotstxt', 'google_robots_test_cases.json'], () => {
  const data = lazy(
    () => JSON.parse(readFileSync(requireSharedPath('conformance', 'robotstxt', 'google_robots_test_cases.json'), 'utf8')) as GoogleData,
  );

  it('has the 145 allow cases of the reliability note', () => {
    expect(data().allow_cases.length).toBe(145);
  });

  runAllowCases('robots_test.cc allow_cases', () => data().allow_cases);

  it('parse_stats: 100% of the expected counts (valid, unknown, last line, sitemap)', () => {
    let checked = 0;
    for (const c of data().parse_stats) {
      const rules = parseRobots(bytes(c.robots_base64));
      const got = {
        valid_directives: rules.stats.validDirectives,
        unknown_directives: rules.stats.unknownDirectives,
        last_line_seen: rules.stats.lastLineSeen,
        sitemap: rules.sitemaps.join(''),
      };
      for (const [field, value] of Object.entries(c.expected)) {
        expect(got[field as keyof typeof got], `${c.test}: ${field}`).toBe(value);
        checked++;
      }
    }
    console.info(`[C1] parse_stats: ${checked}/${checked} expected counts`);
    expect(checked).toBe(22);
  });

  it('valid_user_agent: isValidProductToken', () => {
    for (const c of data().valid_user_agent) expect(isValidProductToken(c.user_agent), String(c.user_agent)).toBe(c.expected_valid);
  });

  it('path_params_query: robotsPathOf', () => {
    for (const c of data().path_params_query) expect(robotsPathOf(c.url), c.url).toBe(c.expected);
  });

  it('escape_pattern: escapeRobotsPattern on the UTF-8 octets', () => {
    for (const c of data().escape_pattern) {
      const octets = String.fromCharCode(...new TextEncoder().encode(c.pattern));
      expect(escapeRobotsPattern(octets), c.pattern).toBe(c.expected);
    }
  });
});

describeShared(
  'parseRobots vs google/robotstxt-spec-test correctness (C1)',
  ['conformance', 'robotstxt', 'spec_test_correctness.json'],
  () => {
    const data = lazy(
      () =>
        JSON.parse(readFileSync(requireSharedPath('conformance', 'robotstxt', 'spec_test_correctness.json'), 'utf8')) as {
          cases: AllowCase[];
        },
    );
    it('has the 146 cases of the reliability note', () => {
      expect(data().cases.length).toBe(146);
    });
    runAllowCases('spec-test correctness', () => data().cases);
  },
);

describeShared('parseRobots on the crawler-commons robots corpus', ['conformance', 'robotstxt', 'crawler-commons-fixtures'], () => {
  const dir = lazy(() => requireSharedPath('conformance', 'robotstxt', 'crawler-commons-fixtures'));
  const load = (name: string): RobotsRules =>
    parseRobots(new Uint8Array(readFileSync(join(dir(), name))), 'https://example.com/robots.txt');

  it('parses every file without throwing, and answers queries on each', () => {
    const files = readdirSync(dir());
    expect(files.length).toBeGreaterThanOrEqual(24);
    for (const file of files) {
      const body = new Uint8Array(readFileSync(join(dir(), file)));
      expect(() => {
        const rules = parseRobots(body, 'https://example.com/robots.txt');
        rules.isAllowed('https://example.com/some/path?q=1', 'Linkwright');
        rules.crawlDelay('Linkwright');
      }, file).not.toThrow();
      // The text form gives the same answers as the bytes for the UTF-8 files.
      if (body[0] !== 0xff && body[0] !== 0xfe) {
        const fromText = parseRobots(new TextDecoder().decode(body), 'https://example.com/robots.txt');
        expect(fromText.stats, file).toEqual(parseRobots(body, 'https://example.com/robots.txt').stats);
      }
    }
  });

  describe('RFC 9309 §5 examples', () => {
    it('§5.1 simple example', () => {
      const r = load('rfc9309-example-simple-robots.txt');
      expect(r.isAllowed('https://example.com/publications/x', 'otherbot')).toBe(true);
      expect(r.isAllowed('https://example.com/example/x', 'otherbot')).toBe(false);
      expect(r.isAllowed('https://example.com/a/b.gif', 'otherbot')).toBe(false);
      expect(r.isAllowed('https://example.com/example/page.html', 'foobot')).toBe(true);
      expect(r.isAllowed('https://example.com/example/allowed.gif', 'foobot')).toBe(true);
      expect(r.isAllowed('https://example.com/other', 'foobot')).toBe(false);
      for (const bot of ['barbot', 'BazBot']) {
        expect(r.isAllowed('https://example.com/example/page.html', bot)).toBe(false);
        expect(r.isAllowed('https://example.com/example/other.gif', bot)).toBe(true);
      }
      expect(r.isAllowed('https://example.com/example/page.html', 'quxbot')).toBe(true);
    });

    it('§5.2 longest match', () => {
      const r = load('rfc9309-example-longest-match-robots.txt');
      expect(r.isAllowed('https://example.com/example/page/disallowed.gif', 'foobot')).toBe(false);
      expect(r.isAllowed('https://example.com/example/page/other.gif', 'foobot')).toBe(true);
    });

    it('§2.2.1 merging of groups for the same product token', () => {
      const r = load('rfc9309-example-rule-group-merging.txt');
      for (const path of ['/foo', '/bar', '/baz']) expect(r.isAllowed(`https://example.com${path}`, 'ExampleBot'), path).toBe(false);
      expect(r.isAllowed('https://example.com/baz', 'OtherBot')).toBe(true);
      expect(r.isAllowed('https://example.com/foo', 'BazBot')).toBe(true);
    });
  });

  it('crawl-delay-group-merging.txt: crawl-delay does not end a group; per-agent delays as its comments state', () => {
    const r = load('crawl-delay-group-merging.txt');
    expect(r.crawlDelay('mybot')).toBe(10);
    expect(r.crawlDelay('yourbot')).toBe(10);
    expect(r.crawlDelay('anybot')).toBe(30);
    for (const bot of ['mybot', 'yourbot']) {
      expect(r.isAllowed('https://example.com/private/x', bot)).toBe(false);
      expect(r.isAllowed('https://example.com/public', bot)).toBe(true);
    }
    // The file's comment says `Disallow: /login/` "applies to mybot and yourbot", but that group names
    // only yourbot; RFC 9309 §2.2.1 merges groups per product token, and robots.cc agrees.
    expect(r.isAllowed('https://example.com/login/', 'yourbot')).toBe(false);
    expect(r.isAllowed('https://example.com/login/', 'mybot')).toBe(true);
    expect(r.isAllowed('https://example.com/private/x', 'anybot')).toBe(true);
  });

  it('sitemaps: relative ones resolved, duplicates removed, case kept, anywhere in the file', () => {
    expect(load('relative-sitemap-robots.txt').sitemaps).toEqual(['https://example.com/sitemap.xml']);
    expect(load('sitemap-robots-dedup.txt').sitemaps).toEqual(['http://example.org/sitemap.xml']);
    expect(load('sitemap-robots.txt').sitemaps).toEqual(['http://domain.com/sitemap.xml', 'http://domain.com/dir/MixedCased-sitemap.xml']);
  });

  it('UTF-16 files (with BOM) parse like their UTF-8 twin', () => {
    const utf8 = load('robots-with-utf8-bom.txt');
    for (const name of ['robots-with-utf16le-bom.txt', 'robots-with-utf16be-bom.txt']) {
      const r = load(name);
      expect(r.stats.validDirectives, name).toBe(utf8.stats.validDirectives);
      expect(r.sitemaps, name).toEqual(utf8.sitemaps);
      expect(r.stats.validDirectives).toBeGreaterThan(0);
    }
  });
});
