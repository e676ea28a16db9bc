import { InvalidArgumentError, Option } from 'commander';
import type { PageFetcher } from '../app/ports.js';
import { FETCHER_DEFAULTS, PoliteFetcher } from '../fetch/polite-fetcher.js';
import { CliExit, EXIT } from './cli-io.js';
import type { LinkwrightConfig } from './config.js';

export interface FetcherFlags {
  allowPrivate?: boolean;
  delay?: number;
  ignoreRobots?: boolean;
}

/**
 * The politeness floor for other people's servers: 1 s between requests to one host
 * (StormCrawler fetcher.server.delay = 1.0 s; Scrapy's project template DOWNLOAD_DELAY = 1 s;
 * reliability.md R7). A shorter delay is only accepted together with --allow-private, i.e. for
 * servers the user runs (tests, the demo).
 */
export const MIN_PUBLIC_DELAY_MS = 1000;

function delayMs(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected milliseconds ≥ 0');
  return n;
}

export const fetcherOptions = {
  allowPrivate: () =>
    new Option('--allow-private', 'allow fetching loopback/private addresses (your own test servers; off by default to block SSRF)'),
  delay: () =>
    new Option('--delay <ms>', `minimum gap between two requests to one host (default 1000; medium.com 2000)`).argParser(delayMs),
  ignoreRobots: () => new Option('--ignore-robots', 'do not read robots.txt (only for your own servers; needs --allow-private)').hideHelp(),
};

function atLeast(overrides: Readonly<Record<string, number>>, floorMs: number): Record<string, number> {
  return Object.fromEntries(Object.entries(overrides).map(([host, ms]) => [host, Math.max(ms, floorMs)]));
}

export function createFetcher(flags: FetcherFlags, config: LinkwrightConfig): PageFetcher {
  if (flags.delay !== undefined && flags.delay < MIN_PUBLIC_DELAY_MS && !flags.allowPrivate) {
    throw new CliExit(EXIT.usage, `--delay below ${MIN_PUBLIC_DELAY_MS} ms is only for your own servers: add --allow-private`);
  }
  if (flags.ignoreRobots && !flags.allowPrivate) {
    throw new CliExit(EXIT.usage, '--ignore-robots is only for your own servers: add --allow-private');
  }
  return new PoliteFetcher({
    allowPrivate: flags.allowPrivate ?? false,
    // --delay sets the gap for every host, but never lowers a stricter default (medium.com ≥ 2 s, DESIGN §5).
    ...(flags.delay !== undefined
      ? { perHostDelayMs: flags.delay, hostDelayOverrides: atLeast(FETCHER_DEFAULTS.hostDelayOverrides, flags.delay) }
      : {}),
    ...(flags.ignoreRobots ? { respectRobots: false } : {}),
    ...(config.userAgent ? { userAgent: config.userAgent } : {}),
  });
}
