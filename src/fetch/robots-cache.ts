/**
 * robots.txt fetch policy and cache, one entry per origin (RFC 9309; reliability.md §2 and test C3).
 *
 * | outcome of GET /robots.txt                  | verdict                     | kept for |
 * |---------------------------------------------|-----------------------------|----------|
 * | 2xx                                         | parse (first 500 KiB only)  | 24 h (RFC 9309 §2.4) |
 * | 4xx except 429                              | allow all ("unavailable", §2.3.1.3; Google: all 4xx but 429) | 24 h |
 * | more than 5 redirects                       | allow all (§2.3.1.2 MAY treat as unavailable; Google: as 404) | 24 h |
 * | 5xx, 429, network error, timeout            | disallow all ("unreachable", §2.3.1.4 MUST) | retried after 1 h (StormCrawler caches robots errors 1 h) |
 * | unreachable but a good copy was fetched before | keep using that copy (§2.4 allows a cached copy while unreachable; Google keeps it 30 days) | retried after 1 h |
 * | unreachable for ≥ 30 days with no copy      | allow all, logged (§2.3.1.4 "MAY assume unavailable") | retried after 1 h |
 * | refused for a permanent reason (SSRF, bad redirect scheme…) | allow all, logged (the file cannot be obtained — like unavailable) | 24 h |
 */
import type { RobotsRules } from '../core/robots/parse-robots.js';
import type { FetchClock } from './fetch-clock.js';

export type { RobotsRules };

/** Signature of `parseRobots` (src/core/robots/parse-robots.ts); injectable for tests. */
export type RobotsParser = (body: string | Uint8Array, robotsUrl?: string) => RobotsRules;

/** What the fetcher saw when it asked for /robots.txt. */
export type RobotsFetchOutcome =
  | { kind: 'response'; status: number; body: Uint8Array; finalUrl: string }
  | { kind: 'redirect-limit'; hops: number }
  | { kind: 'error'; error: unknown; transient: boolean };

export type RobotsFetcher = (robotsUrl: string) => Promise<RobotsFetchOutcome>;

export type RobotsReason =
  | 'parsed'
  | 'unavailable'
  | 'redirect-limit'
  | 'unreachable'
  | 'unreachable-stale-copy'
  | 'unreachable-too-long'
  | 'fetch-refused';

export interface RobotsEntry {
  origin: string;
  /** 'rules': apply `rules`; 'allow-all' / 'disallow-all': blanket verdicts. */
  mode: 'rules' | 'allow-all' | 'disallow-all';
  reason: RobotsReason;
  rules: RobotsRules | null;
  /** HTTP status of the last attempt, null for network errors / redirect limit. */
  status: number | null;
  /** When this entry was decided and when it must be refreshed (clock ms). */
  decidedAt: number;
  expiresAt: number;
  /** Last successfully parsed copy, kept to bridge outages. */
  lastGood: { rules: RobotsRules; fetchedAt: number } | null;
  /** Start of the current run of failed attempts, null when the last attempt succeeded. */
  unreachableSince: number | null;
}

export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay for our group in ms, when the file sets one. */
  crawlDelayMs: number | null;
  entry: Readonly<RobotsEntry>;
}

export interface RobotsLogEvent {
  level: 'info' | 'warn';
  code: 'ROBOTS_UNREACHABLE_TOO_LONG' | 'ROBOTS_FETCH_REFUSED' | 'ROBOTS_USING_STALE_COPY';
  origin: string;
  message: string;
}

/** RFC 9309 §2.4: "crawlers SHOULD NOT use the cached version for more than 24 hours". */
export const ROBOTS_CACHE_TTL_MS = 24 * 60 * 60 * 1000;
/** Retry an unreachable robots.txt after 1 h (StormCrawler `robots.error.cache` 1 h). */
export const ROBOTS_ERROR_RETRY_MS = 60 * 60 * 1000;
/** RFC 9309 §2.3.1.4: "unreachable for a reasonably long period of time (e.g., 30 days)". */
export const ROBOTS_UNREACHABLE_GRACE_MS = 30 * 24 * 60 * 60 * 1000;
/** RFC 9309 §2.3.1.2: follow at least five consecutive redirects. */
export const ROBOTS_MAX_REDIRECTS = 5;
/**
 * Bounds of the in-memory cache (least recently used origins go first). A parsed robots.txt costs
 * several times its size in rules (measured ≈ 6×: 607 KiB for a 100 KiB file), and a crawl of many
 * hosts — or hosts serving 500 KiB files — must not grow without end: 16 MiB of robots.txt bodies
 * (≈ 100 MB parsed at worst; typical 1–5 KiB files fit thousands of origins) and 20,000 origins.
 * An evicted origin is simply fetched again when next needed.
 */
