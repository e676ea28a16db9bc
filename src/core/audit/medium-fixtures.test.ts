/**
 * Medium story pages (../shared/fixtures/medium/article-html): body links are exactly the links of the
 * story paragraphs (expected hrefs read by hand into fixtures/medium-body-links.json), rel is reported
 * as captured (2022: `noopener ugc nofollow` in the body vs `noopener follow` on Medium's chrome), and
 * canonical / Medium identity are read from the head.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { auditHtml } from './audit-html.js';
import expectations from './fixtures/medium-body-links.json' with { type: 'json' };

type Fixture = { url: string; postId: string; bodyHrefs: string[] };
const fixtures = expectations.fixtures as Record<string, Fixture>;

function audit(file: string) {
  const dir = requireSharedPath('fixtures', 'medium', 'article-html');
  const f = fixtures[file] as Fixture;
  return auditHtml(readFileSync(join(dir, file), 'utf8'), { url: f.url, allLinks: true, site: 'developer.android.com' });
}

describeShared('Medium article fixtures', ['fixtures', 'medium', 'article-html'], () => {
  for (const [file, f] of Object.entries(fixtures)) {
    it(`${file}: body links are exactly the story-paragraph links`, () => {
      const a = audit(file);
      expect(a.medium).toEqual({ isMedium: true, postId: f.postId });
      expect(a.links.filter((l) => l.placement === 'body').map((l) => l.href)).toEqual(f.bodyHrefs);
      expect(a.counts.body).toBe(f.bodyHrefs.length);
      // Chrome exists on every page and none of it is body.
      expect(a.links.some((l) => l.placement === 'nav')).toBe(true);
      expect(a.blocked).toBe(false);
    });
  }

  it('2022 capture: body links are ugc nofollow, Medium chrome links are noopener follow', () => {
    const a = audit('article-2017post-captured2022-processed.html');
    const body = a.links.filter((l) => l.placement === 'body');
    expect(body.map((l) => l.rel)).toEqual([
      ['noopener', 'ugc', 'nofollow'],
      ['noopener', 'ugc', 'nofollow'],
    ]);
    expect(body.every((l) => !l.follow)).toBe(true);
    expect(body.map((l) => l.anchorText)).toEqual(['here', 'here']);
    const chrome = a.links.filter((l) => l.placement !== 'body');
    expect(chrome.length).toBe(50);
    expect(chrome.every((l) => l.rel.join(' ') === 'noopener follow' && l.follow)).toBe(true);
    // The author's profile links are bio, "More from Medium" cards are related.
    expect(chrome.filter((l) => l.placement === 'bio').every((l) => l.href.startsWith('/@JakobUlbrich'))).toBe(true);
    expect(chrome.filter((l) => l.placement === 'related').length).toBe(16);
    expect(a.counts).toEqual({ total: 52, toUserSite: 2, followed: 50, body: 2 });
  });

  it('2022 capture: canonical, title and indexability', () => {
    const a = audit('article-2017post-captured2022-processed.html');
    expect(a.canonical).toEqual({
      html: 'https://medium.com/@JakobUlbrich/flag-attributes-in-android-how-to-use-them-ac4ec8aee7d1',
      http: null,
    });
    expect(a.title).toBe('Flag Attributes in Android — How to Use Them | by Jakob Ulbrich | Medium');
    expect(a.robots.meta).toEqual(['index', 'follow', 'max-image-preview:large']);
    expect(a.indexable).toBe(true);
    expect(a.indexabilityReason).toBe('indexable');
    // Only links to the user's site are returned without allLinks.
    const mine = auditHtml(
      readFileSync(join(requireSharedPath('fixtures', 'medium', 'article-html'), 'article-2017post-captured2022-processed.html'), 'utf8'),
      {
        url: 'https://medium.com/@JakobUlbrich/flag-attributes-in-android-how-to-use-them-ac4ec8aee7d1',
        site: 'android.com',
      },
    );
    expect(mine.links.map((l) => [l.url, l.placement, l.toUserSite, l.registrableDomain])).toEqual([
      ['https://developer.android.com/training/custom-views/create-view.html#customattr', 'body', true, 'android.com'],
      ['https://developer.android.com/training/custom-views/create-view.html#applyattr', 'body', true, 'android.com'],
    ]);
    expect(mine.counts).toEqual({ total: 2, toUserSite: 2, followed: 0, body: 2 });
  });

  it('2015 and 2020 captures: body rel as captured then (nofollow; noopener nofollow)', () => {
    const a2015 = audit('article-2015-obvinit.html');
    expect(a2015.links.filter((l) => l.placement === 'body').every((l) => l.rel.join(' ') === 'nofollow')).toBe(true);
    const a2020 = audit('article-2015post-captured2020-apollo2.html');
    const rels = new Set(a2020.links.filter((l) => l.placement === 'body').map((l) => l.rel.join(' ')));
    // Links to other Medium stories get only noopener; outbound ones noopener nofollow.
    expect([...rels].sort()).toEqual(['noopener', 'noopener nofollow']);
  });
});
