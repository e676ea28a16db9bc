/**
 * Previously used keyphrase: the same keyphrase on two pages makes them compete (cannibalization).
 * Unlike Yoast, which only sees posts of one WordPress site, the history here is whatever the caller
 * passes — the user's pages and their Medium copies from the store.
 * Threshold source: Yoast SEO scoring docs ("SCORING SEO.md", "10) Previously used keyphrase"): green 9
 * when never used before, orange 6 when used once, red 1 when used twice or more. Rank Math's "Focus
 * Keyword not used before" is the same check (informational there).
 * Two keyphrases are the same when their content words agree in form (Porter2 stems, in order), so
 * "Medium backlinks" and "medium backlink" match. An entry for this very page (same URL or canonical,
 * ignoring tracking parameters) is not counted.
 */
import { parseKeyphrase } from '../language/keyphrase.js';
import { type Assessment, type AssessmentOutcome, num, samePage, str } from './assessment.js';

export const previouslyUsedKeyphrase: Assessment = {
  meta: {
    id: 'previously-used-keyphrase',
    title: 'Previously used keyphrase',
    kind: 'seo',
    profiles: ['yoast', 'rankmath', 'medium'],
    requires: ['keyphrase', 'previouslyUsed'],
    english: false,
    defaults: {},
    source: 'Yoast SEO scoring docs: PreviouslyUsedKeyword (never 9 / once 6 / 2+ 1)',
  },
  run(doc, ctx): AssessmentOutcome {
    const k = ctx.keyphrase ?? null;
    if (k === null) return { score: 1, messageId: 'previously-used-keyphrase.no-keyphrase' };
    const history = ctx.previouslyUsed ?? null;
    if (history === null) return { score: 0, messageId: 'previously-used-keyphrase.no-history', status: 'not-applicable' };
    const key = k.keys.join(' ');
    const self = [doc.url, doc.canonical].filter((u): u is string => u !== null);
    const uses: string[] = [];
    const seen = new Set<string>();
    for (const entry of history) {
      const other = parseKeyphrase(entry.keyphrase);
      if (other === null || other.keys.join(' ') !== key) continue;
      const url = entry.url ?? null;
      if (url !== null && self.some((s) => samePage(s, url))) continue;
      const id = url ?? `${entry.title ?? ''}#${uses.length}`;
      if (seen.has(id)) continue;
      seen.add(id);
      uses.push(url ?? entry.title ?? '(untitled)');
    }
    const measured = { count: uses.length, urls: uses };
    const params = { count: uses.length, urls: uses.slice(0, 5) };
    if (uses.length === 0) return { score: 9, messageId: 'previously-used-keyphrase.good', params, measured };
    if (uses.length === 1) return { score: 6, messageId: 'previously-used-keyphrase.once', params, measured };
    return { score: 1, messageId: 'previously-used-keyphrase.many', params, measured };
  },
  messages: {
    'previously-used-keyphrase.good': () => "Previously used keyphrase: you haven't used this keyphrase before. Very good.",
    'previously-used-keyphrase.once': (p) =>
      `Previously used keyphrase: you've used this keyphrase once before (${str(p, 'urls')}). Don't use a keyphrase more than once.`,
    'previously-used-keyphrase.many': (p) =>
      `Previously used keyphrase: you've used this keyphrase ${num(p, 'count')} times before (${str(p, 'urls')}). Don't use a keyphrase more than once.`,
    'previously-used-keyphrase.no-keyphrase': () =>
      "Previously used keyphrase: no focus keyphrase set. Add one you haven't used on other content.",
    'previously-used-keyphrase.no-history': () =>
      'Previously used keyphrase: no list of earlier keyphrases was given, so reuse was not checked.',
  },
};
