/**
 * Medium's RSS 2.0 as a pure string builder. Shape copied from the 2023 user feed fixture (namespaces, element
 * order, CDATA use, `?source=rss-<userId>------2` links, guid `https://medium.com/p/<id>`, `atom:updated`,
 * tracking pixel, "originally published in" footer) and from notes §1 for the other kinds. Unverified details
 * (no real sample in shared/): the tag feed's link `…/tag/<t>/latest?source=rss------<t>-5` and the
 * publication(-tag) feeds' `?source=rss----<collectionId>---4` are written as remembered from Medium, and
 * description-only snippet items use the `medium-feed-item` markup of the 2016 fixture plus a `medium-feed-image`
 * paragraph.
 */
import { cdata, escapeAttr, escapeHtml, escapeXml, rfc822 } from './escape.js';
import { publicationUrl, renderInline, storyUrl, userUrl } from './story-page.js';
import type { SyntheticFeedItem, SyntheticFeedSpec, SyntheticStory } from './synthetic-types.js';

function originOf(origin: string | undefined): string {
  return (origin ?? 'https://medium.com').replace(/\/+$/, '');
}

interface ChannelShape {
  title: string;
  description: string;
  link: string;
  self: string;
  image: string;
  itemSource: string;
}

/** The "permalink" host of guids is always medium.com in real feeds; the fake Medium keeps its own origin. */
function channelShape(spec: SyntheticFeedSpec): ChannelShape {
  const origin = originOf(spec.origin);
  switch (spec.kind) {
    case 'user': {
      const source = `rss-${spec.user.id}------2`;
      return {
        title: `Stories by ${spec.user.name} on Medium`,
        description: `Stories by ${spec.user.name} on Medium`,
        link: `${userUrl(spec.user, spec.origin)}?source=${source}`,
        self: `${origin}/@${encodeURIComponent(spec.user.username)}/feed`,
        image: `https://cdn-images-1.medium.com/fit/c/150/150/${spec.user.imageId ?? 'default.png'}`,
        itemSource: source,
      };
    }
    case 'tag': {
      const source = `rss------${spec.tag.slug}-5`;
      return {
        title: `${spec.tag.title} on Medium`,
        description: `Latest stories tagged with ${spec.tag.title} on Medium`,
        link: `${origin}/tag/${encodeURIComponent(spec.tag.slug)}/latest?source=${source}`,
        self: `${origin}/feed/tag/${encodeURIComponent(spec.tag.slug)}`,
        image: 'https://cdn-images-1.medium.com/proxy/1*TGH72Nnw24QL3iV9IOm4VA.png',
        itemSource: source,
      };
    }
    case 'publication': {
      const source = `rss----${spec.publication.id}---4`;
      return {
        title: spec.publication.name,
        description: spec.publication.description,
        link: `${publicationUrl(spec.publication, spec.origin)}?source=${source}`,
        self: `${origin}/feed/${encodeURIComponent(spec.publication.slug)}`,
        image: `https://cdn-images-1.medium.com/proxy/${spec.publication.id}.png`,
        itemSource: source,
      };
    }
    case 'publication-tag': {
      const source = `rss----${spec.publication.id}--${spec.tag.slug}`;
      return {
        title: `${spec.tag.title} in ${spec.publication.name} on Medium`,
        // notes §1 sample: "Latest stories tagged with Software Development in hacker-daily on Medium" (the slug).
        description: `Latest stories tagged with ${spec.tag.title} in ${spec.publication.slug} on Medium`,
        link: `${publicationUrl(spec.publication, spec.origin)}/tagged/${encodeURIComponent(spec.tag.slug)}?source=${source}`,
        self: `${origin}/feed/${encodeURIComponent(spec.publication.slug)}/tagged/${encodeURIComponent(spec.tag.slug)}`,
        image: `https://cdn-images-1.medium.com/proxy/${spec.publication.id}.png`,
        itemSource: source,
      };
    }
  }
}

