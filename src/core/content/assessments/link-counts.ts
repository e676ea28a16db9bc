/** Shared counting for the outbound/internal link assessments. */
import type { ContentDocument, ContentProfile } from '../content-types.js';
import { classifyLink, internalSites, isLinkFollowed, type LinkClass } from './assessment.js';

export interface LinkCounts {
  total: number;
  followed: number;
  nofollowed: number;
  urls: string[];
}

export function countLinks(
  doc: ContentDocument,
  profile: ContentProfile,
  userSites: readonly string[],
  which: Exclude<LinkClass, 'other'>,
): LinkCounts {
  const sites = internalSites(doc, profile, userSites);
  const out: LinkCounts = { total: 0, followed: 0, nofollowed: 0, urls: [] };
  for (const link of doc.links) {
    if (classifyLink(link, sites) !== which) continue;
    out.total++;
    if (isLinkFollowed(link)) out.followed++;
    else out.nofollowed++;
    out.urls.push(link.url ?? link.href);
  }
  return out;
}
