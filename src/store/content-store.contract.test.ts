import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-dialects.js';
import {
  type ContentItemInput,
  getContentItem,
  knownTags,
  listContentItems,
  removeContentItem,
  upsertContentItem,
} from './content-repository.js';
import { upsertMediumPost } from './medium-repository.js';
import { insertSnapshot, latestSnapshotIdsByUrlFragment } from './snapshots-repository.js';

function item(url: string, overrides: Partial<ContentItemInput> = {}): ContentItemInput {
  return {
    url,
    kind: 'site-page',
    title: 'Home composting in five steps',
    keyphrase: 'home composting',
    keyphraseKey: 'home compost',
    canonicalUrl: null,
    wordCount: 812,
    fingerprint: Array.from({ length: 64 }, (_, i) => (i * 7919).toString(16)).join('.'),
    snapshotId: null,
    tags: ['Composting', 'soil', 'composting'],
    ...overrides,
  };
}

describeEachDialect('content store contract', (ctx) => {
  it('stores an item with its tags (lower-cased, de-duplicated) and reads the same record back', async () => {
    const { db } = ctx.store();
    const saved = await upsertContentItem(db, item('https://example.com/compost'), '2026-11-01T00:00:00.000Z');
    expect(saved).toMatchObject({ url: 'https://example.com/compost', kind: 'site-page', keyphraseKey: 'home compost', tags: ['composting', 'soil'] });
    const back = await getContentItem(db, 'https://example.com/compost');
    expect(back).toEqual(saved);
    expect(back?.fingerprint?.split('.')).toHaveLength(64);
  });

  it('updates by URL instead of duplicating, keeps a keyphrase the update does not give, replaces tags', async () => {
    const { db } = ctx.store();
    await upsertContentItem(db, item('https://example.com/compost'), '2026-11-01T00:00:00.000Z');
    const updated = await upsertContentItem(
      db,
      item('https://example.com/compost', { keyphrase: null, keyphraseKey: null, title: 'Composting at home', tags: ['gardening'] }),
      '2026-11-02T00:00:00.000Z',
    );
    expect(updated).toMatchObject({ title: 'Composting at home', keyphrase: 'home composting', keyphraseKey: 'home compost', tags: ['gardening'] });
    expect(updated.createdAt).toBe('2026-11-01T00:00:00.000Z');
    expect(updated.updatedAt).toBe('2026-11-02T00:00:00.000Z');
    expect(await listContentItems(db)).toHaveLength(1);
  });

  it('filters by kind and by keyphrase key', async () => {
    const { db } = ctx.store();
    await upsertContentItem(db, item('https://example.com/a'), '2026-11-01T00:00:00.000Z');
    await upsertContentItem(db, item('https://medium.com/@me/b-1', { kind: 'medium-story' }), '2026-11-01T00:00:00.000Z');
    await upsertContentItem(db, item('https://example.com/c', { keyphrase: 'raised beds', keyphraseKey: 'rais bed' }), '2026-11-01T00:00:00.000Z');
    expect((await listContentItems(db, { kind: 'medium-story' })).map((i) => i.url)).toEqual(['https://medium.com/@me/b-1']);
    expect((await listContentItems(db, { keyphraseKey: 'home compost' })).map((i) => i.url)).toEqual([
      'https://example.com/a',
      'https://medium.com/@me/b-1',
    ]);
  });

  it('removes an item with its tags', async () => {
    const { db } = ctx.store();
    await upsertContentItem(db, item('https://example.com/a'), '2026-11-01T00:00:00.000Z');
    expect(await removeContentItem(db, 'https://example.com/a')).toBe(true);
    expect(await removeContentItem(db, 'https://example.com/a')).toBe(false);
    expect(await knownTags(db)).toEqual([]);
  });

  it("lists known tags from stored Medium stories and the user's Medium stories, most used first", async () => {
    const { db } = ctx.store();
    await upsertContentItem(db, item('https://medium.com/@me/a-1', { kind: 'medium-story', tags: ['composting'] }), '2026-11-01T00:00:00.000Z');
    // Drafts and site pages do not vouch for a tag existing on Medium.
    await upsertContentItem(db, item('file:///drafts/d.md', { kind: 'draft', tags: ['invented-tag'] }), '2026-11-01T00:00:00.000Z');
    await upsertContentItem(db, item('https://example.com/b', { kind: 'site-page', tags: ['site-only'] }), '2026-11-01T00:00:00.000Z');
    for (const [postId, tags] of [
      ['aaaaaaaaaaa1', ['composting', 'soil']],
      ['aaaaaaaaaaa2', ['soil', 'gardening']],
      ['aaaaaaaaaaa3', ['soil']],
    ] as const) {
      await upsertMediumPost(db, {
        postId,
        url: `https://medium.com/p/${postId}`,
        title: null,
        authorId: null,
        authorUsername: null,
        publicationId: null,
        publicationName: null,
        claps: null,
        voters: null,
        responses: null,
        readingTime: null,
        wordCount: null,
        publishedAt: null,
        updatedAt: null,
        tags: [...tags],
        canonicalUrl: null,
        isLocked: null,
        source: 'feed',
        snapshotId: null,
        capturedAt: '2026-11-01T00:00:00.000Z',
      });
    }
    expect(await knownTags(db)).toEqual([
      { tag: 'soil', uses: 3 },
      { tag: 'composting', uses: 2 },
      { tag: 'gardening', uses: 1 },
    ]);
  });

  it('finds the newest snapshot of every URL containing a fragment, matching LIKE wildcards literally', async () => {
    const { db } = ctx.store();
    const snap = (url: string, fetchedAt: string) =>
      insertSnapshot(db, {
        url,
        finalUrl: url,
        status: 200,
        headers: {},
        redirects: [],
        body: Buffer.from(`<rss>${url}${fetchedAt}</rss>`),
        contentType: 'text/xml',
        encoding: 'utf-8',
        truncated: false,
        source: 'live',
        fetchedAt,
      });
    const a1 = await snap('https://medium.com/feed/tag/soil', '2026-11-01T00:00:00.000Z');
    const a2 = await snap('https://medium.com/feed/tag/soil', '2026-11-02T00:00:00.000Z');
    const b = await snap('https://medium.com/feed/@maya', '2026-11-01T00:00:00.000Z');
    await snap('https://medium.com/@maya/feedback-loops-123456789abc', '2026-11-01T00:00:00.000Z');
    await snap('https://example.com/100%_feed', '2026-11-01T00:00:00.000Z');
    expect(a2.id).toBeGreaterThan(a1.id);
    expect(await latestSnapshotIdsByUrlFragment(db, '/feed/')).toEqual([
      { url: 'https://medium.com/feed/@maya', id: b.id },
      { url: 'https://medium.com/feed/tag/soil', id: a2.id },
    ]);
    expect((await latestSnapshotIdsByUrlFragment(db, '0%_f')).map((r) => r.url)).toEqual(['https://example.com/100%_feed']);
    expect(await latestSnapshotIdsByUrlFragment(db, '%')).toHaveLength(1);
  });
});
