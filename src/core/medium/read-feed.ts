/**
 * readMediumFeed: Medium's RSS 2.0 feeds — user, tag, publication and publication-tagged (notes §1).
 * The feed itself is read by the general reader, src/core/feed parseFeed (one pass of fast-xml-parser; strict
 * well-formedness with line and column; `atom:updated` per item; entities decoded exactly once, so a code sample
 * `&lt;a href=…&gt;` stays text; relative URLs resolved against xml:base and the feed URL). This module adds what is
 * Medium's: the feed kind and ids from URLs, the links of each story with Medium's own chrome left out. Items'
 * HTML is read with htmlparser2.
 */

import { LinkwrightError } from '../errors/linkwright-error.js';
import { type FeedDocument, type FeedEntry, parseFeed } from '../feed/index.js';
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
import { isMediumHost, mediumPostIdFromUrl, mediumUsernameFromUrl, parseRssSource, stripTrackingParams } from './medium-ids.js';
import type {
  MediumFeed,
  MediumFeedChannel,
  MediumFeedItem,
  MediumFeedKind,
  MediumFeedLink,
  MediumFeedOptions,
  MediumFeedResult,
} from './medium-types.js';

function inputName(options: MediumFeedOptions): string {
  return options.url ?? 'feed';
}

function invalid(message: string, options: MediumFeedOptions): LinkwrightError {
  return new LinkwrightError('INVALID_INPUT', `${inputName(options)}: ${message}`, {
    ...(options.url === undefined ? {} : { url: options.url }),
    position: { input: inputName(options) },
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
  // Malformed XML, or XML that is not a feed: INVALID_INPUT naming the input (and the line and column).
  const doc = parseFeed(text, options.url === undefined ? {} : { url: options.url });
  const warnings = [...doc.warnings];
  const channel = readChannel(doc, options);
  const items = doc.entries.map((entry) => readItem(entry, warnings));
  const result: MediumFeed = { channel, items };
  return { state: 'ok', feed: result, warnings };
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

function readChannel(feed: FeedDocument, options: MediumFeedOptions): MediumFeedChannel {
  const rawLink = feed.link;
  const selfUrl = feed.links.find((l) => l.rel === 'self')?.href ?? null;
  const fromOption = hintFromFeedUrl(options.url ?? null);
  const fromSelf = hintFromFeedUrl(selfUrl);
  const fromLink = hintFromChannelLink(rawLink);
  const kind = fromOption.kind ?? fromSelf.kind ?? fromLink.kind ?? hintFromText(feed.title, feed.subtitle);
  return {
    title: feed.title,
    description: feed.subtitle,
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
    lastBuildDate: feed.updated,
    generator: feed.generator,
  };
}

// ------------------------------------------------------------------ items

function within(el: HtmlElement, test: (p: HtmlElement) => boolean): boolean {
  for (let p: HtmlElement | null = el; p !== null; p = parentElement(p)) if (test(p)) return true;
  return false;
}

function readItem(item: FeedEntry, warnings: string[]): MediumFeedItem {
  // `content:encoded` (full stories) or, without it, the `description` snippet. (parseFeed's summary falls back to
  // the content only when there is content, which is then taken first.)
  const encoded = item.content.find((c) => c.type === 'text/html' || c.type === 'application/xhtml+xml')?.value ?? null;
  const content = encoded !== null && encoded.trim() !== '' ? encoded : null;
  const html = content ?? item.summary ?? '';
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
    const url = resolveHttpUrl(href, item.link) ?? href;
    if (/\/_\/stat\?/.test(url)) continue;
    links.push({ url, anchorText: elementText(a) });
  }
  const snippetEl = content === null ? findAllElements(doc, (e) => hasClass(e, 'medium-feed-snippet'))[0] : undefined;
  const guid = item.id;
  const postId = (guid === null ? null : mediumPostIdFromUrl(guid)) ?? (item.link === null ? null : mediumPostIdFromUrl(item.link));
  if (postId === null) warnings.push(`item "${item.title ?? '?'}" has no Medium post id in guid or link`);
  return {
    postId,
    url: item.link === null ? null : stripTrackingParams(item.link),
    title: item.title === null ? null : collapseWhitespace(item.title),
    authorName: (item.authorDetail?.name ?? item.author)?.trim() || null,
    publishedAt: item.published,
    updatedAt: item.updated,
    tags: item.categories.map((c) => c.term.trim()).filter((t) => t !== ''),
    fullContent: content !== null,
    snippet: snippetEl === undefined ? null : elementText(snippetEl) || null,
    contentHtml: content,
    links,
    publicationName,
    publicationUrl,
  };
}
