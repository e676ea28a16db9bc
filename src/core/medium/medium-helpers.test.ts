import { describe, expect, it } from 'vitest';
import { formatAbbreviatedCount, isAbbreviatedCount, parseAbbreviatedCount } from './abbreviated-count.js';
import { decodeJsonAt, findJsonStart, findKeyedObject, jsonErrorOffset, scanBalancedJson } from './json-scan.js';
import {
  dateStringToIso,
  epochMsToIso,
  isMediumHost,
  isMediumId,
  mediumPostIdFromUrl,
  mediumUsernameFromUrl,
  parseRssSource,
  stripTrackingParams,
  mediumTagSlug,
} from './medium-ids.js';
import { readMediumPageIdentity } from './page-identity.js';
import { renderApollo3StoryPage } from './synthetic/story-page.js';
import { mainStory } from './test-fixtures/synthetic-world.js';

describe('mediumPostIdFromUrl', () => {
  it.each([
    ['https://medium.com/@johncwelch/samantha-and-the-great-big-lie-d146a92473a1', 'd146a92473a1'],
    ['https://medium.com/angular-in-depth/the-best-way-d8f9aa42f6a0?source=rss----e5ed704095b---4', 'd8f9aa42f6a0'],
    ['https://blog.stackademic.com/swifts-asyncstream-explained-127d84078424', '127d84078424'],
    ['https://fmsreliability.medium.com/mcnemar-test-335c8697535b#section', '335c8697535b'],
    ['https://medium.com/p/2e02e21a633b', '2e02e21a633b'],
    ['https://medium.com/p/8d8fafffff83/edit', '8d8fafffff83'],
    // 11 hex: ids are hex numbers without leading zeros (an exported 2015 permalink has this form)
    ['https://medium.com/p/6eb84abb6f6', '6eb84abb6f6'],
    ['https://medium.com/@ada/imported-from-my-blog-9f8e7d6c5b4', '9f8e7d6c5b4'],
    ['http://127.0.0.1:4010/@ada.writes/how-we-earn-links-1234abcd5678', '1234abcd5678'],
    ['https://medium.com/@u/abcdef123456', 'abcdef123456'],
    ['medium://p/d146a92473a1', 'd146a92473a1'],
    ['medium:/p/fb39f4f701bb', 'fb39f4f701bb'],
    ['android-app://com.medium.reader/https/medium.com/p/ac4ec8aee7d1', 'ac4ec8aee7d1'],
  ])('%s → %s', (url, id) => {
    expect(mediumPostIdFromUrl(url)).toBe(id);
  });

  it.each([
    'https://medium.com/@johncwelch',
    'https://medium.com/p/import',
    'https://medium.com/tag/seo',
    'https://medium.com/@u/a-story-about-1234', // too short to be an id
    'https://medium.com/@u/post-0123456789abcd', // 14 hex: not an id
    'not a url',
    'ftp://medium.com/p/d146a92473a1',
  ])('%s → null', (url) => {
    expect(mediumPostIdFromUrl(url)).toBeNull();
  });

  it('isMediumId accepts 10–12 lower-case hex only', () => {
    expect(isMediumId('e5ed704095b')).toBe(true);
    expect(isMediumId('E5ED704095B')).toBe(false);
    expect(isMediumId('123456789')).toBe(false);
  });
});

