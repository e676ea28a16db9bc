/**
 * The part of the demo world that exists for outreach (written by us, no third-party data): two stories by
 * prospects that link to the user's site — the placements the demo watches — and how the world changes between
 * the demo's two monitoring runs:
 * - Tom Okafor's compost troubleshooting story links to the composting guide; later the paragraph with the link
 *   is edited out (the placement becomes `lost`, and Tom moves linked → lost);
 * - Maya Fields' winter sowing story links to the companion planting chart; later the link's rel flips (the
 *   placement becomes `changed`, with an alert).
 * These stories are served but kept out of `world.medium.stories`, so feeds, profiles and the discovery
 * results of the demo stay exactly as before.
 */
import { MAYA_ID, TOM_ID } from './demo-world-discovery.js';
import type { DemoLink, DemoParagraph, DemoStory } from './demo-world.js';

type At = (iso: string) => string;

export type DemoPhase = 'before' | 'after';

export interface DemoPlacementStory {
  story: DemoStory;
  /** Path on the user's site the story links to (the watched target). */
  targetPath: string;
  /** What happens in the `after` phase. */
  change: { kind: 'removed'; paragraphsAfter: DemoParagraph[] } | { kind: 'rel'; relAfter: string };
}

export interface DemoOutreachWorld {
  placements: DemoPlacementStory[];
  /** Mutable: the demo server renders the placement stories as of this phase. */
  phase: DemoPhase;
  /** Path of the demo's webhook receiver (any host on the demo server). */
  webhookPath: string;
}

const site = (path: string, text: string): DemoLink => ({ href: `site:${path}`, text });
const p = (...parts: (string | DemoLink)[]): DemoParagraph => ({ kind: 'p', parts });

function placementStory(
  at: At,
  s: Omit<DemoStory, 'publishedAt' | 'updatedAt' | 'voters' | 'canonicalPath' | 'challenge'> & { published: string },
): DemoStory {
  const { published, ...rest } = s;
  return {
    ...rest,
    publishedAt: at(published),
    updatedAt: at(published),
    voters: Math.max(1, Math.round(s.claps / 8)),
    canonicalPath: null,
    challenge: false,
  };
}

export const TOM_PLACEMENT_POST = 'a9b8c7d6e5f4';
export const MAYA_PLACEMENT_POST = 'b9c8d7e6f5a4';

export function outreachWorld(at: At): DemoOutreachWorld {
  return {
    phase: 'before',
    webhookPath: '/__demo-webhook',
    placements: [
      {
        targetPath: '/guides/composting',
        story: placementStory(at, {
          postId: TOM_PLACEMENT_POST,
          slug: 'compost-troubleshooting',
          authorId: TOM_ID,
          title: 'Compost troubleshooting',
          subtitle: 'Slimy, smelly, cold: three fixes',
          published: '2026-10-28T18:00:00.000Z',
          readingTimeMinutes: 4,
          claps: 88,
          responses: 2,
          tags: ['composting', 'allotment'],
          paragraphs: [
            p('A slimy heap has too much green and too little air.'),
            p('What sorted mine out was ', site('/guides/composting', 'this hot composting guide'), ': turn it every few days.'),
            p('Cold heaps just need more mass.'),
          ],
        }),
        change: {
          kind: 'removed',
          paragraphsAfter: [
            p('A slimy heap has too much green and too little air.'),
            p('Turn it every few days.'),
            p('Cold heaps just need more mass.'),
          ],
        },
      },
      {
        targetPath: '/guides/companion-planting',
        story: placementStory(at, {
          postId: MAYA_PLACEMENT_POST,
          slug: 'winter-sowing-in-milk-jugs',
          authorId: MAYA_ID,
          title: 'Winter sowing in milk jugs',
          subtitle: 'Free mini greenhouses on the patio',
          published: '2026-10-30T08:00:00.000Z',
          readingTimeMinutes: 5,
          claps: 960,
          responses: 9,
          tags: ['gardening', 'seeds'],
          paragraphs: [
            p('Cut the jug, fill it with compost, sow, tape it shut, leave it outside.'),
            p('Plan what goes next to what with ', site('/guides/companion-planting', 'a companion planting chart'), ' before spring.'),
          ],
        }),
        change: { kind: 'rel', relAfter: 'noopener follow' },
      },
    ],
  };
}

/** The placement story's paragraphs as of a phase. */
export function paragraphsAt(placement: DemoPlacementStory, phase: DemoPhase): DemoParagraph[] {
  return phase === 'after' && placement.change.kind === 'removed' ? placement.change.paragraphsAfter : placement.story.paragraphs;
}
