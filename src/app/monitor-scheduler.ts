/**
 * Runs monitoring on a schedule inside one process (`linkwright serve`, `linkwright monitor --every 24h`) with
 * croner 11 (notes/stack.md: the in-process scheduler pick for SQLite mode). `protect: true` is croner's
 * overrun protection: a tick that comes while the previous run is still busy is skipped (and reported), so two
 * monitor runs never overlap and never check the same placement twice at once.
 *
 * `--every <duration>` becomes croner's `interval` (minimum seconds between runs) over a per-second pattern,
 * so the first run starts within a second and the next ones follow at that interval; `--cron <pattern>` takes a
 * cron pattern as is (e.g. "0 6 * * *", daily at 06:00).
 */
import { Cron } from 'croner';
import { LinkwrightError } from '../core/errors/linkwright-error.js';

export interface ScheduleOptions {
  /** Minimum gap between runs, ms (whole seconds). */
  everyMs?: number;
  /** A cron pattern (5 or 6 fields) instead of `everyMs`. */
  cron?: string;
  /** The work of one run. */
  task: () => Promise<void>;
  /** A run threw (the schedule goes on). */
  onError?: (error: unknown) => void;
  /** A tick came while the previous run was still busy, and was skipped. */
  onOverrun?: () => void;
  /** IANA time zone of a cron pattern (default: the process's). */
  timezone?: string;
}

export interface MonitorSchedule {
  nextRun(): Date | null;
  isBusy(): boolean;
  /** Stops scheduling and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/** `30s`, `15m`, `6h`, `24h`, `7d` → ms. */
export function parseDuration(value: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)\s*$/i.exec(value);
  const unit = m?.[2]?.toLowerCase();
  const n = Number(m?.[1]);
  const factor =
    unit === 's' || unit === 'sec'
      ? 1_000
      : unit === 'm' || unit === 'min'
        ? 60_000
        : unit === 'h'
          ? 3_600_000
          : unit === 'd'
            ? 86_400_000
            : 0;
  const ms = Math.round(n * factor);
  if (m === null || !Number.isFinite(ms) || ms < 1_000) {
    throw new LinkwrightError('INVALID_INPUT', `not a duration of at least 1s: ${JSON.stringify(value)} (use e.g. 30m, 6h, 24h, 7d)`, {
      details: { field: 'every' },
    });
  }
  return ms;
}

export function startMonitorSchedule(options: ScheduleOptions): MonitorSchedule {
  if ((options.everyMs === undefined) === (options.cron === undefined)) {
    throw new LinkwrightError('INVALID_INPUT', 'a schedule needs exactly one of an interval or a cron pattern');
  }
  let running: Promise<void> | null = null;
  const run = async () => {
    running = options.task();
    try {
      await running;
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = null;
    }
  };
  let job: Cron;
  try {
    job = new Cron(
      options.cron ?? '* * * * * *',
      {
        protect: () => options.onOverrun?.(),
        ...(options.everyMs === undefined ? {} : { interval: Math.max(1, Math.round(options.everyMs / 1000)) }),
        ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
      },
      run,
    );
  } catch (error) {
    throw new LinkwrightError('INVALID_INPUT', `not a cron pattern: ${JSON.stringify(options.cron)} (${(error as Error).message})`, {
      details: { field: 'cron' },
    });
  }
  return {
    nextRun: () => job.nextRun(),
    isBusy: () => job.isBusy(),
    async stop() {
      job.stop();
      if (running !== null) await running.catch(() => undefined);
    },
  };
}
