/**
 * Text length in words.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other SEO assessments — 1) Text length"),
 * default (non-cornerstone): green 9 at ≥ 300 words, orange 6 for 250–299, red 3 for 200–249, red −10
 * for 100–199, red −20 for 0–99.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface TextLengthDefaults {
  recommended: number;
  slightlyBelow: number;
  below: number;
  farBelow: number;
}

export const textLength: Assessment<TextLengthDefaults> = {
  meta: {
    id: 'text-length',
    title: 'Text length',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: { recommended: 300, slightlyBelow: 250, below: 200, farBelow: 100 },
    source: 'Yoast SEO scoring docs: TextLengthAssessment (300 / 250 / 200 / 100 words)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const words = ctx.text.wordCount;
    const o = ctx.options;
    const params = { words, recommended: o.recommended };
    const measured = { words };
    if (words >= o.recommended) return { score: 9, messageId: 'text-length.good', params, measured };
    if (words >= o.slightlyBelow) return { score: 6, messageId: 'text-length.slightly-short', params, measured };
    if (words >= o.below) return { score: 3, messageId: 'text-length.short', params, measured };
    if (words >= o.farBelow) return { score: -10, messageId: 'text-length.far-too-short', params, measured };
    return { score: -20, messageId: 'text-length.far-too-short', params, measured };
  },
  messages: {
    'text-length.good': (p) => `Text length: the text contains ${num(p, 'words')} words. Good job!`,
    'text-length.slightly-short': (p) =>
      `Text length: the text contains ${num(p, 'words')} words, slightly below the recommended minimum of ${num(p, 'recommended')}. Add a bit more.`,
    'text-length.short': (p) =>
      `Text length: the text contains ${num(p, 'words')} words, below the recommended minimum of ${num(p, 'recommended')}. Add more content.`,
    'text-length.far-too-short': (p) =>
      `Text length: the text contains ${num(p, 'words')} words, far below the recommended minimum of ${num(p, 'recommended')}. Add more content.`,
  },
};
