/**
 * Table types for Kysely. Portability rules (notes/stack.md §4 "Kysely portability"):
 * flags are integer 0/1, timestamps ISO-8601 UTC text, ids are integer identity/autoincrement,
 * nothing that is queried lives in JSON text. The same schema runs on SQLite and PostgreSQL.
 */
import type { ColumnType, Generated } from 'kysely';

/** 0/1 flag (better-sqlite3 cannot bind booleans). */
export type Flag = number;

export interface SitesTable {
  id: Generated<number>;
  domain: string;
  created_at: string;
}

/** Content-addressed bodies (sha256 hex), so a snapshot can be re-analysed offline. */
export interface BlobsTable {
  content_hash: string;
  size: number;
  body: ColumnType<Buffer, Buffer, never>;
  created_at: string;
}

/** One capture of a URL: what the server said, and which bytes. Analyses replay from these. */
export interface SnapshotsTable {
  id: Generated<number>;
  url: string;
  final_url: string;
  status: number | null;
  /** Response headers, lower-case names → values, as JSON (replay only; never queried). */
  headers_json: string;
  /** Redirect chain as JSON (replay only). */
  redirects_json: string;
  content_hash: string | null;
  content_type: string | null;
  encoding: string | null;
  truncated: Flag;
  source: string;
  fetched_at: string;
}

export interface PagesTable {
  id: Generated<number>;
  url: string;
  final_url: string | null;
  status: number | null;
  title: string | null;
  canonical_html: string | null;
  canonical_http: string | null;
  robots_meta: string | null;
  robots_header: string | null;
  indexable: Flag | null;
  indexability_reason: string | null;
  is_medium: Flag;
  medium_post_id: string | null;
  blocked: Flag;
  source: string | null;
  etag: string | null;
  last_modified: string | null;
  content_hash: string | null;
  last_snapshot_id: number | null;
  error_code: string | null;
  error_message: string | null;
  first_seen_at: string;
  captured_at: string | null;
  updated_at: string;
}

export interface LinksTable {
  id: Generated<number>;
  page_id: number;
  /** Natural key inside a page: `<href>#<occurrence>` so a re-audit updates instead of duplicating. */
  link_key: string;
  position: number;
  tag: string;
  href: string;
  url: string | null;
  target_host: string | null;
  registrable_domain: string | null;
  to_user_site: Flag;
  anchor_text: string;
  /** rel tokens joined by single spaces (queried with LIKE '% nofollow %' on ' '||rel||' '). */
  rel: string;
  follow: Flag;
  placement: string;
  target_status: number | null;
  target_final_url: string | null;
  target_checked_at: string | null;
  /** 1 while the link was on the page at the last audit; 0 once a re-audit no longer finds it. */
  present: Flag;
  first_seen_at: string;
  last_seen_at: string;
}

export interface AuditRunsTable {
  id: Generated<number>;
  /** Hash of the inputs and options: the same command resumes its unfinished run. */
  run_key: string;
  status: string;
  total: number;
  started_at: string;
  finished_at: string | null;
}

export interface AuditRunItemsTable {
  id: Generated<number>;
  run_id: number;
  position: number;
  input: string;
  state: string;
  page_id: number | null;
  error_code: string | null;
  error_message: string | null;
  updated_at: string;
}

// ---------------------------------------------------------------- Medium and discovery (migration 0002)

export interface MediumAuthorsTable {
  id: Generated<number>;
  user_id: string | null;
  /** Lower-cased username (unique). */
  username: string;
  name: string | null;
  bio: string | null;
  followers: number | null;
  following: number | null;
  member_since: string | null;
  profile_url: string | null;
  captured_at: string;
}

export interface MediumPostsTable {
  id: Generated<number>;
  post_id: string;
  url: string;
  title: string | null;
  /** Medium user id of the creator. */
  author_id: string | null;
  author_username: string | null;
  publication_id: string | null;
  publication_name: string | null;
  claps: number | null;
  voters: number | null;
  responses: number | null;
  reading_time: number | null;
  word_count: number | null;
  published_at: string | null;
  updated_at: string | null;
  canonical_url: string | null;
  is_locked: Flag | null;
  source: string;
  snapshot_id: number | null;
  captured_at: string;
}

export interface MediumPostTagsTable {
  post_id: string;
  tag: string;
  position: number;
}

export interface AuthorSnapshotsTable {
  id: Generated<number>;
  /** medium_authors.id */
  author_id: number;
  captured_at: string;
  followers: number | null;
  following: number | null;
}