describe('hosts, usernames, tracking parameters, rss sources, dates', () => {
  it('isMediumHost', () => {
    expect(isMediumHost('medium.com')).toBe(true);
    expect(isMediumHost('Cr0wg4n.Medium.com')).toBe(true);
    expect(isMediumHost('medium.com.')).toBe(true);
    expect(isMediumHost('medium.com:443')).toBe(true);
    expect(isMediumHost('notmedium.com')).toBe(false);
    expect(isMediumHost('towardsdatascience.com')).toBe(false);
  });

  it('mediumUsernameFromUrl', () => {
    expect(mediumUsernameFromUrl('https://medium.com/@cr0wg4n')).toBe('cr0wg4n');
    expect(mediumUsernameFromUrl('https://medium.com/@ada.writes/story-1234abcd5678')).toBe('ada.writes');
    expect(mediumUsernameFromUrl('https://cr0wg4n.medium.com')).toBe('cr0wg4n');
    expect(mediumUsernameFromUrl('medium://@cr0wg4n')).toBe('cr0wg4n');
    expect(mediumUsernameFromUrl('https://help.medium.com/hc/en-us')).toBeNull();
    expect(mediumUsernameFromUrl('https://medium.com/angular-in-depth')).toBeNull();
  });

  it('stripTrackingParams removes source and utm_* only', () => {
    expect(stripTrackingParams('https://medium.com/@u/x-1234abcd5678?source=rss-8717e15cbfc4------2')).toBe(
      'https://medium.com/@u/x-1234abcd5678',
    );
    expect(stripTrackingParams('https://a.example/p?utm_source=m&id=3&UTM_medium=x#f')).toBe('https://a.example/p?id=3#f');
    expect(stripTrackingParams('nonsense')).toBe('nonsense');
  });

  it('parseRssSource', () => {
    expect(parseRssSource('rss-8717e15cbfc4------2')).toEqual({ userId: '8717e15cbfc4', collectionId: null, tag: null });
    expect(parseRssSource('rss----5517fd7b58a6---4')).toEqual({ userId: null, collectionId: '5517fd7b58a6', tag: null });
    expect(parseRssSource('rss----c0ffee12345--link-building')).toEqual({
      userId: null,
      collectionId: 'c0ffee12345',
      tag: 'link-building',
    });
    expect(parseRssSource('rss------javascript-5')).toEqual({ userId: null, collectionId: null, tag: 'javascript' });
    expect(parseRssSource('post_page-----x')).toEqual({ userId: null, collectionId: null, tag: null });
  });

  it('epochMsToIso and dateStringToIso', () => {
    expect(epochMsToIso(1444875555607)).toBe('2015-10-15T02:19:15.607Z');
    expect(epochMsToIso(0)).toBeNull();
    expect(epochMsToIso('1')).toBeNull();
    expect(dateStringToIso('Fri, 24 Nov 2023 18:27:40 GMT')).toBe('2023-11-24T18:27:40.000Z');
    expect(dateStringToIso('soon')).toBeNull();
  });
});

describe('abbreviated counts (DOM fallback only)', () => {
  it.each([
    ['1.2K', 1200],
    ['34K Followers', 34_000],
    ['506 Followers', 506],
    ['1,234', 1234],
    ['1.1M', 1_100_000],
    ['2b', 2_000_000_000],
    ['  7 ', 7],
  ])('%s → %d', (text, value) => {
    expect(parseAbbreviatedCount(text)).toBe(value);
  });

  it('non-numbers give null', () => {
    expect(parseAbbreviatedCount('--')).toBeNull();
    expect(parseAbbreviatedCount('Followers')).toBeNull();
    expect(parseAbbreviatedCount('12 Kittens')).toBe(12);
  });

  it('knows which texts are rounded, and formats as Medium shows counts', () => {
    expect(isAbbreviatedCount('1.2K')).toBe(true);
    expect(isAbbreviatedCount('506')).toBe(false);
    expect([0, 999, 1000, 1299, 12_345, 999_999, 3_300_000].map(formatAbbreviatedCount)).toEqual([
      '0',
      '999',
      '1K',
      '1.2K',
      '12K',
      '999K',
      '3.3M',
    ]);
    for (const n of [1, 950, 1_250, 4_321, 98_765, 2_500_000]) {
      const parsed = parseAbbreviatedCount(formatAbbreviatedCount(n)) ?? -1;
      // the text never overstates, and loses at most one displayed unit
      expect(parsed).toBeLessThanOrEqual(n);
      expect(n - parsed).toBeLessThan(n >= 10_000 ? (n >= 1_000_000 ? 100_000 : 1_000) : 100);
    }
  });
});

