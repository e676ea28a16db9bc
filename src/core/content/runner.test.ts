import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { aggregateReadability, aggregateSeo, overallRating, ratingForScore } from './aggregate.js';
import type { Assessment, AssessmentContext } from './assessments/assessment.js';
import { ASSESSMENTS, assessmentsFor } from './assessments/registry.js';
import { draft, paragraph } from './content.test-support.js';
import type { AssessmentResult } from './content-types.js';
import { renderContentMessage } from './messages.js';
import { runAssessments, runContentCheck } from './runner.js';

function result(rawScore: number, status: AssessmentResult['status'] = 'good', kind: AssessmentResult['kind'] = 'seo'): AssessmentResult {
  return {
    id: 'x',
    kind,
    status,
    score: Math.max(0, Math.min(9, rawScore)),
    rawScore,
    rating: status === 'good' || status === 'ok' || status === 'bad' ? ratingForScore(rawScore) : 'grey',
    messageId: 'x',
    params: {},
    measured: {},
  };
}

describe('aggregation (Yoast formulas)', () => {
  it('rates single scores: ≤ 4 red, 5–7 orange, 8–9 green', () => {
    expect([-50, 4, 5, 7, 8, 9].map(ratingForScore)).toEqual(['red', 'red', 'orange', 'orange', 'green', 'green']);
  });
  it('SEO: round(Σ ÷ (n × 9) × 100) — the docs example 3, 6, 9 gives 67', () => {
    expect(aggregateSeo([result(3, 'bad'), result(6, 'ok'), result(9)])).toEqual({ score: 67, rating: 'orange', counted: 3 });
  });
  it('SEO: negative scores pull the total down, clamped at 0; grey and n/a results are not counted', () => {
    expect(aggregateSeo([result(-999, 'bad'), result(9)]).score).toBe(0);
    expect(
      aggregateSeo([result(-50, 'bad'), result(9), result(9), result(9), result(9), result(9), result(9), result(9), result(9), result(9)])
        .score,
    ).toBe(Math.round(((9 * 9 - 50) / (10 * 9)) * 100));
    expect(aggregateSeo([result(9), result(0, 'info'), result(0, 'not-applicable'), result(0, 'error')])).toEqual({
      score: 100,
      rating: 'green',
      counted: 1,
    });
    expect(aggregateSeo([]).rating).toBe('grey');
  });
  it('readability: penalty red 3 / orange 2 → ≥ 6: 30, ≥ 4: 60, else 90', () => {
    const red = result(3, 'bad', 'readability');
    const orange = result(6, 'ok', 'readability');
    const green = result(9, 'good', 'readability');
    expect(aggregateReadability([red, red])).toMatchObject({ score: 30, penalty: 6 });
    expect(aggregateReadability([red, orange])).toMatchObject({ score: 60, penalty: 5 });
    expect(aggregateReadability([orange, orange])).toMatchObject({ score: 60, penalty: 4 });
    expect(aggregateReadability([red, green])).toMatchObject({ score: 90, penalty: 3, rating: 'green' });
    expect(aggregateReadability([orange])).toMatchObject({ score: 90, penalty: 2 });
  });
  it('overall rating: ≤ 40 red, 41–70 orange, > 70 green', () => {
    expect([40, 41, 70, 71].map(overallRating)).toEqual(['red', 'orange', 'orange', 'green']);
  });
});

