/**
 * readMediumAuthor: an author from the profile page (head + embedded Apollo state when present, notes §3), plus,
 * optionally, the author's RSS feed (latest 10 posts, user id in the channel link, notes §1). A legacy
 * `/@user?format=json` payload is accepted too (notes §4: `payload.user`, `references.SocialStats`).
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { isAbbreviatedCount, parseAbbreviatedCount } from './abbreviated-count.js';
import { blockedResult, challengeSignals, mayBeChallenge } from './blocked.js';
import { elementText, findAllElements, hasClass, linkHref, metaValue, type PageHead, parseHtml, readHead } from './html-doc.js';
import { epochMsToIso, mediumUsernameFromUrl } from './medium-ids.js';
import {
  apolloGeneration,
  apolloGraph,
  field,
  type Graph,
  isObject,
  type JsonObject,
  locateApolloState,
  nonEmpty,
  num,
} from './medium-state.js';
import type { MediumAuthor, MediumAuthorOptions, MediumAuthorPost, MediumAuthorResult, MediumFeed } from './medium-types.js';
import { detectInputKind, stripXssiPrefix } from './read-story.js';

function invalid(message: string, options: MediumAuthorOptions): LinkwrightError {
  const input = options.url ?? 'input';
  return new LinkwrightError('INVALID_INPUT', `${input}: ${message}`, {
    ...(options.url === undefined ? {} : { url: options.url }),
    position: { input },
  });
}

/** "Read writing from X on Medium. <bio> Every day, X and thousands of other voices read, write, and share important stories on Medium." */
export function bioFromProfileDescription(description: string): string | null {
  const m = /^Read writing from (.+?) on Medium\.\s*([\s\S]*)$/.exec(description.trim());
  if (m?.[2] === undefined) return null;
  let rest = m[2];
  const tail = /\s*Every day, [\s\S]+? and thousands of other voices read, write, and share important stories on Medium\.?\s*$/.exec(rest);
  if (tail !== null) rest = rest.slice(0, tail.index);
  const bio = rest.trim();
  return bio === '' ? null : bio;
}

function twitterFromUrl(url: string): string | null {
  try {
    const u = new URL(url);
    const host = u.hostname
      .toLowerCase()
      .replace(/^www\./, '')
      .replace(/^mobile\./, '');
    if (host !== 'twitter.com' && host !== 'x.com') return null;
    const name = u.pathname.split('/').find((s) => s !== '');
    return name === undefined ? null : name.replace(/^@/, '');
  } catch {
    return null;
  }
}

function emptyAuthor(source: MediumAuthor['source']): MediumAuthor {
  return {
    username: null,
    name: null,
    bio: null,
    followers: null,
    following: null,
    memberSince: null,
    userId: null,
    twitter: null,
    feedUrl: null,
    profileUrl: null,
    posts: [],
    source,
  };
}

export function readMediumAuthor(input: string, options: MediumAuthorOptions = {}): MediumAuthorResult {
  const kind = detectInputKind(input);
  const warnings: string[] = [];
  let author: MediumAuthor;
  if (kind === 'html') {
    const doc = parseHtml(input);
    if (mayBeChallenge(input)) {
      const signals = challengeSignals(doc);
      if (signals.length > 0) return blockedResult(signals);
    }
    const head = readHead(doc);
    author = fromHead(head, options);
    const apollo = locateApolloState(doc);
    if (apollo?.state !== null && apollo?.state !== undefined) {
      const found = fromApollo(apollo.state, author.username);
      if (found !== null) {
        mergeInto(author, found.author);
        author.posts = found.posts;
        author.source = apolloGeneration(apollo.state);
      } else {
        warnings.push('the Apollo state holds no User for this profile');
      }
    } else if (apollo !== null) {
      warnings.push(`__APOLLO_STATE__ did not decode (${apollo.error ?? 'unknown'})`);
    }
    if (author.followers === null) {
      const el = findAllElements(doc, (e) => hasClass(e, 'pw-follower-count'))[0];
      const text = el === undefined ? '' : elementText(el);
      const value = parseAbbreviatedCount(text);
      if (value !== null) {
        author.followers = value;
        warnings.push(`followers read from rendered text "${text}"${isAbbreviatedCount(text) ? ' (abbreviated: approximate)' : ''}`);
      }
    }
  } else {
    let json: unknown;
    try {
      json = JSON.parse(kind === 'xssi-json' ? stripXssiPrefix(input) : input);
    } catch (error) {
      throw invalid(`not valid JSON (${error instanceof Error ? error.message : String(error)})`, options);
    }
    author = fromFormatJson(json, options);
  }
  if (options.feed !== undefined) mergeFeed(author, options.feed, warnings);
  author.posts.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  return { state: 'ok', author, warnings };
}

