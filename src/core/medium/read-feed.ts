/**
 * readMediumFeed: Medium's RSS 2.0 feeds — user, tag, publication and publication-tagged (notes §1).
 * The normalised model comes from @rowanmanning/feed-parser (stack.md "Feeds"); the two things it does not expose
 * — `atom:updated` per item and strict well-formedness with a position — come from fast-xml-parser, on which
 * feed-parser itself is built. Items' HTML is read with htmlparser2.
 */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { blockedResult, challengeSignals, mayBeChallenge } from './blocked.js';
import {
  collapseWhitespace,
  elementText,
  findAllElements,
  type HtmlElement,
  hasClass,
  parentElement,
  parseHtml,
  resolveHttpUrl,
} from './html-doc.js';
import {
  dateStringToIso,
  isMediumHost,
  mediumPostIdFromUrl,
  mediumUsernameFromUrl,
  parseRssSource,
  stripTrackingParams,
} from './medium-ids.js';
import { isObject } from './medium-state.js';
import type {
  MediumFeed,
  MediumFeedChannel,
  MediumFeedItem,
  MediumFeedKind,
  MediumFeedLink,
  MediumFeedOptions,
  MediumFeedResult,
} from './medium-types.js';

type ParsedFeed = ReturnType<typeof parseFeed>;

function inputName(options: MediumFeedOptions): string {
  return options.url ?? 'feed';
}

function invalid(message: string, options: MediumFeedOptions, position?: { line?: number; column?: number }): LinkwrightError {
  return new LinkwrightError('INVALID_INPUT', `${inputName(options)}: ${message}`, {
    ...(options.url === undefined ? {} : { url: options.url }),
    position: { input: inputName(options), ...(position ?? {}) },
  });
}

/** The root of a feed, after an optional XML declaration, processing instructions (stylesheets), comments, doctype. */
const XML_START = /^\s*(?:(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<(rss|feed|rdf:RDF)\b/i;

export function readMediumFeed(xml: string, options: MediumFeedOptions = {}): MediumFeedResult {
  const text = xml.replace(/^\uFEFF/, '');
  if (!XML_START.test(text)) {
    if (mayBeChallenge(text)) {
      const signals = challengeSignals(parseHtml(text));
      if (signals.length > 0) return blockedResult(signals);
    }
    if (text.trim() === '') throw invalid('empty input, expected an RSS feed', options);
    if (/^\s*(?:<!doctype html|<html)/i.test(text)) throw invalid('an HTML page, not an RSS feed', options);
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw invalid(`malformed XML at line ${line}, column ${col}: ${msg}`, options, { line, column: col });
  }
  if (!XML_START.test(text)) throw invalid('well-formed XML but not an RSS/Atom feed', options);
  let feed: ParsedFeed;
  try {
    feed = parseFeed(text);
  } catch (error) {
    throw invalid(`not a feed (${error instanceof Error ? error.message : String(error)})`, options);
  }
  const extras = readExtras(text);
  const warnings: string[] = [];
  const channel = readChannel(feed, extras.channelLink, options);
  const items = feed.items.map((item, i) => readItem(item, extras.items[i], warnings));
  if (extras.items.length !== feed.items.length) {
    warnings.push(`item count differs between parsers (${feed.items.length} vs ${extras.items.length}); atom:updated may be missing`);
  }
  const result: MediumFeed = { channel, items };
  return { state: 'ok', feed: result, warnings };
}

// ------------------------------------------------------------------ raw XML extras

interface ItemExtras {
  updated: string | null;
  /**
   * `content:encoded` / `description` exactly as the XML holds them. feed-parser decodes HTML entities in these a
   * second time (html-entities over the CDATA text), which turns a code sample `&lt;a href=…&gt;` into a real link;
   * fast-xml-parser gives the CDATA text as is and decodes escaped (non-CDATA) text once, as XML requires.
   */
  content: string | null;
  description: string | null;
}

const rawParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'atom:link' || name === 'link' || name === 'category',
});

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v.trim();
  if (isObject(v) && typeof v['#text'] === 'string') return v['#text'].trim();
  return null;
}

function readExtras(text: string): { channelLink: string | null; items: ItemExtras[] } {
  let parsed: unknown;
  try {
    parsed = rawParser.parse(text);
  } catch {
    return { channelLink: null, items: [] };
  }
  const rss = isObject(parsed) && isObject(parsed.rss) ? parsed.rss : null;
  const channel = rss !== null && isObject(rss.channel) ? rss.channel : null;
  if (channel === null) return { channelLink: null, items: [] };
  const links = Array.isArray(channel.link) ? channel.link : [];
  const channelLink = links.map(textOf).find((l) => l !== null && l !== '') ?? null;
  const items = (Array.isArray(channel.item) ? channel.item : []).map((it): ItemExtras => {
    if (!isObject(it)) return { updated: null, content: null, description: null };
    const key = Object.keys(it).find((k) => k === 'atom:updated' || k.endsWith(':updated'));
    const contentKey = Object.keys(it).find((k) => k === 'content:encoded' || k.endsWith(':encoded'));
    return {
      updated: key === undefined ? null : dateStringToIso(textOf(it[key])),
      content: contentKey === undefined ? null : textOf(it[contentKey]),
      description: textOf(it.description),
    };
  });
  return { channelLink, items };
}

