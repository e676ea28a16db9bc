import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The user's own sites (`linkwright init --site`, `--site` on audit). Idempotent. */
export async function addSites(db: Kysely<Database>, domains: readonly string[], now: string): Promise<void> {
  for (const domain of domains) {
    await db
      .insertInto('sites')
      .values({ domain: domain.toLowerCase(), created_at: now })
      .onConflict((oc) => oc.column('domain').doNothing())
      .execute();
  }
}

export async function listSites(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('sites').select('domain').orderBy('domain').execute();
  return rows.map((row) => row.domain);
}
