/**
 * Text presence: enough text for an analysis.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "7) Text presence"): red 3
 * under 50 characters of text. (Yoast shows nothing when there is enough; here that is a green 9, which
 * adds no penalty to the readability score.)
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export interface TextPresenceDefaults {
  minCharacters: number;
}

export const textPresence: Assessment<TextPresenceDefaults> = {
  meta: {
    id: 'text-presence',
    title: 'Text presence',
    kind: 'readability',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: [],
    english: false,
    defaults: { minCharacters: 50 },
    source: 'Yoast SEO readability docs: TextPresenceAssessment (< 50 characters)',
  },
  run(doc, ctx): AssessmentOutcome {
    let characters = 0;
    for (const b of doc.blocks) if (b.kind !== 'code') characters += Array.from(b.text).length;
    const measured = { characters };
    if (characters < ctx.options.minCharacters)
      return { score: 3, messageId: 'text-presence.too-little', params: { characters, min: ctx.options.minCharacters }, measured };
    return { score: 9, messageId: 'text-presence.good', measured };
  },
  messages: {
    'text-presence.too-little': (p) =>
      `Not enough content: ${num(p, 'characters')} characters. Add some content to enable a good analysis.`,
    'text-presence.good': () => 'Text presence: enough text to analyse.',
  },
};
