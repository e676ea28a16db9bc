/**
 * Benchmark: the content checker (parse → language analysis → every assessment → aggregation) in
 * articles per second over ../shared/corpora/readability-test-pages, side by side with Yoast's own
 * analysis library `yoastseo` (GPL-3.0, a devDependency used only here, never shipped) on the same
 * articles in the same run. Goal: ≥ 5× yoastseo's speed.
 *
 * Inputs, identical for both: each page's article HTML (Readability's `expected.html.gz`, i.e. the post
 * content Yoast analyses inside WordPress), keyphrase "reading test", with a title, description and slug.
 *   - ours: `parseHtmlDocument` + `runContentCheck` (profile `yoast`: 18 SEO + 8 readability checks);
 *   - yoastseo 3.x: `new Paper` + `build` (its HTML tree) + `SeoAssessor` + `ContentAssessor`, the way
 *     its AnalysisWebWorker does it, both overall scores computed.
 * Also timed: ours on the full source pages (main-content extraction included), and the one-time model
 * load. A sanity figure compares the Flesch reading ease both compute on the same articles.
 *
 * Run: `npx tsx bench/content-check.bench.ts` (or `npm run bench -- content`). Rounds for ours:
 * LINKWRIGHT_BENCH_ROUNDS (default 5, median reported); yoastseo is ~40× slower and runs
 * LINKWRIGHT_BENCH_YOAST_ROUNDS rounds (default 1). Nothing touches the network.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseHtmlDocument, runContentCheck } from '../src/core/content/index.js';
import { wink } from '../src/core/content/language/wink.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedRoot = process.env.LINKWRIGHT_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
const require = createRequire(import.meta.url);

const KEYPHRASE = 'reading test';
const META = { title: 'Reading test article', description: 'A page of the readability test corpus.', slug: 'reading-test' };

function envInt(name: string, fallback: number): number {
  const n = Number(process.env[name] ?? String(fallback));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

interface Page {
  name: string;
  source: string;
  article: string;
}

function loadPages(): Page[] | null {
  const dir = join(sharedRoot, 'corpora', 'readability-test-pages');
  if (!existsSync(dir)) return null;
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort()
    .map((d) => ({
      name: d,
      source: gunzipSync(readFileSync(join(dir, d, 'source.html.gz'))).toString('utf8'),
      article: gunzipSync(readFileSync(join(dir, d, 'expected.html.gz'))).toString('utf8'),
    }));
}

function articleHtml(p: Page): string {
  return `<html><head><title>${META.title}</title><meta name="description" content="${META.description}"></head><body><article>${p.article}</article></body></html>`;
}

function runOurs(html: string): { seo: number; readability: number; flesch: number | null } {
  const doc = parseHtmlDocument(html, { url: `https://example.com/${META.slug}` });
  const r = runContentCheck(doc, { profile: 'yoast', keyphrase: KEYPHRASE, previouslyUsed: [] });
  return { seo: r.seo.score, readability: r.readability.score, flesch: r.stats.fleschReadingEase };
}

interface Yoast {
  run(html: string): { seo: number; readability: number; flesch: number | null };
  version: string;
}

/** Load yoastseo through createRequire (it is CommonJS). Returns the reason when it cannot run. */
function loadYoast(): Yoast | string {
  let base: string;
  try {
    base = dirname(require.resolve('yoastseo/package.json'));
  } catch {
    return 'yoastseo is not installed (npm install yoastseo@^3.6.0 --save-dev to compare)';
  }
  try {
    const version = (JSON.parse(readFileSync(join(base, 'package.json'), 'utf8')) as { version: string }).version;
    const y = require(join(base, 'build/index.js')) as {
      Paper: new (text: string, attrs: Record<string, string>) => { setTree(tree: unknown): void };
      SeoAssessor: new (researcher: unknown) => { assess(p: unknown): void; calculateOverallScore(): number };
      ContentAssessor: new (researcher: unknown) => { assess(p: unknown): void; calculateOverallScore(): number };
    };
    const Researcher = (
      require(join(base, 'build/languageProcessing/languages/en/Researcher.js')) as {
        default: new (p: unknown) => { getResearch(n: string): unknown };
      }
    ).default;
    const LanguageProcessor = (require(join(base, 'build/parse/language/LanguageProcessor.js')) as { default: new (r: unknown) => unknown })
      .default;
    const { build } = require(join(base, 'build/parse/build/index.js')) as { build: (p: unknown, lp: unknown) => unknown };
    const run = (html: string) => {
      const paper = new y.Paper(html, {
        keyword: KEYPHRASE,
        title: META.title,
        description: META.description,
        slug: META.slug,
        locale: 'en_US',
      });
      const researcher = new Researcher(paper);
      paper.setTree(build(paper, new LanguageProcessor(researcher)));
      const seo = new y.SeoAssessor(researcher);
      seo.assess(paper);
      const content = new y.ContentAssessor(researcher);
      content.assess(paper);
      const f = researcher.getResearch('getFleschReadingScore') as { score?: number } | undefined;
      return {
        seo: seo.calculateOverallScore(),
        readability: content.calculateOverallScore(),
        flesch: typeof f?.score === 'number' ? f.score : null,
      };
    };
    run('<p>Warm-up text for the analysis.</p>');
    return { run, version };
  } catch (err) {
    return `yoastseo could not run on Node ${process.version}: ${err instanceof Error ? err.message : String(err)}`;
  }
}

