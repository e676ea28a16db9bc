/**
 * The polite fetcher (DESIGN §3 "gather, then analyse" and §6 politeness/safety defaults;
 * reliability.md R1–R7, C3). One GET in, one snapshot out: status, headers, final URL, every
 * redirect hop, the body bytes (capped) and their decoded text.
 *
 * What it guarantees:
 * - never two requests at once to one host (undici `connections: 1` per origin AND a per-host
 *   serial queue), and a gap ≥ max(per-host delay, robots Crawl-delay ≤ 30 s) between the end of
 *   one request and the start of the next;
 * - robots.txt obeyed for every hop (RobotsCache: RFC 9309 policy);
 * - redirects followed by hand (≤ 10 hops, http/https only), each hop SSRF-checked after DNS;
 * - a body cap with the prefix kept, a decompressed-size cap enforced while streaming; a capped
 *   plain body costs ≈ 1× the cap (sockets read into reused buffers, each chunk copied once into
 *   the kept buffer inside undici's data callback: socket-read-buffers.ts, capped-exchange.ts);
 * - a total deadline per fetch (30 s) covering headers and body of every hop and attempt, and the
 *   wait for each hop's robots.txt — the network time of the fetch; time spent waiting for the host's politeness turn or a Retry-After
 *   is not counted (a queue of 20 URLs at 2 s each must not time out), the caller's AbortSignal
 *   bounds that;
 * - at most 3 attempts, only for retryable failures, with full-jitter backoff and Retry-After;
 * - an honest User-Agent; a bot challenge is reported (`challenge: true`), never evaded.
 */
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Agent } from 'undici';
import { type DecodedBody, decodeBody } from '../core/encoding/decode-body.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { detectChallenge } from '../core/net/challenge.js';
import { parseRobots, ROBOTS_PARSE_LIMIT_BYTES } from '../core/robots/parse-robots.js';
import { parseUrl } from '../core/url/parse-url.js';
import type { BodyCaps } from './body-reader.js';
import { exchangeCapped } from './capped-exchange.js';
import { type FetchClock, systemFetchClock } from './fetch-clock.js';
import { HostScheduler } from './host-scheduler.js';
import {
  backoffDelayMs,
  DEFAULT_MAX_ATTEMPTS,
  DEFAULT_MAX_RETRY_AFTER_MS,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_RETRY_MAX_DELAY_MS,
  parseRetryAfter,
  RETRYABLE_STATUSES,
} from './retry-policy.js';
import {
  ROBOTS_CACHE_TTL_MS,
  ROBOTS_MAX_REDIRECTS,
  RobotsCache,
  type RobotsFetchOutcome,
  type RobotsLogEvent,
  type RobotsParser,
} from './robots-cache.js';
import { SocketReadBuffers } from './socket-read-buffers.js';
import { assertHostLiteralAllowed, createGuardedConnector, createSsrfPolicy, type SsrfPolicy } from './ssrf-guard.js';
import { DEFAULT_USER_AGENT, ROBOTS_PRODUCT_TOKEN } from './user-agent.js';

/** Documented defaults (DESIGN §6; each value's source is in FETCHER_DEFAULTS' comments). */
export const FETCHER_DEFAULTS = {
  /** ≥ 1 s between requests to a host (StormCrawler fetcher.server.delay 1.0 s; Scrapy template 1 s). */
  perHostDelayMs: 1_000,
  /** medium.com: one connection, ≥ 2 s between requests (DESIGN §5). */
  hostDelayOverrides: { 'medium.com': 2_000, '*.medium.com': 2_000 } as Readonly<Record<string, number>>,
  /** 30 s per fetch (DESIGN §6; Nutch parser.timeout 30 s; Heritrix/Scrapy allow far more). */
  totalDeadlineMs: 30_000,
  /** 5 MiB of HTML (reliability R2: Googlebot keeps 15 MB; 5 MB is plenty for an HTML page). */
  maxBodyBytes: 5 * 1024 * 1024,
  /** Googlebot follows up to 10 redirect hops for pages. */
  maxRedirects: 10,
  /** RFC 9309 §2.3.1.2: at least 5 for robots.txt. */
  robotsMaxRedirects: ROBOTS_MAX_REDIRECTS,
  maxAttempts: DEFAULT_MAX_ATTEMPTS,
  /** Nutch fetcher.max.crawl.delay / StormCrawler max.crawl.delay: 30 s; longer → host skipped. */
  maxCrawlDelayMs: 30_000,
  /** RFC 9309 §2.4: 24 h. */
  robotsCacheTtlMs: ROBOTS_CACHE_TTL_MS,
  maxRetryAfterMs: DEFAULT_MAX_RETRY_AFTER_MS,
  retryBaseDelayMs: DEFAULT_RETRY_BASE_DELAY_MS,
  retryMaxDelayMs: DEFAULT_RETRY_MAX_DELAY_MS,
  /** undici's default connect timeout; also Nutch/StormCrawler http.timeout 10 s. */
  connectTimeoutMs: 10_000,
} as const;

