/**
 * What an article page says outside its embedded state: head metadata (stable since 2019, notes §2.1), JSON-LD,
 * the canonical link, and a few rendered hooks for pages without state (`pw-*` classes of 2022+ markup, the
 * `graf`/`postTags` markup of 2014–18). Also the rule that places links in the body (notes §2.2): a link is
 * contextual when an ancestor is a body paragraph — an element whose id/name is a paragraph `name` of the
 * post's model, or (no model) a 4-hex id/name inside `<article>`, or the `pw-post-body-paragraph` class.
 */
import { isAbbreviatedCount, parseAbbreviatedCount } from './abbreviated-count.js';
import {
  attr,
  classTokens,
  elementText,
  findAllElements,
  findAllWithin,
  type HtmlDocument,
  type HtmlElement,
  hasClass,
  jsonLdOfType,
  linkHref,
  metaValue,
  type PageHead,
  parentElement,
  relTokens,
  resolveHttpUrl,
} from './html-doc.js';
import { dateStringToIso, isMediumHost, mediumPostIdFromUrl, mediumUsernameFromUrl } from './medium-ids.js';
import { isObject, nonEmpty } from './medium-state.js';
import type { MediumBodyLink, MediumPublication } from './medium-types.js';

/** A count read from rendered text, with the text it came from (abbreviated values are approximate). */
export interface DomCount {
  value: number;
  text: string;
  approximate: boolean;
}

export interface PageFacts {
  /** The post id the page declares for itself (app links, JSON-LD identifier, parsely id, og:url). */
  selfPostId: string | null;
  ogUrl: string | null;
  /** `<link rel=canonical>` resolved absolute. */
  canonical: string | null;
  title: string | null;
  subtitle: string | null;
  authorName: string | null;
  authorUsername: string | null;
  authorFollowers: DomCount | null;
  claps: DomCount | null;
  recommends: DomCount | null;
  responses: DomCount | null;
  readingTimeMinutes: number | null;
  publishedAt: string | null;
  updatedAt: string | null;
  tags: string[] | null;
  isLocked: boolean | null;
  publication: MediumPublication | null;
  /** true when the page carries Medium's own markers (app links to com.medium.reader, medium:// URLs). */
  isMediumPage: boolean;
}

const PARAGRAPH_NAME_RE = /^[0-9a-f]{4}$/;

function firstByClass(doc: HtmlDocument, token: string): HtmlElement | null {
  return findAllElements(doc, (e) => hasClass(e, token))[0] ?? null;
}

function domCount(el: HtmlElement | null): DomCount | null {
  if (el === null) return null;
  const text = elementText(el);
  const value = parseAbbreviatedCount(text);
  return value === null ? null : { value, text, approximate: isAbbreviatedCount(text) };
}

function jsonLdString(obj: Record<string, unknown> | null, key: string): string | null {
  return obj === null ? null : nonEmpty(obj[key]);
}

function jsonLdName(v: unknown): string | null {
  if (Array.isArray(v)) return jsonLdName(v[0]);
  if (isObject(v)) return nonEmpty(v.name);
  return nonEmpty(v);
}

function jsonLdUrl(v: unknown): string | null {
  if (Array.isArray(v)) return jsonLdUrl(v[0]);
  if (isObject(v)) return nonEmpty(v.url) ?? nonEmpty(v['@id']);
  return null;
}

/** "Title | by Author | Publication | Medium" (2020+), "Title — Medium" (2015) → "Title". */
export function titleFromDocumentTitle(title: string): string {
  const byAt = title.indexOf(' | by ');
  if (byAt > 0) return title.slice(0, byAt).trim();
  return title.replace(/\s+[|–—-]\s+Medium\s*$/u, '').trim();
}

function readingMinutes(text: string | null): number | null {
  if (text === null) return null;
  const m = /(\d+(?:\.\d+)?)\s*min(?:ute)?s?\b/i.exec(text);
  return m?.[1] === undefined ? null : Number(m[1]);
}

function insideTag(el: HtmlElement, tag: string): boolean {
  for (let p = parentElement(el); p !== null; p = parentElement(p)) if (p.name === tag) return true;
  return false;
}

function tagSlugFromHref(href: string, base: string | null): string | null {
  const url = resolveHttpUrl(href, base);
  if (url === null) return null;
  const segments = new URL(url).pathname.split('/').filter((s) => s !== '');
  const i = segments.indexOf('tag');
  const slug = i >= 0 ? segments[i + 1] : undefined;
  return slug === undefined ? null : decodeURIComponent(slug).toLowerCase();
}

