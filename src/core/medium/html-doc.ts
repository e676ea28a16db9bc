/**
 * Small helpers over an htmlparser2 DOM (stack.md: htmlparser2 for links, canonical, meta and the state script).
 * A DOM (not the streaming parser) because placement needs ancestors: a link is in the body when an ancestor is a
 * body paragraph, and the paragraph names are only known after the state script at the end of the page is read.
 */
import { DomUtils, parseDocument } from 'htmlparser2';

export type HtmlDocument = ReturnType<typeof parseDocument>;
export type HtmlElement = ReturnType<typeof DomUtils.findAll>[number];
type AnyNode = Parameters<typeof DomUtils.textContent>[0];

export function parseHtml(html: string): HtmlDocument {
  return parseDocument(html, { decodeEntities: true });
}

export function findAllElements(doc: HtmlDocument, test: (el: HtmlElement) => boolean): HtmlElement[] {
  return DomUtils.findAll(test, doc.children);
}

export function findAllWithin(el: HtmlElement, test: (el: HtmlElement) => boolean): HtmlElement[] {
  return DomUtils.findAll(test, el.children);
}

export function attr(el: HtmlElement, name: string): string | undefined {
  return el.attribs[name];
}

export function classTokens(el: HtmlElement): string[] {
  const c = el.attribs.class;
  return c === undefined ? [] : c.split(/\s+/).filter((t) => t.length > 0);
}

export function hasClass(el: HtmlElement, token: string): boolean {
  return classTokens(el).includes(token);
}

/** Text with runs of whitespace collapsed to one space and trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function elementText(el: HtmlElement): string {
  return collapseWhitespace(DomUtils.textContent(el as AnyNode));
}

/** Raw text of a script/style element (not entity-decoded by the HTML parser; CDATA markers kept). */
export function rawText(el: HtmlElement): string {
  return DomUtils.textContent(el as AnyNode);
}

/** The parent element, or null at the root. */
export function parentElement(el: HtmlElement): HtmlElement | null {
  const p = el.parent;
  return p !== null && 'attribs' in p ? (p as HtmlElement) : null;
}

/** Strips `<![CDATA[ … ]]>` and `// <![CDATA[ … // ]]>` wrappers (the readability fixtures and 2015 pages use them). */
export function stripCdata(text: string): string {
  return text
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '');
}

export interface HeadLink {
  rel: string[];
  href: string;
  id: string | undefined;
  type: string | undefined;
}

export interface PageHead {
  /** `<title>` text, whitespace-collapsed. */
  title: string | null;
  /** meta key (property, name or itemprop, lower-cased) → values in document order. */
  meta: Map<string, string[]>;
  links: HeadLink[];
  /** Decoded JSON-LD objects (arrays and `@graph` flattened). */
  jsonLd: Record<string, unknown>[];
}

/**
 * Reads `<meta>` in both spellings seen in the fixtures: `property=… content=…` (Medium) and `name=… value=…`
 * (pages re-written by the Mercury parser's fetcher, PROVENANCE.md).
 */
export function readHead(doc: HtmlDocument): PageHead {
  const meta = new Map<string, string[]>();
  const links: HeadLink[] = [];
  const jsonLd: Record<string, unknown>[] = [];
  let title: string | null = null;
  for (const el of findAllElements(doc, (e) => e.name === 'meta' || e.name === 'link' || e.name === 'title' || e.name === 'script')) {
    if (el.name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop)?.trim().toLowerCase();
      const value = el.attribs.content ?? el.attribs.value;
      if (key === undefined || key === '' || value === undefined) continue;
      const list = meta.get(key);
      if (list === undefined) meta.set(key, [value]);
      else list.push(value);
    } else if (el.name === 'link') {
      const href = el.attribs.href;
      if (href === undefined) continue;
      links.push({
        rel: (el.attribs.rel ?? '')
          .toLowerCase()
          .split(/\s+/)
          .filter((t) => t.length > 0),
        href: href.trim(),
        id: el.attribs.id,
        type: el.attribs.type,
      });
    } else if (el.name === 'title') {
      // The first <title> only: SVG <title> elements inside the body must not win.
      if (title === null && !insideSvg(el)) title = elementText(el);
    } else if ((el.attribs.type ?? '').toLowerCase() === 'application/ld+json') {
      const text = stripCdata(rawText(el)).trim();
      try {
        flattenJsonLd(JSON.parse(text) as unknown, jsonLd);
      } catch {
        // A broken JSON-LD block is ignored; the other sources still answer.
      }
    }
  }
  return { title, meta, links, jsonLd };
}

function insideSvg(el: HtmlElement): boolean {
  for (let p = parentElement(el); p !== null; p = parentElement(p)) if (p.name === 'svg') return true;
  return false;
}

function flattenJsonLd(value: unknown, out: Record<string, unknown>[]): void {
  if (Array.isArray(value)) {
    for (const v of value) flattenJsonLd(v, out);
  } else if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    out.push(obj);
    if (Array.isArray(obj['@graph'])) flattenJsonLd(obj['@graph'], out);
  }
}

/** First non-empty meta value among `keys`. */
export function metaValue(head: PageHead, ...keys: string[]): string | null {
  for (const key of keys) {
    for (const v of head.meta.get(key) ?? []) {
      const t = v.trim();
      if (t !== '') return t;
    }
  }
  return null;
}

/** href of the first `<link>` whose rel contains `rel` (and, optionally, passes `test`). */
export function linkHref(head: PageHead, rel: string, test?: (l: HeadLink) => boolean): string | null {
  const found = head.links.find((l) => l.rel.includes(rel) && (test === undefined || test(l)));
  return found?.href ?? null;
}

/** The first JSON-LD object whose @type is one of `types`. */
export function jsonLdOfType(head: PageHead, types: readonly string[]): Record<string, unknown> | null {
  for (const obj of head.jsonLd) {
    const t = obj['@type'];
    const list = Array.isArray(t) ? t : [t];
    if (list.some((x) => typeof x === 'string' && types.includes(x))) return obj;
  }
  return null;
}

/** Resolves `href` against `base`; null when that does not give an http(s) URL. */
export function resolveHttpUrl(href: string, base: string | null): string | null {
  try {
    const u = base === null ? new URL(href) : new URL(href, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.toString() : null;
  } catch {
    return null;
  }
}

/** Lower-cased, de-duplicated rel tokens in order of appearance. */
export function relTokens(rel: string | null | undefined): string[] {
  if (rel === null || rel === undefined) return [];
  const out: string[] = [];
  for (const t of rel.toLowerCase().split(/\s+/)) if (t !== '' && !out.includes(t)) out.push(t);
  return out;
}
