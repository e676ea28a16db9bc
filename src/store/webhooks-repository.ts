/**
 * Webhook receivers for placement alerts (`linkwright webhook add <url>`) and the record of each delivery:
 * one row per (receiver, event), so a re-run never reports the same event twice to the same receiver.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredWebhook {
  id: number;
  url: string;
  enabled: boolean;
  createdAt: string;
}

export async function addWebhook(db: Db, url: string, now: string): Promise<{ id: number; created: boolean }> {
  const existing = await db.selectFrom('webhooks').select('id').where('url', '=', url).executeTakeFirst();
  if (existing) {
    await db.updateTable('webhooks').set({ enabled: 1 }).where('id', '=', existing.id).execute();
    return { id: existing.id, created: false };
  }
  const row = await db
    .insertInto('webhooks')
    .values({ url, enabled: 1, created_at: now })
    .onConflict((oc) => oc.column('url').doUpdateSet({ enabled: 1 }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, created: true };
}

export async function listWebhooks(db: Db, options: { enabledOnly?: boolean } = {}): Promise<StoredWebhook[]> {
  let query = db.selectFrom('webhooks').selectAll();
  if (options.enabledOnly) query = query.where('enabled', '=', 1);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, url: r.url, enabled: r.enabled === 1, createdAt: r.created_at }));
}

/** Removes a receiver by id or URL; its delivery records go with it. */
export async function removeWebhook(db: Db, ref: number | string): Promise<boolean> {
  const query = db.deleteFrom('webhooks');
  const result = await (typeof ref === 'number' ? query.where('id', '=', ref) : query.where('url', '=', ref)).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export interface DeliveryRecord {
  webhookId: number;
  eventId: number;
  status: 'delivered' | 'failed';
  attempts: number;
  httpStatus: number | null;
  error: string | null;
  updatedAt: string;
}

/** Records the outcome of delivering one event to one receiver (a later attempt overwrites it). */
export async function recordDelivery(db: Db, d: DeliveryRecord): Promise<void> {
  const values = { status: d.status, attempts: d.attempts, http_status: d.httpStatus, error: d.error, updated_at: d.updatedAt };
  await db
    .insertInto('webhook_deliveries')
    .values({ webhook_id: d.webhookId, event_id: d.eventId, ...values })
    .onConflict((oc) => oc.columns(['webhook_id', 'event_id']).doUpdateSet(values))
    .execute();
}

export async function listDeliveries(db: Db, filter: { eventId?: number; webhookId?: number } = {}): Promise<DeliveryRecord[]> {
  let query = db.selectFrom('webhook_deliveries').selectAll();
  if (filter.eventId !== undefined) query = query.where('event_id', '=', filter.eventId);
  if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId);
  const rows = await query.orderBy('id').execute();
  return rows.map((r) => ({
    webhookId: r.webhook_id,
    eventId: r.event_id,
    status: r.status === 'delivered' ? 'delivered' : 'failed',
    attempts: r.attempts,
    httpStatus: r.http_status,
    error: r.error,
    updatedAt: r.updated_at,
  }));
}
