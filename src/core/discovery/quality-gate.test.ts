import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type AuthorEvidence, type AuthorEvidencePost, computeAuthorMetrics } from './author-metrics.js';
import { renderDiscoveryMessage } from './messages.js';
import { applyQualityGate, DEFAULT_QUALITY_GATE, type GateCheckId, type GateResult } from './quality-gate.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-30T12:00:00.000Z');
const NICHE = { keywords: ['link building'], tags: ['seo'] };

function iso(daysAgo: number): string {
  return new Date(NOW - daysAgo * DAY).toISOString();
}

function post(i: number, over: Partial<AuthorEvidencePost> = {}): AuthorEvidencePost {
  return {
    postId: `q${String(i).padStart(11, '0')}`,
    title: `Link building, part ${i}`,
    tags: ['seo'],
    publishedAt: iso(2 + i * 10),
    claps: 50,
    responses: 1,
    publication: null,
    wordCount: null,
    ...over,
  };
}

/** A writer who passes every default check: 800 followers, 6 niche posts every 10 days, even claps. */
function goodPosts(): AuthorEvidencePost[] {
  return Array.from({ length: 6 }, (_, i) => post(i));
}

function gate(posts: AuthorEvidencePost[], followers: number | null = 800, gateOverride = {}): GateResult {
  const ev: AuthorEvidence = { author: { id: 'u', username: 'w', name: 'W', followers, following: null, memberSince: null }, posts };
  return applyQualityGate(computeAuthorMetrics(ev, NICHE, NOW), gateOverride);
}

function status(r: GateResult, id: GateCheckId): string | undefined {
  return r.checks.find((c) => c.id === id)?.status;
}

function rendered(r: GateResult): string[] {
  return r.reasons.map((m) => renderDiscoveryMessage(m.messageId, m.params));
}

describe('applyQualityGate defaults', () => {
  it('documents the defaults of the issue', () => {
    expect(DEFAULT_QUALITY_GATE).toEqual({
      minFollowers: 500,
      minPostsInWindow: 3,
      minNicheShare: 0.4,
      maxTopClapShare: 0.8,
      minPostsForViralCheck: 3,
      maxDaysInactive: 60,
    });
  });

  it('qualifies a steady niche writer with no reasons', () => {
    const r = gate(goodPosts());
    expect(r.qualified).toBe(true);
    expect(r.reasons).toEqual([]);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['followers', 'pass'],
      ['postsInWindow', 'pass'],
      ['nicheShare', 'pass'],
      ['viral', 'pass'],
      ['activity', 'pass'],
    ]);
  });
});

