import { describe, expect, it } from 'vitest';
import { detectMediumBlocked } from './blocked.js';
import { MEDIUM_BLOCKED_ADVICE } from './medium-types.js';
import { CHALLENGE_HEADERS, CHALLENGE_STATUS, renderChallengePage } from './synthetic/challenge-page.js';
import { renderApollo3StoryPage } from './synthetic/story-page.js';
import { mainStory } from './test-fixtures/synthetic-world.js';

describe('detectMediumBlocked', () => {
  it('the synthetic challenge served as Cloudflare serves it', () => {
    const blocked = detectMediumBlocked(CHALLENGE_STATUS, { ...CHALLENGE_HEADERS, 'Retry-After': '120' }, renderChallengePage());
    expect(blocked).not.toBeNull();
    expect(blocked).toMatchObject({ state: 'blocked', code: 'MEDIUM_BLOCKED', advice: MEDIUM_BLOCKED_ADVICE, retryAfterMs: 120_000 });
    expect(blocked?.signals).toEqual(
      expect.arrayContaining([
        'header:cf-mitigated',
        'title:just a moment...',
        'script:_cf_chl_opt',
        'form:challenge-form',
        'element:challenge-running',
        'status:403',
      ]),
    );
  });

  it('a saved challenge page (no status, no headers) is recognised from its markup', () => {
    expect(detectMediumBlocked(null, null, renderChallengePage({ host: 'towardsdatascience.com' }))?.signals).toContain(
      'script:_cf_chl_opt',
    );
  });

  it('the cf-mitigated header alone is decisive; headers may be a Headers-like object', () => {
    const headers = { get: (name: string): string | null => (name === 'cf-mitigated' ? 'challenge' : null) };
    expect(detectMediumBlocked(403, headers, '')?.signals).toEqual(['header:cf-mitigated', 'status:403']);
  });

  it('a 403 from Cloudflare without Medium content counts; a 200 Medium page does not', () => {
    expect(detectMediumBlocked(403, { server: 'cloudflare' }, '<html><body>Sorry, you have been blocked</body></html>')?.signals).toContain(
      'server:cloudflare',
    );
    const page = renderApollo3StoryPage(mainStory());
    expect(detectMediumBlocked(200, { server: 'cloudflare' }, page)).toBeNull();
    expect(detectMediumBlocked(403, { server: 'cloudflare' }, page)).toBeNull();
  });

  it('a story whose text quotes the challenge markers is not a challenge', () => {
    const story = mainStory();
    story.title = 'Just a moment...';
    story.paragraphs = [{ name: 'abcd', type: 'P', text: 'window._cf_chl_opt and /cdn-cgi/challenge-platform/ and id="challenge-form"' }];
    expect(detectMediumBlocked(200, {}, renderApollo3StoryPage(story))).toBeNull();
  });

  it('an "Attention Required! | Cloudflare" page without Medium markers is blocked', () => {
    expect(
      detectMediumBlocked(null, {}, '<html><head><title>Attention Required! | Cloudflare</title></head><body></body></html>')?.signals,
    ).toEqual(['title:attention required! | cloudflare']);
  });
});
