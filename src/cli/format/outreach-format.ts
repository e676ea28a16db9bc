/**
 * Text and JSON shapes of the outreach commands (stage, touch, pipeline, prospect, agenda, pitch, watch,
 * monitor). Messages arrive as ids + params (DESIGN §3); the core's English renderer gives their text, and JSON
 * keeps id, params and text side by side.
 */
import type { AgendaOutcome } from '../../app/plan-agenda.js';
import type { PipelineBoard, ProspectDetail } from '../../app/pipeline-view.js';
import type { MonitorOutcome, PlacementCheckOutcome } from '../../app/monitor-placements.js';
import type { DeliveryOutcome } from '../../app/webhook-notifier.js';
import {
  changeMessages,
  formatTime,
  type PacingViolation,
  renderOutreachMessage,
  renderViolation,
  type RenderOptions,
} from '../../core/outreach/index.js';
import type { StoredPlacement } from '../../store/placements-repository.js';
import { factorsTable, messageText as discoveryText, storedFactors, storedReasons } from './discovery-format.js';
import { renderTable, terminalSafe } from './table.js';

export interface Msg {
  messageId: string;
  params: Record<string, unknown>;
}

type Params = Record<string, string | number | boolean | null>;

function primitives(params: Record<string, unknown>): Params {
  const out: Params = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : JSON.stringify(v);
  }
  return out;
}

/** Messages the integration adds on top of the core's (kept here: the core's ids are its own). */
const EXTRA: Record<string, (p: Params) => string> = {
  'placement.watched': (p) => `watching ${String(p.storyUrl)} for a link to ${String(p.targetUrl)}`,
};

export function outreachText(m: Msg, options: RenderOptions = {}): string {
  const params = primitives(m.params);
  const extra = EXTRA[m.messageId];
  return extra !== undefined ? extra(params) : renderOutreachMessage(m.messageId, params, options);
}

export function withOutreachText(m: Msg, options: RenderOptions = {}) {
  return { messageId: m.messageId, params: m.params, text: outreachText(m, options) };
}

/** ISO or epoch ms → "2026-11-03 09:30 UTC" (or "—"). */
export function when(value: string | number | null | undefined, options: RenderOptions = {}): string {
  if (value === null || value === undefined) return '—';
  const ms = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(ms) ? formatTime(ms, options) : String(value);
}

export function violationLines(violations: readonly PacingViolation[], options: RenderOptions = {}): string[] {
  return violations.map((v) => `${v.ruleId}: ${renderViolation(v, options)}`);
}

export function violationJson(v: PacingViolation, options: RenderOptions = {}) {
  return {
    ruleId: v.ruleId,
    messageId: v.messageId,
    params: v.params,
    safeAt: v.safeAt === null ? null : new Date(v.safeAt).toISOString(),
    text: renderViolation(v, options),
  };
}

// ---------------------------------------------------------------- pipeline board

export function boardText(board: PipelineBoard): string {
  if (board.total === 0) return 'no prospects yet (run `linkwright discover "<keywords>"`, or `linkwright pipeline --import sheet.csv`)\n';
  const parts: string[] = [`Pipeline — ${board.total} prospect${board.total === 1 ? '' : 's'}`];
  for (const column of board.columns) {
    if (column.prospects.length === 0) continue;
    parts.push('', `${column.stage.toUpperCase()} (${column.prospects.length})`);
    parts.push(
      renderTable(column.prospects, [
        { header: 'id', value: (c) => String(c.id) },
        { header: 'author', value: (c) => `@${c.username}`, max: 26 },
        { header: 'name', value: (c) => c.name ?? '—', max: 22 },
        { header: 'score', value: (c) => (c.score === null ? '—' : String(c.score)) },
        { header: 'touches', value: (c) => String(c.touches) },
        { header: 'last touch', value: (c) => (c.lastTouchAt === null ? '—' : `${c.lastTouchKind} ${c.lastTouchAt.slice(0, 10)}`) },
        {
          header: 'links',
          value: (c) =>
            c.placementsLive + c.placementsLost === 0
              ? '—'
              : `${c.placementsLive} live${c.placementsLost ? `, ${c.placementsLost} lost` : ''}`,
        },
        ...(column.stage === 'paused'
          ? [{ header: 'paused from', value: (c: (typeof column.prospects)[number]) => c.pausedFrom ?? '—' }]
          : []),
      ]),
    );
  }
  return `${parts.join('\n')}\n`;
}

// ---------------------------------------------------------------- agenda