describe('thresholds at and around each boundary', () => {
  it('followers: 499 fails, 500 and 501 pass', () => {
    expect(status(gate(goodPosts(), 499), 'followers')).toBe('fail');
    expect(status(gate(goodPosts(), 500), 'followers')).toBe('pass');
    expect(status(gate(goodPosts(), 501), 'followers')).toBe('pass');
    expect(rendered(gate(goodPosts(), 499))).toEqual(['too few followers: 499 (minimum 500)']);
  });

  it('posts in 90 days: 2 fail, 3 pass', () => {
    // posts at 2, 12, 22 days and then 100+ days ago (outside the window)
    const three = [post(0), post(1), post(2), post(3, { publishedAt: iso(100) }), post(4, { publishedAt: iso(110) })];
    const two = [
      post(0),
      post(1),
      post(2, { publishedAt: iso(95) }),
      post(3, { publishedAt: iso(100) }),
      post(4, { publishedAt: iso(110) }),
    ];
    expect(status(gate(three), 'postsInWindow')).toBe('pass');
    const r = gate(two);
    expect(status(r, 'postsInWindow')).toBe('fail');
    expect(rendered(r)).toEqual(['writes rarely: 2 posts in the last 90 days (minimum 3)']);
  });

  it('niche share: 0.4 passes (2 of 5), 0.375 fails (3 of 8), 0.6 passes', () => {
    const mixed = (matched: number, total: number): AuthorEvidencePost[] =>
      Array.from({ length: total }, (_, i) => post(i, i < matched ? {} : { title: 'Sourdough at home', tags: ['baking'] }));
    expect(status(gate(mixed(2, 5)), 'nicheShare')).toBe('pass');
    expect(status(gate(mixed(3, 5)), 'nicheShare')).toBe('pass');
    const r = gate(mixed(3, 8));
    expect(status(r, 'nicheShare')).toBe('fail');
    expect(rendered(r)).toEqual(['off-niche: 38% of recent posts match the niche (3 of 8; minimum 40%)']);
  });

  it('viral: top share 0.80 passes, 0.81 fails; with 92% it says "one viral hit: 92% of claps from one story"', () => {
    const withClaps = (claps: number[]): AuthorEvidencePost[] => claps.map((c, i) => post(i, { claps: c }));
    expect(status(gate(withClaps([80, 10, 10])), 'viral')).toBe('pass');
    expect(status(gate(withClaps([81, 10, 9])), 'viral')).toBe('fail');
    const r = gate(withClaps([20, 920, 20, 20, 20]));
    expect(r.qualified).toBe(false);
    expect(rendered(r)).toEqual(['one viral hit: 92% of claps from one story']);
    expect(r.reasons[0]?.params).toMatchObject({ share: 0.92, postId: post(1).postId, title: post(1).title, claps: 920 });
  });

  it('viral: not applicable below 3 stories, unknown when claps are missing on enough stories', () => {
    const two = gate([post(0, { claps: 95 }), post(1, { claps: 5 })], 800, { minPostsInWindow: 2 });
    expect(status(two, 'viral')).toBe('not-applicable');
    expect(two.qualified).toBe(true);
    const partial = gate([post(0), post(1), post(2, { claps: null }), post(3, { claps: null })]);
    expect(status(partial, 'viral')).toBe('unknown');
    expect(rendered(partial)).toEqual(['cannot tell a one-hit author: needs clap counts of at least 3 posts, have 2']);
    const gateNeedsMore = gate(goodPosts(), 800, { minPostsForViralCheck: 5 });
    expect(status(gateNeedsMore, 'viral')).toBe('pass');
    const gateNeedsSeven = gate(goodPosts(), 800, { minPostsForViralCheck: 7 });
    expect(status(gateNeedsSeven, 'viral')).toBe('not-applicable');
  });

  it('inactive: exactly 60 days passes, 60 days + 1 minute fails with "inactive since <date>"', () => {
    const at = (days: number): AuthorEvidencePost[] => [0, 1, 2].map((i) => post(i, { publishedAt: iso(days + i * 5) }));
    expect(status(gate(at(60), 800, { minPostsInWindow: 0 }), 'activity')).toBe('pass');
    const r = gate(at(60 + 1 / 1440), 800, { minPostsInWindow: 0 });
    expect(status(r, 'activity')).toBe('fail');
    expect(rendered(r)).toEqual([`inactive since ${iso(60 + 1 / 1440).slice(0, 10)}`]);
    expect(rendered(gate(at(200), 800, { minPostsInWindow: 0 }))).toEqual(['inactive since 2024-12-12']);
  });

  it('custom thresholds replace the defaults', () => {
    const r = gate(goodPosts(), 800, { minFollowers: 1000, minNicheShare: 1, maxDaysInactive: 1 });
    expect(r.gate.minFollowers).toBe(1000);
    expect(r.checks.map((c) => c.status)).toEqual(['fail', 'pass', 'pass', 'pass', 'fail']);
  });
});

describe('missing inputs', () => {
  it('says what is missing instead of qualifying on a guess', () => {
    const r = gate(
      [0, 1, 2, 3].map((i) => post(i, { publishedAt: null, claps: null, title: null, tags: null })),
      null,
    );
    expect(r.qualified).toBe(false);
    expect(r.checks.map((c) => c.status)).toEqual(['unknown', 'unknown', 'unknown', 'unknown', 'unknown']);
    expect(rendered(r)).toEqual([
      'follower count unknown: cannot check the minimum of 500',
      'posts in the last 90 days unknown (no post has a publish date): cannot check the minimum of 3',
      'niche share unknown: no recent post has a title or tags to match against the niche',
      'cannot tell a one-hit author: clap counts unknown (RSS feeds carry none; read the story pages)',
      'last activity unknown: no post has a publish date',
    ]);
  });

  it('an author without posts fails the posts check and has unknown activity', () => {
    const r = gate([]);
    expect(r.checks.map((c) => c.status)).toEqual(['pass', 'fail', 'unknown', 'not-applicable', 'unknown']);
    expect(rendered(r)).toEqual([
      'writes rarely: 0 posts in the last 90 days (minimum 3)',
      'niche share unknown: no posts in the evidence',
      'last activity unknown: no posts in the evidence',
    ]);
  });
});

describe('validation', () => {
  it('rejects unknown keys, negative values and shares above 1', () => {
    const m = computeAuthorMetrics(
      { author: { id: null, username: null, name: null, followers: 1, following: null, memberSince: null }, posts: [] },
      NICHE,
      NOW,
    );
    for (const bad of [{ minFollower: 3 }, { minFollowers: -1 }, { minNicheShare: 1.5 }, { maxDaysInactive: Number.POSITIVE_INFINITY }]) {
      expect(() => applyQualityGate(m, bad as never)).toThrow(LinkwrightError);
    }
  });
});
