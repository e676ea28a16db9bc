/**
 * What a link to your site is worth on Medium, and whether it can be measured.
 * Medium renders links in a story body with `rel="ugc nofollow"` (measured in captured pages: DESIGN §5,
 * notes/medium-data.md; `nofollow` 2015–17, `noopener nofollow` 2020), so such a link passes no PageRank:
 * its value is referral traffic. Browsers send only the origin as referrer (default
 * `strict-origin-when-cross-origin`), so per-story attribution needs a UTM-tagged URL.
 * Threshold source: the above; green 9 when every link to your site carries `utm_source`, orange 6 when
 * some do not; not applicable when the story does not link to your site (or no site is configured).
 */
import { parseHttpUrl } from '../../url/parse-url.js';
import { type Assessment, type AssessmentOutcome, num, str, toUserSite } from './assessment.js';

export interface MediumLinkRelDefaults {
  expectedRel: string;
}

export const mediumLinkRel: Assessment<MediumLinkRelDefaults> = {
  meta: {
    id: 'medium-link-rel',
    title: 'Link rel on Medium (referral, not PageRank)',
    kind: 'medium',
    profiles: ['medium'],
    requires: ['userSites'],
    english: false,
    defaults: { expectedRel: 'ugc nofollow' },
    source: 'Measured Medium markup (body links are ugc nofollow); referrer policy strips paths',
  },
  run(doc, ctx): AssessmentOutcome {
    const sites = ctx.userSites ?? [];
    if (sites.length === 0) return { score: 0, messageId: 'medium-link-rel.no-site', status: 'not-applicable' };
    const links = doc.links.filter((l) => toUserSite(l.url, sites));
    if (links.length === 0) return { score: 0, messageId: 'medium-link-rel.no-links', status: 'not-applicable' };
    const untagged = links.filter((l) => !(parseHttpUrl(l.url ?? '')?.searchParams.has('utm_source') ?? false)).map((l) => l.url ?? l.href);
    const authoredRel = [...new Set(links.map((l) => (l.rel.length === 0 ? '(none)' : l.rel.join(' '))))];
    const measured = {
      links: links.length,
      untagged: untagged.length,
      untaggedUrls: untagged,
      authoredRel,
      expectedRel: ctx.options.expectedRel,
    };
    const params = { count: links.length, rel: ctx.options.expectedRel, untagged: untagged.slice(0, 5), untaggedCount: untagged.length };
    if (untagged.length === 0) return { score: 9, messageId: 'medium-link-rel.tagged', params, measured };
    return { score: 6, messageId: 'medium-link-rel.add-utm', params, measured };
  },
  messages: {
    'medium-link-rel.tagged': (p) =>
      `Link rel: Medium will render body links \`${str(p, 'rel')}\`; the value of these ${num(p, 'count')} link(s) is referral traffic, not PageRank — and they are UTM-tagged, so that traffic can be attributed. Good.`,
    'medium-link-rel.add-utm': (p) =>
      `Link rel: Medium will render body links \`${str(p, 'rel')}\`: the value of this link is referral traffic, not PageRank — add a UTM-tagged URL (${num(p, 'untaggedCount')} untagged: ${str(p, 'untagged')}).`,
    'medium-link-rel.no-links': () => 'Link rel: no links to your site to check.',
    'medium-link-rel.no-site': () => 'Link rel: no site configured, so this was not checked.',
  },
};
