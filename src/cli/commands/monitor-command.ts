/**
 * `linkwright monitor [--due] [--every 24h | --cron "0 6 * * *"]`: re-check watched links (and `serve`, which
 * runs the same on a schedule). Alerts are printed and POSTed to the webhooks (`linkwright webhook add`).
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { type MonitorOutcome, monitorPlacements } from '../../app/monitor-placements.js';
import { parseDuration, startMonitorSchedule } from '../../app/monitor-scheduler.js';
import type { PageFetcher } from '../../app/ports.js';
import { systemClock } from '../../app/system-clock.js';
import { createWebhookNotifier } from '../../app/webhook-notifier.js';
import { PLACEMENT_STATES } from '../../core/outreach/index.js';
import { WebhookSender } from '../../fetch/webhook-sender.js';
import type { Store } from '../../store/open-store.js';
import { listPlacements } from '../../store/placements-repository.js';
import { listWebhooks } from '../../store/webhooks-repository.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { type LinkwrightConfig, readConfig } from '../config.js';
import { createFetcher, type FetcherFlags, fetcherOptions } from '../fetcher-flags.js';
import { alertLine, deliveryLine, monitorJson, monitorText, placementJson, placementsTable } from '../format/outreach-format.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';

export interface MonitorFlags extends FetcherFlags {
  due?: boolean;
  every?: number;
  cron?: string;
  failOn?: string[];
  checkTarget: boolean;
  list?: boolean;
  json?: boolean;
  db?: string;
}

/**
 * Shortest schedule for other people's servers: hourly. A daily check already reports a removal the next day
 * (MONITOR_INTERVAL_MS); hourly is 24× that and still one request per story an hour. Shorter intervals are for
 * your own servers (--allow-private: tests, the demo), like the fetcher's --delay floor.
 */
export const MIN_PUBLIC_EVERY_MS = 3_600_000;

function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function states(value: string, previous: string[] = []): string[] {
  const list = value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const s of list)
    if (!(PLACEMENT_STATES as readonly string[]).includes(s)) throw new InvalidArgumentError(`states are ${PLACEMENT_STATES.join(', ')}`);
  return [...previous, ...list];
}

/** One monitoring run with this run's webhooks (re-read every run, so `webhook add` applies to a running serve). */
export async function runMonitorOnce(
  deps: { store: Store; fetcher: PageFetcher; sender: WebhookSender; onCheck?: Parameters<typeof monitorPlacements>[0]['onCheck'] },
  flags: Pick<MonitorFlags, 'due' | 'checkTarget'>,
): Promise<MonitorOutcome> {
  const webhooks = await listWebhooks(deps.store.db, { enabledOnly: true });
  const notifier =
    webhooks.length === 0 ? undefined : createWebhookNotifier({ poster: deps.sender, clock: systemClock, store: deps.store, webhooks });
  return monitorPlacements(
    {
      store: deps.store,
      fetcher: deps.fetcher,
      clock: systemClock,
      ...(notifier ? { notifier } : {}),
      ...(deps.onCheck ? { onCheck: deps.onCheck } : {}),
    },
    { due: flags.due ?? false, checkTargets: flags.checkTarget },
  );
}

