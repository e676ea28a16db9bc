import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type AuthorEvidence, type AuthorEvidencePost, type AuthorMetrics, computeAuthorMetrics } from './author-metrics.js';
import {
  DEFAULT_SCORE_WEIGHTS,
  normaliseFollowers,
  normaliseMedianClaps,
  normalisePostsInWindow,
  normaliseRecency,
  normaliseResponses,
  normaliseViralDominance,
  SCORE_CURVES,
  SCORE_FACTOR_IDS,
  scoreAuthor,
} from './author-score.js';
import { renderDiscoveryMessage } from './messages.js';
import { applyQualityGate } from './quality-gate.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-30T12:00:00.000Z');
const NICHE = { keywords: ['link building', 'SEO', 'backlinks'], tags: ['link-building'] };
const PUB = { id: 'c0ffee', name: 'SEO Weekly', slug: 'seo-weekly' };

function iso(daysAgo: number): string {
  return new Date(NOW - daysAgo * DAY).toISOString();
}

interface Shape {
  followers: number | null;
  count: number;
  everyDays: number;
  lastDaysAgo: number;
  claps: (i: number) => number | null;
  responses: (i: number) => number | null;
  title: (i: number) => string;
  tags: (i: number) => string[];
  publication?: (i: number) => AuthorEvidencePost['publication'];
}

function build(name: string, s: Shape): AuthorEvidence {
  return {
    author: { id: `id-${name}`, username: name, name, followers: s.followers, following: 100, memberSince: null },
    posts: Array.from({ length: s.count }, (_, i) => ({
      postId: `${name}-${i}`,
      title: s.title(i),
      tags: s.tags(i),
      publishedAt: iso(s.lastDaysAgo + i * s.everyDays),
      claps: s.claps(i),
      responses: s.responses(i),
      publication: s.publication?.(i) ?? null,
      wordCount: 1500,
    })),
  };
}

const nicheTitle = (i: number): string =>
  ['Link building for SaaS', 'SEO audits that find backlinks', 'Outreach: a link-building diary'][i % 3] as string;
const nicheTags = (): string[] => ['seo', 'link-building', 'marketing'];

/** Weekly for 12 weeks, on topic, steady claps around 110, a few responses, half in a publication. */
const steady = build('steady', {
  followers: 3_000,
  count: 12,
  everyDays: 7,
  lastDaysAgo: 3,
  claps: (i) => [120, 90, 150, 80, 110, 130, 95, 140, 100, 85, 125, 105][i] ?? 100,
  responses: (i) => 3 + (i % 4),
  title: nicheTitle,
  tags: nicheTags,
  publication: (i) => (i % 2 === 0 ? PUB : null),
});

/** More followers, on topic, but one story holds almost all claps. */
const oneHit = build('onehit', {
  followers: 20_000,
  count: 6,
  everyDays: 15,
  lastDaysAgo: 5,
  claps: (i) => [30, 40, 25_000, 20, 35, 25][i] ?? 0,
  responses: (i) => (i === 2 ? 300 : 1),
  title: nicheTitle,
  tags: nicheTags,
});

/** Same activity and engagement as the steady writer, but writes about food. */
const offNiche = build('offniche', {
  followers: 3_000,
  count: 12,
  everyDays: 7,
  lastDaysAgo: 3,
  claps: (i) => [120, 90, 150, 80, 110, 130, 95, 140, 100, 85, 125, 105][i] ?? 100,
  responses: (i) => 3 + (i % 4),
  title: (i) => ['Sourdough basics', 'Weeknight pasta', 'A guide to knife skills'][i % 3] as string,
  tags: () => ['food', 'cooking', 'recipes'],
  publication: (i) => (i % 2 === 0 ? PUB : null),
});

/** The steady writer's archive, but the last post was 200 days ago. */
const inactive = build('inactive', {
  followers: 3_000,
  count: 12,
  everyDays: 7,
  lastDaysAgo: 200,
  claps: (i) => [120, 90, 150, 80, 110, 130, 95, 140, 100, 85, 125, 105][i] ?? 100,
  responses: (i) => 3 + (i % 4),
  title: nicheTitle,
  tags: nicheTags,
  publication: (i) => (i % 2 === 0 ? PUB : null),
});

const metricsOf = (e: AuthorEvidence): AuthorMetrics => computeAuthorMetrics(e, NICHE, NOW);

