/**
 * Kysely-style contract testing: the same suite runs on every dialect. SQLite always runs;
 * PostgreSQL runs when LINKWRIGHT_PG_URL names a server (`.ci/run` starts one), skips with a clear
 * message otherwise, and fails instead of skipping under LINKWRIGHT_REQUIRE_ALL=1.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open-store.js';
import { requireAll } from './shared-data.js';

export interface DialectContext {
  /** A fresh, migrated, empty store for the current test. */
  store(): Store;
  dialect: 'sqlite' | 'postgres';
}

const pgUrl = process.env.LINKWRIGHT_PG_URL;

async function createPgDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lw_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function describeEachDialect(name: string, fn: (ctx: DialectContext) => void): void {
  describe(`${name} [sqlite]`, () => {
    let current: Store | undefined;
    let dir: string | undefined;
    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'lw-store-'));
      current = await openStore({ location: join(dir, 'test.db') });
    });
    afterEach(async () => {
      await current?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });
    fn({
      dialect: 'sqlite',
      store: () => {
        if (!current) throw new Error('store not open');
        return current;
      },
    });
  });

  if (!pgUrl) {
    const message = 'LINKWRIGHT_PG_URL is not set (no PostgreSQL server; `.ci/run` starts one)';
    if (requireAll) {
      describe(`${name} [postgres]`, () => {
        it('has a PostgreSQL server', () => {
          throw new Error(`${message}; LINKWRIGHT_REQUIRE_ALL=1 forbids skipping`);
        });
      });
    } else {
      describe.skip(`${name} [postgres] — skipped: ${message}`, () => fn({ dialect: 'postgres', store: () => { throw new Error('skipped'); } }));
    }
    return;
  }

  describe(`${name} [postgres]`, () => {
    let current: Store | undefined;
    let database: { url: string; drop(): Promise<void> } | undefined;
    beforeEach(async () => {
      database = await createPgDatabase(pgUrl);
      current = await openStore({ location: database.url });
    });
    afterEach(async () => {
      await current?.close();
      await database?.drop();
    });
    fn({
      dialect: 'postgres',
      store: () => {
        if (!current) throw new Error('store not open');
        return current;
      },
    });
  });
}
