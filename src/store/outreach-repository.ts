/**
 * The relationship log of the outreach pipeline: touches (append-only), the stage history, and pitch drafts.
 * Times are ISO-8601 UTC text (they sort as text on both dialects); the app converts to epoch ms for the core.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface TouchInput {
  prospectId: number;
  kind: string;
  at: string;
  storyUrl: string | null;
  note: string | null;
  /** user | import | monitor | demo */
  source: string;
  /** Set for touches the tool records itself: a second insert with the same key is ignored. */
  dedupeKey?: string | null;
  createdAt: string;
}

export interface StoredTouch {
  id: number;
  prospectId: number;
  kind: string;
  at: string;
  storyUrl: string | null;
  note: string | null;
  source: string;
  createdAt: string;
}

/** Appends a touch. With a dedupe key already present nothing is written and `inserted` is false. */
export async function insertTouch(db: Db, input: TouchInput): Promise<{ id: number | null; inserted: boolean }> {
  const row = await db
    .insertInto('touches')
    .values({
      prospect_id: input.prospectId,
      kind: input.kind,
      at: input.at,
      story_url: input.storyUrl,
      note: input.note,
      source: input.source,
      dedupe_key: input.dedupeKey ?? null,
      created_at: input.createdAt,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row ? { id: row.id, inserted: true } : { id: null, inserted: false };
}

export interface TouchFilter {
  prospectId?: number;
  /** Inclusive lower bound (ISO). */
  since?: string;
}

/** Touches oldest first (equal times in log order). */
export async function listTouches(db: Db, filter: TouchFilter = {}): Promise<StoredTouch[]> {
  let query = db.selectFrom('touches').select(['id', 'prospect_id', 'kind', 'at', 'story_url', 'note', 'source', 'created_at']);
  if (filter.prospectId !== undefined) query = query.where('prospect_id', '=', filter.prospectId);
  if (filter.since !== undefined) query = query.where('at', '>=', filter.since);
  const rows = await query.orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    prospectId: r.prospect_id,
    kind: r.kind,
    at: r.at,
    storyUrl: r.story_url,
    note: r.note,
    source: r.source,
    createdAt: r.created_at,
  }));
}

export interface StageChangeInput {
  prospectId: number;
  from: string | null;
  to: string;
  at: string;
  /** user | touch | monitor | import | demo */
  source: string;
  forced: boolean;
  /** Display only: the rules `--force` bypassed (message ids + params). */
  bypassed: unknown[];
  note: string | null;
}

export interface StoredStageChange extends StageChangeInput {
  id: number;
}

export async function insertStageChange(db: Db, input: StageChangeInput): Promise<number> {
  const row = await db
    .insertInto('stage_changes')
    .values({
      prospect_id: input.prospectId,
      from_stage: input.from,
      to_stage: input.to,
      at: input.at,
      source: input.source,
      forced: input.forced ? 1 : 0,
      bypassed_json: JSON.stringify(input.bypassed),
      note: input.note,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Stage history of one prospect, oldest first. */
export async function listStageChanges(db: Db, prospectId: number): Promise<StoredStageChange[]> {
  const rows = await db.selectFrom('stage_changes').selectAll().where('prospect_id', '=', prospectId).orderBy('at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    prospectId: r.prospect_id,
    from: r.from_stage,
    to: r.to_stage,
    at: r.at,
    source: r.source,
    forced: r.forced === 1,
    bypassed: parseJsonArray(r.bypassed_json),
    note: r.note,
  }));
}

export interface DraftInput {
  prospectId: number;
  templateId: string;
  subject: string | null;
  body: string;
  storyUrl: string | null;
  assetUrl: string | null;
  editMarkers: number;
  createdAt: string;
}

export interface StoredDraft extends DraftInput {
  id: number;
}

export async function insertDraft(db: Db, input: DraftInput): Promise<number> {
  const row = await db
    .insertInto('drafts')
    .values({
      prospect_id: input.prospectId,
      template_id: input.templateId,
      subject: input.subject,
      body: input.body,
      story_url: input.storyUrl,
      asset_url: input.assetUrl,
      edit_markers: input.editMarkers,
      created_at: input.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Drafts of one prospect, newest first. */
export async function listDrafts(db: Db, prospectId: number): Promise<StoredDraft[]> {
  const rows = await db
    .selectFrom('drafts')
    .selectAll()
    .where('prospect_id', '=', prospectId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    prospectId: r.prospect_id,
    templateId: r.template_id,
    subject: r.subject,
    body: r.body,
    storyUrl: r.story_url,
    assetUrl: r.asset_url,
    editMarkers: r.edit_markers,
    createdAt: r.created_at,
  }));
}

/** Stored display JSON: anything that is not an array (an older or damaged record) reads as empty, never fatal. */
export function parseJsonArray(text: string): unknown[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
