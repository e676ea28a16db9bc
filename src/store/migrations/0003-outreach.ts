import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/**
 * Outreach (DESIGN §4 data model: `touches`, `placements` + `placement_checks`): the relationship log, the
 * pipeline's stage history, pitch drafts, watched links with every check and a per-link timeline, and the
 * webhook URLs that hear about state changes.
 *
 * Portability as in 0001/0002 (notes/stack.md §4): identity vs autoincrement is the only dialect branch; flags
 * are integer 0/1; timestamps ISO-8601 UTC text (they sort as text on both dialects); what is queried has its
 * own column, JSON text is display/replay only (a check's redirect chain, a change list, message params).
 *
 * Idempotent writes (architecture.md): `placements (story_url, target_key)` is the natural key of a watched
 * link (target_key = the target URL as `targetKey` compares it), `touches.dedupe_key` keeps events the tool
 * records itself (a `link-placed` touch per placement) from being logged twice, and `webhook_deliveries
 * (webhook_id, event_id)` records each event's delivery once per receiver.
 *
 * Webhooks live in a table rather than a config file: `linkwright webhook add|list|remove` manages them, the
 * scheduler (`serve`, `monitor --every`) reads them on every run, and team mode (PostgreSQL) shares them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const id = (c: ColumnDefinitionBuilder) => (isPostgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement());

  // The stage held when a prospect was paused: resuming goes back there (pipeline-state-machine.ts).
  await db.schema.alterTable('prospects').addColumn('paused_from', 'text').execute();
  await db.schema.alterTable('prospects').addColumn('stage_changed_at', 'text').execute();

  await db.schema
    .createTable('touches')
    .addColumn('id', 'integer', id)
    .addColumn('prospect_id', 'integer', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    // TOUCH_KINDS (core/outreach/touch-types.ts).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('story_url', 'text')
    .addColumn('note', 'text')
    // Who recorded it: user (CLI), import (CSV), monitor (a verified placement), demo.
    .addColumn('source', 'text', (c) => c.notNull())
    // Set for touches the tool records itself, so a re-run never logs them twice.
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touches_prospect_at_idx').on('touches').columns(['prospect_id', 'at']).execute();
  await db.schema.createIndex('touches_at_idx').on('touches').column('at').execute();

  await db.schema
    .createTable('stage_changes')
    .addColumn('id', 'integer', id)
    .addColumn('prospect_id', 'integer', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // user (stage command), touch (moved by a logged touch), monitor, import.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('forced', 'integer', (c) => c.notNull())
    // Display only: the rules `--force` bypassed, as message ids + params.
    .addColumn('bypassed_json', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('stage_changes_prospect_idx').on('stage_changes').columns(['prospect_id', 'at']).execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'integer', id)
    .addColumn('prospect_id', 'integer', (c) => c.notNull().references('prospects.id').onDelete('cascade'))
    .addColumn('template_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('story_url', 'text')
    .addColumn('asset_url', 'text')
    // `[[EDIT: …]]` markers still in the draft (the sentences only the sender can write).
    .addColumn('edit_markers', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drafts_prospect_idx').on('drafts').column('prospect_id').execute();

  await db.schema
    .createTable('placements')
    .addColumn('id', 'integer', id)
    .addColumn('prospect_id', 'integer', (c) => c.references('prospects.id').onDelete('set null'))
    .addColumn('story_url', 'text', (c) => c.notNull())
    .addColumn('target_url', 'text', (c) => c.notNull())
    .addColumn('target_key', 'text', (c) => c.notNull())
    // Expectations; null = not checked. rel/anchor may be learnt from the first sighting (expected_source).
    .addColumn('expected_rel', 'text')
    .addColumn('expected_placement', 'text')
    .addColumn('expected_anchor', 'text')
    .addColumn('expected_source', 'text', (c) => c.notNull())
    // PLACEMENT_STATES (core/outreach/link-monitor-states.ts) and what classifyPlacementCheck carries over.
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('last_definite_state', 'text', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('lost_reason', 'text')
    // Timeline dates (nextTimeline).
    .addColumn('first_seen_at', 'text')
    .addColumn('last_seen_at', 'text')
    .addColumn('last_seen_live_at', 'text')
    .addColumn('lost_at', 'text')
    .addColumn('failing_since_at', 'text')
    .addColumn('last_checked_at', 'text')
    // Conditional GET validators of the story page (RFC 9110 §13.1) and the snapshot a 304 replays.
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('last_snapshot_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('placements_uq', ['story_url', 'target_key'])
    .execute();
  await db.schema.createIndex('placements_state_idx').on('placements').column('state').execute();
  await db.schema.createIndex('placements_prospect_idx').on('placements').column('prospect_id').execute();

  await db.schema
    .createTable('placement_checks')
    .addColumn('id', 'integer', id)
    .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('final_url', 'text')
    // Replay only: the story page's redirect chain.
    .addColumn('redirects_json', 'text', (c) => c.notNull())
    .addColumn('not_modified', 'integer', (c) => c.notNull())
    .addColumn('blocked', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('error_message', 'text')
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('found_url', 'text')
    .addColumn('rel', 'text')
    .addColumn('placement', 'text')
    .addColumn('anchor_text', 'text')
    .addColumn('target_status', 'integer')
    .addColumn('target_final_url', 'text')
    .addColumn('target_redirects', 'integer')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull())
    .addColumn('changes_json', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('message_params_json', 'text', (c) => c.notNull())
    .addColumn('snapshot_id', 'integer')
    .execute();
  await db.schema.createIndex('placement_checks_placement_idx').on('placement_checks').columns(['placement_id', 'checked_at']).execute();

  await db.schema
    .createTable('placement_events')
    .addColumn('id', 'integer', id)
    .addColumn('placement_id', 'integer', (c) => c.notNull().references('placements.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    // placed (watch), found, changed, restored, lost, recovered (PlacementEventKind).
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text', (c) => c.notNull())
    .addColumn('message_params_json', 'text', (c) => c.notNull())
    .addColumn('check_id', 'integer')
    .execute();
  await db.schema.createIndex('placement_events_placement_idx').on('placement_events').columns(['placement_id', 'at']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'integer', id)
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'integer', id)
    .addColumn('webhook_id', 'integer', (c) => c.notNull().references('webhooks.id').onDelete('cascade'))
    .addColumn('event_id', 'integer', (c) => c.notNull().references('placement_events.id').onDelete('cascade'))
    // delivered | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('http_status', 'integer')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('webhook_deliveries_uq', ['webhook_id', 'event_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'webhook_deliveries',
    'webhooks',
    'placement_events',
    'placement_checks',
    'placements',
    'drafts',
    'stage_changes',
    'touches',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.alterTable('prospects').dropColumn('stage_changed_at').execute();
  await db.schema.alterTable('prospects').dropColumn('paused_from').execute();
}