export const ROBOTS_CACHE_MAX_BODY_BYTES = 16 * 1024 * 1024;
export const ROBOTS_CACHE_MAX_ORIGINS = 20_000;
/** Bookkeeping charged per entry on top of its body, so bodiless entries count too. */
const ENTRY_OVERHEAD_BYTES = 1024;

export interface RobotsCacheOptions {
  fetchRobots: RobotsFetcher;
  parse: RobotsParser;
  clock: FetchClock;
  /** robots.txt product token our groups are matched with (RFC 9309 §2.2.1). */
  productToken: string;
  ttlMs?: number;
  errorRetryMs?: number;
  unreachableGraceMs?: number;
  /** Cache bounds (defaults ROBOTS_CACHE_MAX_BODY_BYTES / ROBOTS_CACHE_MAX_ORIGINS). */
  maxBodyBytes?: number;
  maxOrigins?: number;
  log?: (event: RobotsLogEvent) => void;
}

export class RobotsCache {
  /** In least-recently-used order (a hit moves its origin to the end). */
  private readonly entries = new Map<string, RobotsEntry>();
  /** Bytes charged per origin: the body behind its last good copy plus ENTRY_OVERHEAD_BYTES. */
  private readonly charged = new Map<string, number>();
  private chargedTotal = 0;
  private readonly inflight = new Map<string, Promise<RobotsEntry>>();
  private readonly ttlMs: number;
  private readonly errorRetryMs: number;
  private readonly graceMs: number;

  constructor(private readonly options: RobotsCacheOptions) {
    this.ttlMs = options.ttlMs ?? ROBOTS_CACHE_TTL_MS;
    this.errorRetryMs = options.errorRetryMs ?? ROBOTS_ERROR_RETRY_MS;
    this.graceMs = options.unreachableGraceMs ?? ROBOTS_UNREACHABLE_GRACE_MS;
  }

  /** Origins held in the cache now. */
  get size(): number {
    return this.entries.size;
  }

  /** The cached entry for an origin (no fetch), for inspection. */
  peek(origin: string): Readonly<RobotsEntry> | undefined {
    return this.entries.get(origin);
  }

  /** Verdict for a URL: fetches or refreshes the origin's robots.txt when needed. */
  async check(url: URL): Promise<RobotsVerdict> {
    // RFC 9309 §2.2.2: "/robots.txt" itself is implicitly allowed.
    const entry = await this.entryFor(url.origin);
    if (url.pathname === '/robots.txt') return { allowed: true, crawlDelayMs: null, entry };
    if (entry.mode === 'allow-all') return { allowed: true, crawlDelayMs: null, entry };
    if (entry.mode === 'disallow-all') return { allowed: false, crawlDelayMs: null, entry };
    const rules = entry.rules as RobotsRules;
    const delay = rules.crawlDelay(this.options.productToken);
    return {
      allowed: rules.isAllowed(url.href, this.options.productToken),
      crawlDelayMs: delay === undefined || !Number.isFinite(delay) || delay < 0 ? null : Math.round(delay * 1000),
      entry,
    };
  }

  private async entryFor(origin: string): Promise<RobotsEntry> {
    const cached = this.entries.get(origin);
    if (cached !== undefined && this.options.clock.now() < cached.expiresAt) {
      this.entries.delete(origin); // most recently used goes last
      this.entries.set(origin, cached);
      return cached;
    }
    let pending = this.inflight.get(origin);
    if (pending === undefined) {
      pending = this.refresh(origin, cached).finally(() => this.inflight.delete(origin));
      this.inflight.set(origin, pending);
    }
    return pending;
  }

