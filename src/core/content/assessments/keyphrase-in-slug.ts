/**
 * Keyphrase in slug.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "9) Keyphrase in slug"): green 9 when
 * a 1–2-content-word keyphrase is fully in the slug, or more than half of a longer one is; orange 6
 * otherwise; red 3 with no slug or keyphrase. Without a slug, the slug Medium/WordPress would make from
 * the title is judged (both derive it from the title by default).
 */
import { wink } from '../language/wink.js';
import { type Assessment, type AssessmentOutcome, slugOf, str } from './assessment.js';

export const keyphraseInSlug: Assessment = {
  meta: {
    id: 'keyphrase-in-slug',
    title: 'Keyphrase in slug',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: SlugKeywordAssessment (all of 1–2 words; > half of longer)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const { slug, source } = slugOf(doc);
    if (k === null || slug === null) return { score: 3, messageId: 'keyphrase-in-slug.no-input', measured: { slug, source } };
    const { stem } = wink();
    const parts = slug
      .toLowerCase()
      .split(/[-_/.+\s]+/)
      .filter((p) => p !== '');
    const have = new Set(k.exact ? parts : parts.map((p) => stem(p)));
    const keys = [...new Set(k.keys)];
    const found = keys.filter((key) => have.has(key)).length;
    const measured = { slug, source, found, keyphraseWords: keys.length };
    const params = { slug, phrase: k.raw };
    const good = keys.length <= 2 ? found === keys.length : found > keys.length / 2;
    if (good) return { score: 9, messageId: 'keyphrase-in-slug.good', params, measured };
    return { score: 6, messageId: 'keyphrase-in-slug.missing', params, measured };
  },
  messages: {
    'keyphrase-in-slug.good': (p) => `Keyphrase in slug: the slug "${str(p, 'slug')}" contains the keyphrase. Great work!`,
    'keyphrase-in-slug.missing': (p) =>
      `Keyphrase in slug: (part of) "${str(p, 'phrase')}" is missing from the slug "${str(p, 'slug')}". Change that.`,
    'keyphrase-in-slug.no-input': () => 'Keyphrase in slug: add both a keyphrase and a slug that contains it.',
  },
};
