import { describe, expect, it } from 'vitest';
import { systemFetchClock } from './fetch-clock.js';

describe('systemFetchClock.sleep', () => {
  it('sleeps past setTimeout’s 24.8-day limit instead of firing after 1 ms, and stays abortable', async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w.name);
    };
    process.on('warning', onWarning);
    try {
      const controller = new AbortController();
      let settled = false;
      const sleeping = systemFetchClock.sleep(60 * 24 * 3_600_000, controller.signal).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 50));
      expect(settled).toBe(false);
      const reason = new Error('stop');
      controller.abort(reason);
      await expect(sleeping).rejects.toBe(reason);
      expect(warnings).not.toContain('TimeoutOverflowWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('resolves short sleeps on time and at once for zero', async () => {
    const started = Date.now();
    await systemFetchClock.sleep(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(29);
    await expect(systemFetchClock.sleep(0)).resolves.toBeUndefined();
  });
});
