/**
 * Title has a number (Rank Math "Title readability").
 * Threshold source: Rank Math content analysis, "Use a number in your title" (1 point; Rank Math cites a
 * claim that headlines with numbers get 36 % more clicks). A suggestion, so orange 6 without a digit and
 * green 9 with one; red 3 with no title.
 */
import type { Assessment, AssessmentOutcome } from './assessment.js';

export const rankmathTitleHasNumber: Assessment = {
  meta: {
    id: 'rankmath-title-has-number',
    title: 'Number in title (Rank Math)',
    kind: 'seo',
    profiles: ['rankmath'],
    requires: [],
    english: false,
    defaults: {},
    source: 'Rank Math content analysis: number in title (1 point)',
  },
  run(doc): AssessmentOutcome {
    const title = doc.title?.trim() ?? '';
    if (title === '') return { score: 3, messageId: 'rankmath-title-has-number.no-title' };
    const hasNumber = /\p{Nd}/u.test(title);
    if (hasNumber) return { score: 9, messageId: 'rankmath-title-has-number.good', measured: { hasNumber } };
    return { score: 6, messageId: 'rankmath-title-has-number.none', measured: { hasNumber } };
  },
  messages: {
    'rankmath-title-has-number.good': () => 'Number in title: the title contains a number. Good.',
    'rankmath-title-has-number.none': () =>
      'Number in title: consider a number in the title (Rank Math: numbered headlines tend to get more clicks).',
    'rankmath-title-has-number.no-title': () => 'Number in title: there is no title.',
  },
};
