import { describe, expect, it } from 'vitest';
import { renderOutreachMessage } from './outreach-messages.js';
import {
  listTransitions,
  PIPELINE_STAGES,
  type PipelineStage,
  replayTouches,
  stageAfterTouch,
  type TransitionContext,
  transition,
} from './pipeline-state-machine.js';
import { TOUCH_KINDS, type Touch, type TouchKind } from './touch-types.js';

const T0 = Date.parse('2025-03-03T10:00:00Z');

function touch(kind: TouchKind, dayOffset = 0): Touch {
  return { prospectId: 'p1', kind, at: T0 + dayOffset * 86_400_000 };
}

/** A prospect with engagement and a placed link, paused from `engaged` (if paused). */
const RICH: TransitionContext = { touches: [touch('follow'), touch('comment', 1), touch('link-placed', 20)], stageBeforePause: 'engaged' };
/** No touches at all, pause origin unknown. */
const LEAN: TransitionContext = { touches: [], stageBeforePause: null };

type Expect = 'ok' | string;

/**
 * Every (from, to) pair with the RICH context: 'ok' or the id of the first refusal. Written out by hand from the
 * rules in the module header (not derived from the implementation).
 */
const RICH_TABLE: Record<PipelineStage, Record<PipelineStage, Expect>> = {
  found: {
    found: 'pipeline.same-stage',
    qualified: 'ok',
    followed: 'ok',
    engaged: 'ok',
    pitched: 'ok',
    linked: 'pipeline.linked-from',
    declined: 'ok',
    lost: 'ok',
    paused: 'ok',
  },
  qualified: {
    found: 'pipeline.backward',
    qualified: 'pipeline.same-stage',
    followed: 'ok',
    engaged: 'ok',
    pitched: 'ok',
    linked: 'pipeline.linked-from',
    declined: 'ok',
    lost: 'ok',
    paused: 'ok',
  },
  followed: {
    found: 'pipeline.backward',
    qualified: 'pipeline.backward',
    followed: 'pipeline.same-stage',
    engaged: 'ok',
    pitched: 'ok',
    linked: 'pipeline.linked-from',
    declined: 'ok',
    lost: 'ok',
    paused: 'ok',
  },
  engaged: {
    found: 'pipeline.backward',
    qualified: 'pipeline.backward',
    followed: 'pipeline.backward',
    engaged: 'pipeline.same-stage',
    pitched: 'ok',
    linked: 'ok',
    declined: 'ok',
    lost: 'ok',
    paused: 'ok',
  },
  pitched: {
    found: 'pipeline.backward',
    qualified: 'pipeline.backward',
    followed: 'pipeline.backward',
    engaged: 'pipeline.backward',
    pitched: 'pipeline.same-stage',
    linked: 'ok',
    declined: 'ok',
    lost: 'ok',
    paused: 'ok',
  },
  linked: {
    found: 'pipeline.closed',
    qualified: 'pipeline.closed',
    followed: 'pipeline.closed',
    engaged: 'pipeline.closed',
    pitched: 'pipeline.closed',
    linked: 'pipeline.same-stage',
    declined: 'pipeline.not-allowed',
    lost: 'ok',
    paused: 'pipeline.pause-not-active',
  },
  declined: {
    found: 'pipeline.reopen-only-qualified',
    qualified: 'ok',
    followed: 'pipeline.reopen-only-qualified',
    engaged: 'pipeline.reopen-only-qualified',
    pitched: 'pipeline.reopen-only-qualified',
    linked: 'pipeline.reopen-only-qualified',
    declined: 'pipeline.same-stage',
    lost: 'pipeline.not-allowed',
    paused: 'pipeline.pause-not-active',
  },
  lost: {
    found: 'pipeline.reopen-only-qualified',
    qualified: 'ok',
    followed: 'pipeline.reopen-only-qualified',
    engaged: 'pipeline.reopen-only-qualified',
    pitched: 'pipeline.reopen-only-qualified',
    linked: 'pipeline.reopen-only-qualified',
    declined: 'pipeline.not-allowed',
    lost: 'pipeline.same-stage',
    paused: 'pipeline.pause-not-active',
  },
  paused: {
    found: 'pipeline.resume-wrong-stage',
    qualified: 'pipeline.resume-wrong-stage',
    followed: 'pipeline.resume-wrong-stage',
    engaged: 'ok',
    pitched: 'pipeline.resume-wrong-stage',
    linked: 'pipeline.resume-wrong-stage',
    declined: 'ok',
    lost: 'ok',
    paused: 'pipeline.same-stage',
  },
};

