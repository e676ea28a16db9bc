import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listContentItems } from '../store/content-repository.js';
import { openStore, type Store } from '../store/open-store.js';
import { type DemoRun, runDemo } from './run-demo.js';

const NOW = Date.parse('2026-11-04T09:30:00.000Z');

let dir: string;
let store: Store;
let run: DemoRun;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-demo-content-'));
  store = await openStore({ location: join(dir, 'demo.db') });
  run = await runDemo({ store, clock: { now: () => NOW }, workDir: dir });
}, 120_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const resultOf = (r: DemoRun['content']['check'], id: string) => r.report.results.find((x) => x.id === id);

describe('the content step of the demo', () => {
  it('records the guide of the user site with its keyphrase and a text fingerprint', async () => {
    expect(run.content.page).toMatchObject({ kind: 'site-page', keyphrase: 'hot composting', title: 'Hot composting in 18 days · Greenleaf Garden' });
    expect(run.content.page.url).toBe(`${run.server.siteOrigin}/guides/composting`);
    expect(run.content.page.fingerprint).not.toBeNull();
    expect((await listContentItems(store.db)).map((i) => i.url)).toEqual([run.content.page.url]);
  });

  it('writes the draft next to the database and recognises it as a copy of the guide with the right canonical', () => {
    expect(existsSync(run.content.draftPath)).toBe(true);
    expect(run.content.draftPath.startsWith(dir)).toBe(true);
    const { check } = run.content;
    expect(check.context?.copyOf?.url).toBe(run.content.page.url);
    expect(resultOf(check, 'medium-canonical')).toMatchObject({ rating: 'green', messageId: 'medium-canonical.good' });
    // The guide's keyphrase is the copy's own (it points there): not counted as reuse.
    expect(resultOf(check, 'previously-used-keyphrase')).toMatchObject({ rating: 'green' });
    expect(resultOf(check, 'medium-tags')).toMatchObject({ rating: 'green' });
    expect(resultOf(check, 'medium-contextual-link')).toMatchObject({ rating: 'green' });
    expect(check.report.medium?.rating).toBe('green');
  });

  it('turns the canonical check red when the copy has no canonical, and counts the guide as an earlier use', () => {
    const without = run.content.checkWithoutCanonical;
    expect(resultOf(without, 'medium-canonical')).toMatchObject({ rating: 'red', messageId: 'medium-canonical.missing-for-copy' });
    expect(resultOf(without, 'previously-used-keyphrase')).toMatchObject({ rating: 'orange' });
  });

  it('researches keywords on the stories discovery stored, with composting as the niche against other gardening tags', () => {
    const r = run.content.keywords.report;
    expect(r.nicheTags).toEqual(['composting']);
    expect(r.corpus.niche).toBeGreaterThanOrEqual(4);
    expect(r.corpus.background).toBeGreaterThan(r.corpus.niche);
    expect(run.content.keywords.sources.storedStories).toBeGreaterThan(0);
    const soil = r.relatedTags.find((t) => t.tag === 'soil');
    expect(soil?.lift).toBeGreaterThan(1);
    expect(r.terms.length).toBeGreaterThan(0);
    expect(r.competition[0]?.text).toBe('composting');
    expect(r.competition[0]?.topAuthors.map((a) => a.author)).toContain('ivy-hollins');
    expect(r.targets?.basedOn).toBeGreaterThan(0);
  });
});
