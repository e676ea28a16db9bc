/**
 * A Medium profile page as a pure string builder. Head copied from the shape of the 2023 profile fixture
 * (`og:type=profile`, `profile:username`/`first_name`/`last_name`, "Read writing from X on Medium. <bio> Every day,
 * …" description, `feedLink`, `rel="me"` Twitter link, canonical); body and Apollo 3 state follow notes §3
 * (`User:<id>` with `socialStats`, `bio`, `mediumMemberAt`, `twitterScreenName`, and the user's first posts with
 * `clapCount`). The fixture's body was removed by its owner, so the body layout is ours (unverified).
 */
import { formatAbbreviatedCount } from '../abbreviated-count.js';
import { displayDate, escapeAttr, escapeHtml, isoToEpochMs, jsonForScript } from './escape.js';
import { displayedReadingMinutes, otherPostUrl, userUrl } from './story-page.js';
import type { SyntheticProfile } from './synthetic-types.js';

function splitName(name: string): { first: string; last: string } {
  const i = name.indexOf(' ');
  return i < 0 ? { first: name, last: '' } : { first: name.slice(0, i), last: name.slice(i + 1) };
}

export function profileDescription(name: string, bio: string): string {
  return `Read writing from ${name} on Medium. ${bio === '' ? '' : `${bio} `}Every day, ${name} and thousands of other voices read, write, and share important stories on Medium.`;
}

export function buildProfileState(profile: SyntheticProfile): Record<string, unknown> {
  const u = profile.user;
  const state: Record<string, unknown> = {
    ROOT_QUERY: {
      __typename: 'Query',
      viewer: null,
      [`userResult({"username":"${u.username}"})`]: { __ref: `User:${u.id}` },
    },
    [`User:${u.id}`]: {
      __typename: 'User',
      id: u.id,
      name: u.name,
      username: u.username,
      bio: u.bio,
      imageId: u.imageId ?? '',
      mediumMemberAt: isoToEpochMs(u.memberSince),
      twitterScreenName: u.twitter ?? '',
      socialStats: { __typename: 'SocialStats', followerCount: u.followers, followingCount: u.following },
    },
  };
  for (const p of profile.posts) {
    for (const t of p.tags) state[`Tag:${t.slug}`] ??= { __typename: 'Tag', id: t.slug, displayTitle: t.title, normalizedTagSlug: t.slug };
    state[`Post:${p.id}`] = {
      __typename: 'Post',
      id: p.id,
      title: p.title,
      mediumUrl: otherPostUrl(p, profile.origin),
      clapCount: p.claps,
      voterCount: p.voters,
      firstPublishedAt: isoToEpochMs(p.publishedAt),
      readingTime: p.readingTime,
      isLocked: p.isLocked,
      creator: { __ref: `User:${p.author.id}` },
      collection: p.publication === null ? null : { __ref: `Collection:${p.publication.id}` },
      tags: p.tags.map((t) => ({ __ref: `Tag:${t.slug}` })),
      previewContent: { __typename: 'PreviewContent', subtitle: p.subtitle ?? '' },
    };
    if (p.publication !== null) {
      state[`Collection:${p.publication.id}`] ??= {
        __typename: 'Collection',
        id: p.publication.id,
        name: p.publication.name,
        slug: p.publication.slug,
        domain: p.publication.domain,
        subscriberCount: p.publication.followers,
      };
    }
  }
  return state;
}

export function renderProfilePage(profile: SyntheticProfile): string {
  const u = profile.user;
  const origin = (profile.origin ?? 'https://medium.com').replace(/\/+$/, '');
  const url = userUrl(u, profile.origin);
  const { first, last } = splitName(u.name);
  const description = profileDescription(u.name, u.bio);
  const meta = (attrName: 'name' | 'property', key: string, value: string): string =>
    `<meta data-rh="true" ${attrName}="${escapeAttr(key)}" content="${escapeAttr(value)}"/>`;
  const head = [
    `<title data-rh="true">${escapeHtml(u.name)} – Medium</title>`,
    '<meta data-rh="true" charset="utf-8"/>',
    meta('name', 'viewport', 'width=device-width,minimum-scale=1,initial-scale=1,maximum-scale=1'),
    meta('property', 'al:android:package', 'com.medium.reader'),
    meta('property', 'og:site_name', 'Medium'),
    meta('property', 'og:title', `${u.name} – Medium`),
    meta('name', 'description', description),
    meta('property', 'og:description', description),
    meta('property', 'og:url', url),
    meta('property', 'al:web:url', url),
    meta('property', 'al:ios:url', `medium://@${u.username}`),
    meta('name', 'twitter:app:url:iphone', `medium://@${u.username}`),
    meta('property', 'al:android:url', `medium://@${u.username}`),
    meta('property', 'profile:username', u.username),
    meta('property', 'profile:first_name', first),
    meta('property', 'profile:last_name', last),
    meta('property', 'og:type', 'profile'),
    meta('name', 'twitter:card', 'summary'),
    `<link data-rh="true" rel="canonical" href="${escapeAttr(url)}"/>`,
    `<link data-rh="true" rel="alternate" href="android-app://com.medium.reader/https/medium.com/@${escapeAttr(u.username)}"/>`,
    `<link data-rh="true" id="feedLink" rel="alternate" type="application/rss+xml" title="RSS" href="${escapeAttr(`${origin}/feed/@${u.username}`)}"/>`,
    ...(u.twitter === null ? [] : [`<link data-rh="true" rel="me" href="${escapeAttr(`https://twitter.com/${u.twitter}`)}"/>`]),
  ].join('');
  const src = '---two_column_layout_nav----------------------------------';
  const posts = profile.posts
    .map(
      (p) =>
        `<article class="ki kj"><div class="kk">${`<a class="af ag ah" href="${escapeAttr(`${otherPostUrl(p, profile.origin)}?source=user_profile${src}`)}" rel="noopener follow"><h2 class="be kl km bj">${escapeHtml(p.title)}</h2></a>`}<div class="kn"><span class="be b bf z dy">${displayDate(p.publishedAt)}</span><span>·</span><span class="be b bf z dy">${displayedReadingMinutes(p.readingTime)} min read</span><span class="ko"><span class="be b bf z dy">${formatAbbreviatedCount(p.claps)}</span></span></div></div></article>`,
    )
    .join('');
  const body = [
    '<div id="root"><div class="a b c"><div class="l c"><main class="ca cb">',
    `<div class="ab cc"><h1 class="be kp kq bj">${escapeHtml(u.name)}</h1></div>`,
    `<div class="kr">${posts}</div>`,
    '</main><aside class="ks kt">',
    `<div class="ku"><h2 class="pw-author-name be b bf bj">${escapeHtml(u.name)}</h2>`,
    `<span class="pw-follower-count be b bf z dy"><a class="af ag ah" href="${escapeAttr(`${url}/followers`)}" rel="noopener follow">${formatAbbreviatedCount(u.followers)} Followers</a></span>`,
    u.bio === '' ? '' : `<p class="be b bf z dy"><span class="kv">${escapeHtml(u.bio)}</span></p>`,
    '</div></aside></div></div></div>',
  ].join('');
  const state =
    profile.withState === false ? '' : `<script>window.__APOLLO_STATE__ = ${jsonForScript(buildProfileState(profile))}</script>`;
  return `<!doctype html><html lang="en"><head>${head}</head><body>${body}${state}</body></html>`;
}
