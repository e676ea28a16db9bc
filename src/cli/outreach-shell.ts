/**
 * What the outreach commands share: opening the store from --db / LINKWRIGHT_DB, the user's UTC offset for the
 * pacing rules' local days (the shell's job: the core takes a fixed offset, pacing-rules.ts), and the prospect
 * argument's help text.
 */
import { createHash } from 'node:crypto';
import { type PacingRules, resolvePacingRules } from '../core/outreach/index.js';
import { openStore, type Store } from '../store/open-store.js';
import type { CliIo } from './cli-io.js';
import { type LinkwrightConfig, readConfig } from './config.js';

export const PROSPECT_ARG = 'prospect id (from `linkwright pipeline`) or @username';
export const DB_OPTION = ['--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)'] as const;

/** Minutes east of UTC of the process's time zone (TZ) at `at`: DST is resolved for that date. */
export function localOffsetMinutes(at: number): number {
  const offset = -new Date(at).getTimezoneOffset();
  // `-0` would print as "-0" in JSON.
  return offset === 0 ? 0 : offset;
}

export function pacingRulesAt(at: number): PacingRules {
  return resolvePacingRules({ utcOffsetMinutes: localOffsetMinutes(at) });
}

/** The agenda's jitter seed: stable per store unless LINKWRIGHT_AGENDA_SEED says otherwise. */
export function agendaSeed(io: CliIo, config: LinkwrightConfig): string {
  return io.env.LINKWRIGHT_AGENDA_SEED ?? createHash('sha256').update(`linkwright-agenda:${config.db}`).digest('hex').slice(0, 16);
}

export async function withStore<T>(
  io: CliIo,
  db: string | undefined,
  fn: (store: Store, config: LinkwrightConfig) => Promise<T>,
): Promise<T> {
  const config = readConfig(io.env, io.cwd, db ? { db } : {});
  const store = await openStore({ location: config.db });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}
