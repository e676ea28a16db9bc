import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGE_HEADERS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { openStore, type Store } from '../store/open-store.js';
import { authorLinks } from './author-links.js';
import { fakeMediumSource, ORIGIN, storyUrlOf } from './fake-medium.test-support.js';
import { readStory } from './read-medium.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-links-'));
  store = await openStore({ location: join(dir, 'l.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps() {
  return fakeMediumSource(store);
}

describe('authorLinks', () => {
  it('groups the links of the recent stories by content type and domain, reading member-only stories from their page', async () => {
    const { source, clock, fetcher } = deps();
    const out = await authorLinks({ source, clock, store }, { username: '@ada' });
    expect(out.feed).toBe('ok');
    expect(out.stories).toHaveLength(6);
    // The member-only story's feed item is a snippet: its links come from the page.
    expect(out.stories.find((s) => s.postId === 'a0000000000c')).toMatchObject({ from: 'page', links: 1 });
    expect(fetcher.requests).toEqual([`${ORIGIN}/feed/@ada`, storyUrlOf('a0000000000c')]);
    expect(out.summary.total).toBe(4);
    expect(out.summary.byType.map((g) => [g.type, g.count])).toEqual([
      ['article', 1],
      ['code', 1],
      ['research', 1],
      ['video', 1],
    ]);
    expect(out.summary.byDomain.map((g) => [g.domain, g.count, g.types])).toEqual([
      ['ada.example', 1, ['article']],
      ['example.org', 1, ['research']],
      ['github.com', 1, ['code']],
      ['youtube.com', 1, ['video']],
    ]);
    const research = out.summary.byType.find((g) => g.type === 'research');
    expect(research?.examples[0]).toMatchObject({
      url: 'https://data.example.org/datasets/links.csv',
      anchorText: 'the dataset',
      storyUrl: storyUrlOf('a0000000000a'),
    });
    expect(out.excludedDomains).toEqual(['medium.com', 'medium.test']);
  });

  it('falls back to the stories in the store when the feed is blocked', async () => {
    const first = deps();
    for (const id of ['a0000000000a', 'a0000000000b']) {
      await readStory({ source: first.source, clock: first.clock, store }, { kind: 'url', url: storyUrlOf(id) });
    }
    const { source, clock, fetcher } = deps();
    fetcher.routes.set(`${ORIGIN}/feed/@ada`, { status: 403, headers: { ...CHALLENGE_HEADERS }, body: renderChallengePage() });
    const out = await authorLinks({ source, clock, store }, { username: 'ada' });
    expect(out.feed).toBe('blocked');
    expect(out.advice).toContain('save it');
    expect(out.stories.map((s) => [s.postId, s.from])).toEqual([
      ['a0000000000a', 'store'],
      ['a0000000000b', 'store'],
    ]);
    expect(out.summary.total).toBe(3);
    expect(fetcher.requests).toEqual([`${ORIGIN}/feed/@ada`]);
  });

  it('reports a failed feed with its error when there is nothing stored', async () => {
    const { source, clock, fetcher } = deps();
    fetcher.routes.delete(`${ORIGIN}/feed/@ada`);
    const out = await authorLinks({ source, clock }, { username: 'ada' });
    expect(out).toMatchObject({ feed: 'failed', feedError: { code: 'FETCH_HTTP_STATUS' }, stories: [] });
    expect(out.summary.total).toBe(0);
  });
});
