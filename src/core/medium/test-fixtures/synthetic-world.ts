/**
 * Small synthetic Medium world for the reader tests (written for this project; no third-party data).
 * The values are deliberately awkward: HTML-special characters and non-BMP emoji in texts (UTF-16 offsets),
 * a recommended story with MORE claps than the main story placed first in the state, 11-hex ids, a publication.
 */
import { paragraphFromParts } from '../synthetic/story-page.js';
import type {
  SyntheticOtherPost,
  SyntheticPublication,
  SyntheticStory,
  SyntheticTag,
  SyntheticUser,
} from '../synthetic/synthetic-types.js';

export const ada: SyntheticUser = {
  id: 'a1b2c3d4e5f6',
  username: 'ada.writes',
  name: 'Ada "Link" O’Brien <Ops>',
  bio: 'SEO & link building. Notes at https://ada.example/notes — opinions mine.',
  followers: 12_345,
  following: 87,
  memberSince: '2021-03-04T05:06:07.000Z',
  twitter: 'ada_links',
  imageId: '1*ada.jpeg',
};

export const bob: SyntheticUser = {
  id: 'b0b0b0b0b0b',
  username: 'bob',
  name: 'Bob Viral',
  bio: '',
  followers: 250_000,
  following: 3,
  memberSince: null,
  twitter: null,
};

export const growthPub: SyntheticPublication = {
  id: 'c0ffee12345',
  slug: 'growth-lab',
  name: 'Growth & Lab',
  description: 'Experiments in organic growth',
  followers: 34_187,
  domain: null,
};

export const tagSeo: SyntheticTag = { slug: 'seo', title: 'SEO' };
export const tagLinks: SyntheticTag = { slug: 'link-building', title: 'Link Building' };
export const tagContent: SyntheticTag = { slug: 'content-marketing', title: 'Content Marketing' };

export const viralOther: SyntheticOtherPost = {
  id: 'f00dfacecafe',
  slug: 'i-got-a-million-views',
  title: 'I Got a Million Views',
  subtitle: 'A recommended story with far more claps',
  author: bob,
  publication: null,
  claps: 98_765,
  voters: 4_321,
  publishedAt: '2023-01-02T03:04:05.000Z',
  readingTime: 3.2,
  isLocked: true,
  tags: [tagSeo],
};

export const adaOlder: SyntheticOtherPost = {
  id: 'abcabcabcabc',
  slug: 'an-older-post',
  title: 'An Older Post',
  subtitle: null,
  author: ada,
  publication: growthPub,
  claps: 1_250,
  voters: 80,
  publishedAt: '2022-06-01T10:00:00.000Z',
  readingTime: 5.5,
  isLocked: false,
  tags: [tagLinks],
};

/** The main story: 4 body links (one with an emoji before it), a mention, a list, a code block. */
export function mainStory(origin?: string): SyntheticStory {
  return {
    id: '1234abcd5678',
    slug: 'how-we-earn-links-from-medium',
    title: 'How We Earn Links <Really> & Keep Them',
    subtitle: 'A field guide for “honest” outreach',
    author: ada,
    publication: growthPub,
    claps: 4_321,
    voters: 210,
    responses: 17,
    readingTime: 6.472955974842767,
    publishedAt: '2023-05-06T07:08:09.123Z',
    updatedAt: '2023-07-08T09:10:11.456Z',
    tags: [tagSeo, tagLinks, tagContent],
    canonicalUrl: null,
    isLocked: false,
    paragraphs: [
      paragraphFromParts('a1f0', 'P', [
        '🚀 First, read ',
        { text: 'our guide', href: 'https://site.example/guide?a=1&b=2' },
        ' & the notes.',
      ]),
      paragraphFromParts('b2e1', 'H3', ['Who to ask']),
      paragraphFromParts('c3d2', 'P', [
        'Ask ',
        { text: 'Bob', userId: bob.id },
        ' or check ',
        { text: 'the <list>', href: 'https://other.example/list', rel: 'nofollow' },
        '.',
      ]),
      paragraphFromParts('d4c3', 'ULI', ['Item with ', { text: 'a tool', href: 'https://tools.example/' }]),
      paragraphFromParts('e5b4', 'ULI', ['Plain item']),
      paragraphFromParts('f6a5', 'PRE', ['const x = "<a href=\'https://not-a-link.example\'>";']),
      paragraphFromParts('0a96', 'BQ', ['Quote with ', { text: 'source', href: 'https://quotes.example/q' }]),
    ],
    moreFromAuthor: [adaOlder],
    recommended: [viralOther],
    ...(origin === undefined ? {} : { origin }),
  };
}

/** Expected body links of mainStory (as read back from the rendered HTML). */
export const mainStoryBodyLinks = [
  { paragraph: 'a1f0', url: 'https://site.example/guide?a=1&b=2', anchorText: 'our guide', kind: 'link' },
  {
    paragraph: 'c3d2',
    url: `https://medium.com/u/${bob.id}?source=post_page-----1234abcd5678--------------------------------`,
    anchorText: 'Bob',
    kind: 'user-mention',
  },
  { paragraph: 'c3d2', url: 'https://other.example/list', anchorText: 'the <list>', kind: 'link' },
  { paragraph: 'd4c3', url: 'https://tools.example/', anchorText: 'a tool', kind: 'link' },
  { paragraph: '0a96', url: 'https://quotes.example/q', anchorText: 'source', kind: 'link' },
] as const;

/** A second story of Ada, outside publications, member-only, imported with an external canonical. */
export function importedStory(): SyntheticStory {
  return {
    ...mainStory(),
    id: '9f8e7d6c5b4',
    slug: 'imported-from-my-blog',
    title: 'Imported From My Blog',
    subtitle: null,
    publication: null,
    claps: 12,
    voters: 3,
    responses: 0,
    readingTime: 2.1,
    publishedAt: '2022-01-10T08:00:00.000Z',
    updatedAt: '2022-01-11T08:00:00.000Z',
    isLocked: true,
    canonicalUrl: 'https://ada.example/blog/imported',
    tags: [tagContent],
    paragraphs: [paragraphFromParts('1e2f', 'P', ['Originally on ', { text: 'my blog', href: 'https://ada.example/blog/imported' }, '.'])],
    moreFromAuthor: [],
    recommended: [],
  };
}
