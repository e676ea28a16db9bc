import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHALLENGE_HEADERS, renderChallengePage } from '../core/medium/synthetic/challenge-page.js';
import { getMediumPost } from '../store/medium-repository.js';
import { openStore, type Store } from '../store/open-store.js';
import { countRows } from '../store/pages-repository.js';
import { fakeMediumSource, NOW, ORIGIN, storyUrlOf } from './fake-medium.test-support.js';
import { classifyMediumInput, readAuthor, readFeed, readStory } from './read-medium.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lw-read-'));
  store = await openStore({ location: join(dir, 'r.db') });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function deps() {
  return fakeMediumSource(store);
}

describe('classifyMediumInput', () => {
  it('tells URLs, files and usernames apart, and names a missing file', async () => {
    const file = join(dir, 'saved.html');
    writeFileSync(file, '<html></html>');
    expect(await classifyMediumInput('https://medium.com/p/0123456789ab', { cwd: dir })).toEqual({
      kind: 'url',
      url: 'https://medium.com/p/0123456789ab',
    });
    expect(await classifyMediumInput('saved.html', { cwd: dir, url: 'https://medium.com/p/0123456789ab' })).toEqual({
      kind: 'file',
      path: file,
      url: 'https://medium.com/p/0123456789ab',
    });
    expect(await classifyMediumInput('@ada', { cwd: dir, allowUser: true })).toEqual({ kind: 'user', username: 'ada' });
    expect(await classifyMediumInput('ada', { cwd: dir, allowUser: true })).toEqual({ kind: 'user', username: 'ada' });
    await expect(classifyMediumInput('@ada', { cwd: dir })).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND' });
    await expect(classifyMediumInput('missing.html', { cwd: dir, allowUser: true })).rejects.toMatchObject({
      code: 'INPUT_NOT_FOUND',
      message: expect.stringContaining('missing.html'),
    });
    await expect(classifyMediumInput('ftp://medium.com/x', { cwd: dir })).rejects.toMatchObject({ code: 'UNSUPPORTED_SCHEME' });
    await expect(classifyMediumInput('https://medium.com/p/x', { cwd: dir, url: 'https://medium.com/p/y' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
  });
});

describe('readStory', () => {
  it('reads a live story, stores it with its snapshot, and serves it from the store for 24 h', async () => {
    const url = storyUrlOf('a0000000000a');
    const first = deps();
    const live = await readStory({ source: first.source, clock: first.clock, store }, { kind: 'url', url });
    expect(live.from).toBe('network');
    expect(live.result.state === 'ok' && live.result.story).toMatchObject({ postId: 'a0000000000a', claps: 320 });
    const stored = await getMediumPost(store.db, 'a0000000000a');
    expect(stored?.snapshotId).not.toBeNull();
    expect(stored?.capturedAt).toBe(new Date(NOW).toISOString());

    const second = deps();
    const cached = await readStory({ source: second.source, clock: second.clock, store }, { kind: 'url', url });
    expect(cached.from).toBe('store-cache');
    expect(cached.result).toEqual(live.result);
    expect(second.fetcher.requests).toEqual([]);
    const refreshed = await readStory({ source: second.source, clock: second.clock, store }, { kind: 'url', url }, { refresh: true });
    expect(refreshed.from).toBe('network');
    expect(await countRows(store.db, 'medium_posts')).toBe(1);
  });

  it('reads a saved file like the live page (with --url), and a saved challenge as blocked', async () => {
    const { fetcher } = deps();
    const url = storyUrlOf('b0000000000a');
    const html = fetcher.routes.get(url)?.body ?? '';
    const file = join(dir, 'story.html');
    writeFileSync(file, html);
    const { source, clock } = deps();
    const read = await readStory({ source, clock }, { kind: 'file', path: file, url });
    expect(read.from).toBe('file');
    expect(read.result.state === 'ok' && read.result.story).toMatchObject({ postId: 'b0000000000a', claps: 20_000, url });

    const challenge = join(dir, 'challenge.html');
    writeFileSync(challenge, renderChallengePage());
    const blocked = await readStory({ source, clock }, { kind: 'file', path: challenge });
    expect(blocked.result).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED', advice: expect.stringContaining('save it') });
  });

  it('reports a live challenge as blocked and stores nothing as a story', async () => {
    const { source, clock, fetcher } = deps();
    const url = storyUrlOf('a0000000000b');
    fetcher.routes.set(url, { status: 403, headers: { ...CHALLENGE_HEADERS }, body: renderChallengePage() });
    const read = await readStory({ source, clock, store }, { kind: 'url', url });
    expect(read.result.state).toBe('blocked');
    expect(await countRows(store.db, 'medium_posts')).toBe(0);
    expect(await countRows(store.db, 'snapshots')).toBe(1);
  });
});

describe('readFeed and readAuthor', () => {
  it('reads a user feed by @name and a tag feed by URL', async () => {
    const { source, clock } = deps();
    const user = await readFeed({ source, clock }, { kind: 'user', username: 'ada' });
    expect(user.input).toBe(`${ORIGIN}/feed/@ada`);
    expect(user.result.state === 'ok' && user.result.feed.channel).toMatchObject({ kind: 'user', username: 'ada', userId: 'aaaaaaaaaa01' });
    const tag = await readFeed({ source, clock }, { kind: 'url', url: `${ORIGIN}/feed/tag/seo` });
    expect(tag.result.state === 'ok' && tag.result.feed.items).toHaveLength(10);
  });

  it('reads an author (profile + feed), and a blocked profile as blocked', async () => {
    const { source, clock } = deps();
    const ada = await readAuthor({ source, clock, store }, { kind: 'user', username: 'ada' });
    expect(ada.result.state === 'ok' && ada.result.author).toMatchObject({ username: 'ada', followers: 5_200, source: 'apollo3' });
    expect(ada.feed).toEqual({ url: `${ORIGIN}/feed/@ada`, state: 'ok', error: null });
    const byUrl = await readAuthor({ source, clock }, { kind: 'url', url: `${ORIGIN}/@bob` });
    expect(byUrl.result.state === 'ok' && byUrl.result.author.followers).toBe(3_100);
    const carol = await readAuthor({ source, clock }, { kind: 'user', username: 'carol' });
    expect(carol.result).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED' });
    expect(carol.feed?.state).toBe('ok');
  });
});
