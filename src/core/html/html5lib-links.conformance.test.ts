/**
 * Conformance: link extraction against ../shared/conformance/html5lib/link_extraction_cases.json
 * (derived from the html5lib tree-construction tests, reliability note §1.6 / C8). For each case the
 * extractor must report exactly the expected a/area/link/base hrefs, in document order, before URL
 * resolution, entity-decoded — as the spec DOM has them, including the extra `<a>` elements that the
 * adoption agency and the reconstruction of active formatting elements create, and foster-parented
 * links placed before their table. Pass bar 98% (C8 target 100%); every miss must be listed below.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { extractLinks } from './extract-links.js';

interface Case {
  source: string;
  input: string;
  fragment_context: string | null;
  scripting: 'on' | 'off' | null;
  expected_links: { tag: string; href: string }[];
}

/**
 * Cases we knowingly fail, by `source`, with the reason. Empty: all 77 cases pass. (Scripting: we parse
 * with scripting enabled, as browsers do; no case with hrefs depends on scripting being off.)
 */
const KNOWN_MISSES: Record<string, string> = {};

describeShared('html5lib link extraction cases', ['conformance', 'html5lib', 'link_extraction_cases.json'], () => {
  it('extracts exactly the expected hrefs in order (≥ 98%, misses listed)', () => {
    const file = requireSharedPath('conformance', 'html5lib', 'link_extraction_cases.json');
    const { cases } = JSON.parse(readFileSync(file, 'utf8')) as { cases: Case[] };
    expect(cases.length).toBeGreaterThan(50);
    const misses: string[] = [];
    for (const c of cases) {
      const got = extractLinks(c.input, c.fragment_context === null ? {} : { fragmentContext: c.fragment_context }).map(
        (l) => `${l.tag} ${l.href}`,
      );
      const want = c.expected_links.map((l) => `${l.tag} ${l.href}`);
      if (JSON.stringify(got) !== JSON.stringify(want)) misses.push(c.source);
    }
    const rate = (cases.length - misses.length) / cases.length;
    console.log(
      `html5lib link extraction: ${cases.length - misses.length}/${cases.length} = ${(rate * 100).toFixed(1)}%; misses: ${misses.join(', ') || 'none'}`,
    );
    expect(misses.sort()).toEqual(Object.keys(KNOWN_MISSES).sort());
    expect(rate).toBeGreaterThanOrEqual(0.98);
  });

  it('covers the hard cases: adoption agency clones and foster parenting', () => {
    // tests1.dat#79: the foster-parented <a href=blah> and its re-opened copy precede the table's link.
    expect(extractLinks('<table><a href="blah">aba<tr><td><a href="foo">br</td></tr>x</table>aoe').map((l) => l.href)).toEqual([
      'blah',
      'blah',
      'foo',
      'blah',
    ]);
    // tests26.dat#0: nobr misnesting clones the <a>.
    expect(
      extractLinks("<!DOCTYPE html><body><a href='#1'><nobr>1<nobr></a><br><a href='#2'><nobr>2<nobr></a>").map((l) => l.href),
    ).toEqual(['#1', '#2', '#2']);
  });
});
