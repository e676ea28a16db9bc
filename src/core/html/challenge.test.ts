import { describe, expect, it } from 'vitest';
import { challengeVerdict, detectChallengePage } from './challenge.js';

// A minimal interstitial in the shape Cloudflare serves (written for this test).
const INTERSTITIAL =
  '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title></head><body><div class="main-wrapper" role="main">' +
  '<h1>Verifying you are human.</h1></div><script>(function(){window._cf_chl_opt={cType:"managed"};var a=document.createElement("script");' +
  'a.src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=8";document.head.appendChild(a);}());</script></body></html>';

describe('detectChallengePage', () => {
  it('detects the interstitial live (403) and as a saved file (no status, no headers)', () => {
    expect(detectChallengePage(INTERSTITIAL, 403, { server: 'cloudflare' })).toBe(true);
    expect(detectChallengePage(INTERSTITIAL)).toBe(true);
    expect(challengeVerdict(INTERSTITIAL, 503).signal).toMatch(/cf_chl_|challenge-platform/);
  });

  it('honours the cf-mitigated: challenge header whatever the body', () => {
    expect(detectChallengePage('<html><body>ok</body></html>', 403, { 'CF-Mitigated': 'challenge' })).toBe(true);
  });

  it('detects the older cf-browser-verification page by title + marker', () => {
    expect(detectChallengePage('<title>Just a moment...</title><div id="cf-browser-verification">Checking</div>', 200, {})).toBe(true);
  });

  it('does not flag ordinary pages, even ones that quote the markup or use the words', () => {
    const blog = '<title>How Cloudflare challenges work</title><pre>window._cf_chl_opt = {}; /cdn-cgi/challenge-platform/</pre>';
    expect(detectChallengePage(blog, 200, { server: 'nginx' })).toBe(false);
    expect(detectChallengePage(blog)).toBe(false);
    expect(detectChallengePage('<title>Just a moment: a story</title><p>text</p>', 200, {})).toBe(false);
    // The interstitial title on a 200 from a non-Cloudflare origin with no markers is not enough…
    expect(detectChallengePage('<title>Just a moment...</title><p>loading</p>', 200, { server: 'nginx' })).toBe(false);
    // …but with a Cloudflare response header it is.
    expect(detectChallengePage('<title>Just a moment...</title><p>loading</p>', 200, { 'cf-ray': '8abc-LHR' })).toBe(true);
  });

  it('a challenge marker on an error status is blocked even without the title', () => {
    expect(detectChallengePage('<html><script src="/cdn-cgi/challenge-platform/x.js"></script></html>', 503)).toBe(true);
    expect(detectChallengePage('<html><p>Service unavailable</p></html>', 503)).toBe(false);
  });
});