export function agendaText(outcome: AgendaOutcome, options: RenderOptions = {}): string {
  const head = `Agenda for ${outcome.date} (${outcome.considered} active prospect${outcome.considered === 1 ? '' : 's'})`;
  if (outcome.quiet)
    return `${head}\n${outcome.date} is a quiet day: no outreach. Next agenda: ${outcome.nextActiveDate ?? '?'} (linkwright agenda --date ${outcome.nextActiveDate ?? ''}).\n`;
  if (outcome.items.length === 0) return `${head}\nNothing to do today within the pacing rules.\n`;
  const lines = [head, ''];
  outcome.items.forEach((item, i) => {
    const time = formatTime(item.suggestedAt, options).slice(11);
    lines.push(`${i + 1}. ${time}  @${item.username}  ${item.action === 'engage' ? item.kind : item.action}  (priority ${item.priority})`);
    lines.push(`   ${terminalSafe(outreachText(item.why, options))}`);
    if (item.story !== null)
      lines.push(
        `   story: ${terminalSafe(item.story.title)} — ${item.story.url}${item.storySource === 'store' ? ' (from the store: the feed was not read)' : ''}`,
      );
    lines.push(`   why first: ${item.reasons.map((r) => outreachText(r, options)).join('; ')}`);
    lines.push(`   when done: linkwright touch @${item.username} ${item.kind}${item.story ? ` --url ${item.story.url}` : ''}`);
  });
  const problems = Object.entries(outcome.feedProblems);
  if (problems.length > 0) lines.push('', `Feeds not read: ${problems.map(([u, p]) => `@${u} (${p})`).join(', ')}.`);
  return `${lines.join('\n')}\n`;
}

export function agendaJson(outcome: AgendaOutcome, options: RenderOptions = {}) {
  return {
    date: outcome.date,
    now: new Date(outcome.now).toISOString(),
    quiet: outcome.quiet,
    nextActiveDate: outcome.nextActiveDate,
    utcOffsetMinutes: outcome.rules.utcOffsetMinutes,
    considered: outcome.considered,
    items: outcome.items.map((item, i) => ({
      rank: i + 1,
      prospectId: Number(item.prospectId),
      username: item.username,
      action: item.action,
      kind: item.kind,
      story:
        item.story === null
          ? null
          : {
              url: item.story.url,
              title: item.story.title,
              publishedAt: new Date(item.story.publishedAt).toISOString(),
              source: item.storySource,
            },
      suggestedAt: new Date(item.suggestedAt).toISOString(),
      earliestAt: new Date(item.earliestAt).toISOString(),
      priority: item.priority,
      reasons: item.reasons.map((r) => ({ factor: r.factor, points: r.points, ...withOutreachText(r, options) })),
      why: withOutreachText(item.why, options),
    })),
    feedProblems: outcome.feedProblems,
  };
}

// ---------------------------------------------------------------- placements and monitoring

export function placementJson(p: StoredPlacement) {
  return {
    id: p.id,
    prospectId: p.prospectId,
    storyUrl: p.storyUrl,
    targetUrl: p.targetUrl,
    expected: p.expected,
    expectedSource: p.expectedSource,
    state: p.state,
    consecutiveFailures: p.consecutiveFailures,
    lostReason: p.lostReason,
    firstSeenAt: p.firstSeenAt,
    lastSeenAt: p.lastSeenAt,
    lastSeenLiveAt: p.lastSeenLiveAt,
    lostAt: p.lostAt,
    lastCheckedAt: p.lastCheckedAt,
    createdAt: p.createdAt,
  };
}

export function placementsTable(placements: readonly StoredPlacement[]): string {
  return renderTable(placements, [
    { header: 'id', value: (p) => String(p.id) },
    { header: 'story', value: (p) => p.storyUrl, max: 52 },
    { header: 'target', value: (p) => p.targetUrl, max: 44 },
    { header: 'state', value: (p) => p.state },
    { header: 'first seen', value: (p) => p.firstSeenAt?.slice(0, 10) ?? '—' },
    { header: 'last live', value: (p) => p.lastSeenLiveAt?.slice(0, 10) ?? '—' },
    { header: 'lost at', value: (p) => p.lostAt?.slice(0, 10) ?? '—' },
  ]);
}

export function alertLine(o: PlacementCheckOutcome): string {
  if (o.event === null) return '';
  const who =
    o.prospect === null
      ? ''
      : ` [@${o.prospect.username}${o.prospect.stageAfter !== o.prospect.stageBefore ? `: ${o.prospect.stageBefore} → ${o.prospect.stageAfter}` : ''}]`;
  const details = changeMessages(o.result.changes).map((m) => outreachText(m));
  return `ALERT placement ${o.placement.id} ${o.previousState} → ${o.state}: ${terminalSafe(details.length > 0 ? details.join('; ') : outreachText(o.event))} — ${o.placement.storyUrl} → ${o.placement.targetUrl}${who}`;
}

