/**
 * Scoring body-link classification against the Readability test pages (shared corpus
 * readability-test-pages: source.html + expected.html, the article Readability extracts).
 *
 * Matching, shared by the test and the benchmark so both report the same figure:
 * - universe: the `<a href>` elements of source.html; "expected body" = the `<a href>` elements of
 *   expected.html. Links are matched by resolved URL and occurrence (multiset: a URL present twice must
 *   be predicted twice), per page, then summed (micro-average over all links of the corpus);
 * - URLs are resolved the way Readability's output was made: against the page's `<base href>` if any,
 *   else the test URL `http://fakehost/test/page.html` (Readability's test harness URL); expected.html
 *   hrefs are already absolute or page-relative and are resolved against the same test URL;
 * - `javascript:` links are left out on both sides: Readability replaces them with their text
 *   (`_fixRelativeUris`), so expected.html cannot contain them wherever they sit.
 */
import { extractLinks } from '../../src/core/html/extract-links.js';
import { f1Score, matchMultisets } from '../../src/core/html/link-multiset.js';

export const READABILITY_TEST_URL = 'http://fakehost/test/page.html';

export interface CorpusPage {
  name: string;
  source: string;
  expected: string;
}

export interface PageScore {
  name: string;
  tp: number;
  fp: number;
  fn: number;
  extra: string[];
  missing: string[];
}

export interface CorpusScore {
  pages: PageScore[];
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const JS_LINK = /^\s*javascript:/i;

export function resolveForMatch(href: string, base: string): string {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return `unresolvable:${href}`;
  }
}

/** Base URL of a source page as Readability saw it: first <base href> against the test URL. */
export function sourceBase(source: string): string {
  const base = extractLinks(source, { baseUrl: READABILITY_TEST_URL }).find((l) => l.tag === 'base');
  return base === undefined ? READABILITY_TEST_URL : resolveForMatch(base.href, READABILITY_TEST_URL);
}

/** The links of an extracted article (expected.html or a Readability output), resolved for matching. */
export function articleLinks(articleHtml: string): string[] {
  return extractLinks(articleHtml)
    .filter((l) => l.tag === 'a' && !JS_LINK.test(l.href))
    .map((l) => resolveForMatch(l.href, READABILITY_TEST_URL));
}

/**
 * Score a classifier: `bodyHrefs(page)` returns the hrefs (as written) of the source links it puts in
 * the body; they are resolved against the page base here.
 */
export function scoreCorpus(pages: readonly CorpusPage[], bodyHrefs: (page: CorpusPage) => string[]): CorpusScore {
  const out: PageScore[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const page of pages) {
    const base = sourceBase(page.source);
    const predicted = bodyHrefs(page)
      .filter((h) => !JS_LINK.test(h))
      .map((h) => resolveForMatch(h, base));
    const m = matchMultisets(predicted, articleLinks(page.expected));
    tp += m.tp;
    fp += m.fp;
    fn += m.fn;
    out.push({ name: page.name, tp: m.tp, fp: m.fp, fn: m.fn, extra: m.extra, missing: m.missing });
  }
  return { pages: out, tp, fp, fn, ...f1Score(tp, fp, fn) };
}
