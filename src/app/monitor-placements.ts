/**
 * Use-case: `linkwright monitor [--due]` — re-check every watched link through the polite fetcher and store each
 * check. Per placement:
 * 1. conditional GET of the story page with the stored ETag / Last-Modified (RFC 9110 §13.1.1/§13.1.3); a 304
 *    re-analyses the stored snapshot (gather, then analyse — architecture.md), any other 2xx page is stored as a
 *    new snapshot first;
 * 2. the page's links (core auditHtml: rel, placement, anchor) → the watched link: same target (targetKey), or —
 *    when that is gone — a link to the same host with the expected anchor text (the target was edited);
 * 3. the target itself is fetched (unless switched off) to see whether it now redirects;
 * 4. core classifyPlacementCheck → live / changed / lost / blocked / error (blocked and error count as lost only
 *    after `failuresBeforeLost` in a row), nextTimeline → first seen, last seen live, lost at;
 * 5. in ONE transaction: the check row, the placement's new state and timeline, a timeline event on a change of
 *    state, and the prospect's side — a verified link logs a `link-placed` touch once (dedupe key) and moves
 *    an engaged/pitched prospect to `linked`; a lost link moves a `linked` prospect with no other live link to
 *    `lost`.
 * Alerts (events) are printed by the shell and POSTed to the webhooks by the notifier, whose deliveries are
 * awaited once at the end — a failing webhook never blocks monitoring.
 *
 * Idempotent re-runs: each run adds exactly one check per placement; an event is written only when the state
 * changes, so running twice in a row adds two checks and no duplicate state.
 */
import { auditHtml } from '../core/audit/audit-html.js';
import type { AuditedLink, LinkPlacement } from '../core/audit/audit-types.js';
import type { Clock } from '../core/clock.js';
import { decodeBody } from '../core/encoding/decode-body.js';
import { isLinkwrightError, LinkwrightError } from '../core/errors/linkwright-error.js';
import {
  changeMessages,
  classifyPlacementCheck,
  type DefinitePlacementState,
  type ExpectedPlacement,
  type FoundLink,
  nextTimeline,
  type PlacementChange,
  type PlacementCheck,
  type PlacementCheckResult,
  type PlacementRules,
  type PlacementTimeline,
  renderOutreachMessage,
  stageAfterTouch,
  targetKey,
  transition,
} from '../core/outreach/index.js';
import { snapshotById } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';
import { insertTouch } from '../store/outreach-repository.js';
import {
  insertPlacementCheck,
  insertPlacementEvent,
  listPlacements,
  type PlacementCheckRecord,
  type StoredPlacement,
  updatePlacementState,
} from '../store/placements-repository.js';
import { findProspectById } from '../store/prospects-repository.js';
import { insertSnapshot } from '../store/snapshots-repository.js';
import { applyStageMove, type Db, isoOrNullToMs, loadCoreTouches, msToIso, storedStage } from './outreach-support.js';
import { type FetchedPage, type PageFetcher, snapshotOfFetch } from './ports.js';
import type { DeliveryOutcome, PlacementAlert, WebhookNotifier } from './webhook-notifier.js';

/**
 * `--due`: a placement is due when it was never checked or its last check is at least this old. 24 h: the
 * schedule's default (`serve`, `monitor --every 24h`), one request per story page a day — far below Medium's
 * ≥ 2 s politeness floor (DESIGN §5) — and a removal is still reported the day after it happens.
 */
export const MONITOR_INTERVAL_MS = 24 * 60 * 60 * 1000;

/**
 * Placements checked at once. The fetcher still keeps one connection per host with its delay (a run over
 * medium.com stays serial at ≥ 2 s apart); this only lets checks of different hosts overlap, as `audit` does.
 */
export const MONITOR_CONCURRENCY = 4;

export interface MonitorRequest {
  /** Only placements due (never checked, or last checked ≥ intervalMs ago). */
  due?: boolean;
  intervalMs?: number;
  /** Only these placements. */
  ids?: readonly number[];
  rules?: Partial<PlacementRules>;
  /** Fetch each found link's target to see whether it now redirects (default true). */
  checkTargets?: boolean;
  concurrency?: number;
}

export interface MonitorDeps {
  store: Store;
  fetcher: PageFetcher;
  clock: Clock;
  notifier?: WebhookNotifier;
  /** Called after each placement's check is stored (streaming output for `serve`). */
  onCheck?: (outcome: PlacementCheckOutcome) => void;
}

export interface ProspectEffect {
  id: number;
  username: string;
  stageBefore: string;
  stageAfter: string;
  /** A `link-placed` touch was logged by this check. */
  touchLogged: boolean;
}

