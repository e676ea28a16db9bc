/**
 * Paragraph length.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "2) Paragraph length"):
 * green 9 when every paragraph has ≤ 150 words, orange 6 when the longest has 151–200, red 3 above 200.
 * Rank Math's "Short paragraphs" test (3 points) asks for the same thing; its word limit is not part of
 * the documented criteria we use, so the Rank Math profile runs this module with Yoast's limits.
 * Paragraphs = paragraph and quote blocks (not list items).
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface ParagraphLengthDefaults {
  recommendedMax: number;
  acceptableMax: number;
}

export const paragraphLength: Assessment<ParagraphLengthDefaults> = {
  meta: {
    id: 'paragraph-length',
    title: 'Paragraph length',
    kind: 'readability',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: [],
    english: false,
    defaults: { recommendedMax: 150, acceptableMax: 200 },
    source: 'Yoast SEO readability docs: ParagraphTooLongAssessment (150 / 200 words)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const o = ctx.options;
    const paragraphs = ctx.text.blocks.filter((b) => (b.kind === 'paragraph' || b.kind === 'quote') && b.words > 0);
    if (paragraphs.length === 0) return { score: 0, messageId: 'paragraph-length.no-text', status: 'not-applicable' };
    const longest = Math.max(...paragraphs.map((p) => p.words));
    const tooLong = paragraphs.filter((p) => p.words > o.recommendedMax);
    const measured = { paragraphs: paragraphs.length, longest, tooLong: tooLong.length, blocks: tooLong.map((p) => p.block) };
    const params = { count: tooLong.length, max: o.recommendedMax, longest };
    if (longest > o.acceptableMax) return { score: 3, messageId: 'paragraph-length.too-long', params, measured };
    if (longest > o.recommendedMax) return { score: 6, messageId: 'paragraph-length.long', params, measured };
    return { score: 9, messageId: 'paragraph-length.good', measured };
  },
  messages: {
    'paragraph-length.good': () => 'Paragraph length: there are no paragraphs that are too long. Great job!',
    'paragraph-length.long': (p) =>
      `Paragraph length: ${num(p, 'count')} paragraph(s) have more than ${num(p, 'max')} words (longest: ${num(p, 'longest')}). Shorten them.`,
    'paragraph-length.too-long': (p) =>
      `Paragraph length: ${num(p, 'count')} paragraph(s) have more than ${num(p, 'max')} words (longest: ${num(p, 'longest')}). Shorten your paragraphs.`,
    'paragraph-length.no-text': () => 'Paragraph length: no paragraphs to check.',
  },
};
