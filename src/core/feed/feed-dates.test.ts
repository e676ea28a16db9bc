import { describe, expect, it } from 'vitest';
import { parseFeedDate } from './feed-dates.js';

describe('parseFeedDate', () => {
  it.each([
    // W3C-DTF / RFC 3339
    ['2003-12-31T10:14:55Z', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31T10:14:55.25+01:00', '2003-12-31T09:14:55.250Z'],
    ['2003-12-31T10:14:55-0500', '2003-12-31T15:14:55.000Z'],
    ['2003-12-31T10:14Z', '2003-12-31T10:14:00.000Z'],
    ['2003-12-31 10:14:55', '2003-12-31T10:14:55.000Z'],
    ['2003-12-31', '2003-12-31T00:00:00.000Z'],
    ['2003-12', '2003-12-01T00:00:00.000Z'],
    ['2003', '2003-01-01T00:00:00.000Z'],
    ['20031231T101455Z', '2003-12-31T10:14:55.000Z'],
    ['2004-04-06T23:05:43-05:00', '2004-04-07T04:05:43.000Z'],
    // RFC 822 / 5322 and their common variants
    ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Sat, 07 Sep 2002 00:00:01 GMT', '2002-09-07T00:00:01.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 +0100', '2004-01-01T18:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 EST', '2004-01-02T00:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 PDT', '2004-01-02T02:48:21.000Z'],
    ['01 Jan 2004 19:48 GMT', '2004-01-01T19:48:00.000Z'],
    ['Thu, 1 January 2004 19:48:21', '2004-01-01T19:48:21.000Z'],
    ['Tue, 5 Sept 2006 10:00:00 GMT', '2006-09-05T10:00:00.000Z'],
    ['Thu, 01 Jan 04 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 99 19:48:21 GMT', '1999-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 Z', '2004-01-01T19:48:21.000Z'],
    ['Thu, 01 Jan 2004 19:48:21 GMT+2', '2004-01-01T17:48:21.000Z'],
    ['Thu,01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
    // asctime
    ['Sun Jan  4 16:29:06 PST 2004', '2004-01-05T00:29:06.000Z'],
    ['Sun Jan 4 16:29:06 2004', '2004-01-04T16:29:06.000Z'],
  ])('%s → %s', (text, iso) => {
    expect(parseFeedDate(text)).toBe(iso);
  });

  it.each([
    [''],
    ['   '],
    ['yesterday'],
    ['2003-13-01'],
    ['2003-02-30'],
    ['2003-12-31T25:00:00Z'],
    ['Thu, 32 Jan 2004 19:48:21 GMT'],
    ['Thu, 01 Foo 2004 19:48:21 GMT'],
    ['Thu, 01 Jan 2004 19:48:21 +2500'],
    ['x'.repeat(1000)],
  ])('%j is not a date', (text) => {
    expect(parseFeedDate(text)).toBeNull();
  });

  it('is independent of the machine time zone: a zone-less date-time is UTC', () => {
    expect(parseFeedDate('2003-12-31T10:14:55')).toBe('2003-12-31T10:14:55.000Z');
    expect(parseFeedDate('31 Dec 2003 10:14:55')).toBe('2003-12-31T10:14:55.000Z');
  });

  it('accepts null and undefined', () => {
    expect(parseFeedDate(null)).toBeNull();
    expect(parseFeedDate(undefined)).toBeNull();
  });
});
