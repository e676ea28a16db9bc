import { describe, expect, it } from 'vitest';
import { compileNiche, foldedCompound, foldedTokens, foldToken, matchNiche, rawTokens } from './niche-match.js';

describe('foldToken', () => {
  it('folds singular and plural to the same key', () => {
    const pairs: [string, string][] = [
      ['link', 'links'],
      ['strategy', 'strategies'],
      ['story', 'stories'],
      ['movie', 'movies'],
      ['cookie', 'cookies'],
      ['niche', 'niches'],
      ['cache', 'caches'],
      ['search', 'searches'],
      ['class', 'classes'],
      ['business', 'businesses'],
      ['crash', 'crashes'],
      ['box', 'boxes'],
      ['website', 'websites'],
      ['database', 'databases'],
      ['guide', 'guides'],
      ['tip', 'tips'],
      ['case', 'cases'],
      ['key', 'keys'],
      ['monkey', 'monkeys'],
      ['use', 'uses'],
      ['backlink', 'backlinks'],
    ];
    for (const [one, many] of pairs) expect(foldToken(many), `${one} / ${many}`).toBe(foldToken(one));
  });

  it('leaves short tokens, -ss/-us/-is endings and known non-plurals alone', () => {
    for (const t of [
      'css',
      'ads',
      'js',
      'ai',
      'seo',
      'analysis',
      'status',
      'express',
      'news',
      'series',
      'analytics',
      'ios',
      'kubernetes',
    ]) {
      expect(foldToken(t), t).toBe(t);
    }
    expect(foldToken('news')).not.toBe(foldToken('new'));
  });

  it('does not stem -ing or -ed (marketing is not market, building is not build)', () => {
    expect(foldToken('marketing')).not.toBe(foldToken('market'));
    expect(foldToken('building')).not.toBe(foldToken('build'));
    expect(foldToken('published')).not.toBe(foldToken('publish'));
  });
});

describe('tokenising', () => {
  it('splits on punctuation, lower-cases, strips accents and possessives', () => {
    expect(rawTokens('Link-building_tips: Google’s café & SEO!')).toEqual(['link', 'building', 'tips', 'google', 'cafe', 'seo']);
    expect(rawTokens("Google's guide")).toEqual(['google', 'guide']);
    expect(rawTokens('')).toEqual([]);
    expect(foldedTokens('Link Building Strategies')).toEqual(['link', 'building', 'strategi']);
    expect(foldedCompound('Back-Links')).toBe(foldedCompound('backlink'));
  });
});

describe('matchNiche', () => {
  const niche = compileNiche({ keywords: ['link building', 'SEO', 'backlinks'], tags: ['content-marketing'] });

  it('matches the issue examples: keyword "link building" ↔ tag "link-building" and title "Link-building tips"', () => {
    expect(matchNiche(niche, { title: null, tags: ['link-building'] })).toEqual({
      matched: true,
      terms: ['link building'],
      fields: ['tag'],
    });
    expect(matchNiche(niche, { title: 'Link-building tips', tags: [] })).toEqual({
      matched: true,
      terms: ['link building'],
      fields: ['title'],
    });
    expect(matchNiche(niche, { title: 'Ten link building strategies', tags: null })?.matched).toBe(true);
  });

  it('matches compounds written together or apart', () => {
    expect(matchNiche(niche, { title: null, tags: ['linkbuilding'] })?.terms).toEqual(['link building']);
    expect(matchNiche(niche, { title: 'How I earn back-links', tags: [] })?.terms).toEqual(['backlinks']);
    expect(matchNiche(niche, { title: 'One backlink a day', tags: [] })?.terms).toEqual(['backlinks']);
  });

  it('lets keywords match inside longer tags, and niche tags only whole tags', () => {
    expect(matchNiche(niche, { title: null, tags: ['local-seo'] })?.terms).toEqual(['SEO']);
    expect(matchNiche(niche, { title: null, tags: ['content-marketing'] })?.terms).toEqual(['content-marketing']);
    expect(matchNiche(niche, { title: null, tags: ['Content Marketing'] })?.terms).toEqual(['content-marketing']);
    expect(matchNiche(niche, { title: null, tags: ['content-marketing-tips'] })?.matched).toBe(false);
    // niche tags also match titles as phrases
    expect(matchNiche(niche, { title: 'Content marketing in 2025', tags: [] })?.terms).toEqual(['content-marketing']);
  });

  it('reports every matching term in niche order and both fields', () => {
    expect(matchNiche(niche, { title: 'SEO and link building', tags: ['seo'] })).toEqual({
      matched: true,
      terms: ['link building', 'SEO'],
      fields: ['tag', 'title'],
    });
  });

  it('does not match across token boundaries or on stems', () => {
    expect(matchNiche(niche, { title: 'Seoul travel diary', tags: ['travel'] })?.matched).toBe(false);
    expect(matchNiche(niche, { title: 'Building links between teams', tags: [] })?.matched).toBe(false);
    const marketing = compileNiche({ keywords: ['marketing'], tags: [] });
    expect(matchNiche(marketing, { title: 'The stock market today', tags: ['markets'] })?.matched).toBe(false);
  });

  it('returns null when a post has neither title nor tags', () => {
    expect(matchNiche(niche, { title: null, tags: null })).toBeNull();
    expect(matchNiche(niche, { title: '   ', tags: ['', '  '] })).toBeNull();
  });

  it('ignores empty or punctuation-only terms and duplicates', () => {
    expect(compileNiche({ keywords: ['', '  ', '—', 'SEO', 'seo'], tags: [] }).terms.map((t) => t.term)).toEqual(['SEO']);
    expect(compileNiche({ keywords: [], tags: [] }).terms).toEqual([]);
  });
});
