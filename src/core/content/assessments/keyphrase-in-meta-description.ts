/**
 * Keyphrase in meta description.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "4) Keyphrase in meta description"):
 * green 9 when the keyphrase or a synonym (all content words within one sentence) is found 1–2 times,
 * red 3 when it is found 0 times or more than 2 times, red 3 with no keyphrase or no description.
 */
import { analyseTexts } from '../language/text-analysis.js';
import { countMatches } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, metaDescriptionOf, num } from './assessment.js';

export interface MetaDescriptionKeyphraseDefaults {
  maxMatches: number;
}

export const keyphraseInMetaDescription: Assessment<MetaDescriptionKeyphraseDefaults> = {
  meta: {
    id: 'keyphrase-in-meta-description',
    title: 'Keyphrase in meta description',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: { maxMatches: 2 },
    source: 'Yoast SEO scoring docs: MetaDescriptionKeywordAssessment (1–2 matches)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const d = metaDescriptionOf(doc, ctx.profile);
    if (k === null || d.text === null)
      return { score: 3, messageId: 'keyphrase-in-meta-description.no-input', measured: { source: d.source } };
    const sentences = analyseTexts([d.text])[0] ?? [];
    let matches = 0;
    for (const p of [k, ...(ctx.synonyms ?? [])]) for (const s of sentences) matches += countMatches(p, s);
    const measured = { matches, source: d.source };
    const params = { count: matches, max: ctx.options.maxMatches };
    if (matches === 0) return { score: 3, messageId: 'keyphrase-in-meta-description.missing', params, measured };
    if (matches > ctx.options.maxMatches) return { score: 3, messageId: 'keyphrase-in-meta-description.too-many', params, measured };
    return { score: 9, messageId: 'keyphrase-in-meta-description.good', params, measured };
  },
  messages: {
    'keyphrase-in-meta-description.good': () =>
      'Keyphrase in meta description: the keyphrase or a synonym appears in the meta description. Well done!',
    'keyphrase-in-meta-description.missing': () =>
      'Keyphrase in meta description: the meta description does not contain the keyphrase. Fix that.',
    'keyphrase-in-meta-description.too-many': (p) =>
      `Keyphrase in meta description: the meta description contains the keyphrase ${num(p, 'count')} times, over the advised maximum of ${num(p, 'max')}. Limit that.`,
    'keyphrase-in-meta-description.no-input': () =>
      'Keyphrase in meta description: add both a keyphrase and a meta description that contains it.',
  },
};
