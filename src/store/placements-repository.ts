/**
 * Watched links (`linkwright watch`), every check of them (`linkwright monitor`) and their timeline
 * (placed → found → changed … → lost) for the dashboard. A placement is keyed by (story URL, target key), so
 * watching the same link again updates its expectations instead of adding a second row.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import { parseJsonArray, parseJsonObject } from './outreach-repository.js';
import type { Database, PlacementChecksTable, PlacementsTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface PlacementExpectation {
  rel: string | null;
  placement: string | null;
  anchor: string | null;
}

/** The state and timeline of a placement: what each check updates. */
export interface PlacementTimeline {
  state: string;
  consecutiveFailures: number;
  lastDefiniteState: string;
  /** The previous check's changes (display + classification input). */
  changes: unknown[];
  lostReason: string | null;
  firstSeenAt: string | null;
  lastSeenAt: string | null;
  lastSeenLiveAt: string | null;
  lostAt: string | null;
  failingSinceAt: string | null;
  lastCheckedAt: string | null;
  etag: string | null;
  lastModified: string | null;
  lastSnapshotId: number | null;
}

export interface StoredPlacement extends PlacementTimeline {
  id: number;
  prospectId: number | null;
  storyUrl: string;
  targetUrl: string;
  targetKey: string;
  expected: PlacementExpectation;
  /**
   * `user`: as given to watch; `learn:rel,anchor` (or one of them): still to be learnt from the first sighting;
   * `first-seen`: learnt.
   */
  expectedSource: string;
  createdAt: string;
  updatedAt: string;
}

