import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-dialects.js';
import { discoveryRunItems, finishDiscoveryRun, recordDiscoveryItem, startOrResumeDiscoveryRun } from './discovery-runs-repository.js';
import {
  findMediumAuthor,
  getMediumPost,
  insertAuthorSnapshot,
  latestStoryCapture,
  listAuthorSnapshots,
  listMediumPosts,
  type MediumPostRecord,
  snapshotById,
  upsertMediumAuthor,
  upsertMediumPost,
} from './medium-repository.js';
import { countRows } from './pages-repository.js';
import { findProspect, listProspects, upsertProspect } from './prospects-repository.js';
import { insertSnapshot } from './snapshots-repository.js';

function post(postId: string, overrides: Partial<MediumPostRecord> = {}): MediumPostRecord {
  return {
    postId,
    url: `https://medium.com/@maya/story-${postId}`,
    title: `Story ${postId}`,
    authorId: 'a1b2c3d4e5f6',
    authorUsername: 'Maya',
    publicationId: null,
    publicationName: null,
    claps: 120,
    voters: 14,
    responses: 3,
    readingTime: 6.47,
    wordCount: 1450,
    publishedAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-02T08:00:00.000Z',
    tags: ['gardening', 'soil'],
    canonicalUrl: null,
    isLocked: false,
    source: 'apollo3',
    snapshotId: null,
    capturedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

describeEachDialect('medium store contract', (ctx) => {
  it('stores a story with its tags and reads the same record back (fractional reading time kept exactly)', async () => {
    const { db } = ctx.store();
    const record = post('5a1e2b3c4d5f');
    await upsertMediumPost(db, record);
    const back = await getMediumPost(db, '5a1e2b3c4d5f');
    expect(back).toEqual({ ...record, authorUsername: 'maya' });
    expect(back?.readingTime).toBe(6.47);
  });

  it('re-capturing a story replaces its counts and tags without duplicating rows', async () => {
    const { db } = ctx.store();
    await upsertMediumPost(db, post('5a1e2b3c4d5f'));
    await upsertMediumPost(
      db,
      post('5a1e2b3c4d5f', { claps: 300, tags: ['composting', 'composting', 'Gardening'], capturedAt: '2026-11-02T00:00:00.000Z' }),
    );
    expect(await countRows(db, 'medium_posts')).toBe(1);
    expect(await countRows(db, 'medium_post_tags')).toBe(2);
    const back = await getMediumPost(db, '5a1e2b3c4d5f');
    expect(back?.claps).toBe(300);
    expect(back?.tags).toEqual(['composting', 'gardening']);
    expect((await latestStoryCapture(db, '5a1e2b3c4d5f'))?.capturedAt).toBe('2026-11-02T00:00:00.000Z');
  });

  it('queries stories by tag and by author, newest first and undated last on both dialects', async () => {
    const { db } = ctx.store();
    await upsertMediumPost(db, post('aaaaaaaaaaaa', { publishedAt: '2026-09-01T00:00:00.000Z', tags: ['soil'] }));
    await upsertMediumPost(db, post('bbbbbbbbbbbb', { publishedAt: null, tags: ['gardening'] }));
    await upsertMediumPost(db, post('cccccccccccc', { publishedAt: '2026-10-01T00:00:00.000Z', tags: ['gardening'] }));
    await upsertMediumPost(db, post('dddddddddddd', { authorUsername: 'other', authorId: 'ffffffffffff', tags: ['gardening'] }));
    expect((await listMediumPosts(db, { tag: 'gardening', authorUsername: 'MAYA' })).map((p) => p.postId)).toEqual([
      'cccccccccccc',
      'bbbbbbbbbbbb',
    ]);
    expect((await listMediumPosts(db, { authorUsername: 'maya' })).map((p) => p.postId)).toEqual([
      'cccccccccccc',
      'aaaaaaaaaaaa',
      'bbbbbbbbbbbb',
    ]);
    expect((await listMediumPosts(db, { authorId: 'ffffffffffff' })).map((p) => p.postId)).toEqual(['dddddddddddd']);
  });

  it('reads a snapshot back by id with its bytes', async () => {
    const { db } = ctx.store();
    const body = Buffer.from('<html>challenge</html>');
    const { id } = await insertSnapshot(db, {
      url: 'https://medium.com/p/5a1e2b3c4d5f',
      finalUrl: 'https://medium.com/p/5a1e2b3c4d5f',
      status: 403,
      headers: { 'cf-mitigated': ['challenge'] },
      redirects: [],
      body,
      contentType: 'text/html',
      encoding: 'utf-8',
      truncated: false,
      source: 'live',
      fetchedAt: '2026-11-01T00:00:00.000Z',
    });
    const back = await snapshotById(db, id);
    expect(back?.status).toBe(403);
    expect(back?.headers).toEqual({ 'cf-mitigated': ['challenge'] });
    expect(back?.body?.toString()).toBe('<html>challenge</html>');
    expect(await snapshotById(db, id + 1000)).toBeNull();
  });

  it('upserts authors by user id or username, keeping known values when a capture lacks them', async () => {
    const { db } = ctx.store();
    const base = {
      userId: null,
      username: 'Maya-Fields',
      name: 'Maya Fields',
      bio: null,
      followers: null,
      following: null,
      memberSince: null,
      profileUrl: null,
      capturedAt: '2026-11-01T00:00:00.000Z',
    };
    const first = await upsertMediumAuthor(db, base);
    const second = await upsertMediumAuthor(db, {
      ...base,
      userId: 'a1b2c3d4e5f6',
      followers: 18_400,
      following: 210,
      capturedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(second).toBe(first);
    const blocked = await upsertMediumAuthor(db, {
      ...base,
      userId: 'a1b2c3d4e5f6',
      username: 'maya-fields',
      name: null,
      capturedAt: '2026-11-03T00:00:00.000Z',
    });
    expect(blocked).toBe(first);
    expect(await countRows(db, 'medium_authors')).toBe(1);
    expect(await findMediumAuthor(db, '@MAYA-FIELDS')).toMatchObject({
      id: first,
      userId: 'a1b2c3d4e5f6',
      username: 'maya-fields',
      name: 'Maya Fields',
      followers: 18_400,
      capturedAt: '2026-11-03T00:00:00.000Z',
    });
  });

  it('keeps follower history: one row per capture time, a repeated capture ignored', async () => {
    const { db } = ctx.store();
    const authorId = await upsertMediumAuthor(db, {
      userId: 'a1b2c3d4e5f6',
      username: 'maya',
      name: null,
      bio: null,
      followers: 100,
      following: 1,
      memberSince: null,
      profileUrl: null,
      capturedAt: '2026-11-01T00:00:00.000Z',
    });
    expect(await insertAuthorSnapshot(db, { authorId, capturedAt: '2026-11-02T00:00:00.000Z', followers: 120, following: 2 })).toBe(true);
    expect(await insertAuthorSnapshot(db, { authorId, capturedAt: '2026-11-01T00:00:00.000Z', followers: 100, following: 1 })).toBe(true);
    expect(await insertAuthorSnapshot(db, { authorId, capturedAt: '2026-11-01T00:00:00.000Z', followers: 999, following: 9 })).toBe(false);
    expect(await listAuthorSnapshots(db, authorId)).toEqual([
      { capturedAt: '2026-11-01T00:00:00.000Z', followers: 100, following: 1 },
      { capturedAt: '2026-11-02T00:00:00.000Z', followers: 120, following: 2 },
    ]);
  });

  it('upserts prospects, moves them between found and qualified, and never overwrites a user stage', async () => {
    const { db } = ctx.store();
    const author = (username: string, followers: number) =>
      upsertMediumAuthor(db, {
        userId: null,
        username,
        name: username.toUpperCase(),
        bio: null,
        followers,
        following: 0,
        memberSince: null,
        profileUrl: null,
        capturedAt: '2026-11-01T00:00:00.000Z',
      });
    const maya = await author('maya', 18_400);
    const dana = await author('dana', 9_800);
    const ivy = await author('ivy', 4_200);
    const input = (authorId: number, score: number, qualified: boolean) => ({
      authorId,
      niche: 'gardening',
      score,
      coverage: 0.92,
      breakdown: [{ id: 'followers', points: 10 }],
      qualified,
      gateReasons: qualified ? [] : [{ messageId: 'gate.inactive', params: { days: 150 } }],
      now: '2026-11-01T00:00:00.000Z',
    });
    expect(await upsertProspect(db, input(maya, 81, true))).toMatchObject({ created: true, stage: 'qualified' });
    expect(await upsertProspect(db, input(dana, 90, false))).toMatchObject({ created: true, stage: 'found' });
    await upsertProspect(db, input(ivy, 40, false));
    // A second discovery: dana now qualifies, maya does not; ivy was moved on by the user and stays there.
    await db.updateTable('prospects').set({ stage: 'pitched' }).where('author_id', '=', ivy).execute();
    expect(await upsertProspect(db, { ...input(dana, 91, true), now: '2026-11-02T00:00:00.000Z' })).toMatchObject({
      created: false,
      stage: 'qualified',
    });
    expect(await upsertProspect(db, { ...input(maya, 60, false), now: '2026-11-02T00:00:00.000Z' })).toMatchObject({
      created: false,
      stage: 'found',
    });
    expect(await upsertProspect(db, { ...input(ivy, 45, true), now: '2026-11-02T00:00:00.000Z' })).toMatchObject({
      created: false,
      stage: 'pitched',
    });
    expect(await countRows(db, 'prospects')).toBe(3);

    const all = await listProspects(db);
    expect(all.map((p) => [p.username, p.score, p.qualified, p.stage])).toEqual([
      ['dana', 91, true, 'qualified'],
      ['ivy', 45, true, 'pitched'],
      ['maya', 60, false, 'found'],
    ]);
    expect((await listProspects(db, { minScore: 50 })).map((p) => p.username)).toEqual(['dana', 'maya']);
    expect((await listProspects(db, { stage: 'found' })).map((p) => p.username)).toEqual(['maya']);
    expect((await listProspects(db, { qualified: true, minScore: 46 })).map((p) => p.username)).toEqual(['dana']);
    const maya2 = await findProspect(db, '@Maya');
    expect(maya2).toMatchObject({
      followers: 18_400,
      coverage: 0.92,
      createdAt: '2026-11-01T00:00:00.000Z',
      updatedAt: '2026-11-02T00:00:00.000Z',
    });
    expect(maya2?.gateReasons).toEqual([{ messageId: 'gate.inactive', params: { days: 150 } }]);
    expect(maya2?.breakdown).toEqual([{ id: 'followers', points: 10 }]);
  });

  it('resumes an unfinished discovery run and records items idempotently', async () => {
    const { db } = ctx.store();
    const now = '2026-11-01T00:00:00.000Z';
    const run = await startOrResumeDiscoveryRun(db, { runKey: 'k1', query: { keywords: ['gardening'] }, now });
    expect(run.resumed).toBe(false);
    await recordDiscoveryItem(db, { runId: run.id, kind: 'tag-feed', url: 'https://medium.com/feed/tag/gardening', state: 'pending', now });
    await recordDiscoveryItem(db, {
      runId: run.id,
      kind: 'tag-feed',
      url: 'https://medium.com/feed/tag/gardening',
      state: 'done',
      snapshotId: 7,
      now,
    });
    await recordDiscoveryItem(db, {
      runId: run.id,
      kind: 'story',
      url: 'https://medium.com/p/5a1e2b3c4d5f',
      state: 'failed',
      errorCode: 'FETCH_TIMEOUT',
      errorMessage: 'slow',
      now,
    });
    const again = await startOrResumeDiscoveryRun(db, { runKey: 'k1', query: {}, now });
    expect(again).toMatchObject({ id: run.id, resumed: true });
    const items = await discoveryRunItems(db, run.id);
    expect(items.map((i) => [i.kind, i.state, i.snapshotId, i.errorCode])).toEqual([
      ['tag-feed', 'done', 7, null],
      ['story', 'failed', null, 'FETCH_TIMEOUT'],
    ]);
    const restarted = await startOrResumeDiscoveryRun(db, { runKey: 'k1', query: {}, now, restart: true });
    expect(restarted.resumed).toBe(false);
    expect(restarted.id).not.toBe(run.id);
    await finishDiscoveryRun(db, restarted.id, now);
    const fresh = await startOrResumeDiscoveryRun(db, { runKey: 'k1', query: {}, now });
    expect(fresh.resumed).toBe(false);
    expect(await countRows(db, 'discovery_runs')).toBe(3);
  });
});
