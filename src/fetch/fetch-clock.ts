/**
 * The fetcher's time port: the core `Clock` plus an abortable sleep, so pacing, Retry-After waits and
 * the robots.txt cache TTL can be driven by a fake clock in tests (DESIGN §3 "Time is a port").
 */
import type { Clock } from '../core/clock.js';

export interface FetchClock extends Clock {
  /** Resolves after `ms` (immediately for ms ≤ 0); rejects with `signal.reason` when aborted. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** setTimeout's longest delay (a signed 32-bit ms count); longer ones fire after 1 ms with a warning. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Wall-clock implementation backed by Date.now and setTimeout (long sleeps in ≤ 24.8-day steps). */
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
      const endAt = Date.now() + ms;
      let timer: ReturnType<typeof setTimeout>;
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      const step = (): void => {
        const left = endAt - Date.now();
        if (left <= 0) {
          signal?.removeEventListener('abort', onAbort);
          resolve();
          return;
        }
        timer = setTimeout(step, Math.min(left, MAX_TIMER_MS));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      timer = setTimeout(step, Math.min(ms, MAX_TIMER_MS));
    }),
};
