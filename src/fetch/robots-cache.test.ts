/**
 * C3 (reliability.md §3): robots.txt fetch policy against loopback servers, and the cache rules with a
 * fake clock. 2xx parses; 4xx (not 429) allows all; 5xx/429/network error/timeout disallows all and
 * retries later; > 5 redirects = unavailable; only the first 500 KiB count; 24 h cache; a failing
 * refresh keeps the last good copy; 30 days unreachable without a copy falls back to allow-all, logged.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { parseRobots, ROBOTS_PARSE_LIMIT_BYTES } from '../core/robots/parse-robots.js';
import { FakeClock, type LoopbackServer, startHttpServer } from './loopback.test-support.js';
import { type FetcherOptions, PoliteFetcher } from './polite-fetcher.js';
import {
  ROBOTS_CACHE_TTL_MS,
  ROBOTS_ERROR_RETRY_MS,
  ROBOTS_UNREACHABLE_GRACE_MS,
  RobotsCache,
  type RobotsFetchOutcome,
  type RobotsLogEvent,
} from './robots-cache.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

const HOUR = 60 * 60 * 1000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function server(handler: Parameters<typeof startHttpServer>[0]): Promise<LoopbackServer> {
  const s = await startHttpServer(handler);
  cleanups.push(() => s.close());
  return s;
}

function fetcher(options: FetcherOptions = {}): PoliteFetcher {
  const f = new PoliteFetcher({ allowPrivate: true, perHostDelayMs: 0, retryBaseDelayMs: 10, ...options });
  cleanups.push(() => f.close());
  return f;
}

async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'fetched';
  } catch (error) {
    if (error instanceof LinkwrightError) return error.code;
    throw error;
  }
}

/** A site whose robots.txt answer is set by the test; pages always answer 200. */
async function site(
  robots: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void,
): Promise<LoopbackServer & { pages(): string[]; robotsHits(): number }> {
  const s = await server((req, res) => {
    if ((req.url ?? '').startsWith('/robots.txt') || (req.url ?? '').startsWith('/r/')) {
      robots(req, res);
      return;
    }
    res.end(`page ${req.url}`);
  });
  return Object.assign(s, {
    pages: () => s.requests.map((r) => r.path).filter((p) => !p.startsWith('/robots.txt') && !p.startsWith('/r/')),
    robotsHits: () => s.requests.filter((r) => r.path === '/robots.txt').length,
  });
}

