/**
 * SEO title width, in pixels as a search result shows it.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "Other — 4) SEO title width"): red 1 with
 * no title, red 3 above 600 px, green 9 for 1–600 px. The width is measured with Arial 20 px metrics
 * (serp-width.ts), the font of Google's desktop result titles.
 */
import { titleWidthPx } from '../serp-width.js';
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface TitleWidthDefaults {
  maxPixels: number;
  fontSizePx: number;
}

export const titleWidth: Assessment<TitleWidthDefaults> = {
  meta: {
    id: 'title-width',
    title: 'SEO title width',
    kind: 'seo',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: { maxPixels: 600, fontSizePx: 20 },
    source: 'Yoast SEO scoring docs: PageTitleWidthAssessment (1–600 px)',
  },
  run(doc, ctx): AssessmentOutcome {
    const title = doc.title?.trim() ?? '';
    if (title === '') return { score: 1, messageId: 'title-width.missing', measured: { pixels: 0 } };
    const pixels = titleWidthPx(title, ctx.options.fontSizePx);
    const params = { pixels, max: ctx.options.maxPixels };
    const measured = { pixels, characters: Array.from(title).length };
    if (pixels > ctx.options.maxPixels) return { score: 3, messageId: 'title-width.too-wide', params, measured };
    return { score: 9, messageId: 'title-width.good', params, measured };
  },
  messages: {
    'title-width.good': (p) => `SEO title width: ${num(p, 'pixels')} px, within the ${num(p, 'max')} px a search result shows. Good job!`,
    'title-width.too-wide': (p) =>
      `SEO title width: ${num(p, 'pixels')} px, wider than the ${num(p, 'max')} px a search result shows. Make it shorter.`,
    'title-width.missing': () => 'SEO title width: there is no title. Create one.',
  },
};
