/**
 * The fetcher's time port: the core `Clock` plus an abortable sleep, so pacing, Retry-After waits and
 * the robots.txt cache TTL can be driven by a fake clock in tests (DESIGN §3 "Time is a port").
 */
import type { Clock } from '../core/clock.js';

export interface FetchClock extends Clock {
  /** Resolves after `ms` (immediately for ms ≤ 0); rejects with `signal.reason` when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** Wall-clock implementation backed by Date.now and setTimeout. */
export const systemFetchClock: FetchClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      if (ms <= 0) {
        resolve();
        return;
      }
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};