  private async refresh(origin: string, previous: RobotsEntry | undefined): Promise<RobotsEntry> {
    const outcome = await this.options.fetchRobots(`${origin}/robots.txt`);
    const now = this.options.clock.now();
    const lastGood = previous?.lastGood ?? null;
    const base = { origin, decidedAt: now, lastGood, unreachableSince: null as number | null };
    let entry: RobotsEntry;
    let lastGoodBytes = Math.max(0, (this.charged.get(origin) ?? ENTRY_OVERHEAD_BYTES) - ENTRY_OVERHEAD_BYTES);
    if (outcome.kind === 'response' && outcome.status >= 200 && outcome.status < 300) {
      const rules = this.options.parse(outcome.body, outcome.finalUrl);
      lastGoodBytes = outcome.body.length;
      entry = {
        ...base,
        mode: 'rules',
        reason: 'parsed',
        rules,
        status: outcome.status,
        expiresAt: now + this.ttlMs,
        lastGood: { rules, fetchedAt: now },
      };
    } else if (outcome.kind === 'redirect-limit') {
      entry = { ...base, mode: 'allow-all', reason: 'redirect-limit', rules: null, status: null, expiresAt: now + this.ttlMs };
    } else if (outcome.kind === 'response' && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429) {
      entry = { ...base, mode: 'allow-all', reason: 'unavailable', rules: null, status: outcome.status, expiresAt: now + this.ttlMs };
    } else if (outcome.kind === 'response' && outcome.status < 400 && outcome.status !== 429) {
      // 1xx/3xx that ended the chain (a 3xx without Location): nothing to parse — unavailable.
      entry = { ...base, mode: 'allow-all', reason: 'unavailable', rules: null, status: outcome.status, expiresAt: now + this.ttlMs };
    } else if (outcome.kind === 'error' && !outcome.transient) {
      this.options.log?.({
        level: 'warn',
        code: 'ROBOTS_FETCH_REFUSED',
        origin,
        message: `robots.txt for ${origin} could not be fetched (${describe(outcome.error)}); treating it as unavailable`,
      });
      entry = { ...base, mode: 'allow-all', reason: 'fetch-refused', rules: null, status: null, expiresAt: now + this.ttlMs };
    } else {
      // Unreachable: 5xx, 429, network error or timeout.
      const status = outcome.kind === 'response' ? outcome.status : null;
      const since = previous?.unreachableSince ?? now;
      const failed = { ...base, status, unreachableSince: since, expiresAt: now + this.errorRetryMs };
      if (lastGood !== null) {
        this.options.log?.({
          level: 'info',
          code: 'ROBOTS_USING_STALE_COPY',
          origin,
          message: `robots.txt for ${origin} is unreachable; using the copy fetched ${new Date(lastGood.fetchedAt).toISOString()}`,
        });
        entry = { ...failed, mode: 'rules', reason: 'unreachable-stale-copy', rules: lastGood.rules };
      } else if (now - since >= this.graceMs) {
        this.options.log?.({
          level: 'warn',
          code: 'ROBOTS_UNREACHABLE_TOO_LONG',
          origin,
          message: `robots.txt for ${origin} has been unreachable since ${new Date(since).toISOString()}; treating it as unavailable (RFC 9309 §2.3.1.4)`,
        });
        entry = { ...failed, mode: 'allow-all', reason: 'unreachable-too-long', rules: null };
      } else {
        entry = { ...failed, mode: 'disallow-all', reason: 'unreachable', rules: null };
      }
    }
    this.store(origin, entry, lastGoodBytes + ENTRY_OVERHEAD_BYTES);
    return entry;
  }

  private store(origin: string, entry: RobotsEntry, bytes: number): void {
    this.chargedTotal += bytes - (this.charged.get(origin) ?? 0);
    this.charged.set(origin, bytes);
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    const maxBytes = this.options.maxBodyBytes ?? ROBOTS_CACHE_MAX_BODY_BYTES;
    const maxOrigins = this.options.maxOrigins ?? ROBOTS_CACHE_MAX_ORIGINS;
    for (const oldest of this.entries.keys()) {
      if (this.chargedTotal <= maxBytes && this.entries.size <= maxOrigins) break;
      if (oldest === origin) break; // never evict the entry just decided
      this.entries.delete(oldest);
      this.chargedTotal -= this.charged.get(oldest) ?? 0;
      this.charged.delete(oldest);
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${(error as { code?: string }).code ?? error.name}: ${error.message}`;
  return String(error);
}
