/**
 * parseFeed: RSS 0.9x / 1.0 (RDF) / 2.0, Atom 0.3 / 1.0 (and Microsoft CDF) → FeedDocument.
 *
 * Built on fast-xml-parser (through xml-tree.ts). @rowanmanning/feed-parser — stack.md's feed pick, itself built on
 * fast-xml-parser — is not the base here because its model has no place for what a backlink audit and the
 * feedparser conformance suite need: the base URI of each element (xml:base chains, the document URL), every link
 * with rel/type, text-construct types, several content elements per entry, relative URLs inside embedded HTML. Its
 * `Element.baseUrl` ignores the document URL, its links are resolved with WHATWG `URL` (punycoded IRIs), and it
 * decodes HTML entities a second time inside CDATA (a code sample `&lt;a href&gt;` becomes a live link).
 * The field mapping follows feedparser (feedparser/namespaces/_base.py, dc.py, mixin.py), the de-facto reference for
 * reading feeds as they are written rather than as the specs say, and is checked against its test feeds.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { parseFeedDate } from './feed-dates.js';
import { MAX_FEED_ENTRIES } from './feed-limits.js';
import type { FeedCategory, FeedDocument, FeedEntry, FeedImage, FeedLink, FeedPerson, FeedText, ParseFeedOptions } from './feed-types.js';
import { decodeHtmlNamedEntity } from './html-entity.js';
import { resolveHtmlUris, URL_ATTRIBUTES } from './html-uris.js';
import { documentBase, resolveIri, safeAbsoluteIri } from './iri.js';
import { lookupTable } from './lookup-table.js';
import { childElements, parseXmlDocument, textContent, type XmlElement, type XmlNode } from './xml-tree.js';

/**
 * An attribute in no namespace, matched without regard to case: feedparser lower-cases attribute names
 * (`isPermaLink`, CDF's `HREF`/`LASTMOD`), and feeds are written by hand.
 */
function attr(el: XmlElement, name: string, ns = ''): string | undefined {
  const lower = name.toLowerCase();
  for (const a of el.attrs) if (a.ns === ns && a.local.toLowerCase() === lower) return a.value;
  return undefined;
}

// ------------------------------------------------------------------ namespaces

const normalised = new Map<string, string>();