export function deliveryLine(d: DeliveryOutcome): string {
  return d.delivered
    ? `webhook ${d.url}: event ${d.eventId} delivered (HTTP ${d.status}${d.attempts > 1 ? `, after ${d.attempts} attempts` : ''})`
    : `webhook ${d.url}: event ${d.eventId} NOT delivered after ${d.attempts} attempt${d.attempts === 1 ? '' : 's'} (${d.error ?? 'failed'}); monitoring went on`;
}

export function monitorText(outcome: MonitorOutcome): string {
  const lines: string[] = [];
  lines.push(
    `Checked ${outcome.checked.length} placement${outcome.checked.length === 1 ? '' : 's'}${outcome.notDue > 0 ? ` (${outcome.notDue} not due)` : ''}.`,
  );
  if (outcome.checked.length > 0) {
    lines.push(
      renderTable(outcome.checked, [
        { header: 'id', value: (o) => String(o.placement.id) },
        { header: 'story', value: (o) => o.placement.storyUrl, max: 48 },
        { header: 'state', value: (o) => (o.previousState === o.state ? o.state : `${o.previousState} → ${o.state}`) },
        { header: 'http', value: (o) => o.check.errorCode ?? (o.check.httpStatus === null ? '—' : String(o.check.httpStatus)) },
        { header: 'rel', value: (o) => o.check.rel ?? '—', max: 24 },
        { header: 'placement', value: (o) => o.check.placement ?? '—' },
        { header: 'anchor', value: (o) => o.check.anchorText ?? '—', max: 28 },
        { header: 'why', value: (o) => outreachText(o.result.message), max: 70 },
      ]),
    );
  }
  const alerts = outcome.checked.filter((o) => o.event !== null);
  if (alerts.length > 0) lines.push('', ...alerts.map(alertLine));
  for (const o of outcome.checked) {
    if (o.prospect?.touchLogged) lines.push(`logged a link-placed touch for @${o.prospect.username} (placement ${o.placement.id})`);
  }
  if (outcome.deliveries.length > 0) lines.push('', ...outcome.deliveries.map(deliveryLine));
  return `${lines.join('\n')}\n`;
}

export function checkOutcomeJson(o: PlacementCheckOutcome) {
  return {
    placement: placementJson(o.placement),
    previousState: o.previousState,
    state: o.state,
    checkId: o.checkId,
    check: o.check,
    message: withOutreachText(o.result.message),
    changes: o.result.changes,
    event: o.event === null ? null : { id: o.event.id, kind: o.event.kind, ...withOutreachText(o.event) },
    prospect: o.prospect,
  };
}

export function monitorJson(outcome: MonitorOutcome) {
  return {
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
    notDue: outcome.notDue,
    checks: outcome.checked.map(checkOutcomeJson),
    alerts: outcome.checked.flatMap((o) => (o.alert === null ? [] : [o.alert])),
    deliveries: outcome.deliveries,
  };
}

// ---------------------------------------------------------------- one prospect

export function prospectDetailJson(d: ProspectDetail) {
  const p = d.prospect;
  return {
    id: p.id,
    username: p.username,
    name: p.name,
    profileUrl: p.profileUrl,
    followers: p.followers,
    niche: p.niche,
    score: p.coverage > 0 ? p.score : null,
    coverage: p.coverage,
    qualified: p.qualified,
    stage: p.stage,
    pausedFrom: p.pausedFrom,
    stageChangedAt: p.stageChangedAt,
    reasons: storedReasons(p.gateReasons).map((r) => ({ ...r, text: discoveryText(r) })),
    factors: storedFactors(p.breakdown).map((f) => ({ ...f, explanation: { ...f.explanation, text: discoveryText(f.explanation) } })),
    followerHistory: d.followerHistory,
    stageHistory: d.stageHistory,
    touches: d.touches,
    drafts: d.drafts,
    placements: d.placements.map((x) => ({
      ...placementJson(x.placement),
      checks: x.checks,
      timeline: x.timeline.map((e) => ({ ...e, text: outreachText(e) })),
    })),
    pacing: d.pacing.map((x) => ({
      kind: x.kind,
      allowedNow: x.check.allowed,
      safeAt: x.check.safeAt === null ? null : new Date(x.check.safeAt).toISOString(),
      violations: x.check.violations.map((v) => violationJson(v)),
    })),
    transitions: d.transitions.map((t) => ({
      stage: t.stage,
      allowed: t.result.ok,
      needsForce: t.result.ok && t.result.forced,
      reasons: t.result.ok ? [] : t.result.reasons.map((r) => withOutreachText(r)),
    })),
  };
}

