/**
 * At least one contextual link to the user's site: a link inside the running text (a paragraph, list
 * item or quote), not only in a bio or footer line. The Medium method's whole point: in-body links are
 * the ones readers click.
 * Threshold source: project method (feature-anchors §3.6: "contextual (in the story body) vs bio,
 * footer or response"); no numeric threshold — green 9 with ≥ 1 such link, red 3 with none; not
 * applicable when no user site is configured.
 */
import { PROSE_KINDS } from '../language/text-analysis.js';
import { type Assessment, type AssessmentOutcome, num, toUserSite } from './assessment.js';

export const mediumContextualLink: Assessment = {
  meta: {
    id: 'medium-contextual-link',
    title: 'Contextual link to your site',
    kind: 'medium',
    profiles: ['medium'],
    requires: ['userSites'],
    english: false,
    defaults: {},
    source: 'Project method: at least one in-body link to the user site',
  },
  run(doc, ctx): AssessmentOutcome {
    const sites = ctx.userSites ?? [];
    if (sites.length === 0) return { score: 0, messageId: 'medium-contextual-link.no-site', status: 'not-applicable' };
    const toSite = doc.links.filter((l) => toUserSite(l.url, sites));
    const contextual = toSite.filter((l) => {
      const b = doc.blocks[l.block];
      return b !== undefined && PROSE_KINDS.has(b.kind);
    });
    const measured = { toUserSite: toSite.length, contextual: contextual.length, urls: contextual.map((l) => l.url ?? l.href) };
    if (contextual.length > 0)
      return { score: 9, messageId: 'medium-contextual-link.good', params: { count: contextual.length }, measured };
    if (toSite.length > 0) return { score: 3, messageId: 'medium-contextual-link.not-in-text', params: { count: toSite.length }, measured };
    return { score: 3, messageId: 'medium-contextual-link.none', measured };
  },
  messages: {
    'medium-contextual-link.good': (p) => `Link to your site: ${num(p, 'count')} link(s) to your site inside the text. Good.`,
    'medium-contextual-link.not-in-text': (p) =>
      `Link to your site: ${num(p, 'count')} link(s) to your site, but none inside a paragraph. Put one where it helps the reader, in the text itself.`,
    'medium-contextual-link.none': () =>
      'Link to your site: the story does not link to your site. Add at least one link in the text where it helps the reader.',
    'medium-contextual-link.no-site': () => 'Link to your site: no site configured, so this was not checked.',
  },
};
