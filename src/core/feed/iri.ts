/**
 * Reference resolution for feeds: RFC 3986 §5.2 on strings, so IRIs stay IRIs.
 *
 * Why not WHATWG `URL`: it punycodes hosts and percent-encodes paths (`http://www.詹姆斯.com/` becomes
 * `http://www.xn--8ws00zhy3a.com/`, `/À` becomes `/%C3%80`). Feed values are IRIs (RFC 4287 §4.2.6, RFC 3987) and
 * feedparser — the reference we test against (conformance/feedparser, `wellformed/base`) — resolves them with
 * Python's `urljoin`, which leaves the characters alone. The algorithm below is RFC 3986 §5.2.2–§5.2.4 verbatim,
 * plus two rules feedparser applies (feedparser/urls.py, quoted where used): extra slashes after `scheme://` are
 * collapsed, and a base URI must use a known scheme (`javascript:` never becomes a base).
 */

/** RFC 3986 Appendix B: the regular expression that splits any URI reference into its five components. */
const URI_PARTS = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s;

interface UriParts {
  scheme: string | undefined;
  authority: string | undefined;
  path: string;
  query: string | undefined;
  fragment: string | undefined;
}

function split(reference: string): UriParts {
  const m = URI_PARTS.exec(reference);
  // The expression matches every string (each group is optional); the fallback only satisfies the type checker.
  if (m === null) return { scheme: undefined, authority: undefined, path: reference, query: undefined, fragment: undefined };
  return { scheme: m[1], authority: m[2], path: m[3] ?? '', query: m[4], fragment: m[5] };
}

/** RFC 3986 §5.3 component recomposition. */
function recompose(p: UriParts): string {
  let out = '';
  if (p.scheme !== undefined) out += `${p.scheme}:`;
  if (p.authority !== undefined) out += `//${p.authority}`;
  out += p.path;
  if (p.query !== undefined) out += `?${p.query}`;
  if (p.fragment !== undefined) out += `#${p.fragment}`;
  return out;
}

/**
 * RFC 3986 §5.2.4 remove_dot_segments, done segment by segment (split once, one pass) so that a hostile
 * megabyte-long path costs linear time — the spec's buffer-rewriting loop would be quadratic.
 */
export function removeDotSegments(path: string): string {
  if (path === '') return '';
  const absolute = path.startsWith('/');
  const parts = path.split('/');
  if (absolute) parts.shift();
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const segment = parts[i] as string;
    const last = i === parts.length - 1;
    if (segment === '.' || segment === '..') {
      if (segment === '..') out.pop();
      if (last) out.push(''); // `a/b/..` → `a/`: the path still ends in a slash
      continue;
    }
    out.push(segment);
  }
  return (absolute ? '/' : '') + out.join('/');
}

/** RFC 3986 §5.2.3 merge. */
function merge(base: UriParts, refPath: string): string {
  if (base.authority !== undefined && base.path === '') return `/${refPath}`;
  const slash = base.path.lastIndexOf('/');
  return slash === -1 ? refPath : base.path.slice(0, slash + 1) + refPath;
}

/**
 * feedparser/urls.py `_urifixer`: `^([A-Za-z][A-Za-z0-9+-.]*://)(/*)(.*?)` → `\1\3`, i.e. `http:///example.com/`
 * is read as `http://example.com/` (test `wellformed/base/malformed_base.xml`). `file:///path` is the one legitimate
 * triple slash, so it is left alone.
 */
function collapseSchemeSlashes(reference: string): string {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:\/\/)\/+/.exec(reference);
  if (m === null || /^file:/i.test(reference)) return reference;
  return (m[1] as string) + reference.slice(m[0].length);
}

/** Leading and trailing ASCII whitespace, which neither XML nor HTML attribute values make part of a URL. */
function trimAsciiWhitespace(s: string): string {
  return s.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
}

/**
 * Resolves `reference` against `base` (RFC 3986 §5.2.2, non-strict: a scheme equal to the base's is not special-cased,
 * as in the strict algorithm). `base` may itself be relative — `xml:base="feed/"` with no document URL — in which
 * case the result is relative too, as Python's urljoin gives it. A base that cannot take a relative path (`urn:`,
 * `tag:`, `mailto:`: no authority and a path not starting with `/`) leaves a relative reference unchanged — Python's
 * urljoin does the same for schemes outside its `uses_relative` list.
 */