export interface PlacementCheckOutcome {
  placement: StoredPlacement;
  previousState: string;
  state: string;
  check: PlacementCheckRecord;
  checkId: number;
  result: PlacementCheckResult;
  /** The timeline event this check wrote (a change of state), with its alert. */
  event: { id: number; kind: string; messageId: string; params: Record<string, unknown> } | null;
  alert: PlacementAlert | null;
  prospect: ProspectEffect | null;
}

export interface MonitorOutcome {
  checked: PlacementCheckOutcome[];
  /** Watched placements left out because they were not due. */
  notDue: number;
  deliveries: DeliveryOutcome[];
  startedAt: string;
  finishedAt: string;
}

function anchorKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The watched link among a page's links: the same target first (preferring the expected placement); else a
 * link to the target's host carrying the expected anchor text — the same link with an edited target. Without
 * an anchor to recognise it by, another link to the same site is not assumed to be ours.
 */
export function findWatchedLink(
  links: readonly AuditedLink[],
  placement: { targetKey: string; targetUrl: string; expected: { placement: string | null; anchor: string | null } },
): AuditedLink | null {
  const prefer = (list: AuditedLink[]) => list.find((l) => l.placement === placement.expected.placement) ?? list[0] ?? null;
  const exact = links.filter((l) => l.url !== null && targetKey(l.url) === placement.targetKey);
  if (exact.length > 0) return prefer(exact);
  const anchor = placement.expected.anchor;
  if (anchor === null) return null;
  const host = hostOf(placement.targetUrl);
  const sameHost = links.filter((l) => l.url !== null && hostOf(l.url) === host && anchorKey(l.anchorText) === anchorKey(anchor));
  return prefer(sameHost);
}

function asError(error: unknown): LinkwrightError {
  if (isLinkwrightError(error)) return error;
  return new LinkwrightError('FETCH_NETWORK', error instanceof Error ? error.message : String(error), { cause: error });
}

interface Gathered {
  check: PlacementCheck;
  record: Omit<PlacementCheckRecord, 'state' | 'consecutiveFailures' | 'changes' | 'messageId' | 'params'>;
  validators: { etag: string | null; lastModified: string | null; snapshotId: number | null };
  /** A new snapshot to store (network 2xx body). */
  snapshot: FetchedPage | null;
  found: AuditedLink | null;
}

