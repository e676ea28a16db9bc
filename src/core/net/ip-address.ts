/**
 * Pure IP-address classification for the SSRF guard (reliability.md R5; OWASP SSRF cheat sheet;
 * ASVS 4.0.3 5.2.6). The fetch adapter calls `classifyIpAddress` on every address a connection is
 * about to use — after DNS resolution and on every redirect hop — and refuses anything that is not
 * plain public unicast.
 *
 * Why our own parser rather than `node:net` or ipaddr.js: core stays free of Node built-ins and
 * dependencies, and the rules must be explicit and reviewable. Only canonical textual forms are
 * accepted here (dotted-quad decimal IPv4, RFC 4291 §2.2 IPv6 text). Non-canonical IPv4 spellings
 * such as `2130706433`, `0x7f.1` or `0177.0.0.1` are canonicalised by the WHATWG URL parser before a
 * hostname reaches us (tested in ip-address.test.ts), and anything else is a DNS name that the
 * resolver turns into a canonical address, which is then classified.
 */

/** Why an address is (not) allowed; stable ids, used in error details and logs. */
export type IpRange =
  | 'public'
  | 'unspecified'
  | 'this-network'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link-local'
  | 'ietf-protocol'
  | 'documentation'
  | 'benchmarking'
  | '6to4-relay'
  | 'multicast'
  | 'reserved'
  | 'broadcast'
  | 'unique-local'
  | 'site-local'
  | 'discard'
  | 'nat64-local'
  | 'not-global-unicast';

export interface IpClassification {
  /** The address in canonical form (IPv4 dotted quad; IPv6 in RFC 5952 form, e.g. `::ffff:7f00:1`). */
  address: string;
  version: 4 | 6;
  range: IpRange;
  /** True when a crawler must not connect to it unless explicitly allowed. */
  blocked: boolean;
  /** For IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4): that address. */
  embeddedIpv4?: string;
}

interface V4Rule {
  base: number;
  prefix: number;
  range: IpRange;
}

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and updates) plus multicast/reserved blocks.
// Order matters only for overlapping entries: the more specific one comes first.
const V4_RULES: readonly V4Rule[] = [
  { base: v4(255, 255, 255, 255), prefix: 32, range: 'broadcast' }, // RFC 919 limited broadcast
  { base: v4(0, 0, 0, 0), prefix: 32, range: 'unspecified' }, // RFC 1122 §3.2.1.3
  { base: v4(0, 0, 0, 0), prefix: 8, range: 'this-network' }, // RFC 791 "this network"
  { base: v4(10, 0, 0, 0), prefix: 8, range: 'private' }, // RFC 1918
  { base: v4(100, 64, 0, 0), prefix: 10, range: 'cgnat' }, // RFC 6598 shared address space
  { base: v4(127, 0, 0, 0), prefix: 8, range: 'loopback' }, // RFC 1122
  { base: v4(169, 254, 0, 0), prefix: 16, range: 'link-local' }, // RFC 3927 (cloud metadata 169.254.169.254)
  { base: v4(172, 16, 0, 0), prefix: 12, range: 'private' }, // RFC 1918
  { base: v4(192, 0, 0, 0), prefix: 24, range: 'ietf-protocol' }, // RFC 6890
  { base: v4(192, 0, 2, 0), prefix: 24, range: 'documentation' }, // RFC 5737 TEST-NET-1
  { base: v4(192, 88, 99, 0), prefix: 24, range: '6to4-relay' }, // RFC 7526 (deprecated anycast)
  { base: v4(192, 168, 0, 0), prefix: 16, range: 'private' }, // RFC 1918
  { base: v4(198, 18, 0, 0), prefix: 15, range: 'benchmarking' }, // RFC 2544
  { base: v4(198, 51, 100, 0), prefix: 24, range: 'documentation' }, // RFC 5737 TEST-NET-2
  { base: v4(203, 0, 113, 0), prefix: 24, range: 'documentation' }, // RFC 5737 TEST-NET-3
  { base: v4(224, 0, 0, 0), prefix: 4, range: 'multicast' }, // RFC 5771
  { base: v4(240, 0, 0, 0), prefix: 4, range: 'reserved' }, // RFC 1112 §4 (class E)
];

function v4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

function inV4(value: number, rule: V4Rule): boolean {
  if (rule.prefix === 0) return true;
  const mask = rule.prefix === 32 ? 0xffffffff : ~((1 << (32 - rule.prefix)) - 1) >>> 0;
  return (value & mask) >>> 0 === (rule.base & mask) >>> 0;
}

