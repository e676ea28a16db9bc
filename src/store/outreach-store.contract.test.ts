import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-dialects.js';
import { upsertMediumAuthor } from './medium-repository.js';
import { insertDraft, insertStageChange, insertTouch, listDrafts, listStageChanges, listTouches } from './outreach-repository.js';
import { countRows } from './pages-repository.js';
import {
  getPlacement,
  insertPlacementCheck,
  insertPlacementEvent,
  listPlacementChecks,
  listPlacementEvents,
  listPlacements,
  type PlacementCheckRecord,
  updatePlacementState,
  upsertPlacement,
} from './placements-repository.js';
import {
  findProspect,
  findProspectById,
  importProspects,
  listProspects,
  setProspectStage,
  upsertProspect,
} from './prospects-repository.js';
import { addWebhook, listDeliveries, listWebhooks, recordDelivery, removeWebhook } from './webhooks-repository.js';

const T0 = '2026-11-02T10:00:00.000Z';
const T1 = '2026-11-03T10:00:00.000Z';

async function seedProspect(db: Parameters<typeof upsertMediumAuthor>[0], username: string): Promise<number> {
  const authorId = await upsertMediumAuthor(db, {
    userId: null,
    username,
    name: username.toUpperCase(),
    bio: null,
    followers: 100,
    following: 1,
    memberSince: null,
    profileUrl: `https://medium.com/@${username}`,
    capturedAt: T0,
  });
  const saved = await upsertProspect(db, {
    authorId,
    niche: 'gardening',
    score: 70,
    coverage: 1,
    breakdown: [],
    qualified: true,
    gateReasons: [],
    now: T0,
  });
  return saved.id;
}

function check(overrides: Partial<PlacementCheckRecord> = {}): PlacementCheckRecord {
  return {
    checkedAt: T1,
    httpStatus: 200,
    finalUrl: 'https://medium.com/@maya/story-0123456789ab',
    redirects: [],
    notModified: false,
    blocked: false,
    errorCode: null,
    errorMessage: null,
    present: true,
    foundUrl: 'https://example.com/guide',
    rel: 'noopener ugc nofollow',
    placement: 'body',
    anchorText: 'my guide',
    targetStatus: 200,
    targetFinalUrl: 'https://example.com/guide',
    targetRedirects: false,
    state: 'live',
    consecutiveFailures: 0,
    changes: [],
    messageId: 'placement.found',
    params: {},
    snapshotId: null,
    ...overrides,
  };
}

