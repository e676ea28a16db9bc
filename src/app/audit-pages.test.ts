import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { openStore, type Store } from '../store/open-store.js';
import { countRows, findPage } from '../store/pages-repository.js';
import { auditPages } from './audit-pages.js';
import type { FetchedPage, PageFetcher } from './ports.js';

const page = (links: string) =>
  `<!doctype html><html><head><title>T</title></head><body><article><h1>Title</h1><p>Some text of the article, long enough to be content. ${links}</p></article></body></html>`;

class FakeFetcher implements PageFetcher {
  readonly calls: { url: string; etag?: string | null }[] = [];
  constructor(private readonly respond: (url: string, etag: string | null | undefined) => Partial<FetchedPage> | Error) {}
  async fetch(request: { url: string; etag?: string | null; lastModified?: string | null }): Promise<FetchedPage> {
    this.calls.push({ url: request.url, etag: request.etag });
    const r = this.respond(request.url, request.etag);
    if (r instanceof Error) throw r;
    const body = Buffer.from(r.text ?? '');
    return {
      requestedUrl: request.url,
      finalUrl: request.url,
      status: 200,
      headers: { 'content-type': ['text/html; charset=utf-8'] },
      redirects: [],
      body,
      text: r.text ?? '',
      encoding: 'utf-8',
      contentType: 'text/html; charset=utf-8',
      truncated: false,
      notModified: false,
      challenge: false,
      fetchedAt: '2026-11-25T00:00:00.000Z',
      etag: null,
      lastModified: null,
      ...r,
    };
  }
  async close() {}
}

const clock = { now: () => Date.parse('2026-11-25T12:00:00.000Z') };

