/**
 * Politeness and protocol behaviour (reliability.md R6/R7, DESIGN §6): one request at a time per
 * host, measured gaps, Crawl-delay, Retry-After, retry rules, conditional GET, charsets, challenges,
 * the honest User-Agent. Small delays (50–300 ms) keep the suite fast; the production defaults are
 * checked separately.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { type LoopbackServer, lookupTo, startHttpServer } from './loopback.test-support.js';
import { FETCHER_DEFAULTS, type FetcherOptions, PoliteFetcher } from './polite-fetcher.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

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
  const f = new PoliteFetcher({ allowPrivate: true, respectRobots: false, perHostDelayMs: 0, retryBaseDelayMs: 10, ...options });
  cleanups.push(() => f.close());
  return f;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function errorOf(p: Promise<unknown>): Promise<LinkwrightError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

/** Gaps between the end of each request and the start of the next, as the server saw them. */
function serverGaps(s: LoopbackServer): number[] {
  const sorted = [...s.requests].sort((a, b) => a.startedAt - b.startedAt);
  const gaps: number[] = [];
  sorted.forEach((r, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined) gaps.push(r.startedAt - (previous.endedAt ?? Number.NaN));
  });
  return gaps;
}

describe('defaults (DESIGN §6)', () => {
  it('has the documented production defaults', () => {
    expect(FETCHER_DEFAULTS).toMatchObject({
      perHostDelayMs: 1_000,
      totalDeadlineMs: 30_000,
      maxBodyBytes: 5 * 1024 * 1024,
      maxRedirects: 10,
      robotsMaxRedirects: 5,
      maxAttempts: 3,
      maxCrawlDelayMs: 30_000,
      robotsCacheTtlMs: 24 * 60 * 60 * 1000,
      maxRetryAfterMs: 120_000,
    });
    expect(DEFAULT_USER_AGENT).toBe('Linkwright/0.1.0 (+https://github.com/linkwright/linkwright)');
  });

  it('uses 1 s per host and 2 s for medium.com and its subdomains', async () => {
    const f = new PoliteFetcher();
    cleanups.push(() => f.close());
    expect(f.configuredDelayFor('example.com')).toBe(1_000);
    expect(f.configuredDelayFor('medium.com')).toBe(2_000);
    expect(f.configuredDelayFor('towardsdatascience.medium.com')).toBe(2_000);
    expect(f.configuredDelayFor('notmedium.com')).toBe(1_000);
    const g = fetcher({ perHostDelayMs: 300, hostDelayOverrides: { 'slow.example': 5_000, '*.example': 700 } });
    expect(g.configuredDelayFor('slow.example')).toBe(5_000);
    expect(g.configuredDelayFor('a.example')).toBe(700);
    expect(g.configuredDelayFor('medium.com')).toBe(300); // a given map replaces the defaults
    expect(g.configuredDelayFor('other.org')).toBe(300);
    expect(fetcher({ perHostDelayMs: 400 }).configuredDelayFor('medium.com')).toBe(2_000);
  });

  it('sends the honest User-Agent and compression preferences', async () => {
    const s = await server((_req, res) => res.end('ok'));
    await fetcher().fetch(`${s.origin}/`);
    expect(s.requests[0]?.headers['user-agent']).toBe(DEFAULT_USER_AGENT);
    expect(s.requests[0]?.headers['accept-encoding']).toBe('gzip, deflate, br');
  });
});

