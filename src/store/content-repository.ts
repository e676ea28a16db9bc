/**
 * The user's content (DESIGN §4 `content_items`): their site pages, their Medium stories and saved drafts,
 * each with its focus keyphrase and a near-duplicate fingerprint. The content checker reads it for the
 * previously-used-keyphrase check, for "is this story a copy of one of my pages?" (canonical check) and,
 * with the stored Medium stories' tags, for "does this tag exist?". Keyed by URL: re-adding updates.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ContentItemsTable, Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const CONTENT_ITEM_KINDS = ['site-page', 'medium-story', 'draft'] as const;
export type ContentItemKind = (typeof CONTENT_ITEM_KINDS)[number];

export interface ContentItemInput {
  url: string;
  kind: ContentItemKind;
  title: string | null;
  keyphrase: string | null;
  /** The keyphrase as the checker compares it (content-word stems in order); null without a keyphrase. */
  keyphraseKey: string | null;
  canonicalUrl: string | null;
  wordCount: number | null;
  /** Encoded MinHash signature (core/content/near-duplicate.ts), null for a text too short to have one. */
  fingerprint: string | null;
  snapshotId: number | null;
  tags: readonly string[];
}

export interface ContentItemRecord extends ContentItemInput {
  id: number;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

function isKind(value: string): value is ContentItemKind {
  return (CONTENT_ITEM_KINDS as readonly string[]).includes(value);
}

function toRecord(row: Selectable<ContentItemsTable>, tags: string[]): ContentItemRecord {
  return {
    id: row.id,
    url: row.url,
    // An unknown kind can only come from a newer version writing this database: show it as a page.
    kind: isKind(row.kind) ? row.kind : 'site-page',
    title: row.title,
    keyphrase: row.keyphrase,
    keyphraseKey: row.keyphrase_key,
    canonicalUrl: row.canonical_url,
    wordCount: row.word_count,
    fingerprint: row.fingerprint,
    snapshotId: row.snapshot_id,
    tags,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Inserts the item or, when its URL is stored, updates it (a `null` keyphrase given again keeps the stored
 * one: re-reading a page must not forget the keyphrase the user set). Tags are replaced. One transaction.
 */
export async function upsertContentItem(db: Kysely<Database>, item: ContentItemInput, now: string): Promise<ContentItemRecord> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('content_items').selectAll().where('url', '=', item.url).executeTakeFirst();
    const keyphrase = item.keyphrase ?? existing?.keyphrase ?? null;
    const keyphraseKey = item.keyphrase !== null ? item.keyphraseKey : (existing?.keyphrase_key ?? null);
    const values = {
      kind: item.kind,
      title: item.title,
      keyphrase,
      keyphrase_key: keyphraseKey,
      canonical_url: item.canonicalUrl,
      word_count: item.wordCount,
      fingerprint: item.fingerprint,
      snapshot_id: item.snapshotId,
      updated_at: now,
    };
    let id: number;
    if (existing === undefined) {
      const row = await trx
        .insertInto('content_items')
        .values({ url: item.url, created_at: now, ...values })
        .returning('id')
        .executeTakeFirstOrThrow();
      id = row.id;
    } else {
      id = existing.id;
      await trx.updateTable('content_items').set(values).where('id', '=', id).execute();
      await trx.deleteFrom('content_item_tags').where('item_id', '=', id).execute();
    }
    const tags = [...new Set(item.tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
    if (tags.length > 0) {
      await trx
        .insertInto('content_item_tags')
        .values(tags.map((tag, position) => ({ item_id: id, tag, position })))
        .execute();
    }
    const row = await trx.selectFrom('content_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toRecord(row, tags);
  });
}

async function tagsOf(db: Db, ids: readonly number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('content_item_tags')
    .select(['item_id', 'tag'])
    .where('item_id', 'in', [...ids])
    .orderBy('item_id')
    .orderBy('position')
    .execute();
  for (const r of rows) {
    const list = out.get(r.item_id) ?? [];
    list.push(r.tag);
    out.set(r.item_id, list);
  }
  return out;
}

export interface ContentItemFilter {
  kind?: ContentItemKind;
  /** Only items whose keyphrase compares equal (the stored `keyphrase_key`). */
  keyphraseKey?: string;
}

/** Stored items by URL. */
export async function listContentItems(db: Db, filter: ContentItemFilter = {}): Promise<ContentItemRecord[]> {
  let query = db.selectFrom('content_items').selectAll();
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  if (filter.keyphraseKey !== undefined) query = query.where('keyphrase_key', '=', filter.keyphraseKey);
  const rows = await query.orderBy('url').execute();
  const tags = await tagsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toRecord(r, tags.get(r.id) ?? []));
}

export async function getContentItem(db: Db, url: string): Promise<ContentItemRecord | null> {
  const row = await db.selectFrom('content_items').selectAll().where('url', '=', url).executeTakeFirst();
  if (row === undefined) return null;
  return toRecord(row, (await tagsOf(db, [row.id])).get(row.id) ?? []);
}

/** Removes an item (and its tags). Returns whether it existed. */
export async function removeContentItem(db: Kysely<Database>, url: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('content_items').select('id').where('url', '=', url).executeTakeFirst();
    if (row === undefined) return false;
    await trx.deleteFrom('content_item_tags').where('item_id', '=', row.id).execute();
    await trx.deleteFrom('content_items').where('id', '=', row.id).execute();
    return true;
  });
}

/**
 * Every tag slug seen on Medium as far as the store knows — on stored Medium stories and on the user's own
 * published Medium stories — with how many carry it, most used first. The checker's "does this tag exist on
 * Medium?" reads it. Tags of drafts and site pages are no evidence that Medium has the tag, so they do not
 * count (a saved draft would otherwise vouch for its own invented tags).
 */
export async function knownTags(db: Db): Promise<{ tag: string; uses: number }[]> {
  const [medium, mine] = await Promise.all([
    db.selectFrom('medium_post_tags').select(['tag', db.fn.countAll<number>().as('uses')]).groupBy('tag').execute(),
    db
      .selectFrom('content_item_tags')
      .innerJoin('content_items', 'content_items.id', 'content_item_tags.item_id')
      .where('content_items.kind', '=', 'medium-story')
      .select(['content_item_tags.tag as tag', db.fn.countAll<number>().as('uses')])
      .groupBy('content_item_tags.tag')
      .execute(),
  ]);
  const counts = new Map<string, number>();
  for (const r of [...medium, ...mine]) counts.set(r.tag, (counts.get(r.tag) ?? 0) + Number(r.uses));
  return [...counts.entries()].map(([tag, uses]) => ({ tag, uses })).sort((a, b) => b.uses - a.uses || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
