import { describe, expect, it } from 'vitest';
import {
  causeParams,
  DISCOVERY_MESSAGE_IDS,
  discoveryMessage,
  formatCount,
  formatDate,
  formatDays,
  formatPercent,
  isDiscoveryMessageId,
  renderDiscoveryMessage,
} from './messages.js';

describe('formatting helpers', () => {
  it('formats counts, shares, days and dates without locale', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-1234)).toBe('-1,234');
    expect(formatCount(2.345)).toBe('2.3');
    expect(formatCount(null)).toBe('?');
    expect(formatPercent(0.92)).toBe('92%');
    expect(formatPercent(0.375)).toBe('38%');
    expect(formatPercent(null)).toBe('?%');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(3.456)).toBe('3.5 days');
    expect(formatDays(44.6)).toBe('45 days');
    expect(formatDate('2024-01-05T10:00:00.000Z')).toBe('2024-01-05');
    expect(formatDate(null)).toBe('?');
  });
});

describe('renderDiscoveryMessage', () => {
  it('renders the issue examples', () => {
    expect(renderDiscoveryMessage('gate.viral.one-hit', { share: 0.92 })).toBe('one viral hit: 92% of claps from one story');
    expect(renderDiscoveryMessage('gate.inactive', { since: '2024-01-05T10:00:00.000Z', days: 177 })).toBe('inactive since 2024-01-05');
  });

  it('renders every id, even with no params, without throwing or printing undefined/NaN', () => {
    expect(new Set(DISCOVERY_MESSAGE_IDS).size).toBe(DISCOVERY_MESSAGE_IDS.length);
    for (const id of DISCOVERY_MESSAGE_IDS) {
      expect(isDiscoveryMessageId(id)).toBe(true);
      const text = renderDiscoveryMessage(id, {});
      expect(text.length, id).toBeGreaterThan(5);
      expect(text, id).not.toMatch(/undefined|NaN|\[object/);
    }
  });

  it('renders a nested cause with its own params', () => {
    const cause = discoveryMessage('metric.claps.too-few', { have: 2, need: 3 });
    expect(causeParams(cause)).toEqual({ cause: 'metric.claps.too-few', 'cause.have': 2, 'cause.need': 3 });
    expect(renderDiscoveryMessage('gate.viral.unknown', { max: 0.8, ...causeParams(cause) })).toBe(
      'cannot tell a one-hit author: needs clap counts of at least 3 posts, have 2',
    );
    expect(renderDiscoveryMessage('gate.viral.unknown', causeParams(null))).toBe('cannot tell a one-hit author: clap counts unknown');
  });

  it('falls back to the id and params for an unknown id', () => {
    expect(isDiscoveryMessageId('gate.future-check')).toBe(false);
    expect(renderDiscoveryMessage('gate.future-check', { b: 2, a: 'x' })).toBe('gate.future-check (a=x, b=2)');
    expect(renderDiscoveryMessage('toString', {})).toBe('toString');
  });

  it('copies params so a stored message cannot be changed through the caller object', () => {
    const params = { followers: 10, min: 500 };
    const m = discoveryMessage('gate.followers.below', params);
    params.followers = 999;
    expect(renderDiscoveryMessage(m.messageId, m.params)).toBe('too few followers: 10 (minimum 500)');
  });
});
