/**
 * A fast path for the commonest hrefs: absolute http(s) URLs (and root-relative / protocol-relative
 * paths) that are already in the exact form the WHATWG URL parser would serialise them to. For those,
 * the serialisation is the input itself (or base origin + input), so the URL parser can be skipped;
 * anything else returns null and goes through parseHttpUrl (the single URL parser of the project).
 *
 * "Already serialised" is decided conservatively (WHATWG URL Standard §4.4 basic URL parser and the
 * percent-encode sets of §1.3):
 * - scheme `http:`/`https:` in lower case, then `//`;
 * - host: lower-case LDH labels (`a-z0-9-`), dots between non-empty labels, the last label not
 *   starting with a digit (numeric hosts are IPv4-parsed and re-serialised), no port, no userinfo;
 * - path/query/fragment: printable ASCII only, none of the characters any of the path, query,
 *   special-query or fragment percent-encode sets would encode (space " # < > ` { } ' in the wrong
 *   part, backslash), no `.`/`..` segments, no `%2e` (encoded dots count as dot segments);
 * - an empty path after the host gets the "/" the parser would add.
 * The property test in fast-url.test.ts compares this with `new URL()` on every href of the shared
 * corpora and on edge cases.
 */

function isLdh(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45;
}

/** Characters allowed unchanged in a path (and, with the extra checks below, query and fragment). */
const PATH_OK = (() => {
  const t = new Uint8Array(128);
  const allowed = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&()*+,;=:@/%[]^|';
  for (let i = 0; i < allowed.length; i++) t[allowed.charCodeAt(i)] = 1;
  return t;
})();

/** Index just after the host, or -1 when the authority is not in serialised form. */
function hostEnd(s: string, from: number): number {
  const n = s.length;
  let i = from;
  let labelStart = i;
  let lastLabelStart = i;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (c === 46) {
      if (i === labelStart) return -1;
      labelStart = i + 1;
      lastLabelStart = labelStart;
    } else if (!isLdh(c)) break;
    i++;
  }
  if (i === from || i === labelStart) return -1; // empty host or trailing dot
  // Punycode labels are validated by domain-to-ASCII (an invalid one is a parse failure): slow path.
  if (s.startsWith('xn--', from) || (s.indexOf('.xn--', from) !== -1 && s.indexOf('.xn--', from) < i)) return -1;
  const first = s.charCodeAt(lastLabelStart);
  if (first >= 48 && first <= 57) return -1; // possibly an IPv4 address
  if (i < n) {
    const c = s.charCodeAt(i);
    if (c !== 47 && c !== 63 && c !== 35) return -1; // port, userinfo, backslash…
  }
  return i;
}

/** True when s[from..] (path, query, fragment) is already in serialised form. */
function tailOk(s: string, from: number): boolean {
  const n = s.length;
  let part = 0; // 0 path, 1 query, 2 fragment
  let segStart = from;
  for (let i = from; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return false;
    if (part === 0) {
      if (c === 47 || c === 63 || c === 35) {
        // End of a path segment: reject "." and ".." segments (literal or %2e-encoded).
        if (isDotSegment(s, segStart, i)) return false;
        segStart = i + 1;
        if (c === 63) part = 1;
        else if (c === 35) part = 2;
        continue;
      }
      if (PATH_OK[c] !== 1) return false;
      if (c === 37 && i + 2 < n && s.charCodeAt(i + 1) === 50 && (s.charCodeAt(i + 2) | 32) === 101) return false; // %2e
    } else if (part === 1) {
      if (c === 35) {
        part = 2;
        continue;
      }
      if (c === 63 || c === 47) continue;
      if (PATH_OK[c] !== 1 || c === 39) return false; // ' is in the special-query set
    } else {
      if (c === 35 || c === 63 || c === 47 || c === 123 || c === 125 || c === 39) continue;
      if (PATH_OK[c] !== 1) return false;
    }
  }
  return part !== 0 || !isDotSegment(s, segStart, n);
}

function isDotSegment(s: string, a: number, b: number): boolean {
  const len = b - a;
  if (len === 1) return s.charCodeAt(a) === 46;
  if (len === 2) return s.charCodeAt(a) === 46 && s.charCodeAt(a + 1) === 46;
  return false;
}

export interface FastUrl {
  url: string;
  host: string;
}

/**
 * The serialised URL and host of `href` when it is already canonical, else null. `base` (an http(s)
 * base URL) enables root-relative hrefs (`/path` → origin + path) and protocol-relative ones.
 */
export function fastResolve(href: string, base: { origin: string; hostname: string; protocol: string } | null): FastUrl | null {
  const n = href.length;
  if (n < 2 || n > 4096) return null;
  const c0 = href.charCodeAt(0);
  if (c0 === 104) {
    // http:// or https://
    let p: number;
    if (href.startsWith('https://')) p = 8;
    else if (href.startsWith('http://')) p = 7;
    else return null;
    const he = hostEnd(href, p);
    if (he < 0) return null;
    if (he === n) return { url: `${href}/`, host: href.slice(p, he) };
    if (href.charCodeAt(he) !== 47) {
      if (!tailOk(href, he)) return null;
      return { url: `${href.slice(0, he)}/${href.slice(he)}`, host: href.slice(p, he) };
    }
    if (!tailOk(href, he)) return null;
    return { url: href, host: href.slice(p, he) };
  }
  if (c0 === 47) {
    if (href.charCodeAt(1) === 47) {
      if (base === null) return null;
      const he = hostEnd(href, 2);
      if (he < 0 || he === n || href.charCodeAt(he) !== 47 || !tailOk(href, he)) return null;
      return { url: `${base.protocol}${href}`, host: href.slice(2, he) };
    }
    if (base === null || !tailOk(href, 0)) return null;
    return { url: `${base.origin}${href}`, host: base.hostname };
  }
  return null;
}
