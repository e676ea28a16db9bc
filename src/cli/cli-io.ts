/** What a command may touch of the process, passed in so the CLI runs in-process in tests. */
export interface CliIo {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export const processIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
};

/** DESIGN §1 exit codes. */
export const EXIT = {
  ok: 0,
  findings: 1,
  usage: 2,
  partial: 3,
} as const;

/** Thrown by commands to end with a given exit code after printing a message. */
export class CliExit extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}