// ------------------------------------------------------------------ channel

interface KindHint {
  kind: MediumFeedKind | null;
  username: string | null;
  publicationSlug: string | null;
  tagSlug: string | null;
}

const NO_HINT: KindHint = { kind: null, username: null, publicationSlug: null, tagSlug: null };

/**
 * Feed URL shapes (notes §1): `/feed/@user`, `/@user/feed`, `<user>.medium.com/feed`, `/feed/tag/<tag>`,
 * `/feed/<publication>`, `/feed/<publication>/tagged/<tag>`, `<custom-domain>/feed` (undecided: a publication or a
 * user's custom domain — the channel link tells).
 */
function hintFromFeedUrl(url: string | null): KindHint {
  if (url === null) return NO_HINT;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return NO_HINT;
  }
  const s = parsed.pathname
    .split('/')
    .filter((x) => x !== '')
    .map((x) => decodeURIComponent(x));
  const host = parsed.hostname.toLowerCase();
  if (s[0] === 'feed' && s[1] === 'tag' && s[2] !== undefined) return { ...NO_HINT, kind: 'tag', tagSlug: s[2].toLowerCase() };
  if (s[0] === 'feed' && s[1]?.startsWith('@') === true) return { ...NO_HINT, kind: 'user', username: s[1].slice(1) };
  if (s[0]?.startsWith('@') === true && s[1] === 'feed') return { ...NO_HINT, kind: 'user', username: s[0].slice(1) };
  if (s[0] === 'feed' && s[1] !== undefined && s[2] === 'tagged' && s[3] !== undefined) {
    return { ...NO_HINT, kind: 'publication-tag', publicationSlug: s[1], tagSlug: s[3].toLowerCase() };
  }
  if (s[0] === 'feed' && s[1] !== undefined && isMediumHost(host)) {
    const sub = mediumUsernameFromUrl(url);
    if (sub !== null) return NO_HINT; // `<user>.medium.com/feed/<x>` is not a known shape
    return { ...NO_HINT, kind: 'publication', publicationSlug: s[1] };
  }
  if (s.length === 1 && s[0] === 'feed') {
    const sub = mediumUsernameFromUrl(url);
    if (sub !== null) return { ...NO_HINT, kind: 'user', username: sub };
  }
  // A publication's custom domain can also publish `/feed/tagged/<tag>`.
  if (s[0] === 'feed' && s[1] === 'tagged' && s[2] !== undefined)
    return { ...NO_HINT, kind: 'publication-tag', tagSlug: s[2].toLowerCase() };
  return NO_HINT;
}

/**
 * The channel link: user `https://medium.com/@user?source=rss-<userId>------2`, tag
 * `https://medium.com/tag/<tag>/latest?source=rss------<tag>-5`, publication
 * `https://medium.com/<slug>?source=rss----<collectionId>---4`, publication-tag
 * `https://medium.com/<slug>/tagged/<tag>?source=rss----<collectionId>--<tag>` (the last two partly unverified).
 */
function hintFromChannelLink(link: string | null): KindHint & { userId: string | null; collectionId: string | null } {
  const empty = { ...NO_HINT, userId: null, collectionId: null };
  if (link === null) return empty;
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    return empty;
  }
  const source = parsed.searchParams.get('source') ?? '';
  const ids = parseRssSource(source);
  const s = parsed.pathname
    .split('/')
    .filter((x) => x !== '')
    .map((x) => decodeURIComponent(x));
  const username = mediumUsernameFromUrl(link);
  if (s[0] === 'tag' && s[1] !== undefined) return { ...empty, kind: 'tag', tagSlug: s[1].toLowerCase() };
  const taggedAt = s.indexOf('tagged');
  if (taggedAt >= 0 && s[taggedAt + 1] !== undefined) {
    return {
      ...empty,
      kind: 'publication-tag',
      publicationSlug: taggedAt > 0 ? (s[taggedAt - 1] ?? null) : null,
      tagSlug: (s[taggedAt + 1] as string).toLowerCase(),
      collectionId: ids.collectionId,
    };
  }
  if (ids.userId !== null) return { ...empty, kind: 'user', username, userId: ids.userId };
  if (ids.collectionId !== null) {
    const first = s[0];
    return {
      ...empty,
      kind: ids.tag !== null ? 'publication-tag' : 'publication',
      publicationSlug: first !== undefined && isMediumHost(parsed.hostname) ? first : null,
      tagSlug: ids.tag,
      collectionId: ids.collectionId,
    };
  }
  if (username !== null) return { ...empty, kind: 'user', username };
  if (ids.tag !== null) return { ...empty, kind: 'tag', tagSlug: ids.tag };
  return empty;
}