describe('auditPages', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lw-app-'));
    store = await openStore({ location: join(dir, 'a.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('replays the stored snapshot when the server answers 304', async () => {
    const html = page('<a href="https://example.com/x">x</a>');
    const fetcher = new FakeFetcher((_url, etag) =>
      etag === '"v1"' ? { status: 304, notModified: true, text: '', etag: '"v1"' } : { text: html, etag: '"v1"' },
    );
    const first = await auditPages(
      { fetcher, clock, store },
      { inputs: [{ kind: 'url', url: 'https://blog.test/a' }], sites: ['example.com'] },
    );
    expect(first.audits[0]?.links).toHaveLength(1);
    const second = await auditPages(
      { fetcher, clock, store },
      { inputs: [{ kind: 'url', url: 'https://blog.test/a' }], sites: ['example.com'] },
    );
    expect(fetcher.calls.map((c) => c.etag)).toEqual([null, '"v1"']);
    expect(second.audits[0]?.links.map((l) => l.url)).toEqual(['https://example.com/x']);
    expect(second.audits[0]?.status).toBe(200);
    expect(await countRows(store.db, 'snapshots')).toBe(1);
  });

  it('records coded failures and keeps going with the other pages', async () => {
    const fetcher = new FakeFetcher((url) =>
      url.endsWith('/bad')
        ? new LinkwrightError('FETCH_TIMEOUT', 'deadline of 30000 ms passed', { url })
        : { text: page('<a href="https://example.com/y">y</a>') },
    );
    const outcome = await auditPages(
      { fetcher, clock, store },
      {
        inputs: [
          { kind: 'url', url: 'https://blog.test/bad' },
          { kind: 'url', url: 'https://blog.test/good' },
        ],
        sites: ['example.com'],
      },
    );
    expect(outcome.failures).toEqual([{ input: 'https://blog.test/bad', code: 'FETCH_TIMEOUT', message: 'deadline of 30000 ms passed' }]);
    expect(outcome.audits.map((a) => a.url)).toEqual(['https://blog.test/good']);
    expect((await findPage(store.db, 'https://blog.test/bad'))?.errorCode).toBe('FETCH_TIMEOUT');
  });

  it('checks each distinct target once', async () => {
    const fetcher = new FakeFetcher((url) =>
      url.startsWith('https://example.com/')
        ? { text: 'ok', status: url.endsWith('gone') ? 404 : 200 }
        : {
            text: page(
              '<a href="https://example.com/ok">1</a> <a href="https://example.com/ok">2</a> <a href="https://example.com/gone">3</a>',
            ),
          },
    );
    const outcome = await auditPages(
      { fetcher, clock },
      { inputs: [{ kind: 'url', url: 'https://blog.test/p' }], sites: ['example.com'], checkTargets: true },
    );
    expect(fetcher.calls.map((c) => c.url)).toEqual(['https://blog.test/p', 'https://example.com/ok', 'https://example.com/gone']);
    expect(outcome.audits[0]?.links.map((l) => [l.target?.status, l.target?.ok])).toEqual([
      [200, true],
      [200, true],
      [404, false],
    ]);
  });

  it('audits a saved file as if fetched from its original URL', async () => {
    const file = join(dir, 'saved.html');
    writeFileSync(file, page('<a href="/relative">rel</a>'));
    const fetcher = new FakeFetcher(() => new Error('must not fetch'));
    const outcome = await auditPages(
      { fetcher, clock, store },
      { inputs: [{ kind: 'file', path: file, url: 'https://example.com/post' }], sites: ['example.com'] },
    );
    expect(outcome.audits[0]).toMatchObject({ source: 'file', status: null, url: 'https://example.com/post' });
    expect(outcome.audits[0]?.links[0]?.url).toBe('https://example.com/relative');
    expect(fetcher.calls).toEqual([]);
  });

  it('names a missing file in the failure', async () => {
    const fetcher = new FakeFetcher(() => new Error('must not fetch'));
    const outcome = await auditPages(
      { fetcher, clock },
      { inputs: [{ kind: 'file', path: join(dir, 'missing.html') }], sites: ['example.com'] },
    );
    expect(outcome.failures[0]?.code).toBe('INPUT_NOT_FOUND');
    expect(outcome.failures[0]?.message).toContain('missing.html');
  });

  it('a resumed run reports the saved files the interrupted run already did', async () => {
    const file = join(dir, 'saved.html');
    writeFileSync(file, page('<a href="https://example.com/from-file">f</a>'));
    const request = {
      inputs: [
        { kind: 'file' as const, path: file },
        { kind: 'url' as const, url: 'https://medium.com/@a/live-1234' },
      ],
      sites: ['example.com'],
    };
    let live = 0;
    const fetcher = new FakeFetcher(() => {
      live++;
      return live === 1
        ? new LinkwrightError('FETCH_NETWORK', 'connection reset')
        : { text: page('<a href="https://example.com/live">l</a>') };
    });
    await auditPages({ fetcher, clock, store }, request);
    // As if the process had been killed before the run ended: the URL item is still to do.
    await store.db.updateTable('audit_runs').set({ status: 'running', finished_at: null }).execute();
    await store.db.updateTable('audit_run_items').set({ state: 'pending' }).where('position', '=', 1).execute();
    const resumed = await auditPages({ fetcher, clock, store }, request);
    expect(resumed.resumedSkipped).toBe(1);
    expect(resumed.audits.map((a) => a.links.map((l) => l.url))).toEqual([['https://example.com/from-file'], ['https://example.com/live']]);
  });

  it('refuses a saved file that is binary data, naming it', async () => {
    const file = join(dir, 'program.html');
    writeFileSync(file, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00]));
    const outcome = await auditPages(
      { fetcher: new FakeFetcher(() => ({})), clock },
      { inputs: [{ kind: 'file', path: file }], sites: ['example.com'] },
    );
    expect(outcome.failures[0]).toMatchObject({ code: 'INVALID_INPUT' });
    expect(outcome.failures[0]?.message).toContain('program.html is not an HTML page');
  });
});
