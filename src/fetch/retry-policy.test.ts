import { describe, expect, it } from 'vitest';
import { backoffDelayMs, DEFAULT_MAX_ATTEMPTS, DEFAULT_MAX_RETRY_AFTER_MS, parseRetryAfter, RETRYABLE_STATUSES } from './retry-policy.js';

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);
  it('reads delay-seconds', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });
  it('reads an HTTP-date relative to now, never negative', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:01:00 GMT', now)).toBe(60_000); // RFC 850
    expect(parseRetryAfter('Thu Jan  1 12:00:10 2026', now)).not.toBeNull(); // asctime (local-time parse by Date)
  });
  it('ignores garbage', () => {
    expect(parseRetryAfter(undefined, now)).toBeNull();
    expect(parseRetryAfter('', now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter('1.5', now)).toBeNull();
  });
});

describe('backoffDelayMs (full jitter)', () => {
  it('stays within [0, min(cap, base·2^(n-1))]', () => {
    expect(backoffDelayMs(1, 1000, 30_000, () => 0.999999)).toBe(999);
    expect(backoffDelayMs(2, 1000, 30_000, () => 0.5)).toBe(1000);
    expect(backoffDelayMs(3, 1000, 30_000, () => 1)).toBe(4000);
    expect(backoffDelayMs(10, 1000, 30_000, () => 1)).toBe(30_000);
    expect(backoffDelayMs(1, 1000, 30_000, () => 0)).toBe(0);
  });
});

describe('retry constants', () => {
  it('are the documented ones', () => {
    expect([...RETRYABLE_STATUSES].sort()).toEqual([429, 500, 502, 503, 504]);
    expect(DEFAULT_MAX_ATTEMPTS).toBe(3);
    expect(DEFAULT_MAX_RETRY_AFTER_MS).toBe(120_000);
  });
});
