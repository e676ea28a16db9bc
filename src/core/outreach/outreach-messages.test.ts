import { describe, expect, it } from 'vitest';
import { formatHours, formatTime, OUTREACH_MESSAGE_IDS, type OutreachParams, renderOutreachMessage } from './outreach-messages.js';

/** Plausible params for every message id (the renderer must use each without printing "undefined"). */
const SAMPLE: OutreachParams = {
  stage: 'engaged',
  from: 'followed',
  to: 'pitched',
  expected: 'engaged',
  allowed: 'engaged, pitched',
  have: 1,
  need: 3,
  weekday: 'sat',
  kind: 'comment',
  cap: 5,
  count: 5,
  gapHours: 72,
  lastAt: Date.parse('2025-03-03T10:00:00Z'),
  lastKind: 'follow',
  max: 3,
  windowMinutes: 10,
  followedAt: Date.parse('2025-03-01T10:00:00Z'),
  kinds: 'comment, reply',
  days: 10,
  firstAt: Date.parse('2025-02-20T10:00:00Z'),
  repliedAt: Date.parse('2025-03-02T10:00:00Z'),
  sent: 1,
  afterDays: 7,
  storyTitle: 'A story',
  publishedAt: Date.parse('2025-03-02T08:00:00Z'),
  engagements: 3,
  number: 1,
  action: 'pitch',
  points: 12,
  score: 70,
  inbound: 1,
  fields: 'rel',
  status: 404,
  failures: 3,
  lastFailure: 'blocked',
  failure: 'blocked',
  limit: 3,
  followBefore: false,
  followAfter: true,
};

describe('renderOutreachMessage', () => {
  it.each(OUTREACH_MESSAGE_IDS)('%s renders plain English', (id) => {
    const text = renderOutreachMessage(id, SAMPLE);
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/undefined|NaN|\[object/);
  });

  it('renders an unknown id with its params instead of throwing', () => {
    expect(renderOutreachMessage('pacing.future-rule', { b: 2, a: 'x' })).toBe('pacing.future-rule (a=x, b=2)');
    expect(renderOutreachMessage('pacing.future-rule')).toBe('pacing.future-rule');
  });

  it('formats times in UTC or a fixed offset, and durations in days or hours', () => {
    const t = Date.parse('2025-03-03T23:30:00Z');
    expect(formatTime(t)).toBe('2025-03-03 23:30 UTC');
    expect(formatTime(t, { utcOffsetMinutes: 60 })).toBe('2025-03-04 00:30 UTC+01:00');
    expect(formatTime(t, { utcOffsetMinutes: -330 })).toBe('2025-03-03 18:00 UTC-05:30');
    expect(renderOutreachMessage('pacing.follow-already', { followedAt: t }, { utcOffsetMinutes: 60 })).toBe(
      'already followed (2025-03-04 00:30 UTC+01:00)',
    );
    expect([formatHours(72), formatHours(24), formatHours(20), formatHours(1), formatHours(720)]).toEqual([
      '3 days',
      '1 day',
      '20 hours',
      '1 hour',
      '30 days',
    ]);
  });

  it('shows "?" for missing params rather than crashing', () => {
    expect(renderOutreachMessage('pacing.daily-cap', {})).toBe('daily cap for ? reached (? of ? today)');
  });
});
