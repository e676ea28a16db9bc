import { describe, expect, it } from 'vitest';
import { parseDuration, startMonitorSchedule } from './monitor-scheduler.js';

describe('parseDuration', () => {
  it('reads s/m/h/d and refuses anything under a second', () => {
    expect(parseDuration('24h')).toBe(86_400_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('1.5h')).toBe(5_400_000);
    expect(parseDuration('2s')).toBe(2_000);
    for (const bad of ['0s', '500ms', 'daily', '', '-1h']) expect(() => parseDuration(bad)).toThrow(/not a duration/);
  });
});

describe('startMonitorSchedule', () => {
  it('runs at once and then on the interval, never two runs at the same time, and stop waits for a run', async () => {
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let overruns = 0;
    const schedule = startMonitorSchedule({
      everyMs: 1_000,
      task: async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        // Each run takes longer than the interval: the ticks in between must be skipped, not stacked.
        await new Promise((r) => setTimeout(r, 1_600));
        active--;
      },
      onOverrun: () => overruns++,
    });
    await new Promise((r) => setTimeout(r, 3_900));
    await schedule.stop();
    expect(active).toBe(0);
    expect(maxActive).toBe(1);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(overruns).toBeGreaterThanOrEqual(1);
    const after = runs;
    await new Promise((r) => setTimeout(r, 1_200));
    expect(runs).toBe(after);
  }, 15_000);

  it('keeps going after a failed run and reports the error', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const schedule = startMonitorSchedule({
      everyMs: 1_000,
      task: async () => {
        runs++;
        throw new Error(`run ${runs} failed`);
      },
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 2_500));
    await schedule.stop();
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(errors.map((e) => (e as Error).message).slice(0, 2)).toEqual(['run 1 failed', 'run 2 failed']);
  }, 15_000);

  it('accepts a cron pattern and refuses a broken one or both kinds at once', () => {
    const schedule = startMonitorSchedule({ cron: '0 6 * * *', task: async () => {}, timezone: 'UTC' });
    const next = schedule.nextRun();
    expect(next?.getUTCHours()).toBe(6);
    expect(next?.getUTCMinutes()).toBe(0);
    void schedule.stop();
    expect(() => startMonitorSchedule({ cron: 'every day', task: async () => {} })).toThrow(/not a cron pattern/);
    expect(() => startMonitorSchedule({ cron: '* * * * *', everyMs: 1000, task: async () => {} })).toThrow(/exactly one/);
  });
});
