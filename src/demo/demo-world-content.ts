/**
 * The content part of the demo world (issue 6): the user's own Medium story — a copy of their composting guide
 * (demo-world.ts, HOT_COMPOSTING_GUIDE) — and the keyword research they run before writing it. Written for the
 * demo; no third-party text.
 */

export interface DemoContentWorld {
  /** The guide on the user's site the story copies; recorded with `keyphrase` before the check. */
  sitePagePath: string;
  keyphrase: string;
  /** File name the demo writes the draft to (next to its database). */
  draftFile: string;
  /** The Markdown draft; `original` is the guide's served URL (its canonical), `siteOrigin` the site's. */
  draft(original: string, siteOrigin: string): string;
  /** What `linkwright keywords` is asked in the demo. */
  keywordSeed: string;
  keywordTags: string[];
}

export function contentWorld(): DemoContentWorld {
  return {
    sitePagePath: '/guides/composting',
    keyphrase: 'hot composting',
    draftFile: 'linkwright-demo-draft.md',
    keywordSeed: 'composting',
    keywordTags: ['composting'],
    draft: (original, siteOrigin) =>
      [
        '---',
        'title: "Hot composting in 18 days: the week-by-week method"',
        'subtitle: How a one-metre heap turns garden waste into compost in under three weeks',
        'slug: hot-composting-in-18-days',
        'description: Hot composting turns garden waste into finished compost in about eighteen days. The recipe, the turning schedule and the signs that it worked.',
        'tags: [composting, soil, gardening]',
        'keyphrase: hot composting',
        `canonical: ${original}`,
        '---',
        '',
        'I first wrote this method down for my own site, and readers kept asking for a shorter version. Hot composting turns garden waste into finished compost in about eighteen days instead of a year. The heap has to be big enough to hold its heat, about one cubic metre, and it has to be built in one go.',
        '',
        '![A steaming hot composting heap in a wooden bay](https://images.example/hot-compost-heap.jpg)',
        '',
        '## Build the heap in one go',
        '',
        'Mix two buckets of browns, such as shredded cardboard, straw and dry leaves, with one bucket of greens, such as grass clippings, vegetable peelings and coffee grounds. Wet every layer until it feels like a wrung-out sponge.',
        '',
        '## Turn it every second day',
        '',
        'By day two the middle of the heap reaches sixty degrees. Turn it on day four and then every second day: move the outside to the middle and the middle to the outside, and add water when it steams dry.',
        '',
        '## Let it cool and mature',
        '',
        'After the sixth turn the heap cools down and smells of a forest floor. Leave it to mature for a week, then sieve it and spread it on your beds. Hot composting also kills most weed seeds, which a cold heap never does.',
        '',
        `The full guide, with a printable turning calendar, is on [my site](${siteOrigin}/guides/composting?utm_source=medium&utm_medium=referral&utm_campaign=hot-composting). If you try it, tell me in the responses how hot your heap got.`,
        '',
      ].join('\n'),
  };
}
