import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { validateWebhookUrl, WebhookSender } from './webhook-sender.js';

let server: Server;
let base: string;
const received: { path: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      if (req.url === '/moved') {
        res.writeHead(307, { location: '/hook' });
        res.end();
      } else if (req.url === '/slow') {
        setTimeout(() => res.end('late'), 1_500);
      } else {
        res.writeHead(req.url === '/broken' ? 500 : 200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

async function thrown(p: Promise<unknown>): Promise<LinkwrightError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof LinkwrightError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('WebhookSender', () => {
  it('refuses loopback receivers unless private addresses are allowed (SSRF guard)', async () => {
    const sender = new WebhookSender();
    try {
      const error = await thrown(sender.post(`${base}/hook`, '{}'));
      expect(error.code).toBe('SSRF_BLOCKED');
      expect(received).toHaveLength(0);
    } finally {
      await sender.close();
    }
  });

  it('POSTs JSON with an honest user agent, returns any status, and never follows a redirect', async () => {
    const sender = new WebhookSender({ allowPrivate: true });
    try {
      expect(await sender.post(`${base}/hook`, '{"a":1}', { 'x-linkwright-event': 'placement.lost' })).toEqual({ status: 200 });
      const hit = received.at(-1);
      expect(hit?.body).toBe('{"a":1}');
      expect(hit?.headers['content-type']).toBe('application/json');
      expect(hit?.headers['x-linkwright-event']).toBe('placement.lost');
      expect(hit?.headers['user-agent']).toMatch(/^Linkwright\//);
      expect(await sender.post(`${base}/broken`, '{}')).toEqual({ status: 500 });
      const count = received.length;
      expect(await sender.post(`${base}/moved`, '{}')).toEqual({ status: 307 });
      expect(received.length).toBe(count + 1);
    } finally {
      await sender.close();
    }
  });

  it('times out a receiver that does not answer in time', async () => {
    const sender = new WebhookSender({ allowPrivate: true, timeoutMs: 300 });
    try {
      const error = await thrown(sender.post(`${base}/slow`, '{}'));
      expect(error.code).toBe('FETCH_TIMEOUT');
      expect(error.retryable).toBe(true);
    } finally {
      await sender.close();
    }
  });

  it('accepts only http(s) URLs without credentials', () => {
    expect(validateWebhookUrl('https://hooks.example.com/x?k=1').href).toBe('https://hooks.example.com/x?k=1');
    expect(() => validateWebhookUrl('ftp://example.com/')).toThrow(/http\(s\) URL/);
    expect(() => validateWebhookUrl('https://user:pw@example.com/')).toThrow(/user name or password/);
  });
});
