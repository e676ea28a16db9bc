/**
 * The outreach step of `linkwright demo`, run with the real use-cases against the demo world after discovery:
 * 1. a relationship history (backdated touches and stage moves) that leaves the discovered authors in different
 *    stages, and one touch logged too soon so the pacing warning shows;
 * 2. two placed links watched, checked "yesterday" (both found: the prospects move to linked on their own) and
 *    again today after the world changed (one link removed → lost, one rel flipped → changed), with the alerts
 *    POSTed to a webhook receiver on the demo server;
 * 3. today's agenda (or the next working day's, when today is a quiet day).
 *
 * Re-runs: the demo store keeps earlier runs, so the outreach records of the demo's own authors, placements and
 * webhook are cleared first — only those (usernames of the synthetic world, URLs of the demo hosts), never
 * anything else in a store the user pointed the demo at.
 */
import { changeStage } from '../app/change-stage.js';
import { logTouch } from '../app/log-touch.js';
import { type MonitorOutcome, monitorPlacements } from '../app/monitor-placements.js';
import { pipelineBoard, type PipelineBoard } from '../app/pipeline-view.js';
import { type AgendaOutcome, planTodayAgenda } from '../app/plan-agenda.js';
import type { PageFetcher } from '../app/ports.js';
import { feedStoryLookup } from '../app/story-lookup.js';
import { watchPlacement } from '../app/watch-placement.js';
import { createWebhookNotifier } from '../app/webhook-notifier.js';
import type { Clock } from '../core/clock.js';
import {
  DAY_MS,
  HOUR_MS,
  isQuietDay,
  localDateKey,
  localDayStart,
  nextActiveDayStart,
  type PacingViolation,
  resolvePacingRules,
} from '../core/outreach/index.js';
import type { MediumSource } from '../fetch/medium-source.js';
import { WebhookSender } from '../fetch/webhook-sender.js';
import type { Store } from '../store/open-store.js';
import { findProspect } from '../store/prospects-repository.js';
import { addWebhook } from '../store/webhooks-repository.js';
import type { DemoServer } from './demo-server.js';
import { type DemoWorld, storyPath } from './demo-world.js';

export interface DemoTouchWarning {
  username: string;
  kind: string;
  at: number;
  violations: PacingViolation[];
  safeAt: number | null;
}

export interface DemoOutreach {
  /** Prospects the story needs that discovery did not produce (the step skips them). */
  missing: string[];
  touchesLogged: number;
  /** The touch logged too soon, with the rules it broke. */
  warning: DemoTouchWarning | null;
  /** The board after the two checks. */
  board: PipelineBoard;
  /** Yesterday's check (both links found) and today's (one lost, one changed). */
  monitor: { yesterday: MonitorOutcome; today: MonitorOutcome };
  /** Alerts the demo's webhook receiver got. */
  webhookReceived: number;
  agenda: AgendaOutcome;
}

const DEMO_USERS = ['maya-fields', 'tom-okafor', 'dana-brightwell', 'leo-park', 'ivy-hollins'] as const;

/** The demo's touches use UTC days (the demo's pacing rules have no offset). */
const RULES = resolvePacingRules({});

/** 10:00 UTC `days` before now, moved back to a working day (the rules keep weekends quiet). */
function workdayAt(now: number, days: number, hour = 10): number {
  let at = localDayStart(now - days * DAY_MS, 0) + hour * HOUR_MS;
  while (isQuietDay(RULES, at)) at -= DAY_MS;
  return at;
}

async function resetDemoOutreach(store: Store, world: DemoWorld): Promise<void> {
  const db = store.db;
  const ids: number[] = [];
  for (const username of DEMO_USERS) {
    const p = await findProspect(db, username);
    if (p !== null) ids.push(p.id);
  }
  const demoHosts = [world.medium.host, world.userSite.host].map((h) => h.toLowerCase());
  const placements = await db.selectFrom('placements').select(['id', 'story_url']).execute();
  const demoPlacements = placements
    .filter((p) => {
      try {
        return demoHosts.includes(new URL(p.story_url).hostname.toLowerCase());
      } catch {
        return false;
      }
    })
    .map((p) => p.id);
  await db.transaction().execute(async (trx) => {
    if (demoPlacements.length > 0) await trx.deleteFrom('placements').where('id', 'in', demoPlacements).execute();
    await trx
      .deleteFrom('webhooks')
      .where('url', 'like', `%${world.outreach.webhookPath}`)
      .where('url', 'like', 'http://127.0.0.1:%')
      .execute();
    if (ids.length > 0) {
      await trx.deleteFrom('touches').where('prospect_id', 'in', ids).execute();
      await trx.deleteFrom('stage_changes').where('prospect_id', 'in', ids).execute();
      await trx.deleteFrom('drafts').where('prospect_id', 'in', ids).execute();
      // Back to the stage discovery gives them.
      for (const id of ids) {
        const row = await trx.selectFrom('prospects').select('qualified').where('id', '=', id).executeTakeFirstOrThrow();
        await trx
          .updateTable('prospects')
          .set({ stage: row.qualified === 1 ? 'qualified' : 'found', paused_from: null, stage_changed_at: null })
          .where('id', '=', id)
          .execute();
      }
    }
  });
}

export interface DemoOutreachOptions {
  store: Store;
  clock: Clock;
  world: DemoWorld;
  server: DemoServer;
  fetcher: PageFetcher;
  source: MediumSource;
}