describeEachDialect('outreach store contract', (ctx) => {
  it('keeps the touch log in time order and ignores a second touch with the same dedupe key', async () => {
    const { db } = ctx.store();
    const id = await seedProspect(db, 'maya');
    await insertTouch(db, {
      prospectId: id,
      kind: 'comment',
      at: T1,
      storyUrl: 'https://medium.com/p/0123456789ab',
      note: 'nice',
      source: 'user',
      createdAt: T1,
    });
    await insertTouch(db, { prospectId: id, kind: 'follow', at: T0, storyUrl: null, note: null, source: 'user', createdAt: T1 });
    const first = await insertTouch(db, {
      prospectId: id,
      kind: 'link-placed',
      at: T1,
      storyUrl: null,
      note: null,
      source: 'monitor',
      dedupeKey: 'placement:1:link-placed',
      createdAt: T1,
    });
    const again = await insertTouch(db, {
      prospectId: id,
      kind: 'link-placed',
      at: T1,
      storyUrl: null,
      note: null,
      source: 'monitor',
      dedupeKey: 'placement:1:link-placed',
      createdAt: T1,
    });
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ id: null, inserted: false });
    const touches = await listTouches(db, { prospectId: id });
    expect(touches.map((t) => [t.kind, t.at])).toEqual([
      ['follow', T0],
      ['comment', T1],
      ['link-placed', T1],
    ]);
    expect(touches[1]).toMatchObject({ storyUrl: 'https://medium.com/p/0123456789ab', note: 'nice', source: 'user' });
    expect((await listTouches(db, { since: T1 })).length).toBe(2);
  });

  it('stores stage moves with the paused-from stage and a history row', async () => {
    const { db } = ctx.store();
    const id = await seedProspect(db, 'maya');
    expect(await setProspectStage(db, { id, stage: 'paused', pausedFrom: 'followed', at: T1 })).toBe(true);
    await insertStageChange(db, {
      prospectId: id,
      from: 'followed',
      to: 'paused',
      at: T1,
      source: 'user',
      forced: true,
      bypassed: [{ messageId: 'x', params: {} }],
      note: 'holiday',
    });
    const p = await findProspectById(db, id);
    expect(p).toMatchObject({ stage: 'paused', pausedFrom: 'followed', stageChangedAt: T1, username: 'maya' });
    expect(await listStageChanges(db, id)).toEqual([
      {
        id: expect.any(Number),
        prospectId: id,
        from: 'followed',
        to: 'paused',
        at: T1,
        source: 'user',
        forced: true,
        bypassed: [{ messageId: 'x', params: {} }],
        note: 'holiday',
      },
    ]);
    expect(await setProspectStage(db, { id: 999, stage: 'found', pausedFrom: null, at: T1 })).toBe(false);
    // A later discovery run keeps the user's stage.
    const again = await upsertProspect(db, {
      authorId: p?.authorId as number,
      niche: 'x',
      score: 1,
      coverage: 1,
      breakdown: [],
      qualified: false,
      gateReasons: [],
      now: T1,
    });
    expect(again.stage).toBe('paused');
  });

  it('stores drafts, newest first', async () => {
    const { db } = ctx.store();
    const id = await seedProspect(db, 'maya');
    await insertDraft(db, {
      prospectId: id,
      templateId: 'intro',
      subject: 'Hi',
      body: 'one',
      storyUrl: null,
      assetUrl: null,
      editMarkers: 1,
      createdAt: T0,
    });
    await insertDraft(db, {
      prospectId: id,
      templateId: 'pitch',
      subject: null,
      body: 'two',
      storyUrl: 'https://medium.com/p/0123456789ab',
      assetUrl: 'https://example.com/a',
      editMarkers: 0,
      createdAt: T1,
    });
    expect((await listDrafts(db, id)).map((d) => [d.templateId, d.body, d.editMarkers, d.assetUrl])).toEqual([
      ['pitch', 'two', 0, 'https://example.com/a'],
      ['intro', 'one', 1, null],
    ]);
  });

  it('keys a placement by story and target, keeps its checks, timeline and state', async () => {
    const { db } = ctx.store();
    const prospectId = await seedProspect(db, 'maya');
    const input = {
      storyUrl: 'https://medium.com/@maya/story-0123456789ab',
      targetUrl: 'https://example.com/guide',
      targetKey: 'https://example.com/guide',
      prospectId,
      expected: { rel: null, placement: 'body', anchor: null },
      expectedSource: 'learn:rel,anchor',
      now: T0,
    };
    const a = await upsertPlacement(db, input);
    const b = await upsertPlacement(db, {
      ...input,
      prospectId: null,
      expected: { rel: 'ugc nofollow', placement: 'body', anchor: 'my guide' },
      expectedSource: 'user',
      now: T1,
    });
    expect(a.created).toBe(true);
    expect(b).toEqual({ id: a.id, created: false });
    expect(await countRows(db, 'placements')).toBe(1);
    const stored = await getPlacement(db, a.id);
    // Re-watching updates expectations and keeps the prospect when none is given.
    expect(stored).toMatchObject({
      prospectId,
      state: 'pending',
      expected: { rel: 'ugc nofollow', placement: 'body', anchor: 'my guide' },
      expectedSource: 'user',
    });
    expect((await listPlacementEvents(db, { placementId: a.id })).map((e) => [e.kind, e.toState, e.messageId])).toEqual([
      ['placed', 'pending', 'placement.watched'],
    ]);

    const checkId = await insertPlacementCheck(
      db,
      a.id,
      check({ changes: [{ field: 'rel', from: 'a', to: 'b' }], params: { fields: 'rel' } }),
    );
    await updatePlacementState(db, a.id, {
      state: 'live',
      consecutiveFailures: 0,
      lastDefiniteState: 'live',
      changes: [],
      lostReason: null,
      firstSeenAt: T1,
      lastSeenAt: T1,
      lastSeenLiveAt: T1,
      lostAt: null,
      failingSinceAt: null,
      lastCheckedAt: T1,
      etag: '"v1"',
      lastModified: 'Tue, 03 Nov 2026 10:00:00 GMT',
      lastSnapshotId: null,
      learnt: { rel: 'noopener ugc nofollow', anchor: 'my guide' },
      now: T1,
    });
    await insertPlacementEvent(db, {
      placementId: a.id,
      at: T1,
      kind: 'found',
      fromState: 'pending',
      toState: 'live',
      messageId: 'placement.found',
      params: {},
      checkId,
    });
    const checks = await listPlacementChecks(db, a.id);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({
      present: true,
      rel: 'noopener ugc nofollow',
      targetRedirects: false,
      changes: [{ field: 'rel', from: 'a', to: 'b' }],
      params: { fields: 'rel' },
    });
    const after = await getPlacement(db, a.id);
    expect(after).toMatchObject({
      state: 'live',
      etag: '"v1"',
      firstSeenAt: T1,
      expected: { rel: 'noopener ugc nofollow', anchor: 'my guide' },
      expectedSource: 'first-seen',
    });
    expect((await listPlacementEvents(db, { placementId: a.id })).map((e) => e.kind)).toEqual(['placed', 'found']);
    expect((await listPlacements(db, { states: ['live'] })).map((p) => p.id)).toEqual([a.id]);
    expect(await listPlacements(db, { states: ['lost'] })).toEqual([]);
    expect((await listPlacements(db, { lastCheckedBefore: T1 })).length).toBe(0);
    expect((await listPlacements(db, { lastCheckedBefore: '2026-11-04T00:00:00.000Z' })).length).toBe(1);
    expect((await listPlacements(db, { prospectId })).length).toBe(1);
  });

  it('records webhook receivers and one delivery row per (receiver, event)', async () => {
    const { db } = ctx.store();
    const prospectId = await seedProspect(db, 'maya');
    const { id: placementId } = await upsertPlacement(db, {
      storyUrl: 'https://medium.com/p/0123456789ab',
      targetUrl: 'https://example.com/',
      targetKey: 'https://example.com/',
      prospectId,
      expected: { rel: null, placement: null, anchor: null },
      expectedSource: 'user',
      now: T0,
    });
    const eventId = (await listPlacementEvents(db, { placementId }))[0]?.id as number;
    const hook = await addWebhook(db, 'https://hooks.example.com/a', T0);
    expect(await addWebhook(db, 'https://hooks.example.com/a', T1)).toEqual({ id: hook.id, created: false });
    await recordDelivery(db, {
      webhookId: hook.id,
      eventId,
      status: 'failed',
      attempts: 3,
      httpStatus: 500,
      error: 'HTTP 500',
      updatedAt: T0,
    });
    await recordDelivery(db, {
      webhookId: hook.id,
      eventId,
      status: 'delivered',
      attempts: 1,
      httpStatus: 200,
      error: null,
      updatedAt: T1,
    });
    expect(await listDeliveries(db, { eventId })).toEqual([
      { webhookId: hook.id, eventId, status: 'delivered', attempts: 1, httpStatus: 200, error: null, updatedAt: T1 },
    ]);
    expect((await listWebhooks(db)).map((w) => w.url)).toEqual(['https://hooks.example.com/a']);
    expect(await removeWebhook(db, 'https://hooks.example.com/a')).toBe(true);
    expect(await removeWebhook(db, hook.id)).toBe(false);
    expect(await countRows(db, 'webhook_deliveries')).toBe(0);
  });

  it('imports prospects in one transaction: new authors, updates, stage history — or nothing at all', async () => {
    const { db } = ctx.store();
    await seedProspect(db, 'maya');
    const result = await importProspects(
      db,
      [
        { username: 'maya', name: null, profileUrl: null, stage: 'engaged', pausedFrom: null, niche: null, score: null, qualified: null },
        {
          username: 'newbie',
          name: 'New Bie',
          profileUrl: 'https://medium.com/@newbie',
          stage: 'paused',
          pausedFrom: 'followed',
          niche: 'soil',
          score: 42,
          qualified: null,
        },
        { username: 'plain', name: null, profileUrl: null, stage: null, pausedFrom: null, niche: null, score: null, qualified: null },
      ],
      T1,
    );
    expect(result).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(result.stageChanges.map((c) => [c.username, c.from, c.to])).toEqual([
      ['maya', 'qualified', 'engaged'],
      ['newbie', null, 'paused'],
      ['plain', null, 'found'],
    ]);
    expect(await findProspect(db, 'newbie')).toMatchObject({
      stage: 'paused',
      pausedFrom: 'followed',
      score: 42,
      coverage: 1,
      qualified: true,
      name: 'New Bie',
    });
    expect(await findProspect(db, 'plain')).toMatchObject({ stage: 'found', score: 0, coverage: 0, qualified: false });
    expect(await countRows(db, 'stage_changes')).toBe(3);
    const again = await importProspects(
      db,
      [{ username: 'maya', name: null, profileUrl: null, stage: 'engaged', pausedFrom: null, niche: null, score: null, qualified: null }],
      T1,
    );
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    // A row the database refuses rolls back the rows before it.
    const before = await countRows(db, 'prospects');
    await expect(
      importProspects(
        db,
        [
          { username: 'fine', name: null, profileUrl: null, stage: null, pausedFrom: null, niche: null, score: 10, qualified: null },
          // NaN is refused by both dialects (NULL in a NOT NULL column on SQLite, not an integer on PostgreSQL).
          { username: 'bad', name: null, profileUrl: null, stage: null, pausedFrom: null, niche: null, score: Number.NaN, qualified: null },
        ],
        T1,
      ),
    ).rejects.toThrow();
    expect(await countRows(db, 'prospects')).toBe(before);
    expect(await findProspect(db, 'fine')).toBeNull();
    expect((await listProspects(db)).length).toBe(before);
  });
});