function itemXml(item: SyntheticFeedItem, source: string, origin: string): string {
  const link = `${item.url}${item.url.includes('?') ? '&' : '?'}source=${source}`;
  let body: string;
  if (item.content.full) {
    const pixel = `<img src="${escapeAttr(`${origin}/_/stat?event=post.clientViewed&referrerSource=full_rss&postId=${item.postId}`)}" width="1" height="1" alt="">`;
    const footer =
      item.publication === null
        ? ''
        : `<hr><p><a href="${escapeAttr(item.url)}">${escapeHtml(item.title)}</a> was originally published in <a href="${escapeAttr(item.publication.url)}">${escapeHtml(item.publication.name)}</a> on Medium, where people are continuing the conversation by highlighting and responding to this story.</p>`;
    body = `<content:encoded>${cdata(item.content.html + pixel + footer)}</content:encoded>`;
  } else {
    const image =
      item.content.imageUrl === null
        ? ''
        : `<p class="medium-feed-image"><a href="${escapeAttr(link)}"><img src="${escapeAttr(item.content.imageUrl)}" width="1024"></a></p>`;
    const html = `<div class="medium-feed-item">${image}<p class="medium-feed-snippet">${escapeHtml(item.content.snippet)}</p><p class="medium-feed-link"><a href="${escapeAttr(link)}">Continue reading on Medium »</a></p></div>`;
    body = `<description>${cdata(html)}</description>`;
  }
  return [
    '<item>',
    `<title>${cdata(item.title)}</title>`,
    `<link>${escapeXml(link)}</link>`,
    `<guid isPermaLink="false">${escapeXml(`${origin}/p/${item.postId}`)}</guid>`,
    ...item.tags.slice(0, 5).map((t) => `<category>${cdata(t)}</category>`),
    `<dc:creator>${cdata(item.authorName)}</dc:creator>`,
    `<pubDate>${rfc822(item.publishedAt)}</pubDate>`,
    `<atom:updated>${escapeXml(new Date(item.updatedAt).toISOString())}</atom:updated>`,
    body,
    '</item>',
  ].join('');
}

/** RSS 2.0 shaped like Medium's. Medium serves at most the 10 latest items (notes §1); so does this. */
export function renderMediumFeed(spec: SyntheticFeedSpec): string {
  const ch = channelShape(spec);
  const origin = originOf(spec.origin);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" version="2.0" xmlns:cc="http://cyber.law.harvard.edu/rss/creativeCommonsRssModule.html">',
    '<channel>',
    `<title>${cdata(ch.title)}</title>`,
    `<description>${cdata(ch.description)}</description>`,
    `<link>${escapeXml(ch.link)}</link>`,
    `<image><url>${escapeXml(ch.image)}</url><title>${escapeXml(ch.title)}</title><link>${escapeXml(ch.link)}</link></image>`,
    '<generator>Medium</generator>',
    `<lastBuildDate>${rfc822(spec.lastBuildDate)}</lastBuildDate>`,
    `<atom:link href="${escapeAttr(ch.self)}" rel="self" type="application/rss+xml"/>`,
    `<webMaster>${cdata('yourfriends@medium.com')}</webMaster>`,
    '<atom:link href="http://medium.superfeedr.com" rel="hub"/>',
    ...spec.items.slice(0, 10).map((item) => itemXml(item, ch.itemSource, origin)),
    '</channel>',
    '</rss>',
  ].join('');
}

/** The story's body as Medium's full-content RSS writes it: plain tags, links without rel (notes §1). */
export function feedHtmlOfStory(story: SyntheticStory): string {
  const out: string[] = [];
  if (story.subtitle !== null) out.push(`<h4>${escapeHtml(story.subtitle)}</h4>`);
  for (const p of story.paragraphs) {
    // RSS keeps hrefs but drops Medium's attributes: strip class/rel/target from the rendered inline HTML.
    const inline = renderInline(p, story.id, story.origin).replace(/ class="[^"]*"| rel="[^"]*"| target="[^"]*"/g, '');
    switch (p.type) {
      case 'H3':
        out.push(`<h3>${inline}</h3>`);
        break;
      case 'H4':
        out.push(`<h4>${inline}</h4>`);
        break;
      case 'BQ':
      case 'PQ':
        out.push(`<blockquote>${inline}</blockquote>`);
        break;
      case 'ULI':
        out.push(`<ul><li>${inline}</li></ul>`);
        break;
      case 'OLI':
        out.push(`<ol><li>${inline}</li></ol>`);
        break;
      case 'PRE':
        out.push(`<pre>${inline}</pre>`);
        break;
      default:
        out.push(`<p>${inline}</p>`);
    }
  }
  return out.join('');
}

/** A feed item for a synthetic story: full content (free stories in user/publication feeds) or a snippet. */
export function feedItemFromStory(story: SyntheticStory, options: { full: boolean }): SyntheticFeedItem {
  const snippetSource = story.subtitle ?? story.paragraphs.find((p) => p.type === 'P')?.text ?? story.title;
  const snippet = snippetSource.length > 140 ? `${snippetSource.slice(0, 140).trimEnd()}…` : snippetSource;
  return {
    postId: story.id,
    title: story.title,
    url: storyUrl(story),
    authorName: story.author.name,
    publishedAt: story.publishedAt,
    updatedAt: story.updatedAt,
    tags: story.tags.map((t) => t.slug),
    content: options.full ? { full: true, html: feedHtmlOfStory(story) } : { full: false, snippet, imageUrl: null },
    publication: story.publication === null ? null : { name: story.publication.name, url: publicationUrl(story.publication, story.origin) },
  };
}
