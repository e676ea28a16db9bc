/**
 * Meta description length, in characters.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 5) Meta description length"):
 * red 1 with none, orange 6 at ≤ 120 or ≥ 157 characters, green 9 in between. (Yoast also counts a date
 * it prepends in its snippet; drafts have none.) Medium profile: the subtitle stands in when there is no
 * description, as Medium previews it.
 */
import { type Assessment, type AssessmentOutcome, metaDescriptionOf, num } from './assessment.js';

export interface MetaDescriptionLengthDefaults {
  minExclusive: number;
  maxExclusive: number;
}

export const metaDescriptionLength: Assessment<MetaDescriptionLengthDefaults> = {
  meta: {
    id: 'meta-description-length',
    title: 'Meta description length',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: { minExclusive: 120, maxExclusive: 157 },
    source: 'Yoast SEO scoring docs: MetaDescriptionLengthAssessment (> 120 and < 157 characters)',
  },
  run(doc, ctx): AssessmentOutcome {
    const d = metaDescriptionOf(doc, ctx.profile);
    if (d.text === null) return { score: 1, messageId: 'meta-description-length.missing', measured: { characters: 0, source: null } };
    const characters = Array.from(d.text).length;
    const o = ctx.options;
    const params = { characters, min: o.minExclusive, max: o.maxExclusive };
    const measured = { characters, source: d.source };
    if (characters <= o.minExclusive) return { score: 6, messageId: 'meta-description-length.too-short', params, measured };
    if (characters >= o.maxExclusive) return { score: 6, messageId: 'meta-description-length.too-long', params, measured };
    return { score: 9, messageId: 'meta-description-length.good', params, measured };
  },
  messages: {
    'meta-description-length.good': (p) => `Meta description length: ${num(p, 'characters')} characters. Well done!`,
    'meta-description-length.too-short': (p) =>
      `Meta description length: ${num(p, 'characters')} characters is short; up to ${num(p, 'max') - 1} are shown. Use the space.`,
    'meta-description-length.too-long': (p) =>
      `Meta description length: ${num(p, 'characters')} characters; search results cut it after about ${num(p, 'max') - 1}. Shorten it so all of it is visible.`,
    'meta-description-length.missing': () =>
      'Meta description length: no meta description. Search engines will show copy from the page instead; write one.',
  },
};
