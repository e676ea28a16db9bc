/**
 * C6 (reliability §3): registrableDomain against publicsuffix/list `tests/test_psl.txt` — 100%.
 * Also (reliability §1.4) the list bundled in tldts is compared with `public_suffix_list.dat` from the
 * same commit as the tests, through a small reference implementation of the PSL algorithm
 * (https://publicsuffix.org/list/ "Algorithm"), and the differences are pinned as an explicit list.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { registrableDomain } from './registrable-domain.js';

/** Read shared data on first use, inside a test: describeShared may skip the block when it is absent. */
function lazy<T>(load: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: load() };
    return value.v;
  };
}

interface PslCase {
  input: string | null;
  expected_registrable_domain: string | null;
}

/**
 * Rules of the shared .dat (commit e8c9a2b) on which tldts 7.5.5's newer bundled list answers
 * differently for `a.b.<rule>`. All are PRIVATE-section entries that were added, removed or changed
 * between the two list versions; none affects test_psl.
 */
const TLDTS_LIST_DIFFERENCES: readonly string[] = [
  'aliases121.com',
  'gitapp.si',
  'imagine.diy',
  'imagine-proxy.work',
  'demo.datacenter.fi',
  'paas.datacenter.fi',
  'knightpoint.systems',
  'oya.to',
  'perspecta.cloud',
  'alpha-myqnapcloud.com',
  'dev-myqnapcloud.com',
  'replit.dev',
  'teams.replit.dev',
  'xnbay.com',
  'u2.xnbay.com',
  'u2-local.xnbay.com',
];

/** Reference PSL lookup over a .dat text: exact, wildcard and exception rules, implicit `*`. */
function makeReference(datText: string): { rules: string[]; registrable: (host: string) => string | null } {
  const exact = new Set<string>();
  const wildcard = new Set<string>();
  const exception = new Set<string>();
  const rules: string[] = [];
  const ascii = (name: string): string => new URL(`http://${name}/`).hostname;
  for (const raw of datText.split('\n')) {
    const rule = raw.trim().split(/\s/)[0] ?? '';
    if (rule === '' || rule.startsWith('//')) continue;
    rules.push(rule);
    if (rule.startsWith('!')) exception.add(ascii(rule.slice(1)));
    else if (rule.startsWith('*.')) wildcard.add(ascii(rule.slice(2)));
    else exact.add(ascii(rule));
  }
  const registrable = (host: string): string | null => {
    if (host.startsWith('.')) return null;
    const original = host.toLowerCase().split('.');
    const labels = ascii(host).split('.');
    let suffixLabels = 1; // the implicit "*" rule
    for (let i = 0; i < labels.length; i++) {
      const candidate = labels.slice(i).join('.');
      if (exception.has(candidate)) {
        suffixLabels = labels.length - i - 1;
        break;
      }
      if (exact.has(candidate) || (i + 1 < labels.length && wildcard.has(labels.slice(i + 1).join('.')))) {
        suffixLabels = Math.max(suffixLabels, labels.length - i);
      }
    }
    if (labels.length <= suffixLabels) return null;
    return original.slice(original.length - suffixLabels - 1).join('.');
  };
  return { rules, registrable };
}

describeShared('registrableDomain vs publicsuffix test_psl (C6)', ['conformance', 'public-suffix', 'test_psl.json'], () => {
  const data = lazy(
    () => JSON.parse(readFileSync(requireSharedPath('conformance', 'public-suffix', 'test_psl.json'), 'utf8')) as { cases: PslCase[] },
  );

  it('passes 100% of test_psl with the list bundled in tldts', () => {
    const misses = data().cases.filter((c) => registrableDomain(c.input as string) !== c.expected_registrable_domain);
    console.info(`[C6] registrableDomain vs test_psl (tldts list): ${data().cases.length - misses.length}/${data().cases.length}`);
    expect(data().cases.length).toBe(61);
    expect(misses).toEqual([]);
  });

  describeShared('tldts list vs the shared public_suffix_list.dat', ['conformance', 'public-suffix', 'public_suffix_list.dat'], () => {
    const reference = lazy(() =>
      makeReference(readFileSync(requireSharedPath('conformance', 'public-suffix', 'public_suffix_list.dat'), 'utf8')),
    );

    it('the reference implementation on the .dat passes 100% of test_psl (so it is a fair yardstick)', () => {
      const misses = data().cases.filter(
        (c) => (c.input === null ? null : reference().registrable(c.input)) !== c.expected_registrable_domain,
      );
      expect(misses).toEqual([]);
    });

    it('tldts agrees with the .dat on `a.b.<rule>` for every rule except the pinned list', () => {
      const differences: string[] = [];
      for (const rule of reference().rules) {
        const host = `a.b.${rule.replace(/^!/, '').replace(/^\*\./, 'w.')}`;
        if (registrableDomain(host) !== reference().registrable(host)) differences.push(rule.replace(/^[!]|^\*\./, ''));
      }
      console.info(
        `[C6] tldts vs public_suffix_list.dat: ${reference().rules.length - differences.length}/${reference().rules.length} rules agree; differ: ${differences.join(', ')}`,
      );
      expect(reference().rules.length).toBeGreaterThan(9000);
      expect(differences).toEqual(TLDTS_LIST_DIFFERENCES);
    });
  });
});
