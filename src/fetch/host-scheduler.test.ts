import { describe, expect, it } from 'vitest';
import { HostScheduler } from './host-scheduler.js';
import { FakeClock } from './loopback.test-support.js';

describe('HostScheduler (fake clock)', () => {
  it('waits the delay after the end of the previous request, per host', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, (host) => (host === 'slow.test' ? 2_000 : 1_000));
    const log: string[] = [];
    const task = (name: string, duration: number) => async () => {
      log.push(`${name}@${clock.now()}`);
      clock.advance(duration);
      return name;
    };
    await Promise.all([
      s.run('a.test', task('a1', 100)),
      s.run('a.test', task('a2', 100)),
      s.run('slow.test', task('s1', 50)),
      s.run('slow.test', task('s2', 50)),
    ]);
    // a1 at 0 (ends 100); s1 starts at once on its own queue; a2 waits until 100 + 1000.
    expect(log).toContain('a1@0');
    const a2 = Number(log.find((l) => l.startsWith('a2@'))?.split('@')[1]);
    const s1End = Number(log.find((l) => l.startsWith('s1@'))?.split('@')[1]) + 50;
    const s2 = Number(log.find((l) => l.startsWith('s2@'))?.split('@')[1]);
    expect(a2).toBeGreaterThanOrEqual(1_100);
    expect(s2 - s1End).toBeGreaterThanOrEqual(2_000);
  });

  it('uses max(configured delay, Crawl-delay) and honours holdUntil', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 500);
    s.setCrawlDelay('h', 3_000);
    expect(s.delayFor('h')).toBe(3_000);
    await s.run('h', async () => undefined);
    const end = clock.now();
    await s.run('h', async () => undefined);
    expect(clock.sleeps.at(-1)).toBe(3_000);
    expect(s.pace('h').lastEndMs).toBe(end + 3_000);
    s.holdUntil('h', clock.now() + 60_000);
    expect(s.waitEstimate('h')).toBe(60_000);
    s.holdUntil('h', clock.now() + 10); // never shortens
    expect(s.waitEstimate('h')).toBe(60_000);
  });

  it('runs one task at a time per host', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 0);
    let inFlight = 0;
    let max = 0;
    const task = async () => {
      inFlight++;
      max = Math.max(max, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 6 }, () => s.run('one', task)));
    expect(max).toBe(1);
  });

  it('close() rejects queued work instead of leaving it pending', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 0);
    const gate = new Promise<void>((r) => setTimeout(r, 30));
    const first = s.run('h', () => gate);
    const queued = s.run('h', async () => 'ran');
    s.close(new Error('closed'));
    await expect(queued).rejects.toThrow('closed');
    await expect(s.run('h', async () => 'late')).rejects.toThrow('closed');
    await expect(first).rejects.toThrow('closed'); // callers are released at once
  });

  it('an abort while running releases the caller at once but keeps the host slot until the task ends', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 0);
    let finishFirst: () => void = () => {};
    const controller = new AbortController();
    const first = s.run('h', () => new Promise<void>((r) => (finishFirst = r)), controller.signal);
    await new Promise((r) => setTimeout(r, 5));
    let secondStarted = false;
    const second = s.run('h', async () => {
      secondStarted = true;
    });
    controller.abort(new Error('cancel'));
    await expect(first).rejects.toThrow('cancel');
    await new Promise((r) => setTimeout(r, 10));
    expect(secondStarted).toBe(false); // the aborted task has not finished yet
    finishFirst();
    await second;
    expect(secondStarted).toBe(true);
  });

  it('aborts a queued request with the signal', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 0);
    const gate = new Promise<void>((r) => setTimeout(r, 30));
    const first = s.run('h', () => gate);
    const controller = new AbortController();
    const second = s.run('h', async () => 'ran', controller.signal);
    controller.abort(new Error('stop'));
    await expect(second).rejects.toThrow();
    await first;
  });
});

describe('HostScheduler memory', () => {
  it('forgets idle hosts whose wait is over, keeps busy and held ones', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 1_000);
    for (let i = 0; i < 500; i++) await s.run(`h${i}.test`, async () => undefined);
    s.holdUntil('held.test', 60_000);
    let release = (): void => {};
    const busy = s.run('busy.test', () => new Promise<void>((resolve) => (release = resolve)));
    await Promise.resolve();
    clock.advance(5_000); // every finished host's 1 s delay is over
    s.sweep();
    expect(s.size).toBe(2);
    expect(s.pace('held.test').notBeforeMs).toBe(60_000);
    release();
    await busy;
    // A forgotten host behaves like one whose wait is over: no wait.
    const before = clock.sleeps.length;
    await s.run('h1.test', async () => undefined);
    expect(clock.sleeps.length).toBe(before);
  });

  it('sweeps by itself as new hosts keep coming', async () => {
    const clock = new FakeClock(0);
    const s = new HostScheduler(clock, () => 0);
    for (let i = 0; i < 5_000; i++) await s.run(`h${i}.test`, async () => undefined);
    expect(s.size).toBeLessThanOrEqual(1_001);
  });
});
