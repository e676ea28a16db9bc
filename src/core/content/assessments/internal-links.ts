/**
 * Internal links: links to the document's own site, and whether they are followed.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 3) Internal links"): red 3 with
 * none, orange 7 when all are nofollowed, green 8 for a mix, green 9 when all are followed. Rank Math
 * has the same test ("Internal links", 5 points). Relative links are internal; for the Medium profile
 * links to other medium.com stories are internal; for Yoast/Rank Math links to the user's sites are.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';
import { countLinks } from './link-counts.js';

export const internalLinks: Assessment = {
  meta: {
    id: 'internal-links',
    title: 'Internal links',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['userSites'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: InternalLinksAssessment (3 / 7 / 8 / 9)',
  },
  run(doc, ctx): AssessmentOutcome {
    const c = countLinks(doc, ctx.profile, ctx.userSites ?? [], 'internal');
    const measured = { total: c.total, followed: c.followed, nofollowed: c.nofollowed, urls: c.urls };
    const params = { total: c.total, followed: c.followed, nofollowed: c.nofollowed };
    // On Medium "internal" means other Medium stories; say so rather than Yoast's "internal links".
    const id = (variant: string): string => `internal-links.${ctx.profile === 'medium' ? 'medium-' : ''}${variant}`;
    if (c.total === 0) return { score: 3, messageId: id('none'), params, measured };
    if (c.followed === 0) return { score: 7, messageId: id('all-nofollow'), params, measured };
    if (c.nofollowed > 0) return { score: 8, messageId: id('mixed'), params, measured };
    return { score: 9, messageId: id('good'), params, measured };
  },
  messages: {
    'internal-links.none': () => 'Internal links: no internal links appear in this text. Make sure to add some.',
    'internal-links.all-nofollow': (p) =>
      `Internal links: all ${num(p, 'total')} internal links are nofollowed. Add some normal internal links.`,
    'internal-links.mixed': (p) =>
      `Internal links: there are both nofollowed (${num(p, 'nofollowed')}) and normal (${num(p, 'followed')}) internal links. Good job!`,
    'internal-links.good': (p) => `Internal links: ${num(p, 'total')} internal link(s). Good job!`,
    'internal-links.medium-none': () =>
      "Links to other Medium stories: none in this text. Link one or two related stories (yours or others') so readers stay on your work.",
    'internal-links.medium-all-nofollow': (p) =>
      `Links to other Medium stories: all ${num(p, 'total')} are nofollowed. Add some normal links to related stories.`,
    'internal-links.medium-mixed': (p) =>
      `Links to other Medium stories: both nofollowed (${num(p, 'nofollowed')}) and normal (${num(p, 'followed')}). Good job!`,
    'internal-links.medium-good': (p) => `Links to other Medium stories: ${num(p, 'total')}. Good job!`,
  },
};
