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
}

export interface ProspectFilter {
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
    ]);
}

/** Prospects ranked as a list is read: qualified first, then by score, then by username. */
export async function listProspects(db: Db, filter: ProspectFilter = {}): Promise<StoredProspect[]> {
  let query = baseQuery(db);
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
  }));
}

export async function findProspect(db: Db, username: string): Promise<StoredProspect | null> {
  return (await listProspects(db, { username, limit: 1 }))[0] ?? null;
}
