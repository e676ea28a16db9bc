/**
 * Canonical link of a Medium copy (Medium's "originally published at" / Import tool canonical).
 * Threshold source: Medium Help Center, "SEO and duplicate content": when a story republishes content
 * from your own site, set its canonical link to the original (the Import tool does this automatically;
 * a pasted story needs it set in the story settings). Google Search Central, "Consolidate duplicate
 * URLs": rel=canonical tells search engines which copy to rank.
 *   - the story copies one of your pages (`copyOf` given): green 9 when the canonical points to that page,
 *     red 2 when it is missing or points elsewhere;
 *   - no `copyOf`: green 9 when the canonical points to one of your sites or to the story itself, orange 6
 *     when it points to a third-party site; not applicable without a canonical (an original story).
 */
import { parseHttpUrl } from '../../url/parse-url.js';
import { type Assessment, type AssessmentOutcome, samePage, str, toUserSite } from './assessment.js';

export const mediumCanonical: Assessment = {
  meta: {
    id: 'medium-canonical',
    title: 'Canonical link (Medium copy)',
    kind: 'medium',
    profiles: ['medium'],
    requires: ['userSites', 'copyOf'],
    english: false,
    defaults: {},
    source: 'Medium Help Center "SEO and duplicate content"; Google "Consolidate duplicate URLs"',
  },
  run(doc, ctx): AssessmentOutcome {
    const canonical = doc.canonical;
    const copyOf = ctx.copyOf ?? null;
    const userSites = ctx.userSites ?? [];
    const measured = { canonical, copyOf, toUserSite: toUserSite(canonical, userSites) };
    if (copyOf !== null) {
      if (canonical === null) return { score: 2, messageId: 'medium-canonical.missing-for-copy', params: { original: copyOf }, measured };
      if (samePage(canonical, copyOf)) return { score: 9, messageId: 'medium-canonical.good', params: { canonical }, measured };
      return { score: 2, messageId: 'medium-canonical.points-elsewhere', params: { canonical, original: copyOf }, measured };
    }
    if (canonical === null) return { score: 0, messageId: 'medium-canonical.original', status: 'not-applicable', measured };
    if (toUserSite(canonical, userSites)) return { score: 9, messageId: 'medium-canonical.good', params: { canonical }, measured };
    if (doc.url !== null && samePage(canonical, doc.url))
      return { score: 9, messageId: 'medium-canonical.self', params: { canonical }, measured };
    const host = parseHttpUrl(canonical)?.hostname ?? canonical;
    if (host === 'medium.com' || host.endsWith('.medium.com'))
      return { score: 9, messageId: 'medium-canonical.self', params: { canonical }, measured };
    return { score: 6, messageId: 'medium-canonical.third-party', params: { canonical }, measured };
  },
  messages: {
    'medium-canonical.good': (p) =>
      `Canonical: points to ${str(p, 'canonical')}, the original on your site. Search engines will credit your page.`,
    'medium-canonical.self': (p) => `Canonical: points to the story itself (${str(p, 'canonical')}).`,
    'medium-canonical.missing-for-copy': (p) =>
      `Canonical: this story copies ${str(p, 'original')} but has no canonical link. Set it in the story settings (or use Medium's Import tool) so your page keeps the ranking.`,
    'medium-canonical.points-elsewhere': (p) =>
      `Canonical: points to ${str(p, 'canonical')}, but the original is ${str(p, 'original')}. Point it to the original.`,
    'medium-canonical.third-party': (p) =>
      `Canonical: points to ${str(p, 'canonical')}, which is not one of your sites. Check that this is intended.`,
    'medium-canonical.original': () => 'Canonical: none set; fine for an original story.',
  },
};
