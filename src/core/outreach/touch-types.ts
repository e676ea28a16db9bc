/**
 * Touches: every interaction with a prospect that the user logs (`linkwright touch <prospect> comment …`) or that
 * the tool observes (a response to our comment, a placed link). The log is append-only; stages and the pacing
 * planner are pure functions of it (DESIGN §3 "Time is a port": every time is an epoch-ms value passed in).
 *
 * Ids are part of the stored data and the JSON output: add kinds, never rename one.
 */

export const TOUCH_KINDS = [
  'follow',
  'comment',
  'clap',
  'response-received',
  'pitch',
  'follow-up',
  'reply',
  'link-placed',
  'note',
] as const;

export type TouchKind = (typeof TOUCH_KINDS)[number];

/**
 * Touches the user performs on Medium or by message — the only ones the pacing rules limit. The other kinds are
 * events (`response-received`, `reply`, `link-placed`) or bookkeeping (`note`): recording them is always allowed,
 * whatever the time, cap or stage, because they describe what happened rather than something we choose to do.
 */
export const OUTBOUND_TOUCH_KINDS = ['follow', 'comment', 'clap', 'pitch', 'follow-up'] as const satisfies readonly TouchKind[];

export type OutboundTouchKind = (typeof OUTBOUND_TOUCH_KINDS)[number];

/** Signs the relationship is two-way: they answered our response, or they replied to a message. */
export const INBOUND_TOUCH_KINDS = ['response-received', 'reply'] as const satisfies readonly TouchKind[];

/**
 * Touches that count as "engagement" for the state machine's pitch guard: anything but a bare follow, a pitch or
 * a note shows that we (or they) interacted with their writing.
 */
export const ENGAGEMENT_TOUCH_KINDS = ['comment', 'clap', 'response-received', 'reply'] as const satisfies readonly TouchKind[];

export interface Touch {
  /** The prospect the touch belongs to (store id, or the username when used before storage). */
  prospectId: string;
  kind: TouchKind;
  /** When it happened, epoch ms (UTC). */
  at: number;
  /** The story it was about (the commented story, the story the link was placed in …). */
  storyUrl?: string | null;
  note?: string | null;
}

export function isTouchKind(value: string): value is TouchKind {
  return (TOUCH_KINDS as readonly string[]).includes(value);
}

export function isOutboundKind(kind: TouchKind): kind is OutboundTouchKind {
  return (OUTBOUND_TOUCH_KINDS as readonly string[]).includes(kind);
}

export function isEngagementKind(kind: TouchKind): boolean {
  return (ENGAGEMENT_TOUCH_KINDS as readonly string[]).includes(kind);
}

/** Touches of one prospect, oldest first (stable for equal times: log order is kept). */
export function touchesOf(touches: readonly Touch[], prospectId: string): Touch[] {
  return sortTouches(touches.filter((t) => t.prospectId === prospectId));
}

/** A copy sorted by time, keeping the log order of touches with equal times. */
export function sortTouches(touches: readonly Touch[]): Touch[] {
  return touches
    .map((t, i) => ({ t, i }))
    .sort((a, b) => a.t.at - b.t.at || a.i - b.i)
    .map((x) => x.t);
}