function toPlacement(r: Selectable<PlacementsTable>): StoredPlacement {
  return {
    id: r.id,
    prospectId: r.prospect_id,
    storyUrl: r.story_url,
    targetUrl: r.target_url,
    targetKey: r.target_key,
    expected: { rel: r.expected_rel, placement: r.expected_placement, anchor: r.expected_anchor },
    expectedSource: r.expected_source,
    state: r.state,
    consecutiveFailures: r.consecutive_failures,
    lastDefiniteState: r.last_definite_state,
    changes: parseJsonArray(r.changes_json),
    lostReason: r.lost_reason,
    firstSeenAt: r.first_seen_at,
    lastSeenAt: r.last_seen_at,
    lastSeenLiveAt: r.last_seen_live_at,
    lostAt: r.lost_at,
    failingSinceAt: r.failing_since_at,
    lastCheckedAt: r.last_checked_at,
    etag: r.etag,
    lastModified: r.last_modified,
    lastSnapshotId: r.last_snapshot_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface PlacementInput {
  storyUrl: string;
  targetUrl: string;
  targetKey: string;
  prospectId: number | null;
  expected: PlacementExpectation;
  /** `user`, or `learn:<fields>` (see StoredPlacement.expectedSource). */
  expectedSource: string;
  now: string;
}

/**
 * Inserts a watched link, or updates the expectations (and prospect, when given) of the one already watched.
 * A new placement starts `pending` and gets a `placed` event (the first entry of its timeline).
 */
export async function upsertPlacement(db: Kysely<Database>, input: PlacementInput): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('placements')
      .select(['id', 'prospect_id'])
      .where('story_url', '=', input.storyUrl)
      .where('target_key', '=', input.targetKey)
      .executeTakeFirst();
    const expectation = {
      expected_rel: input.expected.rel,
      expected_placement: input.expected.placement,
      expected_anchor: input.expected.anchor,
      expected_source: input.expectedSource,
    };
    if (existing) {
      await trx
        .updateTable('placements')
        .set({ ...expectation, target_url: input.targetUrl, prospect_id: input.prospectId ?? existing.prospect_id, updated_at: input.now })
        .where('id', '=', existing.id)
        .execute();
      return { id: existing.id, created: false };
    }
    const row = await trx
      .insertInto('placements')
      .values({
        prospect_id: input.prospectId,
        story_url: input.storyUrl,
        target_url: input.targetUrl,
        target_key: input.targetKey,
        ...expectation,
        state: 'pending',
        consecutive_failures: 0,
        last_definite_state: 'pending',
        changes_json: '[]',
        lost_reason: null,
        first_seen_at: null,
        last_seen_at: null,
        last_seen_live_at: null,
        lost_at: null,
        failing_since_at: null,
        last_checked_at: null,
        etag: null,
        last_modified: null,
        last_snapshot_id: null,
        created_at: input.now,
        updated_at: input.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await insertPlacementEvent(trx, {
      placementId: row.id,
      at: input.now,
      kind: 'placed',
      fromState: null,
      toState: 'pending',
      messageId: 'placement.watched',
      params: { storyUrl: input.storyUrl, targetUrl: input.targetUrl },
      checkId: null,
    });
    return { id: row.id, created: true };
  });
}

export async function getPlacement(db: Db, id: number): Promise<StoredPlacement | null> {
  const row = await db.selectFrom('placements').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toPlacement(row) : null;
}

export interface PlacementFilter {
  prospectId?: number;
  ids?: readonly number[];
  states?: readonly string[];
  /** Only placements never checked or last checked before this ISO time. */
  lastCheckedBefore?: string;
}

/** Placements in watch order (id). */
export async function listPlacements(db: Db, filter: PlacementFilter = {}): Promise<StoredPlacement[]> {
  let query = db.selectFrom('placements').selectAll();
  if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
  if (filter.ids !== undefined) query = filter.ids.length === 0 ? query.where('id', '=', -1) : query.where('id', 'in', [...filter.ids]);
  if (filter.states !== undefined)
    query = filter.states.length === 0 ? query.where('id', '=', -1) : query.where('state', 'in', [...filter.states]);
  const before = filter.lastCheckedBefore;
  if (before !== undefined) query = query.where((eb) => eb.or([eb('last_checked_at', 'is', null), eb('last_checked_at', '<', before)]));
  const rows = await query.orderBy('id').execute();
  return rows.map(toPlacement);
}

export async function deletePlacement(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom('placements').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** What one check saw (one `placement_checks` row). */
export interface PlacementCheckRecord {
  checkedAt: string;
  httpStatus: number | null;
  finalUrl: string | null;
  redirects: unknown[];
  notModified: boolean;
  blocked: boolean;
  errorCode: string | null;
  errorMessage: string | null;
  present: boolean;
  foundUrl: string | null;
  rel: string | null;
  placement: string | null;
  anchorText: string | null;
  targetStatus: number | null;
  targetFinalUrl: string | null;
  /** null: not known (target not checked, or the check failed). */
  targetRedirects: boolean | null;
  state: string;
  consecutiveFailures: number;
  changes: unknown[];
  messageId: string;
  params: Record<string, unknown>;
  snapshotId: number | null;
}

export interface StoredPlacementCheck extends PlacementCheckRecord {
  id: number;
  placementId: number;
}

export async function insertPlacementCheck(db: Db, placementId: number, c: PlacementCheckRecord): Promise<number> {
  const row = await db
    .insertInto('placement_checks')
    .values({
      placement_id: placementId,
      checked_at: c.checkedAt,
      http_status: c.httpStatus,
      final_url: c.finalUrl,
      redirects_json: JSON.stringify(c.redirects),
      not_modified: c.notModified ? 1 : 0,
      blocked: c.blocked ? 1 : 0,
      error_code: c.errorCode,
      error_message: c.errorMessage,
      present: c.present ? 1 : 0,
      found_url: c.foundUrl,
      rel: c.rel,
      placement: c.placement,
      anchor_text: c.anchorText,
      target_status: c.targetStatus,
      target_final_url: c.targetFinalUrl,
      target_redirects: c.targetRedirects === null ? null : c.targetRedirects ? 1 : 0,
      state: c.state,
      consecutive_failures: c.consecutiveFailures,
      changes_json: JSON.stringify(c.changes),
      message_id: c.messageId,
      message_params_json: JSON.stringify(c.params),
      snapshot_id: c.snapshotId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function toCheck(r: Selectable<PlacementChecksTable>): StoredPlacementCheck {
  return {
    id: r.id,
    placementId: r.placement_id,
    checkedAt: r.checked_at,
    httpStatus: r.http_status,
    finalUrl: r.final_url,
    redirects: parseJsonArray(r.redirects_json),
    notModified: r.not_modified === 1,
    blocked: r.blocked === 1,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    present: r.present === 1,
    foundUrl: r.found_url,
    rel: r.rel,
    placement: r.placement,
    anchorText: r.anchor_text,
    targetStatus: r.target_status,
    targetFinalUrl: r.target_final_url,
    targetRedirects: r.target_redirects === null ? null : r.target_redirects === 1,
    state: r.state,
    consecutiveFailures: r.consecutive_failures,
    changes: parseJsonArray(r.changes_json),
    messageId: r.message_id,
    params: parseJsonObject(r.message_params_json),
    snapshotId: r.snapshot_id,
  };
}

/** Checks of one placement, oldest first. */
export async function listPlacementChecks(db: Db, placementId: number): Promise<StoredPlacementCheck[]> {
  const rows = await db
    .selectFrom('placement_checks')
    .selectAll()
    .where('placement_id', '=', placementId)
    .orderBy('checked_at')
    .orderBy('id')
    .execute();
  return rows.map(toCheck);
}

/** The state and timeline a check leaves the placement in (everything but identity and expectations). */
export interface PlacementStateUpdate extends PlacementTimeline {
  /** Expectations learnt from the first sighting (expected_source becomes `first-seen`). */
  learnt?: { rel: string | null; anchor: string | null } | null;
  now: string;
}

export async function updatePlacementState(db: Db, id: number, u: PlacementStateUpdate): Promise<void> {
  await db
    .updateTable('placements')
    .set({
      state: u.state,
      consecutive_failures: u.consecutiveFailures,
      last_definite_state: u.lastDefiniteState,
      changes_json: JSON.stringify(u.changes),
      lost_reason: u.lostReason,
      first_seen_at: u.firstSeenAt,
      last_seen_at: u.lastSeenAt,
      last_seen_live_at: u.lastSeenLiveAt,
      lost_at: u.lostAt,
      failing_since_at: u.failingSinceAt,
      last_checked_at: u.lastCheckedAt,
      etag: u.etag,
      last_modified: u.lastModified,
      last_snapshot_id: u.lastSnapshotId,
      updated_at: u.now,
      ...(u.learnt ? { expected_rel: u.learnt.rel, expected_anchor: u.learnt.anchor, expected_source: 'first-seen' } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export interface PlacementEventInput {
  placementId: number;
  at: string;
  /** placed | found | changed | restored | lost | recovered */
  kind: string;
  fromState: string | null;
  toState: string;
  messageId: string;
  params: Record<string, unknown>;
  checkId: number | null;
}

export interface StoredPlacementEvent extends PlacementEventInput {
  id: number;
}

export async function insertPlacementEvent(db: Db, e: PlacementEventInput): Promise<number> {
  const row = await db
    .insertInto('placement_events')
    .values({
      placement_id: e.placementId,
      at: e.at,
      kind: e.kind,
      from_state: e.fromState,
      to_state: e.toState,
      message_id: e.messageId,
      message_params_json: JSON.stringify(e.params),
      check_id: e.checkId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The timeline of one placement (or of all), oldest first. */
export async function listPlacementEvents(db: Db, filter: { placementId?: number; since?: string } = {}): Promise<StoredPlacementEvent[]> {
  let query = db.selectFrom('placement_events').selectAll();
  if (filter.placementId !== undefined) query = query.where('placement_id', '=', filter.placementId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  const rows = await query.orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    placementId: r.placement_id,
    at: r.at,
    kind: r.kind,
    fromState: r.from_state,
    toState: r.to_state,
    messageId: r.message_id,
    params: parseJsonObject(r.message_params_json),
    checkId: r.check_id,
  }));
}