/** Namespace URIs compared case-insensitively and without a trailing `/` or `#` (feeds get both wrong). */
function normNs(uri: string): string {
  let n = normalised.get(uri);
  if (n === undefined) {
    n = uri.toLowerCase().replace(/[/#]+$/, '');
    // A document declares a handful of namespaces; the bound only guards against a hostile one declaring millions.
    if (normalised.size < 1024) normalised.set(uri, n);
  }
  return n;
}

/** feedparser's "core" namespaces (mixin.py `namespaces` entries mapped to ''): RSS, RDF-RSS, Atom and their drafts. */
const CORE_NS = new Set(
  [
    '',
    'http://backend.userland.com/rss',
    'http://blogs.law.harvard.edu/tech/rss',
    'http://purl.org/rss/1.0/',
    'http://my.netscape.com/rdf/simple/0.9/',
    'http://example.com/newformat#',
    'http://example.com/necho',
    'http://purl.org/echo/',
    'uri/of/echo/namespace#',
    'http://purl.org/pie/',
    'http://purl.org/atom/ns#',
    'http://www.w3.org/2005/Atom',
    'http://purl.org/rss/1.0/modules/rss091#',
  ].map(normNs),
);
const NS_ATOM10 = normNs('http://www.w3.org/2005/Atom');
const NS_RSS10 = normNs('http://purl.org/rss/1.0/');
const NS_RSS090 = normNs('http://my.netscape.com/rdf/simple/0.9/');
const NS_RDF = normNs('http://www.w3.org/1999/02/22-rdf-syntax-ns#');
const NS_DC = normNs('http://purl.org/dc/elements/1.1/');
const NS_DCTERMS = normNs('http://purl.org/dc/terms/');
const NS_CONTENT = normNs('http://purl.org/rss/1.0/modules/content/');
const NS_XHTML = normNs('http://www.w3.org/1999/xhtml');
/** feedparser namespaces/itunes.py: the canonical iTunes URI and the one its tests also accept. */
const NS_ITUNES = new Set([normNs('http://www.itunes.com/DTDs/PodCast-1.0.dtd'), normNs('http://example.com/DTDs/PodCast-1.0.dtd')]);
const NS_MEDIA = normNs('http://search.yahoo.com/mrss/');

function isCoreNs(ns: string): boolean {
  return CORE_NS.has(ns) || ns.includes('backend.userland.com/rss');
}

/** feedparser's dc.py: Dublin Core elements read as the core element named here. */
const DC_ROLES = lookupTable<string>({
  author: 'author',
  creator: 'author',
  date: 'updated',
  description: 'description',
  language: 'language',
  publisher: 'publisher',
  rights: 'rights',
  subject: 'category',
  title: 'title',
});
const DCTERMS_ROLES = lookupTable<string>({ created: 'created', issued: 'published', modified: 'updated' });

/** What an element means to the mapping: a lower-case core name ('title', 'pubdate', 'entry'…) or null. */
function roleOf(el: XmlElement): string | null {
  const ns = normNs(el.ns);
  const local = el.local.toLowerCase();
  if (isCoreNs(ns)) return local;
  if (ns === NS_DC) return DC_ROLES[local] ?? null;
  // iTunes and Media RSS: the few elements feedparser maps onto the common model, used as fallbacks.
  if (NS_ITUNES.has(ns)) {
    if (local === 'link') return 'itunes_image'; // the old `<itunes:link rel="image" href=…>` (itunes.py `_start_itunes_link`)
    return ['author', 'subtitle', 'summary', 'category', 'keywords', 'image'].includes(local) ? `itunes_${local}` : null;
  }
  if (ns === NS_MEDIA) return ['title', 'description', 'group'].includes(local) ? `media_${local}` : null;
  if (ns === NS_DCTERMS) return DCTERMS_ROLES[local] ?? null;
  if (ns === NS_CONTENT && local === 'encoded') return 'content_encoded';
  if (ns === NS_XHTML && local === 'body') return 'body';
  return null;
}

interface RoledChild {
  role: string | null;
  el: XmlElement;
}

/** Each element's children with their roles, computed once (the mapping asks a container for a dozen roles). */
const roledChildren = new WeakMap<XmlElement, RoledChild[]>();

function childrenWithRoles(el: XmlElement): RoledChild[] {
  let list = roledChildren.get(el);
  if (list === undefined) {
    list = childElements(el).map((c) => ({ role: roleOf(c), el: c }));
    roledChildren.set(el, list);
  }
  return list;
}

function byRole(el: XmlElement, ...roles: string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of childrenWithRoles(el)) if (c.role !== null && roles.includes(c.role)) out.push(c.el);
  return out;
}

function firstByRole(el: XmlElement, ...roles: string[]): XmlElement | undefined {
  return byRole(el, ...roles)[0];
}

function lastByRole(el: XmlElement, ...roles: string[]): XmlElement | undefined {
  const all = byRole(el, ...roles);
  return all[all.length - 1];
}

// ------------------------------------------------------------------ text constructs

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** feedparser mixin.py `map_content_type`: Atom 1.0's short names to media types. */
function mapContentType(type: string): string {
  const t = type.trim().toLowerCase();
  if (t === 'text' || t === 'plain') return 'text/plain';
  if (t === 'html') return 'text/html';
  if (t === 'xhtml') return 'application/xhtml+xml';
  return t;
}

/** HTML void elements (HTML §13.1.2): serialised as `<br />`, never with an end tag. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * Inline XHTML content back to markup: prefixes dropped (as feedparser does), namespace declarations left out.
 * URL attributes are resolved here, each against its own element's base — XML Base applies inside the content too
 * (`<div xml:base="…"><a href="x">`), which a single pass over the finished string could not honour.
 */
function serializeMarkup(nodes: readonly XmlNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      out += escapeText(node.value);
      continue;
    }
    const name = node.local;
    const urlAttrs = URL_ATTRIBUTES[name.toLowerCase()] ?? [];
    const attrs = node.attrs
      .map((a) => {
        let value = a.value;
        if (a.ns === '' && urlAttrs.includes(a.local.toLowerCase()) && node.base !== null) {
          value = safeAbsoluteIri(node.base, value.trim()) || value;
        }
        return ` ${a.prefix === '' ? '' : `${a.prefix}:`}${a.local}="${escapeAttr(value)}"`;
      })
      .join('');
    if (node.children.length === 0 && VOID_ELEMENTS.has(name.toLowerCase())) out += `<${name}${attrs} />`;
    else out += `<${name}${attrs}>${serializeMarkup(node.children)}</${name}>`;
  }
  return out;
}

