/**
 * Tags (Medium): 1–5 tags, and whether each is a tag that exists.
 * Threshold source: Medium Help Center, "Adding tags to your story": a story can have up to 5 tags
 * [unverified in the project notes; Medium's editor refuses a sixth]. A tag nobody follows brings no
 * readers, so tags are checked against the tags seen in the stored corpus when the caller gives them.
 * Red 3 with no tags or more than 5; orange 6 when some tags are unknown; green 9 otherwise.
 */
import { mediumTagSlug } from '../../medium/medium-ids.js';
import { type Assessment, type AssessmentOutcome, num, str } from './assessment.js';

export interface MediumTagsDefaults {
  min: number;
  max: number;
}

export { mediumTagSlug };

export const mediumTags: Assessment<MediumTagsDefaults> = {
  meta: {
    id: 'medium-tags',
    title: 'Medium tags',
    kind: 'medium',
    profiles: ['medium'],
    requires: ['knownTags'],
    english: false,
    defaults: { min: 1, max: 5 },
    source: 'Medium Help Center: up to 5 tags per story',
  },
  run(doc, ctx): AssessmentOutcome {
    const o = ctx.options;
    const tags = doc.tags;
    const known = ctx.knownTags ?? null;
    const unknown =
      known === null
        ? null
        : (() => {
            const set = new Set(known.map(mediumTagSlug));
            return tags.filter((t) => !set.has(mediumTagSlug(t)));
          })();
    const measured = { count: tags.length, tags, unknown };
    if (tags.length < o.min) return { score: 3, messageId: 'medium-tags.none', params: { max: o.max }, measured };
    if (tags.length > o.max)
      return {
        score: 3,
        messageId: 'medium-tags.too-many',
        params: { count: tags.length, max: o.max, dropped: tags.slice(o.max) },
        measured,
      };
    if (unknown !== null && unknown.length > 0)
      return { score: 6, messageId: 'medium-tags.unknown', params: { count: tags.length, unknown }, measured };
    return {
      score: 9,
      messageId: known === null ? 'medium-tags.good-unchecked' : 'medium-tags.good',
      params: { count: tags.length },
      measured,
    };
  },
  messages: {
    'medium-tags.good': (p) => `Medium tags: ${num(p, 'count')} tag(s), all known tags. Good.`,
    'medium-tags.good-unchecked': (p) =>
      `Medium tags: ${num(p, 'count')} tag(s). (No tag list was given, so whether they exist was not checked.)`,
    'medium-tags.none': (p) => `Medium tags: no tags. Add 1–${num(p, 'max')}; tags are how readers who follow a topic find the story.`,
    'medium-tags.too-many': (p) =>
      `Medium tags: ${num(p, 'count')} tags, Medium keeps ${num(p, 'max')} (${str(p, 'dropped')} would be dropped).`,
    'medium-tags.unknown': (p) =>
      `Medium tags: not seen in the tag corpus: ${str(p, 'unknown')}. A tag nobody follows brings no readers; prefer existing tags.`,
  },
};
