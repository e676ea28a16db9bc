/**
 * The checker over every page of the readability corpus (../shared/corpora/readability-test-pages/<page>/
 * source.html.gz, Mozilla Readability's test pages): all three profiles, zero exceptions and zero
 * `error` results. Also measures how much of Readability's own extraction (expected.html.gz) our
 * main-content choice keeps (word recall), to catch a regression that would judge navigation instead of
 * the article. Prints page count and time.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { CONTENT_PROFILES } from './content-types.js';
import { parseHtmlDocument } from './html-document.js';
import { renderContentMessage } from './messages.js';
import { runContentCheck } from './runner.js';

const PARTS = ['corpora', 'readability-test-pages'];

function wordBag(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of text.toLowerCase().split(/\s+/)) if (w !== '') bag.set(w, (bag.get(w) ?? 0) + 1);
  return bag;
}

describeShared('content checker on the readability corpus', PARTS, () => {
  it('checks every page in every profile with 0 exceptions', () => {
    const root = requireSharedPath(...PARTS);
    const pages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
    expect(pages.length).toBeGreaterThan(50);
    const failures: string[] = [];
    let runs = 0;
    const started = performance.now();
    for (const page of pages) {
      const html = gunzipSync(readFileSync(join(root, page, 'source.html.gz'))).toString('utf8');
      for (const profile of CONTENT_PROFILES) {
        try {
          const doc = parseHtmlDocument(html, { url: `https://pages.example/${page}/` });
          const report = runContentCheck(doc, {
            profile,
            keyphrase: 'reading test',
            userSites: ['example.com'],
            previouslyUsed: [],
            knownTags: [],
          });
          for (const r of report.results) {
            if (r.status === 'error') failures.push(`${page} ${profile} ${r.id}: ${renderContentMessage(r.messageId, r.params)}`);
            renderContentMessage(r.messageId, r.params);
          }
          expect(report.seo.score).toBeGreaterThanOrEqual(0);
          runs++;
        } catch (err) {
          failures.push(`${page} ${profile}: ${err instanceof Error ? err.stack : String(err)}`);
        }
      }
    }
    const ms = performance.now() - started;
    console.log(
      `content checker: ${pages.length} corpus pages × ${CONTENT_PROFILES.length} profiles = ${runs} runs, ${failures.length} exceptions, ${ms.toFixed(0)} ms`,
    );
    expect(failures).toEqual([]);
  });

  it("keeps Readability's article text (word recall ≥ 0.9 on at least 95 % of pages)", () => {
    const root = requireSharedPath(...PARTS);
    const pages = readdirSync(root).filter((d) => statSync(join(root, d)).isDirectory());
    let good = 0;
    const low: string[] = [];
    for (const page of pages) {
      const source = gunzipSync(readFileSync(join(root, page, 'source.html.gz'))).toString('utf8');
      const expected = gunzipSync(readFileSync(join(root, page, 'expected.html.gz'))).toString('utf8');
      const mine = wordBag(
        parseHtmlDocument(source)
          .blocks.map((b) => b.text)
          .join(' '),
      );
      const ref = parseHtmlDocument(`<body>${expected}</body>`)
        .blocks.map((b) => b.text)
        .join(' ');
      let hit = 0;
      let total = 0;
      for (const w of ref.toLowerCase().split(/\s+/)) {
        if (w === '') continue;
        total++;
        const c = mine.get(w) ?? 0;
        if (c > 0) {
          hit++;
          mine.set(w, c - 1);
        }
      }
      const recall = total === 0 ? 1 : hit / total;
      if (recall >= 0.9) good++;
      else low.push(`${page}: ${recall.toFixed(2)}`);
    }
    console.log(`main-content word recall ≥ 0.9 on ${good}/${pages.length} pages${low.length > 0 ? ` (below: ${low.join(', ')})` : ''}`);
    expect(good / pages.length).toBeGreaterThanOrEqual(0.95);
  });
});
