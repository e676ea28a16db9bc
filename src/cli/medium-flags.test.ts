import { describe, expect, it } from 'vitest';
import { CliExit } from './cli-io.js';
import { readConfig } from './config.js';
import { createMediumTools, MEDIUM_MIN_DELAY_MS } from './medium-flags.js';

const clock = { now: () => 0 };

describe('createMediumTools', () => {
  it('points every Medium URL at LINKWRIGHT_MEDIUM_ORIGIN', async () => {
    const config = readConfig({ LINKWRIGHT_MEDIUM_ORIGIN: 'http://127.0.0.1:4010', LINKWRIGHT_DB: ':memory:' }, '/tmp');
    const tools = createMediumTools({}, config, clock);
    expect(tools.source.tagFeedUrl('seo')).toBe('http://127.0.0.1:4010/feed/tag/seo');
    await tools.fetcher.close();
    const real = createMediumTools({}, readConfig({ LINKWRIGHT_DB: ':memory:' }, '/tmp'), clock);
    expect(real.source.profileUrl('ada')).toBe('https://medium.com/@ada');
    await real.fetcher.close();
  });

  it(`refuses a --delay below ${MEDIUM_MIN_DELAY_MS} ms for Medium unless the server is the user's own`, async () => {
    const config = readConfig({ LINKWRIGHT_DB: ':memory:' }, '/tmp');
    expect(() => createMediumTools({ delay: 1500 }, config, clock)).toThrow(CliExit);
    expect(() => createMediumTools({ delay: 1500 }, config, clock)).toThrow(/2000 ms/);
    const own = createMediumTools({ delay: 0, allowPrivate: true }, config, clock);
    await own.fetcher.close();
    const slow = createMediumTools({ delay: 3000 }, config, clock);
    await slow.fetcher.close();
  });
});
