import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { type AuthorEvidence, type AuthorEvidencePost, coefficientOfVariation, computeAuthorMetrics, median } from './author-metrics.js';
import { renderDiscoveryMessage } from './messages.js';

const DAY = 86_400_000;
const NOW = Date.parse('2025-06-30T12:00:00.000Z');
const NICHE = { keywords: ['link building', 'seo'], tags: [] };

function iso(daysAgo: number): string {
  return new Date(NOW - daysAgo * DAY).toISOString();
}

function post(i: number, over: Partial<AuthorEvidencePost> = {}): AuthorEvidencePost {
  return {
    postId: `p${String(i).padStart(11, '0')}`,
    title: `Link building lesson ${i}`,
    tags: ['seo'],
    publishedAt: iso(i * 7),
    claps: 100,
    responses: 2,
    publication: null,
    wordCount: 1200,
    ...over,
  };
}

function evidence(posts: AuthorEvidencePost[], author: Partial<AuthorEvidence['author']> = {}): AuthorEvidence {
  return {
    author: { id: 'u1', username: 'writer', name: 'A Writer', followers: 1500, following: 80, memberSince: null, ...author },
    posts,
  };
}

describe('median and coefficient of variation', () => {
  it('computes odd/even medians and the population CV', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(LinkwrightError);
    // gaps 1 and 3: mean 2, population sd 1 → CV 0.5
    expect(coefficientOfVariation([1, 3])).toBe(0.5);
    expect(coefficientOfVariation([0, 0])).toBeNull();
    expect(coefficientOfVariation([])).toBeNull();
  });
});