async function gather(deps: MonitorDeps, placement: StoredPlacement, checkTargets: boolean, checkedAt: string): Promise<Gathered> {
  const kept = { etag: placement.etag, lastModified: placement.lastModified, snapshotId: placement.lastSnapshotId };
  const empty = {
    checkedAt,
    redirects: [] as unknown[],
    notModified: false,
    blocked: false,
    errorCode: null,
    errorMessage: null,
    present: false,
    foundUrl: null,
    rel: null,
    placement: null,
    anchorText: null,
    targetStatus: null,
    targetFinalUrl: null,
    targetRedirects: null,
    snapshotId: null,
  };
  let page: FetchedPage;
  try {
    page = await deps.fetcher.fetch({ url: placement.storyUrl, etag: placement.etag, lastModified: placement.lastModified });
    if (
      page.notModified &&
      (placement.lastSnapshotId === null || (await snapshotById(deps.store.db, placement.lastSnapshotId))?.body == null)
    ) {
      // A 304 with nothing stored to replay: ask again without validators.
      page = await deps.fetcher.fetch({ url: placement.storyUrl });
    }
  } catch (error) {
    const e = asError(error);
    const status = typeof e.details.status === 'number' ? e.details.status : null;
    return {
      check: { status, blocked: e.errorClass === 'blocked', error: { code: e.code, message: e.message }, found: null },
      record: {
        ...empty,
        httpStatus: status,
        finalUrl: null,
        blocked: e.errorClass === 'blocked',
        errorCode: e.code,
        errorMessage: e.message,
      },
      validators: kept,
      snapshot: null,
      found: null,
    };
  }

  // The bytes to analyse: this response, or (304) the stored snapshot it confirmed.
  let text: string;
  let status: number = page.status;
  let finalUrl = page.finalUrl;
  let headers: Record<string, string[]> = page.headers;
  let redirects = page.redirects;
  let snapshotId: number | null = null;
  let snapshot: FetchedPage | null = null;
  if (page.notModified && placement.lastSnapshotId !== null) {
    const stored = await snapshotById(deps.store.db, placement.lastSnapshotId);
    const body = stored?.body ?? Buffer.alloc(0);
    text = decodeBody(body, stored?.contentType ?? null).text;
    status = stored?.status ?? 200;
    finalUrl = stored?.finalUrl ?? page.finalUrl;
    headers = stored?.headers ?? page.headers;
    redirects = stored?.redirects ?? page.redirects;
    snapshotId = placement.lastSnapshotId;
  } else {
    text = page.text;
    if (status >= 200 && status < 300 && !page.challenge) snapshot = page;
  }
  const base = {
    ...empty,
    httpStatus: page.notModified ? 304 : page.status,
    finalUrl,
    redirects: redirects as unknown[],
    notModified: page.notModified,
    snapshotId,
  };
  const validators = {
    etag: page.etag ?? placement.etag,
    lastModified: page.lastModified ?? placement.lastModified,
    snapshotId: snapshotId ?? placement.lastSnapshotId,
  };
  if (page.challenge) {
    return {
      check: { status, blocked: true, found: null },
      record: { ...base, blocked: true },
      validators: kept,
      snapshot: null,
      found: null,
    };
  }
  const ok = status >= 200 && status < 300;
  const audit = ok
    ? auditHtml(text, {
        url: placement.storyUrl,
        finalUrl,
        status,
        headers,
        redirects,
        allLinks: true,
        source: 'live',
        capturedAt: checkedAt,
      })
    : null;
  if (audit?.blocked) {
    return {
      check: { status, blocked: true, found: null },
      record: { ...base, blocked: true },
      validators: kept,
      snapshot: null,
      found: null,
    };
  }
  const link = audit === null ? null : findWatchedLink(audit.links, placement);
  let found: FoundLink | null = null;
  let targetStatus: number | null = null;
  let targetFinalUrl: string | null = null;
  let targetRedirects: boolean | null = null;
  if (link !== null && link.url !== null) {
    found = { url: link.url, rel: link.rel, placement: link.placement, anchorText: link.anchorText, targetRedirects: null };
    if (checkTargets) {
      try {
        const target = await deps.fetcher.fetch({ url: link.url });
        targetStatus = target.status;
        targetFinalUrl = target.finalUrl;
        targetRedirects = target.redirects.length > 0 && targetKey(target.finalUrl) !== targetKey(link.url);
        found.targetRedirects = targetRedirects ? { finalUrl: target.finalUrl } : false;
      } catch {
        // Where the target lands is unknown this time; that says nothing about the link itself.
        targetRedirects = null;
      }
    }
  }
  return {
    check: { status, blocked: false, found },
    record: {
      ...base,
      present: link !== null,
      foundUrl: link?.url ?? null,
      rel: link === null ? null : link.rel.join(' '),
      placement: link?.placement ?? null,
      anchorText: link?.anchorText ?? null,
      targetStatus,
      targetFinalUrl,
      targetRedirects,
    },
    validators: ok ? validators : { ...validators, snapshotId: placement.lastSnapshotId },
    snapshot,
    found: link,
  };
}

function timelineOf(p: StoredPlacement): PlacementTimeline {
  return {
    firstSeenAt: isoOrNullToMs(p.firstSeenAt),
    lastSeenAt: isoOrNullToMs(p.lastSeenAt),
    lastSeenLiveAt: isoOrNullToMs(p.lastSeenLiveAt),
    lostAt: isoOrNullToMs(p.lostAt),
    failingSinceAt: isoOrNullToMs(p.failingSinceAt),
    lastCheckedAt: isoOrNullToMs(p.lastCheckedAt),
  };
}

const isoOrNull = (ms: number | null) => (ms === null ? null : msToIso(ms));

function storedChanges(value: unknown[]): PlacementChange[] {
  return value.filter(
    (c): c is PlacementChange =>
      typeof c === 'object' && c !== null && typeof (c as PlacementChange).field === 'string' && 'from' in c && 'to' in c,
  );
}

const DEFINITE = new Set(['pending', 'live', 'changed', 'lost']);

