/**
 * Read models of the outreach pipeline: the board by stage (`linkwright pipeline`) and everything known about
 * one person (`linkwright prospect <id|@user>`: score breakdown, stage history, touches, drafts, placements
 * with their timeline, and what the pacing rules allow next).
 */
import {
  checkTouch,
  DEFAULT_PACING_RULES,
  isPipelineStage,
  listTransitions,
  OUTBOUND_TOUCH_KINDS,
  type OutboundTouchKind,
  type PacingRules,
  PIPELINE_STAGES,
  type PipelineStage,
  type TouchCheck,
  type TransitionResult,
} from '../core/outreach/index.js';
import { findMediumAuthor, listAuthorSnapshots, type StoredMediumAuthor } from '../store/medium-repository.js';
import {
  listDrafts,
  listStageChanges,
  listTouches,
  type StoredDraft,
  type StoredStageChange,
  type StoredTouch,
} from '../store/outreach-repository.js';
import {
  listPlacementChecks,
  listPlacementEvents,
  listPlacements,
  type StoredPlacement,
  type StoredPlacementCheck,
  type StoredPlacementEvent,
} from '../store/placements-repository.js';
import { listProspects, type StoredProspect } from '../store/prospects-repository.js';
import { loadCoreTouches, type OutreachDeps, resolveProspect, storedStage } from './outreach-support.js';

export interface BoardCard {
  id: number;
  username: string;
  name: string | null;
  /** null when never scored (coverage 0: imported without a score). */
  score: number | null;
  stage: string;
  pausedFrom: string | null;
  touches: number;
  lastTouchAt: string | null;
  lastTouchKind: string | null;
  placementsLive: number;
  placementsLost: number;
  stageChangedAt: string | null;
}

export interface BoardColumn {
  stage: string;
  prospects: BoardCard[];
}

export interface PipelineBoard {
  total: number;
  /** Every pipeline stage in order (empty ones too, so a kanban keeps its columns), then any unknown stage. */
  columns: BoardColumn[];
}

export async function pipelineBoard(deps: Pick<OutreachDeps, 'store'>): Promise<PipelineBoard> {
  const [prospects, touches, placements] = await Promise.all([
    listProspects(deps.store.db),
    listTouches(deps.store.db),
    listPlacements(deps.store.db),
  ]);
  const cards = prospects.map((p): BoardCard => {
    const mine = touches.filter((t) => t.prospectId === p.id);
    const last = mine[mine.length - 1];
    const theirs = placements.filter((x) => x.prospectId === p.id);
    return {
      id: p.id,
      username: p.username,
      name: p.name,
      score: p.coverage > 0 ? p.score : null,
      stage: p.stage,
      pausedFrom: p.pausedFrom,
      touches: mine.length,
      lastTouchAt: last?.at ?? null,
      lastTouchKind: last?.kind ?? null,
      placementsLive: theirs.filter((x) => x.state === 'live' || x.state === 'changed').length,
      placementsLost: theirs.filter((x) => x.state === 'lost').length,
      stageChangedAt: p.stageChangedAt,
    };
  });
  const stages: string[] = [...PIPELINE_STAGES];
  for (const c of cards) if (!stages.includes(c.stage)) stages.push(c.stage);
  return {
    total: cards.length,
    columns: stages.map((stage) => ({
      stage,
      // listProspects already ranks qualified first, then by score.
      prospects: cards.filter((c) => c.stage === stage),
    })),
  };
}

export interface PlacementDetail {
  placement: StoredPlacement;
  checks: StoredPlacementCheck[];
  timeline: StoredPlacementEvent[];
}

export interface ProspectDetail {
  prospect: StoredProspect;
  author: StoredMediumAuthor | null;
  followerHistory: { capturedAt: string; followers: number | null }[];
  stageHistory: StoredStageChange[];
  touches: StoredTouch[];
  drafts: StoredDraft[];
  placements: PlacementDetail[];
  /** What each outbound touch would meet now under the pacing rules. */
  pacing: { kind: OutboundTouchKind; check: TouchCheck }[];
  /** Where the prospect may move now (kanban drop targets). */
  transitions: { stage: PipelineStage; result: TransitionResult }[];
}

export async function prospectDetail(deps: OutreachDeps & { rules?: PacingRules }, ref: string): Promise<ProspectDetail> {
  const db = deps.store.db;
  const prospect = await resolveProspect(db, ref);
  const author = await findMediumAuthor(db, prospect.username);
  const [followerHistory, stageHistory, touches, drafts, placements, allTouches] = await Promise.all([
    author === null ? Promise.resolve([]) : listAuthorSnapshots(db, author.id),
    listStageChanges(db, prospect.id),
    listTouches(db, { prospectId: prospect.id }),
    listDrafts(db, prospect.id),
    listPlacements(db, { prospectId: prospect.id }),
    loadCoreTouches(db),
  ]);
  const placementDetails: PlacementDetail[] = [];
  for (const placement of placements) {
    placementDetails.push({
      placement,
      checks: await listPlacementChecks(db, placement.id),
      timeline: await listPlacementEvents(db, { placementId: placement.id }),
    });
  }
  const stage = storedStage(prospect.stage);
  const now = deps.clock.now();
  const rules = deps.rules ?? DEFAULT_PACING_RULES;
  const mine = allTouches.filter((t) => t.prospectId === String(prospect.id));
  return {
    prospect,
    author,
    followerHistory: followerHistory.map((s) => ({ capturedAt: s.capturedAt, followers: s.followers })),
    stageHistory,
    touches,
    drafts,
    placements: placementDetails,
    pacing: OUTBOUND_TOUCH_KINDS.map((kind) => ({
      kind,
      check: checkTouch(rules, allTouches, { prospectId: String(prospect.id), kind, at: now, stage }, now),
    })),
    transitions: listTransitions(stage, {
      touches: mine,
      stageBeforePause: prospect.pausedFrom !== null && isPipelineStage(prospect.pausedFrom) ? prospect.pausedFrom : null,
    }),
  };
}
