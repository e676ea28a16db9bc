/**
 * One config schema; each field has an environment variable (DESIGN §7). Only shells read it.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export const configSchema = z.object({
  /** SQLite file or postgres:// URL. */
  db: z.string().min(1),
  /** Medium origin; tests and the demo point it at a fake Medium on 127.0.0.1. */
  mediumOrigin: z.url({ protocol: /^https?$/ }),
  userAgent: z.string().min(1).optional(),
});

export type LinkwrightConfig = z.infer<typeof configSchema>;

export const DEFAULT_DB_FILE = 'linkwright.db';

export function readConfig(env: Record<string, string | undefined>, cwd: string, overrides: { db?: string } = {}): LinkwrightConfig {
  const db = overrides.db ?? env.LINKWRIGHT_DB ?? resolve(cwd, DEFAULT_DB_FILE);
  return configSchema.parse({
    db,
    mediumOrigin: env.LINKWRIGHT_MEDIUM_ORIGIN ?? 'https://medium.com',
    userAgent: env.LINKWRIGHT_USER_AGENT,
  });
}