function fromHead(head: PageHead, options: MediumAuthorOptions): MediumAuthor {
  const a = emptyAuthor('head-meta');
  const canonical = linkHref(head, 'canonical');
  const ogUrl = metaValue(head, 'og:url');
  a.profileUrl = canonical ?? ogUrl ?? options.url ?? null;
  a.username =
    metaValue(head, 'profile:username') ??
    [metaValue(head, 'al:android:url'), canonical, ogUrl, options.url ?? null]
      .map((u) => (u === null ? null : mediumUsernameFromUrl(u)))
      .find((u) => u !== null) ??
    null;
  const first = metaValue(head, 'profile:first_name');
  const last = metaValue(head, 'profile:last_name');
  const fromParts = [first, last]
    .filter((x): x is string => x !== null)
    .join(' ')
    .trim();
  const ogTitle = metaValue(head, 'og:title') ?? head.title;
  a.name = fromParts !== '' ? fromParts : ogTitle === null ? null : nonEmpty(ogTitle.replace(/\s+[–—-]\s+Medium\s*$/u, ''));
  const description = metaValue(head, 'description', 'og:description');
  a.bio = description === null ? null : bioFromProfileDescription(description);
  a.feedUrl =
    head.links.find((l) => l.id === 'feedLink')?.href ??
    head.links.find((l) => l.rel.includes('alternate') && (l.type ?? '').includes('rss'))?.href ??
    null;
  for (const l of head.links) {
    if (l.rel.includes('me')) a.twitter ??= twitterFromUrl(l.href);
  }
  return a;
}

function userFieldsFromEntity(user: JsonObject, g: Graph): Partial<MediumAuthor> {
  const stats = field(user, 'socialStats', g);
  return {
    userId: nonEmpty(user.id),
    username: nonEmpty(user.username),
    name: nonEmpty(user.name),
    bio: nonEmpty(user.bio),
    followers: isObject(stats) ? num(stats.followerCount) : null,
    following: isObject(stats) ? num(stats.followingCount) : null,
    memberSince: epochMsToIso(user.mediumMemberAt),
    twitter: nonEmpty(user.twitterScreenName),
  };
}

/** State values win over head values; null state values leave the head's. */
function mergeInto(target: MediumAuthor, from: Partial<MediumAuthor>): void {
  for (const key of ['userId', 'username', 'name', 'bio', 'followers', 'following', 'memberSince', 'twitter'] as const) {
    const v = from[key];
    if (v !== null && v !== undefined) (target as unknown as Record<string, unknown>)[key] = v;
  }
}

