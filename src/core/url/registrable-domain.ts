/**
 * Registrable domain ("eTLD+1", the site a host belongs to) from the Public Suffix List, via tldts
 * (stack note: tldts 7.5.5 ships the list; pure, no I/O). Conformance: registrable-domain.conformance
 * .test.ts runs publicsuffix/list `tests/test_psl.txt`.
 *
 * The PRIVATE section of the list is included (`allowPrivateDomains: true`): test_psl expects it
 * (`b.example.uk.com` → `example.uk.com`), and for backlinks it is the right unit — two blogs on
 * `alice.github.io` and `bob.github.io` are different sites owned by different people.
 */
import { getDomain, parse as parseHost } from 'tldts';
import { parseUrl } from './parse-url.js';

const TLDTS_OPTIONS = { allowPrivateDomains: true, extractHostname: false } as const;

/** Looks like a URL (has a scheme or starts with `//`) or like `host:port` / `host/path`, not a bare host. */
const URLISH = /[/:@?#]/;

/**
 * The host of `hostOrUrl`: a URL's hostname (punycode, lower case), or a bare host name lower-cased
 * as given (Unicode stays Unicode). A trailing dot is removed (`example.com.` is `example.com`).
 * Returns null for empty or unparseable input.
 */
function hostPart(hostOrUrl: string): string | null {
  if (typeof hostOrUrl !== 'string') return null;
  const input = hostOrUrl.trim();
  if (input === '') return null;
  if (!URLISH.test(input)) return input.toLowerCase().replace(/(?<=[^.])\.$/, '');
  let url = parseUrl(input);
  // `example.com:8080` parses as scheme `example.com:` with no host: read it as host:port instead.
  if (url === null || url.hostname === '') url = parseUrl(`http://${input}`);
  if (url === null || url.hostname === '') return null;
  return url.hostname.replace(/(?<=[^.])\.$/, '');
}

/**
 * The registrable domain of a host name or URL: `https://www.Example.co.uk/x` → `example.co.uk`,
 * `alice.github.io` → `alice.github.io`. Null when there is none: the input is itself a public suffix
 * (`co.uk`, `github.io`), starts with a dot, is an IP address, a single label such as `localhost`,
 * or is not a host at all. Bare Unicode hosts answer in Unicode, URLs in punycode (their hostname form).
 */
export function registrableDomain(hostOrUrl: string): string | null {
  const host = hostPart(hostOrUrl);
  // An empty label (`.com`, `a..b.com`) is not a host name (RFC 1034 §3.1); tldts would answer `.com`.
  if (host === null || host.startsWith('.') || host.includes('..') || host.startsWith('[')) return null;
  return getDomain(host, TLDTS_OPTIONS);
}

/**
 * Whether a host is itself a public suffix — an ICANN one (`com`, `co.uk`) or a private one
 * (`github.io`) — under which unrelated people own sites. Single labels not on the list
 * (`localhost`) and IP addresses are not.
 */
export function isPublicSuffix(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === '' || h.startsWith('[')) return false;
  const parsed = parseHost(h, TLDTS_OPTIONS);
  if (parsed.isIp === true || parsed.domain !== null) return false;
  return parsed.publicSuffix === h && (parsed.isIcann === true || parsed.isPrivate === true);
}

/**
 * The hostname of a URL (lower case, punycode, trailing dot removed, IPv6 in brackets), or null when
 * the input is not an absolute URL with a host. `hostOf('https://Blog.Example.com:8080/p')` →
 * `blog.example.com`.
 */
export function hostOf(url: string | URL): string | null {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  if (parsed === null || parsed.hostname === '') return null;
  return parsed.hostname.replace(/(?<=[^.])\.$/, '');
}

/**
 * True when two hosts/URLs belong to the same site: equal registrable domains, or — for hosts that
 * have none (IP addresses, `localhost`, a bare public suffix) — equal hosts.
 */
export function isSameSite(a: string, b: string): boolean {
  const hostA = canonicalHost(a);
  const hostB = canonicalHost(b);
  if (hostA === null || hostB === null) return false;
  const siteA = registrableDomain(hostA);
  const siteB = registrableDomain(hostB);
  if (siteA !== null || siteB !== null) return siteA === siteB;
  return hostA === hostB;
}

/**
 * True when `host` is the user's site `siteDomain` or one of its subdomains: with site `example.com`,
 * `example.com` and `blog.example.com` match, `notexample.com` and `example.com.evil.net` do not.
 * Either side may be a URL; case, a trailing dot and Unicode/punycode spelling are ignored. The match
 * is on the name the user gave: site `www.example.com` does not cover `example.com`.
 */
export function matchesSite(host: string, siteDomain: string): boolean {
  const h = canonicalHost(host);
  const site = canonicalHost(siteDomain);
  if (h === null || site === null) return false;
  return h === site || (!site.startsWith('[') && h.endsWith(`.${site}`));
}

/**
 * A host or URL reduced to its WHATWG ASCII host form (lower case, punycode, no trailing dot), so
 * that `Bücher.de`, `xn--bcher-kva.de` and `https://BÜCHER.de/` compare equal.
 */
function canonicalHost(hostOrUrl: string): string | null {
  const host = hostPart(hostOrUrl);
  if (host === null || host.startsWith('.')) return null;
  const url = parseUrl(`http://${host.includes(':') && !host.startsWith('[') ? `[${host}]` : host}/`);
  if (url === null || url.hostname === '') return null;
  return url.hostname.replace(/(?<=[^.])\.$/, '');
}
