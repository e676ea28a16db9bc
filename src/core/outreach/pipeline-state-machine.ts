/**
 * The outreach pipeline as a pure state machine (DESIGN §1 "Work the relationship", feature-anchors §3 gap 5:
 * "a relationship CRM with Medium-shaped stages … advancing automatically from observed events, in the spirit of
 * BuzzStream's auto 'Attempting to Reach'" — feature-anchors §1.5).
 *
 *   found → qualified → followed → engaged → pitched → linked
 *   plus  declined (they said no), lost (went cold, or the placed link disappeared), paused (we stopped for now).
 *
 * Rules, in the order they are checked (each refusal is a stable message id + params):
 * - Forward moves along the ladder may skip steps (you may have followed someone before logging it), but
 *   `pitched` needs at least one engagement touch (comment, clap, response, reply): a cold pitch is what the
 *   method avoids; and `linked` is reached only from `engaged`/`pitched` and needs a logged `link-placed` touch
 *   (the link must have been seen, not hoped for).
 * - Backward moves are corrections, so they need `force`.
 * - `declined`, `lost` and `paused` can be entered from every active stage (found…pitched); `paused` can also be
 *   declined or lost. `linked` can become `lost` (the link was removed).
 * - Resuming from `paused` goes back to the stage held before the pause (given in the context, the caller keeps it
 *   next to the stage), so a pause never skips a guard; any other target needs `force`.
 * - `declined` and `lost` can be reopened to `qualified` (a fresh start that keeps the touch history).
 * - `force` bypasses guards and direction rules; it never makes a no-op move, pauses a stage that is not active,
 *   or accepts an unknown stage. Every bypassed rule is returned, so the shell can log what was overridden.
 */
import { type OutreachMessage, outreachMessage } from './outreach-messages.js';
import { isEngagementKind, sortTouches, type Touch } from './touch-types.js';

export const PIPELINE_STAGES = ['found', 'qualified', 'followed', 'engaged', 'pitched', 'linked', 'declined', 'lost', 'paused'] as const;

export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/** Stages where the relationship is being worked: the pacing planner acts on (some of) them, and they can be paused. */
export const ACTIVE_STAGES = ['found', 'qualified', 'followed', 'engaged', 'pitched'] as const satisfies readonly PipelineStage[];

/** Stages on which no outbound touch is planned or advised (the pacing rules refuse them). */
export const INACTIVE_STAGES = ['linked', 'declined', 'lost', 'paused'] as const satisfies readonly PipelineStage[];

/** Position on the ladder found(0) … linked(5); the side stages have none. */
const LADDER: Readonly<Partial<Record<PipelineStage, number>>> = { found: 0, qualified: 1, followed: 2, engaged: 3, pitched: 4, linked: 5 };

/** `linked` only from these: a link shows up after a relationship, not out of a cold follow (issue text). */
export const LINKED_FROM_STAGES = ['engaged', 'pitched'] as const satisfies readonly PipelineStage[];

export function isPipelineStage(value: string): value is PipelineStage {
  return (PIPELINE_STAGES as readonly string[]).includes(value);
}

export function isActiveStage(stage: PipelineStage): boolean {
  return (ACTIVE_STAGES as readonly string[]).includes(stage);
}

export interface TransitionContext {
  /** The prospect's touches (any order); guards read them. */
  touches: readonly Touch[];
  /** Override guards and direction rules (`linkwright stage <p> <stage> --force`). */
  force?: boolean;
  /** For a move out of `paused`: the stage held when the pause began. */
  stageBeforePause?: PipelineStage | null;
}

export type TransitionResult =
  | { ok: true; stage: PipelineStage; forced: boolean; bypassed: OutreachMessage[] }
  | { ok: false; reason: OutreachMessage; reasons: OutreachMessage[] };

interface Refusal {
  reason: OutreachMessage;
  /** Whether `force` may override it. */
  bypassable: boolean;
}

function engagementCount(touches: readonly Touch[]): number {
  return touches.filter((t) => isEngagementKind(t.kind)).length;
}