describe('runContentCheck', () => {
  it('runs the profile sets', () => {
    const ids = (p: 'yoast' | 'rankmath' | 'medium') => assessmentsFor(p).map((a) => a.meta.id);
    expect(ids('yoast').some((id) => id.startsWith('medium-') || id.startsWith('rankmath-'))).toBe(false);
    expect(ids('rankmath')).toEqual(
      expect.arrayContaining(['rankmath-content-length', 'rankmath-permalink-length', 'keyphrase-in-title', 'flesch-reading-ease']),
    );
    expect(ids('rankmath')).not.toContain('text-length');
    expect(ids('medium')).toEqual(expect.arrayContaining(['medium-tags', 'medium-link-rel', 'text-length', 'passive-voice']));
    const report = runContentCheck(draft(paragraph(50), { keyphrase: 'river' }), { profile: 'medium' });
    expect(report.results.map((r) => r.id)).toEqual(ids('medium'));
    expect(report.medium).not.toBeNull();
    expect(runContentCheck(draft('x'), { profile: 'yoast' }).medium).toBeNull();
  });

  it('takes the keyphrase from the document unless overridden (null removes it)', () => {
    const doc = draft('River text.', { keyphrase: 'river' });
    expect(runContentCheck(doc, { profile: 'yoast' }).keyphrase).toBe('river');
    expect(runContentCheck(doc, { profile: 'yoast', keyphrase: 'stone' }).keyphrase).toBe('stone');
    const none = runContentCheck(doc, { profile: 'yoast', keyphrase: null });
    expect(none.keyphrase).toBeNull();
    expect(none.seo.score).toBe(0); // keyphrase-length −999
  });

  it('gives each assessment only the context it declares', () => {
    const seen: string[][] = [];
    const spy = (id: string, requires: Assessment['meta']['requires']): Assessment => ({
      meta: { id, title: id, kind: 'seo', profiles: ['yoast'], requires, english: false, defaults: {}, source: 'test' },
      run(_doc, ctx: AssessmentContext<Record<string, never>>) {
        seen.push(Object.keys(ctx).sort());
        return { score: 9, messageId: 'x' };
      },
      messages: {},
    });
    runAssessments(draft('Text.'), [spy('a', []), spy('b', ['keyphrase', 'userSites'])], {
      profile: 'yoast',
      keyphrase: 'text',
      userSites: ['a.com'],
      knownTags: ['t'],
      previouslyUsed: [],
    });
    expect(seen).toEqual([
      ['options', 'profile', 'text'],
      ['keyphrase', 'options', 'profile', 'text', 'userSites'],
    ]);
  });

  it('turns a throw into an error result for that assessment alone', () => {
    const boom: Assessment = {
      meta: { id: 'boom', title: 'boom', kind: 'seo', profiles: ['yoast'], requires: [], english: false, defaults: {}, source: 'test' },
      run() {
        throw new LinkwrightError('INVALID_INPUT', 'bad thing');
      },
      messages: {},
    };
    const ok = ASSESSMENTS.find((a) => a.meta.id === 'images-present');
    if (ok === undefined) throw new Error('missing');
    const report = runAssessments(draft('Text.'), [boom, ok], { profile: 'yoast' });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['boom', 'error'],
      ['images-present', 'bad'],
    ]);
    expect(report.results[0]?.params).toEqual({ code: 'INVALID_INPUT', message: 'bad thing' });
    expect(renderContentMessage('content.assessment-error', report.results[0]?.params)).toContain('INVALID_INPUT: bad thing');
    expect(report.seo.counted).toBe(1);
  });

  it('applies option overrides and rejects an unknown profile', () => {
    const doc = draft(paragraph(280));
    expect(runContentCheck(doc, { profile: 'yoast', only: ['text-length'] }).results[0]?.rawScore).toBe(6);
    expect(
      runContentCheck(doc, { profile: 'yoast', only: ['text-length'], overrides: { 'text-length': { recommended: 250 } } }).results[0]
        ?.rawScore,
    ).toBe(9);
    expect(() => runContentCheck(doc, { profile: 'wordpress' as 'yoast' })).toThrow(LinkwrightError);
  });

  it('marks English-only assessments not applicable for another language (from the document or the option)', () => {
    const doc = draft('Un texte court. Encore une phrase.');
    const fr = runContentCheck({ ...doc, lang: 'fr' }, { profile: 'yoast' });
    expect(fr.results.filter((r) => r.messageId === 'content.language-unsupported').map((r) => r.id)).toEqual([
      'function-words-in-keyphrase',
      'flesch-reading-ease',
      'consecutive-sentences',
      'passive-voice',
      'transition-words',
    ]);
    expect(
      runContentCheck(doc, { profile: 'yoast', locale: 'en-GB' }).results.some((r) => r.messageId === 'content.language-unsupported'),
    ).toBe(false);
  });

  it('reports text statistics', () => {
    const report = runContentCheck(draft(`## Part\n\n${paragraph(30)}\n\n![a](b.png)`), { profile: 'medium' });
    expect(report.stats).toMatchObject({ words: 31, sentences: 3, paragraphs: 1, subheadings: 1, images: 1, readingTimeMinutes: 1 });
  });
});
