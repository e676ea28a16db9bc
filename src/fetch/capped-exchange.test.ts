import { once } from 'node:events';
import { createServer as createNetServer } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { type CappedExchangeRequest, exchangeCapped } from './capped-exchange.js';
import { startHttpServer } from './loopback.test-support.js';

const closers: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

/** A raw TCP server on 127.0.0.1 that answers each connection's first request with `reply` and closes. */
async function answerEveryRequestWith(reply: string): Promise<number> {
  const raw = createNetServer((socket) => {
    socket.once('data', () => socket.end(reply));
  });
  raw.listen(0, '127.0.0.1');
  await once(raw, 'listening');
  closers.push(async () => raw.close());
  return (raw.address() as { port: number }).port;
}

function agent(): Agent {
  const a = new Agent({ connections: 1, pipelining: 1 });
  closers.push(() => a.close());
  return a;
}

function requestFor(url: string, extra: Partial<CappedExchangeRequest> = {}): CappedExchangeRequest {
  return {
    url: new URL(url),
    headers: {},
    caps: { maxBodyBytes: 1_000_000, maxDecompressedBytes: 1_000_000 },
    signal: new AbortController().signal,
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    redirectStatuses: new Set([301, 302, 303, 307, 308]),
    redirectDrainBytes: 1_000,
    ...extra,
  };
}

describe('exchangeCapped', () => {
  it('sends path and query (never the fragment) and returns status, headers and body', async () => {
    const server = await startHttpServer((req, res) => {
      res.writeHead(201, { 'x-path': req.url ?? '', 'set-cookie': ['a=1', 'b=2'] });
      res.end('hello');
    });
    closers.push(() => server.close());
    const r = await exchangeCapped(agent(), null, requestFor(`${server.origin}/p/q?x=1#frag`));
    expect(r.status).toBe(201);
    expect(r.headers['x-path']).toBe('/p/q?x=1');
    expect(r.headers['set-cookie']).toEqual(['a=1', 'b=2']);
    expect(r.body?.body.toString()).toBe('hello');
  });

  it('skips a 103 Early Hints answer and reads the final one', async () => {
    const port = await answerEveryRequestWith(
      'HTTP/1.1 103 Early Hints\r\nlink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok',
    );
    const r = await exchangeCapped(agent(), null, requestFor(`http://127.0.0.1:${port}/`));
    expect(r.status).toBe(200);
    expect(r.body?.body.toString()).toBe('ok');
  });

  it('drains only a little of a redirect body and returns no body for it', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(302, { location: '/next' });
      res.end(Buffer.alloc(50_000, 1));
    });
    closers.push(() => server.close());
    const r = await exchangeCapped(agent(), null, requestFor(`${server.origin}/`));
    expect(r.status).toBe(302);
    expect(r.headers.location).toBe('/next');
    expect(r.body).toBeNull();
  });

  it('still returns a redirect whose body breaks off while it is drained', async () => {
    const port = await answerEveryRequestWith('HTTP/1.1 301 Moved Permanently\r\nlocation: /there\r\ncontent-length: 100\r\n\r\nshort');
    const r = await exchangeCapped(agent(), null, requestFor(`http://127.0.0.1:${port}/`));
    expect([r.status, r.headers.location, r.body]).toEqual([301, '/there', null]);
  });

  it('a 304 or 204 with a Content-Length has an empty body, not a length-mismatch error', async () => {
    for (const status of ['304 Not Modified', '204 No Content']) {
      const port = await answerEveryRequestWith(`HTTP/1.1 ${status}\r\ncontent-length: 1234\r\n\r\n`);
      const r = await exchangeCapped(agent(), null, requestFor(`http://127.0.0.1:${port}/`));
      expect(r.status).toBe(Number(status.slice(0, 3)));
      expect(r.body?.body.length).toBe(0);
    }
  });

  it('a 200 whose body is shorter than its Content-Length is an error', async () => {
    const port = await answerEveryRequestWith('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort');
    await expect(exchangeCapped(agent(), null, requestFor(`http://127.0.0.1:${port}/`))).rejects.toBeInstanceOf(Error);
  });

  it('reports a decompression bomb as DECOMPRESSION_LIMIT', async () => {
    const bomb = gzipSync(Buffer.alloc(5_000_000));
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip' });
      res.end(bomb);
    });
    closers.push(() => server.close());
    await expect(exchangeCapped(agent(), null, requestFor(`${server.origin}/`))).rejects.toMatchObject({
      code: 'DECOMPRESSION_LIMIT',
    });
  });

  it('rejects with the abort reason: before the request starts and while the body streams', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200);
      res.write('partial');
      // never ends
    });
    closers.push(() => server.close());
    const before = new AbortController();
    const reason = new Error('stop now');
    before.abort(reason);
    await expect(exchangeCapped(agent(), null, requestFor(`${server.origin}/`, { signal: before.signal }))).rejects.toBe(reason);
    const during = new AbortController();
    setTimeout(() => during.abort(reason), 100);
    await expect(exchangeCapped(agent(), null, requestFor(`${server.origin}/`, { signal: during.signal }))).rejects.toBe(reason);
  });

  it('a body timeout from undici rejects (the fetcher maps it to FETCH_TIMEOUT)', async () => {
    const server = await startHttpServer((_req, res) => {
      res.writeHead(200);
      res.write('x');
    });
    closers.push(() => server.close());
    await expect(exchangeCapped(agent(), null, requestFor(`${server.origin}/`, { bodyTimeoutMs: 200 }))).rejects.toMatchObject({
      code: 'UND_ERR_BODY_TIMEOUT',
    });
  });
});