/** Runs on a schedule until SIGINT/SIGTERM; each run's alerts and deliveries are printed as they come. */
export async function runMonitorSchedule(
  io: CliIo,
  store: Store,
  config: LinkwrightConfig,
  flags: MonitorFlags,
  banner: string,
): Promise<void> {
  const fetcher = createFetcher(flags, config);
  const sender = new WebhookSender({
    allowPrivate: flags.allowPrivate ?? false,
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
  });
  let runs = 0;
  const schedule = startMonitorSchedule({
    ...(flags.cron === undefined ? { everyMs: flags.every ?? 86_400_000 } : { cron: flags.cron }),
    task: async () => {
      runs++;
      const outcome = await runMonitorOnce({ store, fetcher, sender }, flags);
      if (flags.json) io.stdout.write(`${JSON.stringify({ run: runs, ...monitorJson(outcome) })}\n`);
      else io.stdout.write(`\n[${outcome.startedAt}] monitor run ${runs}\n${monitorText(outcome)}`);
      const next = schedule.nextRun();
      if (!flags.json && next !== null) io.stdout.write(`next run: ${next.toISOString()}\n`);
    },
    onError: (error) => io.stderr.write(`linkwright: monitor run failed: ${error instanceof Error ? error.message : String(error)}\n`),
    onOverrun: () => io.stderr.write('linkwright: the previous monitor run is still busy; this one is skipped (no overlap)\n'),
  });
  io.stderr.write(
    `${banner}\nlinkwright: monitoring ${flags.cron ? `on "${flags.cron}"` : `every ${Math.round((flags.every ?? 86_400_000) / 1000)} s`}; first run ${schedule.nextRun()?.toISOString() ?? 'never'}; Ctrl-C to stop\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  io.stderr.write('linkwright: stopping (waiting for a run in progress)…\n');
  await schedule.stop();
  await fetcher.close();
  await sender.close();
  io.stderr.write(`linkwright: stopped after ${runs} run${runs === 1 ? '' : 's'}\n`);
}

export function checkScheduleFlags(flags: Pick<MonitorFlags, 'every' | 'cron' | 'allowPrivate'>): void {
  if (flags.every !== undefined && flags.cron !== undefined) throw new CliExit(EXIT.usage, 'choose one of --every and --cron');
  if (flags.every !== undefined && flags.every < MIN_PUBLIC_EVERY_MS && !flags.allowPrivate) {
    throw new CliExit(EXIT.usage, `--every below 1h is only for your own servers: add --allow-private`);
  }
}

export function monitorCommand(io: CliIo): Command {
  return new Command('monitor')
    .description('Re-check watched links (present? rel? in the body? anchor? target redirects?) and alert on changes')
    .option('--due', 'only placements not checked in the last 24 h')
    .addOption(new Option('--every <duration>', 'keep running: check on this interval (e.g. 24h, 6h; at least 1h unless --allow-private) until Ctrl-C').argParser(duration))
    .option('--cron <pattern>', 'keep running: check on a cron pattern (e.g. "0 6 * * *") until Ctrl-C')
    .addOption(
      new Option('--fail-on <states>', `exit 1 when a placement ends in one of these states (${PLACEMENT_STATES.join(', ')})`).argParser(
        states,
      ),
    )
    .option('--no-check-target', "do not fetch each link's target to see whether it now redirects")
    .option('--list', 'list the watched placements and their states without checking')
    .option('--json', 'print JSON (one object per run with --every/--cron)')
    .option(...DB_OPTION)
    .addOption(fetcherOptions.allowPrivate())
    .addOption(fetcherOptions.delay())
    .addOption(fetcherOptions.ignoreRobots())
    .addHelpText(
      'after',
      `
States: live (as expected), changed (rel flipped, moved out of the body, anchor or target changed, target now
redirects), lost (link gone, or page 404/410), blocked/error (check failed; lost only after 3 failures in a row).
Each check is stored (status, rel, placement, anchor, redirect); each change of state is an event in the link's
timeline, printed and POSTed as JSON to every webhook (\`linkwright webhook add <url>\`), retried with backoff.
Pages are fetched politely with conditional GET (ETag / Last-Modified). Webhook receivers on loopback or
private addresses need --allow-private here too (the same SSRF guard as every fetch).

Exit codes: 0 ok, 1 a placement in a --fail-on state, 2 usage, 3 some pages could not be checked.

Examples:
  linkwright monitor
  linkwright monitor --due --fail-on lost,changed
  linkwright monitor --every 24h`,
    )
    .action(async (flags: MonitorFlags) => {
      checkScheduleFlags(flags);
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      await withStore(io, flags.db, async (store) => {
        if (flags.list) {
          const placements = await listPlacements(store.db);
          if (flags.json) io.stdout.write(`${JSON.stringify({ placements: placements.map(placementJson) }, null, 2)}\n`);
          else
            io.stdout.write(
              placements.length === 0
                ? 'no placements watched (linkwright watch <story-url> --target <url>)\n'
                : `${placementsTable(placements)}\n`,
            );
          return;
        }
        if (flags.every !== undefined || flags.cron !== undefined) {
          await runMonitorSchedule(io, store, config, flags, 'linkwright monitor: scheduled');
          return;
        }
        const fetcher = createFetcher(flags, config);
        const sender = new WebhookSender({
          allowPrivate: flags.allowPrivate ?? false,
          ...(config.userAgent ? { userAgent: config.userAgent } : {}),
        });
        let outcome: MonitorOutcome;
        try {
          outcome = await runMonitorOnce({ store, fetcher, sender }, flags);
        } finally {
          await fetcher.close();
          await sender.close();
        }
        io.stdout.write(flags.json ? `${JSON.stringify(monitorJson(outcome), null, 2)}\n` : monitorText(outcome));
        if (flags.json) {
          // Alerts also go to stderr, so a script reading the JSON still shows a person what changed.
          for (const o of outcome.checked) if (o.event !== null) io.stderr.write(`${alertLine(o)}\n`);
          for (const d of outcome.deliveries) if (!d.delivered) io.stderr.write(`linkwright: ${deliveryLine(d)}\n`);
        }
        const failOn = flags.failOn ?? [];
        if (failOn.length > 0 && outcome.checked.some((o) => failOn.includes(o.state))) throw new CliExit(EXIT.findings, '');
        if (outcome.checked.some((o) => o.check.errorCode !== null || o.check.blocked)) throw new CliExit(EXIT.partial, '');
      });
    });
}