/** Parses a canonical dotted-quad IPv4 address (`a.b.c.d`, each 0–255, no leading zeros). */
export function parseIpv4(text: string): number | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** Parses RFC 4291 §2.2 IPv6 text (with `::` and a trailing dotted quad) into 8 16-bit groups. */
export function parseIpv6(text: string): number[] | null {
  let input = text;
  const zone = input.indexOf('%'); // RFC 6874 zone id: irrelevant to classification
  if (zone !== -1) input = input.slice(0, zone);
  if (input.length === 0 || input.length > 45) return null;
  let tail: number[] = [];
  const lastColon = input.lastIndexOf(':');
  if (input.includes('.')) {
    const v4part = parseIpv4(input.slice(lastColon + 1));
    if (v4part === null) return null;
    tail = [v4part >>> 16, v4part & 0xffff];
    // Keep a `::` that ends right before the dotted quad; drop a single separating colon.
    input = input.slice(0, lastColon + 1);
    if (!input.endsWith('::')) input = input.slice(0, -1);
  }
  const doubleColon = input.indexOf('::');
  if (doubleColon !== -1 && input.indexOf('::', doubleColon + 1) !== -1) return null;
  const parseGroups = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(Number.parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (doubleColon === -1) {
    const all = parseGroups(input);
    if (all === null) return null;
    groups = [...all, ...tail];
    if (groups.length !== 8) return null;
  } else {
    const head = parseGroups(input.slice(0, doubleColon));
    const rest = parseGroups(input.slice(doubleColon + 2));
    if (head === null || rest === null) return null;
    const known = head.length + rest.length + tail.length;
    if (known > 7) return null;
    groups = [...head, ...new Array<number>(8 - known).fill(0), ...rest, ...tail];
  }
  return groups;
}

/** RFC 5952 §4 text form: lower case, no leading zeros, the longest run (≥ 2) of zero groups as `::`. */
function formatIpv6(groups: readonly number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestLen < 2) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}

function classifyV4Value(value: number): { range: IpRange; blocked: boolean } {
  for (const rule of V4_RULES) {
    if (inV4(value, rule)) return { range: rule.range, blocked: true };
  }
  return { range: 'public', blocked: false };
}

/**
 * Classifies an IP literal (IPv4 dotted quad, IPv6 with or without brackets / zone id).
 * Returns null when `text` is not an IP literal (then it is a DNS name).
 */
export function classifyIpAddress(text: string): IpClassification | null {
  let s = text.trim();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const v4value = parseIpv4(s);
  if (v4value !== null) {
    return { address: formatIpv4(v4value), version: 4, ...classifyV4Value(v4value) };
  }
  const g = parseIpv6(s);
  if (g === null) return null;
  const address = formatIpv6(g);
  const g0 = g[0] ?? 0;
  const g1 = g[1] ?? 0;
  const zeroPrefix = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  const embedded = (((g[6] ?? 0) << 16) >>> 0) + (g[7] ?? 0);
  const withEmbedded = (value: number): IpClassification => {
    const inner = classifyV4Value(value);
    return { address, version: 6, range: inner.range, blocked: inner.blocked, embeddedIpv4: formatIpv4(value) };
  };
  // RFC 4291 §2.5.2/§2.5.3
  if (zeroPrefix(8)) return { address, version: 6, range: 'unspecified', blocked: true };
  if (zeroPrefix(7) && g[7] === 1) return { address, version: 6, range: 'loopback', blocked: true };
  // RFC 4291 §2.5.5.2 IPv4-mapped (::ffff:a.b.c.d): the connection really goes to the IPv4 address.
  if (zeroPrefix(5) && g[5] === 0xffff) return withEmbedded(embedded);
  // RFC 6145/6052 ::ffff:0:a.b.c.d (SIIT) and deprecated IPv4-compatible ::a.b.c.d (RFC 4291 §2.5.5.1).
  if (zeroPrefix(4) && g[4] === 0xffff && g[5] === 0) return withEmbedded(embedded);
  if (zeroPrefix(6)) return withEmbedded(embedded);
  // RFC 6052 NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address.
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return withEmbedded(embedded);
  if (g0 === 0x64 && g1 === 0xff9b && g[2] === 1) return { address, version: 6, range: 'nat64-local', blocked: true }; // RFC 8215
  if (g0 === 0x100 && g1 === 0 && g[2] === 0 && g[3] === 0) return { address, version: 6, range: 'discard', blocked: true }; // RFC 6666
  if ((g0 & 0xff00) === 0xff00) return { address, version: 6, range: 'multicast', blocked: true }; // ff00::/8
  if ((g0 & 0xffc0) === 0xfe80) return { address, version: 6, range: 'link-local', blocked: true }; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return { address, version: 6, range: 'site-local', blocked: true }; // fec0::/10 (RFC 3879)
  if ((g0 & 0xfe00) === 0xfc00) return { address, version: 6, range: 'unique-local', blocked: true }; // fc00::/7 (RFC 4193)
  // Only 2000::/3 is allocated global unicast (RFC 4291 §2.4); everything else is reserved.
  if ((g0 & 0xe000) !== 0x2000) return { address, version: 6, range: 'not-global-unicast', blocked: true };
  if (g0 === 0x2001 && g1 === 0x0db8) return { address, version: 6, range: 'documentation', blocked: true }; // RFC 3849
  if (g0 === 0x3fff && (g1 & 0xf000) === 0) return { address, version: 6, range: 'documentation', blocked: true }; // RFC 9637 3fff::/20
  // 2001::/23 IETF protocol assignments (Teredo, benchmarking, ORCHID…; RFC 2928/6890): tunnels and
  // special uses, never a plain web server — blocked conservatively.
  if (g0 === 0x2001 && g1 < 0x0200) return { address, version: 6, range: 'ietf-protocol', blocked: true };
  // RFC 3056 6to4 2002::/16 embeds an IPv4 address in groups 1–2: classify that address.
  if (g0 === 0x2002) {
    const inner = ((g1 << 16) >>> 0) + (g[2] ?? 0);
    const c = classifyV4Value(inner);
    return { address, version: 6, range: c.range, blocked: c.blocked, embeddedIpv4: formatIpv4(inner) };
  }
  return { address, version: 6, range: 'public', blocked: false };
}

/** True when `text` is an IP literal that a crawler may not connect to (non-public). */
export function isBlockedIpAddress(text: string): boolean {
  return classifyIpAddress(text)?.blocked ?? false;
}
