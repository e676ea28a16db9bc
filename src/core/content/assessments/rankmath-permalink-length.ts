/**
 * Permalink length (Rank Math).
 * Threshold source: Rank Math content analysis, "URL length" (4 points; limit 75 characters). The full
 * URL is measured when the document's URL is known, otherwise the slug (given, or made from the title).
 * Green 9 at ≤ 75 characters, red 3 above.
 */
import { type Assessment, type AssessmentOutcome, num, slugOf } from './assessment.js';

export interface PermalinkDefaults {
  maxCharacters: number;
}

export const rankmathPermalinkLength: Assessment<PermalinkDefaults> = {
  meta: {
    id: 'rankmath-permalink-length',
    title: 'Permalink length (Rank Math)',
    kind: 'seo',
    profiles: ['rankmath'],
    requires: [],
    english: false,
    defaults: { maxCharacters: 75 },
    source: 'Rank Math content analysis: URL length ≤ 75 characters',
  },
  run(doc, ctx): AssessmentOutcome {
    const s = slugOf(doc);
    const measuredText = doc.url ?? s.slug;
    if (measuredText === null) return { score: 3, messageId: 'rankmath-permalink-length.missing' };
    const characters = Array.from(measuredText).length;
    const params = { characters, max: ctx.options.maxCharacters };
    const measured = { characters, measuredOn: doc.url !== null ? 'url' : s.source };
    if (characters > ctx.options.maxCharacters) return { score: 3, messageId: 'rankmath-permalink-length.too-long', params, measured };
    return { score: 9, messageId: 'rankmath-permalink-length.good', params, measured };
  },
  messages: {
    'rankmath-permalink-length.good': (p) => `Permalink length: ${num(p, 'characters')} characters. Kudos!`,
    'rankmath-permalink-length.too-long': (p) =>
      `Permalink length: ${num(p, 'characters')} characters, over ${num(p, 'max')}. Consider shortening it.`,
    'rankmath-permalink-length.missing': () => 'Permalink length: no URL, slug or title to measure.',
  },
};
