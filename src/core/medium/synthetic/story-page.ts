/**
 * A 2022+ Medium article page as a pure string builder (for the demo world's fake Medium and the readers' tests).
 * Shape follows shared/notes/medium-data.md §2 and the 2022 fixture (article-2017post-captured2022-processed.html):
 * head meta (canonical, `al:android:url medium://p/<id>`, `article:published_time`, `twitter:data1 "N min read"`,
 * JSON-LD NewsArticle), atomic CSS class names (meaningless on purpose: readers must not key on them), `pw-*`
 * hooks, body paragraphs with 4-hex ids, body links `rel="noopener ugc nofollow"`, chrome links
 * `rel="noopener follow"`, byline, tags, author block with bio, "More from", "Recommended from Medium", footer, and
 * `window.__APOLLO_STATE__` in Apollo Client 3 form holding Post/User/Collection/Tag/Paragraph entities — with the
 * other stories' Post entities placed *before* the main one, as a trap for first-match scrapers (notes §2.3).
 */
import { formatAbbreviatedCount } from '../abbreviated-count.js';
import { displayDate, escapeAttr, escapeHtml, isoToEpochMs, jsonForScript } from './escape.js';
import type {
  SyntheticMarkup,
  SyntheticOtherPost,
  SyntheticParagraph,
  SyntheticPublication,
  SyntheticStory,
  SyntheticUser,
} from './synthetic-types.js';

export const DEFAULT_ORIGIN = 'https://medium.com';

function originOf(origin: string | undefined): string {
  return (origin ?? DEFAULT_ORIGIN).replace(/\/+$/, '');
}

export function userUrl(user: SyntheticUser, origin?: string): string {
  return `${originOf(origin)}/@${encodeURIComponent(user.username)}`;
}

export function publicationUrl(pub: SyntheticPublication, origin?: string): string {
  return pub.domain === null ? `${originOf(origin)}/${encodeURIComponent(pub.slug)}` : `https://${pub.domain}`;
}

/** Medium's story URL: `/<publication>/<slug>-<id>` or `/@<user>/<slug>-<id>` (custom domains: `https://<domain>/<slug>-<id>`). */
export function storyUrl(story: Pick<SyntheticStory, 'id' | 'slug' | 'author' | 'publication' | 'origin'>): string {
  const tail = `${encodeURIComponent(story.slug)}-${story.id}`;
  if (story.publication !== null) {
    if (story.publication.domain !== null) return `https://${story.publication.domain}/${tail}`;
    return `${originOf(story.origin)}/${encodeURIComponent(story.publication.slug)}/${tail}`;
  }
  return `${userUrl(story.author, story.origin)}/${tail}`;
}

export function otherPostUrl(post: SyntheticOtherPost, origin?: string): string {
  return storyUrl({ ...post, origin });
}

/** Medium's `?source=` for links on a post page (chrome links carry it; seen in both fixtures). */
function postPageSource(postId: string): string {
  return `post_page-----${postId}--------------------------------`;
}

