/**
 * Property test: wherever fastResolve answers, it must equal the WHATWG parser (`new URL`) exactly —
 * on edge cases and on every href of the shared corpora.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { describeShared, requireSharedPath } from '../../../test/support/shared-data.js';
import { extractLinks } from './extract-links.js';
import { fastResolve } from './fast-url.js';

const BASES = ['https://www.example.com/section/page.html', 'http://example.org:8080/a/b/', 'https://sub.example.co.uk'];

function reference(href: string, base: string): { url: string; host: string } | null {
  try {
    const u = new URL(href, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return { url: u.href, host: u.hostname };
  } catch {
    return null;
  }
}

function check(href: string): string | null {
  for (const b of BASES) {
    const base = new URL(b);
    const fast = fastResolve(href, base);
    if (fast === null) continue;
    const ref = reference(href, b);
    if (ref === null || ref.url !== fast.url || ref.host !== fast.host)
      return `${href} @ ${b}: fast ${JSON.stringify(fast)} vs ${JSON.stringify(ref)}`;
  }
  return null;
}

describe('fastResolve agrees with the WHATWG URL parser', () => {
  const edge = [
    'https://example.com',
    'https://example.com?q=1',
    'https://example.com#f',
    'https://Example.com/',
    'https://example.com./x',
    'https://example.com:443/x',
    'https://user@example.com/',
    'https://127.0.0.1/x',
    'https://1.2.3.4.5/',
    'https://0x7f.1/',
    'https://xn--bcher-kva.de/',
    'https://xn--a.com/',
    'https://ex_ample.com/',
    'https://example.com/a/../b',
    'https://example.com/a/./b',
    'https://example.com/a/%2e%2E/b',
    'https://example.com/a/..',
    'https://example.com/a b',
    'https://example.com/a\\b',
    'https://example.com/a"b<c>d`e{f}g',
    "https://example.com/it's?q='x'#'y'",
    'https://example.com/p?q=`{}`#`x`',
    'https://example.com/p?#',
    'https://example.com/p/%zz/%41',
    'https://example.com/ü',
    'https://example.com/\tx',
    'https://example.com/[a]^|',
    'http://example.com/x',
    '/root/path?x=1#y',
    '/',
    '//cdn.example.com/lib.js',
    '//cdn.example.com',
    '/../x',
    '/a/./b',
    'relative/path',
    '#frag',
    '?q=1',
    'mailto:a@b.c',
    'HTTPS://example.com/',
    ' https://example.com/',
  ];
  it('on edge cases (answers only when exact)', () => {
    const bad = edge.map(check).filter((x) => x !== null);
    expect(bad).toEqual([]);
    // …and it does answer for the plain cases.
    expect(fastResolve('https://example.com/a?b#c', null)).toEqual({ url: 'https://example.com/a?b#c', host: 'example.com' });
    expect(fastResolve('https://example.com', null)?.url).toBe('https://example.com/');
    expect(fastResolve('/x', new URL('http://h.example:8080/a'))).toEqual({ url: 'http://h.example:8080/x', host: 'h.example' });
  });
});

describeShared('fastResolve on every corpus href', ['corpora', 'htmlparser-benchmark-pages'], () => {
  it('never disagrees with new URL()', () => {
    const dir = requireSharedPath('corpora', 'htmlparser-benchmark-pages');
    const bad: string[] = [];
    let answered = 0;
    let total = 0;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz'))) {
      for (const l of extractLinks(gunzipSync(readFileSync(join(dir, f))).toString('utf8'))) {
        total++;
        if (fastResolve(l.href, new URL(BASES[0] as string)) !== null) answered++;
        const e = check(l.href);
        if (e !== null) bad.push(e);
      }
    }
    console.log(`fastResolve answered ${answered}/${total} corpus hrefs without the URL parser`);
    expect(bad.slice(0, 10)).toEqual([]);
    expect(answered).toBeGreaterThan(total / 3);
  });
});
