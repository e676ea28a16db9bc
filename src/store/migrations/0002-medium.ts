import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/**
 * Medium data and influencer discovery (DESIGN §4 data model): stories, authors, follower history,
 * prospects, and the runs that make `linkwright discover` resumable.
 *
 * Portability (notes/stack.md §4, as in 0001): identity vs autoincrement is the only dialect branch;
 * flags are integer 0/1; timestamps ISO-8601 UTC text; fractional values `double precision` (8-byte REAL in
 * SQLite, float8 in PostgreSQL — `real` would be float4 there and turn 6.47 into 6.4699998); nothing queried
 * lives in JSON text (tags get their own table; the score breakdown and gate reasons are display-only JSON).
 *
 * Resumability uses its own `discovery_runs` / `discovery_run_items` rather than `audit_runs`: an audit run
 * knows its inputs up front (a URL list), a discovery run finds its items as it goes (feed → stories →
 * authors), so items are keyed by `item_key` (kind + URL) and inserted when first met, and each finished item
 * points at the snapshot it was read from so a resumed run replays it instead of fetching it again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  await db.schema
    .createTable('medium_authors')
    .addColumn('id', 'integer', id)
    // Medium user id (hex); null while only the username is known (profile blocked, feed without id).
    .addColumn('user_id', 'text', (c) => c.unique())
    // Lower-cased: Medium resolves /@Name and /@name to the same profile.
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('bio', 'text')
    .addColumn('followers', 'integer')
    .addColumn('following', 'integer')
    .addColumn('member_since', 'text')
    .addColumn('profile_url', 'text')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('medium_posts')
    .addColumn('id', 'integer', id)
    .addColumn('post_id', 'text', (c) => c.notNull().unique())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    // Medium user id of the creator (text, as in the page); the username is kept for joins without an id.
    .addColumn('author_id', 'text')
    .addColumn('author_username', 'text')
    .addColumn('publication_id', 'text')
    .addColumn('publication_name', 'text')
    .addColumn('claps', 'integer')
    .addColumn('voters', 'integer')
    .addColumn('responses', 'integer')
    .addColumn('reading_time', 'double precision')
    .addColumn('word_count', 'integer')
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text')
    .addColumn('canonical_url', 'text')
    .addColumn('is_locked', 'integer')
    // Which reader generation the record came from (apollo3, apollo2, obvinit, head-meta, graphql, format-json).
    .addColumn('source', 'text', (c) => c.notNull())
    // The snapshot (bytes) the record was read from: the store cache replays it (gather, then analyse).
    .addColumn('snapshot_id', 'integer')
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('medium_posts_author_idx').on('medium_posts').column('author_username').execute();

  await db.schema
    .createTable('medium_post_tags')
    .addColumn('post_id', 'text', (c) => c.notNull().references('medium_posts.post_id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('medium_post_tags_pk', ['post_id', 'tag'])
    .execute();
  await db.schema.createIndex('medium_post_tags_tag_idx').on('medium_post_tags').column('tag').execute();

  await db.schema
    .createTable('author_snapshots')
    .addColumn('id', 'integer', id)
    .addColumn('author_id', 'integer', (c) => c.notNull().references('medium_authors.id').onDelete('cascade'))
    .addColumn('captured_at', 'text', (c) => c.notNull())
    .addColumn('followers', 'integer')
    .addColumn('following', 'integer')
    .addUniqueConstraint('author_snapshots_uq', ['author_id', 'captured_at'])
    .execute();

  await db.schema
    .createTable('prospects')
    .addColumn('id', 'integer', id)
    .addColumn('author_id', 'integer', (c) => c.notNull().unique().references('medium_authors.id').onDelete('cascade'))
    .addColumn('niche', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('score_coverage', 'double precision', (c) => c.notNull())
    // Display only (never queried): the per-factor breakdown and the gate's reasons, as message ids + params.
    .addColumn('score_breakdown_json', 'text', (c) => c.notNull())
    .addColumn('qualified', 'integer', (c) => c.notNull())
    .addColumn('gate_reasons_json', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('next_touch_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('prospects_stage_score_idx').on('prospects').columns(['stage', 'score']).execute();

  await db.schema
    .createTable('discovery_runs')
    .addColumn('id', 'integer', id)
    // Hash of the query: the same command resumes its unfinished run.
    .addColumn('run_key', 'text', (c) => c.notNull())
    // Display only: keywords, tags, publications, limit.
    .addColumn('query_json', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
  await db.schema.createIndex('discovery_runs_key_idx').on('discovery_runs').columns(['run_key', 'status']).execute();

  await db.schema
    .createTable('discovery_run_items')
    .addColumn('id', 'integer', id)
    .addColumn('run_id', 'integer', (c) => c.notNull().references('discovery_runs.id').onDelete('cascade'))
    // `<kind> <url>`: unique inside a run.
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'integer')
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('discovery_run_items_uq', ['run_id', 'item_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'discovery_run_items',
    'discovery_runs',
    'prospects',
    'author_snapshots',
    'medium_post_tags',
    'medium_posts',
    'medium_authors',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
