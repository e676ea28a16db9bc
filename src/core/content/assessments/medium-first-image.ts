/**
 * First image and its alt text (Medium).
 * Threshold source: Medium Help Center, "Featured image": the first image of a story becomes its
 * preview image in feeds and social cards unless another is chosen; W3C WCAG 2.2 SC 1.1.1 "Non-text
 * content": images need a text alternative (Medium's editor has an alt-text field). Red 3 with no
 * image, orange 6 when the first image has no alt text, green 9 otherwise.
 */
import { type Assessment, type AssessmentOutcome, str } from './assessment.js';

export const mediumFirstImage: Assessment = {
  meta: {
    id: 'medium-first-image',
    title: 'First image and alt text (Medium)',
    kind: 'medium',
    profiles: ['medium'],
    requires: [],
    english: false,
    defaults: {},
    source: 'Medium Help Center "Featured image"; WCAG 2.2 SC 1.1.1',
  },
  run(doc): AssessmentOutcome {
    const first = doc.images[0];
    if (first === undefined) return { score: 3, messageId: 'medium-first-image.none', measured: { images: 0 } };
    const alt = first.alt?.trim() ?? '';
    const measured = { images: doc.images.length, src: first.src, alt: first.alt, afterBlock: first.afterBlock };
    if (alt === '') return { score: 6, messageId: 'medium-first-image.no-alt', params: { src: first.src }, measured };
    return { score: 9, messageId: 'medium-first-image.good', params: { alt }, measured };
  },
  messages: {
    'medium-first-image.good': (p) => `First image: has alt text ("${str(p, 'alt')}"). It will be the story's preview image.`,
    'medium-first-image.no-alt': (p) => `First image: ${str(p, 'src')} has no alt text. Add one; this image becomes the preview image.`,
    'medium-first-image.none': () =>
      'First image: the story has no image. Add one; Medium uses the first image as the preview in feeds and social cards.',
  },
};