/** Pairs whose answer differs with no touches and an unknown pause origin (LEAN); all others equal RICH. */
const LEAN_DIFFERENCES: Partial<Record<`${PipelineStage}>${PipelineStage}`, Expect>> = {
  'found>pitched': 'pipeline.pitch-needs-engagement',
  'qualified>pitched': 'pipeline.pitch-needs-engagement',
  'followed>pitched': 'pipeline.pitch-needs-engagement',
  'engaged>pitched': 'pipeline.pitch-needs-engagement',
  'engaged>linked': 'pipeline.link-needs-placement',
  'pitched>linked': 'pipeline.link-needs-placement',
  'paused>found': 'pipeline.resume-unknown',
  'paused>qualified': 'pipeline.resume-unknown',
  'paused>followed': 'pipeline.resume-unknown',
  'paused>engaged': 'pipeline.resume-unknown',
  'paused>pitched': 'pipeline.resume-unknown',
  'paused>linked': 'pipeline.resume-unknown',
};

/** Refusals that `force` cannot override. */
const HARD = new Set(['pipeline.same-stage', 'pipeline.pause-not-active', 'pipeline.unknown-stage']);

function outcome(from: PipelineStage, to: PipelineStage, ctx: TransitionContext): Expect {
  const r = transition(from, to, ctx);
  return r.ok ? 'ok' : r.reason.messageId;
}

const PAIRS = PIPELINE_STAGES.flatMap((from) => PIPELINE_STAGES.map((to) => [from, to] as const));

describe('transition: every (from, to) pair', () => {
  it('covers all 81 pairs in the table', () => {
    expect(PAIRS).toHaveLength(81);
    for (const [from, to] of PAIRS) expect(RICH_TABLE[from][to], `${from}>${to}`).toBeDefined();
  });

  it.each(PAIRS)('%s → %s with engagement and a placed link', (from, to) => {
    expect(outcome(from, to, RICH)).toBe(RICH_TABLE[from][to]);
  });

  it.each(PAIRS)('%s → %s with no touches and an unknown pause origin', (from, to) => {
    expect(outcome(from, to, LEAN)).toBe(LEAN_DIFFERENCES[`${from}>${to}`] ?? RICH_TABLE[from][to]);
  });

  it.each(PAIRS)('%s → %s forced: only hard refusals remain, bypassed rules are reported', (from, to) => {
    for (const ctx of [RICH, LEAN]) {
      const plain = transition(from, to, ctx);
      const forced = transition(from, to, { ...ctx, force: true });
      if (plain.ok) {
        expect(forced).toEqual({ ok: true, stage: to, forced: false, bypassed: [] });
      } else if (HARD.has(plain.reason.messageId)) {
        expect(forced.ok).toBe(false);
      } else {
        expect(forced.ok).toBe(true);
        if (forced.ok) {
          expect(forced.stage).toBe(to);
          expect(forced.forced).toBe(true);
          expect(forced.bypassed.map((m) => m.messageId)).toEqual(plain.reasons.map((m) => m.messageId));
        }
      }
    }
  });
});

