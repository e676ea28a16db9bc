/**
 * Subtitle present (Medium).
 * Threshold source: Medium Help Center, "Adding a title and subtitle" / story preview: the subtitle shows
 * under the title in the story and in previews, and is what readers see before they click. No numeric
 * threshold: green 9 with a subtitle, orange 6 without (Medium then previews the first lines of the text).
 */
import { type Assessment, type AssessmentOutcome, num } from './assessment.js';

export const mediumSubtitle: Assessment = {
  meta: {
    id: 'medium-subtitle',
    title: 'Medium subtitle',
    kind: 'medium',
    profiles: ['medium'],
    requires: [],
    english: false,
    defaults: {},
    source: 'Medium Help Center: title and subtitle are shown in story previews',
  },
  run(doc): AssessmentOutcome {
    const sub = doc.subtitle?.trim() ?? '';
    if (sub === '') return { score: 6, messageId: 'medium-subtitle.missing', measured: { present: false } };
    return {
      score: 9,
      messageId: 'medium-subtitle.good',
      params: { characters: Array.from(sub).length },
      measured: { present: true, characters: Array.from(sub).length },
    };
  },
  messages: {
    'medium-subtitle.good': (p) => `Medium subtitle: present (${num(p, 'characters')} characters).`,
    'medium-subtitle.missing': () =>
      'Medium subtitle: none. Add one; it shows under the title in previews and tells readers what they get.',
  },
};
