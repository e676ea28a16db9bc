/**
 * Passive voice: share of sentences with a be-passive.
 * Threshold source: Yoast SEO readability docs ("SCORING READABILITY.md", "5) Passive voice"): green 9
 * at ≤ 10 % of sentences, orange 6 for 10–15 %, red 3 above 15 %. Detection: language/passive-voice.ts.
 */
import { findPassive } from '../language/passive-voice.js';
import { type Assessment, type AssessmentOutcome, num, percent, ratio100 } from './assessment.js';

export interface PassiveDefaults {
  goodPercent: number;
  okPercent: number;
}

export const passiveVoice: Assessment<PassiveDefaults> = {
  meta: {
    id: 'passive-voice',
    title: 'Passive voice',
    kind: 'readability',
    profiles: ['yoast', 'medium'],
    requires: [],
    english: true,
    defaults: { goodPercent: 10, okPercent: 15 },
    source: 'Yoast SEO readability docs: PassiveVoiceAssessment (10 % / 15 %)',
  },
  run(_doc, ctx): AssessmentOutcome {
    const sentences = ctx.text.proseSentences;
    if (sentences.length === 0) return { score: 0, messageId: 'passive-voice.no-text', status: 'not-applicable' };
    const hits: string[] = [];
    for (const s of sentences) {
      const p = findPassive(s.tokens);
      if (p !== null) hits.push(p);
    }
    const share = ratio100(hits.length, sentences.length);
    const o = ctx.options;
    const params = { percent: percent(hits.length, sentences.length), max: o.goodPercent };
    const measured = {
      sentences: sentences.length,
      passive: hits.length,
      percent: percent(hits.length, sentences.length),
      participles: hits.slice(0, 20),
    };
    if (share <= o.goodPercent) return { score: 9, messageId: 'passive-voice.good', params, measured };
    if (share <= o.okPercent) return { score: 6, messageId: 'passive-voice.some', params, measured };
    return { score: 3, messageId: 'passive-voice.too-much', params, measured };
  },
  messages: {
    'passive-voice.good': () => "Passive voice: you are not using too much passive voice. That's great!",
    'passive-voice.some': (p) =>
      `Passive voice: ${num(p, 'percent')} % of the sentences are passive, more than the recommended ${num(p, 'max')} %. Use active voice where you can.`,
    'passive-voice.too-much': (p) =>
      `Passive voice: ${num(p, 'percent')} % of the sentences are passive, well above the recommended ${num(p, 'max')} %. Use active voice.`,
    'passive-voice.no-text': () => 'Passive voice: no sentences to check.',
  },
};