describe('normalisation curves', () => {
  it('follow the documented anchors', () => {
    expect(normaliseFollowers(0)).toBe(0);
    expect(normaliseFollowers(SCORE_CURVES.followersSaturation)).toBe(1);
    expect(normaliseFollowers(1_000_000)).toBe(1);
    expect(normaliseFollowers(1_000)).toBeCloseTo(Math.log10(1_001) / Math.log10(50_001), 10);
    // log scale: each tenfold step adds the same amount
    expect(normaliseFollowers(9_999) - normaliseFollowers(999)).toBeCloseTo(normaliseFollowers(999) - normaliseFollowers(99), 10);

    expect(normalisePostsInWindow(0)).toBe(0);
    expect(normalisePostsInWindow(6)).toBe(0.5);
    expect(normalisePostsInWindow(12)).toBe(1);
    expect(normalisePostsInWindow(30)).toBe(1);

    expect(normaliseMedianClaps(0)).toBe(0);
    expect(normaliseMedianClaps(1_000)).toBe(1);
    expect(normaliseMedianClaps(100)).toBeGreaterThan(normaliseMedianClaps(10));

    expect(normaliseResponses(0)).toBe(0);
    expect(normaliseResponses(20)).toBe(1);

    expect(normaliseViralDominance(1)).toBe(1);
    expect(normaliseViralDominance(4)).toBe(1);
    expect(normaliseViralDominance(40)).toBe(0);
    expect(normaliseViralDominance(1_000)).toBe(0);
    // log-linear: the geometric midpoint of 4 and 40 is half way
    expect(normaliseViralDominance(Math.sqrt(4 * 40))).toBeCloseTo(0.5, 10);

    expect(normaliseRecency(0)).toBe(1);
    expect(normaliseRecency(14)).toBe(1);
    expect(normaliseRecency(14 + 30)).toBeCloseTo(0.5, 10);
    expect(normaliseRecency(14 + 60)).toBeCloseTo(0.25, 10);
  });

  it('default weights sum to 100 and cover every factor', () => {
    expect(SCORE_FACTOR_IDS.reduce((a, id) => a + DEFAULT_SCORE_WEIGHTS[id], 0)).toBe(100);
    expect([...SCORE_FACTOR_IDS].sort()).toEqual(Object.keys(DEFAULT_SCORE_WEIGHTS).sort());
  });
});

