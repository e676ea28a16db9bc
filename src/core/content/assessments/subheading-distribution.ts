/**
 * Subheading distribution: long stretches of text should be broken up by subheadings.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "1) Subheading distribution"),
 * default (non-cornerstone): no subheadings — green 9 for ≤ 300 words, red 2 above; with subheadings —
 * every section (including the text before the first subheading) ≤ 300 words green 9, a section of
 * 301–350 words orange 6, a section over 350 words red 3. Subheadings are H2–H6 (H1 is the title).
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface SubheadingDistributionDefaults {
  recommendedMax: number;
  acceptableMax: number;
}

export const subheadingDistribution: Assessment<SubheadingDistributionDefaults> = {
  meta: {
    id: 'subheading-distribution',
    title: 'Subheading distribution',
    kind: 'readability',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: false,
    defaults: { recommendedMax: 300, acceptableMax: 350 },
    source: 'Yoast SEO readability docs: SubheadingsDistributionTooLong (300 / 350 words)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const o = ctx.options;
    const sections: number[] = [0];
    let subheadings = 0;
    for (const b of ctx.text.blocks) {
      if (b.kind === 'heading' && b.level >= 2) {
        subheadings++;
        sections.push(0);
        continue;
      }
      if (b.kind === 'heading') continue;
      sections[sections.length - 1] = (sections[sections.length - 1] ?? 0) + b.words;
    }
    const words = sections.reduce((a, b) => a + b, 0);
    const longest = Math.max(...sections);
    if (subheadings === 0) {
      const measured = { subheadings, words, sections };
      if (words <= o.recommendedMax) return { score: 9, messageId: 'subheading-distribution.short-text', measured };
      return { score: 2, messageId: 'subheading-distribution.none', params: { words }, measured };
    }
    const tooLong = sections.filter((w) => w > o.recommendedMax).length;
    const measured = { subheadings, words, sections, longest, tooLong, beginningTooLong: (sections[0] ?? 0) > o.recommendedMax };
    const params = { count: tooLong, max: o.recommendedMax, beginning: (sections[0] ?? 0) > o.recommendedMax && tooLong === 1 };
    if (longest > o.acceptableMax) return { score: 3, messageId: 'subheading-distribution.too-long', params, measured };
    if (longest > o.recommendedMax) return { score: 6, messageId: 'subheading-distribution.slightly-long', params, measured };
    return { score: 9, messageId: 'subheading-distribution.good', measured };
  },
  messages: {
    'subheading-distribution.good': () => 'Subheading distribution: great job!',
    'subheading-distribution.short-text': () =>
      "Subheading distribution: you are not using subheadings, but the text is short enough that it probably doesn't need them.",
    'subheading-distribution.none': (p) =>
      `Subheading distribution: ${num(p, 'words')} words and no subheadings. Add some to break the text up.`,
    'subheading-distribution.slightly-long': (p) =>
      p.beginning === true
        ? `Subheading distribution: the beginning of the text runs over ${num(p, 'max')} words before the first subheading. Add a subheading.`
        : `Subheading distribution: ${num(p, 'count')} section(s) are longer than ${num(p, 'max')} words. Add subheadings.`,
    'subheading-distribution.too-long': (p) =>
      p.beginning === true
        ? `Subheading distribution: the beginning of the text runs far over ${num(p, 'max')} words before the first subheading. Add subheadings.`
        : `Subheading distribution: ${num(p, 'count')} section(s) are much longer than ${num(p, 'max')} words. Add subheadings.`,
  },
};
