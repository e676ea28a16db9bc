/**
 * Use-case: `linkwright touch <prospect> <kind> [--url] [--note] [--at]` — append a touch to the relationship
 * log. The pacing rules are checked first (core checkTouch, against the whole log: daily caps and the burst
 * rule count across authors); a touch that breaks a rule is still logged — Linkwright never acts for the
 * user, it records what they did — and the outcome carries every violated rule with when it would have been
 * safe, for the shell to warn. A touch that settles a stage (a comment on a followed author, a pitch on an
 * engaged one, a placed link) moves the prospect through the state machine's guards, in the same transaction.
 */
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import {
  checkTouch,
  DEFAULT_PACING_RULES,
  isTouchKind,
  type PacingRules,
  type PipelineStage,
  stageAfterTouch,
  TOUCH_KINDS,
  type Touch,
  type TouchCheck,
  type TouchKind,
} from '../core/outreach/index.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import { insertTouch } from '../store/outreach-repository.js';
import type { StoredProspect } from '../store/prospects-repository.js';
import { applyStageMove, loadCoreTouches, msToIso, type OutreachDeps, resolveProspect, storedStage } from './outreach-support.js';

export interface LogTouchRequest {
  prospect: string;
  kind: string;
  /** When it happened (epoch ms); default now. */
  at?: number;
  storyUrl?: string | null;
  note?: string | null;
  /** user (default), import, demo … */
  source?: string;
  rules?: PacingRules;
}

export interface LogTouchOutcome {
  prospect: StoredProspect;
  touchId: number;
  kind: TouchKind;
  at: number;
  check: TouchCheck;
  stageBefore: PipelineStage;
  stageAfter: PipelineStage;
}

export function parseTouchKind(value: string): TouchKind {
  const kind = value.trim().toLowerCase();
  if (!isTouchKind(kind)) {
    throw new LinkwrightError('INVALID_INPUT', `unknown touch kind "${value}" (kinds: ${TOUCH_KINDS.join(', ')})`, {
      details: { field: 'kind', value },
    });
  }
  return kind;
}

export function parseStoryUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const url = parseHttpUrl(value.trim());
  if (url === null) throw new LinkwrightError('INVALID_URL', `not an http(s) URL: ${JSON.stringify(value.slice(0, 200))}`, { url: value });
  return url.href;
}

export async function logTouch(deps: OutreachDeps & { rules?: PacingRules }, request: LogTouchRequest): Promise<LogTouchOutcome> {
  const kind = parseTouchKind(request.kind);
  const storyUrl = parseStoryUrl(request.storyUrl);
  const now = deps.clock.now();
  const at = request.at ?? now;
  if (!Number.isFinite(at)) throw new LinkwrightError('INVALID_INPUT', 'the touch time is not a valid date', { details: { field: 'at' } });
  const rules = request.rules ?? deps.rules ?? DEFAULT_PACING_RULES;
  return deps.store.db.transaction().execute(async (trx) => {
    const prospect = await resolveProspect(trx, request.prospect);
    const stageBefore = storedStage(prospect.stage);
    const all = await loadCoreTouches(trx);
    const check = checkTouch(rules, all, { prospectId: String(prospect.id), kind, at, storyUrl, stage: stageBefore }, now);
    const { id } = await insertTouch(trx, {
      prospectId: prospect.id,
      kind,
      at: msToIso(at),
      storyUrl,
      note: request.note ?? null,
      source: request.source ?? 'user',
      createdAt: msToIso(now),
    });
    const history = all.filter((t) => t.prospectId === String(prospect.id) && t.at <= at);
    const touch: Touch = { prospectId: String(prospect.id), kind, at, storyUrl, note: request.note ?? null };
    const stageAfter = stageAfterTouch(stageBefore, touch, history);
    if (stageAfter !== stageBefore) {
      await applyStageMove(trx, {
        prospectId: prospect.id,
        username: prospect.username,
        from: stageBefore,
        to: stageAfter,
        at: msToIso(now),
        source: 'touch',
        forced: false,
        note: `${kind} logged`,
      });
    }
    return { prospect, touchId: id as number, kind, at, check, stageBefore, stageAfter };
  });
}
