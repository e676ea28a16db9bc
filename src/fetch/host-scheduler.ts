/**
 * Per-host politeness (DESIGN §6, reliability.md R7): one request at a time per host (a p-queue with
 * concurrency 1 per host, like Nutch/StormCrawler/Heritrix `threads.per.queue`=1 by host), and a
 * wait between requests measured from the END of the previous one — the same definition as Nutch's
 * `fetcher.server.delay` — that is ≥ max(configured delay, robots Crawl-delay). A host can also be
 * held back until a given time (Retry-After, backoff after an error).
 */
import PQueue from 'p-queue';
import type { FetchClock } from './fetch-clock.js';

export interface HostPace {
  /** When the previous request to this host finished (clock ms), null before the first one. */
  lastEndMs: number | null;
  /** No request before this time (Retry-After / backoff), clock ms. */
  notBeforeMs: number;
  /** robots.txt Crawl-delay for our group, in ms (0 when none). */
  crawlDelayMs: number;
  /** Requests running right now (0 or 1 by construction). */
  inFlight: number;
}

export interface HoldLimits {
  /** Longest Retry-After/backoff hold a queued request sleeps through. */
  maxHoldMs: number;
  /** The error a request rejects with when the host is held for longer. */
  holdTooLong: (waitMs: number) => Error;
}

interface HostEntry {
  queue: PQueue;
  pace: HostPace;
}

/**
 * Hosts are forgotten once idle with their wait fully over (a new entry then behaves the same: no
 * wait), checked every SWEEP_EVERY new hosts so a long crawl over many hosts stays bounded
 * (measured before: ≈ 950 B per host, 95 MB for 100k hosts, never released).
 */
const SWEEP_EVERY = 1_000;

export class HostScheduler {
  private readonly hosts = new Map<string, HostEntry>();
  private newSinceSweep = 0;
  private readonly closing = new AbortController();

  constructor(
    private readonly clock: FetchClock,
    private readonly configuredDelayMs: (host: string) => number,
  ) {}

  private entry(host: string): HostEntry {
    let e = this.hosts.get(host);
    if (e === undefined) {
      if (++this.newSinceSweep >= SWEEP_EVERY) this.sweep();
      e = { queue: new PQueue({ concurrency: 1 }), pace: { lastEndMs: null, notBeforeMs: 0, crawlDelayMs: 0, inFlight: 0 } };
      this.hosts.set(host, e);
    }
    return e;
  }

  /** Hosts tracked now. */
  get size(): number {
    return this.hosts.size;
  }

  /** Drops hosts with nothing queued or running whose politeness wait and hold are over. */
  sweep(): void {
    this.newSinceSweep = 0;
    const now = this.clock.now();
    for (const [host, e] of this.hosts) {
      const idle = e.queue.size === 0 && e.queue.pending === 0 && e.pace.inFlight === 0;
      if (idle && this.waitEstimate(host) === 0 && e.pace.notBeforeMs <= now) this.hosts.delete(host);
    }
  }

  /** Effective gap between two requests to `host`: max(configured delay, Crawl-delay). */
  delayFor(host: string): number {
    return Math.max(this.configuredDelayMs(host), this.entry(host).pace.crawlDelayMs);
  }

  pace(host: string): Readonly<HostPace> {
    return this.entry(host).pace;
  }

  setCrawlDelay(host: string, ms: number): void {
    this.entry(host).pace.crawlDelayMs = Math.max(0, ms);
  }

  /** Holds the host back until `untilMs` (never shortens an existing hold). */
  holdUntil(host: string, untilMs: number): void {
    const pace = this.entry(host).pace;
    pace.notBeforeMs = Math.max(pace.notBeforeMs, untilMs);
  }

  /** How long a request queued now would wait for its turn, ignoring requests already queued. */
  waitEstimate(host: string): number {
    const pace = this.entry(host).pace;
    const readyAt = Math.max(pace.lastEndMs === null ? 0 : pace.lastEndMs + this.delayFor(host), pace.notBeforeMs);
    return Math.max(0, readyAt - this.clock.now());
  }

  /**
   * Runs `task` as the host's next request: after every earlier request to the host has finished
   * and the politeness wait has passed. `signal` aborts the wait: the returned promise rejects at
   * once, but the queue slot is released only when a task that had already started has really
   * finished (the caller tears its request down), so an abort never lets two requests overlap.
   *
   * The wait is re-checked after every sleep, so a hold set while this request waited (Retry-After,
   * backoff) still applies; a task that sets a hold must set it before it returns, i.e. inside its
   * turn, for the next queued request to see it. With `limits`, a hold longer than `maxHoldMs`
   * rejects with `holdTooLong(waitMs)` instead of sleeping through it.
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal, limits?: HoldLimits): Promise<T> {
    if (this.closing.signal.aborted) return Promise.reject(this.closing.signal.reason);
    const e = this.entry(host);
    const combined = signal === undefined ? this.closing.signal : AbortSignal.any([signal, this.closing.signal]);
    const queued = e.queue.add(async () => {
      combined.throwIfAborted(); // aborted while queued: give the turn away without a request
      for (;;) {
        const wait = this.waitEstimate(host);
        if (wait <= 0) break;
        const heldMs = e.pace.notBeforeMs - this.clock.now();
        if (limits !== undefined && heldMs > limits.maxHoldMs) throw limits.holdTooLong(heldMs);
        const before = this.clock.now();
        await this.clock.sleep(wait, combined);
        combined.throwIfAborted();
        if (this.clock.now() <= before) break; // a clock whose sleep does not move time: do not spin
      }
      e.pace.inFlight++;
      try {
        return await task();
      } finally {
        e.pace.inFlight--;
        e.pace.lastEndMs = this.clock.now();
      }
    }) as Promise<T>;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(combined.reason);
      combined.addEventListener('abort', onAbort, { once: true });
      queued.then(
        (value) => {
          combined.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (error: unknown) => {
          combined.removeEventListener('abort', onAbort);
          reject(error);
        },
      );
    });
  }

  /**
   * Stops the scheduler: queued and sleeping requests reject with `reason` (nothing is left pending),
   * running ones finish or fail on their own.
   */
  close(reason: Error): void {
    this.closing.abort(reason);
  }
}
