/**
 * `linkwright serve`: the long-running side of Linkwright. For now it runs placement monitoring on a schedule
 * (croner, no overlapping runs) until Ctrl-C; the dashboard (DESIGN §2 web/) comes later.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseDuration } from '../../app/monitor-scheduler.js';
import type { CliIo } from '../cli-io.js';
import { readConfig } from '../config.js';
import { fetcherOptions } from '../fetcher-flags.js';
import { checkScheduleFlags, type MonitorFlags, runMonitorSchedule } from './monitor-command.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';

function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

export function serveCommand(io: CliIo): Command {
  return new Command('serve')
    .description('Run scheduled placement monitoring until Ctrl-C (the web dashboard comes in a later version)')
    .addOption(new Option('--every <duration>', 'check interval (default 24h; at least 1h unless --allow-private)').argParser(duration))
    .option('--cron <pattern>', 'check on a cron pattern instead (e.g. "0 6 * * *")')
    .option('--due', 'each run checks only placements not checked in the last 24 h')
    .option('--no-check-target', "do not fetch each link's target to see whether it now redirects")
    .option('--json', 'print one JSON object per run')
    .option(...DB_OPTION)
    .addOption(fetcherOptions.allowPrivate())
    .addOption(fetcherOptions.delay())
    .addOption(fetcherOptions.ignoreRobots())
    .action(async (flags: MonitorFlags) => {
      checkScheduleFlags(flags);
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      await withStore(io, flags.db, async (store) => {
        await runMonitorSchedule(
          io,
          store,
          config,
          flags.cron === undefined && flags.every === undefined ? { ...flags, every: 86_400_000 } : flags,
          'linkwright serve: the dashboard is not part of this version yet; scheduled monitoring runs here.',
        );
      });
    });
}
