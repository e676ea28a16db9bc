/**
 * R8 (reliability note §3): huge or hostile HTML. Outlinks are capped (5,000 per page; Heritrix 3's
 * `maxOutlinks` is 6,000), nothing recurses (10,000 nested elements parse without a stack overflow,
 * the depth kept is capped at 512 like Blink's parser), and every hostile pattern that makes naive
 * tree builders quadratic stays linear. Inputs are built in memory; time bounds are generous for a
 * busy 2-core CI machine.
 */
import { describe, expect, it } from 'vitest';
import { auditHtml } from '../audit/audit-html.js';
import { extractLinks, MAX_OUTLINKS } from './extract-links.js';
import { MAX_DEPTH, scanHtml } from './html-scan.js';

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe('R8 robustness', () => {
  it('1,000,000 links: capped at 5,000, flagged, bounded time', () => {
    const html = `<html><body><p>${'<a href="https://example.com/p">x</a> '.repeat(1_000_000)}</p></body></html>`;
    const { value: audit, ms } = timed(() => auditHtml(html, { url: 'https://blog.test/', allLinks: true }));
    console.log(`1M links (${(html.length / 1e6).toFixed(0)} M chars): ${ms.toFixed(0)} ms, ${audit.links.length} links kept`);
    expect(audit.links).toHaveLength(MAX_OUTLINKS);
    expect(audit.linksTruncated).toBe(true);
    expect(audit.links[4999]?.url).toBe('https://example.com/p');
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it('10,000 nested elements: no stack overflow, the deep link is still found', () => {
    const html = `${'<div>'.repeat(10_000)}<a href="https://deep.example/">deep</a>${'</div>'.repeat(10_000)}<a href="/after">after</a>`;
    const { value: audit, ms } = timed(() => auditHtml(html, { url: 'https://blog.test/', allLinks: true }));
    console.log(`10k nesting: ${ms.toFixed(0)} ms`);
    expect(audit.links.map((l) => l.url)).toEqual(['https://deep.example/', 'https://blog.test/after']);
    const scan = scanHtml(html);
    expect(scan.depthLimited).toBe(true);
    // Deepest node kept: parents precede children, so depths fill in one forward pass.
    const depth = new Int32Array(scan.nodeCount);
    let max = 0;
    for (let n = 1; n < scan.nodeCount; n++) {
      depth[n] = (depth[scan.parent[n] ?? 0] ?? 0) + 1;
      max = Math.max(max, depth[n] ?? 0);
    }
    expect(max).toBeGreaterThanOrEqual(MAX_DEPTH);
    expect(max).toBeLessThanOrEqual(MAX_DEPTH + 1);
    expect(ms).toBeLessThan(10_000);
  });

  it('patterns that are quadratic in naive tree builders stay fast', () => {
    const cases = [
      // unmatched end tags and list items below a deep inline chain
      `<p>${'<span>'.repeat(10_000)}${'</h1><li></em>'.repeat(10_000)}${'<a href=/z>z</a>'.repeat(5_000)}`,
      // formatting-element flood re-opened after every paragraph
      `${'<b><i><u><s>'.repeat(3_000)}${'<a href=/n>n</a><p>'.repeat(3_000)}text`,
      // misnested anchors in tables
      `${'<table><a href=/t>t<tr><td><a href=/u>u</td></tr>x</table>'.repeat(2_000)}`,
    ];
    for (const html of cases) {
      const { value: links, ms } = timed(() => extractLinks(html, { baseUrl: 'https://x.test/' }));
      expect(links.length).toBeGreaterThan(0);
      expect(ms).toBeLessThan(5_000);
    }
  });

  it('a 100 MB attribute and a 5 MB href do not break the pass', () => {
    const html = `<div data-blob="${'x'.repeat(100_000_000)}"><a href="https://ok.example/">ok</a></div><a href="https://x.example/${'y'.repeat(5_000_000)}">long</a>`;
    const { value: links, ms } = timed(() => extractLinks(html));
    console.log(`100 MB attribute: ${ms.toFixed(0)} ms`);
    // The 5 MB href is kept as written but not resolved: parseUrl refuses URLs over 2 MiB (Chromium's cap).
    expect(links.map((l) => l.url)).toEqual(['https://ok.example/', null]);
    expect(links[1]?.href.length).toBe('https://x.example/'.length + 5_000_000);
    expect(ms).toBeLessThan(20_000);
  }, 60_000);

  it('never throws on arbitrary byte soup', () => {
    let seed = 42;
    const rnd = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    const alphabet = [
      '<',
      '>',
      '/',
      'a',
      ' href=',
      '"',
      "'",
      '&amp;',
      '&',
      '#',
      'table',
      'td',
      'p',
      'svg',
      'math',
      '<!--',
      '-->',
      '<![CDATA[',
      'script',
      '=',
      'x',
      '\n',
      '\0',
      '<a href=/q>',
      '</a>',
      '<tr>',
      '<nobr>',
      '<template>',
      '<noscript>',
    ];
    for (let k = 0; k < 200; k++) {
      let s = '';
      const len = rnd() % 400;
      for (let i = 0; i < len; i++) s += alphabet[rnd() % alphabet.length];
      expect(() => auditHtml(s, { url: 'https://fuzz.test/', allLinks: true })).not.toThrow();
    }
  });
});
