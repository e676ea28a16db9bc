/**
 * R5 SSRF (reliability.md; OWASP SSRF cheat sheet): blocked after DNS resolution and on every redirect
 * hop, with no socket opened to the blocked address (the servers count their connections).
 */
import type { LookupFunction } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { type LoopbackServer, lookupTo, startHttpServer } from './loopback.test-support.js';
import { type FetcherOptions, PoliteFetcher } from './polite-fetcher.js';
import { assertHostLiteralAllowed, createGuardedLookup, createSsrfPolicy, normalizeHostForPolicy } from './ssrf-guard.js';

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
  // Robots on: a blocked URL must not even cause a robots.txt request.
  const f = new PoliteFetcher({ perHostDelayMs: 0, retryBaseDelayMs: 10, ...options });
  cleanups.push(() => f.close());
  return f;
}

async function errorOf(p: Promise<unknown>): Promise<LinkwrightError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

describe('SSRF guard in the fetcher', () => {
  it('blocks a URL to 127.0.0.1 by default and opens no socket', async () => {
    const s = await server((_req, res) => res.end('secret'));
    const e = await errorOf(fetcher().fetch(`${s.origin}/admin`));
    expect(e.code).toBe('SSRF_BLOCKED');
    expect(e.details).toMatchObject({ address: '127.0.0.1', range: 'loopback' });
    expect(s.connections).toBe(0);
  });

  it.each([
    ['IPv4-mapped IPv6', (port: number) => `http://[::ffff:127.0.0.1]:${port}/`],
    ['decimal', (port: number) => `http://2130706433:${port}/`],
    ['hex/short', (port: number) => `http://0x7f.1:${port}/`],
    ['octal', (port: number) => `http://0177.0.0.1:${port}/`],
    ['IPv6 loopback', (port: number) => `http://[::1]:${port}/`],
    ['unspecified', (port: number) => `http://0.0.0.0:${port}/`],
    ['metadata', (port: number) => `http://169.254.169.254:${port}/latest/meta-data/`],
    ['private 10/8', (port: number) => `http://10.0.0.1:${port}/`],
  ])('blocks the %s form and opens no socket', async (_name, make) => {
    const s = await server((_req, res) => res.end('secret'));
    const e = await errorOf(fetcher().fetch(make(s.port)));
    expect(e.code).toBe('SSRF_BLOCKED');
    expect(s.connections).toBe(0);
  });

  it('blocks a DNS name that resolves to 127.0.0.1 (checked after resolution)', async () => {
    const s = await server((_req, res) => res.end('secret'));
    const lookup = lookupTo({ 'innocent.test': '127.0.0.1' });
    const e = await errorOf(fetcher({ lookup, respectRobots: false }).fetch(`${s.originFor('innocent.test')}/`));
    expect(e.code).toBe('SSRF_BLOCKED');
    expect(e.details).toMatchObject({ hostname: 'innocent.test', address: '127.0.0.1' });
    expect(lookup.calls).toContain('innocent.test');
    expect(s.connections).toBe(0);
  });

  it('the robots.txt request of a name resolving to loopback is blocked too (no socket at all)', async () => {
    const s = await server((_req, res) => res.end('User-agent: *\nAllow: /\n'));
    const lookup = lookupTo({ 'innocent.test': '127.0.0.1' });
    const e = await errorOf(fetcher({ lookup }).fetch(`${s.originFor('innocent.test')}/`));
    expect(e.code).toBe('SSRF_BLOCKED');
    expect(s.connections).toBe(0);
  });

  it('blocks a redirect from an allowed host to loopback, on the redirect hop', async () => {
    const target = await server((_req, res) => res.end('internal'));
    const entry = await server((req, res) => {
      if (req.url === '/robots.txt') {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(302, { location: req.url === '/to-name' ? `${target.originFor('internal.test')}/` : `${target.origin}/` });
      res.end();
    });
    const lookup = lookupTo({ 'allowed.test': '127.0.0.1', 'internal.test': '127.0.0.1' });
    const f = fetcher({ lookup, allowHosts: ['allowed.test'] });
    const viaIp = await errorOf(f.fetch(`${entry.originFor('allowed.test')}/to-ip`));
    expect(viaIp.code).toBe('SSRF_BLOCKED');
    const viaName = await errorOf(f.fetch(`${entry.originFor('allowed.test')}/to-name`));
    expect(viaName.code).toBe('SSRF_BLOCKED');
    expect(entry.requests.map((r) => r.path)).toEqual(['/robots.txt', '/to-ip', '/to-name']);
    expect(target.connections).toBe(0);
  });

  it('allowPrivate lets loopback fixtures through; allowHosts can name an IP', async () => {
    const s = await server((_req, res) => res.end('hello'));
    expect((await fetcher({ allowPrivate: true, respectRobots: false }).fetch(`${s.origin}/`)).text).toBe('hello');
    expect((await fetcher({ allowHosts: ['127.0.0.1'], respectRobots: false }).fetch(`${s.origin}/`)).text).toBe('hello');
    expect((await fetcher({ allowHosts: ['[::ffff:7f00:1]'], respectRobots: false }).fetch(`${s.origin}/`)).text).toBe('hello');
  });
});

describe('ssrf-guard units', () => {
  const base = ((table: Record<string, { address: string; family: number }[]>) =>
    ((hostname: string, _options: unknown, callback: (err: Error | null, addresses?: unknown) => void) => {
      callback(null, table[hostname] ?? []);
    }) as unknown as LookupFunction)({
    'mixed.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.5', family: 4 },
    ],
    'public.test': [
      { address: '93.184.216.34', family: 4 },
      { address: '2606:2800:220:1:248:1893:25c8:1946', family: 6 },
    ],
    'v6local.test': [{ address: 'fd00::1', family: 6 }],
  });

  function resolve(lookup: LookupFunction, host: string, all: boolean): Promise<{ err: Error | null; address: unknown; family: unknown }> {
    return new Promise((done) => {
      (lookup as unknown as (h: string, o: object, cb: (err: Error | null, address?: unknown, family?: unknown) => void) => void)(
        host,
        { all },
        (err, address, family) => done({ err, address, family }),
      );
    });
  }

  it('fails closed when any resolved address is private', async () => {
    const r = await resolve(createGuardedLookup(createSsrfPolicy(), base), 'mixed.test', true);
    expect((r.err as LinkwrightError).code).toBe('SSRF_BLOCKED');
    expect((r.err as LinkwrightError).details.address).toBe('10.0.0.5');
    expect((await resolve(createGuardedLookup(createSsrfPolicy(), base), 'v6local.test', false)).err).toBeInstanceOf(LinkwrightError);
  });

  it('passes public addresses in the form net.connect asked for', async () => {
    const guarded = createGuardedLookup(createSsrfPolicy(), base);
    const all = await resolve(guarded, 'public.test', true);
    expect(all.err).toBeNull();
    expect(all.address).toHaveLength(2);
    const one = await resolve(guarded, 'public.test', false);
    expect(one).toEqual({ err: null, address: '93.184.216.34', family: 4 });
  });

  it('allowHosts by name or by resolved address', async () => {
    expect((await resolve(createGuardedLookup(createSsrfPolicy(false, ['mixed.test']), base), 'mixed.test', true)).err).toBeNull();
    expect((await resolve(createGuardedLookup(createSsrfPolicy(false, ['10.0.0.5']), base), 'mixed.test', true)).err).toBeNull();
    expect((await resolve(createGuardedLookup(createSsrfPolicy(true), base), 'v6local.test', true)).err).toBeNull();
  });

  it('assertHostLiteralAllowed and normalizeHostForPolicy', () => {
    const policy = createSsrfPolicy();
    expect(() => assertHostLiteralAllowed(policy, '[::1]')).toThrow(LinkwrightError);
    expect(() => assertHostLiteralAllowed(policy, '192.168.0.1')).toThrow(/private/);
    expect(() => assertHostLiteralAllowed(policy, 'example.com')).not.toThrow();
    expect(() => assertHostLiteralAllowed(policy, '8.8.8.8')).not.toThrow();
    expect(normalizeHostForPolicy('[::FFFF:127.0.0.1]')).toBe('127.0.0.1');
    expect(normalizeHostForPolicy('[FD00:0:0:0::1]')).toBe('fd00::1');
    expect(normalizeHostForPolicy('Example.COM.')).toBe('example.com');
  });
});