export function resolveIri(base: string | null | undefined, reference: string): string {
  const ref = collapseSchemeSlashes(trimAsciiWhitespace(reference));
  if (base === null || base === undefined || base === '') return ref;
  const r = split(ref);
  if (r.scheme !== undefined) return recompose({ ...r, path: removeDotSegments(r.path) });
  const b = split(collapseSchemeSlashes(trimAsciiWhitespace(base)));
  if (b.scheme !== undefined && b.authority === undefined && !b.path.startsWith('/') && ref !== '' && !ref.startsWith('#')) {
    return ref;
  }
  const t: UriParts = { scheme: b.scheme, authority: undefined, path: '', query: undefined, fragment: r.fragment };
  if (r.authority !== undefined) {
    t.authority = r.authority;
    t.path = removeDotSegments(r.path);
    t.query = r.query;
  } else {
    t.authority = b.authority;
    if (r.path === '') {
      t.path = b.path;
      t.query = r.query ?? b.query;
    } else {
      const merged = r.path.startsWith('/') ? r.path : merge(b, r.path);
      t.path = removeDotSegments(merged);
      // §5.2.4 assumes an absolute path; on a relative one (a relative base) `a/../b` must stay relative.
      if (!merged.startsWith('/') && t.path.startsWith('/')) t.path = t.path.slice(1);
      t.query = r.query;
    }
  }
  return recompose(t);
}

/**
 * feedparser/urls.py ACCEPTABLE_URI_SCHEMES: the schemes a base URI (and a URL inside embedded HTML) may have.
 * Anything else — `javascript:`, `data:`, `vbscript:` — is never adopted as a base (`wellformed/base/unsafe_base.xml`).
 */
export const ACCEPTABLE_URI_SCHEMES: ReadonlySet<string> = new Set([
  'file',
  'ftp',
  'gopher',
  'h323',
  'hdl',
  'http',
  'https',
  'imap',
  'magnet',
  'mailto',
  'mms',
  'news',
  'nntp',
  'prospero',
  'rsync',
  'rtsp',
  'rtspu',
  'sftp',
  'shttp',
  'sip',
  'sips',
  'snews',
  'svn',
  'svn+ssh',
  'telnet',
  'wais',
  'aim',
  'callto',
  'cvs',
  'facetime',
  'feed',
  'git',
  'gtalk',
  'irc',
  'ircs',
  'irc6',
  'itms',
  'msnim',
  'skype',
  'ssh',
  'smb',
  'ymsg',
]);

function schemeOf(uri: string): string | undefined {
  return split(trimAsciiWhitespace(uri)).scheme?.toLowerCase();
}

/**
 * feedparser/urls.py `make_safe_absolute_uri`: `reference` resolved against `base`, or '' when the result would
 * not use an acceptable scheme (including a result that is still relative). With no base, the reference as is.
 */
export function safeAbsoluteIri(base: string | null | undefined, reference: string | null | undefined): string {
  if (base === null || base === undefined || base === '') return reference ?? '';
  if (reference === null || reference === undefined || trimAsciiWhitespace(reference) === '') {
    const scheme = schemeOf(base);
    return scheme === undefined || ACCEPTABLE_URI_SCHEMES.has(scheme) ? base : '';
  }
  const uri = resolveIri(base, reference);
  const scheme = schemeOf(uri);
  return scheme !== undefined && ACCEPTABLE_URI_SCHEMES.has(scheme) ? uri : '';
}

/**
 * The base of a document fetched from `url` that came with a `Content-Location` header (feedparser/api.py:
 * `make_safe_absolute_uri(href, contentloc) or make_safe_absolute_uri(contentloc) or href`). RFC 2616 §14.14 made
 * Content-Location a base URI; RFC 9110 §8.7 dropped that, but feeds were written against the former and
 * feedparser still honours it (`wellformed/base/http_*_content_location.xml`).
 */
export function documentBase(url: string | undefined, contentLocation: string | undefined): string | null {
  const href = url ?? '';
  if (contentLocation !== undefined && contentLocation !== '') {
    const joined = safeAbsoluteIri(href, contentLocation) || safeAbsoluteIri(contentLocation, undefined);
    if (joined !== '') return joined;
  }
  return href === '' ? null : href;
}

/**
 * The base in effect inside an element with `xml:base` (XML Base §4.2: resolved against the parent's base).
 * feedparser/mixin.py `unknown_starttag`: with a parent base, an unsafe or unusable `xml:base` is ignored and the
 * parent's base stays; without one, the attribute is taken as given (it may be relative).
 */
export function childBase(parentBase: string | null, xmlBase: string | undefined): string | null {
  if (xmlBase === undefined) return parentBase;
  if (parentBase !== null && parentBase !== '') return safeAbsoluteIri(parentBase, xmlBase) || parentBase;
  const own = collapseSchemeSlashes(trimAsciiWhitespace(xmlBase));
  const scheme = schemeOf(own);
  if (scheme !== undefined && !ACCEPTABLE_URI_SCHEMES.has(scheme)) return parentBase;
  return own === '' ? parentBase : own;
}
