/**
 * Use-case: `linkwright watch <story-url> --target <url>` — record a placed link to monitor. Expected: present,
 * in the story body (the placement a Medium backlink is worth having in), and — unless given — the rel and
 * anchor text the first check sees, so a later rel flip or anchor edit is reported against what the link was.
 * The prospect is the one given, or the story's author when they are a prospect (username in the story URL, or
 * the author of the stored story), so a verified placement can move them to `linked`.
 */
import { LINK_PLACEMENTS, type LinkPlacement } from '../core/audit/audit-types.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { mediumPostIdFromUrl, mediumUsernameFromUrl, stripTrackingParams } from '../core/medium/medium-ids.js';
import { targetKey } from '../core/outreach/index.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import { getMediumPost } from '../store/medium-repository.js';
import { getPlacement, type StoredPlacement, upsertPlacement } from '../store/placements-repository.js';
import { findProspect, type StoredProspect } from '../store/prospects-repository.js';
import { msToIso, type OutreachDeps, resolveProspect } from './outreach-support.js';

export interface WatchRequest {
  storyUrl: string;
  targetUrl: string;
  /** Prospect id or @username; default: the story's author when they are a prospect. */
  prospect?: string | null;
  /** Expected rel tokens ("ugc nofollow"), `any` to not check; default: learnt from the first sighting. */
  rel?: string | null;
  /** Expected placement; `any` to not check; default body. */
  placement?: string | null;
  /** Expected anchor text; `any` to not check; default: learnt from the first sighting. */
  anchor?: string | null;
}

export interface WatchOutcome {
  placement: StoredPlacement;
  created: boolean;
  prospect: StoredProspect | null;
  /** How the prospect was found: given, or from the story URL / stored story. */
  prospectFrom: 'given' | 'story-url' | 'stored-story' | null;
}

function httpUrl(value: string, what: string): string {
  const url = parseHttpUrl(value.trim());
  if (url === null)
    throw new LinkwrightError('INVALID_URL', `${what} must be an http(s) URL, got ${JSON.stringify(value.slice(0, 200))}`, { url: value });
  url.hash = '';
  return url.href;
}

const isAny = (v: string | null | undefined) => v !== null && v !== undefined && v.trim().toLowerCase() === 'any';

export async function watchPlacement(deps: OutreachDeps, request: WatchRequest): Promise<WatchOutcome> {
  const storyUrl = stripTrackingParams(httpUrl(request.storyUrl, 'the story URL'));
  const targetUrl = httpUrl(request.targetUrl, '--target');
  let placement: LinkPlacement | null = 'body';
  if (request.placement !== undefined && request.placement !== null) {
    const p = request.placement.trim().toLowerCase();
    if (isAny(p)) placement = null;
    else if ((LINK_PLACEMENTS as readonly string[]).includes(p)) placement = p as LinkPlacement;
    else
      throw new LinkwrightError('INVALID_INPUT', `--placement is one of ${LINK_PLACEMENTS.join(', ')} or any`, {
        details: { field: 'placement' },
      });
  }
  const rel = isAny(request.rel) ? null : request.rel?.trim().toLowerCase().split(/\s+/).filter(Boolean).join(' ') || null;
  const anchor = isAny(request.anchor) ? null : request.anchor?.trim() || null;
  // Learn from the first sighting only what was neither given nor switched off with `any`.
  const learn = [
    ...(request.rel === undefined || request.rel === null || request.rel.trim() === '' ? ['rel'] : []),
    ...(request.anchor === undefined || request.anchor === null || request.anchor.trim() === '' ? ['anchor'] : []),
  ];

  let prospect: StoredProspect | null = null;
  let prospectFrom: WatchOutcome['prospectFrom'] = null;
  if (request.prospect) {
    prospect = await resolveProspect(deps.store.db, request.prospect);
    prospectFrom = 'given';
  } else {
    const fromUrl = mediumUsernameFromUrl(storyUrl);
    if (fromUrl !== null) {
      prospect = await findProspect(deps.store.db, fromUrl);
      if (prospect !== null) prospectFrom = 'story-url';
    }
    const postId = prospect === null ? mediumPostIdFromUrl(storyUrl) : null;
    const author = postId === null ? null : ((await getMediumPost(deps.store.db, postId))?.authorUsername ?? null);
    if (author !== null) {
      prospect = await findProspect(deps.store.db, author);
      if (prospect !== null) prospectFrom = 'stored-story';
    }
  }

  const { id, created } = await upsertPlacement(deps.store.db, {
    storyUrl,
    targetUrl,
    targetKey: targetKey(targetUrl),
    prospectId: prospect?.id ?? null,
    expected: { rel, placement, anchor },
    expectedSource: learn.length > 0 ? `learn:${learn.join(',')}` : 'user',
    now: msToIso(deps.clock.now()),
  });
  const stored = await getPlacement(deps.store.db, id);
  if (stored === null) throw new LinkwrightError('STORE_ERROR', `placement ${id} vanished after it was written`);
  return { placement: stored, created, prospect, prospectFrom };
}