/** Redirect statuses that carry a Location to follow (RFC 9110 §15.4; 300/304/305 are not followed). */
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Bytes of a redirect response body we read before dropping it (keeps the connection reusable). */
const REDIRECT_BODY_DUMP_BYTES = 64 * 1024;
/** Statuses whose body is decoded to look for a challenge (see core/net/challenge.ts). */
const CHALLENGE_STATUSES = new Set([403, 429, 503]);

export interface FetcherOptions {
  /** Default `Linkwright/<version> (+https://github.com/linkwright/linkwright)`. */
  userAgent?: string;
  /** Allow non-public addresses (CLI --allow-private; tests and the offline demo). */
  allowPrivate?: boolean;
  /** Hostnames / IP addresses allowed even when they resolve to non-public addresses. */
  allowHosts?: string[];
  perHostDelayMs?: number;
  /**
   * Per-host delay overrides; keys are host names, or `*.example.com` for every subdomain. Default
   * `{ 'medium.com': 2000, '*.medium.com': 2000 }`; a given map replaces it (it is not merged).
   */
  hostDelayOverrides?: Record<string, number>;
  totalDeadlineMs?: number;
  maxBodyBytes?: number;
  /** Default: maxBodyBytes. A compressed body inflating past it fails with DECOMPRESSION_LIMIT. */
  maxDecompressedBytes?: number;
  maxRedirects?: number;
  maxAttempts?: number;
  respectRobots?: boolean;
  maxCrawlDelayMs?: number;
  clock?: FetchClock;
  /** dns.lookup-compatible resolver (tests: resolve a name to 127.0.0.1). */
  lookup?: LookupFunction;
  robotsCacheTtlMs?: number;
  /** Longest Retry-After waited for inside one fetch (longer → FETCH_HTTP_RETRYABLE at once). */
  maxRetryAfterMs?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  connectTimeoutMs?: number;
  /** Random source for backoff jitter (tests pin it). */
  random?: () => number;
  /** robots.txt parser (default parseRobots from core). */
  robotsParser?: RobotsParser;
  /** Structured events worth logging (robots fallbacks). */
  log?: (event: RobotsLogEvent) => void;
}

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  signal?: AbortSignal;
}

export interface RedirectRecord {
  url: string;
  status: number;
  location: string | null;
}

export interface FetchSnapshot {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  /** Lower-case header names, every value kept. */
  headers: Record<string, string[]>;
  redirects: RedirectRecord[];
  body: Buffer;
  truncated: boolean;
  notModified: boolean;
  contentType: string | null;
  /** Decoded per WHATWG charset sniffing (computed on first access, then cached). */
  text: string;
  encoding: string;
  challenge: boolean;
  fetchedAt: string;
  /** HTTP attempts made for the final hop (1 = no retry). */
  attempts: number;
  etag: string | null;
  lastModified: string | null;
}

interface RawResponse {
  url: URL;
  status: number;
  headers: Record<string, string[]>;
  body: Buffer;
  truncated: boolean;
  attempts: number;
}

/**
 * Waits for a shared promise on behalf of one caller: rejects with the signal's reason when it
 * aborts and with `timeout()` after `ms`, without cancelling the shared work for other waiters.
 */
function raceWaiter<T>(shared: Promise<T>, signal: AbortSignal | undefined, ms: number, timeout: () => Error): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.reject(timeout());
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      reject(timeout());
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
    shared.then(
      (value) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * undici hands header values over as latin1 strings (one char per byte). A Location with raw UTF-8
 * bytes (common: `Location: /café`) is read as UTF-8 when it is valid UTF-8, as browsers and
 * undici's own fetch do; otherwise it stays as it came.
 */
function headerValueAsUtf8(value: string): string {
  let high = false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c > 0xff) return value; // not a byte string
    if (c >= 0x80) high = true;
  }
  if (!high) return value;
  try {
    return strictUtf8.decode(Buffer.from(value, 'latin1'));
  } catch {
    return value;
  }
}

