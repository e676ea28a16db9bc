import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { exchangeCapped } from './capped-exchange.js';
import { startHttpServer } from './loopback.test-support.js';
import { READ_BUFFER_BYTES, SocketReadBuffers } from './socket-read-buffers.js';
import { createGuardedConnector, createSsrfPolicy } from './ssrf-guard.js';

/** Deterministic bytes that differ everywhere, so a buffer overwritten too early shows up. */
function patternBytes(length: number, seed = 1): Buffer {
  const out = Buffer.allocUnsafe(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

interface FakeSocket {
  pushed: Buffer[];
  readableLength: number;
  push(chunk: Buffer): boolean;
  destroy(error?: Error): void;
}

function fakeSocket(): FakeSocket {
  return {
    pushed: [],
    readableLength: 0,
    push(chunk) {
      this.pushed.push(chunk);
      this.readableLength += chunk.length;
      return true;
    },
    destroy() {},
  };
}

/** What Node does on a socket read: call back with the buffer it read into, then ask for the next one. */
function read(buffers: SocketReadBuffers, socket: FakeSocket, into: Buffer, bytes: number): Buffer {
  into.fill(bytes & 0xff, 0, bytes);
  buffers.onread.callback.call(socket as unknown as Socket, bytes, into);
  return buffers.onread.buffer();
}

describe('SocketReadBuffers (the onread buffer rotation)', () => {
  it('copies reads while the origin is not borrowing, and reads into the same buffer again', () => {
    const buffers = new SocketReadBuffers();
    const socket = fakeSocket();
    buffers.track(socket as unknown as Socket, 'http://a.test');
    const first = buffers.onread.buffer();
    expect(first.length).toBe(READ_BUFFER_BYTES);
    const next = read(buffers, socket, first, 10);
    expect(next).toBe(first);
    expect(socket.pushed[0]?.buffer).not.toBe(first.buffer);
    expect([...(socket.pushed[0] ?? [])]).toEqual(Array(10).fill(10));
    expect(buffers.stats).toEqual({ lent: 0, copied: 1, freshBuffers: 0 });
  });

  it('lends views while borrowing, alternating two buffers, and takes a fresh one when a view is still unread', () => {
    const buffers = new SocketReadBuffers();
    const socket = fakeSocket();
    buffers.track(socket as unknown as Socket, 'http://a.test');
    buffers.setBorrowing('http://a.test', true);
    const a = buffers.onread.buffer();
    const b = read(buffers, socket, a, 5);
    expect(socket.pushed[0]?.buffer).toBe(a.buffer); // a view, no copy
    expect(b).not.toBe(a);
    socket.readableLength = 0; // the consumer took it
    const again = read(buffers, socket, b, 6);
    expect(again).toBe(a); // a's view was consumed: a is free again
    // The consumer stalls: b's view is still queued when the next read arrives in a.
    const fresh = read(buffers, socket, again, 7);
    expect(fresh).not.toBe(a);
    expect(fresh).not.toBe(b);
    expect([...(socket.pushed[1] ?? [])]).toEqual(Array(6).fill(6)); // b's view still intact
    expect(buffers.stats).toMatchObject({ lent: 3, copied: 0, freshBuffers: 1 });
    buffers.setBorrowing('http://a.test', false);
    read(buffers, socket, fresh, 8);
    expect(socket.pushed[3]?.buffer).not.toBe(fresh.buffer);
  });

  it('only lends for the origin that is borrowing', () => {
    const buffers = new SocketReadBuffers();
    const mine = fakeSocket();
    const other = fakeSocket();
    buffers.track(mine as unknown as Socket, 'http://a.test');
    buffers.track(other as unknown as Socket, 'http://b.test');
    buffers.setBorrowing('http://a.test', true);
    const m = buffers.onread.buffer();
    const o = buffers.onread.buffer();
    read(buffers, mine, m, 3);
    read(buffers, other, o, 3);
    expect(mine.pushed[0]?.buffer).toBe(m.buffer);
    expect(other.pushed[0]?.buffer).not.toBe(o.buffer);
  });
});

describe('reused socket buffers under undici (bytes stay exact)', () => {
  const closers: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()?.();
  });

  function agentWith(buffers: SocketReadBuffers, ca?: string): Agent {
    const agent = new Agent({
      connections: 1,
      pipelining: 1,
      connect: createGuardedConnector({ policy: createSsrfPolicy(true), readBuffers: buffers, ...(ca === undefined ? {} : { ca }) }),
    });
    closers.push(() => agent.close());
    return agent;
  }

  const get = (agent: Agent, buffers: SocketReadBuffers, url: string, maxBodyBytes = 64 * 1024 * 1024) =>
    exchangeCapped(agent, buffers, {
      url: new URL(url),
      headers: { 'user-agent': 'linkwright-test' },
      caps: { maxBodyBytes, maxDecompressedBytes: maxBodyBytes },
      signal: new AbortController().signal,
      headersTimeoutMs: 10_000,
      bodyTimeoutMs: 10_000,
      redirectStatuses: new Set([301, 302, 303, 307, 308]),
      redirectDrainBytes: 64 * 1024,
    });

  it('keeps a 3 MiB Content-Length body and a chunked body byte-exact, on one kept-alive connection', async () => {
    const big = patternBytes(3 * 1024 * 1024, 7);
    const server = await startHttpServer((req, res) => {
      if (req.url === '/chunked') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        // Chunk sizes that do not line up with the 64 KiB reads.
        let at = 0;
        let size = 1;
        while (at < big.length) {
          res.write(big.subarray(at, at + size));
          at += size;
          size = (size * 7 + 3) % 90_001;
        }
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': big.length, 'x-check': 'first' });
      res.end(big);
    });
    closers.push(() => server.close());
    const buffers = new SocketReadBuffers();
    const agent = agentWith(buffers);
    const plain = await get(agent, buffers, `${server.origin}/plain`);
    expect(plain.headers['x-check']).toBe('first');
    expect(plain.body?.body.equals(big)).toBe(true);
    const chunked = await get(agent, buffers, `${server.origin}/chunked`);
    expect(chunked.body?.body.equals(big)).toBe(true);
    expect(server.connections).toBe(1);
    expect(buffers.stats.lent).toBeGreaterThan(10);
  });

  it('keeps header bytes intact when the header block spans several reads', async () => {
    const body = patternBytes(400_000, 3);
    const longValue = 'v'.repeat(6000);
    const raw: Server = createNetServer((socket) => {
      socket.once('data', async () => {
        const head = `HTTP/1.1 200 OK\r\ncontent-length: ${body.length}\r\nx-long: ${longValue}\r\nx-after: `;
        socket.write(head);
        await new Promise((r) => setTimeout(r, 30));
        socket.write('tail-value\r\nx-last: 1\r\n\r\n');
        await new Promise((r) => setTimeout(r, 30));
        socket.write(body.subarray(0, 1000));
        await new Promise((r) => setTimeout(r, 30));
        socket.end(body.subarray(1000));
      });
    });
    raw.listen(0, '127.0.0.1');
    await once(raw, 'listening');
    closers.push(async () => raw.close());
    const port = (raw.address() as { port: number }).port;
    const buffers = new SocketReadBuffers();
    const response = await get(agentWith(buffers), buffers, `http://127.0.0.1:${port}/`);
    expect(response.headers['x-long']).toBe(longValue);
    expect(response.headers['x-after']).toBe('tail-value');
    expect(response.headers['x-last']).toBe('1');
    expect(response.body?.body.equals(body)).toBe(true);
    expect(buffers.stats.lent).toBeGreaterThan(0);
  });

  it('a gzip body (decoders keep chunks) is copied, not lent, and inflates exactly', async () => {
    const html = Buffer.from(Array.from({ length: 40_000 }, (_, i) => `<p>${i}</p>`).join(''));
    const gz = gzipSync(html);
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': gz.length });
      res.end(gz);
    });
    closers.push(() => server.close());
    const buffers = new SocketReadBuffers();
    const response = await get(agentWith(buffers), buffers, `${server.origin}/`);
    expect(response.body?.body.equals(html)).toBe(true);
    expect(response.body?.decodedCodings).toEqual(['gzip']);
    expect(buffers.stats.lent).toBe(0);
  });

  it('works over TLS too (tls.connect honours onread)', async () => {
    const cert = readFileSync(new URL('../../test/fixtures/tls/localhost-cert.pem', import.meta.url), 'utf8');
    const key = readFileSync(new URL('../../test/fixtures/tls/localhost-key.pem', import.meta.url), 'utf8');
    const big = patternBytes(2 * 1024 * 1024, 11);
    const server = createHttpsServer({ cert, key }, (_req, res) => {
      res.writeHead(200, { 'content-length': big.length });
      res.end(big);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    closers.push(async () => {
      server.closeAllConnections();
      server.close();
    });
    const port = (server.address() as { port: number }).port;
    const buffers = new SocketReadBuffers();
    const response = await get(agentWith(buffers, cert), buffers, `https://localhost:${port}/`);
    expect(response.status).toBe(200);
    expect(response.body?.body.equals(big)).toBe(true);
    expect(buffers.stats.lent).toBeGreaterThan(10);
  });

  it('stops at the cap: prefix exact, truncated, connection closed so the rest is never sent', async () => {
    const total = 64 * 1024 * 1024;
    const piece = patternBytes(1024 * 1024, 5);
    let sent = 0;
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-length': total });
      const pump = (): void => {
        while (sent < total && !res.destroyed) {
          sent += piece.length;
          if (!res.write(piece)) return;
        }
        if (sent >= total) res.end();
      };
      res.on('drain', pump);
      pump();
    });
    closers.push(() => server.close());
    const buffers = new SocketReadBuffers();
    const response = await get(agentWith(buffers), buffers, `${server.origin}/`, 1_000_000);
    expect(response.body?.truncated).toBe(true);
    expect(response.body?.body.equals(piece.subarray(0, 1_000_000))).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(sent).toBeLessThan(total / 2);
  });
});