function publicationFromDom(doc: HtmlDocument, head: PageHead, base: string | null, storyUrl: string | null): MediumPublication | null {
  // 2014–18 markup: the footer card links the publication with rel="collection".
  const collectionLink = findAllElements(doc, (e) => e.name === 'a' && relTokens(e.attribs.rel).includes('collection'))[0];
  let name: string | null = collectionLink === undefined ? null : nonEmpty(elementText(collectionLink));
  let slug: string | null = null;
  let domain: string | null = null;
  if (collectionLink?.attribs.href !== undefined) {
    const u = resolveHttpUrl(collectionLink.attribs.href, base);
    if (u !== null) {
      const parsed = new URL(u);
      const first = parsed.pathname.split('/').find((s) => s !== '');
      if (isMediumHost(parsed.hostname) && first !== undefined && !first.startsWith('@')) slug = first;
      else if (!isMediumHost(parsed.hostname)) domain = parsed.hostname;
    }
  }
  // JSON-LD publisher names the publication on 2019+ pages (it is "Medium" for stories outside publications).
  const ld = jsonLdOfType(head, ['NewsArticle', 'Article', 'BlogPosting']);
  const publisher = ld === null ? null : ld.publisher;
  const publisherName = jsonLdName(publisher);
  if (name === null && publisherName !== null && publisherName !== 'Medium') name = publisherName;
  // The story URL `medium.com/<publication-slug>/<story>` names the publication slug (`/@user/…` is a user).
  if (slug === null && storyUrl !== null) {
    const parsed = safe(storyUrl);
    if (parsed !== null && isMediumHost(parsed.hostname)) {
      const segments = parsed.pathname.split('/').filter((s) => s !== '');
      const first = segments[0];
      if (segments.length >= 2 && first !== undefined && !first.startsWith('@') && first !== 'p') slug = first;
    }
  }
  if (name === null && slug === null && domain === null) return null;
  return { id: null, name, slug, followers: null, domain };
}

