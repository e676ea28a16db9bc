/**
 * Opens the store: SQLite (better-sqlite3 12, the embedded default) or PostgreSQL (team mode) behind
 * one Kysely instance, and brings the schema up to date with Kysely's Migrator.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import * as m0001 from './migrations/0001-foundation.js';
import * as m0002 from './migrations/0002-medium.js';
import * as m0003 from './migrations/0003-outreach.js';
import * as m0004 from './migrations/0004-content.js';
import type { Database } from './schema.js';

export type StoreDialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: StoreDialect;
  /** Where it lives: the SQLite file path or the PostgreSQL URL without password. */
  location: string;
  close(): Promise<void>;
}

/** Migrations are listed in code (not read from a folder) so the built package needs no file scanning. */
const MIGRATIONS: Record<string, Migration> = {
  '0001-foundation': m0001,
  '0002-medium': m0002,
  '0003-outreach': m0003,
  '0004-content': m0004,
};

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

let pgTypesConfigured = false;
/** pg returns int8/numeric as strings (notes/stack.md §4 fix 3); our counts and ids are safe integers. */
function configurePgTypes(): void {
  if (pgTypesConfigured) return;
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  pgTypesConfigured = true;
}

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function redactUrl(location: string): string {
  try {
    const u = new URL(location);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return location;
  }
}

export interface OpenStoreOptions {
  /** SQLite file path, `:memory:`, or a `postgres://` URL. */
  location: string;
  /** Run pending migrations (default true). */
  migrate?: boolean;
}

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { location } = options;
  let db: Kysely<Database>;
  let dialect: StoreDialect;
  if (isPostgresUrl(location)) {
    configurePgTypes();
    dialect = 'postgres';
    db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: location, max: 4 }) }),
    });
  } else {
    dialect = 'sqlite';
    let sqlite: BetterSqlite3.Database | undefined;
    try {
      if (location !== ':memory:') mkdirSync(dirname(resolve(location)), { recursive: true });
      sqlite = new BetterSqlite3(location);
      // WAL: every committed transaction survives a kill -9 (sqlite.org/wal.html); NORMAL is crash-safe
      // in WAL (only power loss may roll back the last commits). busy_timeout ≥ 5 s so the dashboard
      // reading during a crawl never surfaces SQLITE_BUSY (reliability.md D1/D2). Setting WAL is also
      // the first read of the file: a file that is not a database fails here, as a config error.
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('synchronous = NORMAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.pragma('foreign_keys = ON');
    } catch (cause) {
      sqlite?.close();
      const reason =
        (cause as NodeJS.ErrnoException).code === 'EEXIST' || (cause as NodeJS.ErrnoException).code === 'ENOTDIR'
          ? 'its folder cannot be created (a file is in the way)'
          : (cause as Error).message;
      throw new LinkwrightError('CONFIG_INVALID', `cannot open database ${location}: ${reason}`, { cause });
    }
    db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  }

  if (options.migrate !== false) {
    const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      await db.destroy();
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new LinkwrightError('STORE_ERROR', `migration ${failed} failed on ${redactUrl(location)}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  return {
    db,
    dialect,
    location: redactUrl(location),
    close: () => db.destroy(),
  };
}
