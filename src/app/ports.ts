/**
 * What the use-cases need from the outside world, as interfaces, so they run against fakes in tests.
 * The polite fetcher (src/fetch) implements PageFetcher.
 */
import type { RedirectHop } from '../core/audit/audit-types.js';

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