function safe(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function readPageFacts(doc: HtmlDocument, head: PageHead, pageUrl: string | null): PageFacts {
  const base = pageUrl ?? metaValue(head, 'og:url');
  const canonicalRaw = linkHref(head, 'canonical');
  const canonical = canonicalRaw === null ? null : resolveHttpUrl(canonicalRaw, base);
  const ogUrl = metaValue(head, 'og:url', 'al:web:url');
  const ld = jsonLdOfType(head, ['NewsArticle', 'Article', 'BlogPosting', 'SocialMediaPosting']);

  const appLinks = [
    metaValue(head, 'al:android:url'),
    metaValue(head, 'al:ios:url'),
    metaValue(head, 'twitter:app:url:iphone'),
    linkHref(head, 'alternate', (l) => l.href.startsWith('android-app:')),
  ];
  const isMediumPage =
    appLinks.some((l) => l !== null && /^(medium:|android-app:\/\/com\.medium\.reader)/i.test(l)) ||
    metaValue(head, 'al:android:package') === 'com.medium.reader';
  let selfPostId: string | null = null;
  for (const l of appLinks) {
    if (l !== null) selfPostId ??= mediumPostIdFromUrl(l);
  }
  const ldId = jsonLdString(ld, 'identifier');
  if (selfPostId === null && ldId !== null && /^[0-9a-f]{10,12}$/.test(ldId)) selfPostId = ldId;
  const parsely = metaValue(head, 'parsely-post-id');
  if (selfPostId === null && parsely !== null && /^[0-9a-f]{10,12}$/.test(parsely)) selfPostId = parsely;
  if (selfPostId === null && ogUrl !== null) selfPostId = mediumPostIdFromUrl(ogUrl);

  const titleEl = firstByClass(doc, 'pw-post-title') ?? firstByClass(doc, 'graf--title');
  const docTitle = head.title === null ? null : titleFromDocumentTitle(head.title);
  const title =
    (titleEl === null ? null : nonEmpty(elementText(titleEl))) ??
    metaValue(head, 'og:title', 'twitter:title') ??
    (docTitle === '' ? null : docTitle);
  const subtitleEl = firstByClass(doc, 'pw-subtitle-paragraph') ?? firstByClass(doc, 'graf--subtitle');

  const authorUrl = metaValue(head, 'article:author') ?? linkHref(head, 'author') ?? jsonLdUrl(ld?.author);
  const readTime =
    readingMinutes(metaValue(head, 'twitter:data1')) ?? readingMinutes(elementTextOrNull(firstByClass(doc, 'pw-reading-time')));

  const tags: string[] = [];
  for (const a of findAllElements(doc, (e) => e.name === 'a' && e.attribs.href !== undefined && insideTag(e, 'article'))) {
    const slug = tagSlugFromHref(a.attribs.href ?? '', base);
    if (slug !== null && !tags.includes(slug)) tags.push(slug);
  }

  const recommendsButton = findAllElements(doc, (e) => e.name === 'button' && e.attribs['data-action'] === 'show-recommends')[0] ?? null;
  const accessible = ld?.isAccessibleForFree;
  const isLocked =
    accessible === false || accessible === 'False' || accessible === 'false'
      ? true
      : accessible === true || accessible === 'True' || accessible === 'true'
        ? false
        : null;

  return {
    selfPostId,
    ogUrl,
    canonical,
    title,
    subtitle: subtitleEl === null ? null : nonEmpty(elementText(subtitleEl)),
    authorName: metaValue(head, 'author') ?? jsonLdName(ld?.author),
    authorUsername: authorUrl === null ? null : mediumUsernameFromUrl(authorUrl),
    authorFollowers: domCount(firstByClass(doc, 'pw-follower-count')),
    claps: domCount(firstByClass(doc, 'pw-multi-vote-count')),
    recommends: domCount(recommendsButton),
    responses: domCount(firstByClass(doc, 'pw-responses-count')),
    readingTimeMinutes: readTime,
    publishedAt: dateStringToIso(jsonLdString(ld, 'datePublished')) ?? dateStringToIso(metaValue(head, 'article:published_time')),
    updatedAt: dateStringToIso(jsonLdString(ld, 'dateModified')),
    tags: tags.length > 0 ? tags : null,
    isLocked,
    publication: publicationFromDom(doc, head, base, ogUrl ?? canonical),
    isMediumPage,
  };
}

function elementTextOrNull(el: HtmlElement | null): string | null {
  return el === null ? null : elementText(el);
}

// ------------------------------------------------------------------ body links from HTML

export interface HtmlBodyLinks {
  links: MediumBodyLink[];
  /** How many body-paragraph elements were found (0 ⇒ the HTML does not show the body). */
  markers: number;
  /** Names of the paragraphs the HTML shows. */
  rendered: Set<string>;
}

function markerName(el: HtmlElement): string | null {
  return el.attribs.id ?? el.attribs.name ?? null;
}

/**
 * Links inside body paragraphs. `names`: the paragraph names of the post's model, when a model was found; without
 * one a 4-hex id/name inside `<article>` (or anywhere when the page has no `<article>`) or the
 * `pw-post-body-paragraph` class marks a paragraph.
 */
export function htmlBodyLinks(doc: HtmlDocument, names: ReadonlySet<string> | null, base: string | null): HtmlBodyLinks {
  const hasArticle = findAllElements(doc, (e) => e.name === 'article').length > 0;
  const isMarker = (el: HtmlElement): string | null => {
    const id = el.attribs.id;
    const name = el.attribs.name;
    if (names !== null) {
      if (id !== undefined && names.has(id)) return id;
      if (name !== undefined && names.has(name)) return name;
      return null;
    }
    const candidate =
      id !== undefined && PARAGRAPH_NAME_RE.test(id) ? id : name !== undefined && PARAGRAPH_NAME_RE.test(name) ? name : null;
    if (candidate !== null && (!hasArticle || insideTag(el, 'article'))) return candidate;
    if (classTokens(el).includes('pw-post-body-paragraph')) return markerName(el) ?? '';
    return null;
  };
  let markers = 0;
  const links: MediumBodyLink[] = [];
  const rendered = new Set<string>();
  for (const el of findAllElements(doc, (e) => isMarker(e) !== null || e.name === 'a')) {
    if (el.name !== 'a') {
      markers++;
      const name = isMarker(el);
      if (name !== null && name !== '') rendered.add(name);
      continue;
    }
    const href = attr(el, 'href');
    if (href === undefined) continue;
    let found = false;
    let paragraph: string | null = null;
    for (let p = parentElement(el); p !== null && p.name !== 'body'; p = parentElement(p)) {
      const m = isMarker(p);
      if (m !== null) {
        found = true;
        paragraph = m === '' ? null : m;
        break;
      }
    }
    if (!found) continue;
    const text = elementText(el);
    const img = findAllWithin(el, (e) => e.name === 'img')[0];
    const anchorText = text !== '' ? text : (img?.attribs.alt ?? '').trim();
    const url = resolveHttpUrl(href.trim(), base) ?? href.trim();
    const userMention = /\/u\/[0-9a-f]{10,12}(?:[/?#]|$)/.test(url);
    links.push({
      url,
      href,
      anchorText,
      rel: relTokens(el.attribs.rel),
      paragraph,
      kind: userMention ? 'user-mention' : text === '' && img !== undefined ? 'image' : 'link',
    });
  }
  return { links, markers, rendered };
}
