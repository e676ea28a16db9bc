/**
 * Glue between MediumSource pages and the store: every Medium page fetched from the network is kept as a
 * snapshot (gather, then analyse — DESIGN §3), story records point at their snapshot, and the 24 h story
 * cache replays those bytes through the reader instead of fetching again.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { decodeBody } from '../core/encoding/decode-body.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { MediumStory } from '../core/medium/medium-types.js';
import type { MediumPage, MediumStoryCache } from '../fetch/medium-source.js';
import { latestStoryCapture, postRecordOfStory, snapshotById, upsertMediumPost } from '../store/medium-repository.js';
import type { Store } from '../store/open-store.js';
import { insertSnapshot, type StoredSnapshot } from '../store/snapshots-repository.js';

export function pageFromSnapshot(snapshot: StoredSnapshot): MediumPage | null {
  if (snapshot.body === null) return null;
  return {
    url: snapshot.url,
    finalUrl: snapshot.finalUrl,
    status: snapshot.status,
    headers: snapshot.headers,
    text: decodeBody(snapshot.body, snapshot.contentType).text,
    contentType: snapshot.contentType,
    fetchedAt: snapshot.fetchedAt,
    snapshotId: snapshot.id,
  };
}

export async function loadSnapshotPage(store: Store, snapshotId: number): Promise<MediumPage | null> {
  const snapshot = await snapshotById(store.db, snapshotId);
  return snapshot === null ? null : pageFromSnapshot(snapshot);
}

/** The store side of MediumSource's story cache: the snapshot the stored story was read from. */
export function storeStoryCache(store: Store): MediumStoryCache {
  return {
    async storyPage(postId: string): Promise<MediumPage | null> {
      const capture = await latestStoryCapture(store.db, postId);
      if (capture === null || capture.snapshotId === null) return null;
      return loadSnapshotPage(store, capture.snapshotId);
    },
  };
}

/**
 * Stores a network page as a snapshot and returns its id; a page that came from the store already has one.
 * Returns null for pages without a response (saved files are stored only through their story record).
 */
export async function persistPage(store: Store, page: MediumPage): Promise<number | null> {
  if (page.snapshotId !== undefined && page.snapshotId !== null) return page.snapshotId;
  const r = page.response;
  if (r === undefined) return null;
  const { id } = await insertSnapshot(store.db, {
    url: r.requestedUrl,
    finalUrl: r.finalUrl,
    status: r.status,
    headers: r.headers,
    redirects: r.redirects,
    body: r.body,
    contentType: r.contentType,
    encoding: r.encoding,
    truncated: r.truncated,
    source: 'live',
    fetchedAt: r.fetchedAt,
  });
  page.snapshotId = id;
  return id;
}

/** Saves a story record read from a page (and the page's snapshot when it came from the network). */
export async function saveStory(store: Store, story: MediumStory, page: MediumPage): Promise<void> {
  const snapshotId = await persistPage(store, page);
  await upsertMediumPost(store.db, postRecordOfStory(story, { snapshotId, capturedAt: page.fetchedAt }));
}

/** A page saved from a browser: bytes decoded per WHATWG sniffing, time = the file's mtime. */
export async function readSavedPage(path: string, originalUrl?: string): Promise<MediumPage> {
  const full = resolve(path);
  let body: Buffer;
  let mtime: Date;
  try {
    [body, mtime] = await Promise.all([readFile(full), stat(full).then((s) => s.mtime)]);
  } catch (cause) {
    throw new LinkwrightError(
      'INPUT_NOT_FOUND',
      `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      {
        cause,
        position: { input: path },
      },
    );
  }
  const url = originalUrl ?? pathToFileURL(full).toString();
  return {
    url,
    finalUrl: url,
    status: null,
    headers: {},
    text: decodeBody(body, null).text,
    contentType: null,
    fetchedAt: mtime.toISOString(),
  };
}