describe('transition guards', () => {
  it.each([
    ['comment', true],
    ['clap', true],
    ['response-received', true],
    ['reply', true],
    ['follow', false],
    ['note', false],
    ['pitch', false],
    ['follow-up', false],
    ['link-placed', false],
  ] as const)('pitched needs an engagement touch: %s counts = %s', (kind, counts) => {
    const r = transition('engaged', 'pitched', { touches: [touch(kind)] });
    expect(r.ok).toBe(counts);
    if (!r.ok) expect(r.reason).toEqual({ messageId: 'pipeline.pitch-needs-engagement', params: { have: 0, need: 1 } });
  });

  it('linked needs a link-placed touch, from engaged or pitched only', () => {
    expect(transition('pitched', 'linked', { touches: [touch('comment')] }).ok).toBe(false);
    expect(transition('pitched', 'linked', { touches: [touch('link-placed')] }).ok).toBe(true);
    expect(transition('engaged', 'linked', { touches: [touch('link-placed')] }).ok).toBe(true);
    const fromFollowed = transition('followed', 'linked', { touches: [] });
    expect(fromFollowed.ok).toBe(false);
    if (!fromFollowed.ok)
      expect(fromFollowed.reasons.map((m) => m.messageId)).toEqual(['pipeline.linked-from', 'pipeline.link-needs-placement']);
  });

  it('resume goes back to the stage held before the pause, whatever it was', () => {
    for (const before of ['found', 'qualified', 'followed', 'engaged', 'pitched'] as const) {
      for (const to of ['found', 'qualified', 'followed', 'engaged', 'pitched'] as const) {
        const r = transition('paused', to, { touches: [], stageBeforePause: before });
        expect(r.ok, `${before} → paused → ${to}`).toBe(to === before);
        if (!r.ok) expect(r.reason.params).toEqual({ to, expected: before });
      }
    }
  });

  it('a pause origin that is not an active stage counts as unknown', () => {
    const r = transition('paused', 'engaged', { touches: [], stageBeforePause: 'linked' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.messageId).toBe('pipeline.resume-unknown');
  });

  it('resuming a paused pitch does not re-check the pitch guard (it was passed before the pause)', () => {
    expect(transition('paused', 'pitched', { touches: [], stageBeforePause: 'pitched' }).ok).toBe(true);
  });

  it('rejects unknown stages even when forced', () => {
    const r = transition('found', 'contacted' as PipelineStage, { touches: [], force: true });
    expect(r).toEqual({
      ok: false,
      reason: { messageId: 'pipeline.unknown-stage', params: { stage: 'contacted' } },
      reasons: [{ messageId: 'pipeline.unknown-stage', params: { stage: 'contacted' } }],
    });
    expect(transition('nowhere' as PipelineStage, 'found', { touches: [] }).ok).toBe(false);
  });

  it('explains refusals in English', () => {
    const r = transition('followed', 'pitched', { touches: [] });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(renderOutreachMessage(r.reason.messageId, r.reason.params)).toBe(
        'pitching needs at least 1 engagement (comment, clap, response or reply); have 0',
      );
    }
  });

  it('lists every other stage with its verdict', () => {
    const list = listTransitions('engaged', { touches: [touch('comment')] });
    expect(list.map((x) => x.stage)).toEqual(['found', 'qualified', 'followed', 'pitched', 'linked', 'declined', 'lost', 'paused']);
    expect(list.filter((x) => x.result.ok).map((x) => x.stage)).toEqual(['pitched', 'declined', 'lost', 'paused']);
  });
});

describe('stageAfterTouch', () => {
  /** The only (stage, touch) pairs that move; every other pair leaves the stage unchanged. */
  const MOVES: Partial<Record<`${PipelineStage}+${TouchKind}`, PipelineStage>> = {
    'found+follow': 'followed',
    'qualified+follow': 'followed',
    'found+comment': 'engaged',
    'qualified+comment': 'engaged',
    'followed+comment': 'engaged',
    'found+response-received': 'engaged',
    'qualified+response-received': 'engaged',
    'followed+response-received': 'engaged',
    'engaged+pitch': 'pitched',
    'engaged+link-placed': 'linked',
    'pitched+link-placed': 'linked',
  };
  const CASES = PIPELINE_STAGES.flatMap((stage) => TOUCH_KINDS.map((kind) => [stage, kind] as const));

  /** A history that satisfies every guard (an engagement before the touch). */
  const HISTORY = [touch('follow', -3), touch('comment', -2)];

  it.each(CASES)('%s + %s', (stage, kind) => {
    expect(stageAfterTouch(stage, touch(kind), HISTORY)).toBe(MOVES[`${stage}+${kind}`] ?? stage);
  });

  it('every automatic move is also an allowed manual transition given the history and the touch', () => {
    for (const [key, to] of Object.entries(MOVES)) {
      const [from, kind] = key.split('+') as [PipelineStage, TouchKind];
      const r = transition(from, to as PipelineStage, { touches: [...HISTORY, touch(kind)] });
      expect(r.ok, key).toBe(true);
    }
  });

  it('never moves past a guard: a pitch on an engaged prospect with no engagement logged stays engaged', () => {
    expect(stageAfterTouch('engaged', touch('pitch'))).toBe('engaged');
    expect(stageAfterTouch('engaged', touch('pitch'), [touch('follow', -1)])).toBe('engaged');
    expect(stageAfterTouch('engaged', touch('pitch'), [touch('clap', -1)])).toBe('pitched');
    // A comment is itself engagement, and a placed link satisfies the linked guard on its own.
    expect(stageAfterTouch('followed', touch('comment'))).toBe('engaged');
    expect(stageAfterTouch('pitched', touch('link-placed'))).toBe('linked');
  });

  it('replays a log in time order', () => {
    const log: Touch[] = [touch('link-placed', 30), touch('pitch', 20), touch('comment', 5), touch('follow', 0), touch('reply', 25)];
    expect(replayTouches('qualified', log)).toBe('linked');
    expect(replayTouches('qualified', log.slice(1))).toBe('pitched');
    expect(replayTouches('paused', log)).toBe('paused');
  });
});
