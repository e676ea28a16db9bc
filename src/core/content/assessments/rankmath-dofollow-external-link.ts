/**
 * At least one followed (dofollow) external link (Rank Math).
 * Threshold source: Rank Math content analysis, "At least one external link with DoFollow" (2 points;
 * Rank Math's reasoning: "PageRank sculpting no longer works"). Green 9 with one or more followed
 * outbound links, red 3 without.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';
import { countLinks } from './link-counts.js';

export const rankmathDofollowExternalLink: Assessment = {
  meta: {
    id: 'rankmath-dofollow-external-link',
    title: 'Followed external link (Rank Math)',
    kind: 'seo',
    profiles: ['rankmath'],
    requires: ['userSites'],
    english: false,
    defaults: {},
    source: 'Rank Math content analysis: at least one DoFollow external link',
  },
  run(doc, ctx): AssessmentOutcome {
    const c = countLinks(doc, ctx.profile, ctx.userSites ?? [], 'outbound');
    const measured = { outbound: c.total, followed: c.followed };
    if (c.followed > 0) return { score: 9, messageId: 'rankmath-dofollow-external-link.good', params: { followed: c.followed }, measured };
    if (c.total > 0) return { score: 3, messageId: 'rankmath-dofollow-external-link.all-nofollow', params: { total: c.total }, measured };
    return { score: 3, messageId: 'rankmath-dofollow-external-link.none', measured };
  },
  messages: {
    'rankmath-dofollow-external-link.good': (p) => `Followed external link: ${num(p, 'followed')} followed link(s) to other sites. Good.`,
    'rankmath-dofollow-external-link.all-nofollow': (p) =>
      `Followed external link: all ${num(p, 'total')} external links are nofollowed. Add at least one normal link to a useful source.`,
    'rankmath-dofollow-external-link.none': () => 'Followed external link: no external links. Link to at least one useful source.',
  },
};