describe('bracket-balanced JSON scanning', () => {
  it('finds the end of an object followed by more code, ignoring brackets in strings', () => {
    const text = 'window.__APOLLO_STATE__ = {"a":"}{]\\"[","b":[1,{"c":"\\\\"}]};window.x = 1;</script>';
    const start = findJsonStart(text, ['window.__APOLLO_STATE__']);
    expect(text[start]).toBe('{');
    const decoded = decodeJsonAt(text, start);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) {
      expect(decoded.value).toEqual({ a: '}{]"[', b: [1, { c: '\\' }] });
      expect(text.slice(decoded.end)).toBe(';window.x = 1;</script>');
    }
  });

  it('handles obvInit calls and skips comparisons', () => {
    const text = 'if (window["obvInit"] == null) {} window["obvInit"]({"value":{"id":"x"}})';
    const start = findJsonStart(text, ['window["obvInit"]']);
    const decoded = decodeJsonAt(text, start);
    expect(decoded.ok && decoded.value).toEqual({ value: { id: 'x' } });
  });

  it('reports unbalanced or mismatched brackets', () => {
    expect(scanBalancedJson('{"a":[1,2}', 0)).toBe(-1);
    expect(scanBalancedJson('{"a":"}', 0)).toBe(-1);
    expect(scanBalancedJson('x', 0)).toBe(-1);
    expect(findJsonStart('var y = 3;', ['var GLOBALS'])).toBe(-1);
  });

  it('cuts one keyed entity out of a broken blob', () => {
    const blob = '{"Post:aaaaaaaaaaaa":{"clapCount":9999},"Post:bbbbbbbbbbbb":{"clapCount":5,"t":"}"},"broken":';
    const d = findKeyedObject(blob, 'Post:bbbbbbbbbbbb');
    expect(d?.ok === true && d.value).toEqual({ clapCount: 5, t: '}' });
    expect(findKeyedObject(blob, 'Post:cccccccccccc')).toBeNull();
  });

  it('locates JSON syntax errors (Node 20 messages carry no position)', () => {
    expect(jsonErrorOffset('{"a":1}')).toBeNull();
    expect(jsonErrorOffset(' [1, 2.5e3, "x\\u0041", true, null] ')).toBeNull();
    expect(jsonErrorOffset('{"a":}')).toBe(5);
    expect(jsonErrorOffset('{"a":1} x')).toBe(8);
    expect(jsonErrorOffset('{"a":"\\q"}')).toBe(7);
    expect(jsonErrorOffset('[01]')).toBe(2);
  });
});

describe('readMediumPageIdentity', () => {
  it('recognises a Medium story on any host by its head markers', () => {
    const html = renderApollo3StoryPage(mainStory('https://growth.example'));
    expect(readMediumPageIdentity(html, { url: 'https://growth.example/growth-lab/x-1234abcd5678' })).toEqual({
      isMedium: true,
      postId: '1234abcd5678',
    });
  });

  it('an ordinary page is not Medium, even with an id-like URL', () => {
    expect(readMediumPageIdentity('<html><head><title>x</title></head></html>', { url: 'https://blog.example/post-1234abcd5678' })).toEqual(
      { isMedium: false, postId: null },
    );
  });

  it('a medium.com URL counts even when the head is missing', () => {
    expect(readMediumPageIdentity('<p>saved body only</p>', { url: 'https://medium.com/@u/t-1234abcd5678' })).toEqual({
      isMedium: true,
      postId: '1234abcd5678',
    });
  });
});

describe('mediumTagSlug (the one tag slug rule)', () => {
  it('joins words with "-", drops punctuation and accents, keeps letters of any script', () => {
    expect(mediumTagSlug('Link Building')).toBe('link-building');
    expect(mediumTagSlug('Node.js')).toBe('nodejs');
    expect(mediumTagSlug('web/dev')).toBe('web-dev');
    expect(mediumTagSlug("Google's core update")).toBe('googles-core-update');
    expect(mediumTagSlug('  Café SEO!  ')).toBe('cafe-seo');
    expect(mediumTagSlug('  SEO_&  Marketing!! ')).toBe('seo-marketing');
    expect(mediumTagSlug('Программирование')).toBe('программирование');
    expect(mediumTagSlug('?!')).toBe('');
  });
});
