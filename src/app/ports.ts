/**
 * What the use-cases need from the outside world, as interfaces, so they run against fakes in tests.
 * The polite fetcher (src/fetch) implements PageFetcher.
 */
import type { RedirectHop } from '../core/audit/audit-types.js';
import type { SnapshotInput } from '../store/snapshots-repository.js';

export interface FetchedPage {
  requestedUrl: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string[]>;
  redirects: RedirectHop[];
  body: Buffer;
  text: string;
  encoding: string;
  contentType: string | null;
  truncated: boolean;
  notModified: boolean;
  challenge: boolean;
  fetchedAt: string;
  etag: string | null;
  lastModified: string | null;
}

export interface PageFetcher {
  fetch(request: { url: string; etag?: string | null; lastModified?: string | null }): Promise<FetchedPage>;
  close(): Promise<void>;
}

/** What the store keeps of a live fetch (gather, then analyse: every analysis can replay it). */
export function snapshotOfFetch(url: string, page: FetchedPage): SnapshotInput {
  return {
    url,
    finalUrl: page.finalUrl,
    status: page.status,
    headers: page.headers,
    redirects: page.redirects,
    body: page.body,
    contentType: page.contentType,
    encoding: page.encoding,
    truncated: page.truncated,
    source: 'live',
    fetchedAt: page.fetchedAt,
  };
}
