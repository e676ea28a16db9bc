import { describe, expect, it } from 'vitest';
import { isFunctionWord } from '../content/language/function-words.js';
import { LinkwrightError } from '../errors/linkwright-error.js';
import {
  KEYWORD_DEFAULTS,
  type KeywordOptions,
  type KeywordReport,
  type KeywordStory,
  median,
  researchKeywords,
  tagSlug,
} from './index.js';

/**
 * A small corpus written for these tests: 8 "link building" niche stories (N0–N7) and 8 background
 * stories (B0–B7) about cooking and travel. Each niche sentence that must stay a phrase ("link building",
 * "guest posts", "anchor text") is followed by words unique to its story, so no longer phrase repeats it
 * in the same stories (see the containment rule).
 */
const V = [
  'takes patience',
  'needs focus',
  'rewards effort',
  'starts slowly',
  'grows trust',
  'widens reach',
  'earns traffic',
  'requires time',
];
const W = ['open doors', 'cost money', 'reach editors', 'bring readers', 'need pitching', 'pay off', 'age well', 'win friends'];
const X = [
  'helps too',
  'drives leads',
  'shapes brands',
  'fuels growth',
  'informs buyers',
  'teaches users',
  'supports sales',
  'builds habits',
];
const Y = [
  'feeds families',
  'sells kitchens',
  'moves travellers',
  'fills tables',
  'books hotels',
  'pleases cooks',
  'tempts diners',
  'guides tourists',
];
const R = ['matters most', 'signals relevance', 'varies widely', 'needs care'];
const AUTHORS = ['alice', 'bob', 'alice', 'carol', 'dave', 'erin', 'frank', 'grace'];
const CLAPS = [100, 200, 300, 400, 500, 600, 700, null];
const WORDS = [1000, 1100, 1200, 1500, 801, 2000, 1701, 900];
const MINUTES = [3.8, 4.2, 4.5, 5.7, 3.1, 7.5, 6.4, 3.4];
const FLESCH = [60, 55, 58, 62, 70, null, 50, 65];

function nicheStory(i: number): KeywordStory {
  const sentences = [
    `Link building ${V[i]}.`,
    `Guest posts ${W[i]}.`,
    `Content marketing ${X[i]}.`,
    i < 5 ? 'Backlinks matter here.' : 'One backlink counts.',
    'Write clear copy. Rankings follow.',
    'Pick tools, budgets and goals.',
    'The best of the web wins.',
  ];
  if (i < 4) sentences.push(`Anchor text ${R[i]}.`);
  const tags = ['link-building'];
  if (i < 4) tags.push('seo');
  if (i === 4 || i === 5) tags.push('outreach');
  if (i >= 6) tags.push('writing');
  if (i === 0) tags.push('marketing');
  return {
    key: `n${i}`,
    url: `https://medium.com/@${AUTHORS[i]}/n${i}`,
    title: i === 0 ? 'Link building basics' : `Notes from the field, part ${i}`,
    authorUsername: AUTHORS[i] as string,
    authorName: null,
    claps: CLAPS[i] as number | null,
    publishedAt: null,
    tags,
    text: sentences.join(' '),
    stats:
      i === 1
        ? null
        : {
            words: WORDS[i] as number,
            readingTimeMinutes: MINUTES[i] as number,
            fleschReadingEase: FLESCH[i] as number | null,
            subheadings: i,
            images: i % 3,
          },
  };
}

function backgroundStory(j: number): KeywordStory {
  const sentences = [`Content marketing ${Y[j]}.`, 'Fresh recipes please everyone.', 'Quiet beaches await visitors.'];
  if (j === 0) sentences.push('Link building is dull.');
  return {
    key: `b${j}`,
    url: `https://medium.com/@cook${j}/b${j}`,
    title: `Cooking at home ${j}`,
    authorUsername: j === 0 ? 'heidi' : `cook${j}`,
    authorName: null,
    claps: j === 0 ? 50 : 10 + j,
    publishedAt: null,
    tags: j < 2 ? ['seo'] : ['writing', 'marketing'],
    text: sentences.join(' '),
    stats: { words: 300, readingTimeMinutes: 1.2, fleschReadingEase: 70, subheadings: 0, images: 1 },
  };
}

