/**
 * Use-case: audit pages (live URLs or saved files) for links to the user's sites, store the results
 * and their snapshots, and report. Gather, then analyse: every live page is stored as a snapshot first
 * and the audit runs from those bytes, so a 304 re-check replays the stored snapshot.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { auditHtml, siteHost } from '../core/audit/audit-html.js';
import type { PageAudit, TargetCheck } from '../core/audit/audit-types.js';
import type { Clock } from '../core/clock.js';
import { decodeBody, looksBinary } from '../core/encoding/decode-body.js';
import { isLinkwrightError, LinkwrightError } from '../core/errors/linkwright-error.js';
import { finishRun, markRunItem, runItems, startOrResumeRun } from '../store/audit-runs-repository.js';
import type { Store } from '../store/open-store.js';
import { findPage, loadPageAudit, recordPageError, savePageAudit } from '../store/pages-repository.js';
import { addSites } from '../store/sites-repository.js';
import { latestSnapshot, type SnapshotInput } from '../store/snapshots-repository.js';
import { type FetchedPage, type PageFetcher, snapshotOfFetch } from './ports.js';

export type AuditInput = { kind: 'url'; url: string } | { kind: 'file'; path: string; url?: string };

export interface AuditRequest {
  inputs: AuditInput[];
  sites: string[];
  allLinks?: boolean;
  checkTargets?: boolean;
  /** Store results (default true when a store is given). */
  save?: boolean;
  /** Ignore an unfinished run of the same inputs and start over. */
  restart?: boolean;
  /** How many pages are worked on at once; the fetcher still keeps one connection per host. */
  concurrency?: number;
}

export interface AuditFailure {
  input: string;
  code: string;
  message: string;
}

export interface AuditOutcome {
  audits: PageAudit[];
  failures: AuditFailure[];
  /** Inputs skipped because an earlier, interrupted run of the same command had already done them. */
  resumedSkipped: number;
  runId: number | null;
}

export interface AuditDependencies {
  fetcher: PageFetcher;
  clock: Clock;
  store?: Store;
  onProgress?: (event: { done: number; total: number; input: string; ok: boolean }) => void;
}

export function describeInput(input: AuditInput): string {
  return input.kind === 'url' ? input.url : input.url ? `${input.path} (as ${input.url})` : input.path;
}

/** The same inputs and options give the same key, so re-running the command resumes its run. */
export function runKeyOf(request: AuditRequest): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ i: request.inputs, s: [...request.sites].sort(), a: !!request.allLinks, t: !!request.checkTargets }));
  return hash.digest('hex').slice(0, 32);
}

export async function auditPages(deps: AuditDependencies, request: AuditRequest): Promise<AuditOutcome> {
  const { store, clock } = deps;
  const save = request.save !== false && store !== undefined;
  const now = () => new Date(clock.now()).toISOString();
  const audits: (PageAudit | undefined)[] = new Array(request.inputs.length);
  const failures: AuditFailure[] = [];

  let runId: number | null = null;
  let pending = request.inputs.map((input, position) => ({ input, position }));
  let resumedSkipped = 0;
  if (save && store) {
    // Stored as the host the audit matches with (example.com for "https://www.example.com/").
    await addSites(
      store.db,
      request.sites.map((site) => siteHost(site)).filter((host): host is string => host !== null),
      now(),
    );
    const run = await startOrResumeRun(store.db, {
      runKey: runKeyOf(request),
      inputs: request.inputs.map(describeInput),
      now: now(),
      restart: request.restart ?? false,
    });
    runId = run.id;
    if (run.resumed) {
      const done = new Set((await runItems(store.db, run.id)).filter((item) => item.state === 'done').map((item) => item.position));
      resumedSkipped = done.size;
      pending = pending.filter((p) => !done.has(p.position));
      // Report the pages the interrupted run already did from the store, so the output is complete.
      for (const position of done) {
        const input = request.inputs[position];
        // A saved file without --url was stored under its file: URL (readSavedPage).
        const url =
          input === undefined ? undefined : input.kind === 'url' ? input.url : (input.url ?? pathToFileURL(resolve(input.path)).toString());
        const stored = url ? await loadPageAudit(store.db, url) : null;
        if (stored) audits[position] = stored;
      }
    }
  }

  let done = resumedSkipped;
  const total = request.inputs.length;
  const concurrency = Math.max(1, request.concurrency ?? 4);
  let cursor = 0;
  const worker = async () => {
    while (cursor < pending.length) {
      const item = pending[cursor++];
      if (!item) break;
      const label = describeInput(item.input);
      let ok = true;
      try {
        const { audit, pageId } = await auditOne(deps, request, item.input, save);
        audits[item.position] = audit;
        if (runId !== null && store) await markRunItem(store.db, { runId, position: item.position, state: 'done', pageId, now: now() });
      } catch (error) {
        ok = false;
        const failure = toFailure(label, error);
        failures.push(failure);
        if (runId !== null && store) {
          const url = item.input.kind === 'url' ? item.input.url : null;
          const pageId = url ? await recordPageError(store.db, { url, code: failure.code, message: failure.message, now: now() }) : null;
          await markRunItem(store.db, {
            runId,
            position: item.position,
            state: 'failed',
            pageId,
            errorCode: failure.code,
            errorMessage: failure.message,
            now: now(),
          });
        }
      }
      done++;
      deps.onProgress?.({ done, total, input: label, ok });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, pending.length) }, worker));
  if (runId !== null && store) await finishRun(store.db, runId, now());
  return { audits: audits.filter((a): a is PageAudit => a !== undefined), failures, resumedSkipped, runId };
}

