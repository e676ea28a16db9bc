/**
 * Shared pieces of the outreach use-cases: addressing a prospect (`12` or `@username`), converting stored
 * records to the core's epoch-ms records, and applying a stage move with its history row.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../core/clock.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { isPipelineStage, isTouchKind, type PipelineStage, type Touch } from '../core/outreach/index.js';
import type { Store } from '../store/open-store.js';
import type { Database } from '../store/schema.js';
import { insertStageChange, listTouches, type StoredTouch } from '../store/outreach-repository.js';
import { findProspect, findProspectById, setProspectStage, type StoredProspect } from '../store/prospects-repository.js';

export type Db = Kysely<Database> | Transaction<Database>;

/** `12`, `#12`, `@maya-fields`, `maya-fields` or a profile URL's username. */
export function parseProspectRef(ref: string): { id: number } | { username: string } {
  const text = ref.trim();
  const id = /^#?(\d{1,15})$/.exec(text);
  if (id?.[1] !== undefined) return { id: Number(id[1]) };
  const username = text.replace(/^@/, '').toLowerCase();
  if (!/^[a-z0-9._-]{1,64}$/.test(username)) {
    throw new LinkwrightError('INVALID_INPUT', `not a prospect id or @username: ${JSON.stringify(text.slice(0, 100))}`, {
      position: { input: text },
    });
  }
  return { username };
}

/** The stored prospect a reference names; throws PROSPECT_NOT_FOUND (a validation error) when none does. */
export async function resolveProspect(db: Db, ref: string): Promise<StoredProspect> {
  const parsed = parseProspectRef(ref);
  const found = 'id' in parsed ? await findProspectById(db, parsed.id) : await findProspect(db, parsed.username);
  if (found === null) {
    throw new LinkwrightError(
      'PROSPECT_NOT_FOUND',
      `no prospect ${'id' in parsed ? `with id ${parsed.id}` : `@${parsed.username}`} (list them with \`linkwright pipeline\`; add them with \`linkwright discover\` or \`linkwright pipeline --import\`)`,
      { details: { ref } },
    );
  }
  return found;
}

export function isoToMs(iso: string): number {
  return Date.parse(iso);
}

export function msToIso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNullToMs(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/** A stored touch as the core's Touch (unknown kinds from a newer version are left out). */
export function coreTouch(t: StoredTouch): Touch | null {
  if (!isTouchKind(t.kind)) return null;
  return { prospectId: String(t.prospectId), kind: t.kind, at: isoToMs(t.at), storyUrl: t.storyUrl, note: t.note };
}

export async function loadCoreTouches(db: Db, filter: { prospectId?: number } = {}): Promise<Touch[]> {
  return (await listTouches(db, filter)).map(coreTouch).filter((t): t is Touch => t !== null);
}

/** A stage read from the store; anything unknown (hand-edited data) is treated as `found`. */
export function storedStage(stage: string): PipelineStage {
  return isPipelineStage(stage) ? stage : 'found';
}

export interface StageMove {
  prospectId: number;
  username: string;
  from: PipelineStage;
  to: PipelineStage;
  at: string;
  source: string;
  forced: boolean;
}

/**
 * Stores a stage move (already allowed by the state machine) and its history row. Entering `paused` keeps the
 * stage paused from; any other move clears it.
 */
export async function applyStageMove(db: Db, move: StageMove & { bypassed?: unknown[]; note?: string | null }): Promise<void> {
  await setProspectStage(db, {
    id: move.prospectId,
    stage: move.to,
    pausedFrom: move.to === 'paused' ? move.from : null,
    at: move.at,
  });
  await insertStageChange(db, {
    prospectId: move.prospectId,
    from: move.from,
    to: move.to,
    at: move.at,
    source: move.source,
    forced: move.forced,
    bypassed: move.bypassed ?? [],
    note: move.note ?? null,
  });
}

export interface OutreachDeps {
  store: Store;
  clock: Clock;
}
