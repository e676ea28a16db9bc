import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

export type RunItemState = 'pending' | 'done' | 'failed';

export interface AuditRun {
  id: number;
  runKey: string;
  status: 'running' | 'finished';
  total: number;
  resumed: boolean;
}

export interface RunItem {
  position: number;
  input: string;
  state: RunItemState;
}

/**
 * An audit run remembers its inputs so that the same command after a crash (kill -9, power cut)
 * resumes where it stopped: items already `done` are skipped, the rest are audited.
 */
export async function startOrResumeRun(
  db: Kysely<Database>,
  input: { runKey: string; inputs: readonly string[]; now: string; restart?: boolean },
): Promise<AuditRun> {
  return db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('audit_runs')
      .select(['id', 'total'])
      .where('run_key', '=', input.runKey)
      .where('status', '=', 'running')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (open && !input.restart) {
      return { id: open.id, runKey: input.runKey, status: 'running', total: open.total, resumed: true };
    }
    if (open) {
      await trx.updateTable('audit_runs').set({ status: 'abandoned', finished_at: input.now }).where('id', '=', open.id).execute();
    }
    const run = await trx
      .insertInto('audit_runs')
      .values({ run_key: input.runKey, status: 'running', total: input.inputs.length, started_at: input.now, finished_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Batched inserts keep a 10k-URL run fast on both dialects (parameter limits: 999 vars on old SQLite).
    const batchSize = 100;
    for (let start = 0; start < input.inputs.length; start += batchSize) {
      const batch = input.inputs.slice(start, start + batchSize).map((value, i) => ({
        run_id: run.id,
        position: start + i,
        input: value,
        state: 'pending',
        page_id: null,
        error_code: null,
        error_message: null,
        updated_at: input.now,
      }));
      await trx.insertInto('audit_run_items').values(batch).execute();
    }
    return { id: run.id, runKey: input.runKey, status: 'running', total: input.inputs.length, resumed: false };
  });
}

export async function runItems(db: Kysely<Database>, runId: number): Promise<RunItem[]> {
  const rows = await db
    .selectFrom('audit_run_items')
    .select(['position', 'input', 'state'])
    .where('run_id', '=', runId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ position: row.position, input: row.input, state: row.state as RunItemState }));
}

export async function markRunItem(
  db: Kysely<Database>,
  input: { runId: number; position: number; state: RunItemState; pageId?: number | null; errorCode?: string | null; errorMessage?: string | null; now: string },
): Promise<void> {
  await db
    .updateTable('audit_run_items')
    .set({
      state: input.state,
      page_id: input.pageId ?? null,
      error_code: input.errorCode ?? null,
      error_message: input.errorMessage ?? null,
      updated_at: input.now,
    })
    .where('run_id', '=', input.runId)
    .where('position', '=', input.position)
    .execute();
}

export async function finishRun(db: Kysely<Database>, runId: number, now: string): Promise<void> {
  await db.updateTable('audit_runs').set({ status: 'finished', finished_at: now }).where('id', '=', runId).execute();
}