function toFailure(input: string, error: unknown): AuditFailure {
  if (isLinkwrightError(error)) return { input, code: error.code, message: error.message };
  return { input, code: 'INTERNAL_ERROR', message: error instanceof Error ? error.message : String(error) };
}

async function auditOne(
  deps: AuditDependencies,
  request: AuditRequest,
  input: AuditInput,
  save: boolean,
): Promise<{ audit: PageAudit; pageId: number | null }> {
  const { snapshot, validators } = input.kind === 'file' ? await readSavedPage(input) : await fetchLivePage(deps, input.url, save);
  const { text } = decodeBody(snapshot.body, snapshot.contentType);
  const audit = auditHtml(text, {
    url: snapshot.url,
    finalUrl: snapshot.finalUrl,
    status: snapshot.status,
    redirects: snapshot.redirects,
    headers: snapshot.headers,
    site: request.sites,
    allLinks: request.allLinks ?? false,
    source: snapshot.source,
    capturedAt: snapshot.fetchedAt,
  });
  if (request.checkTargets) await checkTargets(deps.fetcher, audit);
  let pageId: number | null = null;
  if (save && deps.store) {
    const saved = await savePageAudit(deps.store.db, {
      audit,
      snapshot: snapshot.reused ? undefined : snapshot,
      etag: validators.etag,
      lastModified: validators.lastModified,
      now: new Date(deps.clock.now()).toISOString(),
      linkScope: { allLinks: request.allLinks ?? false, sites: request.sites },
    });
    pageId = saved.pageId;
  }
  return { audit, pageId };
}

type LoadedSnapshot = SnapshotInput & { reused: boolean };

async function readSavedPage(
  input: Extract<AuditInput, { kind: 'file' }>,
): Promise<{ snapshot: LoadedSnapshot; validators: { etag: null; lastModified: null } }> {
  const path = resolve(input.path);
  let body: Buffer;
  let mtime: Date;
  try {
    [body, mtime] = await Promise.all([readFile(path), stat(path).then((s) => s.mtime)]);
  } catch (cause) {
    throw new LinkwrightError(
      'INPUT_NOT_FOUND',
      `cannot read ${input.path}: ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      {
        cause,
        position: { input: input.path },
      },
    );
  }
  if (looksBinary(body)) {
    throw new LinkwrightError('INVALID_INPUT', `${input.path} is not an HTML page (binary data in its first bytes)`, {
      position: { input: input.path },
    });
  }
  const url = input.url ?? pathToFileURL(path).toString();
  return {
    snapshot: {
      url,
      finalUrl: url,
      status: null,
      headers: {},
      redirects: [],
      body,
      contentType: null,
      encoding: null,
      truncated: false,
      source: 'file',
      fetchedAt: mtime.toISOString(),
      reused: false,
    },
    validators: { etag: null, lastModified: null },
  };
}

async function fetchLivePage(
  deps: AuditDependencies,
  url: string,
  save: boolean,
): Promise<{ snapshot: LoadedSnapshot; validators: { etag: string | null; lastModified: string | null } }> {
  const stored = save && deps.store ? await findPage(deps.store.db, url) : null;
  const page: FetchedPage = await deps.fetcher.fetch({ url, etag: stored?.etag ?? null, lastModified: stored?.lastModified ?? null });
  if (page.notModified && deps.store) {
    // 304: the page did not change since the stored snapshot; re-analyse those bytes (replayable audit).
    const previous = await latestSnapshot(deps.store.db, url);
    if (previous?.body) {
      return {
        snapshot: { ...previous, body: previous.body, source: 'live', reused: true },
        validators: { etag: page.etag ?? stored?.etag ?? null, lastModified: page.lastModified ?? stored?.lastModified ?? null },
      };
    }
  }
  return {
    snapshot: { ...snapshotOfFetch(url, page), reused: false },
    validators: { etag: page.etag, lastModified: page.lastModified },
  };
}

/** `--check-targets`: where does each link land? One fetch per distinct target URL. */
async function checkTargets(fetcher: PageFetcher, audit: PageAudit): Promise<void> {
  const results = new Map<string, Promise<TargetCheck>>();
  for (const link of audit.links) {
    if (!link.url) continue;
    let check = results.get(link.url);
    if (!check) {
      check = fetcher.fetch({ url: link.url }).then(
        (page): TargetCheck => ({
          status: page.status,
          finalUrl: page.finalUrl,
          redirects: page.redirects,
          ok: page.status >= 200 && page.status < 300,
          error: null,
        }),
        (error: unknown): TargetCheck => ({
          status: null,
          finalUrl: null,
          redirects: [],
          ok: false,
          error: isLinkwrightError(error)
            ? { code: error.code, message: error.message }
            : { code: 'INTERNAL_ERROR', message: String(error) },
        }),
      );
      results.set(link.url, check);
    }
  }
  for (const link of audit.links) {
    if (link.url) link.target = await (results.get(link.url) as Promise<TargetCheck>);
  }
}
