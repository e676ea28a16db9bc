import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

export interface StageProgress {
  update(event: { stage: string; done: number; total: number; current: string }): void;
  stop(): void;
}

/**
 * Progress for work whose size grows as it goes (discover: feeds reveal stories, stories reveal authors).
 * A bar on stderr when stderr is a terminal (stdout stays clean for --json/--csv), plain lines when
 * LINKWRIGHT_PROGRESS=1 forces it (as src/cli/progress.ts does), nothing otherwise.
 */
export function createStageProgress(io: CliIo, label: string): StageProgress {
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {value}/{total} {stage}: {current}`,
        stream: io.stderr as NodeJS.WritableStream,
        hideCursor: true,
        clearOnComplete: true,
      },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (e) => {
        if (!started) {
          bar.start(Math.max(1, e.total), 0, { stage: e.stage, current: '' });
          started = true;
        }
        bar.setTotal(Math.max(1, e.total));
        bar.update(e.done, { stage: e.stage, current: e.current.slice(0, 50) });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  if (io.env.LINKWRIGHT_PROGRESS === '1') {
    return {
      update: (e) => io.stderr.write(`progress ${e.done}/${e.total} ${e.stage} ${e.current}\n`),
      stop() {},
    };
  }
  return { update() {}, stop() {} };
}