describe('computeAuthorMetrics', () => {
  it('measures a weekly writer: cadence, window, niche, claps, responses', () => {
    const posts = Array.from({ length: 10 }, (_, i) => post(i, { claps: 100 + i * 10, responses: i }));
    const m = computeAuthorMetrics(evidence(posts), NICHE, NOW);
    expect(m.asOf).toBe('2025-06-30T12:00:00.000Z');
    expect(m.sample).toEqual({ posts: 10, dated: 10, undated: 0, recent: 10 });
    expect(m.followers).toEqual({ value: 1500, missing: null, basedOn: null });
    // posts at 0, 7, …, 63 days ago are inside 90 days; the evidence ends inside the window → a lower bound
    expect(m.postsInWindow.value).toBe(10);
    expect(m.postsInWindow.lowerBound).toBe(true);
    expect(m.medianGapDays.value).toBe(7);
    expect(m.gapVariation.value).toBe(0);
    expect(m.regularity.value).toBe(1);
    expect(m.nicheShare).toMatchObject({ value: 1, basedOn: 10 });
    expect(m.medianClaps.value).toBe(median(posts.map((p) => p.claps as number)));
    expect(m.maxClaps.value).toBe(190);
    expect(m.totalClaps.value).toBe(posts.reduce((a, p) => a + (p.claps as number), 0));
    expect(m.viralDominance.value).toBeCloseTo(190 / 145, 2);
    expect(m.topClapShare.value).toBeCloseTo(190 / 1450, 4);
    expect(m.topPost).toEqual({ postId: posts[9]?.postId, title: posts[9]?.title, claps: 190 });
    expect(m.responsesPerStory.value).toBe(4.5);
    expect(m.medianWordCount.value).toBe(1200);
    expect(m.lastPostAt.value).toBe(iso(0));
    expect(m.daysSinceLastPost.value).toBe(0);
    expect(m.warnings).toEqual([]);
  });

  it('reads irregular gaps as lower regularity: gaps 1 and 3 days → CV 0.5 → 1/(1+0.5)', () => {
    const m = computeAuthorMetrics(
      evidence([post(1, { publishedAt: iso(0) }), post(2, { publishedAt: iso(1) }), post(3, { publishedAt: iso(4) })]),
      NICHE,
      NOW,
    );
    expect(m.medianGapDays.value).toBe(2);
    expect(m.gapVariation.value).toBe(0.5);
    expect(m.regularity.value).toBeCloseTo(1 / 1.5, 4);
  });

  it('counts the window as (now − 90 days, now]: a post exactly 90 days old is out, 1 ms younger is in', () => {
    const edge = computeAuthorMetrics(evidence([post(1, { publishedAt: iso(0) }), post(2, { publishedAt: iso(90) })]), NICHE, NOW);
    expect(edge.postsInWindow.value).toBe(1);
    expect(edge.postsInWindow.lowerBound).toBe(false);
    const inside = computeAuthorMetrics(
      evidence([post(1, { publishedAt: iso(0) }), post(2, { publishedAt: new Date(NOW - 90 * DAY + 1).toISOString() })]),
      NICHE,
      NOW,
    );
    expect(inside.postsInWindow.value).toBe(2);
    expect(inside.postsInWindow.lowerBound).toBe(true);
    const wider = computeAuthorMetrics(evidence([post(1, { publishedAt: iso(0) }), post(2, { publishedAt: iso(120) })]), NICHE, NOW, {
      windowDays: 180,
    });
    expect(wider.windowDays).toBe(180);
    expect(wider.postsInWindow.value).toBe(2);
  });

  it('measures a one-hit author: 92% of claps from one story', () => {
    const claps = [920, 20, 20, 20, 20];
    const m = computeAuthorMetrics(evidence(claps.map((c, i) => post(i, { claps: c }))), NICHE, NOW);
    expect(m.topClapShare.value).toBe(0.92);
    expect(m.medianClaps.value).toBe(20);
    expect(m.viralDominance.value).toBe(46);
  });

  it('floors a 0-clap median at 1 so the dominance stays finite', () => {
    const m = computeAuthorMetrics(evidence([0, 0, 0, 50].map((c, i) => post(i, { claps: c }))), NICHE, NOW);
    expect(m.medianClaps.value).toBe(0);
    expect(m.viralDominance.value).toBe(50);
    const none = computeAuthorMetrics(evidence([0, 0, 0].map((c, i) => post(i, { claps: c }))), NICHE, NOW);
    expect(none.topClapShare.value).toBe(0);
    expect(none.viralDominance.value).toBe(1);
  });

  it('makes every metric with missing inputs null, with the reason', () => {
    const posts = [0, 1, 2].map((i) =>
      post(i, { publishedAt: null, claps: null, responses: null, wordCount: null, title: null, tags: null }),
    );
    const m = computeAuthorMetrics(evidence(posts, { followers: null, following: null }), NICHE, NOW);
    expect(m.followers).toEqual({ value: null, missing: { messageId: 'metric.followers.unknown', params: {} }, basedOn: null });
    expect(m.following.missing?.messageId).toBe('metric.following.unknown');
    expect(m.postsInWindow.value).toBeNull();
    expect(m.postsInWindow.missing?.messageId).toBe('metric.dates.none');
    expect(m.lastPostAt.missing?.messageId).toBe('metric.dates.none');
    expect(m.daysSinceLastPost.value).toBeNull();
    expect(m.medianGapDays.missing).toEqual({ messageId: 'metric.cadence.too-few-posts', params: { have: 0, need: 2 } });
    expect(m.regularity.missing?.params).toEqual({ have: 0, need: 3 });
    expect(m.nicheShare.missing?.messageId).toBe('metric.niche.no-text');
    expect(m.medianClaps.missing?.messageId).toBe('metric.claps.unknown');
    expect(m.viralDominance.missing?.messageId).toBe('metric.claps.unknown');
    expect(m.topClapShare.value).toBeNull();
    expect(m.responsesPerStory.missing?.messageId).toBe('metric.responses.unknown');
    expect(m.medianWordCount.missing?.messageId).toBe('metric.word-count.unknown');
    expect(m.topPost).toBeNull();
    // publications: null with publicationKnown defaulting to true means "not in a publication" → a known 0
    expect(m.publicationShare.value).toBe(0);
    const unknownPubs = computeAuthorMetrics(evidence(posts.map((p) => ({ ...p, publicationKnown: false }))), NICHE, NOW);
    expect(unknownPubs.publicationShare).toEqual({
      value: null,
      missing: { messageId: 'metric.publication.unknown', params: {} },
      basedOn: 0,
    });
    expect(renderDiscoveryMessage(m.medianClaps.missing?.messageId ?? '', m.medianClaps.missing?.params)).toContain('RSS');
  });

  it('needs 3 posts with claps for the viral metrics and 3 dated posts for regularity', () => {
    const m = computeAuthorMetrics(evidence([post(0), post(1), post(2, { claps: null })]), NICHE, NOW);
    expect(m.medianClaps.value).toBe(100);
    expect(m.viralDominance.value).toBeNull();
    expect(m.viralDominance.missing).toEqual({ messageId: 'metric.claps.too-few', params: { have: 2, need: 3 } });
    expect(m.regularity.value).toBe(1);
    const two = computeAuthorMetrics(evidence([post(0), post(1)]), NICHE, NOW);
    expect(two.medianGapDays.value).toBe(7);
    expect(two.regularity.value).toBeNull();
  });

  it('treats an empty post list as "no posts": 0 in the window, the rest null with metric.posts.none', () => {
    const m = computeAuthorMetrics(evidence([]), NICHE, NOW);
    expect(m.postsInWindow).toMatchObject({ value: 0, lowerBound: false });
    for (const metric of [m.lastPostAt, m.daysSinceLastPost, m.medianClaps, m.nicheShare, m.publicationShare, m.medianGapDays]) {
      expect(metric.value).toBeNull();
      expect(metric.missing?.messageId).toBe('metric.posts.none');
    }
  });

  it('says when no niche was given', () => {
    const m = computeAuthorMetrics(evidence([post(0)]), { keywords: [' '], tags: [] }, NOW);
    expect(m.nicheShare.value).toBeNull();
    expect(m.nicheShare.missing?.messageId).toBe('metric.niche.empty');
  });

  it('computes the niche share over posts that have a title or tags', () => {
    const posts = [
      post(0, { title: 'Link-building tips', tags: [] }),
      post(1, { title: 'My holiday', tags: ['travel'] }),
      post(2, { title: null, tags: ['link-building'] }),
      post(3, { title: 'Cooking', tags: ['food'] }),
      post(4, { title: null, tags: null }),
    ];
    const m = computeAuthorMetrics(evidence(posts), NICHE, NOW);
    expect(m.nicheShare).toMatchObject({ value: 0.5, basedOn: 4 });
    expect(m.nicheMatches.map((x) => [x.postId, x.matched])).toEqual([
      [posts[0]?.postId, true],
      [posts[1]?.postId, false],
      [posts[2]?.postId, true],
      [posts[3]?.postId, false],
    ]);
  });

  it('uses only the newest recentPostLimit posts for post-derived metrics', () => {
    const posts = Array.from({ length: 25 }, (_, i) => post(i, { title: i < 20 ? 'SEO notes' : 'Gardening', tags: [] }));
    const m = computeAuthorMetrics(evidence(posts), NICHE, NOW);
    expect(m.sample.recent).toBe(20);
    expect(m.nicheShare.value).toBe(1);
    const wide = computeAuthorMetrics(evidence(posts), NICHE, NOW, { recentPostLimit: 25 });
    expect(wide.nicheShare.value).toBe(0.8);
  });

  it('groups publication membership', () => {
    const a = { id: 'c1', name: 'Better Marketing', slug: 'better-marketing' };
    const b = { id: null, name: null, slug: 'seo-weekly' };
    const m = computeAuthorMetrics(
      evidence([
        post(0, { publication: a }),
        post(1, { publication: a }),
        post(2, { publication: b }),
        post(3),
        post(4, { publicationKnown: false }),
      ]),
      NICHE,
      NOW,
    );
    // post 4 (membership unknown) is left out of the share: 3 of 4 known posts
    expect(m.publicationShare).toMatchObject({ value: 0.75, basedOn: 4 });
    expect(m.publications).toEqual([
      { key: 'c1', id: 'c1', name: 'Better Marketing', slug: 'better-marketing', posts: 2 },
      { key: 'seo-weekly', id: null, name: null, slug: 'seo-weekly', posts: 1 },
    ]);
  });

  it('merges duplicates field by field and warns about odd evidence', () => {
    const m = computeAuthorMetrics(
      evidence(
        [
          post(0, { claps: null, tags: [] }),
          post(0, { claps: 40, tags: ['seo'] }),
          post(1, { publishedAt: 'not a date' }),
          post(2, { claps: -5 }),
          post(3, { publishedAt: new Date(NOW + 3 * DAY).toISOString() }),
        ],
        { followers: Number.NaN },
      ),
      NICHE,
      NOW,
    );
    expect(m.sample).toEqual({ posts: 4, dated: 3, undated: 1, recent: 4 });
    expect(m.followers.value).toBeNull();
    const ids = m.warnings.map((w) => w.messageId).sort();
    expect(ids).toEqual([
      'metric.warning.duplicate-post',
      'metric.warning.future-date',
      'metric.warning.invalid-count',
      'metric.warning.invalid-count',
      'metric.warning.invalid-date',
    ]);
    expect(m.totalClaps.value).toBe(40 + 100 + 100); // p0 merged (40), p1 100, p2 unknown, p3 100
    expect(m.daysSinceLastPost.value).toBe(0); // a future post counts as "now", not negative
    expect(m.postsInWindow.value).toBe(3);
    for (const w of m.warnings) expect(renderDiscoveryMessage(w.messageId, w.params)).not.toMatch(/undefined|NaN/);
  });

  it('reads all posts at the same moment as "no cadence", not as perfect regularity', () => {
    const at = iso(5);
    const m = computeAuthorMetrics(evidence([0, 1, 2, 3].map((i) => post(i, { publishedAt: at }))), NICHE, NOW);
    expect(m.medianGapDays.value).toBe(0);
    expect(m.regularity.value).toBeNull();
    expect(m.regularity.missing).toEqual({ messageId: 'metric.cadence.same-time', params: { posts: 4 } });
  });

  it('is deterministic and independent of input order', () => {
    const posts = Array.from({ length: 12 }, (_, i) => post(i, { claps: (i * 37) % 101, publishedAt: iso(i * 5 + (i % 3)) }));
    const a = computeAuthorMetrics(evidence(posts), NICHE, NOW);
    const b = computeAuthorMetrics(evidence([...posts].reverse()), NICHE, NOW);
    const c = computeAuthorMetrics(evidence(posts), NICHE, NOW);
    expect(b).toEqual(a);
    expect(JSON.stringify(c)).toBe(JSON.stringify(a));
  });

  it('rejects a missing clock value, posts without id and bad options', () => {
    const check = (fn: () => unknown): void => {
      try {
        fn();
        expect.unreachable('should have thrown');
      } catch (e) {
        expect(e).toBeInstanceOf(LinkwrightError);
        expect((e as LinkwrightError).code).toBe('INVALID_INPUT');
      }
    };
    check(() => computeAuthorMetrics(evidence([]), NICHE, Number.NaN));
    check(() => computeAuthorMetrics(evidence([]), NICHE, 1e20));
    check(() => computeAuthorMetrics(evidence([post(0, { postId: '' })]), NICHE, NOW));
    check(() => computeAuthorMetrics(evidence([]), NICHE, NOW, { windowDays: 0 }));
    check(() => computeAuthorMetrics({ author: null } as unknown as AuthorEvidence, NICHE, NOW));
  });
});
