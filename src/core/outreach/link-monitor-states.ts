/**
 * Placed-link monitoring (`linkwright watch` / `linkwright monitor`): classifies one check of a watched link
 * against what was expected and the previous state, and keeps the link's timeline (first seen, last seen live,
 * lost at). Pure: the fetcher and the audit extractor produce the `check`; the store keeps the result.
 *
 * States
 * - `pending`: watched, never seen yet.
 * - `live`: present as expected.
 * - `changed`: present, but the rel flipped (endorsement tokens nofollow/ugc/sponsored differ), it moved out of
 *   the expected placement (e.g. out of the story body into the bio), the anchor text or target changed, or the
 *   target now redirects (feature-anchors §3 gap 6: "is it still present; rel; contextual; anchor; target and
 *   redirect chain; HTTP status").
 * - `lost`: the page is gone (HTTP 404/410), the page is there without the link, or `failuresBeforeLost` checks in
 *   a row could not see the page at all.
 * - `blocked` (a bot challenge, DESIGN §5 Cloudflare) / `error` (network, 5xx, 429, an unexpected status): the
 *   check says nothing about the link, so these are not counted as lost until N consecutive failures.
 *
 * Callers store `consecutiveFailures` and `lastDefiniteState` (the last live/changed/lost/pending) with the state,
 * so that a run of failures ending in a good check is not reported as a new "found".
 */

import { type LinkPlacement, NON_FOLLOW_REL_TOKENS } from '../audit/audit-types.js';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type OutreachMessage, outreachMessage } from './outreach-messages.js';

export const PLACEMENT_STATES = ['pending', 'live', 'changed', 'lost', 'blocked', 'error'] as const;
export type PlacementState = (typeof PLACEMENT_STATES)[number];

/** States that say something about the link itself (as opposed to a failed check). */
export type DefinitePlacementState = 'pending' | 'live' | 'changed' | 'lost';

export interface PlacementRules {
  /**
   * Failed checks in a row (blocked or error) before the link counts as lost. 3, after Apache Nutch's
   * `db.fetch.retry.max` = 3 (notes/reliability.md: a URL that fails three fetch rounds is marked gone). With
   * daily monitoring that is about three days: long enough to ride out a Cloudflare challenge spell or an outage
   * (medium-data.md §7: surface "blocked" as a state, back off), short enough to report a real removal within a week.
   */
  failuresBeforeLost: number;
}

export const DEFAULT_PLACEMENT_RULES: PlacementRules = { failuresBeforeLost: 3 };

export interface ExpectedPlacement {
  /** The URL the link should point to (the user's page). */
  targetUrl: string;
  /** Expected rel tokens (array or space-separated); only endorsement tokens are compared. Omit to not check. */
  rel?: readonly string[] | string | null;
  /** Expected placement (usually `body`). Omit to not check. */
  placement?: LinkPlacement | null;
  /** Expected anchor text (compared case- and whitespace-insensitively). Omit to not check. */
  anchorText?: string | null;
}

export interface FoundLink {
  url: string;
  rel: readonly string[];
  placement: LinkPlacement;
  anchorText: string;
  /** Whether the target answered with a redirect (true, or where it ends); absent/false/null when not. */
  targetRedirects?: boolean | { finalUrl: string } | null;
}

export interface PlacementCheck {
  /** Final HTTP status of the story page, or null when no response came. */
  status: number | null;
  /** A bot challenge answered (DESIGN §5). */
  blocked: boolean;
  /** Transport error code or message, when the check failed. */
  error?: string | { code: string; message?: string } | null;
  /** The watched link as found on the page, or null when the page has no link to the target. */
  found: FoundLink | null;
}

export type PlacementChangeField = 'target' | 'target-redirects' | 'rel' | 'placement' | 'anchor';

export interface PlacementChange {
  field: PlacementChangeField;
  from: string | null;
  to: string | null;
}