export async function runDemoOutreach(options: DemoOutreachOptions): Promise<DemoOutreach> {
  const { store, clock, world, server, fetcher, source } = options;
  await resetDemoOutreach(store, world);
  const now = clock.now();
  const missing: string[] = [];
  const present = new Set<string>();
  for (const u of DEMO_USERS) {
    if ((await findProspect(store.db, u)) === null) missing.push(u);
    else present.add(u);
  }
  const deps = { store, clock, rules: RULES };
  let touchesLogged = 0;
  const touch = async (username: string, kind: string, at: number, storyUrl: string | null = null, note: string | null = null) => {
    if (!present.has(username)) return null;
    const out = await logTouch(deps, { prospect: `@${username}`, kind, at, storyUrl, note, source: 'demo' });
    touchesLogged++;
    return out;
  };
  const stage = async (username: string, to: string, note: string | null = null) => {
    if (present.has(username)) await changeStage(deps, { prospect: `@${username}`, stage: to, note, source: 'demo' });
  };
  const story = (postId: string) => {
    const s = world.medium.stories.find((x) => x.postId === postId);
    return s === undefined ? null : `${server.mediumOrigin}${storyPath(s, world)}`;
  };

  // ---- 1. the relationships so far
  // Maya: the steady niche writer, worked for a month: follow, responses over 2+ weeks, a pitch.
  await touch('maya-fields', 'follow', workdayAt(now, 26));
  await touch('maya-fields', 'comment', workdayAt(now, 23), story('a7c1e2d3b402'), 'asked about the light timer');
  await touch('maya-fields', 'response-received', workdayAt(now, 22, 15), story('a7c1e2d3b402'));
  await touch('maya-fields', 'comment', workdayAt(now, 16), story('5a1e2b3c4d5f'));
  await touch('maya-fields', 'comment', workdayAt(now, 9), story('a7c1e2d3b401'));
  await touch('maya-fields', 'pitch', workdayAt(now, 6), null, 'companion planting chart');
  // Tom: writes rarely, but kindly answered; qualified by hand.
  await stage('tom-okafor', 'qualified', 'rare but on topic');
  await touch('tom-okafor', 'follow', workdayAt(now, 20));
  await touch('tom-okafor', 'comment', workdayAt(now, 17), story('b7c1e2d3b401'));
  // Dana: the viral author, qualified by hand, followed two days ago — and clapped five minutes later (too soon).
  await stage('dana-brightwell', 'qualified', 'her balcony audience fits the herb guide');
  const followAt = workdayAt(now, 2, 11);
  await touch('dana-brightwell', 'follow', followAt);
  const tooSoon = await touch('dana-brightwell', 'clap', followAt + 5 * 60_000, story('d7c1e2d3b404'));
  // Leo: off-niche, but big: qualified, to follow. Ivy: inactive since June: paused.
  await stage('leo-park', 'qualified', 'one tomato story; try anyway');
  await stage('ivy-hollins', 'paused', 'inactive since June; look again in spring');

  // ---- 2. the placed links: watched, checked yesterday, changed, checked today
  for (const placement of world.outreach.placements) {
    // Watched yesterday morning, before the first check (so the timeline reads placed → found → …).
    await watchPlacement(
      { store, clock: { now: () => now - DAY_MS - HOUR_MS } },
      {
        storyUrl: `${server.mediumOrigin}${storyPath(placement.story, world)}`,
        targetUrl: new URL(placement.targetPath, server.siteOrigin).toString(),
      },
    );
  }
  await addWebhook(store.db, server.webhookUrl, new Date(now).toISOString());
  const sender = new WebhookSender({ allowPrivate: true, timeoutMs: 5_000 });
  const monitorRun = async (at: Clock) => {
    const hooks = [
      {
        id: (await store.db.selectFrom('webhooks').select('id').where('url', '=', server.webhookUrl).executeTakeFirstOrThrow()).id,
        url: server.webhookUrl,
      },
    ];
    const notifier = createWebhookNotifier({ poster: sender, clock: at, store, webhooks: hooks }, { maxAttempts: 2, baseDelayMs: 200 });
    const placementIds = (await store.db.selectFrom('placements').select(['id', 'story_url']).execute())
      .filter((p) => p.story_url.startsWith(server.mediumOrigin))
      .map((p) => p.id);
    return monitorPlacements({ store, fetcher, clock: at, notifier }, { ids: placementIds });
  };
  let yesterday: MonitorOutcome;
  let today: MonitorOutcome;
  try {
    world.outreach.phase = 'before';
    yesterday = await monitorRun({ now: () => now - DAY_MS });
    world.outreach.phase = 'after';
    today = await monitorRun(clock);
  } finally {
    world.outreach.phase = 'before';
    await sender.close();
  }

  // ---- 3. the agenda: today, or the next working day when today is quiet
  const date = isQuietDay(RULES, now) ? localDateKey(nextActiveDayStart(RULES, now), 0) : localDateKey(now, 0);
  const agenda = await planTodayAgenda(
    { store, clock, stories: feedStoryLookup(source, store) },
    { date, utcOffsetMinutes: 0, seed: 'linkwright-demo' },
  );

  return {
    missing,
    touchesLogged,
    warning:
      tooSoon === null || tooSoon.check.allowed
        ? null
        : { username: 'dana-brightwell', kind: 'clap', at: tooSoon.at, violations: tooSoon.check.violations, safeAt: tooSoon.check.safeAt },
    board: await pipelineBoard({ store }),
    monitor: { yesterday, today },
    webhookReceived: server.webhooks.length,
    agenda,
  };
}