export function prospectDetailText(d: ProspectDetail): string {
  const p = d.prospect;
  const lines: string[] = [];
  lines.push(`@${p.username}${p.name ? ` — ${p.name}` : ''} (prospect ${p.id})`);
  lines.push(
    `stage       ${p.stage}${p.pausedFrom ? ` (paused from ${p.pausedFrom})` : ''}${p.stageChangedAt ? ` since ${p.stageChangedAt.slice(0, 10)}` : ''}`,
  );
  lines.push(
    `score       ${p.coverage > 0 ? `${p.score}/100${p.coverage < 1 ? ` (${Math.round(p.coverage * 100)}% of factors known)` : ''}` : 'not scored'}${p.qualified ? ', qualified' : ''}`,
  );
  if (p.niche) lines.push(`niche       ${p.niche}`);
  if (p.profileUrl) lines.push(`profile     ${p.profileUrl}`);
  if (p.followers !== null)
    lines.push(
      `followers   ${p.followers}${d.followerHistory.length > 1 ? ` (${d.followerHistory.length} captures since ${d.followerHistory[0]?.capturedAt.slice(0, 10)})` : ''}`,
    );
  const reasons = storedReasons(p.gateReasons);
  if (reasons.length > 0) lines.push(`gate        ${reasons.map(discoveryText).join('; ')}`);
  const factors = storedFactors(p.breakdown);
  if (factors.length > 0) lines.push('', 'Score breakdown:', factorsTable(factors));

  lines.push('', `Touches (${d.touches.length}):`);
  if (d.touches.length === 0) lines.push('  none yet');
  for (const t of d.touches) {
    lines.push(
      `  ${when(t.at)}  ${t.kind.padEnd(17)} ${t.storyUrl ?? ''}${t.note ? `  “${terminalSafe(t.note)}”` : ''}${t.source !== 'user' ? `  (${t.source})` : ''}`,
    );
  }
  if (d.stageHistory.length > 0) {
    lines.push('', 'Stage history:');
    for (const s of d.stageHistory) {
      lines.push(
        `  ${when(s.at)}  ${s.from ?? '—'} → ${s.to}  (${s.source}${s.forced ? ', forced' : ''})${s.note ? `  ${terminalSafe(s.note)}` : ''}`,
      );
    }
  }
  lines.push('', `Drafts (${d.drafts.length}):`);
  if (d.drafts.length === 0) lines.push('  none yet (linkwright pitch <prospect> --template intro)');
  for (const draft of d.drafts) {
    lines.push(
      `  #${draft.id} ${when(draft.createdAt)}  ${draft.templateId}${draft.subject ? `: ${terminalSafe(draft.subject)}` : ''}${draft.editMarkers > 0 ? `  (${draft.editMarkers} [[EDIT]] left)` : ''}`,
    );
  }
  lines.push('', `Placements (${d.placements.length}):`);
  if (d.placements.length === 0) lines.push('  none watched (linkwright watch <story-url> --target <your page>)');
  for (const x of d.placements) {
    const pl = x.placement;
    lines.push(`  #${pl.id} ${pl.state.toUpperCase()}  ${pl.storyUrl} → ${pl.targetUrl}`);
    lines.push(
      `     first seen ${when(pl.firstSeenAt)}, last seen live ${when(pl.lastSeenLiveAt)}, lost ${when(pl.lostAt)}; ${x.checks.length} check${x.checks.length === 1 ? '' : 's'}`,
    );
    for (const e of x.timeline) lines.push(`     ${when(e.at)}  ${e.kind.padEnd(9)} ${terminalSafe(outreachText(e))}`);
  }
  lines.push('', 'Pacing now:');
  for (const x of d.pacing) {
    const v = x.check.violations[0];
    lines.push(
      `  ${x.kind.padEnd(10)} ${x.check.allowed ? 'allowed' : `not now — ${v ? renderViolation(v) : '?'}${x.check.safeAt !== null ? `; all rules allow it from ${when(x.check.safeAt)}` : ''}`}`,
    );
  }
  const moves = d.transitions.filter((t) => t.result.ok).map((t) => t.stage);
  lines.push('', `Can move to: ${moves.length > 0 ? moves.join(', ') : 'nothing without --force'}`);
  return `${lines.join('\n')}\n`;
}