export interface PreviousPlacement {
  state: PlacementState;
  consecutiveFailures: number;
  /** The last state that said something about the link; derived from `state` when absent. */
  lastDefiniteState?: DefinitePlacementState | null;
  /** The changes reported by the previous check (to tell a new change from the same one). */
  changes?: readonly PlacementChange[] | null;
}

export type PlacementEventKind = 'found' | 'lost' | 'changed' | 'restored' | 'recovered';

export interface PlacementEvent extends OutreachMessage {
  kind: PlacementEventKind;
}

export type LostReason = 'page-gone' | 'link-gone' | 'unreachable';

export interface PlacementCheckResult {
  state: PlacementState;
  changes: PlacementChange[];
  consecutiveFailures: number;
  lastDefiniteState: DefinitePlacementState;
  lostReason: LostReason | null;
  /** What this check means now (for the Links view), whether or not it is an event. */
  message: OutreachMessage;
  /** Present when the state changed in a way worth telling the user (`--fail-on lost`, alerts, history). */
  event?: PlacementEvent;
}

export const INITIAL_PLACEMENT: PreviousPlacement = { state: 'pending', consecutiveFailures: 0, lastDefiniteState: 'pending', changes: [] };

function isDefinite(state: PlacementState): state is DefinitePlacementState {
  return state === 'pending' || state === 'live' || state === 'changed' || state === 'lost';
}

/**
 * URL identity for "did the target change": parsed by WHATWG rules (case of scheme/host, default ports, dot
 * segments), fragment dropped (never sent to the server), and a trailing slash on the path ignored (`/post` and
 * `/post/` almost always serve the same page; flagging it would be noise). Query strings count (UTM tags are the
 * user's attribution).
 */
export function targetKey(url: string): string {
  try {
    const u = new URL(url.trim());
    u.hash = '';
    if (u.pathname.length > 1 && u.pathname.endsWith('/')) u.pathname = u.pathname.replace(/\/+$/, '');
    return u.href;
  } catch {
    return url.trim();
  }
}