function refusals(from: string, to: string, ctx: TransitionContext): Refusal[] {
  const hard = (reason: OutreachMessage): Refusal[] => [{ reason, bypassable: false }];
  if (!isPipelineStage(from)) return hard(outreachMessage('pipeline.unknown-stage', { stage: from }));
  if (!isPipelineStage(to)) return hard(outreachMessage('pipeline.unknown-stage', { stage: to }));
  if (from === to) return hard(outreachMessage('pipeline.same-stage', { stage: from }));
  const soft = (reason: OutreachMessage): Refusal => ({ reason, bypassable: true });

  if (to === 'paused') {
    return isActiveStage(from) ? [] : hard(outreachMessage('pipeline.pause-not-active', { from }));
  }
  if (from === 'paused') {
    if (to === 'declined' || to === 'lost') return [];
    const before = ctx.stageBeforePause ?? null;
    if (before === null || !isActiveStage(before)) return [soft(outreachMessage('pipeline.resume-unknown', { to }))];
    return to === before ? [] : [soft(outreachMessage('pipeline.resume-wrong-stage', { to, expected: before }))];
  }
  if (to === 'declined' || to === 'lost') {
    if (isActiveStage(from)) return [];
    if (from === 'linked' && to === 'lost') return [];
    return [soft(outreachMessage('pipeline.not-allowed', { from, to }))];
  }
  if (from === 'declined' || from === 'lost') {
    return to === 'qualified' ? [] : [soft(outreachMessage('pipeline.reopen-only-qualified', { from, to }))];
  }
  if (from === 'linked') return [soft(outreachMessage('pipeline.closed', { from, to }))];

  // Both on the ladder, `from` active.
  const out: Refusal[] = [];
  const fromRank = LADDER[from] ?? 0;
  const toRank = LADDER[to] ?? 0;
  if (toRank < fromRank) out.push(soft(outreachMessage('pipeline.backward', { from, to })));
  if (to === 'linked') {
    if (!(LINKED_FROM_STAGES as readonly string[]).includes(from)) {
      out.push(soft(outreachMessage('pipeline.linked-from', { from, allowed: LINKED_FROM_STAGES.join(', ') })));
    }
    if (!ctx.touches.some((t) => t.kind === 'link-placed')) out.push(soft(outreachMessage('pipeline.link-needs-placement', {})));
  }
  if (to === 'pitched') {
    const have = engagementCount(ctx.touches);
    if (have < 1) out.push(soft(outreachMessage('pipeline.pitch-needs-engagement', { have, need: 1 })));
  }
  return out;
}

/**
 * Moves a prospect from `current` to `target` if the rules allow it (or `force` overrides them).
 * Pure: the caller stores the new stage (and, when entering `paused`, the stage it paused from).
 */
export function transition(current: PipelineStage, target: PipelineStage, context: TransitionContext): TransitionResult {
  const found = refusals(current, target, context);
  if (found.length === 0) return { ok: true, stage: target, forced: false, bypassed: [] };
  const hard = found.filter((r) => !r.bypassable);
  if (context.force === true && hard.length === 0) {
    return { ok: true, stage: target, forced: true, bypassed: found.map((r) => r.reason) };
  }
  const shown = hard.length > 0 ? hard : found;
  const first = shown[0] as Refusal;
  return { ok: false, reason: first.reason, reasons: shown.map((r) => r.reason) };
}

/** Every stage with whether `current` may move there now (for a kanban's drop targets, or `stage --help`). */
export function listTransitions(current: PipelineStage, context: TransitionContext): { stage: PipelineStage; result: TransitionResult }[] {
  return PIPELINE_STAGES.filter((s) => s !== current).map((stage) => ({ stage, result: transition(current, stage, context) }));
}

/**
 * The stage a logged touch moves a prospect to, where that is unambiguous; otherwise `stage` unchanged.
 * - `follow` on found/qualified → followed;
 * - `comment` or `response-received` on found/qualified/followed → engaged (the issue's example: a comment moves
 *   followed → engaged; a response from them is engagement too). A clap does not: "engaged" means a conversation
 *   was started (feature-anchors §3 gap 5 "engaged (n comments)"), and a clap is anonymous in volume;
 * - `pitch` on engaged → pitched (from earlier stages the user decides with `stage … pitched`);
 * - `link-placed` on engaged/pitched → linked.
 * `reply` changes nothing (a reply can be yes or no), nor does anything on paused/declined/lost/linked.
 *
 * The move must also pass `transition`'s guards over `history` (the prospect's earlier touches) plus this touch,
 * so an automatic move never does what a manual one may not: a pitch logged on an `engaged` prospect with no
 * engagement touch in the log (stage set by hand) leaves it `engaged`.
 */
export function stageAfterTouch(
  stage: PipelineStage,
  touch: Pick<Touch, 'kind'> & Partial<Touch>,
  history: readonly Touch[] = [],
): PipelineStage {
  const next = automaticTarget(stage, touch.kind);
  if (next === stage) return stage;
  const asTouch: Touch = { prospectId: touch.prospectId ?? '', at: touch.at ?? 0, ...touch };
  return transition(stage, next, { touches: [...history, asTouch] }).ok ? next : stage;
}

function automaticTarget(stage: PipelineStage, kind: Touch['kind']): PipelineStage {
  switch (kind) {
    case 'follow':
      return stage === 'found' || stage === 'qualified' ? 'followed' : stage;
    case 'comment':
    case 'response-received':
      return stage === 'found' || stage === 'qualified' || stage === 'followed' ? 'engaged' : stage;
    case 'pitch':
      return stage === 'engaged' ? 'pitched' : stage;
    case 'link-placed':
      return stage === 'engaged' || stage === 'pitched' ? 'linked' : stage;
    default:
      return stage;
  }
}

/** Applies `stageAfterTouch` over touches in time order (for rebuilding a stage from a log, or tests). */
export function replayTouches(stage: PipelineStage, touches: readonly Touch[]): PipelineStage {
  let current = stage;
  const seen: Touch[] = [];
  for (const t of sortTouches(touches)) {
    current = stageAfterTouch(current, t, seen);
    seen.push(t);
  }
  return current;
}
