/**
 * Outbound links: links to other sites, and whether they pass endorsement.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 2) Outbound links"): red 3 with
 * none, orange 7 when all are nofollowed, green 8 for a mix, green 9 when all are followed. A link is
 * nofollowed when rel holds nofollow, ugc or sponsored (Google Search Central, "Qualify your outbound
 * links"). Markdown links carry no rel, so they count as followed: what the author wrote (on Medium
 * they will be rendered `ugc nofollow` — see medium-link-rel).
 * "Other site" = not the document's own site; for the Medium profile medium.com is the own site, for the
 * Yoast/Rank Math profiles the user's sites are.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';
import { countLinks } from './link-counts.js';

export const outboundLinks: Assessment = {
  meta: {
    id: 'outbound-links',
    title: 'Outbound links',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['userSites'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: OutboundLinksAssessment (3 / 7 / 8 / 9)',
  },
  run(doc, ctx): AssessmentOutcome {
    const c = countLinks(doc, ctx.profile, ctx.userSites ?? [], 'outbound');
    const measured = { total: c.total, followed: c.followed, nofollowed: c.nofollowed, urls: c.urls };
    const params = { total: c.total, followed: c.followed, nofollowed: c.nofollowed };
    if (c.total === 0) return { score: 3, messageId: 'outbound-links.none', params, measured };
    if (c.followed === 0) return { score: 7, messageId: 'outbound-links.all-nofollow', params, measured };
    if (c.nofollowed > 0) return { score: 8, messageId: 'outbound-links.mixed', params, measured };
    return { score: 9, messageId: 'outbound-links.good', params, measured };
  },
  messages: {
    'outbound-links.none': () => 'Outbound links: no links to other sites appear in this text. Add some.',
    'outbound-links.all-nofollow': (p) => `Outbound links: all ${num(p, 'total')} outbound links are nofollowed. Add some normal links.`,
    'outbound-links.mixed': (p) =>
      `Outbound links: there are both nofollowed (${num(p, 'nofollowed')}) and normal (${num(p, 'followed')}) outbound links. Good job!`,
    'outbound-links.good': (p) => `Outbound links: ${num(p, 'total')} outbound link(s), all followed. Good job!`,
  },
};