export async function runContentCheckBench(): Promise<void> {
  const pages = loadPages();
  if (pages === null) {
    console.log('readability-test-pages corpus not found under ../shared; skipped');
    return;
  }
  const rounds = envInt('LINKWRIGHT_BENCH_ROUNDS', 5);
  const yoastRounds = envInt('LINKWRIGHT_BENCH_YOAST_ROUNDS', 1);
  const articles = pages.map(articleHtml);

  let t = performance.now();
  wink();
  console.log(`wink model load (once per process): ${(performance.now() - t).toFixed(0)} ms`);
  // Warm-up (JIT, caches) before timing.
  for (const a of articles) runOurs(a);

  const oursArticle: number[] = [];
  const oursSource: number[] = [];
  for (let r = 0; r < rounds; r++) {
    t = performance.now();
    for (const a of articles) runOurs(a);
    oursArticle.push(performance.now() - t);
    t = performance.now();
    for (const p of pages) runOurs(p.source);
    oursSource.push(performance.now() - t);
  }
  const oursMs = median(oursArticle);
  const oursPerSec = (pages.length / oursMs) * 1000;
  console.log(`pages: ${pages.length}; rounds: ${rounds} (median)`);
  console.log(
    `linkwright, article HTML:   ${oursMs.toFixed(0)} ms → ${oursPerSec.toFixed(1)} articles/s (${(oursMs / pages.length).toFixed(1)} ms/article)`,
  );
  const srcMs = median(oursSource);
  console.log(
    `linkwright, full pages:     ${srcMs.toFixed(0)} ms → ${((pages.length / srcMs) * 1000).toFixed(1)} articles/s (main-content extraction included)`,
  );

  const yoast = loadYoast();
  if (typeof yoast === 'string') {
    console.log(`yoastseo: not compared — ${yoast}`);
    return;
  }
  const yoastTimes: number[] = [];
  let yoastErrors = 0;
  const yoastFlesch: (number | null)[] = [];
  for (let r = 0; r < yoastRounds; r++) {
    t = performance.now();
    for (let i = 0; i < articles.length; i++) {
      try {
        const y = yoast.run(articles[i] as string);
        if (r === 0) yoastFlesch[i] = y.flesch;
      } catch {
        if (r === 0) yoastErrors++;
      }
    }
    yoastTimes.push(performance.now() - t);
  }
  const fleschDiffs: number[] = [];
  articles.forEach((a, i) => {
    const y = yoastFlesch[i];
    const ours = runOurs(a).flesch;
    if (y !== null && y !== undefined && ours !== null) fleschDiffs.push(Math.abs(y - ours));
  });
  const yoastMs = median(yoastTimes);
  const yoastPerSec = (pages.length / yoastMs) * 1000;
  console.log(
    `yoastseo ${yoast.version}:            ${yoastMs.toFixed(0)} ms → ${yoastPerSec.toFixed(2)} articles/s (${(yoastMs / pages.length).toFixed(0)} ms/article), ${yoastErrors} errors`,
  );
  const ratio = oursPerSec / yoastPerSec;
  console.log(
    `ratio: linkwright is ${ratio.toFixed(1)}× yoastseo's speed on the same articles (goal ≥ 5×: ${ratio >= 5 ? 'met' : 'MISSED'})`,
  );
  if (fleschDiffs.length > 0) {
    console.log(
      `Flesch reading ease, |ours − yoastseo| over ${fleschDiffs.length} articles: median ${median(fleschDiffs).toFixed(1)}, max ${Math.max(...fleschDiffs).toFixed(1)}`,
    );
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runContentCheckBench();
}
