/**
 * Images: the text has at least one image.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 8) Images"): red 3 with no
 * images, green 9 with at least one. Rank Math: "Content has images and/or video" (6 points).
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export const imagesPresent: Assessment = {
  meta: {
    id: 'images-present',
    title: 'Images',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: [],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: ImageCountAssessment (3 / 9)',
  },
  run(doc): AssessmentOutcome {
    const images = doc.images.length;
    if (images === 0) return { score: 3, messageId: 'images-present.none', measured: { images } };
    return { score: 9, messageId: 'images-present.good', params: { images }, measured: { images } };
  },
  messages: {
    'images-present.none': () => 'Images: no images appear in this text. Add some.',
    'images-present.good': (p) => `Images: ${num(p, 'images')} image(s). Good job!`,
  },
};
