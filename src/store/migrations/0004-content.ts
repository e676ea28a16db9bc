import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/**
 * Content (DESIGN §4 data model: `content_items` — my pages and Medium copies, keyphrase): what the content
 * checker compares a draft against.
 *
 * - `keyphrase_key` is the keyphrase as the checker compares it (content-word stems in order, or the exact
 *   words of a quoted phrase): the previously-used-keyphrase check queries it, so it has its own column.
 * - `fingerprint` is the MinHash signature of the body text (core/content/near-duplicate.ts), text so it is
 *   the same on both dialects; it is only loaded and compared in code, never queried.
 * - `tags_text` is display only (the known-tag corpus is `medium_post_tags` plus `content_item_tags`).
 * - `url` is the natural key: a page of the user's site, a Medium story, or `file:` URL of a draft checked
 *   with `--save`. Re-adding the same URL updates the row.
 *
 * Portability as in 0001–0003 (notes/stack.md §4).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('content_items')
    .addColumn('id', 'integer', id)
    .addColumn('url', 'text', (c) => c.notNull().unique())
    // CONTENT_ITEM_KINDS: site-page | medium-story | draft.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('keyphrase', 'text')
    .addColumn('keyphrase_key', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('word_count', 'integer')
    .addColumn('fingerprint', 'text')
    .addColumn('snapshot_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('content_items_keyphrase_idx').on('content_items').column('keyphrase_key').execute();

  await db.schema
    .createTable('content_item_tags')
    .addColumn('item_id', 'integer', (c) => c.notNull().references('content_items.id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('content_item_tags_pk', ['item_id', 'tag'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('content_item_tags').ifExists().execute();
  await db.schema.dropTable('content_items').ifExists().execute();
}