const CORPUS: KeywordStory[] = [
  ...Array.from({ length: 8 }, (_, i) => nicheStory(i)),
  ...Array.from({ length: 8 }, (_, j) => backgroundStory(j)),
];
const QUERY = { seed: 'link building', tags: [] };
const WIDE: KeywordOptions = { limit: 100, competitionRows: 100 };

function run(
  stories: readonly KeywordStory[] = CORPUS,
  options: KeywordOptions = WIDE,
  query: { seed: string; tags: string[] } = QUERY,
): KeywordReport {
  return researchKeywords(stories, query, options);
}

function phrase(report: KeywordReport, key: string) {
  return report.phrases.find((p) => p.key === key);
}

function ids(report: KeywordReport): string[] {
  return report.warnings.map((w) => w.id);
}

describe('tagSlug', () => {
  it('writes Medium tag slugs', () => {
    expect(tagSlug('Link Building')).toBe('link-building');
    expect(tagSlug('  SEO_&  Marketing!! ')).toBe('seo-marketing');
    expect(tagSlug('--a -- b--')).toBe('a-b');
    expect(tagSlug('link-building')).toBe('link-building');
    expect(tagSlug('"Link Building"')).toBe('link-building');
    expect(tagSlug('?!')).toBe('');
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('researchKeywords: niche, tags and corpus', () => {
  const report = run();

  it('splits the corpus into niche (tag or title) and background', () => {
    expect(report.nicheTags).toEqual(['link-building']);
    expect(report.corpus).toEqual({ stories: 16, niche: 8, background: 8, withText: 16 });
    expect(report.warnings).toEqual([]);
  });

  it('computes related tags with lift over the whole corpus (values by hand)', () => {
    // niche = 8, corpus = 16.
    // outreach: together 2, in corpus 2 → confidence 2/8 = 0.25, lift 0.25 / (2/16) = 2.
    // seo: together 4 (N0–N3), in corpus 6 (+B0, B1) → confidence 0.5, lift 0.5 / (6/16) = 4/3.
    // writing: together 2 (N6, N7), in corpus 8 (+B2–B7) → confidence 0.25, lift 0.25 / (8/16) = 0.5.
    // marketing: together 1 (N0 only) < minNicheStories 2 → left out.
    expect(report.relatedTags).toEqual([
      { tag: 'outreach', together: 2, tagStories: 2, confidence: 0.25, lift: 2 },
      { tag: 'seo', together: 4, tagStories: 6, confidence: 0.5, lift: 1.3333 },
      { tag: 'writing', together: 2, tagStories: 8, confidence: 0.25, lift: 0.5 },
    ]);
  });

  it('adds user tags (slugged) to the niche and finds stories by title alone', () => {
    const titled: KeywordStory = { ...backgroundStory(7), key: 'titled', title: 'Why link building still works', tags: ['writing'] };
    const r = run([...CORPUS, titled], WIDE, { seed: 'link building', tags: ['Quiet Beaches'] });
    expect(r.nicheTags).toEqual(['quiet-beaches', 'link-building']);
    expect(r.corpus.niche).toBe(9);
    // Word forms count in titles too ("links" ~ "link", "building" ~ "building"), per word and in any order.
    const forms = run([...CORPUS, { ...titled, title: 'Building links that last' }]);
    expect(forms.corpus.niche).toBe(9);
    const other = run([...CORPUS, { ...titled, title: 'A link builder speaks' }]);
    // Porter2 stems "builder" to "builder", not "build": not a form of "building".
    expect(other.corpus.niche).toBe(8);
  });
});

describe('researchKeywords: terms and phrases', () => {
  const report = run();

  it('ranks a niche-only phrase above one that every story uses', () => {
    const guest = phrase(report, 'guest post');
    const content = phrase(report, 'content market');
    expect(guest).toMatchObject({ words: 2, nicheStories: 8, backgroundStories: 0 });
    expect(content).toMatchObject({ words: 2, nicheStories: 8, backgroundStories: 8 });
    expect((guest?.score ?? 0) > (content?.score ?? 0)).toBe(true);
    expect(report.phrases.indexOf(guest as never)).toBeLessThan(report.phrases.indexOf(content as never));
    // idf over all 16 stories: ln(1 + (16 − 16 + 0.5)/(16 + 0.5)) is tiny but positive.
    expect(content?.score).toBeGreaterThan(0);
  });

  it('merges word forms into one term and shows the most frequent form', () => {
    const backlink = report.terms.find((t) => t.key === 'backlink');
    expect(backlink).toMatchObject({ text: 'backlinks', nicheStories: 8, backgroundStories: 0, words: 1 });
    expect(report.terms.some((t) => t.text === 'backlink' && t !== backlink)).toBe(false);
  });

  it('never lets a phrase cross a sentence or a comma', () => {
    const all = [...report.phrases, ...report.terms];
    expect(all.some((p) => p.key.includes('copi rank'))).toBe(false);
    expect(all.some((p) => p.key.includes('tool budget'))).toBe(false);
    // Inside a sentence a 3-word phrase may have a function word in the middle.
    expect(phrase(report, 'budget and goal')).toMatchObject({ nicheStories: 8 });
    expect(phrase(report, 'write clear copi')).toMatchObject({ nicheStories: 8 });
  });

  it('never starts or ends a phrase with a function word, and lists no function word as a term', () => {
    expect(report.phrases.length).toBeGreaterThan(5);
    for (const p of report.phrases) {
      const words = p.text.split(' ');
      expect(words.length).toBe(p.words);
      expect(isFunctionWord(words[0] as string)).toBe(false);
      expect(isFunctionWord(words[words.length - 1] as string)).toBe(false);
    }
    for (const t of report.terms) expect(isFunctionWord(t.text)).toBe(false);
    expect(phrase(report, 'web win')).toBeDefined();
    expect(report.phrases.some((p) => p.text.startsWith('the ') || p.text.endsWith(' the'))).toBe(false);
  });

  it('drops a part of a longer phrase with the same niche stories and at least the same score', () => {
    // "guest" and "post" only occur as "guest posts": same stories, same tf and df as the phrase.
    expect(report.terms.find((t) => t.key === 'guest')).toBeUndefined();
    expect(report.terms.find((t) => t.key === 'post')).toBeUndefined();
    // "clear copy" only occurs in "write clear copy".
    expect(phrase(report, 'clear copi')).toBeUndefined();
    // "backlink" also occurs in other contexts (higher tf than any phrase around it): kept.
    expect(report.terms.find((t) => t.key === 'backlink')).toBeDefined();
    // "anchor text" (4 stories) is kept although "anchor" and "text" are not listed separately.
    expect(phrase(report, 'anchor text')).toMatchObject({ nicheStories: 4, backgroundStories: 0 });
    expect(report.terms.find((t) => t.key === 'anchor')).toBeUndefined();
  });

  it('keeps only grams seen in at least minNicheStories niche stories', () => {
    for (const t of [...report.terms, ...report.phrases]) expect(t.nicheStories).toBeGreaterThanOrEqual(KEYWORD_DEFAULTS.minNicheStories);
    const strict = run(CORPUS, { ...WIDE, minNicheStories: 5 });
    expect(phrase(strict, 'anchor text')).toBeUndefined();
    expect(phrase(strict, 'guest post')).toBeDefined();
  });

  it('sorts by score, then niche stories, then key, and honours the limit', () => {
    for (const list of [report.terms, report.phrases]) {
      for (let i = 1; i < list.length; i++) {
        const a = list[i - 1] as (typeof list)[number];
        const b = list[i] as (typeof list)[number];
        const ordered =
          a.score > b.score ||
          (a.score === b.score && (a.nicheStories > b.nicheStories || (a.nicheStories === b.nicheStories && a.key < b.key)));
        expect(ordered).toBe(true);
      }
    }
    const short = run(CORPUS, { limit: 2 });
    expect(short.terms).toEqual(report.terms.slice(0, 2));
    expect(short.phrases).toEqual(report.phrases.slice(0, 2));
    expect(short.relatedTags).toEqual(report.relatedTags.slice(0, 2));
  });
});

describe('researchKeywords: competition', () => {
  const report = run();

  it('puts the seed first and counts every story using it, in title or body', () => {
    const seed = report.competition[0];
    // N0–N7 (body) and B0 ("Link building is dull."); claps known: 100…700 and 50 → 8 values.
    expect(seed).toMatchObject({ text: 'link building', key: 'link build', stories: 9, topClaps: 700 });
    // Even count: mean of the two middle values (300 and 400).
    expect(seed?.medianClaps).toBe(350);
    expect(seed?.topAuthors).toEqual([
      { author: 'frank', stories: 1, claps: 700 },
      { author: 'erin', stories: 1, claps: 600 },
      { author: 'dave', stories: 1, claps: 500 },
    ]);
  });

  it('gives medians for odd counts and orders authors by claps, then stories, then name', () => {
    const guest = report.competition.find((c) => c.key === 'guest post');
    // N0–N7; N7's claps are unknown → 100…700, 7 values, median 400.
    expect(guest).toMatchObject({ stories: 8, medianClaps: 400, topClaps: 700 });
    const anchor = report.competition.find((c) => c.key === 'anchor text');
    // N0 (alice 100), N1 (bob 200), N2 (alice 300), N3 (carol 400): alice 400 over 2 stories beats carol 400 over 1.
    expect(anchor).toMatchObject({ stories: 4, medianClaps: 250, topClaps: 400 });
    expect(anchor?.topAuthors).toEqual([
      { author: 'alice', stories: 2, claps: 400 },
      { author: 'carol', stories: 1, claps: 400 },
      { author: 'bob', stories: 1, claps: 200 },
    ]);
    const content = report.competition.find((c) => c.key === 'content market');
    expect(content?.stories).toBe(16);
  });

  it('lists phrases before terms and stops after competitionRows', () => {
    const r = run(CORPUS, { competitionRows: 3 });
    expect(r.competition.length).toBe(4);
    expect(r.competition.slice(1).map((c) => c.key)).toEqual(r.phrases.slice(0, 3).map((p) => p.key));
    const keys = report.competition.map((c) => c.key);
    const lastPhrase = Math.max(...report.phrases.map((p) => keys.indexOf(p.key)));
    const firstTerm = Math.min(...report.terms.map((t) => keys.indexOf(t.key)).filter((i) => i >= 0));
    expect(lastPhrase).toBeLessThan(firstTerm);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches a term in any of its forms', () => {
    const backlink = report.competition.find((c) => c.key === 'backlink');
    expect(backlink?.stories).toBe(8);
  });
});

describe('researchKeywords: writing targets', () => {
  it('takes medians over the niche stories with the most claps that have statistics', () => {
    const t = run().targets;
    // N1 has no stats; N7's claps are unknown (sorted last): N6, N5, N4, N3, N2, N0, N7.
    expect(t?.basedOn).toBe(7);
    expect(t?.stories.map((s) => s.claps)).toEqual([700, 600, 500, 400, 300, 100, null]);
    // words 1701, 2000, 801, 1500, 1200, 1000, 900 → sorted …, 1200 (4th of 7).
    expect(t?.medianWords).toBe(1200);
    // minutes 6.4, 7.5, 3.1, 5.7, 4.5, 3.8, 3.4 → 4.5.
    expect(t?.medianReadingMinutes).toBe(4.5);
    // Flesch: N5 is null and ignored → 50, 70, 62, 58, 60, 65 → (60 + 62)/2 = 61.
    expect(t?.medianFleschReadingEase).toBe(61);
    // subheadings = story index: 6, 5, 4, 3, 2, 0, 7 → 4; images = index % 3: 0, 2, 1, 0, 2, 0, 1 → 1.
    expect(t?.medianSubheadings).toBe(4);
    expect(t?.medianImages).toBe(1);
  });

  it('rounds words to an integer and the rest to one decimal', () => {
    const t = run(CORPUS, { topStories: 4 }).targets;
    // N6, N5, N4, N3: words 1701, 2000, 801, 1500 → (1500 + 1701)/2 = 1600.5 → 1601.
    expect(t?.basedOn).toBe(4);
    expect(t?.medianWords).toBe(1601);
    // minutes 6.4, 7.5, 3.1, 5.7 → (5.7 + 6.4)/2 = 6.05 → one decimal.
    expect(t?.medianReadingMinutes).toBeCloseTo(6.1, 10);
    // Flesch 50, null, 70, 62 → 62.
    expect(t?.medianFleschReadingEase).toBe(62);
  });

  it('is null when no niche story has statistics', () => {
    const bare = CORPUS.map((s) => ({ ...s, stats: null }));
    expect(run(bare).targets).toBeNull();
  });
});

describe('researchKeywords: warnings and edge cases', () => {
  it('handles an empty corpus', () => {
    const r = run([]);
    expect(ids(r)).toEqual(['keywords.empty-corpus']);
    expect(r.corpus).toEqual({ stories: 0, niche: 0, background: 0, withText: 0 });
    expect(r.relatedTags).toEqual([]);
    expect(r.terms).toEqual([]);
    expect(r.phrases).toEqual([]);
    expect(r.targets).toBeNull();
    expect(r.competition).toEqual([
      { text: 'link building', key: 'link build', stories: 0, medianClaps: null, topClaps: null, topAuthors: [] },
    ]);
  });

  it('warns when no story is in the niche', () => {
    const r = run(CORPUS, WIDE, { seed: 'gardening', tags: [] });
    expect(ids(r)).toEqual(['keywords.no-niche']);
    expect(r.corpus.niche).toBe(0);
    expect(r.terms).toEqual([]);
    expect(r.relatedTags).toEqual([]);
    expect(r.targets).toBeNull();
    expect(r.competition).toHaveLength(1);
    expect(r.competition[0]?.stories).toBe(0);
  });

  it('warns when every story is in the niche (idf within the niche only)', () => {
    const r = run(CORPUS.slice(0, 8));
    expect(ids(r)).toEqual(['keywords.no-background']);
    expect(r.corpus.background).toBe(0);
    // Every tag's lift is then 1 (the niche is the corpus).
    expect(r.relatedTags.map((t) => t.lift)).toEqual(r.relatedTags.map(() => 1));
    expect(r.terms.length).toBeGreaterThan(0);
  });

  it('warns about a niche with too few stories with text and lowers the bar to 1', () => {
    const titleOnly: KeywordStory = { ...nicheStory(1), text: null, stats: null };
    const r = run([nicheStory(0), titleOnly, ...CORPUS.slice(8)]);
    expect(ids(r)).toEqual(['keywords.few-stories']);
    expect(r.warnings[0]?.params).toEqual({ niche: 1, needed: 2 });
    // Grams of the single niche story with a body are kept (bar 1); with one story every part of a longer
    // phrase has the same evidence, so the longest phrases remain ("guest posts open" ⊃ "guest posts").
    expect(phrase(r, 'guest post open')).toMatchObject({ nicheStories: 1, backgroundStories: 0 });
    expect(phrase(r, 'guest post')).toBeUndefined();
    expect([...r.terms, ...r.phrases].every((t) => t.nicheStories === 1)).toBe(true);
    expect(run([nicheStory(0), titleOnly, ...CORPUS.slice(8)], { ...WIDE, minNicheStories: 1 }).warnings).toEqual([]);
    // Related tags drop to the same bar only when the niche itself is that small (here 2 stories ≥ 2).
    expect(r.relatedTags.every((t) => t.together >= 2)).toBe(true);
  });

  it('works from titles alone when no story has a body', () => {
    const stories: KeywordStory[] = [
      { ...nicheStory(0), key: 't1', title: 'Link building tips', text: null, stats: null, claps: 10, tags: ['seo'] },
      {
        ...nicheStory(0),
        key: 't2',
        title: 'Link building for SaaS',
        text: null,
        stats: null,
        claps: 30,
        tags: ['seo'],
        authorUsername: 'bob',
      },
      { ...backgroundStory(2), key: 't3', title: 'Cooking at home', text: null, stats: null, claps: 5 },
    ];
    const r = run(stories);
    expect(ids(r)).toEqual(['keywords.no-text']);
    expect(r.corpus).toEqual({ stories: 3, niche: 2, background: 1, withText: 0 });
    expect(r.terms).toEqual([]);
    expect(r.phrases).toEqual([]);
    expect(r.relatedTags).toEqual([{ tag: 'seo', together: 2, tagStories: 2, confidence: 1, lift: 1.5 }]);
    expect(r.competition[0]).toMatchObject({ stories: 2, medianClaps: 20, topClaps: 30 });
    expect(r.competition[0]?.topAuthors.map((a) => a.author)).toEqual(['bob', 'alice']);
  });

  it('warns when the seed is made only of function words (it would match almost any title)', () => {
    const r = run(CORPUS, WIDE, { seed: 'of the', tags: [] });
    expect(ids(r)[0]).toBe('keywords.seed-function-words');
    expect(r.warnings[0]?.params).toEqual({ seed: 'of the' });
    expect(ids(run())).not.toContain('keywords.seed-function-words');
  });

  it('counts a story of a niche tag in the seed competition even when its text never spells the seed out', () => {
    const stories: KeywordStory[] = [
      { ...backgroundStory(0), key: 'tagged', title: 'Ten outreach emails that worked', text: 'Short and kind emails get answers.', stats: null, claps: 900, tags: ['link-building'], authorUsername: 'zoe' },
      { ...backgroundStory(1), key: 'other', title: 'Cooking at home', text: 'Slow cooking is kind to beans.', stats: null, claps: 5, tags: ['food'], authorUsername: 'yan' },
    ];
    const r = run(stories, WIDE, { seed: 'link building', tags: [] });
    expect(r.corpus.niche).toBe(1);
    expect(r.competition[0]).toMatchObject({ text: 'link building', stories: 1, topClaps: 900 });
    expect(r.competition[0]?.topAuthors.map((a) => a.author)).toEqual(['zoe']);
  });

  it('de-duplicates stories by key, keeping the one with more information', () => {
    const thin: KeywordStory = { ...nicheStory(2), text: null, claps: null, stats: null };
    const withDup = run([thin, ...CORPUS]);
    expect(withDup.corpus.stories).toBe(16);
    expect(withDup).toEqual(run());
    const reversed = run([...CORPUS, thin]);
    expect(reversed).toEqual(run());
    // Same text, claps known in one record only: the one with claps wins.
    const noClaps: KeywordStory = { ...nicheStory(3), claps: null };
    const r = run([noClaps, ...CORPUS]);
    expect(r.competition[0]?.topClaps).toBe(700);
    expect(r.targets?.stories.find((s) => s.title === nicheStory(3).title)?.claps).toBe(400);
  });

  it('is deterministic: shuffled input gives the identical report', () => {
    const shuffled = [...CORPUS].reverse();
    const rotated = [...CORPUS.slice(5), ...CORPUS.slice(0, 5)];
    const base = run();
    expect(run(shuffled)).toEqual(base);
    expect(run(rotated)).toEqual(base);
    expect(JSON.stringify(run(rotated))).toBe(JSON.stringify(base));
  });

  it('accepts a quoted (exact) seed', () => {
    const r = run(CORPUS, WIDE, { seed: '"Link Building"', tags: [] });
    expect(r.nicheTags).toEqual(['link-building']);
    expect(r.corpus.niche).toBe(8);
    expect(r.competition[0]).toMatchObject({ text: '"Link Building"', key: 'link build', stories: 9 });
  });

  it('rejects an empty seed and invalid options', () => {
    expect(() => researchKeywords(CORPUS, { seed: '  ', tags: [] })).toThrow(LinkwrightError);
    for (const bad of [{ limit: 0 }, { minNicheStories: 0 }, { b: 2 }, { k1: -1 }, { topStories: 1.5 }, { competitionRows: -1 }]) {
      try {
        researchKeywords(CORPUS, QUERY, bad);
        expect.unreachable(`accepted ${JSON.stringify(bad)}`);
      } catch (e) {
        expect(e).toBeInstanceOf(LinkwrightError);
        expect((e as LinkwrightError).code).toBe('INVALID_INPUT');
      }
    }
  });
});
