import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { RedirectHop } from '../core/audit/audit-types.js';
import type { Database } from './schema.js';

export interface SnapshotInput {
  url: string;
  finalUrl: string;
  status: number | null;
  headers: Record<string, string[]>;
  redirects: RedirectHop[];
  body: Uint8Array;
  contentType: string | null;
  encoding: string | null;
  truncated: boolean;
  source: 'live' | 'file';
  fetchedAt: string;
}

export interface StoredSnapshot extends Omit<SnapshotInput, 'body'> {
  id: number;
  contentHash: string | null;
  body: Buffer | null;
}

export function contentHash(body: Uint8Array): string {
  return createHash('sha256').update(body).digest('hex');
}

type Db = Kysely<Database> | Transaction<Database>;

/** Stores the bytes once (content-addressed) and a snapshot row pointing at them. Returns the snapshot id. */
export async function insertSnapshot(db: Db, snapshot: SnapshotInput): Promise<{ id: number; contentHash: string }> {
  const hash = contentHash(snapshot.body);
  await db
    .insertInto('blobs')
    .values({ content_hash: hash, size: snapshot.body.byteLength, body: Buffer.from(snapshot.body), created_at: snapshot.fetchedAt })
    .onConflict((oc) => oc.column('content_hash').doNothing())
    .execute();
  const row = await db
    .insertInto('snapshots')
    .values({
      url: snapshot.url,
      final_url: snapshot.finalUrl,
      status: snapshot.status,
      headers_json: JSON.stringify(snapshot.headers),
      redirects_json: JSON.stringify(snapshot.redirects),
      content_hash: hash,
      content_type: snapshot.contentType,
      encoding: snapshot.encoding,
      truncated: snapshot.truncated ? 1 : 0,
      source: snapshot.source,
      fetched_at: snapshot.fetchedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, contentHash: hash };
}

function selectSnapshots(db: Db) {
  return db
    .selectFrom('snapshots')
    .leftJoin('blobs', 'blobs.content_hash', 'snapshots.content_hash')
    .select([
      'snapshots.id',
      'snapshots.url',
      'snapshots.final_url',
      'snapshots.status',
      'snapshots.headers_json',
      'snapshots.redirects_json',
      'snapshots.content_hash',
      'snapshots.content_type',
      'snapshots.encoding',
      'snapshots.truncated',
      'snapshots.source',
      'snapshots.fetched_at',
      'blobs.body',
    ]);
}

type SnapshotRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectSnapshots>['executeTakeFirst']>>>;

function toStoredSnapshot(row: SnapshotRow): StoredSnapshot {
  return {
    id: row.id,
    url: row.url,
    finalUrl: row.final_url,
    status: row.status,
    headers: JSON.parse(row.headers_json) as Record<string, string[]>,
    redirects: JSON.parse(row.redirects_json) as RedirectHop[],
    contentHash: row.content_hash,
    contentType: row.content_type,
    encoding: row.encoding,
    truncated: row.truncated === 1,
    source: row.source === 'file' ? 'file' : 'live',
    fetchedAt: row.fetched_at,
    body: row.body ? Buffer.from(row.body) : null,
  };
}

/** The newest snapshot of a URL with its bytes, for offline re-analysis. */
export async function latestSnapshot(db: Db, url: string): Promise<StoredSnapshot | null> {
  const row = await selectSnapshots(db).where('snapshots.url', '=', url).orderBy('snapshots.fetched_at', 'desc').orderBy('snapshots.id', 'desc').executeTakeFirst();
  return row ? toStoredSnapshot(row) : null;
}

/** One snapshot with its bytes, by id (replays of discovery items, cached stories, placement checks). */
export async function snapshotById(db: Db, id: number): Promise<StoredSnapshot | null> {
  const row = await selectSnapshots(db).where('snapshots.id', '=', id).executeTakeFirst();
  return row ? toStoredSnapshot(row) : null;
}

/**
 * The newest snapshot id of every URL containing `fragment` (e.g. `/feed/` for stored Medium feeds), URLs in
 * order. `fragment` is matched literally (LIKE wildcards in it are escaped).
 */
export async function latestSnapshotIdsByUrlFragment(db: Db, fragment: string): Promise<{ url: string; id: number }[]> {
  const pattern = `%${fragment.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .selectFrom('snapshots')
    .select(['url', db.fn.max('id').as('id')])
    .where(sql<boolean>`url like ${pattern} escape '\\'`)
    .groupBy('url')
    .orderBy('url')
    .execute();
  return rows.map((r) => ({ url: r.url, id: Number(r.id) }));
}
