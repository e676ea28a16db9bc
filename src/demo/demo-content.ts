/**
 * The content step of `linkwright demo` (issue 6): record the user's composting guide with its keyphrase
 * (`linkwright content add`), research keywords on the stored Medium stories (`linkwright keywords`), then
 * write a Medium copy of the guide as a Markdown draft and check it (`linkwright check`) — once as written
 * (canonical pointing home) and once without the canonical, to show what the check catches.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addContent, type CheckContentResult, checkContent } from '../app/check-content.js';
import type { PageFetcher } from '../app/ports.js';
import { type KeywordsOutcome, researchKeywordsFromSources } from '../app/research-keywords.js';
import type { Clock } from '../core/clock.js';
import type { ContentItemRecord } from '../store/content-repository.js';
import type { Store } from '../store/open-store.js';
import type { DemoServer } from './demo-server.js';
import type { DemoWorld } from './demo-world.js';

export interface DemoContent {
  /** The guide as recorded in content_items. */
  page: ContentItemRecord;
  draftPath: string;
  check: CheckContentResult;
  /** The same draft with its canonical line removed. */
  checkWithoutCanonical: CheckContentResult;
  keywords: KeywordsOutcome;
}

export async function runDemoContent(deps: {
  store: Store;
  clock: Clock;
  world: DemoWorld;
  server: DemoServer;
  fetcher: PageFetcher;
  /** Where the draft files are written. */
  workDir: string;
}): Promise<DemoContent> {
  const { store, clock, world, server, fetcher, workDir } = deps;
  const c = world.content;
  const original = `${server.siteOrigin}${c.sitePagePath}`;
  const page = await addContent({ store, clock, fetcher }, { input: original, cwd: workDir, keyphrase: c.keyphrase });
  const keywords = await researchKeywordsFromSources({ store, clock, mediumOrigin: server.mediumOrigin }, { seed: c.keywordSeed, tags: c.keywordTags, cwd: workDir, limit: 5 });

  const draft = c.draft(original, server.siteOrigin);
  const draftPath = join(workDir, c.draftFile);
  await writeFile(draftPath, draft);
  const request = { cwd: workDir, profile: 'medium' as const, userSites: [world.userSite.host] };
  const check = await checkContent({ store, clock }, { ...request, input: draftPath });
  const withoutPath = join(workDir, c.draftFile.replace(/\.md$/, '-no-canonical.md'));
  await writeFile(withoutPath, draft.replace(/^canonical: .*\n/m, ''));
  const checkWithoutCanonical = await checkContent({ store, clock }, { ...request, input: withoutPath });
  return { page, draftPath, check, checkWithoutCanonical, keywords };
}