function fromApollo(state: JsonObject, username: string | null): { author: Partial<MediumAuthor>; posts: MediumAuthorPost[] } | null {
  const g = apolloGraph(state);
  let userKey: string | null = null;
  const root = state.ROOT_QUERY;
  if (isObject(root)) {
    for (const key of Object.keys(root)) {
      if (!/^user(?:Result)?\(/.test(key)) continue;
      const target = g.deref(root[key]);
      if (isObject(target) && (username === null || String(target.username ?? '').toLowerCase() === username.toLowerCase())) {
        userKey = `User:${String(target.id)}`;
        break;
      }
    }
  }
  if (userKey === null && username !== null) {
    userKey =
      g.keys().find((k) => k.startsWith('User:') && String(g.entity(k)?.username ?? '').toLowerCase() === username.toLowerCase()) ?? null;
  }
  if (userKey === null) return null;
  const user = g.entity(userKey);
  if (user === undefined) return null;
  const posts: MediumAuthorPost[] = [];
  for (const key of g.keys()) {
    if (!key.startsWith('Post:')) continue;
    const post = g.entity(key);
    if (post === undefined) continue;
    const creator = field(post, 'creator', g);
    if (creator !== user) continue;
    const tagsRaw = field(post, 'tags', g);
    posts.push({
      postId: nonEmpty(post.id) ?? key.slice('Post:'.length),
      title: nonEmpty(post.title),
      url: nonEmpty(post.mediumUrl),
      publishedAt: epochMsToIso(post.firstPublishedAt),
      claps: num(post.clapCount),
      tags: Array.isArray(tagsRaw)
        ? tagsRaw
            .map((t) => g.deref(t))
            .map((t) => (isObject(t) ? (nonEmpty(t.normalizedTagSlug) ?? nonEmpty(t.id)) : null))
            .filter((t): t is string => t !== null)
        : null,
      from: 'state',
    });
  }
  return { author: userFieldsFromEntity(user, g), posts };
}

function fromFormatJson(json: unknown, options: MediumAuthorOptions): MediumAuthor {
  const payload = isObject(json) && isObject(json.payload) ? json.payload : null;
  if (payload === null) throw invalid('JSON without payload (expected a /@user?format=json answer)', options);
  const refs = isObject(payload.references) ? payload.references : {};
  const user = isObject(payload.user) ? payload.user : null;
  if (user === null) throw invalid('the ?format=json payload has no user', options);
  const userId = nonEmpty(user.userId);
  const stats = userId !== null && isObject(refs.SocialStats) ? refs.SocialStats[userId] : undefined;
  const a = emptyAuthor('format-json');
  a.userId = userId;
  a.username = nonEmpty(user.username);
  a.name = nonEmpty(user.name);
  a.bio = nonEmpty(user.bio);
  a.twitter = nonEmpty(user.twitterScreenName);
  a.memberSince = epochMsToIso(user.mediumMemberAt);
  a.followers = isObject(stats) ? num(stats.usersFollowedByCount) : null;
  a.following = isObject(stats) ? num(stats.usersFollowedCount) : null;
  a.profileUrl = options.url ?? null;
  const table = isObject(refs.Post) ? refs.Post : {};
  for (const [id, p] of Object.entries(table)) {
    if (!isObject(p) || (userId !== null && p.creatorId !== userId)) continue;
    const v = isObject(p.virtuals) ? p.virtuals : {};
    a.posts.push({
      postId: nonEmpty(p.id) ?? id,
      title: nonEmpty(p.title),
      url: nonEmpty(p.mediumUrl),
      publishedAt: epochMsToIso(p.firstPublishedAt),
      claps: num(v.totalClapCount),
      tags: Array.isArray(v.tags)
        ? v.tags.map((t) => (isObject(t) ? nonEmpty(t.slug) : null)).filter((t): t is string => t !== null)
        : null,
      from: 'state',
    });
  }
  return a;
}

function mergeFeed(author: MediumAuthor, feed: MediumFeed, warnings: string[]): void {
  const ch = feed.channel;
  if (ch.kind !== null && ch.kind !== 'user') warnings.push(`the feed is a ${ch.kind} feed, not a user feed`);
  if (author.username !== null && ch.username !== null && ch.username.toLowerCase() !== author.username.toLowerCase()) {
    warnings.push(`the feed is @${ch.username}'s, the profile is @${author.username}'s; feed not merged`);
    return;
  }
  author.userId ??= ch.userId;
  author.username ??= ch.username;
  author.feedUrl ??= ch.selfUrl;
  if (author.name === null && ch.title !== null) {
    const m = /^(?:Stories by )?(.+?) on Medium$/.exec(ch.title);
    author.name = m?.[1] ?? null;
  }
  for (const item of feed.items) {
    if (item.postId === null) continue;
    const known = author.posts.find((p) => p.postId === item.postId);
    if (known !== undefined) {
      known.from = 'state+feed';
      known.title ??= item.title;
      known.url ??= item.url;
      known.publishedAt ??= item.publishedAt;
      if (known.tags === null || known.tags.length === 0) known.tags = item.tags;
      continue;
    }
    author.posts.push({
      postId: item.postId,
      title: item.title,
      url: item.url,
      publishedAt: item.publishedAt,
      claps: null,
      tags: item.tags,
      from: 'feed',
    });
  }
}