describe('R7 politeness', () => {
  it('never sends two concurrent requests to one host and waits ≥ delay after each one ends', async () => {
    const delay = 120;
    const s = await server(async (_req, res) => {
      await sleep(40);
      res.end('ok');
    });
    const f = fetcher({ perHostDelayMs: delay });
    const snaps = await Promise.all(Array.from({ length: 5 }, (_, i) => f.fetch(`${s.origin}/p${i}`)));
    expect(snaps.map((x) => x.status)).toEqual([200, 200, 200, 200, 200]);
    expect(s.maxInFlight).toBe(1);
    expect(s.connections).toBe(1); // one keep-alive connection per origin
    const gaps = serverGaps(s);
    console.info(`[R7] gaps between requests to one host (delay ${delay} ms): ${gaps.join(', ')} ms`);
    expect(gaps).toHaveLength(4);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(delay - 2);
  });

  it('different hosts proceed in parallel', async () => {
    const s = await server(async (_req, res) => {
      await sleep(250);
      res.end('ok');
    });
    const f = fetcher({ perHostDelayMs: 1_000, lookup: lookupTo({ 'a.test': '127.0.0.1', 'b.test': '127.0.0.1', 'c.test': '127.0.0.1' }) });
    const started = Date.now();
    await Promise.all(['a.test', 'b.test', 'c.test'].map((h) => f.fetch(`${s.originFor(h)}/`)));
    expect(Date.now() - started).toBeLessThan(700);
    expect(s.maxInFlight).toBe(3);
  });

  it('honours robots Crawl-delay when it is longer than the configured delay', async () => {
    const s = await server((req, res) => {
      if (req.url === '/robots.txt') {
        res.end('User-agent: *\nCrawl-delay: 0.3\n');
        return;
      }
      res.end('ok');
    });
    const f = fetcher({ respectRobots: true, perHostDelayMs: 50 });
    for (let i = 0; i < 3; i++) await f.fetch(`${s.origin}/p${i}`);
    expect(f.effectiveDelayFor('127.0.0.1')).toBe(300);
    const gaps = serverGaps(s);
    console.info(`[R7] gaps with Crawl-delay 0.3 s (robots fetch first): ${gaps.join(', ')} ms`);
    // The Crawl-delay applies from the robots.txt request on (robots → page 0 included).
    expect(gaps).toHaveLength(3);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(298);
  });

  it('skips a host whose Crawl-delay exceeds 30 s (CRAWL_DELAY_TOO_LONG)', async () => {
    const s = await server((req, res) => {
      res.end(req.url === '/robots.txt' ? 'User-agent: *\nCrawl-delay: 45\n' : 'page');
    });
    const e = await errorOf(fetcher({ respectRobots: true }).fetch(`${s.origin}/x`));
    expect(e.code).toBe('CRAWL_DELAY_TOO_LONG');
    expect(e.details.crawlDelayMs).toBe(45_000);
    expect(s.requests.map((r) => r.path)).toEqual(['/robots.txt']);
  });

  it('429 + Retry-After (seconds) is honoured: measured wait ≥ 1 s, then success', async () => {
    let n = 0;
    const s = await server((_req, res) => {
      n++;
      if (n === 1) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end('slow down');
        return;
      }
      res.end('ok');
    });
    const snap = await fetcher({ perHostDelayMs: 10 }).fetch(`${s.origin}/`);
    expect(snap.status).toBe(200);
    expect(snap.attempts).toBe(2);
    const gap = serverGaps(s)[0] ?? 0;
    console.info(`[R7] 429 Retry-After: 1 → next request after ${gap} ms`);
    expect(gap).toBeGreaterThanOrEqual(998);
  });

  it('503 + Retry-After as an HTTP-date is honoured', async () => {
    let n = 0;
    let retryAt = 0;
    const s = await server((_req, res) => {
      n++;
      if (n === 1) {
        retryAt = (Math.floor(Date.now() / 1000) + 2) * 1000; // HTTP-dates have 1 s resolution
        res.writeHead(503, { 'retry-after': new Date(retryAt).toUTCString() });
        res.end('maintenance');
        return;
      }
      res.end('ok');
    });
    const snap = await fetcher().fetch(`${s.origin}/`);
    expect(snap.status).toBe(200);
    const second = s.requests[1]?.startedAt ?? 0;
    expect(second).toBeGreaterThanOrEqual(retryAt - 5);
  });

  it('a Retry-After longer than the cap fails at once with FETCH_HTTP_RETRYABLE and holds the host back', async () => {
    const s = await server((_req, res) => {
      res.writeHead(503, { 'retry-after': '3600' });
      res.end();
    });
    const f = fetcher();
    const e = await errorOf(f.fetch(`${s.origin}/a`));
    expect(e.code).toBe('FETCH_HTTP_RETRYABLE');
    expect(e.retryAfterMs).toBe(3_600_000);
    expect(s.requests).toHaveLength(1);
    // The next fetch to that host does not even reach the server.
    const again = await errorOf(f.fetch(`${s.origin}/b`));
    expect(again.code).toBe('FETCH_HTTP_RETRYABLE');
    expect(again.retryAfterMs).toBeGreaterThan(3_590_000);
    expect(s.requests).toHaveLength(1);
  });

  it('retries 5xx at most 3 times, with exponential backoff', async () => {
    const s = await server((_req, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    const f = fetcher({ retryBaseDelayMs: 100, random: () => 1 });
    const e = await errorOf(f.fetch(`${s.origin}/`));
    expect(e.code).toBe('FETCH_HTTP_RETRYABLE');
    expect(e.details).toMatchObject({ status: 500, attempts: 3 });
    expect(s.requests).toHaveLength(3);
    const gaps = serverGaps(s);
    console.info(`[R7] backoff gaps (base 100 ms, jitter pinned to its ceiling): ${gaps.join(', ')} ms`);
    expect(gaps[0]).toBeGreaterThanOrEqual(98);
    expect(gaps[1]).toBeGreaterThanOrEqual(198);
  });

  it('does not retry non-retryable answers (404, 400, 403) — they come back as snapshots', async () => {
    const s = await server((req, res) => {
      res.writeHead(Number((req.url ?? '/404').slice(1)));
      res.end('no');
    });
    const f = fetcher();
    for (const status of [404, 400, 403, 410]) {
      const snap = await f.fetch(`${s.origin}/${status}`);
      expect(snap.status).toBe(status);
      expect(snap.attempts).toBe(1);
      expect(snap.challenge).toBe(false);
    }
    expect(s.requests).toHaveLength(4);
  });

  it('retries connection resets and succeeds on the third attempt', async () => {
    let n = 0;
    const s = await server((req, res) => {
      n++;
      if (n < 3) {
        req.socket.destroy();
        return;
      }
      res.end('third time');
    });
    const snap = await fetcher().fetch(`${s.origin}/`);
    expect(snap.text).toBe('third time');
    expect(snap.attempts).toBe(3);
  });

  it('gives up on connection errors after 3 attempts with FETCH_NETWORK', async () => {
    const s = await server((req) => {
      req.socket.destroy();
    });
    const e = await errorOf(fetcher().fetch(`${s.origin}/`));
    expect(e.code).toBe('FETCH_NETWORK');
    expect(s.requests).toHaveLength(3);
  });

  it('reports DNS failures as DNS_FAILURE without retrying', async () => {
    const lookup = lookupTo({});
    const e = await errorOf(fetcher({ lookup }).fetch('http://nowhere.test/'));
    expect(e.code).toBe('DNS_FAILURE');
    expect(lookup.calls).toEqual(['nowhere.test']);
  });
});

describe('challenges (DESIGN §5): reported, never retried or evaded', () => {
  it('returns a Cloudflare 503 challenge at once with challenge: true', async () => {
    const s = await server((_req, res) => {
      res.writeHead(503, { 'content-type': 'text/html', server: 'cloudflare', 'cf-ray': '8a1b-CDG' });
      res.end(
        '<!DOCTYPE html><title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script>',
      );
    });
    const snap = await fetcher().fetch(`${s.origin}/story`);
    expect(snap.challenge).toBe(true);
    expect(snap.status).toBe(503);
    expect(snap.attempts).toBe(1);
    expect(s.requests).toHaveLength(1);
  });

  it('flags a 403 with cf-mitigated: challenge', async () => {
    const s = await server((_req, res) => {
      res.writeHead(403, { 'cf-mitigated': 'challenge' });
      res.end('');
    });
    const snap = await fetcher().fetch(`${s.origin}/`);
    expect(snap.challenge).toBe(true);
  });

  it('leaves a host alone for the Retry-After of its challenge before the next request', async () => {
    let challenged = false;
    const s = await server((_req, res) => {
      if (!challenged) {
        challenged = true;
        res.writeHead(429, { 'cf-mitigated': 'challenge', 'retry-after': '1' });
        res.end('');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const f = fetcher();
    expect((await f.fetch(`${s.origin}/a`)).challenge).toBe(true);
    expect((await f.fetch(`${s.origin}/b`)).status).toBe(200);
    expect(serverGaps(s)[0]).toBeGreaterThanOrEqual(950);
  });
});

describe('the robots.txt wait belongs to the fetch', () => {
  it("counts against the total deadline and gives way to the caller's abort at once", async () => {
    const s = await server(async (req, res) => {
      await sleep(450);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(req.url === '/robots.txt' ? 'User-agent: *\nAllow: /\n' : 'page');
    });
    // 450 ms for robots.txt + 450 ms for the page > the 700 ms deadline, though each fits alone.
    const started = Date.now();
    const timedOut = await errorOf(fetcher({ respectRobots: true, totalDeadlineMs: 700 }).fetch(`${s.origin}/page`));
    expect(timedOut.code).toBe('FETCH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(850);
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 100);
    const abortedAt = Date.now();
    await expect(fetcher({ respectRobots: true }).fetch({ url: `${s.origin}/page`, signal: controller.signal })).rejects.toBe(reason);
    expect(Date.now() - abortedAt).toBeLessThan(800);
    expect(s.requests.filter((r) => r.path === '/page')).toHaveLength(1); // only the timed-out fetch's
  });
});

describe('holds reach requests already queued for the host', () => {
  it('a Retry-After answer holds back the requests waiting behind it, not only its own retry', async () => {
    let busy = true;
    const s = await server((req, res) => {
      if (req.url === '/a' && busy) {
        busy = false;
        res.writeHead(503, { 'retry-after': '1' });
        res.end('busy');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    const f = fetcher({ perHostDelayMs: 50 });
    const results = await Promise.all(['/a', '/b', '/c'].map((path) => f.fetch(`${s.origin}${path}`)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const sorted = [...s.requests].sort((x, y) => x.startedAt - y.startedAt);
    expect(sorted[0]?.path).toBe('/a');
    // Whoever came next waited for the Retry-After measured from the 503, not just the 50 ms delay.
    expect((sorted[1]?.startedAt ?? 0) - (sorted[0]?.endedAt ?? 0)).toBeGreaterThanOrEqual(950);
  });

  it('a hold longer than maxRetryAfterMs fails the queued requests at once instead of sleeping through it', async () => {
    let busy = true;
    const s = await server((_req, res) => {
      if (busy) {
        busy = false;
        res.writeHead(503, { 'retry-after': '3' });
        res.end('busy');
        return;
      }
      res.writeHead(200);
      res.end('ok');
    });
    const f = fetcher({ perHostDelayMs: 50, maxRetryAfterMs: 500 });
    const started = Date.now();
    const errors = await Promise.all(['/a', '/b', '/c'].map((path) => errorOf(f.fetch(`${s.origin}${path}`))));
    expect(errors.map((e) => e.code)).toEqual(['FETCH_HTTP_RETRYABLE', 'FETCH_HTTP_RETRYABLE', 'FETCH_HTTP_RETRYABLE']);
    expect(errors.every((e) => (e.retryAfterMs ?? 0) > 2_000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(s.requests).toHaveLength(1);
  });
});

describe('conditional GET', () => {
  it('sends If-None-Match / If-Modified-Since and maps 304 to notModified', async () => {
    const s = await server((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' });
        res.end();
        return;
      }
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Tue, 01 Sep 2026 10:00:00 GMT', 'content-type': 'text/html' });
      res.end('<p>v1</p>');
    });
    const f = fetcher();
    const first = await f.fetch(`${s.origin}/page`);
    expect(first).toMatchObject({ status: 200, notModified: false, etag: '"v1"', lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT' });
    const second = await f.fetch({ url: `${s.origin}/page`, etag: first.etag, lastModified: first.lastModified });
    expect(second).toMatchObject({
      status: 304,
      notModified: true,
      etag: '"v1"',
      lastModified: 'Tue, 01 Sep 2026 10:00:00 GMT',
      truncated: false,
    });
    expect(second.body.length).toBe(0);
    expect(s.requests[1]?.headers['if-none-match']).toBe('"v1"');
    expect(s.requests[1]?.headers['if-modified-since']).toBe('Tue, 01 Sep 2026 10:00:00 GMT');
    expect(s.requests[0]?.headers['if-none-match']).toBeUndefined();
  });

  it("takes a 304 that carries the representation's Content-Length (RFC 9110 §8.6) as not modified", async () => {
    const s = await server((_req, res) => {
      // Node's http server would drop the length on a 304; write it by hand like nginx and Apache do.
      res.socket?.end('HTTP/1.1 304 Not Modified\r\netag: "v1"\r\ncontent-length: 1234\r\n\r\n');
    });
    const snap = await fetcher().fetch({ url: `${s.origin}/page`, etag: '"v1"' });
    expect(snap).toMatchObject({ status: 304, notModified: true, truncated: false });
    expect(snap.body.length).toBe(0);
  });
});

describe('R6 charsets', () => {
  it('decodes invalid UTF-8 with U+FFFD and a Latin-1 page correctly', async () => {
    const s = await server((req, res) => {
      if (req.url === '/bad-utf8') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(Buffer.from([0x3c, 0x70, 0x3e, 0x61, 0xff, 0xc3, 0x28, 0x62, 0x3c, 0x2f, 0x70, 0x3e])); // <p>a\xff\xc3(b</p>
        return;
      }
      if (req.url === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=ISO-8859-1' });
        res.end(Buffer.from('<p>Caf\xe9 \x80 na\xefve</p>', 'latin1'));
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(Buffer.concat([Buffer.from('<meta charset="windows-1252"><a href="/x">\x93quoted\x94</a>', 'latin1')]));
    });
    const f = fetcher();
    const bad = await f.fetch(`${s.origin}/bad-utf8`);
    expect(bad.encoding).toBe('utf-8');
    expect(bad.text).toBe('<p>a\uFFFD\uFFFD(b</p>');
    const latin = await f.fetch(`${s.origin}/latin1`);
    expect(latin.encoding).toBe('windows-1252');
    expect(latin.text).toBe('<p>Café € naïve</p>');
    const meta = await f.fetch(`${s.origin}/meta`);
    expect(meta.text).toBe('<meta charset="windows-1252"><a href="/x">“quoted”</a>');
    expect(meta.contentType).toBe('text/html');
  });
});
