import { describe, expect, it } from 'vitest';
import { decideIndexability, isCanonicalElsewhere } from './indexability.js';

const base = {
  blocked: false,
  status: 200,
  headerRules: [] as string[],
  metaRules: [] as string[],
  canonicalHtml: null as string | null,
  canonicalHttp: null as string | null,
  finalUrl: 'https://medium.com/@a/story-1234567890ab',
};

describe('decideIndexability', () => {
  it('is indexable with no negative signal', () => {
    expect(decideIndexability(base)).toEqual({ indexable: true, reason: 'indexable' });
  });

  it('orders reasons: blocked > http-status > noindex-header > noindex-meta > canonical-elsewhere', () => {
    const all = {
      ...base,
      blocked: true,
      status: 404,
      headerRules: ['noindex'],
      metaRules: ['none'],
      canonicalHtml: 'https://elsewhere.example/p',
    };
    expect(decideIndexability(all).reason).toBe('blocked');
    expect(decideIndexability({ ...all, blocked: false }).reason).toBe('http-status');
    expect(decideIndexability({ ...all, blocked: false, status: 200 }).reason).toBe('noindex-header');
    expect(decideIndexability({ ...all, blocked: false, status: 200, headerRules: [] }).reason).toBe('noindex-meta');
    expect(decideIndexability({ ...all, blocked: false, status: 200, headerRules: [], metaRules: [] })).toEqual({
      indexable: false,
      reason: 'canonical-elsewhere',
    });
  });

  it('treats a saved file (status null) like a 200, and 3xx/5xx as http-status', () => {
    expect(decideIndexability({ ...base, status: null }).indexable).toBe(true);
    expect(decideIndexability({ ...base, status: 301 }).reason).toBe('http-status');
    expect(decideIndexability({ ...base, status: 503 }).reason).toBe('http-status');
  });

  it('uses the HTTP Link canonical too', () => {
    expect(decideIndexability({ ...base, canonicalHttp: 'https://mysite.example/original' }).reason).toBe('canonical-elsewhere');
  });
});

describe('isCanonicalElsewhere', () => {
  it('ignores case, default port, fragment and tracking parameters', () => {
    expect(
      isCanonicalElsewhere(
        'https://Medium.com:443/@a/story-1234567890ab#top',
        'https://medium.com/@a/story-1234567890ab?source=rss-abc------2',
      ),
    ).toBe(false);
    expect(isCanonicalElsewhere('https://medium.com/@a/story-1234567890ab?utm_source=x', 'https://medium.com/@a/story-1234567890ab')).toBe(
      false,
    );
  });
  it('a Medium story pointing at the author site is elsewhere', () => {
    expect(
      isCanonicalElsewhere(
        'https://justlaravel.com/how-to-implement-datatables-in-laravel/',
        'https://medium.com/justlaravel/how-to-1a2b3c4d5e6f',
      ),
    ).toBe(true);
  });
  it('no canonical is never elsewhere', () => {
    expect(isCanonicalElsewhere(null, 'https://x.example/')).toBe(false);
  });
});
