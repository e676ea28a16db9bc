/**
 * Keyphrase in image alt attributes.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "7) Keyphrase in image alt attributes"):
 * an alt matches when it holds at least 50 % of the keyphrase's (or a synonym's) content words.
 * Red 3: no images (or no keyphrase). Orange 6: no image has an alt, or none matches. With fewer than 5
 * images, green 9 when at least one matches; with 5 or more, green 9 when 30–75 % match, orange 6 under
 * 30 % or over 75 %.
 */
import { shareOfWords, unitOfSentences } from '../language/keyphrase.js';
import { analyseTexts } from '../language/text-analysis.js';
import { type Assessment, type AssessmentOutcome, num, ratio100 } from './assessment.js';

export interface ImageAltDefaults {
  manyImages: number;
  minPercent: number;
  maxPercent: number;
  matchShare: number;
}

export const keyphraseInImageAlt: Assessment<ImageAltDefaults> = {
  meta: {
    id: 'keyphrase-in-image-alt',
    title: 'Keyphrase in image alt attributes',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase', 'synonyms'],
    english: false,
    defaults: { manyImages: 5, minPercent: 30, maxPercent: 75, matchShare: 0.5 },
    source: 'Yoast SEO scoring docs: ImageKeyphraseAssessment (≥ 50 % of words; 30–75 % of 5+ images)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    const o = ctx.options;
    const images = doc.images.length;
    if (k === null || images === 0) return { score: 3, messageId: 'keyphrase-in-image-alt.no-input', measured: { images } };
    const phrases = [k, ...(ctx.synonyms ?? [])];
    let withAlt = 0;
    let matching = 0;
    const alts = analyseTexts(doc.images.map((im) => im.alt ?? ''));
    for (let i = 0; i < doc.images.length; i++) {
      const alt = doc.images[i]?.alt ?? null;
      if (alt === null || alt.trim() === '') continue;
      withAlt++;
      const unit = unitOfSentences(alts[i] ?? []);
      if (phrases.some((p) => shareOfWords(p, unit) >= o.matchShare)) matching++;
    }
    const pct = ratio100(matching, images);
    const measured = { images, withAlt, matching, percent: Math.round(pct * 10) / 10 };
    const params = { images, matching };
    if (withAlt === 0) return { score: 6, messageId: 'keyphrase-in-image-alt.no-alt', params, measured };
    if (matching === 0) return { score: 6, messageId: 'keyphrase-in-image-alt.no-match', params, measured };
    if (images < o.manyImages) return { score: 9, messageId: 'keyphrase-in-image-alt.good', params, measured };
    if (pct < o.minPercent) return { score: 6, messageId: 'keyphrase-in-image-alt.too-few', params, measured };
    if (pct > o.maxPercent) return { score: 6, messageId: 'keyphrase-in-image-alt.too-many', params, measured };
    return { score: 9, messageId: 'keyphrase-in-image-alt.good', params, measured };
  },
  messages: {
    'keyphrase-in-image-alt.good': () => 'Keyphrase in image alt attributes: good job!',
    'keyphrase-in-image-alt.no-alt': () =>
      'Keyphrase in image alt attributes: the images have no alt text that reflects the topic. Add your keyphrase or synonyms to the alt text of relevant images.',
    'keyphrase-in-image-alt.no-match': () =>
      'Keyphrase in image alt attributes: no alt text holds at least half of the words of your keyphrase. Fix that.',
    'keyphrase-in-image-alt.too-few': (p) =>
      `Keyphrase in image alt attributes: only ${num(p, 'matching')} of ${num(p, 'images')} images have alt text that reflects the topic. Add the keyphrase or synonyms to more of them.`,
    'keyphrase-in-image-alt.too-many': (p) =>
      `Keyphrase in image alt attributes: ${num(p, 'matching')} of ${num(p, 'images')} images carry the keyphrase in their alt text. That's a bit much; only use it where it fits the image.`,
    'keyphrase-in-image-alt.no-input': () =>
      'Keyphrase in image alt attributes: there are no images, no keyphrase, or both. Add images with alt text that includes the keyphrase.',
  },
};