async function prospectEffects(
  trx: Db,
  placement: StoredPlacement,
  result: PlacementCheckResult,
  checkedAt: string,
): Promise<ProspectEffect | null> {
  if (placement.prospectId === null) return null;
  const prospect = await findProspectById(trx, placement.prospectId);
  if (prospect === null) return null;
  const before = storedStage(prospect.stage);
  let stage = before;
  let touchLogged = false;
  const present = result.state === 'live' || result.state === 'changed';
  if (present) {
    const history = await loadCoreTouches(trx, { prospectId: prospect.id });
    const at = Date.parse(checkedAt);
    const inserted = await insertTouch(trx, {
      prospectId: prospect.id,
      kind: 'link-placed',
      at: checkedAt,
      storyUrl: placement.storyUrl,
      note: `link to ${placement.targetUrl} verified by linkwright monitor`,
      source: 'monitor',
      dedupeKey: `placement:${placement.id}:link-placed`,
      createdAt: checkedAt,
    });
    if (inserted.inserted) {
      touchLogged = true;
      const next = stageAfterTouch(
        stage,
        { prospectId: String(prospect.id), kind: 'link-placed', at, storyUrl: placement.storyUrl },
        history,
      );
      if (next !== stage) {
        await applyStageMove(trx, {
          prospectId: prospect.id,
          username: prospect.username,
          from: stage,
          to: next,
          at: checkedAt,
          source: 'monitor',
          forced: false,
          note: `link verified on ${placement.storyUrl}`,
        });
        stage = next;
      }
    }
  }
  if (result.event?.kind === 'lost' && stage === 'linked') {
    const others = (await listPlacements(trx, { prospectId: prospect.id })).filter(
      (p) => p.id !== placement.id && (p.state === 'live' || p.state === 'changed'),
    );
    if (others.length === 0) {
      const touches = await loadCoreTouches(trx, { prospectId: prospect.id });
      const moved = transition('linked', 'lost', { touches });
      if (moved.ok) {
        await applyStageMove(trx, {
          prospectId: prospect.id,
          username: prospect.username,
          from: 'linked',
          to: 'lost',
          at: checkedAt,
          source: 'monitor',
          forced: false,
          note: `placed link lost: ${renderOutreachMessage(result.message.messageId, result.message.params)}`,
        });
        stage = 'lost';
      }
    }
  }
  return { id: prospect.id, username: prospect.username, stageBefore: before, stageAfter: stage, touchLogged };
}

