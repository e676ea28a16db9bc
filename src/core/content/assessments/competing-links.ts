/**
 * Competing links: a link whose anchor text is the keyphrase tells search engines that another page is
 * about this topic, so it competes with this one.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "6) Competing links"): red 2 when a link's
 * anchor is the keyphrase or a synonym, green 8 otherwise. A link counts only if its anchor holds all the
 * keyphrase's content words and no other content word ("cat and dog" competes; "cat" and "cat and dog
 * food" do not — the docs' own example).
 */
import { contentKeysOf, unitOfSentences } from '../language/keyphrase.js';
import { analyseTexts } from '../language/text-analysis.js';
import { type Assessment, type AssessmentOutcome, num, str } from './assessment.js';

export const competingLinks: Assessment = {
  meta: {
    id: 'competing-links',
    title: 'Competing links',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: TextCompetingLinksAssessment (2 / 8)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null) return { score: 0, messageId: 'competing-links.no-keyphrase', status: 'not-applicable' };
    const phrases = [k, ...(ctx.synonyms ?? [])];
    const competing: string[] = [];
    // One tokenizer pass for all anchors.
    const anchors = analyseTexts(doc.links.map((l) => l.text));
    for (let li = 0; li < doc.links.length; li++) {
      const link = doc.links[li] as (typeof doc.links)[number];
      if (link.text.trim() === '') continue;
      const unit = unitOfSentences(anchors[li] ?? []);
      for (const p of phrases) {
        if (p.exact) {
          if (unit.terms.join(' ') === p.terms.join(' ')) {
            competing.push(link.url ?? link.href);
            break;
          }
          continue;
        }
        const anchorKeys = new Set(contentKeysOf(unit, p.exact));
        const keys = new Set(p.keys);
        if (anchorKeys.size === 0) continue;
        let same = anchorKeys.size === keys.size;
        if (same) for (const key of keys) if (!anchorKeys.has(key)) same = false;
        if (same) {
          competing.push(link.url ?? link.href);
          break;
        }
      }
    }
    const measured = { links: doc.links.length, competing: competing.length, urls: competing };
    if (competing.length > 0)
      return { score: 2, messageId: 'competing-links.found', params: { count: competing.length, urls: competing.slice(0, 5) }, measured };
    return { score: 8, messageId: 'competing-links.good', measured };
  },
  messages: {
    'competing-links.found': (p) =>
      `Competing links: ${num(p, 'count')} link(s) use your keyphrase or a synonym as anchor text (${str(p, 'urls')}). That tells search engines another page is about this topic. Change the anchor.`,
    'competing-links.good': () => 'Competing links: no link uses your keyphrase or a synonym as its anchor text. Nice!',
    'competing-links.no-keyphrase': () => 'Competing links: no keyphrase set, nothing to check.',
  },
};
