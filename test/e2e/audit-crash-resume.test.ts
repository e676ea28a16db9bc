/**
 * kill -9 during a 1,000-page audit run loses no committed row, and running the same command again
 * completes the rest without duplicates (reliability.md R9/D1: SQLite WAL keeps every committed
 * transaction through an application crash).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess, spawnCli } from '../support/run-cli.js';

const PAGES = 1000;
const HOSTS = 8; // 127.0.0.1 … 127.0.0.8: several hosts, so the per-host queues run side by side
const LINKS_PER_PAGE = 5;

function page(i: number): string {
  const links = Array.from({ length: LINKS_PER_PAGE }, (_, k) => `<p>Read <a href="https://example.com/guide-${i}-${k}">guide ${k}</a>.</p>`).join('');
  return `<!doctype html><html><head><title>Page ${i}</title></head><body><article><h1>Page ${i}</h1>${links}</article></body></html>`;
}

describe('audit run survives kill -9', () => {
  const servers: Server[] = [];
  let dir: string;
  let served = 0;
  let urlsFile: string;
  let dbFile: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lw-crash-'));
    dbFile = join(dir, 'crash.db');
    let port = 0;
    for (let h = 1; h <= HOSTS; h++) {
      const server = createServer((req, res) => {
        served++;
        if (req.url === '/robots.txt') {
          res.writeHead(404).end();
          return;
        }
        const i = Number(req.url?.split('/').pop());
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(i));
      });
      await new Promise<void>((resolve) => server.listen(port, `127.0.0.${h}`, resolve));
      port = (server.address() as AddressInfo).port;
      servers.push(server);
    }
    const urls = Array.from({ length: PAGES }, (_, i) => `http://127.0.0.${(i % HOSTS) + 1}:${port}/p/${i}`);
    urlsFile = join(dir, 'urls.txt');
    writeFileSync(urlsFile, `# 1,000 pages\n${urls.join('\n')}\n`);
  });

  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every committed row and completes the rest on re-run, with no duplicates', { timeout: 240_000 }, async () => {
    const args = ['audit', '--from-file', urlsFile, '--site', 'example.com', '--db', dbFile, '--allow-private', '--delay', '0', '--concurrency', '8', '--json'];
    const first = spawnCli(args);
    // Wait until a good part of the run is committed, then kill -9 mid-run.
    let committedBeforeKill: { url: string; links: number }[] = [];
    const deadline = Date.now() + 180_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        const reader = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
        reader.pragma('busy_timeout = 5000');
        const done = reader.prepare("select count(*) n from audit_run_items where state = 'done'").get() as { n: number };
        if (done.n >= 200) {
          first.child.kill('SIGKILL');
          committedBeforeKill = reader
            .prepare('select p.url, count(l.id) links from pages p left join links l on l.page_id = p.id group by p.id')
            .all() as { url: string; links: number }[];
          reader.close();
          break;
        }
        reader.close();
      } catch {
        // the database or its tables do not exist yet
      }
    }
    const killed = await first.done;
    expect(killed.signal).toBe('SIGKILL');
    expect(committedBeforeKill.length).toBeGreaterThanOrEqual(200);
    expect(committedBeforeKill.length).toBeLessThan(PAGES);

    const check = new BetterSqlite3(dbFile);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    const afterKill = new Map((check.prepare('select p.url, count(l.id) links from pages p left join links l on l.page_id = p.id group by p.id').all() as { url: string; links: number }[]).map((r) => [r.url, r.links]));
    for (const row of committedBeforeKill) expect(afterKill.get(row.url)).toBe(row.links);
    const doneBeforeRerun = (check.prepare("select count(*) n from audit_run_items where state = 'done'").get() as { n: number }).n;
    check.close();

    served = 0;
    const second = await runCliProcess(args);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const output = JSON.parse(second.stdout) as { pages: { url: string; links: unknown[] }[]; failures: unknown[] };
    expect(output.failures).toEqual([]);
    expect(output.pages).toHaveLength(PAGES);
    expect(output.pages.every((p) => p.links.length === LINKS_PER_PAGE)).toBe(true);
    // Only the unfinished pages (plus robots.txt, one per host) were fetched again.
    expect(served).toBeLessThanOrEqual(PAGES - doneBeforeRerun + HOSTS);

    const db = new BetterSqlite3(dbFile, { readonly: true });
    expect((db.prepare('select count(*) n from pages').get() as { n: number }).n).toBe(PAGES);
    expect((db.prepare('select count(*) n from links').get() as { n: number }).n).toBe(PAGES * LINKS_PER_PAGE);
    const duplicates = db.prepare('select url, count(*) n from pages group by url having n > 1').all();
    expect(duplicates).toEqual([]);
    const runs = db.prepare('select status, total from audit_runs').all();
    expect(runs).toEqual([{ status: 'finished', total: PAGES }]);
    db.close();
  });
});
