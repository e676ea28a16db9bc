import { expect, it } from 'vitest';
import { describeEachDialect } from '../../test/support/store-dialects.js';
import type { AuditedLink, PageAudit } from '../core/audit/audit-types.js';
import { finishRun, markRunItem, runItems, startOrResumeRun } from './audit-runs-repository.js';
import { countRows, findPage, linkKeys, listLinks, loadPageAudit, recordPageError, savePageAudit } from './pages-repository.js';
import { addSites, listSites } from './sites-repository.js';
import { latestSnapshot } from './snapshots-repository.js';

function link(position: number, href: string, overrides: Partial<AuditedLink> = {}): AuditedLink {
  const url = new URL(href, 'https://medium.com/@a/story-0123456789ab').toString();
  return {
    position,
    tag: 'a',
    href,
    url,
    targetHost: new URL(url).host,
    registrableDomain: 'example.com',
    toUserSite: true,
    anchorText: `anchor ${position}`,
    rel: ['noopener', 'ugc', 'nofollow'],
    follow: false,
    placement: 'body',
    ...overrides,
  };
}

function audit(url: string, links: AuditedLink[], overrides: Partial<PageAudit> = {}): PageAudit {
  return {
    url,
    finalUrl: url,
    status: 200,
    redirects: [],
    source: 'live',
    title: 'A story',
    canonical: { html: url, http: null },
    robots: { meta: ['index', 'follow'], header: [] },
    indexable: true,
    indexabilityReason: 'indexable',
    medium: { isMedium: true, postId: '0123456789ab' },
    blocked: false,
    links,
    counts: {
      total: links.length,
      toUserSite: links.filter((l) => l.toUserSite).length,
      followed: links.filter((l) => l.follow).length,
      body: links.filter((l) => l.placement === 'body').length,
    },
    capturedAt: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

const pageUrl = 'https://medium.com/@a/story-0123456789ab';

it('link keys count repeated hrefs', () => {
  expect(linkKeys([{ href: '/a' }, { href: '/b' }, { href: '/a' }])).toEqual(['/a#0', '/b#0', '/a#1']);
});

describeEachDialect('store contract', (ctx) => {
  it('saves an audit and reads the same record back', async () => {
    const { db } = ctx.store();
    const links = [
      link(0, 'https://example.com/a'),
      link(1, 'https://example.com/b', { follow: true, rel: ['noopener', 'follow'], placement: 'bio' }),
    ];
    const saved = await savePageAudit(db, { audit: audit(pageUrl, links), now: '2026-11-01T00:00:00.000Z' });
    expect(saved).toMatchObject({ linksInserted: 2, linksUpdated: 0, linksGone: 0 });
    const back = await loadPageAudit(db, pageUrl);
    expect(back?.links).toEqual(links);
    expect(back?.medium).toEqual({ isMedium: true, postId: '0123456789ab' });
    expect(back?.robots.meta).toEqual(['index', 'follow']);
    expect(back?.counts).toEqual({ total: 2, toUserSite: 2, followed: 1, body: 1 });
  });

  it('re-running an audit updates rows and never duplicates them', async () => {
    const { db } = ctx.store();
    const first = [link(0, 'https://example.com/a'), link(1, 'https://example.com/a'), link(2, 'https://example.com/gone')];
    await savePageAudit(db, { audit: audit(pageUrl, first), now: '2026-11-01T00:00:00.000Z' });
    const second = [link(0, 'https://example.com/a', { anchorText: 'changed' }), link(1, 'https://example.com/a')];
    const saved = await savePageAudit(db, { audit: audit(pageUrl, second), now: '2026-11-02T00:00:00.000Z' });
    expect(saved).toMatchObject({ linksInserted: 0, linksUpdated: 2, linksGone: 1 });
    expect(await countRows(db, 'pages')).toBe(1);
    expect(await countRows(db, 'links')).toBe(3);
    const present = await listLinks(db);
    expect(present.map((l) => l.anchorText)).toEqual(['changed', 'anchor 1']);
    expect(present[0]?.firstSeenAt).toBe('2026-11-01T00:00:00.000Z');
    expect(present[0]?.lastSeenAt).toBe('2026-11-02T00:00:00.000Z');
    const all = await listLinks(db, { includeGone: true });
    expect(all.filter((l) => !l.present).map((l) => l.url)).toEqual(['https://example.com/gone']);
  });

  it('stores snapshot bytes content-addressed, once per distinct body', async () => {
    const { db } = ctx.store();
    const body = Buffer.from('<html><body>\u00e9\u0000binary-safe</body></html>', 'utf8');
    const snapshot = {
      url: pageUrl,
      finalUrl: pageUrl,
      status: 200,
      headers: { 'content-type': ['text/html'] },
      redirects: [{ url: 'http://medium.com/x', status: 301, location: pageUrl }],
      body,
      contentType: 'text/html',
      encoding: 'utf-8',
      truncated: false,
      source: 'live' as const,
      fetchedAt: '2026-11-01T00:00:00.000Z',
    };
    await savePageAudit(db, { audit: audit(pageUrl, []), snapshot, now: '2026-11-01T00:00:00.000Z' });
    await savePageAudit(db, {
      audit: audit(pageUrl, []),
      snapshot: { ...snapshot, fetchedAt: '2026-11-02T00:00:00.000Z' },
      now: '2026-11-02T00:00:00.000Z',
    });
    expect(await countRows(db, 'blobs')).toBe(1);
    expect(await countRows(db, 'snapshots')).toBe(2);
    const latest = await latestSnapshot(db, pageUrl);
    expect(latest?.body?.equals(body)).toBe(true);
    expect(latest?.redirects).toEqual(snapshot.redirects);
    expect(latest?.fetchedAt).toBe('2026-11-02T00:00:00.000Z');
  });

  it('records a failure without losing what an earlier audit stored', async () => {
    const { db } = ctx.store();
    await savePageAudit(db, { audit: audit(pageUrl, [link(0, 'https://example.com/a')]), etag: '"v1"', now: '2026-11-01T00:00:00.000Z' });
    await recordPageError(db, { url: pageUrl, code: 'FETCH_TIMEOUT', message: 'timed out', now: '2026-11-02T00:00:00.000Z' });
    const page = await findPage(db, pageUrl);
    expect(page).toMatchObject({ errorCode: 'FETCH_TIMEOUT', etag: '"v1"', status: 200 });
    expect((await loadPageAudit(db, pageUrl))?.links).toHaveLength(1);
  });

  it('marks a link gone only when this audit would have reported it (--site / --all-links scope)', async () => {
    const { db } = ctx.store();
    const mine = link(0, 'https://example.com/a');
    const others = [link(1, 'https://other.org/x', { toUserSite: false }), link(2, 'https://third.net/y', { toUserSite: false })];
    await savePageAudit(db, { audit: audit(pageUrl, [mine, ...others]), now: 't1', linkScope: { allLinks: true, sites: ['example.com'] } });
    // Without --all-links only links to example.com are looked for: the others are not gone.
    const narrow = await savePageAudit(db, {
      audit: audit(pageUrl, [mine]),
      now: 't2',
      linkScope: { allLinks: false, sites: ['example.com'] },
    });
    expect(narrow.linksGone).toBe(0);
    // A different site finds nothing of example.com's, and says nothing about them either.
    await savePageAudit(db, { audit: audit(pageUrl, []), now: 't3', linkScope: { allLinks: false, sites: ['other.org'] } });
    expect((await listLinks(db, { includeGone: false })).map((l) => l.url).sort()).toEqual([
      'https://example.com/a',
      'https://third.net/y',
    ]);
    // A list cut short by the outlink cap marks nothing gone.
    await savePageAudit(db, { audit: audit(pageUrl, [], { linksTruncated: true }), now: 't4', linkScope: { allLinks: true, sites: [] } });
    expect(await listLinks(db, { includeGone: false })).toHaveLength(2);
    // The same scope as before, with the link really gone: marked gone.
    await savePageAudit(db, { audit: audit(pageUrl, []), now: 't5', linkScope: { allLinks: false, sites: ['example.com'] } });
    expect((await listLinks(db, { includeGone: false })).map((l) => l.url)).toEqual(['https://third.net/y']);
  });

  it('reads robots rules back as they were, dates with commas included', async () => {
    const { db } = ctx.store();
    const robots = { meta: ['noindex', 'unavailable_after: wednesday, 25-jun-2030 15:00:00 pst'], header: ['max-snippet:20', 'noarchive'] };
    await savePageAudit(db, { audit: audit(pageUrl, [], { robots }), now: 't1' });
    expect((await loadPageAudit(db, pageUrl))?.robots).toEqual(robots);
  });

  it('a bot challenge on a re-audit keeps the last real audit and its links', async () => {
    const { db } = ctx.store();
    const snapshot = (fetchedAt: string, status: number) => ({
      url: pageUrl,
      finalUrl: pageUrl,
      status,
      headers: {},
      redirects: [],
      body: Buffer.from(`<p>${status}</p>`),
      contentType: 'text/html',
      encoding: 'utf-8',
      truncated: false,
      source: 'live' as const,
      fetchedAt,
    });
    const links = [link(0, 'https://example.com/a'), link(1, 'https://example.com/b')];
    await savePageAudit(db, { audit: audit(pageUrl, links), snapshot: snapshot('t1', 200), now: '2026-11-01T00:00:00.000Z' });
    const blocked = await savePageAudit(db, {
      audit: audit(pageUrl, [], { blocked: true, status: 403 }),
      snapshot: snapshot('t2', 403),
      now: '2026-11-02T00:00:00.000Z',
    });
    expect(blocked.linksGone).toBe(0);
    expect(await findPage(db, pageUrl)).toMatchObject({ status: 200, errorCode: 'CHALLENGE_BLOCKED' });
    const kept = await loadPageAudit(db, pageUrl);
    expect(kept?.blocked).toBe(false);
    expect((await listLinks(db, { includeGone: false })).map((l) => l.url)).toEqual(['https://example.com/a', 'https://example.com/b']);
    await savePageAudit(db, { audit: audit(pageUrl, links), snapshot: snapshot('t3', 200), now: '2026-11-03T00:00:00.000Z' });
    expect((await findPage(db, pageUrl))?.errorCode).toBeNull();
    // A page first seen behind a challenge is stored as blocked.
    const other = 'https://medium.com/@x/other-1234';
    await savePageAudit(db, {
      audit: audit(other, [], { blocked: true, status: 403 }),
      snapshot: { ...snapshot('t4', 403), url: other, finalUrl: other },
      now: 't4',
    });
    expect((await loadPageAudit(db, other))?.blocked).toBe(true);
  });

  it('resumes an unfinished run and starts a new one after it finished', async () => {
    const { db } = ctx.store();
    const inputs = Array.from({ length: 250 }, (_, i) => `https://example.com/p${i}`);
    const run = await startOrResumeRun(db, { runKey: 'k1', inputs, now: 't0' });
    expect(run.resumed).toBe(false);
    await markRunItem(db, { runId: run.id, position: 0, state: 'done', now: 't1' });
    await markRunItem(db, { runId: run.id, position: 7, state: 'failed', errorCode: 'FETCH_TIMEOUT', now: 't1' });
    const again = await startOrResumeRun(db, { runKey: 'k1', inputs, now: 't2' });
    expect(again).toMatchObject({ id: run.id, resumed: true, total: 250 });
    const items = await runItems(db, run.id);
    expect(items).toHaveLength(250);
    expect(items.filter((i) => i.state === 'done').map((i) => i.position)).toEqual([0]);
    expect(items[7]?.state).toBe('failed');
    await finishRun(db, run.id, 't3');
    const fresh = await startOrResumeRun(db, { runKey: 'k1', inputs, now: 't4' });
    expect(fresh.resumed).toBe(false);
    expect(fresh.id).not.toBe(run.id);
  });

  it('keeps the user sites unique and lower-cased', async () => {
    const { db } = ctx.store();
    await addSites(db, ['Example.com', 'example.com', 'blog.example.org'], 't0');
    expect(await listSites(db)).toEqual(['blog.example.org', 'example.com']);
  });

  it('stores scraped text verbatim, including SQL and markup payloads', async () => {
    const { db } = ctx.store();
    const hostile = `'); DROP TABLE links; -- <script>alert(1)</script> \u202e`;
    await savePageAudit(db, { audit: audit(pageUrl, [link(0, 'https://example.com/a', { anchorText: hostile })]), now: 't0' });
    expect((await listLinks(db))[0]?.anchorText).toBe(hostile);
  });
});