type AttemptVerdict = { kind: 'response'; response: RawResponse } | { kind: 'retry' };

/**
 * The politeness key of a URL's host (or of a host name): lower case, without a trailing dot ("medium.com." is
 * medium.com — same server, same queue, same delay).
 */
function hostKey(url: URL | string): string {
  const h = (typeof url === 'string' ? url : url.hostname).toLowerCase();
  return h.length > 1 && h.endsWith('.') ? h.slice(0, -1) : h;
}

interface FollowOptions {
  maxRedirects: number;
  caps: BodyCaps;
  checkRobots: boolean;
  maxAttempts: number;
  headers: Record<string, string>;
  signal: AbortSignal | undefined;
}

/** Remaining network time for one fetch (all hops and attempts; politeness waits excluded). */
interface Budget {
  remainingMs: number;
}

function first(values: string[] | undefined): string | undefined {
  return values?.[0];
}

function normalizeHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? [...value] : [value];
  }
  return out;
}

/** Request target: no fragment (never sent, RFC 9110 §7.1) and no userinfo (never send scraped credentials). */
function requestUrl(url: URL): URL {
  const u = new URL(url.href);
  u.hash = '';
  u.username = '';
  u.password = '';
  return u;
}

const TRANSPORT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_INFO',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);

/** The first LinkwrightError in an error's cause chain (undici may wrap connector errors). */
function findLinkwrightError(error: unknown): LinkwrightError | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e !== null && e !== undefined; depth++) {
    if (e instanceof LinkwrightError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export class PoliteFetcher {
  private readonly agent: Agent;
  /** Socket read buffers reused across reads (keeps a capped download at ≈ 1× the cap; see socket-read-buffers.ts). */
  private readonly readBuffers = new SocketReadBuffers();
  private readonly scheduler: HostScheduler;
  private readonly robots: RobotsCache;
  private readonly clock: FetchClock;
  private readonly policy: SsrfPolicy;
  private readonly userAgent: string;
  private readonly perHostDelayMs: number;
  private readonly hostDelayOverrides: Record<string, number>;
  private readonly totalDeadlineMs: number;
  private readonly pageCaps: BodyCaps;
  private readonly maxRedirects: number;
  private readonly maxAttempts: number;
  private readonly respectRobots: boolean;
  private readonly maxCrawlDelayMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly retryBaseDelayMs: number;
  private readonly retryMaxDelayMs: number;
  private readonly random: () => number;
  private closed = false;

  constructor(options: FetcherOptions = {}) {
    this.clock = options.clock ?? systemFetchClock;
    this.policy = createSsrfPolicy(options.allowPrivate ?? false, options.allowHosts ?? []);
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.perHostDelayMs = options.perHostDelayMs ?? FETCHER_DEFAULTS.perHostDelayMs;
    // Given overrides replace the defaults (pass {} to drop the medium.com rule, e.g. with an explicit --delay).
    this.hostDelayOverrides = { ...(options.hostDelayOverrides ?? FETCHER_DEFAULTS.hostDelayOverrides) };
    this.totalDeadlineMs = options.totalDeadlineMs ?? FETCHER_DEFAULTS.totalDeadlineMs;
    const maxBodyBytes = options.maxBodyBytes ?? FETCHER_DEFAULTS.maxBodyBytes;
    this.pageCaps = { maxBodyBytes, maxDecompressedBytes: options.maxDecompressedBytes ?? maxBodyBytes };
    this.maxRedirects = options.maxRedirects ?? FETCHER_DEFAULTS.maxRedirects;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? FETCHER_DEFAULTS.maxAttempts);
    this.respectRobots = options.respectRobots ?? true;
    this.maxCrawlDelayMs = options.maxCrawlDelayMs ?? FETCHER_DEFAULTS.maxCrawlDelayMs;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? FETCHER_DEFAULTS.maxRetryAfterMs;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? FETCHER_DEFAULTS.retryBaseDelayMs;
    this.retryMaxDelayMs = options.retryMaxDelayMs ?? FETCHER_DEFAULTS.retryMaxDelayMs;
    this.random = options.random ?? Math.random;
    this.agent = new Agent({
      // One connection per origin (Nutch/StormCrawler/Heritrix: 1 per host), no pipelining.
      // Also what makes lending socket buffers per origin safe (socket-read-buffers.ts): at most
      // one response per origin is being read at a time. Do not make these configurable.
      connections: 1,
      pipelining: 1,
      connect: createGuardedConnector({
        policy: this.policy,
        readBuffers: this.readBuffers,
        connectTimeoutMs: options.connectTimeoutMs ?? FETCHER_DEFAULTS.connectTimeoutMs,
        ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      }),
    });
    this.scheduler = new HostScheduler(this.clock, (host) => this.configuredDelayFor(host));
    this.robots = new RobotsCache({
      fetchRobots: (robotsUrl) => this.fetchRobotsFile(robotsUrl),
      parse: options.robotsParser ?? parseRobots,
      clock: this.clock,
      productToken: ROBOTS_PRODUCT_TOKEN,
      ttlMs: options.robotsCacheTtlMs ?? FETCHER_DEFAULTS.robotsCacheTtlMs,
      ...(options.log === undefined ? {} : { log: options.log }),
    });
  }

  /** Configured delay for a host: exact override, then `*.suffix` override, then the default. */
  configuredDelayFor(host: string): number {
    const h = hostKey(host);
    const exact = this.hostDelayOverrides[h];
    if (exact !== undefined) return exact;
    let best: number | undefined;
    let bestLen = -1;
    for (const [key, value] of Object.entries(this.hostDelayOverrides)) {
      if (key.startsWith('*.') && h.endsWith(key.slice(1)) && key.length > bestLen) {
        best = value;
        bestLen = key.length;
      }
    }
    return best ?? this.perHostDelayMs;
  }

  /** Effective delay now in force for a host (configured delay or robots Crawl-delay, whichever is longer). */
  effectiveDelayFor(host: string): number {
    return this.scheduler.delayFor(hostKey(host));
  }

  async fetch(input: FetchRequest | string): Promise<FetchSnapshot> {
    if (this.closed) throw new LinkwrightError('CONFIG_INVALID', 'fetcher is closed');
    const req: FetchRequest = typeof input === 'string' ? { url: input } : input;
    const url = parseUrl(req.url);
    if (url === null) throw new LinkwrightError('INVALID_URL', `not a URL: ${req.url.slice(0, 200)}`, { url: req.url });
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new LinkwrightError('UNSUPPORTED_SCHEME', `only http and https URLs are fetched, not ${url.protocol}`, { url: req.url });
    }
    const headers: Record<string, string> = {
      'user-agent': this.userAgent,
      accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    // Conditional GET (RFC 9110 §13.1.1/§13.1.3): the validators the caller stored last time.
    if (req.etag) headers['if-none-match'] = req.etag;
    if (req.lastModified) headers['if-modified-since'] = req.lastModified;
    const { response, redirects } = await this.follow(url, {
      maxRedirects: this.maxRedirects,
      caps: this.pageCaps,
      checkRobots: this.respectRobots,
      maxAttempts: this.maxAttempts,
      headers,
      signal: req.signal,
    });
    return this.snapshot(req, response, redirects);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.scheduler.close(new LinkwrightError('CONFIG_INVALID', 'fetcher was closed'));
    await this.agent.destroy();
  }

  private snapshot(req: FetchRequest, res: RawResponse, redirects: RedirectRecord[]): FetchSnapshot {
    const contentType = first(res.headers['content-type']) ?? null;
    let decoded: DecodedBody | null = null;
    const decode = (): DecodedBody => {
      decoded ??= decodeBody(res.body, contentType);
      return decoded;
    };
    const challenge = detectChallenge(res.status, res.headers, CHALLENGE_STATUSES.has(res.status) ? decode().text : '');
    const notModified = res.status === 304;
    return {
      requestedUrl: req.url,
      finalUrl: res.url.href,
      status: res.status,
      headers: res.headers,
      redirects,
      body: res.body,
      truncated: res.truncated,
      notModified,
      contentType,
      // Decoding waits until someone reads the text: a snapshot stored as bytes never pays for it,
      // and the fetch itself holds only the (capped) bytes in memory.
      get text(): string {
        return decode().text;
      },
      get encoding(): string {
        return decode().encoding;
      },
      challenge,
      fetchedAt: new Date(this.clock.now()).toISOString(),
      attempts: res.attempts,
      etag: first(res.headers.etag) ?? (notModified ? (req.etag ?? null) : null),
      lastModified: first(res.headers['last-modified']) ?? (notModified ? (req.lastModified ?? null) : null),
    };
  }

  /** GET with manual redirects: every hop is scheme-checked, SSRF-checked, robots-checked and recorded. */
  private async follow(start: URL, opts: FollowOptions): Promise<{ response: RawResponse; redirects: RedirectRecord[] }> {
    const budget: Budget = { remainingMs: this.totalDeadlineMs };
    const redirects: RedirectRecord[] = [];
    const visited = new Set<string>([requestUrl(start).href]);
    let url = start;
    for (;;) {
      // IP literals are refused before anything else — no robots.txt request to a blocked address.
      assertHostLiteralAllowed(this.policy, url.hostname);
      if (opts.checkRobots) await this.robotsGate(url, opts.signal, budget);
      const response = await this.requestWithRetries(url, opts, budget);
      const rawLocation = first(response.headers.location);
      if (!REDIRECT_STATUSES.has(response.status) || rawLocation === undefined) return { response, redirects };
      const location = headerValueAsUtf8(rawLocation);
      redirects.push({ url: url.href, status: response.status, location });
      const next = parseUrl(location, url);
      if (next === null) {
        throw new LinkwrightError('INVALID_URL', `redirect to an invalid Location: ${location.slice(0, 200)}`, {
          url: url.href,
          details: { location, redirects },
        });
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:') {
        throw new LinkwrightError('REDIRECT_SCHEME', `redirect to a ${next.protocol} URL refused (only http and https are followed)`, {
          url: url.href,
          details: { location, redirects },
        });
      }
      if (redirects.length > opts.maxRedirects) {
        throw new LinkwrightError('REDIRECT_LIMIT', `more than ${opts.maxRedirects} redirects`, {
          url: start.href,
          details: { maxRedirects: opts.maxRedirects, redirects },
        });
      }
      const target = requestUrl(next).href;
      if (visited.has(target)) {
        throw new LinkwrightError('REDIRECT_LIMIT', `redirect loop back to ${target}`, {
          url: start.href,
          details: { loop: true, redirects },
        });
      }
      visited.add(target);
      // A Location without a fragment keeps the request's (RFC 9110 §10.2.2).
      if (next.hash === '' && url.hash !== '') next.hash = url.hash;
      url = next;
    }
  }

  /**
   * robots.txt verdict for a hop. The robots.txt request is shared by every fetch waiting for the
   * same origin, so each waiter races it on its own: the caller's signal aborts the wait at once, and
   * the time waited counts against this fetch's total deadline (FETCH_TIMEOUT when it runs out).
   */
  private async robotsGate(url: URL, signal: AbortSignal | undefined, budget: Budget): Promise<void> {
    const started = performance.now();
    let verdict: Awaited<ReturnType<RobotsCache['check']>>;
    try {
      verdict = await raceWaiter(
        this.robots.check(url),
        signal,
        budget.remainingMs,
        () =>
          new LinkwrightError(
            'FETCH_TIMEOUT',
            `no complete response within ${this.totalDeadlineMs} ms (waiting for robots.txt of ${url.origin})`,
            {
              url: url.href,
              details: { totalDeadlineMs: this.totalDeadlineMs },
            },
          ),
      );
    } finally {
      budget.remainingMs -= performance.now() - started;
    }
    const host = hostKey(url);
    if (verdict.entry.mode === 'disallow-all') {
      throw new LinkwrightError(
        'ROBOTS_UNREACHABLE',
        `robots.txt of ${url.origin} is unreachable (status ${verdict.entry.status ?? 'network error'}); not fetching until it can be read`,
        {
          url: url.href,
          retryAfterMs: Math.max(0, verdict.entry.expiresAt - this.clock.now()),
          details: { status: verdict.entry.status },
        },
      );
    }
    if (!verdict.allowed) {
      throw new LinkwrightError('ROBOTS_DISALLOWED', `robots.txt of ${url.origin} disallows ${url.pathname} for ${ROBOTS_PRODUCT_TOKEN}`, {
        url: url.href,
      });
    }
    const crawlDelayMs = verdict.crawlDelayMs ?? 0;
    if (crawlDelayMs > this.maxCrawlDelayMs) {
      throw new LinkwrightError(
        'CRAWL_DELAY_TOO_LONG',
        `robots.txt of ${url.origin} asks for a ${crawlDelayMs / 1000} s Crawl-delay (we honour up to ${this.maxCrawlDelayMs / 1000} s); host skipped`,
        {
          url: url.href,
          details: { crawlDelayMs, maxCrawlDelayMs: this.maxCrawlDelayMs },
        },
      );
    }
    this.scheduler.setCrawlDelay(host, crawlDelayMs);
  }

  private backoff(attempt: number): number {
    return backoffDelayMs(attempt, this.retryBaseDelayMs, this.retryMaxDelayMs, this.random);
  }

  private async requestWithRetries(url: URL, opts: FollowOptions, budget: Budget): Promise<RawResponse> {
    const host = hostKey(url);
    const holdTooLong = (heldMs: number): LinkwrightError =>
      new LinkwrightError('FETCH_HTTP_RETRYABLE', `${host} asked us to wait ${Math.ceil(heldMs / 1000)} s`, {
        url: url.href,
        retryAfterMs: heldMs,
      });
    const limits = { maxHoldMs: this.maxRetryAfterMs, holdTooLong };
    for (let attempt = 1; ; attempt++) {
      // Fail fast without queueing; the scheduler checks again when the turn comes.
      const heldMs = this.scheduler.pace(host).notBeforeMs - this.clock.now();
      if (heldMs > this.maxRetryAfterMs) throw holdTooLong(heldMs);
      let verdict: AttemptVerdict;
      try {
        // The verdict — and any hold it sets — is decided inside the host's turn, before the next
        // queued request to the host computes its wait (a hold set afterwards came too late for it).
        verdict = await this.scheduler.run(host, () => this.attempt(url, opts, budget, attempt), opts.signal, limits);
      } catch (error) {
        throw this.mapError(error, url, opts.signal);
      }
      if (verdict.kind === 'response') return verdict.response;
    }
  }

  /**
   * One attempt inside the host's turn: the exchange, then what it means — a response to return, an
   * error to throw, or a retry — with Retry-After / backoff holds set before the turn ends.
   */
  private async attempt(url: URL, opts: FollowOptions, budget: Budget, attempt: number): Promise<AttemptVerdict> {
    const host = hostKey(url);
    let response: RawResponse;
    try {
      response = await this.exchange(url, opts, budget);
    } catch (error) {
      const mapped = this.mapError(error, url, opts.signal);
      const retryable = mapped instanceof LinkwrightError && mapped.code === 'FETCH_NETWORK' && !this.closed;
      if (!retryable || attempt >= opts.maxAttempts) throw mapped;
      this.scheduler.holdUntil(host, this.clock.now() + this.backoff(attempt));
      return { kind: 'retry' };
    }
    response.attempts = attempt;
    if (!RETRYABLE_STATUSES.has(response.status)) return { kind: 'response', response };
    const now = this.clock.now();
    const retryAfter = parseRetryAfter(first(response.headers['retry-after']), now);
    // A challenge is an answer, not a hiccup: returned at once, never hammered (no evasion) — and the
    // host is left alone for its Retry-After, or at least a backoff, before anyone asks it again.
    const challenged = CHALLENGE_STATUSES.has(response.status)
      ? detectChallenge(response.status, response.headers, decodeBody(response.body, first(response.headers['content-type']) ?? null).text)
      : detectChallenge(response.status, response.headers, '');
    if (challenged) {
      this.scheduler.holdUntil(host, now + (retryAfter ?? this.backoff(attempt)));
      return { kind: 'response', response };
    }
    // Honour Retry-After for every request to this host, not only this one.
    if (retryAfter !== null) this.scheduler.holdUntil(host, now + retryAfter);
    if (attempt >= opts.maxAttempts || (retryAfter !== null && retryAfter > this.maxRetryAfterMs)) {
      throw new LinkwrightError('FETCH_HTTP_RETRYABLE', `HTTP ${response.status} after ${attempt} attempt(s)`, {
        url: url.href,
        ...(retryAfter === null ? {} : { retryAfterMs: retryAfter }),
        details: { status: response.status, attempts: attempt },
      });
    }
    if (retryAfter === null) this.scheduler.holdUntil(host, now + this.backoff(attempt));
    return { kind: 'retry' };
  }

  /** One HTTP exchange (headers + capped body) under the remaining deadline budget. */
  private async exchange(url: URL, opts: FollowOptions, budget: Budget): Promise<RawResponse> {
    const timeout = new LinkwrightError('FETCH_TIMEOUT', `no complete response within ${this.totalDeadlineMs} ms`, {
      url: url.href,
      details: { totalDeadlineMs: this.totalDeadlineMs },
    });
    if (budget.remainingMs <= 0) throw timeout;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeout), budget.remainingMs);
    const caller = opts.signal;
    const onCallerAbort = (): void => controller.abort(caller?.reason);
    if (caller?.aborted) controller.abort(caller.reason);
    caller?.addEventListener('abort', onCallerAbort, { once: true });
    const started = performance.now();
    try {
      const res = await exchangeCapped(this.agent, this.readBuffers, {
        url: requestUrl(url),
        headers: opts.headers,
        caps: opts.caps,
        signal: controller.signal,
        // Our own timer is the deadline; undici's idle timers only need to be no shorter.
        headersTimeoutMs: budget.remainingMs + 1_000,
        bodyTimeoutMs: budget.remainingMs + 1_000,
        redirectStatuses: REDIRECT_STATUSES,
        redirectDrainBytes: REDIRECT_BODY_DUMP_BYTES,
      });
      const headers = normalizeHeaders(res.headers);
      if (res.body === null) return { url, status: res.status, headers, body: Buffer.alloc(0), truncated: false, attempts: 1 };
      return { url, status: res.status, headers, body: res.body.body, truncated: res.body.truncated, attempts: 1 };
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason === timeout) throw timeout;
      throw error;
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', onCallerAbort);
      budget.remainingMs -= performance.now() - started;
    }
  }

  /** Maps transport failures to stable codes; the caller's own abort reason passes through unchanged. */
  private mapError(error: unknown, url: URL, signal: AbortSignal | undefined): unknown {
    const ours = findLinkwrightError(error);
    if (ours !== null) return ours;
    if (signal?.aborted) return signal.reason;
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    if (typeof code === 'string' && DNS_CODES.has(code)) {
      return new LinkwrightError('DNS_FAILURE', `cannot resolve ${url.hostname}: ${code}`, {
        url: url.href,
        cause: error,
        details: { code },
      });
    }
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return new LinkwrightError('FETCH_TIMEOUT', `timed out: ${message}`, { url: url.href, cause: error, details: { code } });
    }
    return new LinkwrightError('FETCH_NETWORK', `network error for ${url.host}: ${message}`, {
      url: url.href,
      cause: error,
      details: { code: typeof code === 'string' ? code : null, known: typeof code === 'string' && TRANSPORT_CODES.has(code) },
    });
  }

  /** robots.txt request: same host queue, delays, SSRF guard and deadline; ≤ 5 redirects; 500 KiB kept. */
  private async fetchRobotsFile(robotsUrl: string): Promise<RobotsFetchOutcome> {
    const url = parseUrl(robotsUrl);
    if (url === null) return { kind: 'error', error: new Error(`bad robots URL ${robotsUrl}`), transient: false };
    try {
      const { response } = await this.follow(url, {
        maxRedirects: FETCHER_DEFAULTS.robotsMaxRedirects,
        // RFC 9309 §2.5 / Google: only the first 500 KiB are parsed, so only those are kept.
        caps: {
          maxBodyBytes: ROBOTS_PARSE_LIMIT_BYTES,
          maxDecompressedBytes: Math.max(this.pageCaps.maxDecompressedBytes, ROBOTS_PARSE_LIMIT_BYTES + 1),
        },
        checkRobots: false,
        // One attempt: an unreachable robots.txt is retried later by the cache (1 h), not hammered.
        maxAttempts: 1,
        headers: { 'user-agent': this.userAgent, accept: 'text/plain,*/*;q=0.8', 'accept-encoding': 'gzip, deflate, br' },
        signal: undefined,
      });
      return { kind: 'response', status: response.status, body: response.body, finalUrl: response.url.href };
    } catch (error) {
      if (error instanceof LinkwrightError) {
        if (error.code === 'REDIRECT_LIMIT')
          return { kind: 'redirect-limit', hops: (error.details.redirects as unknown[] | undefined)?.length ?? 0 };
        if (error.code === 'FETCH_HTTP_RETRYABLE') {
          const status = error.details.status;
          return typeof status === 'number'
            ? { kind: 'response', status, body: new Uint8Array(0), finalUrl: robotsUrl }
            : { kind: 'error', error, transient: true };
        }
        return { kind: 'error', error, transient: error.retryable };
      }
      return { kind: 'error', error, transient: true };
    }
  }
}