/** RFC 4287 §3.1.1.3: xhtml content is wrapped in one `div` that is not part of the content. */
function unwrapDiv(nodes: readonly XmlNode[]): readonly XmlNode[] {
  const significant = nodes.filter((n) => n.kind === 'element' || n.value.trim() !== '');
  const only = significant[0];
  if (significant.length === 1 && only !== undefined && only.kind === 'element' && only.local.toLowerCase() === 'div') {
    return only.children;
  }
  return nodes;
}

/**
 * feedparser mixin.py `looks_like_html`: RSS text is HTML by convention, so a plain-text field with a closing tag or
 * an entity reference, and only common HTML tags and known entity names, is taken as HTML.
 */
const COMMON_HTML_ELEMENTS = new Set(
  (
    'a abbr acronym address area article aside audio b big blockquote br button canvas caption center cite code col ' +
    'colgroup command datagrid datalist dd del details dfn dialog dir div dl dt em event-source fieldset figcaption ' +
    'figure footer font form header h1 h2 h3 h4 h5 h6 hr i img input ins keygen kbd label legend li m map menu meter ' +
    'multicol nav nextid ol output optgroup option p pre progress q s samp section select small sound source spacer ' +
    'span strike strong sub sup table tbody td textarea time tfoot th thead tr tt u ul var video noscript'
  ).split(' '),
);

