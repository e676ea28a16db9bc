/**
 * Title length as Medium shows it in search results.
 * Threshold source: Medium's own SEO guidance for writers ("How to optimize your stories for search",
 * Medium staff, 2020): "Google will truncate your SEO Title if you enter more than 60 characters … only
 * the first ~60 characters" are seen; the story-settings hint recommends 40–60 characters [the 40 lower
 * bound is from that settings hint, unverified against a current Medium page]. Medium appends
 * " | by <author> | Medium" to the page title, which Google cuts first.
 * Green 9 for 40–60 characters, orange 6 outside, red 3 with no title.
 */
import { type Assessment, type AssessmentOutcome, num, str } from './assessment.js';

export interface MediumTitleDefaults {
  min: number;
  max: number;
}

export const mediumTitleLength: Assessment<MediumTitleDefaults> = {
  meta: {
    id: 'medium-title-length',
    title: 'Medium title length',
    kind: 'medium',
    profiles: ['medium'],
    requires: [],
    english: false,
    defaults: { min: 40, max: 60 },
    source: 'Medium SEO guidance: Google shows ~60 characters of the SEO title; 40–60 recommended',
  },
  run(doc, ctx): AssessmentOutcome {
    const title = doc.title?.trim() ?? '';
    if (title === '') return { score: 3, messageId: 'medium-title-length.missing', measured: { characters: 0 } };
    const chars = Array.from(title);
    const o = ctx.options;
    const shown = chars.length > o.max ? `${chars.slice(0, o.max).join('').trimEnd()}…` : title;
    const params = { characters: chars.length, min: o.min, max: o.max, shown };
    const measured = { characters: chars.length, shownInSearch: shown, truncated: chars.length > o.max };
    if (chars.length > o.max) return { score: 6, messageId: 'medium-title-length.too-long', params, measured };
    if (chars.length < o.min) return { score: 6, messageId: 'medium-title-length.short', params, measured };
    return { score: 9, messageId: 'medium-title-length.good', params, measured };
  },
  messages: {
    'medium-title-length.good': (p) => `Medium title: ${num(p, 'characters')} characters, all of it shows in search results. Good.`,
    'medium-title-length.too-long': (p) =>
      `Medium title: ${num(p, 'characters')} characters; search results show about ${num(p, 'max')} ("${str(p, 'shown')}"). Put the important words first or shorten it.`,
    'medium-title-length.short': (p) =>
      `Medium title: ${num(p, 'characters')} characters. Up to ${num(p, 'max')} show in search results; use the room to say what the story is about.`,
    'medium-title-length.missing': () => 'Medium title: the story has no title.',
  },
};
