/**
 * Test-only child process: fetches one URL with a capped PoliteFetcher and reports memory growth as
 * JSON on stdout. Run as `node --expose-gc --import tsx memory-probe.test-support.ts <url> <capBytes>`
 * by polite-fetcher.limits.test.ts, so the figures come from a fresh process (clean baseline, RSS
 * not blurred by the test runner) and the hostile server runs in the parent, not here.
 *
 * Measured after a warm-up fetch, so JIT and lazily loaded code are not counted (see `measure`).
 */
import { PoliteFetcher } from './polite-fetcher.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');
const [url, capText] = process.argv.slice(2);
if (url === undefined || capText === undefined) throw new Error('usage: <url> <capBytes>');
const cap = Number(capText);

interface Figures {
  /** Growth of RSS and of Buffer memory (process.memoryUsage().arrayBuffers), in bytes. */
  rss: number;
  arrayBuffers: number;
  code: string | null;
  truncated: boolean | null;
  bodyBytes: number | null;
  wireBytes: number | null;
}

/** Full GC, then let V8's concurrent ArrayBuffer sweeper catch up so `arrayBuffers` is settled. */
async function settle(): Promise<NodeJS.MemoryUsage> {
  let last = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 10; i++) {
    gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const m = process.memoryUsage();
    if (m.arrayBuffers === last) return m;
    last = m.arrayBuffers;
  }
  return process.memoryUsage();
}

const kept: unknown[] = [];

/**
 * `peak`: growth sampled every 2 ms with no forced GC during the fetch — everything the process
 * holds, including received chunks V8 has not collected yet.
 * `retained`: growth measured around the fetch after a full GC, with the snapshot still referenced.
 */
async function measure(fetcher: PoliteFetcher): Promise<{ peak: Figures; retained: Figures }> {
  const base = await settle();
  let rss = 0;
  let arrayBuffers = 0;
  const sample = (): void => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - base.rss);
    arrayBuffers = Math.max(arrayBuffers, m.arrayBuffers - base.arrayBuffers);
  };
  const timer = setInterval(sample, 2);
  const outcome = {
    code: null as string | null,
    truncated: null as boolean | null,
    bodyBytes: null as number | null,
    wireBytes: null as number | null,
  };
  try {
    const snap = await fetcher.fetch(url as string);
    kept.push(snap); // reachable until the retained figure is taken
    outcome.truncated = snap.truncated;
    outcome.bodyBytes = snap.body.length;
  } catch (error) {
    const e = error as { code?: string; details?: { wireBytes?: number } };
    outcome.code = e.code ?? String(error);
    outcome.wireBytes = e.details?.wireBytes ?? null;
  } finally {
    sample();
    clearInterval(timer);
  }
  const after = await settle();
  const retained = { rss: after.rss - base.rss, arrayBuffers: after.arrayBuffers - base.arrayBuffers, ...outcome };
  kept.length = 0;
  return { peak: { rss, arrayBuffers, ...outcome }, retained };
}

const options = { allowPrivate: true, respectRobots: false, perHostDelayMs: 0, totalDeadlineMs: 20_000 };
const warm = new PoliteFetcher({ ...options, maxBodyBytes: 64 * 1024 });
await warm.fetch(url).catch(() => undefined);
await warm.close();
const fetcher = new PoliteFetcher({ ...options, maxBodyBytes: cap });
const figures = await measure(fetcher);
await fetcher.close();
process.stdout.write(`${JSON.stringify({ cap, ...figures })}\n`);
