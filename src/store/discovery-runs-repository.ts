/**
 * Discovery runs remember each fetch a `linkwright discover` made (feed, story page, profile, user feed) and
 * the snapshot it was read from. The same command after an interruption resumes its unfinished run: items
 * already `done` or `blocked` are replayed from their stored snapshot instead of being fetched again; `failed`
 * and `pending` items are tried again. Items are inserted as the run meets them (a run does not know its
 * stories before it has read the feeds).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export type DiscoveryItemState = 'pending' | 'done' | 'blocked' | 'failed';

export interface DiscoveryRun {
  id: number;
  runKey: string;
  resumed: boolean;
  startedAt: string;
}

export interface DiscoveryRunItem {
  itemKey: string;
  kind: string;
  url: string;
  state: DiscoveryItemState;
  snapshotId: number | null;
  errorCode: string | null;
  errorMessage: string | null;
  updatedAt: string;
}

export function discoveryItemKey(kind: string, url: string): string {
  return `${kind} ${url}`;
}

export async function startOrResumeDiscoveryRun(
  db: Kysely<Database>,
  input: { runKey: string; query: unknown; now: string; restart?: boolean },
): Promise<DiscoveryRun> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('discovery_runs')
      .select(['id', 'started_at'])
      .where('run_key', '=', input.runKey)
      .where('status', '=', 'running')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (open && !input.restart) return { id: open.id, runKey: input.runKey, resumed: true, startedAt: open.started_at };
    if (open) {
      await trx.updateTable('discovery_runs').set({ status: 'abandoned', finished_at: input.now }).where('id', '=', open.id).execute();
    }
    const row = await trx
      .insertInto('discovery_runs')
      .values({
        run_key: input.runKey,
        query_json: JSON.stringify(input.query),
        status: 'running',
        started_at: input.now,
        finished_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: row.id, runKey: input.runKey, resumed: false, startedAt: input.now };
  });
}

export async function discoveryRunItems(db: Db, runId: number): Promise<DiscoveryRunItem[]> {
  const rows = await db.selectFrom('discovery_run_items').selectAll().where('run_id', '=', runId).orderBy('id').execute();
  return rows.map((r) => ({
    itemKey: r.item_key,
    kind: r.kind,
    url: r.url,
    state: r.state as DiscoveryItemState,
    snapshotId: r.snapshot_id,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    updatedAt: r.updated_at,
  }));
}

/** Records (insert or update) the state of one item of a run. */
export async function recordDiscoveryItem(
  db: Db,
  input: {
    runId: number;
    kind: string;
    url: string;
    state: DiscoveryItemState;
    snapshotId?: number | null;
    errorCode?: string | null;
    errorMessage?: string | null;
    now: string;
  },
): Promise<void> {
  const values = {
    state: input.state,
    snapshot_id: input.snapshotId ?? null,
    error_code: input.errorCode ?? null,
    error_message: input.errorMessage ?? null,
    updated_at: input.now,
  };
  await db
    .insertInto('discovery_run_items')
    .values({ run_id: input.runId, item_key: discoveryItemKey(input.kind, input.url), kind: input.kind, url: input.url, ...values })
    .onConflict((oc) => oc.columns(['run_id', 'item_key']).doUpdateSet(values))
    .execute();
}

export async function finishDiscoveryRun(db: Db, runId: number, now: string): Promise<void> {
  await db.updateTable('discovery_runs').set({ status: 'finished', finished_at: now }).where('id', '=', runId).execute();
}

export async function countDiscoveryRuns(db: Db): Promise<number> {
  const row = await db
    .selectFrom('discovery_runs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
