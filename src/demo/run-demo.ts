/**
 * `linkwright demo`: start the synthetic world on 127.0.0.1 and run the method against it with the
 * real fetcher, store and use-cases. Each capability adds its step here.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditOutcome, auditPages } from '../app/audit-pages.js';
import { type DiscoverOutcome, type DiscoverProgress, discoverProspects } from '../app/discover-prospects.js';
import { storeStoryCache } from '../app/medium-pages.js';
import type { Clock } from '../core/clock.js';
import { MediumSource } from '../fetch/medium-source.js';
import { PoliteFetcher } from '../fetch/polite-fetcher.js';
import type { Store } from '../store/open-store.js';
import { demoLookup } from './demo-lookup.js';
import { type DemoContent, runDemoContent } from './demo-content.js';
import { type DemoOutreach, runDemoOutreach } from './demo-outreach.js';
import { type DemoServer, startDemoServer } from './demo-server.js';
import { auditStories, createDemoWorld, type DemoWorld } from './demo-world.js';

export interface DemoRun {
  world: DemoWorld;
  server: DemoServer;
  audit: AuditOutcome;
  /** The discovery step: the world's query (keywords, tag, publication) against the fake Medium. */
  discovery: DiscoverOutcome;
  /** The outreach step: pipeline, pacing warning, placed-link monitoring with alerts, agenda (demo-outreach.ts). */
  outreach: DemoOutreach;
  /** The content step: the user's guide recorded, keyword research, a Medium copy drafted and checked (demo-content.ts). */
  content: DemoContent;
}

export interface DemoOptions {
  store: Store;
  clock: Clock;
  /** Gap between requests to one demo host; small because the servers are our own (default 100 ms). */
  delayMs?: number;
  /** Keep the server running after the demo (the caller closes it). */
  keepServer?: boolean;
  onProgress?: (event: { done: number; total: number; input: string }) => void;
  onDiscoveryProgress?: (event: DiscoverProgress) => void;
  /** Where the demo writes its Markdown draft (default: a new temporary folder). */
  workDir?: string;
}

export async function runDemo(options: DemoOptions): Promise<DemoRun> {
  // The world's dates follow the clock, so its steady writer is active and its inactive one inactive today.
  const world = createDemoWorld({ now: options.clock.now() });
  const server = await startDemoServer(world);
  const fetcher = new PoliteFetcher({
    allowPrivate: true,
    perHostDelayMs: options.delayMs ?? 100,
    hostDelayOverrides: {},
    lookup: demoLookup(server.hosts),
    totalDeadlineMs: 10_000,
    maxAttempts: 1,
  });
  try {
    const audit = await auditPages(
      { fetcher, clock: options.clock, store: options.store, ...(options.onProgress ? { onProgress: options.onProgress } : {}) },
      {
        inputs: auditStories(world).map((s) => ({ kind: 'url' as const, url: server.storyUrl(s.postId) })),
        sites: [world.userSite.host],
        checkTargets: true,
        restart: true,
      },
    );
    const source = new MediumSource({ fetcher, origin: server.mediumOrigin, clock: options.clock, cache: storeStoryCache(options.store) });
    const discovery = await discoverProspects(
      {
        source,
        clock: options.clock,
        store: options.store,
        ...(options.onDiscoveryProgress ? { onProgress: options.onDiscoveryProgress } : {}),
      },
      // refresh: the demo server is new on every run (new port), so stories are read from it, not from the store.
      { ...world.discovery, limit: 10, refresh: true, restart: true },
    );
    const outreach = await runDemoOutreach({ store: options.store, clock: options.clock, world, server, fetcher, source });
    const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'linkwright-demo-')));
    const content = await runDemoContent({ store: options.store, clock: options.clock, world, server, fetcher, workDir });
    return { world, server, audit, discovery, outreach, content };
  } finally {
    await fetcher.close();
    if (!options.keepServer) await server.close();
  }
}
