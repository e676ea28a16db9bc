import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storyUrl } from '../core/medium/synthetic/story-page.js';
import { getContentItem } from '../store/content-repository.js';
import { getMediumPost } from '../store/medium-repository.js';
import { openStore, type Store } from '../store/open-store.js';
import { addContent, checkContent } from './check-content.js';
import { BLOCKED_STORY, buildRoutes, fakeMediumSource, stories } from './fake-medium.test-support.js';

const story = stories[0];
if (story === undefined) throw new Error('fixture story missing');

describe('checkContent on URLs (Medium stories through the Medium reader)', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ location: ':memory:' });
  });
  afterEach(async () => {
    await store.close();
  });

  function deps() {
    const routes = buildRoutes();
    routes.set('https://example.test/guides/data-studies', {
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8' },
      body: '<html><head><title>Data studies for links</title></head><body><main><h1>Data studies</h1><p>Publish a small data study and writers will cite it in their stories for years to come.</p></main></body></html>',
    });
    const { clock, fetcher, source } = fakeMediumSource(store, routes);
    return { clock, fetcher, medium: source, store };
  }

  it('reads a Medium story URL with the Medium reader: its own title and its tags from the page state', async () => {
    const d = deps();
    const result = await checkContent(d, { input: storyUrl(story), cwd: '/', profile: 'medium', keyphrase: 'link building' });
    expect(result.identity).toBe(storyUrl(story));
    // The HTML <title> carries " | by … | Medium"; the reader's title does not.
    expect(result.report.results.find((r) => r.id === 'medium-title-length')?.measured.characters).toBe('Link building with data studies'.length);
    expect(result.report.results.find((r) => r.id === 'medium-tags')?.measured.tags).toEqual(['seo', 'link-building']);
    expect(d.fetcher.requests).toEqual([storyUrl(story)]);
    expect(result.context).toMatchObject({ itemsCompared: 0, previouslyUsed: 0, copyOf: null });
  });

  it('with save, stores the story (medium_posts + snapshot) and records it as the user\u2019s medium-story content', async () => {
    const d = deps();
    const result = await checkContent(d, { input: storyUrl(story), cwd: '/', profile: 'medium', keyphrase: 'link building', save: true });
    expect(result.saved).toMatchObject({ kind: 'medium-story', keyphrase: 'link building', keyphraseKey: 'link build', tags: ['seo', 'link-building'] });
    const post = await getMediumPost(store.db, story.id);
    expect(post?.snapshotId).not.toBeNull();
    expect((await getContentItem(store.db, storyUrl(story)))?.snapshotId).toBe(post?.snapshotId);
  });

  it('names a blocked Medium story with the save-the-page advice instead of checking an empty page', async () => {
    const blocked = stories.find((s) => s.id === BLOCKED_STORY);
    if (blocked === undefined) throw new Error('fixture missing');
    await expect(checkContent(deps(), { input: storyUrl(blocked), cwd: '/', profile: 'medium' })).rejects.toMatchObject({
      code: 'CHALLENGE_BLOCKED',
      message: expect.stringContaining('save it'),
    });
  });

  it('adds a page of the user site fetched politely, as a site page with its fingerprint and snapshot', async () => {
    const d = deps();
    const item = await addContent(d, { input: 'https://example.test/guides/data-studies', cwd: '/', keyphrase: 'data studies' });
    expect(item).toMatchObject({ kind: 'site-page', title: 'Data studies for links', keyphrase: 'data studies', keyphraseKey: 'data studi' });
    expect(item.fingerprint?.split('.')).toHaveLength(64);
    expect(item.snapshotId).not.toBeNull();
    // "Data studies" (heading) + the 17-word paragraph.
    expect(item.wordCount).toBe(19);
  });
});