function looksLikeHtml(s: string): boolean {
  if (!/<\/(\w+)>/.test(s) && !/&#?\w+;/.test(s)) return false;
  for (const m of s.matchAll(/<\/?(\w+)/g)) if (!COMMON_HTML_ELEMENTS.has((m[1] as string).toLowerCase())) return false;
  for (const m of s.matchAll(/&(\w+);/g)) if (decodeHtmlNamedEntity(m[1] as string) === null) return false;
  return true;
}

/** Base64 text → UTF-8 string; null when it is not base64 of UTF-8 (then the text is kept as written). */
function decodeBase64(s: string): string | null {
  const compact = s.replace(/\s+/g, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

interface MapContext {
  version: string;
  isAtom: boolean;
}

/**
 * A text construct as feedparser reads it (mixin.py `push_content`/`pop`): the declared type (Atom 0.3 `mode`
 * included), inline markup serialised, base64 decoded, RSS plain text promoted to HTML when it looks like HTML,
 * and relative URLs inside HTML resolved against the element's base.
 */
function readText(el: XmlElement, defaultType: string, ctx: MapContext): FeedText {
  let type = mapContentType(attr(el, 'type') ?? defaultType);
  const mode = attr(el, 'mode')?.trim().toLowerCase();
  let children = el.children;
  if (!type.endsWith('xml')) {
    // TypePad wraps escaped HTML in an XHTML div (`<content type="html"><div xmlns=…>&lt;b&gt;…</div>`); feedparser
    // drops that div (mixin.py unknown_starttag, "typepad does this 10/2007").
    const significant = children.filter((c) => c.kind === 'element' || c.value.trim() !== '');
    const only = significant[0];
    if (significant.length === 1 && only?.kind === 'element' && only.local.toLowerCase() === 'div') children = only.children;
  }
  const hasMarkup = children.some((c) => c.kind === 'element');
  let value: string;
  if (hasMarkup && mode !== 'escaped' && mode !== 'base64') {
    // Markup inside an element whose type says escaped text: feedparser reads it as XHTML (mixin.py
    // unknown_starttag, "element declared itself as escaped markup, but it isn't really").
    if (!type.endsWith('xml')) type = 'application/xhtml+xml';
    const nodes = ctx.version === 'atom10' && type === 'application/xhtml+xml' ? unwrapDiv(children) : children;
    value = serializeMarkup(nodes);
  } else {
    value = children.map(textContent).join('');
  }
  value = value.trim();
  // feedparser mixin.py `_is_base64`: Atom 0.3 mode="base64", or a media type that is neither text nor XML
  // (RFC 4287 §4.1.3.3: such content is base64).
  const base64 = mode === 'base64' || (!type.startsWith('text/') && !type.endsWith('+xml') && !type.endsWith('/xml'));
  if (base64 && !hasMarkup) value = decodeBase64(value) ?? value;
  if (!ctx.isAtom && type === 'text/plain' && looksLikeHtml(value)) type = 'text/html';
  if (HTML_TYPES.has(type)) value = resolveHtmlUris(value, el.base);
  const src = attr(el, 'src');
  return { value, type, base: el.base, ...(src === undefined ? {} : { src: resolveIri(el.base, src) }) };
}

// ------------------------------------------------------------------ links, people, categories, dates

/** A URL-valued element's text, resolved against its base (feedparser `can_be_relative_uri`). */
function uriText(el: XmlElement): string {
  const raw = textContent(el).trim();
  return raw === '' ? '' : resolveIri(el.base, raw);
}

function isHtmlType(type: string | null): boolean {
  return type === null || HTML_TYPES.has(mapContentType(type));
}

interface LinkSet {
  links: FeedLink[];
  link: string | null;
}

/**
 * Atom `<link href rel type>` and RSS `<link>text</link>` (which may also appear as `<atom:link>` in RSS), plus RSS
 * `<enclosure url>`. The preferred link is the first `alternate` with an HTML type or none (feedparser takes the
 * last one it sees; the first is what Atom feeds put first on purpose), else the first RSS text link.
 */
function readLinks(container: XmlElement): LinkSet {
  const links: FeedLink[] = [];
  let alternate: string | null = null;
  let textLink: string | null = null;
  for (const { role, el } of childrenWithRoles(container)) {
    if (role === 'link') {
      const href = attr(el, 'href') ?? attr(el, 'url') ?? attr(el, 'uri');
      if (href !== undefined) {
        const rel = attr(el, 'rel')?.trim() || 'alternate';
        const type = attr(el, 'type')?.trim() || null;
        const resolved = resolveIri(el.base, href);
        const title = attr(el, 'title');
        const length = attr(el, 'length');
        links.push({
          href: resolved,
          rel,
          type,
          ...(title === undefined ? {} : { title }),
          ...(length === undefined ? {} : { length }),
        });
        if (alternate === null && rel === 'alternate' && isHtmlType(type)) alternate = resolved;
      } else {
        const text = uriText(el);
        if (text === '') continue;
        links.push({ href: text, rel: 'alternate', type: null });
        textLink ??= text;
      }
    } else if (role === 'enclosure') {
      const url = attr(el, 'url') ?? attr(el, 'href');
      if (url === undefined || url.trim() === '') continue;
      const type = attr(el, 'type')?.trim() || null;
      const length = attr(el, 'length');
      links.push({ href: resolveIri(el.base, url), rel: 'enclosure', type, ...(length === undefined ? {} : { length }) });
    }
  }
  return { links, link: alternate ?? textLink };
}

/** feedparser mixin.py `_sync_author_detail`: an email address inside an RSS author string, and the name around it. */
const EMAIL = /[\w.+-]+@(?:\[\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\]|(?:[\w-]+\.)+[A-Za-z]{2,63})(?:\?subject=\S+)?/;

function personFromString(raw: string): FeedPerson {
  const m = EMAIL.exec(raw);
  if (m === null) return { name: raw || null, email: null, url: null };
  let name = raw
    .replace(m[0], '')
    .replace(/\(\s*\)|<\s*>/g, '')
    .trim();
  if (name.startsWith('(')) name = name.slice(1);
  if (name.endsWith(')')) name = name.slice(0, -1);
  name = name.trim();
  return { name: name || null, email: m[0], url: null };
}

function displayName(p: FeedPerson): string | null {
  if (p.name !== null && p.email !== null) return `${p.name} (${p.email})`;
  return p.name ?? p.email;
}

function readPerson(el: XmlElement): { author: string | null; detail: FeedPerson | null } {
  const parts = childElements(el);
  if (parts.length === 0) {
    const raw = textContent(el).trim();
    if (raw === '') return { author: null, detail: null };
    return { author: raw, detail: personFromString(raw) };
  }
  const name = lastByRole(el, 'name');
  const email = lastByRole(el, 'email');
  const url = lastByRole(el, 'uri', 'url', 'homepage');
  const detail: FeedPerson = {
    name: name === undefined ? null : textContent(name).trim() || null,
    email: email === undefined ? null : textContent(email).trim() || null,
    url: url === undefined ? null : uriText(url) || null,
  };
  return { author: displayName(detail), detail };
}

function readAuthor(container: XmlElement): { author: string | null; authorDetail: FeedPerson | null } {
  // RSS/Atom/Dublin Core authors first; iTunes' only when there is none of those.
  for (const el of [...byRole(container, 'author', 'managingeditor'), ...byRole(container, 'itunes_author')]) {
    const { author, detail } = readPerson(el);
    if (author !== null || detail !== null) return { author, authorDetail: detail };
  }
  return { author: null, authorDetail: null };
}

/** feedparser's scheme for iTunes categories and keywords (namespaces/itunes.py). */
const ITUNES_SCHEME = 'http://www.itunes.com/';

/**
 * Categories in document order (feedparser `_add_tag`, duplicates dropped): Atom `category@term`, RSS
 * `category` text with `domain`, `dc:subject`, the comma-separated `tags` and `itunes:keywords`, and
 * `itunes:category@text` (nested sub-categories too).
 */
function readCategories(container: XmlElement): FeedCategory[] {
  const out: FeedCategory[] = [];
  const seen = new Set<string>();
  const add = (term: string, scheme: string | null, label: string | null): void => {
    if (term === '' && scheme === null && label === null) return;
    const key = JSON.stringify([term, scheme, label]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ term, scheme, label });
  };
  const itunesCategory = (el: XmlElement): void => {
    add(attr(el, 'text')?.trim() ?? '', ITUNES_SCHEME, null);
    for (const sub of byRole(el, 'itunes_category')) itunesCategory(sub);
  };
  for (const { role, el } of childrenWithRoles(container)) {
    if (role === 'category' || role === 'keywords') {
      add(attr(el, 'term')?.trim() || textContent(el).trim(), attr(el, 'scheme') ?? attr(el, 'domain') ?? null, attr(el, 'label') ?? null);
    } else if (role === 'tags' || role === 'itunes_keywords') {
      for (const term of textContent(el).split(',')) if (term.trim() !== '') add(term.trim(), role === 'tags' ? null : ITUNES_SCHEME, null);
    } else if (role === 'itunes_category') {
      itunesCategory(el);
    }
  }
  return out;
}

/** Dates: the last element of the kind wins (feedparser `_save(..., overwrite=True)`). */
function readDate(container: XmlElement, ...roles: string[]): string | null {
  const el = lastByRole(container, ...roles);
  return el === undefined ? null : parseFeedDate(textContent(el));
}

// ------------------------------------------------------------------ feed and entries

function isPermaLink(guid: XmlElement): boolean {
  return (attr(guid, 'isPermaLink') ?? 'true').trim().toLowerCase() === 'true';
}

function readId(container: XmlElement): string | null {
  const el = lastByRole(container, 'id', 'guid');
  if (el === undefined) {
    // RSS 1.0: the item's rdf:about is its identity (feedparser `_start_item`).
    const about = attr(container, 'about', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#');
    return about === undefined || about.trim() === '' ? null : about.trim();
  }
  const raw = textContent(el).trim();
  // RSS 2.0: a guid is a URL unless isPermaLink="false"; Atom ids are IRIs. Both are resolved as feedparser does
  // (`can_be_relative_uri`); a non-permalink guid is an opaque string and stays as written.
  return isPermaLink(el) && raw !== '' ? resolveIri(el.base, raw) : raw;
}

/** Media RSS elements, directly or inside `media:group`. */
function mediaElements(container: XmlElement, role: string): XmlElement[] {
  return [...byRole(container, role), ...byRole(container, 'media_group').flatMap((g) => byRole(g, role))];
}

/** CDF carries the link and the date as attributes (`HREF`, `LASTMOD`; feedparser `_cdf_common`). */
function applyCdf(el: XmlElement, common: Omit<FeedEntry, 'summary' | 'summaryDetail' | 'content'>): void {
  const href = attr(el, 'href');
  if (common.link === null && href !== undefined && href.trim() !== '') {
    common.link = resolveIri(el.base, href);
    common.links.push({ href: common.link, rel: 'alternate', type: null });
  }
  const lastmod = attr(el, 'lastmod');
  if (common.updated === null && lastmod !== undefined) common.updated = parseFeedDate(lastmod);
}

function readCommon(container: XmlElement, ctx: MapContext): Omit<FeedEntry, 'summary' | 'summaryDetail' | 'content'> {
  // The first title wins (feedparser `title_depth`); Media RSS's `media:title` only when there is none.
  const titleEl = firstByRole(container, 'title') ?? mediaElements(container, 'media_title')[0];
  const titleDetail = titleEl === undefined ? null : readText(titleEl, 'text/plain', ctx);
  const { links, link } = readLinks(container);
  const { author, authorDetail } = readAuthor(container);
  const common = {
    title: titleDetail?.value ?? null,
    titleDetail,
    link,
    links,
    id: readId(container),
    author,
    authorDetail,
    updated: readDate(container, 'updated', 'modified', 'lastbuilddate'),
    published: readDate(container, 'published', 'issued', 'pubdate'),
    categories: readCategories(container),
    base: container.base,
  };
  if (ctx.version === 'cdf') applyCdf(container, common);
  return common;
}

/** RSS `<image><url/><title/><link/></image>`, else `itunes:image@href`, else Atom `logo` (RFC 4287 §4.2.8). */
function readImage(channel: XmlElement, root: XmlElement): FeedImage | null {
  const image = firstByRole(channel, 'image') ?? (channel === root ? undefined : firstByRole(root, 'image'));
  if (image !== undefined) {
    const url = firstByRole(image, 'url');
    const href = url === undefined ? '' : uriText(url);
    if (href !== '') {
      const title = firstByRole(image, 'title');
      const link = firstByRole(image, 'link');
      return {
        url: href,
        title: title === undefined ? null : textContent(title).trim() || null,
        link: link === undefined ? null : uriText(link) || null,
      };
    }
  }
  const itunes = firstByRole(channel, 'itunes_image');
  const itunesHref = itunes === undefined ? undefined : (attr(itunes, 'href') ?? attr(itunes, 'url'));
  if (itunes !== undefined && itunesHref !== undefined && itunesHref.trim() !== '') {
    return { url: resolveIri(itunes.base, itunesHref), title: null, link: null };
  }
  const logo = firstByRole(channel, 'logo');
  const logoUrl = logo === undefined ? '' : uriText(logo);
  return logoUrl === '' ? null : { url: logoUrl, title: null, link: null };
}

const SUMMARY_ROLES = ['summary', 'description', 'abstract'];
const CONTENT_DEFAULT_TYPE = lookupTable<string>({
  content: 'text/plain',
  content_encoded: 'text/html',
  fullitem: 'text/html',
  body: 'application/xhtml+xml',
});

function readEntry(el: XmlElement, ctx: MapContext): FeedEntry {
  const common = readCommon(el, ctx);
  const guid = lastByRole(el, 'guid');
  // RSS 2.0 guid: "If the guid element has an attribute named isPermaLink with a value of true, the reader may assume
  // that it is a permalink to the item" (true is the default) — the link when the item has no `<link>`.
  if (common.link === null && guid !== undefined && isPermaLink(guid) && common.id !== null && common.id !== '') common.link = common.id;
  let summaryDetail: FeedText | null = null;
  const content: FeedText[] = [];
  for (const { role, el: child } of childrenWithRoles(el)) {
    if (role === null) continue;
    if (SUMMARY_ROLES.includes(role)) {
      const text = readText(child, role === 'description' ? 'text/html' : 'text/plain', ctx);
      // feedparser `_start_summary`/`_start_description`: a second summary before any content is content.
      if (summaryDetail === null) summaryDetail = text;
      else if (content.length === 0) content.push(text);
    } else {
      const defaultType = CONTENT_DEFAULT_TYPE[role];
      if (defaultType !== undefined) content.push(readText(child, defaultType, ctx));
    }
  }
  if (summaryDetail === null) {
    const fallback = byRole(el, 'itunes_summary')[0] ?? mediaElements(el, 'media_description')[0];
    if (fallback !== undefined) summaryDetail = readText(fallback, 'text/plain', ctx);
  }
  if (summaryDetail === null) {
    // feedparser `_end_content`: plain or HTML content doubles as the summary when there is none.
    const first = content.find((c) => c.type === 'text/plain' || HTML_TYPES.has(c.type));
    if (first !== undefined) summaryDetail = first;
  }
  return { ...common, summary: summaryDetail?.value ?? null, summaryDetail, content };
}

interface Shape {
  format: FeedDocument['format'];
  version: string;
  /** Where feed-level elements live (RSS/RDF `channel`, Atom `feed`). */
  channel: XmlElement;
  /** Elements whose `item`/`entry` children are entries. */
  entryParents: XmlElement[];
}

function shapeOf(root: XmlElement, doctypePublicId: string | null, options: ParseFeedOptions, name: string): Shape {
  const local = root.local.toLowerCase();
  const ns = normNs(root.ns);
  if (local === 'rss' && isCoreNs(ns)) {
    const v = (attr(root, 'version') ?? '').trim();
    const netscape = doctypePublicId !== null && /netscape/i.test(doctypePublicId);
    const version =
      v === '0.91'
        ? netscape
          ? 'rss091n'
          : 'rss091u'
        : v === '0.92'
          ? 'rss092'
          : v === '0.93'
            ? 'rss093'
            : v === '0.94'
              ? 'rss094'
              : v.startsWith('2.')
                ? 'rss20'
                : 'rss';
    const channel = firstByRole(root, 'channel') ?? root;
    return { format: 'rss', version, channel, entryParents: channel === root ? [root] : [channel, root] };
  }
  if (local === 'rdf' && (ns === NS_RDF || ns === '')) {
    const channel = firstByRole(root, 'channel') ?? root;
    // feedparser mixin.py `track_namespace`: the RSS 0.90 namespace makes it rss090, anything else is rss10.
    const declared = [...root.scope.values(), ...childElements(root).map((c) => c.ns)].map(normNs);
    const version = declared.includes(NS_RSS090) && !declared.includes(NS_RSS10) ? 'rss090' : 'rss10';
    return { format: 'rdf', version, channel, entryParents: channel === root ? [root] : [root, channel] };
  }
  if (local === 'feed' && isCoreNs(ns)) {
    const v = (attr(root, 'version') ?? '').trim();
    const version = ns === NS_ATOM10 ? 'atom10' : v === '0.3' ? 'atom03' : v === '0.2' ? 'atom02' : v === '0.1' ? 'atom01' : 'atom';
    return { format: 'atom', version, channel: root, entryParents: [root] };
  }
  if (local === 'channel' && isCoreNs(ns)) {
    return { format: 'cdf', version: 'cdf', channel: root, entryParents: [root] };
  }
  throw new LinkwrightError(
    'INVALID_INPUT',
    `${name}: well-formed XML but not an RSS or Atom feed (root element <${root.prefix === '' ? '' : `${root.prefix}:`}${root.local}>)`,
    { ...(options.url === undefined ? {} : { url: options.url }), position: { input: name } },
  );
}

/** Media types a feed may be served as (RFC 7303 §3 XML types, RFC 4287 §7 Atom, the unregistered RSS/RDF ones). */
function isXmlMediaType(contentType: string): boolean {
  const mime = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return (
    mime === 'text/xml' ||
    mime === 'application/xml' ||
    mime.endsWith('+xml') ||
    // RFC 7303 §9.3–9.5: XML external parsed entities and DTDs are XML too.
    mime.endsWith('/xml-external-parsed-entity') ||
    mime === 'application/xml-dtd'
  );
}

function inputNameOf(options: ParseFeedOptions): string {
  return options.inputName ?? options.url ?? 'feed';
}

/**
 * Parses an RSS or Atom document (already decoded to text) into a FeedDocument.
 * Throws LinkwrightError('INVALID_INPUT') — naming the input, with line and column when known — for an empty or
 * malformed document, one over the size cap, or well-formed XML that is not a feed.
 */
export function parseFeed(xml: string, options: ParseFeedOptions = {}): FeedDocument {
  const name = inputNameOf(options);
  const trimmed = xml.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    throw new LinkwrightError('INVALID_INPUT', `${name}: JSON, not an RSS or Atom feed (JSON Feed is not read here)`, {
      ...(options.url === undefined ? {} : { url: options.url }),
      position: { input: name, line: 1, column: 1 },
    });
  }
  const doc = parseXmlDocument(xml, {
    inputName: name,
    documentBase: documentBase(options.url, options.contentLocation),
    ...(options.url === undefined ? {} : { url: options.url }),
  });
  const warnings = [...doc.warnings];
  if (options.contentType !== undefined && options.contentType.trim() !== '' && !isXmlMediaType(options.contentType)) {
    warnings.push(`served as ${options.contentType.split(';')[0]?.trim()}, not an XML media type`);
  }
  const shape = shapeOf(doc.root, doc.doctypePublicId, options, name);
  const ctx: MapContext = { version: shape.version, isAtom: shape.format === 'atom' };
  const common = readCommon(shape.channel, ctx);
  const subtitleEl =
    firstByRole(shape.channel, 'subtitle', 'tagline', 'description', 'abstract') ??
    firstByRole(shape.channel, 'itunes_subtitle', 'itunes_summary');
  const subtitleDetail =
    subtitleEl === undefined ? null : readText(subtitleEl, roleOf(subtitleEl) === 'description' ? 'text/html' : 'text/plain', ctx);
  const entryEls: XmlElement[] = [];
  for (const parent of shape.entryParents) entryEls.push(...byRole(parent, 'item', 'entry'));
  if (entryEls.length > MAX_FEED_ENTRIES) {
    warnings.push(`${entryEls.length} entries; only the first ${MAX_FEED_ENTRIES} are read (MAX_FEED_ENTRIES)`);
  }
  const entries = entryEls.slice(0, MAX_FEED_ENTRIES).map((el) => readEntry(el, ctx));
  const generator = firstByRole(shape.channel, 'generator');
  return {
    format: shape.format,
    version: shape.version,
    ...common,
    subtitle: subtitleDetail?.value ?? null,
    subtitleDetail,
    image: readImage(shape.channel, doc.root),
    generator: generator === undefined ? null : textContent(generator).trim() || null,
    entries,
    entryCount: entryEls.length,
    warnings,
  };
}
