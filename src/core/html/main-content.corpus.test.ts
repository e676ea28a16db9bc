/**
 * Quality bar on real article pages (../shared/corpora/readability-test-pages, reliability note §1.7):
 * links inside Readability's expected.html are `body`; every other source link is not. We classify
 * each source page with auditHtml (allLinks) and score body links with bench/support/body-links-eval.ts:
 * links matched per page by resolved URL and occurrence (multiset), summed over the corpus
 * (micro-average), `javascript:` links left out (Readability turns them into text). Bar: F1 ≥ 0.95.
 * Also: no page throws, and every page is processed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { type CorpusPage, READABILITY_TEST_URL, scoreCorpus } from '../../../bench/support/body-links-eval.js';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { auditHtml } from '../audit/audit-html.js';

describeShared('main content on the Readability test pages', ['corpora', 'readability-test-pages'], () => {
  it('classifies body links with F1 ≥ 0.95 and never throws', () => {
    const dir = requireSharedPath('corpora', 'readability-test-pages');
    const pages: CorpusPage[] = [];
    for (const name of readdirSync(dir).sort()) {
      const src = join(dir, name, 'source.html.gz');
      const exp = join(dir, name, 'expected.html.gz');
      if (!existsSync(src) || !existsSync(exp)) continue;
      pages.push({
        name,
        source: gunzipSync(readFileSync(src)).toString('utf8'),
        expected: gunzipSync(readFileSync(exp)).toString('utf8'),
      });
    }
    expect(pages.length).toBeGreaterThanOrEqual(80);
    const errors: string[] = [];
    const body = new Map<string, string[]>();
    for (const p of pages) {
      try {
        const audit = auditHtml(p.source, { url: READABILITY_TEST_URL, allLinks: true });
        body.set(
          p.name,
          audit.links.filter((l) => l.tag === 'a' && l.placement === 'body').map((l) => l.href),
        );
      } catch (e) {
        errors.push(`${p.name}: ${String(e)}`);
      }
    }
    expect(errors).toEqual([]);
    const score = scoreCorpus(pages, (p) => body.get(p.name) ?? []);
    const worst = score.pages
      .filter((p) => p.fp + p.fn > 0)
      .sort((a, b) => b.fp + b.fn - (a.fp + a.fn))
      .slice(0, 8)
      .map((p) => `${p.name} (fp ${p.fp}, fn ${p.fn})`);
    console.log(
      `readability corpus body links: F1 ${score.f1.toFixed(4)} (precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}; TP ${score.tp}, FP ${score.fp}, FN ${score.fn}) over ${pages.length} pages; largest misses: ${worst.join(', ')}`,
    );
    expect(score.f1).toBeGreaterThanOrEqual(0.95);
  });
});
