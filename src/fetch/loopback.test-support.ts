/**
 * Test-only helpers for the fetch suites: hostile HTTP servers on 127.0.0.1 that count connections,
 * requests in flight and request times, a fake DNS resolver, a fake clock and a memory sampler.
 * Every server is started and closed by the test that uses it; nothing leaves loopback.
 * (Not a `*.test.ts` file, so vitest does not run it; the build should exclude `*.test-support.ts`.)
 */
import { once } from 'node:events';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { LookupFunction } from 'node:net';
import { createServer as createNetServer, type Socket } from 'node:net';
import type { FetchClock } from './fetch-clock.js';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** performance-independent wall times (Date.now) of the request start and response end. */
  startedAt: number;
  endedAt: number | null;
}

export interface LoopbackServer {
  port: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Origin with another host name (resolved to 127.0.0.1 by `lookupTo`). */
  originFor(host: string): string;
  /** TCP connections accepted so far. */
  readonly connections: number;
  readonly requests: RecordedRequest[];
  /** Most requests that were being answered at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => unknown;

/** An HTTP server on 127.0.0.1 with an ephemeral port. */
export async function startHttpServer(handler: Handler): Promise<LoopbackServer> {
  let connections = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createHttpServer((req, res) => {
    const rec: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      headers: req.headers,
      startedAt: Date.now(),
      endedAt: null,
    };
    requests.push(rec);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight--;
      rec.endedAt = Date.now();
    });
    Promise.resolve(handler(req, res, rec)).catch((error: unknown) => {
      res.destroy(error as Error);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const port = address.port;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    originFor: (host) => `http://${host}:${port}`,
    get connections() {
      return connections;
    },
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A raw TCP server (for responses no HTTP library would produce, e.g. headers trickled byte by byte). */
export async function startRawServer(
  onSocket: (socket: Socket) => void,
): Promise<{ port: number; origin: string; readonly connections: number; close(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    port: address.port,
    origin: `http://127.0.0.1:${address.port}`,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A dns.lookup stand-in: names in `table` resolve to the given address, others fail with ENOTFOUND. */
export function lookupTo(table: Record<string, string>): LookupFunction & { readonly calls: string[] } {
  const calls: string[] = [];
  const fn = (hostname: string, options: unknown, callback?: unknown): void => {
    const cb = (typeof options === 'function' ? options : callback) as (err: Error | null, address?: unknown, family?: number) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as { all?: boolean };
    calls.push(hostname);
    const address = table[hostname];
    setImmediate(() => {
      if (address === undefined) {
        cb(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname }));
        return;
      }
      const family = address.includes(':') ? 6 : 4;
      if (opts.all === true) cb(null, [{ address, family }]);
      else cb(null, address, family);
    });
  };
  return Object.assign(fn as unknown as LookupFunction, { calls });
}

/** A clock whose time only moves when told to; `sleep` advances it instantly. */
export class FakeClock implements FetchClock {
  readonly sleeps: number[] = [];
  constructor(public current = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (ms > 0) {
      this.sleeps.push(ms);
      this.current += ms;
    }
    await Promise.resolve();
  }
}

/** Resolves true on 'drain', false when the response closes first; removes both listeners. */
function drainOrClose(res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const onDrain = (): void => {
      res.off('close', onClose);
      resolve(true);
    };
    const onClose = (): void => {
      res.off('drain', onDrain);
      resolve(false);
    };
    res.once('drain', onDrain);
    res.once('close', onClose);
  });
}

/** Writes `chunk` repeatedly with backpressure until `totalBytes` (or forever when Infinity) or the client goes away. */
export async function streamRepeated(res: ServerResponse, chunk: Buffer, totalBytes: number): Promise<void> {
  let sent = 0;
  while (sent < totalBytes && !res.destroyed) {
    const piece = totalBytes - sent >= chunk.length ? chunk : chunk.subarray(0, totalBytes - sent);
    sent += piece.length;
    if (!res.write(piece) && !(await drainOrClose(res))) return;
  }
  if (!res.destroyed) res.end();
}
