/**
 * Prospects: Medium authors worth a relationship, with their 0–100 score, its breakdown and the quality
 * gate's verdict. One row per author (author_id unique): a repeated discovery updates the row.
 *
 * Stages: discovery owns `found` and `qualified` and moves a prospect between them on every run; any other
 * stage (set later by the outreach pipeline: contacted, pitched, …) belongs to the user and is never
 * overwritten by a re-discovery.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The stages discovery sets. */
export const DISCOVERY_STAGES = ['found', 'qualified'] as const;
export type DiscoveryStage = (typeof DISCOVERY_STAGES)[number];

export interface ProspectInput {
  /** medium_authors.id */
  authorId: number;
  /** The niche the author was judged against (keywords and tags as typed). */
  niche: string;
  score: number;
  coverage: number;
  /** Display only; stored as JSON. */
  breakdown: unknown;
  qualified: boolean;
  /** Display only; stored as JSON. */
  gateReasons: unknown;
  now: string;
}

export interface SavedProspect {
  id: number;
  created: boolean;
  stage: string;
}

export async function upsertProspect(db: Kysely<Database>, input: ProspectInput): Promise<SavedProspect> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('prospects').select(['id', 'stage']).where('author_id', '=', input.authorId).executeTakeFirst();
    const discoveryStage: DiscoveryStage = input.qualified ? 'qualified' : 'found';
    const values = {
      niche: input.niche,
      score: input.score,
      score_coverage: input.coverage,
      score_breakdown_json: JSON.stringify(input.breakdown),
      qualified: input.qualified ? 1 : 0,
      gate_reasons_json: JSON.stringify(input.gateReasons),
      updated_at: input.now,
    };
    if (!existing) {
      const row = await trx
        .insertInto('prospects')
        .values({ author_id: input.authorId, ...values, stage: discoveryStage, next_touch_at: null, created_at: input.now })
        // Two writers racing on one author: the second updates (idempotent writes, DESIGN §3).
        .onConflict((oc) => oc.column('author_id').doUpdateSet(values))
        .returning(['id', 'stage'])
        .executeTakeFirstOrThrow();
      return { id: row.id, created: true, stage: row.stage };
    }
    const stage = (DISCOVERY_STAGES as readonly string[]).includes(existing.stage) ? discoveryStage : existing.stage;
    await trx
      .updateTable('prospects')
      .set({ ...values, stage })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, created: false, stage };
  });
}

export interface StoredProspect {
  id: number;
  authorId: number;
  username: string;
  name: string | null;
  userId: string | null;
  followers: number | null;
  following: number | null;
  profileUrl: string | null;
  niche: string;
  score: number;
  coverage: number;
  breakdown: unknown;
  qualified: boolean;
  gateReasons: unknown;
  stage: string;
  nextTouchAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** The stage held before a pause (only while `stage` is paused). */
  pausedFrom: string | null;
  /** When the stage last changed through the outreach pipeline (null: never moved since discovery). */
  stageChangedAt: string | null;
}

export interface ProspectFilter {
  id?: number;
  /** Inclusive. */
  minScore?: number;
  stage?: string;
  qualified?: boolean;
  username?: string;
  limit?: number;
}

function baseQuery(db: Db) {
  return db
    .selectFrom('prospects')
    .innerJoin('medium_authors', 'medium_authors.id', 'prospects.author_id')
    .select([
      'prospects.id',
      'prospects.author_id',
      'medium_authors.username',
      'medium_authors.name',
      'medium_authors.user_id',
      'medium_authors.followers',
      'medium_authors.following',
      'medium_authors.profile_url',
      'prospects.niche',
      'prospects.score',
      'prospects.score_coverage',
      'prospects.score_breakdown_json',
      'prospects.qualified',
      'prospects.gate_reasons_json',
      'prospects.stage',
      'prospects.next_touch_at',
      'prospects.created_at',
      'prospects.updated_at',
      'prospects.paused_from',
      'prospects.stage_changed_at',
    ]);
}

/** Prospects ranked as a list is read: qualified first, then by score, then by username. */
export async function listProspects(db: Db, filter: ProspectFilter = {}): Promise<StoredProspect[]> {
  let query = baseQuery(db);
  if (filter.id !== undefined) query = query.where('prospects.id', '=', filter.id);
  if (filter.minScore !== undefined) query = query.where('prospects.score', '>=', filter.minScore);
  if (filter.stage !== undefined) query = query.where('prospects.stage', '=', filter.stage);
  if (filter.qualified !== undefined) query = query.where('prospects.qualified', '=', filter.qualified ? 1 : 0);
  if (filter.username !== undefined) query = query.where('medium_authors.username', '=', filter.username.replace(/^@/, '').toLowerCase());
  query = query.orderBy('prospects.qualified', 'desc').orderBy('prospects.score', 'desc').orderBy('medium_authors.username');
  if (filter.limit !== undefined) query = query.limit(filter.limit);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    authorId: r.author_id,
    username: r.username,
    name: r.name,
    userId: r.user_id,
    followers: r.followers,
    following: r.following,
    profileUrl: r.profile_url,
    niche: r.niche,
    score: r.score,
    coverage: r.score_coverage,
    breakdown: JSON.parse(r.score_breakdown_json) as unknown,
    qualified: r.qualified === 1,
    gateReasons: JSON.parse(r.gate_reasons_json) as unknown,
    stage: r.stage,
    nextTouchAt: r.next_touch_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    pausedFrom: r.paused_from,
    stageChangedAt: r.stage_changed_at,
  }));
}