function withSource(url: string, source: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}source=${source}`;
}

/** Displayed reading time: Medium shows whole minutes ("18 min read" for 17.93 in the 2020 fixture); we round up. */
export function displayedReadingMinutes(readingTime: number): number {
  return Math.max(1, Math.ceil(readingTime));
}

/** Builds a paragraph from text parts, computing link offsets (UTF-16, as the model stores them). */
export function paragraphFromParts(
  name: string,
  type: SyntheticParagraph['type'],
  parts: readonly (string | { text: string; href: string; rel?: string } | { text: string; userId: string })[],
): SyntheticParagraph {
  let text = '';
  const markups: SyntheticMarkup[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const start = text.length;
    text += part.text;
    if ('href' in part)
      markups.push({ type: 'A', start, end: text.length, href: part.href, ...(part.rel === undefined ? {} : { rel: part.rel }) });
    else markups.push({ type: 'USER', start, end: text.length, userId: part.userId });
  }
  return { name, type, text, markups };
}

function checkedMarkups(p: SyntheticParagraph): SyntheticMarkup[] {
  const ms = [...(p.markups ?? [])].sort((a, b) => a.start - b.start);
  let last = 0;
  for (const m of ms) {
    if (m.start < last || m.end < m.start || m.end > p.text.length) {
      throw new RangeError(`paragraph ${p.name}: markups must be in range and must not overlap`);
    }
    last = m.end;
  }
  return ms;
}

/** The paragraph text with its markups as HTML; body links get Medium's 2021+ policy `noopener ugc nofollow`. */
export function renderInline(p: SyntheticParagraph, postId: string, origin?: string): string {
  let out = '';
  let at = 0;
  for (const m of checkedMarkups(p)) {
    out += escapeHtml(p.text.slice(at, m.start));
    const inner = escapeHtml(p.text.slice(m.start, m.end));
    if (m.type === 'A') {
      out += `<a class="af nx" href="${escapeAttr(m.href)}" rel="noopener ugc nofollow" target="_blank">${inner}</a>`;
    } else if (m.type === 'USER') {
      const href = withSource(`${originOf(origin)}/u/${m.userId}`, postPageSource(postId));
      out += `<a class="af nx" href="${escapeAttr(href)}" rel="noopener ugc nofollow" target="_blank">${inner}</a>`;
    } else {
      const tag = m.type === 'STRONG' ? 'strong' : m.type === 'EM' ? 'em' : 'code';
      out += `<${tag} class="mu">${inner}</${tag}>`;
    }
    at = m.end;
  }
  return out + escapeHtml(p.text.slice(at));
}

const P_CLASS = 'pw-post-body-paragraph ly lz fq ma b mb mc md me mf mg mh mi mj mk ml mm mn mo mp mq mr ms mt mu mv fj bj';

function renderBody(story: SyntheticStory): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | null = null;
  const closeList = (): void => {
    if (list !== null) out.push(`</${list}>`);
    list = null;
  };
  for (const p of story.paragraphs) {
    const inline = renderInline(p, story.id, story.origin);
    const id = escapeAttr(p.name);
    const wanted = p.type === 'ULI' ? 'ul' : p.type === 'OLI' ? 'ol' : null;
    if (wanted !== list) {
      closeList();
      if (wanted !== null) {
        out.push(`<${wanted} class="">`);
        list = wanted;
      }
    }
    switch (p.type) {
      case 'P':
        out.push(`<p id="${id}" class="${P_CLASS}" data-selectable-paragraph="">${inline}</p>`);
        break;
      case 'H3':
        out.push(
          `<h1 id="${id}" class="nc nd fq be ne nf ng nh ni nj nk nl nm nn no np nq nr ns nt nu nv nw nx ny nz oa bj" data-selectable-paragraph="">${inline}</h1>`,
        );
        break;
      case 'H4':
        out.push(
          `<h2 id="${id}" class="ob nd fq be ne oc od oe ni of og oh nm oi oj ok nq ol om on nu oo op oq or bj" data-selectable-paragraph="">${inline}</h2>`,
        );
        break;
      case 'BQ':
      case 'PQ':
        out.push(`<blockquote class="os ot ou"><p id="${id}" class="${P_CLASS}" data-selectable-paragraph="">${inline}</p></blockquote>`);
        break;
      case 'ULI':
      case 'OLI':
        out.push(
          `<li id="${id}" class="ly lz fq ma b mb mc md me mf mg mh mi mj mk ml mm mn mo mp mq mr ms mt mu mv ov ow ox bj" data-selectable-paragraph="">${inline}</li>`,
        );
        break;
      case 'PRE':
        out.push(
          `<pre class="oy oz pa pb pc pd pe pf bo pg ph bj"><span id="${id}" class="pi ne fq pe b bf pj pk l pl pm" data-selectable-paragraph="">${inline}</span></pre>`,
        );
        break;
    }
  }
  closeList();
  return out.join('');
}

function chrome(href: string, text: string, cls = 'af ag ah ai aj ak al am an ao ap aq ar as at'): string {
  return `<a class="${cls}" href="${escapeAttr(href)}" rel="noopener follow">${text}</a>`;
}

function titleNames(story: SyntheticStory): { title: string; subtitle: string } {
  const used = new Set(story.paragraphs.map((p) => p.name));
  const pick = (preferred: string | undefined, seed: number): string => {
    if (preferred !== undefined) return preferred;
    for (let i = 0; i < 0x10000; i++) {
      const candidate = ((seed + i * 0x9e3) & 0xffff).toString(16).padStart(4, '0');
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
    throw new RangeError('no free paragraph name');
  };
  const seed = Number.parseInt(story.id.slice(0, 4), 16) || 0x1a2b;
  const title = pick(story.titleName, seed);
  const subtitle = pick(story.subtitleName, seed ^ 0x5a5a);
  return { title, subtitle };
}

function otherPostCard(post: SyntheticOtherPost, origin: string | undefined, source: string): string {
  const url = withSource(otherPostUrl(post, origin), source);
  const author = withSource(userUrl(post.author, origin), source);
  return [
    '<div class="pn po pp pq"><article class="pr">',
    `<div class="ps">${chrome(author, `<p class="be b dx z gw">${escapeHtml(post.author.name)}</p>`)}</div>`,
    `${chrome(url, `<h2 class="be gy pt pu pv pw ff fg px py gw">${escapeHtml(post.title)}</h2>${post.subtitle === null ? '' : `<h3 class="be b pz ab gw"><p class="be b pz ab dy">${escapeHtml(post.subtitle)}</p></h3>`}`)}`,
    `<div class="qa"><span class="be b bf z dy">${displayedReadingMinutes(post.readingTime)} min read</span><span>·</span><span class="be b bf z dy">${displayDate(post.publishedAt)}</span>`,
    `<span class="qb"><span class="be b bf z dy">${formatAbbreviatedCount(post.claps)}</span></span></div>`,
    '</article></div>',
  ].join('');
}

// ------------------------------------------------------------------ Apollo 3 state

function userEntity(u: SyntheticUser): Record<string, unknown> {
  return {
    __typename: 'User',
    id: u.id,
    name: u.name,
    username: u.username,
    bio: u.bio,
    imageId: u.imageId ?? '',
    mediumMemberAt: isoToEpochMs(u.memberSince),
    twitterScreenName: u.twitter ?? '',
    socialStats: { __typename: 'SocialStats', followerCount: u.followers, followingCount: u.following },
    isSuspended: false,
    verifications: { __typename: 'VerifiedInfo', isBookAuthor: false },
  };
}

function collectionEntity(c: SyntheticPublication): Record<string, unknown> {
  return {
    __typename: 'Collection',
    id: c.id,
    name: c.name,
    slug: c.slug,
    domain: c.domain,
    description: c.description,
    subscriberCount: c.followers,
  };
}

function otherPostEntity(p: SyntheticOtherPost, origin: string | undefined): Record<string, unknown> {
  return {
    __typename: 'Post',
    id: p.id,
    title: p.title,
    mediumUrl: otherPostUrl(p, origin),
    uniqueSlug: `${p.slug}-${p.id}`,
    clapCount: p.claps,
    voterCount: p.voters,
    firstPublishedAt: isoToEpochMs(p.publishedAt),
    latestPublishedAt: isoToEpochMs(p.publishedAt),
    readingTime: p.readingTime,
    isLocked: p.isLocked,
    visibility: p.isLocked ? 'LOCKED' : 'PUBLIC',
    creator: { __ref: `User:${p.author.id}` },
    collection: p.publication === null ? null : { __ref: `Collection:${p.publication.id}` },
    tags: p.tags.map((t) => ({ __ref: `Tag:${t.slug}` })),
    previewContent: { __typename: 'PreviewContent', subtitle: p.subtitle ?? '' },
  };
}

/** The `window.__APOLLO_STATE__` object of the page (Apollo Client 3 normalized cache). */
export function buildApollo3State(story: SyntheticStory): Record<string, unknown> {
  const names = titleNames(story);
  const versionId = `${story.id.slice(0, 10)}v1`;
  const state: Record<string, unknown> = {
    ROOT_QUERY: {
      __typename: 'Query',
      viewer: null,
      [`postResult({"id":"${story.id}"})`]: { __ref: `Post:${story.id}` },
      variantFlags: [{ __typename: 'VariantFlag', name: 'enable_lite_post', valueType: { __typename: 'VariantFlagBoolean', value: true } }],
    },
  };
  const others = [...story.recommended, ...story.moreFromAuthor];
  const addUser = (u: SyntheticUser): void => {
    if (!(`User:${u.id}` in state)) state[`User:${u.id}`] = userEntity(u);
  };
  const addCollection = (c: SyntheticPublication | null): void => {
    if (c !== null && !(`Collection:${c.id}` in state)) state[`Collection:${c.id}`] = collectionEntity(c);
  };
  const addTag = (t: { slug: string; title: string }): void => {
    if (!(`Tag:${t.slug}` in state)) {
      state[`Tag:${t.slug}`] = { __typename: 'Tag', id: t.slug, displayTitle: t.title, normalizedTagSlug: t.slug };
    }
  };
  // Other posts first: a scraper taking the first "clapCount" of the blob gets one of these.
  for (const o of others) {
    state[`Post:${o.id}`] = otherPostEntity(o, story.origin);
    addUser(o.author);
    addCollection(o.publication);
    for (const t of o.tags) addTag(t);
  }
  const modelParagraphs: SyntheticParagraph[] = [
    { name: names.title, type: 'H3', text: story.title },
    ...(story.subtitle === null ? [] : [{ name: names.subtitle, type: 'H4' as const, text: story.subtitle }]),
    ...story.paragraphs,
  ];
  const paragraphRefs: { __ref: string }[] = [];
  modelParagraphs.forEach((p, i) => {
    const key = `Paragraph:${versionId}_${i}`;
    paragraphRefs.push({ __ref: key });
    state[key] = {
      __typename: 'Paragraph',
      id: `${versionId}_${i}`,
      name: p.name,
      type: p.type,
      href: null,
      layout: null,
      metadata: null,
      text: p.text,
      hasDropCap: null,
      dropCapImage: null,
      markups: checkedMarkups(p).map((m) => ({
        __typename: 'Markup',
        type: m.type === 'USER' ? 'A' : m.type,
        start: m.start,
        end: m.end,
        href: m.type === 'A' ? m.href : null,
        anchorType: m.type === 'A' ? 'LINK' : m.type === 'USER' ? 'USER' : null,
        userId: m.type === 'USER' ? m.userId : null,
        linkMetadata: null,
        ...(m.type === 'A' ? { rel: m.rel ?? '' } : {}),
      })),
      codeBlockMetadata: null,
      iframe: null,
      mixtapeMetadata: null,
    };
  });
  state[`Post:${story.id}`] = {
    __typename: 'Post',
    id: story.id,
    title: story.title,
    mediumUrl: storyUrl(story),
    uniqueSlug: `${story.slug}-${story.id}`,
    canonicalUrl: story.canonicalUrl ?? '',
    clapCount: story.claps,
    voterCount: story.voters,
    postResponses: { __typename: 'PostResponses', count: story.responses },
    readingTime: story.readingTime,
    firstPublishedAt: isoToEpochMs(story.publishedAt),
    latestPublishedAt: isoToEpochMs(story.updatedAt),
    updatedAt: isoToEpochMs(story.updatedAt),
    isLocked: story.isLocked,
    visibility: story.isLocked ? 'LOCKED' : 'PUBLIC',
    latestPublishedVersion: versionId,
    creator: { __ref: `User:${story.author.id}` },
    collection: story.publication === null ? null : { __ref: `Collection:${story.publication.id}` },
    tags: story.tags.map((t) => ({ __ref: `Tag:${t.slug}` })),
    previewContent: { __typename: 'PreviewContent', subtitle: story.subtitle ?? '', isFullContent: !story.isLocked },
    'content({"postMeteringOptions":{}})': {
      __typename: 'PostContent',
      isLockedPreviewOnly: false,
      bodyModel: {
        __typename: 'RichText',
        sections: [{ __typename: 'Section', name: names.title.split('').reverse().join(''), startIndex: 0 }],
        paragraphs: paragraphRefs,
      },
    },
  };
  addUser(story.author);
  addCollection(story.publication);
  for (const t of story.tags) addTag(t);
  return state;
}

// ------------------------------------------------------------------ page

export function renderApollo3StoryPage(story: SyntheticStory): string {
  const origin = originOf(story.origin);
  const url = storyUrl(story);
  const canonical = story.canonicalUrl ?? url;
  const names = titleNames(story);
  const src = postPageSource(story.id);
  const author = story.author;
  const pub = story.publication;
  const minutes = displayedReadingMinutes(story.readingTime);
  const docTitle = `${story.title} | by ${author.name}${pub === null ? '' : ` | ${pub.name}`} | Medium`;
  const description = story.subtitle ?? story.paragraphs.find((p) => p.type === 'P')?.text.slice(0, 140) ?? story.title;
  const jsonLd = {
    '@context': 'http://schema.org',
    '@type': 'NewsArticle',
    image: [`https://miro.medium.com/v2/resize:fit:1200/${story.id}.png`],
    url,
    dateCreated: story.publishedAt,
    datePublished: story.publishedAt,
    dateModified: story.updatedAt,
    headline: story.title,
    name: story.title,
    description,
    identifier: story.id,
    author: { '@type': 'Person', name: author.name, url: userUrl(author, story.origin) },
    creator: [author.name],
    publisher: {
      '@type': 'Organization',
      name: pub === null ? 'Medium' : pub.name,
      url: pub === null ? `${origin}/` : publicationUrl(pub, story.origin),
    },
    mainEntityOfPage: url,
    isAccessibleForFree: !story.isLocked,
  };
  const meta = (attrName: 'name' | 'property', key: string, value: string): string =>
    `<meta data-rh="true" ${attrName}="${escapeAttr(key)}" content="${escapeAttr(value)}"/>`;
  const head = [
    `<title data-rh="true">${escapeHtml(docTitle)}</title>`,
    '<meta data-rh="true" charset="utf-8"/>',
    meta('name', 'viewport', 'width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1'),
    meta('name', 'theme-color', '#000000'),
    meta('name', 'twitter:app:name:iphone', 'Medium'),
    meta('name', 'twitter:app:id:iphone', '828256236'),
    meta('property', 'al:ios:app_name', 'Medium'),
    meta('property', 'al:ios:app_store_id', '828256236'),
    meta('property', 'al:android:package', 'com.medium.reader'),
    meta('property', 'fb:app_id', '542599432471018'),
    meta('property', 'og:site_name', 'Medium'),
    meta('property', 'og:type', 'article'),
    meta('property', 'article:published_time', story.publishedAt),
    meta('name', 'title', docTitle),
    meta('property', 'og:title', story.title),
    meta('property', 'al:android:url', `medium://p/${story.id}`),
    meta('property', 'al:ios:url', `medium://p/${story.id}`),
    meta('property', 'al:android:app_name', 'Medium'),
    meta('name', 'description', description),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'al:web:url', url),
    meta('property', 'og:image', `https://miro.medium.com/v2/resize:fit:1200/${story.id}.png`),
    meta('property', 'article:author', userUrl(author, story.origin)),
    meta('name', 'author', author.name),
    meta('name', 'robots', 'index,follow,max-image-preview:large'),
    meta('name', 'referrer', 'unsafe-url'),
    meta('property', 'twitter:title', story.title),
    meta('name', 'twitter:site', '@Medium'),
    meta('name', 'twitter:app:url:iphone', `medium://p/${story.id}`),
    meta('property', 'twitter:description', description),
    meta('name', 'twitter:card', 'summary_large_image'),
    ...(author.twitter === null ? [] : [meta('name', 'twitter:creator', `@${author.twitter}`)]),
    meta('name', 'twitter:label1', 'Reading time'),
    meta('name', 'twitter:data1', `${minutes} min read`),
    '<link data-rh="true" rel="icon" href="https://miro.medium.com/v2/1*m-R_BkNf1Qjr1YbyOIJY2w.png"/>',
    '<link data-rh="true" rel="search" type="application/opensearchdescription+xml" title="Medium" href="/osd.xml"/>',
    `<link data-rh="true" rel="author" href="${escapeAttr(userUrl(author, story.origin))}"/>`,
    `<link data-rh="true" rel="canonical" href="${escapeAttr(canonical)}"/>`,
    `<link data-rh="true" rel="alternate" href="android-app://com.medium.reader/https/medium.com/p/${story.id}"/>`,
    `<script data-rh="true" type="application/ld+json">${jsonForScript(jsonLd)}</script>`,
  ].join('');

  const nav = [
    '<div class="l c"><div class="l m n o c"><div class="p q r s t u v w x i d y z"><div class="ab ac ae af">',
    chrome(
      withSource(`${origin}/`, src),
      '<svg viewBox="0 0 1043.63 592.71" class="aa ab"><path d="M588.67 296.36c0 163.67-131.78 296.35-294.33 296.35S0 460 0 296.36"></path></svg>',
    ),
    chrome(withSource(`${origin}/m/signin?operation=register&redirect=${encodeURIComponent(url)}`, src), 'Sign up'),
    chrome(withSource(`${origin}/m/signin?operation=login&redirect=${encodeURIComponent(url)}`, src), 'Sign in'),
    chrome(withSource(`${origin}/new-story`, src), '<span>Write</span>'),
    '</div></div></div></div>',
  ].join('');

  const byline = [
    '<div class="speechify-ignore ab co"><div class="speechify-ignore bg l"><div class="jf jg jh ji jj ab">',
    `<div class="pw-post-byline-header">${chrome(withSource(userUrl(author, story.origin), src), `<div class="l ep"><img alt="${escapeAttr(author.name)}" class="l eq by dc dd cx" src="https://miro.medium.com/v2/resize:fill:88:88/${escapeAttr(author.imageId ?? 'default.png')}" width="44" height="44" loading="lazy" data-testid="authorPhoto"/></div>`)}`,
    `<div class="ab q"><span class="be b bf z bj"><div class="jk ab q">${chrome(withSource(userUrl(author, story.origin), src), escapeHtml(author.name))}</div></span>`,
    `<span class="be b bf z bj"><button class="ju jv jw">Follow</button></span></div>`,
    pub === null
      ? ''
      : `<div class="ab q"><span class="be b bf z dy">Published in</span> ${chrome(withSource(publicationUrl(pub, story.origin), src), `<p class="be b bf z jz ka kb kc kd ke kf kg bj">${escapeHtml(pub.name)}</p>`)}</div>`,
    `<div class="ab q"><span class="pw-reading-time be b bf z dy" data-testid="storyReadTime">${minutes} min read</span><span class="kh ki">·</span><span class="pw-published-date be b bf z dy" data-testid="storyPublishDate">${displayDate(story.publishedAt)}</span></div>`,
    '</div></div>',
    '<div class="ab co kj kk kl km kn ko kp kq kr ks kt ku kv kw kx ky">',
    `<div class="pw-multi-vote-count l lb lc ld le lf lg lh"><p class="be b dx z dy"><button class="af ag ah ai aj ak">${formatAbbreviatedCount(story.claps)}</button></p></div>`,
    `<button class="ab li lj" aria-label="responses"><p class="be b dx z dy"><span class="pw-responses-count lk ll">${story.responses}</span></p></button>`,
    '</div></div>',
  ].join('');

  const titleBlock = [
    `<h1 id="${names.title}" class="pw-post-title gt gu gv be gw gx gy gz ha hb hc hd he hf hg hh hi hj hk hl hm hn ho hp hq bj" data-testid="storyTitle" data-selectable-paragraph="">${escapeHtml(story.title)}</h1>`,
    story.subtitle === null
      ? ''
      : `<h2 id="${names.subtitle}" class="pw-subtitle-paragraph hr gu gv be b hs ht hu hv hw hx hy hz ia ib ic id ie if ig ih ii ij ik dy" data-selectable-paragraph="">${escapeHtml(story.subtitle)}</h2>`,
  ].join('');

  const tags = story.tags
    .map((t) =>
      chrome(
        withSource(`${origin}/tag/${encodeURIComponent(t.slug)}`, `post_page-----${story.id}---------------${t.slug}-----------------`),
        `<div class="pb pc pd pe pf pg">${escapeHtml(t.title)}</div>`,
        'pa ax ay az ba bb bc bd be bf bg bh bi',
      ),
    )
    .join('');

  const authorBlock = [
    '<div class="l"><div class="pi pj pk pl pm"><div class="ab cb">',
    chrome(
      withSource(userUrl(author, story.origin), src),
      `<img alt="${escapeAttr(author.name)}" class="l eq by pn po cx" src="https://miro.medium.com/v2/resize:fill:144:144/${escapeAttr(author.imageId ?? 'default.png')}" width="72" height="72" loading="lazy"/>`,
    ),
    '<div class="pp l">',
    chrome(
      withSource(userUrl(author, story.origin), src),
      `<h2 class="pw-author-name be pq pr ps bj"><span class="ge">Written by ${escapeHtml(author.name)}</span></h2>`,
    ),
    `<div class="pt ab"><span class="pw-follower-count be b bf z dy">${chrome(withSource(`${userUrl(author, story.origin)}/followers`, src), `${formatAbbreviatedCount(author.followers)} Followers`)}</span></div>`,
    pub === null
      ? ''
      : `<div class="pt ab"><span class="be b bf z dy">Writer for ${chrome(withSource(publicationUrl(pub, story.origin), src), escapeHtml(pub.name))}</span></div>`,
    author.bio === '' && !author.bioLink
      ? ''
      : `<div class="pu l"><p class="be b bf z bj"><span class="ge">${escapeHtml(author.bio)}${
          author.bioLink
            ? ` <a class="af nx" href="${escapeAttr(author.bioLink.href)}" rel="noopener ugc nofollow" target="_blank">${escapeHtml(author.bioLink.text)}</a>`
            : ''
        }</span></p></div>`,
    '</div></div></div></div>',
  ].join('');

  const more =
    story.moreFromAuthor.length === 0
      ? ''
      : [
          '<div class="qc qd"><div class="ab cb">',
          `<h2 class="be pq qe qf bj">${chrome(withSource(userUrl(author, story.origin), src), `More from ${escapeHtml(author.name)}`)}</h2>`,
          story.moreFromAuthor
            .map((p, i) => otherPostCard(p, story.origin, `author_recirc-----${story.id}----${i}---------------------`))
            .join(''),
          chrome(withSource(userUrl(author, story.origin), src), `<p class="be b bf z bj">See all from ${escapeHtml(author.name)}</p>`),
          '</div></div>',
        ].join('');

  const recommended =
    story.recommended.length === 0
      ? ''
      : [
          '<div class="qg qh"><div class="ab cb">',
          '<h2 class="be pq qe qf bj">Recommended from Medium</h2>',
          story.recommended
            .map((p, i) => otherPostCard(p, story.origin, `read_next_recirc-----${story.id}----${i}---------------------`))
            .join(''),
          chrome(withSource(`${origin}/`, src), '<p class="be b bf z bj">See more recommendations</p>'),
          '</div></div>',
        ].join('');

  const footer = [
    '<div class="qi qj qk ql"><div class="ab cb">',
    chrome(withSource('https://help.medium.com/hc/en-us', src), 'Help'),
    chrome(withSource('https://medium.statuspage.io/', src), 'Status'),
    chrome(withSource(`${origin}/about?autoplay=1`, src), 'About'),
    chrome(withSource(`${origin}/jobs-at-medium/work-at-medium-959d1a85284e`, src), 'Careers'),
    chrome(withSource('https://blog.medium.com/', src), 'Blog'),
    chrome(withSource('https://policy.medium.com/medium-privacy-policy-f03bf92035c9', src), 'Privacy'),
    chrome(withSource('https://policy.medium.com/medium-terms-of-service-9db0094a1e0f', src), 'Terms'),
    chrome(withSource('https://speechify.com/medium', src), 'Text to speech'),
    '</div></div>',
  ].join('');

  const article = [
    '<article><div class="l"><div class="l"><span class="l"></span><section>',
    '<div><div class="fr fs ft fu fv"></div><div class="fw fx fy fz ga"><div class="ab cb"><div class="ci bh gb gc gd ge">',
    titleBlock,
    byline,
    renderBody(story),
    '</div></div></div></section></div></div></article>',
  ].join('');

  const afterArticle = [
    `<div class="qm qn"><div class="ab cb"><div class="ci bh gb gc gd ge"><div class="qo qp ab jb">${tags}</div></div></div></div>`,
    authorBlock,
    more,
    recommended,
    footer,
  ].join('');

  const preloaded = { config: { nodeEnv: 'production', productName: 'Medium', publicUrl: 'https://cdn-client.medium.com/lite' } };
  const scripts = [
    '<script>window.__BUILD_ID__="main-20231205-181042-synthetic"</script>',
    `<script>window.__GRAPHQL_URI__ = ${jsonForScript(`${origin}/_/graphql`)}</script>`,
    `<script>window.__PRELOADED_STATE__ = ${jsonForScript(preloaded)}</script>`,
    `<script>window.__APOLLO_STATE__ = ${jsonForScript(buildApollo3State(story))}</script>`,
    '<script>window.__MIDDLEWARE_STATE__={"session":{"xsrf":""},"cache":{"cacheStatus":"HIT"}}</script>',
    '<script src="https://cdn-client.medium.com/lite/static/js/manifest.synthetic.js" async=""></script>',
  ].join('');

  return `<!doctype html><html lang="en"><head>${head}</head><body><div id="root"><div class="a b c"><div class="d e f g h i j k"></div>${nav}<div class="l"><div class="l ca">${article}${afterArticle}</div></div></div></div>${scripts}</body></html>`;
}
