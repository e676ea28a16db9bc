import { describe, expect, it } from 'vitest';
import { hasNoindex, headerValues, metaRobotsRules, splitRules, xRobotsTagRules } from './robots-directives.js';

describe('metaRobotsRules', () => {
  it('reads name=robots and name=<our token>, case-insensitively, and ignores other crawlers', () => {
    const rules = metaRobotsRules([
      { name: 'ROBOTS', content: 'Index, FOLLOW, max-image-preview:large' },
      { name: 'googlebot', content: 'noindex' },
      { name: 'Linkwright', content: 'noarchive' },
      { name: 'description', content: 'noindex' },
    ]);
    expect(rules).toEqual(['index', 'follow', 'max-image-preview:large', 'noarchive']);
    expect(hasNoindex(rules)).toBe(false);
  });
});

describe('xRobotsTagRules', () => {
  it('applies unscoped rules and rules scoped to our token, not to other bots', () => {
    expect(xRobotsTagRules(['googlebot: noindex, nofollow', 'noarchive', 'linkwright: noindex'])).toEqual(['noarchive', 'noindex']);
    expect(xRobotsTagRules(['otherbot: noindex'])).toEqual([]);
  });

  it('switches scope inside one value and honours a custom token', () => {
    expect(xRobotsTagRules(['googlebot: nofollow, mybot: noindex, nosnippet'], 'MyBot')).toEqual(['noindex', 'nosnippet']);
  });

  it('does not take valued rules for user agents, and keeps an RFC 850 date whole', () => {
    expect(xRobotsTagRules(['max-snippet: 20, max-image-preview:none'])).toEqual(['max-snippet: 20', 'max-image-preview:none']);
    expect(xRobotsTagRules(['unavailable_after: Sunday, 06-Nov-94 08:49:37 GMT, noarchive'])).toEqual([
      'unavailable_after: sunday, 06-nov-94 08:49:37 gmt',
      'noarchive',
    ]);
  });

  it('treats none as noindex', () => {
    expect(hasNoindex(xRobotsTagRules(['NONE']))).toBe(true);
  });
});

describe('headerValues', () => {
  it('collects a header from any key case and flattens arrays', () => {
    expect(headerValues({ 'X-Robots-Tag': 'noindex', 'x-robots-tag': ['nofollow', 'noarchive'], other: 'x' }, 'x-robots-tag')).toEqual([
      'noindex',
      'nofollow',
      'noarchive',
    ]);
    expect(headerValues(undefined, 'link')).toEqual([]);
  });
});

describe('unavailable_after dates in meta robots', () => {
  it('keeps the comma of an RFC 850/822 date inside the rule', () => {
    expect(splitRules('unavailable_after: Wednesday, 25-Jun-2030 15:00:00 PST, noarchive')).toEqual([
      'unavailable_after: wednesday, 25-jun-2030 15:00:00 pst',
      'noarchive',
    ]);
    expect(splitRules('noindex, unavailable_after: Wed, 25 Jun 2030 15:00:00 GMT, max-snippet:20')).toEqual([
      'noindex',
      'unavailable_after: wed, 25 jun 2030 15:00:00 gmt',
      'max-snippet:20',
    ]);
    expect(splitRules('unavailable_after: 2030-06-25, nofollow')).toEqual(['unavailable_after: 2030-06-25', 'nofollow']);
  });
});