/** Descriptions: "Latest stories tagged with X in pub on Medium", "Latest stories tagged with X on Medium", "Stories by X on Medium". */
function hintFromText(title: string | null, description: string | null): MediumFeedKind | null {
  const d = `${description ?? ''}`;
  if (/tagged with .+ in .+ on Medium/i.test(d)) return 'publication-tag';
  if (/tagged with .+ on Medium/i.test(d)) return 'tag';
  if (/^(?:Stories|Latest posts) by .+ on Medium$/i.test(d) || /^Stories by .+ on Medium$/i.test(title ?? '')) return 'user';
  return null;
}

function readChannel(feed: ParsedFeed, rawLinkFromXml: string | null, options: MediumFeedOptions): MediumFeedChannel {
  const rawLink = feed.url ?? rawLinkFromXml;
  const selfUrl = feed.self;
  const fromOption = hintFromFeedUrl(options.url ?? null);
  const fromSelf = hintFromFeedUrl(selfUrl);
  const fromLink = hintFromChannelLink(rawLink);
  const kind = fromOption.kind ?? fromSelf.kind ?? fromLink.kind ?? hintFromText(feed.title, feed.description);
  return {
    title: feed.title,
    description: feed.description,
    link: rawLink === null ? null : stripTrackingParams(rawLink),
    rawLink,
    selfUrl,
    kind,
    userId: kind === 'user' ? fromLink.userId : null,
    username: kind === 'user' ? (fromOption.username ?? fromSelf.username ?? fromLink.username) : null,
    collectionId: kind === 'publication' || kind === 'publication-tag' ? fromLink.collectionId : null,
    publicationSlug:
      kind === 'publication' || kind === 'publication-tag'
        ? (fromOption.publicationSlug ?? fromSelf.publicationSlug ?? fromLink.publicationSlug)
        : null,
    tagSlug: kind === 'tag' || kind === 'publication-tag' ? (fromOption.tagSlug ?? fromSelf.tagSlug ?? fromLink.tagSlug) : null,
    imageUrl: feed.image?.url ?? null,
    lastBuildDate: feed.updated === null ? null : feed.updated.toISOString(),
    generator: feed.generator?.label ?? null,
  };
}

// ------------------------------------------------------------------ items

function within(el: HtmlElement, test: (p: HtmlElement) => boolean): boolean {
  for (let p: HtmlElement | null = el; p !== null; p = parentElement(p)) if (test(p)) return true;
  return false;
}

function readItem(item: ParsedFeed['items'][number], extras: ItemExtras | undefined, warnings: string[]): MediumFeedItem {
  const rawContent = extras?.content ?? item.content;
  const content = rawContent !== null && rawContent.trim() !== '' ? rawContent : null;
  const html = content ?? extras?.description ?? item.description ?? '';
  const doc = parseHtml(html);
  const links: MediumFeedLink[] = [];
  let publicationName: string | null = null;
  let publicationUrl: string | null = null;
  // The footer of publication posts: "<a>Title</a> was originally published in <a>Publication</a> on Medium, …"
  const footer = findAllElements(doc, (e) => e.name === 'p' && /was originally published in/i.test(elementText(e))).pop() ?? null;
  if (footer !== null) {
    const anchors = findAllElements(doc, (e) => e.name === 'a' && within(e, (p) => p === footer));
    const pub = anchors[1];
    if (pub !== undefined) {
      publicationName = elementText(pub) || null;
      publicationUrl = pub.attribs.href === undefined ? null : (resolveHttpUrl(pub.attribs.href, null) ?? pub.attribs.href);
    }
  }
  for (const a of findAllElements(doc, (e) => e.name === 'a' && e.attribs.href !== undefined)) {
    if (footer !== null && within(a, (p) => p === footer)) continue;
    // Medium's own parts of a snippet item: the image link and "Continue reading on Medium »".
    if (within(a, (p) => hasClass(p, 'medium-feed-link') || hasClass(p, 'medium-feed-image'))) continue;
    const href = (a.attribs.href ?? '').trim();
    const url = resolveHttpUrl(href, item.url ?? null) ?? href;
    if (/\/_\/stat\?/.test(url)) continue;
    links.push({ url, anchorText: elementText(a) });
  }
  const snippetEl = content === null ? findAllElements(doc, (e) => hasClass(e, 'medium-feed-snippet'))[0] : undefined;
  const guid = item.id;
  const postId = (guid === null ? null : mediumPostIdFromUrl(guid)) ?? (item.url === null ? null : mediumPostIdFromUrl(item.url));
  if (postId === null) warnings.push(`item "${item.title ?? '?'}" has no Medium post id in guid or link`);
  return {
    postId,
    url: item.url === null ? null : stripTrackingParams(item.url),
    title: item.title === null ? null : collapseWhitespace(item.title),
    authorName: item.authors[0]?.name?.trim() ?? null,
    publishedAt: item.published === null ? null : item.published.toISOString(),
    updatedAt: extras?.updated ?? null,
    tags: item.categories.map((c) => c.term.trim()).filter((t) => t !== ''),
    fullContent: content !== null,
    snippet: snippetEl === undefined ? null : elementText(snippetEl) || null,
    links,
    publicationName,
    publicationUrl,
  };
}