describe('C3 robots.txt fetch policy (loopback)', () => {
  it('2xx: parses and applies our group (product token Linkwright), sent with our User-Agent', async () => {
    const s = await site((_req, res) => {
      res.end('User-agent: *\nDisallow: /\n\nUser-agent: Linkwright\nDisallow: /private\n');
    });
    const f = fetcher();
    expect(await outcome(f.fetch(`${s.origin}/public`))).toBe('fetched');
    expect(await outcome(f.fetch(`${s.origin}/private/x`))).toBe('ROBOTS_DISALLOWED');
    expect(s.pages()).toEqual(['/public']);
    expect(s.robotsHits()).toBe(1);
    expect(s.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
  });

  it('404: allow all', async () => {
    const s = await site((_req, res) => {
      res.writeHead(404);
      res.end('not here');
    });
    expect(await outcome(fetcher().fetch(`${s.origin}/anything`))).toBe('fetched');
  });

  it('403 and 401 also allow all (all 4xx except 429)', async () => {
    for (const status of [401, 403, 410]) {
      const s = await site((_req, res) => {
        res.writeHead(status);
        res.end();
      });
      expect(await outcome(fetcher().fetch(`${s.origin}/x`))).toBe('fetched');
    }
  });

  it.each([500, 503, 429])('%i: disallow all (ROBOTS_UNREACHABLE with a retry time), the page is not requested', async (status) => {
    const s = await site((_req, res) => {
      res.writeHead(status);
      res.end();
    });
    const f = fetcher();
    let error: unknown;
    try {
      await f.fetch(`${s.origin}/page`);
    } catch (e) {
      error = e;
    }
    expect((error as LinkwrightError).code).toBe('ROBOTS_UNREACHABLE');
    expect((error as LinkwrightError).retryAfterMs).toBeGreaterThan(ROBOTS_ERROR_RETRY_MS - 60_000);
    expect((error as LinkwrightError).retryAfterMs).toBeLessThanOrEqual(ROBOTS_ERROR_RETRY_MS);
    expect(s.pages()).toEqual([]);
    // The failure is cached: a second page does not hammer robots.txt.
    expect(await outcome(f.fetch(`${s.origin}/other`))).toBe('ROBOTS_UNREACHABLE');
    expect(s.robotsHits()).toBe(1);
  });

  it('network error (connection reset): disallow all', async () => {
    const s = await site((req) => {
      req.socket.destroy();
    });
    expect(await outcome(fetcher().fetch(`${s.origin}/page`))).toBe('ROBOTS_UNREACHABLE');
    expect(s.pages()).toEqual([]);
  });

  it('timeout: disallow all', async () => {
    const s = await site(() => {
      /* never answers */
    });
    const started = Date.now();
    expect(await outcome(fetcher({ totalDeadlineMs: 400 }).fetch(`${s.origin}/page`))).toBe('ROBOTS_UNREACHABLE');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('follows 5 redirects; a 6th makes the file unavailable (allow all)', async () => {
    const chain = (hops: number) => (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
      const n = req.url === '/robots.txt' ? 0 : Number(req.url?.slice(3));
      if (n < hops) {
        res.writeHead(301, { location: `/r/${n + 1}` });
        res.end();
        return;
      }
      res.end('User-agent: *\nDisallow: /blocked\n');
    };
    const five = await site(chain(5));
    expect(await outcome(fetcher().fetch(`${five.origin}/blocked`))).toBe('ROBOTS_DISALLOWED');
    const six = await site(chain(6));
    expect(await outcome(fetcher().fetch(`${six.origin}/blocked`))).toBe('fetched');
    expect(six.requests.filter((r) => r.path.startsWith('/r/')).length).toBe(5);
  });

  it('600 KiB file: a rule beyond 500 KiB is ignored, one before it applies', async () => {
    const head = 'User-agent: *\nDisallow: /early\n';
    const filler = `# ${'x'.repeat(1000)}\n`;
    let body = head;
    while (body.length < 510 * 1024) body += filler;
    body += 'Disallow: /late\n';
    while (body.length < 600 * 1024) body += filler;
    expect(body.indexOf('Disallow: /late')).toBeGreaterThan(ROBOTS_PARSE_LIMIT_BYTES);
    const s = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(body);
    });
    const f = fetcher();
    expect(await outcome(f.fetch(`${s.origin}/early`))).toBe('ROBOTS_DISALLOWED');
    expect(await outcome(f.fetch(`${s.origin}/late`))).toBe('fetched');
    // Control: the same rule inside the limit does block /late, so it was ignored for its position.
    expect(parseRobots(`${head}Disallow: /late\n`).isAllowed(`${s.origin}/late`, 'Linkwright')).toBe(false);
  });

  it('gzip-compressed robots.txt is decoded', async () => {
    const { gzipSync } = await import('node:zlib');
    const s = await site((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' });
      res.end(gzipSync('User-agent: *\nDisallow: /nope\n'));
    });
    expect(await outcome(fetcher().fetch(`${s.origin}/nope`))).toBe('ROBOTS_DISALLOWED');
  });

  it('24 h cache (fake clock): one robots.txt request per day', async () => {
    const clock = new FakeClock();
    const s = await site((_req, res) => res.end('User-agent: *\nDisallow: /x\n'));
    const f = fetcher({ clock });
    await f.fetch(`${s.origin}/a`);
    await f.fetch(`${s.origin}/b`);
    expect(s.robotsHits()).toBe(1);
    clock.advance(23 * HOUR);
    await f.fetch(`${s.origin}/c`);
    expect(s.robotsHits()).toBe(1);
    clock.advance(HOUR + 1);
    await f.fetch(`${s.origin}/d`);
    expect(s.robotsHits()).toBe(2);
  });

  it('a 5xx when the cached copy expires keeps using that copy (logged), and retries after 1 h', async () => {
    const clock = new FakeClock();
    let status = 200;
    const events: RobotsLogEvent[] = [];
    const s = await site((_req, res) => {
      res.writeHead(status);
      res.end(status === 200 ? 'User-agent: *\nDisallow: /x\n' : 'down');
    });
    const f = fetcher({ clock, log: (e) => events.push(e) });
    expect(await outcome(f.fetch(`${s.origin}/x`))).toBe('ROBOTS_DISALLOWED');
    status = 503;
    clock.advance(ROBOTS_CACHE_TTL_MS + 1);
    expect(await outcome(f.fetch(`${s.origin}/x`))).toBe('ROBOTS_DISALLOWED');
    expect(await outcome(f.fetch(`${s.origin}/y`))).toBe('fetched');
    expect(s.robotsHits()).toBe(2);
    expect(events.map((e) => e.code)).toEqual(['ROBOTS_USING_STALE_COPY']);
    status = 200;
    clock.advance(ROBOTS_ERROR_RETRY_MS + 1);
    await f.fetch(`${s.origin}/z`);
    expect(s.robotsHits()).toBe(3);
  });
});

describe('RobotsCache policy (unit, fake fetcher and clock)', () => {
  function cacheWith(outcomes: RobotsFetchOutcome[], clock = new FakeClock(), log?: (e: RobotsLogEvent) => void) {
    const calls: string[] = [];
    const cache = new RobotsCache({
      fetchRobots: async (url) => {
        calls.push(url);
        const next = outcomes.shift();
        if (next === undefined) throw new Error('unexpected robots fetch');
        return next;
      },
      parse: parseRobots,
      clock,
      productToken: 'Linkwright',
      ...(log === undefined ? {} : { log }),
    });
    return { cache, calls, clock };
  }
  const ok = (body: string): RobotsFetchOutcome => ({
    kind: 'response',
    status: 200,
    body: new TextEncoder().encode(body),
    finalUrl: 'https://example.com/robots.txt',
  });
  const status = (s: number): RobotsFetchOutcome => ({
    kind: 'response',
    status: s,
    body: new Uint8Array(),
    finalUrl: 'https://example.com/robots.txt',
  });
  const page = new URL('https://example.com/page');

  it('maps outcomes to verdicts', async () => {
    expect((await cacheWith([ok('User-agent: *\nDisallow: /page')]).cache.check(page)).allowed).toBe(false);
    expect((await cacheWith([status(404)]).cache.check(page)).entry).toMatchObject({ mode: 'allow-all', reason: 'unavailable' });
    expect((await cacheWith([status(429)]).cache.check(page)).entry).toMatchObject({ mode: 'disallow-all', reason: 'unreachable' });
    expect((await cacheWith([status(502)]).cache.check(page)).allowed).toBe(false);
    expect((await cacheWith([{ kind: 'redirect-limit', hops: 6 }]).cache.check(page)).entry).toMatchObject({
      mode: 'allow-all',
      reason: 'redirect-limit',
    });
    expect((await cacheWith([{ kind: 'error', error: new Error('reset'), transient: true }]).cache.check(page)).entry.mode).toBe(
      'disallow-all',
    );
    const refused: RobotsLogEvent[] = [];
    const r = await cacheWith([{ kind: 'error', error: new Error('ssrf'), transient: false }], new FakeClock(), (e) =>
      refused.push(e),
    ).cache.check(page);
    expect(r.entry).toMatchObject({ mode: 'allow-all', reason: 'fetch-refused' });
    expect(refused.map((e) => e.code)).toEqual(['ROBOTS_FETCH_REFUSED']);
  });

  it('returns Crawl-delay in ms for our group and always allows /robots.txt itself', async () => {
    const { cache } = cacheWith([ok('User-agent: Linkwright\nCrawl-delay: 2.5\nDisallow: /\n')]);
    expect((await cache.check(page)).crawlDelayMs).toBe(2_500);
    expect((await cache.check(new URL('https://example.com/robots.txt'))).allowed).toBe(true);
  });

  it('coalesces concurrent checks of one origin into one fetch', async () => {
    const { cache, calls } = cacheWith([ok('User-agent: *\nAllow: /\n')]);
    await Promise.all([cache.check(page), cache.check(new URL('https://example.com/a')), cache.check(new URL('https://example.com/b'))]);
    expect(calls).toEqual(['https://example.com/robots.txt']);
  });

  it('after 30 days unreachable with no copy: allow all, logged; retried hourly before that', async () => {
    const events: RobotsLogEvent[] = [];
    const fails = Array.from({ length: 3 }, () => status(503));
    const { cache, clock, calls } = cacheWith(fails, new FakeClock(), (e) => events.push(e));
    expect((await cache.check(page)).allowed).toBe(false);
    clock.advance(ROBOTS_ERROR_RETRY_MS - 1);
    expect((await cache.check(page)).allowed).toBe(false);
    expect(calls).toHaveLength(1);
    clock.advance(2);
    expect((await cache.check(page)).allowed).toBe(false);
    expect(calls).toHaveLength(2);
    clock.advance(ROBOTS_UNREACHABLE_GRACE_MS);
    const late = await cache.check(page);
    expect(late.allowed).toBe(true);
    expect(late.entry.reason).toBe('unreachable-too-long');
    expect(events.map((e) => e.code)).toEqual(['ROBOTS_UNREACHABLE_TOO_LONG']);
  });

  it('uses the injected TTL', async () => {
    const clock = new FakeClock();
    const calls: string[] = [];
    const cache = new RobotsCache({
      fetchRobots: async (url) => {
        calls.push(url);
        return ok('');
      },
      parse: parseRobots,
      clock,
      productToken: 'Linkwright',
      ttlMs: 1_000,
    });
    await cache.check(page);
    clock.advance(1_000);
    await cache.check(page);
    expect(calls).toHaveLength(2);
    expect(cache.peek('https://example.com')?.expiresAt).toBe(clock.now() + 1_000);
  });
});

describe('RobotsCache bounds (memory over long crawls)', () => {
  it('evicts the least recently used origins past the body-byte and origin bounds, and refetches them', async () => {
    const clock = new FakeClock(0);
    const calls: string[] = [];
    const body = new TextEncoder().encode(`User-agent: *\n${'Disallow: /private/\n'.repeat(5_000)}`); // ≈ 100 KiB
    const cache = new RobotsCache({
      fetchRobots: async (url) => {
        calls.push(url);
        return { kind: 'response', status: 200, body, finalUrl: url };
      },
      parse: parseRobots,
      clock,
      productToken: 'Linkwright',
      maxBodyBytes: 1024 * 1024, // room for about 10 such files
      maxOrigins: 50,
    });
    const url = (i: number): URL => new URL(`https://site${i}.test/page`);
    await cache.check(url(0));
    for (let i = 1; i < 30; i++) {
      await cache.check(url(i));
      await cache.check(url(0)); // keep site0 in use
    }
    expect(cache.size).toBeLessThanOrEqual(11);
    expect(cache.peek('https://site0.test')).toBeDefined(); // recently used, kept
    expect(cache.peek('https://site29.test')).toBeDefined(); // just decided, kept
    expect(cache.peek('https://site1.test')).toBeUndefined(); // oldest, evicted
    expect(calls.filter((c) => c.startsWith('https://site0.test'))).toHaveLength(1);
    expect((await cache.check(new URL('https://site1.test/private/x'))).allowed).toBe(false); // fetched again
    expect(calls.filter((c) => c.startsWith('https://site1.test'))).toHaveLength(2);

    const small = new RobotsCache({
      fetchRobots: async () => ({ kind: 'response', status: 404, body: new Uint8Array(0), finalUrl: '' }),
      parse: parseRobots,
      clock,
      productToken: 'Linkwright',
      maxOrigins: 5,
    });
    for (let i = 0; i < 20; i++) await small.check(url(i));
    expect(small.size).toBe(5);
  });
});
