/**
 * SSRF guard (reliability.md R5; OWASP SSRF cheat sheet; ASVS 4.0.3 5.2.6).
 *
 * The check runs where the connection is made, not on the URL text alone:
 * - an IP-literal host is classified before anything is dialled (Node's `net.connect` skips
 *   `lookup` for literals, so the connector checks them itself);
 * - a DNS name is resolved by our `lookup` wrapper, every returned address is classified, and the
 *   very addresses we checked are the ones `net.connect` uses — the connection is pinned to the
 *   checked IP, so there is no DNS-rebinding window between check and connect;
 * - because redirects are followed by hand, each hop goes through the same connector.
 * A blocked address never gets a socket. The only way around it is explicit: `allowPrivate`
 * (CLI `--allow-private`; tests and the offline demo) or an `allowHosts` entry.
 */
import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { classifyIpAddress } from '../core/net/ip-address.js';
import { originKey, type SocketReadBuffers } from './socket-read-buffers.js';

export interface SsrfPolicy {
  /** Allow every non-public address (loopback, private, link-local…). */
  allowPrivate: boolean;
  /** Hostnames and IP addresses (canonical form) allowed even when they are not public. */
  allowHosts: ReadonlySet<string>;
}

/**
 * Key used to compare hosts with the allow-list: lower case, without IPv6 brackets or a trailing root
 * dot; IP literals in canonical form, and IPv6 forms that embed an IPv4 address (`::ffff:127.0.0.1`)
 * as that IPv4 address — the one the connection really reaches.
 */
export function normalizeHostForPolicy(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  const ip = classifyIpAddress(h);
  return ip === null ? h : (ip.embeddedIpv4 ?? ip.address);
}

export function createSsrfPolicy(allowPrivate = false, allowHosts: readonly string[] = []): SsrfPolicy {
  return { allowPrivate, allowHosts: new Set(allowHosts.map(normalizeHostForPolicy)) };
}

function blockedError(hostname: string, address: string, range: string): LinkwrightError {
  return new LinkwrightError(
    'SSRF_BLOCKED',
    `refusing to connect to ${hostname} (${address}, ${range} address); use --allow-private or an allow-list entry to permit it`,
    {
      details: { hostname, address, range },
    },
  );
}

/**
 * Throws SSRF_BLOCKED when `hostname` is an IP literal that is not public and not allowed.
 * DNS names pass here; they are checked after resolution by `createGuardedLookup`.
 */
export function assertHostLiteralAllowed(policy: SsrfPolicy, hostname: string): void {
  if (policy.allowPrivate) return;
  const ip = classifyIpAddress(hostname.startsWith('[') ? hostname.slice(1, -1) : hostname);
  if (ip === null || !ip.blocked) return;
  if (policy.allowHosts.has(ip.embeddedIpv4 ?? ip.address)) return;
  throw blockedError(hostname, ip.address, ip.range);
}

interface LookupAddress {
  address: string;
  family: number;
}

/**
 * Wraps a `dns.lookup`-compatible function: resolves all addresses, refuses the connection when any
 * of them is not public (fail closed: a name mixing public and private records is treated as hostile),
 * and hands the checked addresses to `net.connect`.
 */
export function createGuardedLookup(policy: SsrfPolicy, base: LookupFunction = dnsLookup as LookupFunction): LookupFunction {
  const guarded = (hostname: string, options: unknown, callback: unknown): void => {
    const opts = (typeof options === 'object' && options !== null ? options : {}) as Record<string, unknown>;
    const cb = (typeof options === 'function' ? options : callback) as (
      err: Error | null,
      address?: string | LookupAddress[],
      family?: number,
    ) => void;
    const hostAllowed = policy.allowPrivate || policy.allowHosts.has(normalizeHostForPolicy(hostname));
    base(hostname, { ...opts, all: true }, (err, addresses) => {
      if (err) {
        cb(err);
        return;
      }
      const list = (Array.isArray(addresses) ? addresses : [{ address: String(addresses), family: 0 }]) as LookupAddress[];
      if (list.length === 0) {
        cb(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND', hostname }));
        return;
      }
      if (!hostAllowed) {
        for (const entry of list) {
          const ip = classifyIpAddress(entry.address);
          if (ip === null) {
            cb(blockedError(hostname, entry.address, 'unparseable'));
            return;
          }
          if (ip.blocked && !policy.allowHosts.has(ip.embeddedIpv4 ?? ip.address)) {
            cb(blockedError(hostname, ip.address, ip.range));
            return;
          }
        }
      }
      if (opts.all === true) {
        cb(null, list);
        return;
      }
      const first = list[0] as LookupAddress;
      cb(null, first.address, first.family);
    });
  };
  return guarded as LookupFunction;
}

export interface GuardedConnectorOptions {
  policy: SsrfPolicy;
  lookup?: LookupFunction;
  /** TCP/TLS connect timeout (undici default 10 s, same as Nutch/StormCrawler `http.timeout`). */
  connectTimeoutMs?: number;
  /** Read sockets into reused buffers (see socket-read-buffers.ts); sockets are tracked per origin. */
  readBuffers?: SocketReadBuffers;
  /** Extra trusted CA certificates (PEM) for HTTPS, replacing Node's bundled list (tests, private CAs). */
  ca?: string | Buffer | Array<string | Buffer>;
}

/**
 * An undici connector that checks IP literals itself and resolves names through the guarded lookup.
 * Used as `new Agent({ connect })`, so every connection the fetcher opens — first hop, redirect hop,
 * robots.txt — passes the guard.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const readBuffers = options.readBuffers;
  const connect = buildConnector({
    lookup: createGuardedLookup(options.policy, options.lookup),
    timeout: options.connectTimeoutMs ?? 10_000,
    ...(options.ca === undefined ? {} : { ca: options.ca }),
    // Passed on to net.connect / tls.connect (undici spreads its options into them).
    ...(readBuffers === undefined ? {} : ({ onread: readBuffers.onread } as object)),
  });
  return (opts, callback) => {
    try {
      assertHostLiteralAllowed(options.policy, opts.hostname);
    } catch (error) {
      callback(error as Error, null);
      return;
    }
    if (readBuffers === undefined) {
      connect(opts, callback);
      return;
    }
    connect(opts, (...args) => {
      const socket = args[1];
      if (socket) readBuffers.track(socket, originKey({ protocol: opts.protocol, host: opts.host ?? opts.hostname }));
      callback(...args);
    });
  };
}
