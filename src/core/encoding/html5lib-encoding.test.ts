/**
 * C8 (reliability.md §3): charset sniffing against html5lib-tests `encoding/*.dat` (#data bytes →
 * expected #encoding). The bar is ≥ 95% for tests1.dat and test-yahoo-jp.dat; the per-file rate is
 * printed so the report can quote it. `scripted/` needs a JS engine (document.write) and is out of scope.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { sniffEncoding } from './decode-body.js';

interface EncodingCase {
  data: Buffer;
  expected: string;
}

/** Splits a .dat file into cases, keeping #data as raw bytes (latin1 round-trips every byte). */
function loadCases(file: string): EncodingCase[] {
  const text = readFileSync(file).toString('latin1');
  return text
    .split(/^#data\n/m)
    .slice(1)
    .map((chunk) => {
      const at = chunk.lastIndexOf('\n#encoding\n');
      if (at === -1) throw new Error(`malformed case in ${file}`);
      return {
        data: Buffer.from(chunk.slice(0, at), 'latin1'),
        expected: (chunk.slice(at + '\n#encoding\n'.length).split('\n')[0] ?? '').trim().toLowerCase(),
      };
    });
}

describeShared('html5lib encoding conformance (C8)', ['conformance', 'html5lib', 'encoding'], () => {
  for (const name of ['tests1.dat', 'test-yahoo-jp.dat']) {
    it(`${name}: ≥ 95% of cases sniff the expected encoding`, () => {
      const cases = loadCases(join(requireSharedPath('conformance', 'html5lib', 'encoding'), name));
      expect(cases.length).toBeGreaterThan(0);
      const failures: string[] = [];
      for (const c of cases) {
        const got = sniffEncoding(c.data, null).encoding;
        if (got !== c.expected)
          failures.push(`${JSON.stringify(c.data.toString('latin1').slice(0, 80))}: expected ${c.expected}, got ${got}`);
      }
      const rate = (cases.length - failures.length) / cases.length;
      console.info(`[html5lib encoding] ${name}: ${cases.length - failures.length}/${cases.length} (${(rate * 100).toFixed(1)}%)`);
      expect(failures, failures.join('\n')).toHaveLength(0);
      expect(rate).toBeGreaterThanOrEqual(0.95);
    });
  }
});
