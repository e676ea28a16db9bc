/**
 * Single H1: one main heading.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 6) Single title"): red 1 when the
 * text has two or more H1 headings, green 8 otherwise.
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export const singleH1: Assessment = {
  meta: {
    id: 'single-h1',
    title: 'Single title (H1)',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: SingleH1Assessment (1 / 8)',
  },
  run(doc): AssessmentOutcome {
    const h1 = doc.blocks.filter((b) => b.kind === 'heading' && b.level === 1).length;
    if (h1 >= 2) return { score: 1, messageId: 'single-h1.multiple', params: { count: h1 }, measured: { h1 } };
    return { score: 8, messageId: 'single-h1.good', measured: { h1 } };
  },
  messages: {
    'single-h1.good': () => "Single title: you don't have multiple H1 headings. Well done!",
    'single-h1.multiple': (p) =>
      `Single title: the text has ${num(p, 'count')} H1 headings. Keep H1 for the main title and turn the others into lower-level headings.`,
  },
};