/** Checks one placement and stores the outcome. */
export async function checkPlacement(
  deps: MonitorDeps,
  placement: StoredPlacement,
  options: { checkTargets?: boolean; rules?: Partial<PlacementRules> } = {},
): Promise<PlacementCheckOutcome> {
  const checkedAtMs = deps.clock.now();
  const checkedAt = msToIso(checkedAtMs);
  const g = await gather(deps, placement, options.checkTargets ?? true, checkedAt);

  // Expectations, with rel/anchor learnt from the first sighting when watch asked for it.
  const learnFields = placement.expectedSource.startsWith('learn:') ? placement.expectedSource.slice(6).split(',') : [];
  const learnt =
    g.found !== null && learnFields.length > 0
      ? {
          rel: learnFields.includes('rel') ? g.found.rel.join(' ') : placement.expected.rel,
          anchor: learnFields.includes('anchor') ? g.found.anchorText : placement.expected.anchor,
        }
      : null;
  const expected: ExpectedPlacement = {
    targetUrl: placement.targetUrl,
    rel: learnt?.rel ?? placement.expected.rel,
    placement: (placement.expected.placement as LinkPlacement | null) ?? null,
    anchorText: learnt?.anchor ?? placement.expected.anchor,
  };
  const result = classifyPlacementCheck(
    expected,
    g.check,
    {
      state: placement.state as PlacementCheckResult['state'],
      consecutiveFailures: placement.consecutiveFailures,
      lastDefiniteState: DEFINITE.has(placement.lastDefiniteState) ? (placement.lastDefiniteState as DefinitePlacementState) : null,
      changes: storedChanges(placement.changes),
    },
    options.rules,
  );
  const timeline = nextTimeline(timelineOf(placement), result, checkedAtMs);
  const record: PlacementCheckRecord = {
    ...g.record,
    state: result.state,
    consecutiveFailures: result.consecutiveFailures,
    changes: result.changes,
    messageId: result.message.messageId,
    params: { ...result.message.params },
  };

  const written = await deps.store.db.transaction().execute(async (trx) => {
    let snapshotId = record.snapshotId;
    if (g.snapshot !== null) {
      const page = g.snapshot;
      snapshotId = (
        await insertSnapshot(trx, snapshotOfFetch(placement.storyUrl, page))
      ).id;
    }
    const checkId = await insertPlacementCheck(trx, placement.id, { ...record, snapshotId });
    await updatePlacementState(trx, placement.id, {
      state: result.state,
      consecutiveFailures: result.consecutiveFailures,
      lastDefiniteState: result.lastDefiniteState,
      // A failed check says nothing about the link: keep the last seen changes, so the same change seen again
      // after an outage is not announced twice.
      changes: result.state === 'blocked' || result.state === 'error' ? storedChanges(placement.changes) : result.changes,
      // lostReason null on a failed check of a lost link means "unchanged".
      lostReason: result.state === 'lost' ? (result.lostReason ?? placement.lostReason) : null,
      firstSeenAt: isoOrNull(timeline.firstSeenAt),
      lastSeenAt: isoOrNull(timeline.lastSeenAt),
      lastSeenLiveAt: isoOrNull(timeline.lastSeenLiveAt),
      lostAt: isoOrNull(timeline.lostAt),
      failingSinceAt: isoOrNull(timeline.failingSinceAt),
      lastCheckedAt: isoOrNull(timeline.lastCheckedAt),
      etag: g.validators.etag,
      lastModified: g.validators.lastModified,
      lastSnapshotId: snapshotId ?? g.validators.snapshotId,
      learnt,
      now: checkedAt,
    });
    let event: PlacementCheckOutcome['event'] = null;
    if (result.event !== undefined) {
      const params = { ...result.event.params, ...(result.changes.length > 0 ? { changes: JSON.stringify(result.changes) } : {}) };
      const id = await insertPlacementEvent(trx, {
        placementId: placement.id,
        at: checkedAt,
        kind: result.event.kind,
        fromState: placement.state,
        toState: result.state,
        messageId: result.event.messageId,
        params,
        checkId,
      });
      event = { id, kind: result.event.kind, messageId: result.event.messageId, params };
    }
    const prospect = await prospectEffects(trx, placement, result, checkedAt);
    return { checkId, event, prospect, snapshotId };
  });

  const check = { ...record, snapshotId: written.snapshotId };
  const alert: PlacementAlert | null =
    written.event === null
      ? null
      : {
          type: `placement.${written.event.kind}`,
          eventId: written.event.id,
          occurredAt: checkedAt,
          placement: {
            id: placement.id,
            storyUrl: placement.storyUrl,
            targetUrl: placement.targetUrl,
            prospect: written.prospect === null ? null : { id: written.prospect.id, username: written.prospect.username },
          },
          from: placement.state,
          to: result.state,
          message: {
            messageId: written.event.messageId,
            params: { ...(result.event?.params ?? {}) },
            text: renderOutreachMessage(written.event.messageId, result.event?.params ?? {}),
          },
          changes: result.changes.map((c) => {
            const m = changeMessages([c])[0];
            return {
              field: c.field,
              from: c.from,
              to: c.to,
              text: m === undefined ? c.field : renderOutreachMessage(m.messageId, m.params),
            };
          }),
          check: {
            status: check.httpStatus,
            present: check.present,
            rel: check.rel,
            placement: check.placement,
            anchorText: check.anchorText,
            finalUrl: check.finalUrl,
            targetFinalUrl: check.targetFinalUrl,
            error: check.errorCode,
          },
        };
  return {
    placement,
    previousState: placement.state,
    state: result.state,
    check,
    checkId: written.checkId,
    result,
    event: written.event,
    alert,
    prospect: written.prospect,
  };
}

export async function monitorPlacements(deps: MonitorDeps, request: MonitorRequest = {}): Promise<MonitorOutcome> {
  const startedAt = msToIso(deps.clock.now());
  const all = await listPlacements(deps.store.db, request.ids === undefined ? {} : { ids: request.ids });
  const cutoff = deps.clock.now() - (request.intervalMs ?? MONITOR_INTERVAL_MS);
  const due = request.due
    ? all.filter((p) => {
        const last = isoOrNullToMs(p.lastCheckedAt);
        return last === null || last <= cutoff;
      })
    : all;
  const outcomes: (PlacementCheckOutcome | undefined)[] = new Array(due.length);
  let cursor = 0;
  const worker = async () => {
    while (cursor < due.length) {
      const index = cursor++;
      const placement = due[index] as StoredPlacement;
      const outcome = await checkPlacement(deps, placement, {
        checkTargets: request.checkTargets ?? true,
        ...(request.rules === undefined ? {} : { rules: request.rules }),
      });
      outcomes[index] = outcome;
      if (outcome.alert !== null) deps.notifier?.notify(outcome.alert);
      deps.onCheck?.(outcome);
    }
  };
  const concurrency = Math.max(1, Math.min(request.concurrency ?? MONITOR_CONCURRENCY, due.length));
  await Promise.all(Array.from({ length: concurrency }, worker));
  const deliveries = deps.notifier === undefined ? [] : await deps.notifier.flush();
  return {
    checked: outcomes.filter((o): o is PlacementCheckOutcome => o !== undefined),
    notDue: all.length - due.length,
    deliveries,
    startedAt,
    finishedAt: msToIso(deps.clock.now()),
  };
}