export interface ProspectsTable {
  id: Generated<number>;
  /** medium_authors.id */
  author_id: number;
  niche: string;
  score: number;
  score_coverage: number;
  /** Display only: the score factors as JSON. */
  score_breakdown_json: string;
  qualified: Flag;
  /** Display only: the quality gate's reasons as JSON. */
  gate_reasons_json: string;
  stage: string;
  next_touch_at: string | null;
  created_at: string;
  updated_at: string;
  /** The stage held when the prospect was paused (migration 0003); null when not paused. */
  paused_from: ColumnType<string | null, string | null | undefined, string | null>;
  /** When the stage last changed (migration 0003). */
  stage_changed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface DiscoveryRunsTable {
  id: Generated<number>;
  run_key: string;
  query_json: string;
  status: string;
  started_at: string;
  finished_at: string | null;
}

export interface DiscoveryRunItemsTable {
  id: Generated<number>;
  run_id: number;
  item_key: string;
  kind: string;
  url: string;
  state: string;
  snapshot_id: number | null;
  error_code: string | null;
  error_message: string | null;
  updated_at: string;
}

// ---------------------------------------------------------------- outreach (migration 0003)

export interface TouchesTable {
  id: Generated<number>;
  prospect_id: number;
  kind: string;
  at: string;
  story_url: string | null;
  note: string | null;
  source: string;
  dedupe_key: string | null;
  created_at: string;
}

export interface StageChangesTable {
  id: Generated<number>;
  prospect_id: number;
  from_stage: string | null;
  to_stage: string;
  at: string;
  source: string;
  forced: Flag;
  /** Display only: the bypassed rules as message ids + params. */
  bypassed_json: string;
  note: string | null;
}

export interface DraftsTable {
  id: Generated<number>;
  prospect_id: number;
  template_id: string;
  subject: string | null;
  body: string;
  story_url: string | null;
  asset_url: string | null;
  edit_markers: number;
  created_at: string;
}

export interface PlacementsTable {
  id: Generated<number>;
  prospect_id: number | null;
  story_url: string;
  target_url: string;
  target_key: string;
  expected_rel: string | null;
  expected_placement: string | null;
  expected_anchor: string | null;
  /** `user` (given to watch) or `first-seen` (rel/anchor learnt from the first sighting). */
  expected_source: string;
  state: string;
  consecutive_failures: number;
  last_definite_state: string;
  /** The changes of the last check (classification input for the next one), JSON. */
  changes_json: string;
  lost_reason: string | null;
  first_seen_at: string | null;
  last_seen_at: string | null;
  last_seen_live_at: string | null;
  lost_at: string | null;
  failing_since_at: string | null;
  last_checked_at: string | null;
  etag: string | null;
  last_modified: string | null;
  last_snapshot_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface PlacementChecksTable {
  id: Generated<number>;
  placement_id: number;
  checked_at: string;
  http_status: number | null;
  final_url: string | null;
  redirects_json: string;
  not_modified: Flag;
  blocked: Flag;
  error_code: string | null;
  error_message: string | null;
  present: Flag;
  found_url: string | null;
  rel: string | null;
  placement: string | null;
  anchor_text: string | null;
  target_status: number | null;
  target_final_url: string | null;
  target_redirects: Flag | null;
  state: string;
  consecutive_failures: number;
  changes_json: string;
  message_id: string;
  message_params_json: string;
  snapshot_id: number | null;
}

export interface PlacementEventsTable {
  id: Generated<number>;
  placement_id: number;
  at: string;
  kind: string;
  from_state: string | null;
  to_state: string;
  message_id: string;
  message_params_json: string;
  check_id: number | null;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  enabled: Flag;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event_id: number;
  status: string;
  attempts: number;
  http_status: number | null;
  error: string | null;
  updated_at: string;
}

/** The user's pages and Medium copies the content checker compares drafts with (migration 0004). */
export interface ContentItemsTable {
  id: Generated<number>;
  url: string;
  kind: string;
  title: string | null;
  keyphrase: string | null;
  keyphrase_key: string | null;
  canonical_url: string | null;
  word_count: number | null;
  fingerprint: string | null;
  snapshot_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ContentItemTagsTable {
  item_id: number;
  tag: string;
  position: number;
}

export interface Database {
  sites: SitesTable;
  blobs: BlobsTable;
  snapshots: SnapshotsTable;
  pages: PagesTable;
  links: LinksTable;
  audit_runs: AuditRunsTable;
  audit_run_items: AuditRunItemsTable;
  medium_authors: MediumAuthorsTable;
  medium_posts: MediumPostsTable;
  medium_post_tags: MediumPostTagsTable;
  author_snapshots: AuthorSnapshotsTable;
  prospects: ProspectsTable;
  discovery_runs: DiscoveryRunsTable;
  discovery_run_items: DiscoveryRunItemsTable;
  touches: TouchesTable;
  stage_changes: StageChangesTable;
  drafts: DraftsTable;
  placements: PlacementsTable;
  placement_checks: PlacementChecksTable;
  placement_events: PlacementEventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  content_items: ContentItemsTable;
  content_item_tags: ContentItemTagsTable;
}
