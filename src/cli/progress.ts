import cliProgress from 'cli-progress';
import type { CliIo } from './cli-io.js';

export interface Progress {
  update(done: number, current: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr (stdout stays clean for --json/--csv) when more than one page is worked
 * on and stderr is a terminal, or when LINKWRIGHT_PROGRESS=1 forces it (then as plain lines).
 */
export function createProgress(io: CliIo, total: number): Progress {
  if (total < 2) return { update() {}, stop() {} };
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'auditing [{bar}] {value}/{total} {current}', stream: io.stderr as NodeJS.WritableStream, hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { current: '' });
    return {
      update: (done, current) => bar.update(done, { current: current.slice(0, 60) }),
      stop: () => bar.stop(),
    };
  }
  if (io.env.LINKWRIGHT_PROGRESS === '1') {
    return {
      update: (done, current) => io.stderr.write(`progress ${done}/${total} ${current}\n`),
      stop() {},
    };
  }
  return { update() {}, stop() {} };
}