describe('scoreAuthor', () => {
  it('ranks a steady niche writer above a one-hit viral author, an off-niche author and an inactive one', () => {
    const s = scoreAuthor(metricsOf(steady)).score;
    const v = scoreAuthor(metricsOf(oneHit)).score;
    const o = scoreAuthor(metricsOf(offNiche)).score;
    const i = scoreAuthor(metricsOf(inactive)).score;
    expect(s).toBeGreaterThan(v);
    expect(s).toBeGreaterThan(o);
    expect(s).toBeGreaterThan(i);
    // and the gate agrees: only the steady writer qualifies, each other one for its own reason
    const reasons = (e: AuthorEvidence): string[] => applyQualityGate(metricsOf(e)).reasons.map((r) => r.messageId);
    expect(reasons(steady)).toEqual([]);
    expect(reasons(oneHit)).toEqual(['gate.viral.one-hit']);
    expect(reasons(offNiche)).toEqual(['gate.niche.below']);
    expect(reasons(inactive)).toEqual(['gate.posts.below', 'gate.inactive']);
  });

  it('explains each factor and loses points where the profile is weak', () => {
    const byId = (e: AuthorEvidence) => Object.fromEntries(scoreAuthor(metricsOf(e)).factors.map((f) => [f.id, f]));
    expect(byId(oneHit).viral?.normalised).toBe(0);
    expect(byId(steady).viral?.normalised).toBe(1);
    expect(byId(offNiche).nicheShare?.normalised).toBe(0);
    expect(byId(steady).nicheShare?.normalised).toBe(1);
    expect(byId(inactive).recency?.normalised).toBeLessThan(0.02);
    expect(byId(inactive).postsInWindow?.normalised).toBe(0);
    const steadyFactors = scoreAuthor(metricsOf(steady)).factors;
    expect(steadyFactors.map((f) => f.id)).toEqual([...SCORE_FACTOR_IDS]);
    for (const f of steadyFactors) {
      const text = renderDiscoveryMessage(f.explanation.messageId, f.explanation.params);
      expect(text, f.id).not.toMatch(/undefined|NaN|\?/);
      expect(f.explanation.messageId.startsWith('score.'), f.id).toBe(true);
    }
    expect(renderDiscoveryMessage(byId(steady).nicheShare?.explanation.messageId ?? '', byId(steady).nicheShare?.explanation.params)).toBe(
      '12 of 12 recent posts match the niche (100%)',
    );
    expect(
      renderDiscoveryMessage(byId(steady).publication?.explanation.messageId ?? '', byId(steady).publication?.explanation.params),
    ).toBe('6 of 12 recent posts in publications (SEO Weekly)');
  });

  it('adds points up to the score, within rounding, and weights them as configured', () => {
    for (const e of [steady, oneHit, offNiche, inactive]) {
      const r = scoreAuthor(metricsOf(e));
      const sum = r.factors.reduce((a, f) => a + f.points, 0);
      expect(Math.abs(sum - r.score)).toBeLessThanOrEqual(0.5 + 0.01 * r.factors.length);
      expect(Number.isInteger(r.score)).toBe(true);
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(100);
      expect(r.coverage).toBe(1);
      for (const f of r.factors) expect(f.points).toBeCloseTo((100 * f.weight * (f.normalised ?? 0)) / 100, 1);
    }
  });

  it('uses overridden weights: with only followers weighted, the score is the followers curve', () => {
    const zero = Object.fromEntries(SCORE_FACTOR_IDS.map((id) => [id, 0]));
    const r = scoreAuthor(metricsOf(oneHit), { ...zero, followers: 1 });
    expect(r.score).toBe(Math.round(100 * normaliseFollowers(20_000)));
    // …and then the one-hit author (20k followers) outranks the steady writer (3k)
    expect(r.score).toBeGreaterThan(scoreAuthor(metricsOf(steady), { ...zero, followers: 1 }).score);
  });

  it('leaves unknown factors out, reports coverage and says why', () => {
    const rssOnly = build('rss', {
      followers: null,
      count: 10,
      everyDays: 7,
      lastDaysAgo: 2,
      claps: () => null,
      responses: () => null,
      title: nicheTitle,
      tags: nicheTags,
    });
    const r = scoreAuthor(metricsOf(rssOnly));
    const unknownIds = r.factors.filter((f) => f.normalised === null).map((f) => f.id);
    expect(unknownIds).toEqual(['followers', 'medianClaps', 'responses', 'viral']);
    const knownWeight = SCORE_FACTOR_IDS.filter((id) => !unknownIds.includes(id)).reduce((a, id) => a + DEFAULT_SCORE_WEIGHTS[id], 0);
    expect(r.coverage).toBeCloseTo(knownWeight / 100, 4);
    for (const f of r.factors.filter((x) => x.normalised === null)) {
      expect(f.points).toBe(0);
      expect(f.value).toBeNull();
      expect(f.explanation.messageId.startsWith('metric.'), f.id).toBe(true);
    }
    // the known factors are rescaled to the known weight, not scored as zero
    const expected = r.factors.reduce((a, f) => a + (f.normalised === null ? 0 : (100 * f.weight * f.normalised) / knownWeight), 0);
    expect(r.score).toBe(Math.round(expected));

    const nothing = computeAuthorMetrics(
      { author: { id: null, username: null, name: null, followers: null, following: null, memberSince: null }, posts: [post0()] },
      { keywords: [], tags: [] },
      NOW,
    );
    const empty = scoreAuthor(nothing);
    expect(empty.coverage).toBe(0);
    expect(empty.score).toBe(0);
  });

  it('rejects bad weights', () => {
    const m = metricsOf(steady);
    for (const bad of [{ followers: -1 }, { followers: Number.NaN }, { folowers: 3 }]) {
      expect(() => scoreAuthor(m, bad as never)).toThrow(LinkwrightError);
    }
    const zero = Object.fromEntries(SCORE_FACTOR_IDS.map((id) => [id, 0]));
    expect(() => scoreAuthor(m, zero)).toThrow(/at least one/);
  });

  it('is deterministic', () => {
    const a = scoreAuthor(metricsOf(steady));
    const b = scoreAuthor(metricsOf({ ...steady, posts: [...steady.posts].reverse() }));
    expect(b).toEqual(a);
    expect(JSON.stringify(scoreAuthor(metricsOf(steady)))).toBe(JSON.stringify(a));
  });
});

/** A post with nothing but an id. */
function post0(): AuthorEvidencePost {
  return {
    postId: 'bare',
    title: null,
    tags: null,
    publishedAt: null,
    claps: null,
    responses: null,
    publication: null,
    publicationKnown: false,
    wordCount: null,
  };
}