export async function findProspect(db: Db, username: string): Promise<StoredProspect | null> {
  return (await listProspects(db, { username, limit: 1 }))[0] ?? null;
}

export async function findProspectById(db: Db, id: number): Promise<StoredProspect | null> {
  return (await listProspects(db, { id, limit: 1 }))[0] ?? null;
}

/**
 * Sets a prospect's stage (the caller has checked the move with the pipeline state machine) and the stage it
 * paused from (kept only while paused). Returns false when the prospect does not exist.
 */
export async function setProspectStage(
  db: Db,
  input: { id: number; stage: string; pausedFrom: string | null; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('prospects')
    .set({ stage: input.stage, paused_from: input.pausedFrom, stage_changed_at: input.at, updated_at: input.at })
    .where('id', '=', input.id)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** One validated row of a prospects CSV (src/app/prospects-csv.ts validates; this only writes). */
export interface ImportedProspect {
  /** Lower-cased, without "@". */
  username: string;
  name: string | null;
  profileUrl: string | null;
  /** null: keep the stored stage (new prospects start at found). */
  stage: string | null;
  pausedFrom: string | null;
  niche: string | null;
  /** 0–100, or null when the sheet has none (stored as 0 with coverage 0 = unscored). */
  score: number | null;
  qualified: boolean | null;
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Stage moves the import made, for the stage history. */
  stageChanges: { prospectId: number; username: string; from: string | null; to: string }[];
}

/**
 * Writes imported prospects in ONE transaction: authors are matched by lower-cased username (created when
 * unknown), prospects by author; any failure rolls everything back, so a file is stored whole or not at all.
 * A stage from the sheet is the user's own record and is taken as given (recorded with source `import`).
 */
export async function importProspects(db: Kysely<Database>, rows: readonly ImportedProspect[], now: string): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const out: ImportResult = { created: 0, updated: 0, unchanged: 0, stageChanges: [] };
    for (const row of rows) {
      let author = await trx.selectFrom('medium_authors').select(['id', 'name', 'profile_url']).where('username', '=', row.username).executeTakeFirst();
      if (!author) {
        const inserted = await trx
          .insertInto('medium_authors')
          .values({
            user_id: null,
            username: row.username,
            name: row.name,
            bio: null,
            followers: null,
            following: null,
            member_since: null,
            profile_url: row.profileUrl,
            captured_at: now,
          })
          .returning(['id', 'name', 'profile_url'])
          .executeTakeFirstOrThrow();
        author = inserted;
      } else if ((row.name !== null && row.name !== author.name) || (row.profileUrl !== null && row.profileUrl !== author.profile_url)) {
        await trx
          .updateTable('medium_authors')
          .set({ name: row.name ?? author.name, profile_url: row.profileUrl ?? author.profile_url })
          .where('id', '=', author.id)
          .execute();
      }
      const existing = await trx
        .selectFrom('prospects')
        .select(['id', 'stage', 'paused_from', 'niche', 'score', 'qualified'])
        .where('author_id', '=', author.id)
        .executeTakeFirst();
      if (!existing) {
        const stage = row.stage ?? 'found';
        const created = await trx
          .insertInto('prospects')
          .values({
            author_id: author.id,
            niche: row.niche ?? '',
            score: row.score ?? 0,
            score_coverage: row.score === null ? 0 : 1,
            score_breakdown_json: '[]',
            qualified: (row.qualified ?? stage !== 'found') ? 1 : 0,
            gate_reasons_json: '[]',
            stage,
            next_touch_at: null,
            created_at: now,
            updated_at: now,
            paused_from: stage === 'paused' ? row.pausedFrom : null,
            stage_changed_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        out.created++;
        out.stageChanges.push({ prospectId: created.id, username: row.username, from: null, to: stage });
        continue;
      }
      const stage = row.stage ?? existing.stage;
      const pausedFrom = stage === 'paused' ? (row.pausedFrom ?? (existing.stage === 'paused' ? existing.paused_from : null)) : null;
      const niche = row.niche ?? existing.niche;
      const score = row.score ?? existing.score;
      const qualified = row.qualified === null ? existing.qualified : row.qualified ? 1 : 0;
      const same =
        stage === existing.stage && pausedFrom === existing.paused_from && niche === existing.niche && score === existing.score && qualified === existing.qualified;
      if (same) {
        out.unchanged++;
        continue;
      }
      await trx
        .updateTable('prospects')
        .set({
          stage,
          paused_from: pausedFrom,
          niche,
          score,
          qualified,
          updated_at: now,
          ...(stage === existing.stage ? {} : { stage_changed_at: now }),
          ...(row.score === null || row.score === existing.score ? {} : { score_coverage: 1 }),
        })
        .where('id', '=', existing.id)
        .execute();
      out.updated++;
      if (stage !== existing.stage) out.stageChanges.push({ prospectId: existing.id, username: row.username, from: existing.stage, to: stage });
    }
    for (const change of out.stageChanges) {
      await trx
        .insertInto('stage_changes')
        .values({
          prospect_id: change.prospectId,
          from_stage: change.from,
          to_stage: change.to,
          at: now,
          source: 'import',
          forced: 0,
          bypassed_json: '[]',
          note: null,
        })
        .execute();
    }
    return out;
  });
}