function relTokens(rel: readonly string[] | string | null | undefined): string[] {
  const list = typeof rel === 'string' ? rel.split(/\s+/) : [...(rel ?? [])];
  return [...new Set(list.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/** The endorsement-relevant tokens (Google: nofollow, ugc, sponsored), sorted: what a "rel flip" compares. */
function endorsementKey(tokens: readonly string[]): string {
  return tokens
    .filter((t) => NON_FOLLOW_REL_TOKENS.includes(t))
    .sort()
    .join(' ');
}

function anchorKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Differences between what was expected and what was found (empty: live as expected). */
export function comparePlacement(expected: ExpectedPlacement, found: FoundLink): PlacementChange[] {
  const changes: PlacementChange[] = [];
  if (targetKey(expected.targetUrl) !== targetKey(found.url)) changes.push({ field: 'target', from: expected.targetUrl, to: found.url });
  if (found.targetRedirects !== undefined && found.targetRedirects !== null && found.targetRedirects !== false) {
    changes.push({ field: 'target-redirects', from: null, to: found.targetRedirects === true ? null : found.targetRedirects.finalUrl });
  }
  if (expected.rel !== undefined && expected.rel !== null) {
    const want = relTokens(expected.rel);
    const got = relTokens(found.rel);
    if (endorsementKey(want) !== endorsementKey(got)) changes.push({ field: 'rel', from: want.join(' '), to: got.join(' ') });
  }
  if (expected.placement !== undefined && expected.placement !== null && expected.placement !== found.placement) {
    changes.push({ field: 'placement', from: expected.placement, to: found.placement });
  }
  if (expected.anchorText !== undefined && expected.anchorText !== null && anchorKey(expected.anchorText) !== anchorKey(found.anchorText)) {
    changes.push({ field: 'anchor', from: expected.anchorText, to: found.anchorText });
  }
  return changes;
}

/** A message per change, for the detail view. */
export function changeMessages(changes: readonly PlacementChange[]): OutreachMessage[] {
  return changes.map((c) => {
    switch (c.field) {
      case 'target':
        return outreachMessage('placement.change.target', { from: c.from, to: c.to });
      case 'target-redirects':
        return outreachMessage('placement.change.target-redirects', { to: c.to ?? 'another URL' });
      case 'rel': {
        const follows = (rel: string | null) => endorsementKey(relTokens(rel)) === '';
        return outreachMessage('placement.change.rel', {
          from: c.from,
          to: c.to,
          followBefore: follows(c.from),
          followAfter: follows(c.to),
        });
      }
      case 'placement':
        return outreachMessage('placement.change.placement', { from: c.from, to: c.to });
      default:
        return outreachMessage('placement.change.anchor', { from: c.from, to: c.to });
    }
  });
}

function sameChanges(a: readonly PlacementChange[], b: readonly PlacementChange[] | null | undefined): boolean {
  if (b === null || b === undefined) return false;
  const key = (cs: readonly PlacementChange[]) =>
    cs
      .map((c) => `${c.field}\u0000${c.from ?? ''}\u0000${c.to ?? ''}`)
      .sort()
      .join('\u0001');
  return key(a) === key(b);
}

function failureText(check: PlacementCheck): string {
  if (check.blocked) return 'blocked';
  const e = check.error;
  if (typeof e === 'string' && e !== '') return e;
  if (e !== null && e !== undefined && typeof e === 'object') return e.code;
  return check.status === null ? 'no response' : `HTTP ${check.status}`;
}

function validateRules(rules: Partial<PlacementRules> | undefined): PlacementRules {
  const r = { ...DEFAULT_PLACEMENT_RULES, ...rules };
  if (!Number.isInteger(r.failuresBeforeLost) || r.failuresBeforeLost < 1) {
    throw new LinkwrightError('CONFIG_INVALID', 'placement rule failuresBeforeLost must be a whole number of at least 1', {
      details: { field: 'failuresBeforeLost' },
    });
  }
  return r;
}

/**
 * Classifies one check. Order: a bot challenge or transport error is a failure (counted, lost after N in a row);
 * HTTP 404/410 means the page is gone (lost at once); any other non-2xx status is a failure; a 2xx page without
 * the link means the link is gone (lost); otherwise the found link is compared with the expectation.
 */
export function classifyPlacementCheck(
  expected: ExpectedPlacement,
  check: PlacementCheck,
  previous: PreviousPlacement = INITIAL_PLACEMENT,
  rules?: Partial<PlacementRules>,
): PlacementCheckResult {
  const r = validateRules(rules);
  const before: DefinitePlacementState = previous.lastDefiniteState ?? (isDefinite(previous.state) ? previous.state : 'pending');
  const status = check.status;
  const failed =
    check.blocked ||
    (check.error !== undefined && check.error !== null && check.error !== '') ||
    status === null ||
    (status !== 404 && status !== 410 && (status < 200 || status > 299));

  if (failed) {
    const failures = Math.max(0, previous.consecutiveFailures) + 1;
    const failure = failureText(check);
    if (before === 'lost') {
      // Already lost: a failed check adds nothing; the loss stays as it was (lostReason null = unchanged).
      return {
        state: 'lost',
        changes: [],
        consecutiveFailures: failures,
        lastDefiniteState: 'lost',
        lostReason: null,
        message: outreachMessage('placement.failing', { failure, failures, limit: r.failuresBeforeLost }),
      };
    }
    if (failures >= r.failuresBeforeLost) {
      const msg = outreachMessage('placement.lost.unreachable', { failures, lastFailure: failure });
      return {
        state: 'lost',
        changes: [],
        consecutiveFailures: failures,
        lastDefiniteState: 'lost',
        lostReason: 'unreachable',
        message: msg,
        event: { kind: 'lost', ...msg },
      };
    }
    return {
      state: check.blocked ? 'blocked' : 'error',
      changes: [],
      consecutiveFailures: failures,
      lastDefiniteState: before,
      lostReason: null,
      message: outreachMessage('placement.failing', { failure, failures, limit: r.failuresBeforeLost }),
    };
  }

  if (status === 404 || status === 410 || check.found === null) {
    const reason: LostReason = status === 404 || status === 410 ? 'page-gone' : 'link-gone';
    const msg =
      reason === 'page-gone' ? outreachMessage('placement.lost.page-gone', { status }) : outreachMessage('placement.lost.link-gone', {});
    const result: PlacementCheckResult = {
      state: 'lost',
      changes: [],
      consecutiveFailures: 0,
      lastDefiniteState: 'lost',
      lostReason: reason,
      message: msg,
    };
    return before === 'lost' ? result : { ...result, event: { kind: 'lost', ...msg } };
  }

  const changes = comparePlacement(expected, check.found);
  const state: 'live' | 'changed' = changes.length === 0 ? 'live' : 'changed';
  const fields = changes.map((c) => c.field).join(', ');
  const message = state === 'live' ? outreachMessage('placement.live', {}) : outreachMessage('placement.changed', { fields });
  const base: PlacementCheckResult = { state, changes, consecutiveFailures: 0, lastDefiniteState: state, lostReason: null, message };
  const event = ((): PlacementEvent | undefined => {
    if (before === 'lost')
      return { kind: 'recovered', ...outreachMessage('placement.recovered', { fields: state === 'live' ? null : fields }) };
    if (state === 'live') {
      if (before === 'pending') return { kind: 'found', ...outreachMessage('placement.found', {}) };
      if (before === 'changed') return { kind: 'restored', ...outreachMessage('placement.restored', {}) };
      return undefined;
    }
    if (before === 'changed' && sameChanges(changes, previous.changes)) return undefined;
    return { kind: 'changed', ...message };
  })();
  return event === undefined ? base : { ...base, event };
}

// ------------------------------------------------------------------ timeline

export interface PlacementTimeline {
  /** First check that saw the link (live or changed). */
  firstSeenAt: number | null;
  /** Last check that saw the link in any form. */
  lastSeenAt: number | null;
  /** Last check that saw it live as expected. */
  lastSeenLiveAt: number | null;
  /** When the current loss was established (null while not lost). */
  lostAt: number | null;
  /** First failed check of the current run of failures (null while checks succeed). */
  failingSinceAt: number | null;
  lastCheckedAt: number | null;
}

export const EMPTY_TIMELINE: PlacementTimeline = {
  firstSeenAt: null,
  lastSeenAt: null,
  lastSeenLiveAt: null,
  lostAt: null,
  failingSinceAt: null,
  lastCheckedAt: null,
};

/** The timeline after a check classified as `result` at `checkedAt` (epoch ms). */
export function nextTimeline(previous: PlacementTimeline | null, result: PlacementCheckResult, checkedAt: number): PlacementTimeline {
  if (!Number.isFinite(checkedAt))
    throw new LinkwrightError('INVALID_INPUT', 'checkedAt must be a finite epoch-ms time', { details: { field: 'checkedAt' } });
  const prev = previous ?? EMPTY_TIMELINE;
  const next: PlacementTimeline = { ...prev, lastCheckedAt: checkedAt };
  if (result.state === 'live' || result.state === 'changed') {
    next.firstSeenAt = prev.firstSeenAt === null ? checkedAt : Math.min(prev.firstSeenAt, checkedAt);
    next.lastSeenAt = Math.max(prev.lastSeenAt ?? checkedAt, checkedAt);
    if (result.state === 'live') next.lastSeenLiveAt = Math.max(prev.lastSeenLiveAt ?? checkedAt, checkedAt);
    next.lostAt = null;
    next.failingSinceAt = null;
  } else if (result.state === 'lost') {
    next.lostAt = prev.lostAt ?? checkedAt;
    // A definite loss (404/410, link gone) ends the failure run; a loss by unreachability, or a failed check of a
    // link already lost, keeps when the failures began.
    next.failingSinceAt = result.consecutiveFailures > 0 ? (prev.failingSinceAt ?? checkedAt) : null;
  } else if (result.state === 'blocked' || result.state === 'error') {
    next.failingSinceAt = prev.failingSinceAt ?? checkedAt;
  }
  return next;
}
