import type { Command } from 'commander';
import { storeStoryCache } from '../app/medium-pages.js';
import type { PageFetcher } from '../app/ports.js';
import type { Clock } from '../core/clock.js';
import { MediumSource } from '../fetch/medium-source.js';
import type { Store } from '../store/open-store.js';
import { CliExit, EXIT } from './cli-io.js';
import type { LinkwrightConfig } from './config.js';
import { createFetcher, type FetcherFlags, fetcherOptions } from './fetcher-flags.js';

export interface MediumTools {
  source: MediumSource;
  fetcher: PageFetcher;
}

/**
 * Medium's politeness floor: ≥ 2 s between requests (DESIGN §5; medium-data.md §7: no published rate limit,
 * Cloudflare blocks fast clients). The fetcher applies it by default; an explicit --delay may not go below it
 * unless the Medium is the user's own server (--allow-private: tests, the demo).
 */
export const MEDIUM_MIN_DELAY_MS = 2000;

/**
 * The Medium source every Medium command uses: the polite fetcher (medium.com: one connection, ≥ 2 s apart
 * unless --delay says otherwise for your own servers), the configured origin (LINKWRIGHT_MEDIUM_ORIGIN) and,
 * with a store, the 24 h story cache.
 */
export function createMediumTools(flags: FetcherFlags, config: LinkwrightConfig, clock: Clock, store?: Store): MediumTools {
  if (flags.delay !== undefined && flags.delay < MEDIUM_MIN_DELAY_MS && !flags.allowPrivate) {
    throw new CliExit(
      EXIT.usage,
      `--delay below ${MEDIUM_MIN_DELAY_MS} ms is too fast for Medium; shorter gaps are only for your own servers (--allow-private)`,
    );
  }
  const fetcher = createFetcher(flags, config);
  const source = new MediumSource({
    fetcher,
    origin: config.mediumOrigin,
    clock,
    ...(store === undefined ? {} : { cache: storeStoryCache(store) }),
  });
  return { source, fetcher };
}

/** --allow-private, --delay and the hidden --ignore-robots, as on `audit`. */
export function addFetcherOptions(command: Command): Command {
  return command.addOption(fetcherOptions.allowPrivate()).addOption(fetcherOptions.delay()).addOption(fetcherOptions.ignoreRobots());
}
