import { afterEach, describe, expect, it } from 'vitest';
import { PoliteFetcher } from '../fetch/polite-fetcher.js';
import { createFetcher } from './fetcher-flags.js';

const CONFIG = { db: ':memory:', mediumOrigin: 'https://medium.com' };
const made: PoliteFetcher[] = [];
afterEach(async () => {
  while (made.length > 0) await made.pop()?.close();
});

function fetcherWith(flags: Parameters<typeof createFetcher>[0]): PoliteFetcher {
  const f = createFetcher(flags, CONFIG);
  if (!(f instanceof PoliteFetcher)) throw new Error('expected a PoliteFetcher');
  made.push(f);
  return f;
}

describe('createFetcher --delay', () => {
  it('sets the gap for every host but never lowers medium.com below its 2 s (DESIGN §5)', () => {
    const f = fetcherWith({ delay: 1_000 });
    expect(f.configuredDelayFor('example.com')).toBe(1_000);
    expect(f.configuredDelayFor('medium.com')).toBe(2_000);
    expect(f.configuredDelayFor('writer.medium.com')).toBe(2_000);
    expect(f.configuredDelayFor('medium.com.')).toBe(2_000); // same host, trailing dot
    const slow = fetcherWith({ delay: 5_000 });
    expect(slow.configuredDelayFor('medium.com')).toBe(5_000);
    expect(slow.configuredDelayFor('example.com')).toBe(5_000);
  });

  it('refuses a delay under the public minimum without --allow-private', () => {
    expect(() => createFetcher({ delay: 10 }, CONFIG)).toThrow(/--allow-private/);
    expect(fetcherWith({ delay: 10, allowPrivate: true }).configuredDelayFor('127.0.0.1')).toBe(10);
  });
});
