/**
 * Use-case: `linkwright stage <prospect> <stage> [--force]` — move a prospect along the pipeline through the
 * core state machine (guards: a pitch needs engagement, `linked` needs a logged placement, backward moves are
 * corrections, a pause resumes where it stopped). Stored with a stage-history row in one transaction.
 */
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { isPipelineStage, type OutreachMessage, PIPELINE_STAGES, type PipelineStage, transition } from '../core/outreach/index.js';
import type { StoredProspect } from '../store/prospects-repository.js';
import { applyStageMove, loadCoreTouches, msToIso, type OutreachDeps, resolveProspect, storedStage } from './outreach-support.js';

export interface ChangeStageRequest {
  /** Prospect id or @username. */
  prospect: string;
  stage: string;
  /** Override the guards and direction rules (never a hard rule: same stage, pausing an inactive prospect). */
  force?: boolean;
  note?: string | null;
  /** Who asks: user (CLI) by default; the demo records `demo`. */
  source?: string;
}

export interface ChangeStageOutcome {
  prospect: StoredProspect;
  from: PipelineStage;
  to: PipelineStage;
  forced: boolean;
  /** The rules `force` overrode (empty without force). */
  bypassed: OutreachMessage[];
}

export function parseStage(value: string): PipelineStage {
  const stage = value.trim().toLowerCase();
  if (!isPipelineStage(stage)) {
    throw new LinkwrightError('INVALID_INPUT', `unknown stage "${value}" (stages: ${PIPELINE_STAGES.join(', ')})`, {
      details: { field: 'stage', value },
    });
  }
  return stage;
}

export async function changeStage(deps: OutreachDeps, request: ChangeStageRequest): Promise<ChangeStageOutcome> {
  const target = parseStage(request.stage);
  const at = msToIso(deps.clock.now());
  return deps.store.db.transaction().execute(async (trx) => {
    const prospect = await resolveProspect(trx, request.prospect);
    const from = storedStage(prospect.stage);
    const touches = await loadCoreTouches(trx, { prospectId: prospect.id });
    const context = {
      touches,
      force: request.force ?? false,
      stageBeforePause: prospect.pausedFrom !== null && isPipelineStage(prospect.pausedFrom) ? prospect.pausedFrom : null,
    };
    const result = transition(from, target, context);
    if (!result.ok) {
      const forcible = !context.force && transition(from, target, { ...context, force: true }).ok;
      throw new LinkwrightError('STAGE_TRANSITION_REFUSED', `@${prospect.username} cannot move from ${from} to ${target}`, {
        details: { prospect: prospect.id, from, to: target, reasons: result.reasons, forcible },
      });
    }
    await applyStageMove(trx, {
      prospectId: prospect.id,
      username: prospect.username,
      from,
      to: result.stage,
      at,
      source: request.source ?? 'user',
      forced: result.forced,
      bypassed: result.bypassed,
      note: request.note ?? null,
    });
    return { prospect, from, to: result.stage, forced: result.forced, bypassed: result.bypassed };
  });
}
