/**
 * Retry rules (DESIGN §6, reliability.md R7): at most 3 attempts, exponential backoff with full
 * jitter, only for retryable failures, and the server's Retry-After honoured.
 */

/**
 * Statuses worth retrying: 429 (RFC 6585 §4) and the transient 5xx (RFC 9110 §15.6.3–15.6.5) —
 * the set Scrapy's RETRY_HTTP_CODES and undici's retry interceptor use, minus 408/522/524 which we
 * treat as final answers.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);

/** db.fetch.retry.max=3 (Nutch), max.fetch.errors=3 (StormCrawler), DESIGN §6. */
export const DEFAULT_MAX_ATTEMPTS = 3;
/** First backoff ceiling: 1 s, doubling (p-retry defaults minTimeout 1000, factor 2). */
export const DEFAULT_RETRY_BASE_DELAY_MS = 1_000;
/** Backoff ceiling: 30 s, the same bound as the maximum Crawl-delay we honour. */
export const DEFAULT_RETRY_MAX_DELAY_MS = 30_000;
/**
 * Longest Retry-After we wait for inside one fetch: 120 s. A longer request is honoured by not
 * retrying now — the fetch fails with FETCH_HTTP_RETRYABLE carrying the server's full wait in
 * `retryAfterMs`, and the host is held back for that long, so the caller can reschedule instead of
 * one fetch sleeping for an hour.
 */
export const DEFAULT_MAX_RETRY_AFTER_MS = 120_000;

/**
 * Parses Retry-After (RFC 9110 §10.2.3): delay-seconds or an HTTP-date. Returns the wait in ms
 * (never negative), or null when absent or unparseable.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const v = value.trim();
  if (v === '') return null;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  // HTTP-date in any of its three forms (IMF-fixdate, RFC 850, asctime) starts with a day name;
  // anything else ("-5", "1.5") is not a date even if Date.parse would accept it.
  if (!/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s/i.test(v)) return null;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - nowMs);
}

/**
 * "Full jitter" backoff (AWS Architecture Blog, "Exponential Backoff And Jitter", 2015): a uniform
 * random wait in [0, min(cap, base·2^(attempt-1))]. `attempt` is the attempt that just failed (1-based).
 */
export function backoffDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
