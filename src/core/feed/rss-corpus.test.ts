/**
 * Real feeds (../shared/corpora/rss-feeds: the rss-parser project's captured inputs — Guardian, heise, Reddit,
 * Craigslist, FeedBurner, podcasts, RSS 0.91/1.0/2.0 and Atom, an ISO-8859-1 feed): every one must parse.
 * Bytes are decoded the way the fetcher does (decodeBody with an XML type: BOM, then `<?xml encoding?>`, else UTF-8).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { decodeBody } from '../encoding/decode-body.js';
import type { FeedDocument } from './feed-types.js';
import { parseFeed } from './parse-feed.js';

const HTTP_URL = /^https?:\/\/[^\s/]+/;

describeShared('rss-feeds corpus', ['corpora', 'rss-feeds'], () => {
  it('parses every feed, with titles, entries and absolute links', () => {
    const dir = requireSharedPath('corpora', 'rss-feeds');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.gz'))
      .sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    const rows: string[] = [];
    const parsed: Array<{ file: string; doc: FeedDocument }> = [];
    let entries = 0;
    let links = 0;
    for (const file of files) {
      const bytes = gunzipSync(readFileSync(join(dir, file)));
      const { text, encoding } = decodeBody(bytes, 'application/xml');
      const url = `https://feeds.example/${file.replace(/\.gz$/, '')}`;
      const t0 = performance.now();
      const doc = parseFeed(text, { url }); // throws (and fails the test) on any document we cannot read
      const ms = performance.now() - t0;
      parsed.push({ file, doc });
      const contentLinks = doc.entries.reduce((n, e) => n + e.content.reduce((m, c) => m + (c.value.match(/<a\s/gi)?.length ?? 0), 0), 0);
      entries += doc.entries.length;
      links += contentLinks;
      rows.push(
        `  ${file.padEnd(30)} ${doc.version.padEnd(8)} ${encoding.padEnd(13)} ${String(doc.entries.length).padStart(4)} entries ` +
          `${String(contentLinks).padStart(5)} <a> in content  ${ms.toFixed(1).padStart(6)} ms  ${doc.warnings.length} warnings`,
      );
    }
    console.log(
      `rss-feeds corpus: ${parsed.length}/${files.length} parsed, ${entries} entries, ${links} content links\n${rows.join('\n')}`,
    );
    expect(parsed).toHaveLength(files.length);
    for (const { file, doc } of parsed) {
      expect(doc.title, file).toBeTruthy();
      expect(doc.entries.length, file).toBeGreaterThan(0);
      expect(doc.entryCount, file).toBe(doc.entries.length);
      for (const entry of doc.entries) {
        if (entry.link !== null) expect(entry.link, file).toMatch(HTTP_URL);
        for (const l of entry.links) expect(l.href, file).toMatch(/^[a-z][a-z0-9+.-]*:/i);
        if (entry.published !== null) expect(entry.published, file).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      }
    }
    // Spot checks on feeds whose shape we know.
    const byName = new Map(parsed.map((p) => [p.file, p.doc]));
    expect(byName.get('rss-1.rss.gz')?.format).toBe('rdf');
    expect(byName.get('feedburner.atom.gz')?.version).toBe('atom10');
    expect(byName.get('heraldsun.rss.gz')?.version).toBe('rss092');
    // encoding.rss declares ISO-8859-1; its Portuguese text must come through decoded, not as U+FFFD.
    const latin = byName.get('encoding.rss.gz');
    expect(JSON.stringify(latin)).not.toContain('\uFFFD');
    expect(JSON.stringify(latin)).toMatch(/[ãçéõá]/);
  });
});
