import { describe, expect, it } from 'vitest';
import { challengeSignal, detectChallenge } from './challenge.js';

const cfPage =
  '<!DOCTYPE html><html><head><title>Just a moment...</title></head><body><noscript>Enable JavaScript and cookies to continue</noscript><script>window._cf_chl_opt={cvId:"3"};</script><script src="/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1"></script></body></html>';

describe('detectChallenge', () => {
  it('detects the cf-mitigated header on any status', () => {
    expect(detectChallenge(403, { 'cf-mitigated': ['challenge'] }, '')).toBe(true);
    expect(detectChallenge(200, { 'cf-mitigated': 'challenge' }, '<html></html>')).toBe(true);
    expect(challengeSignal(403, { 'cf-mitigated': ['challenge'] }, '')).toBe('cf-mitigated header');
  });

  it('detects challenge-platform markup on 403/503', () => {
    expect(detectChallenge(403, {}, cfPage)).toBe(true);
    expect(detectChallenge(503, { server: ['cloudflare'] }, cfPage)).toBe(true);
  });

  it('needs a Cloudflare response for the weak "Just a moment…" text', () => {
    const weak = '<html><head><title>Just a moment...</title></head><body>Checking</body></html>';
    expect(detectChallenge(503, { server: ['cloudflare'] }, weak)).toBe(true);
    expect(detectChallenge(503, { 'cf-ray': ['8a1b2c3d4e5f-CDG'] }, weak)).toBe(true);
    expect(detectChallenge(503, { server: ['nginx'] }, weak)).toBe(false);
    expect(detectChallenge(403, { server: ['cloudflare'] }, '<title>Attention Required! | Cloudflare</title>')).toBe(true);
  });

  it('is false for ordinary pages and errors', () => {
    expect(detectChallenge(200, { server: ['cloudflare'] }, cfPage)).toBe(false);
    expect(detectChallenge(404, {}, cfPage)).toBe(false);
    expect(detectChallenge(503, { server: ['cloudflare'] }, '<h1>Service unavailable</h1>')).toBe(false);
    expect(detectChallenge(403, {}, '<h1>Forbidden</h1>')).toBe(false);
  });
});
