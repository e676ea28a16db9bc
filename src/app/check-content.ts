/**
 * Use-cases behind `linkwright check` and `linkwright content add|list|remove`: check a draft (Markdown with
 * front matter, a saved HTML page, or a live URL — Medium stories through the Medium reader) with the content
 * checker core, against what the store knows: the keyphrases already used on the user's pages and Medium
 * copies (previously-used keyphrase), the tags of stored Medium stories (known tags), the user's sites, and
 * which of the user's pages the text copies (canonical check). With `save`, the checked content is recorded
 * in `content_items` so later drafts are compared with it.
 */
import { type Clock, isoAt } from '../core/clock.js';
import type { ContentProfile, ContentReport } from '../core/content/content-types.js';
import { countWords } from '../core/content/language/text-analysis.js';
import { type ContentCheckOptions, runContentCheck } from '../core/content/runner.js';
import { type ContentItemKind, type ContentItemRecord, upsertContentItem } from '../store/content-repository.js';
import type { Store } from '../store/open-store.js';
import {
  type ContentInput,
  type ContentInputDeps,
  bodyText,
  fingerprintOf,
  keyphraseKeyOf,
  readContentInput,
  type StoreCheckContext,
  storeCheckContext,
} from './content-input.js';

export interface CheckContentRequest {
  /** A file path (.md/.markdown/.html/.htm) or an http(s) URL. */
  input: string;
  cwd: string;
  profile: ContentProfile;
  keyphrase?: string;
  synonyms?: string[];
  /** The user's sites; default: the sites stored in the database. */
  userSites?: string[];
  /** The original URL of a saved .html file. */
  url?: string;
  /** Record the checked content in `content_items` (needs a store). */
  save?: boolean;
}

export interface CheckContentDeps extends ContentInputDeps {
  clock?: Clock;
}

export interface CheckContentResult {
  report: ContentReport;
  /** What the check was compared with; null without a store (store-backed checks then say "not checked"). */
  context: (Omit<StoreCheckContext, 'knownTags' | 'previouslyUsed'> & { knownTags: number; previouslyUsed: number }) | null;
  /** The stored item when `save` was asked. */
  saved: ContentItemRecord | null;
  identity: string;
}

export async function checkContent(deps: CheckContentDeps, request: CheckContentRequest): Promise<CheckContentResult> {
  const read = await readContentInput(deps, {
    input: request.input,
    cwd: request.cwd,
    ...(request.url === undefined ? {} : { url: request.url }),
    persist: request.save === true,
  });
  const context = deps.store === undefined ? null : await storeCheckContext(deps.store, read.doc, read.identity);
  const userSites = request.userSites && request.userSites.length > 0 ? request.userSites : (context?.userSites ?? []);
  const options: ContentCheckOptions = {
    profile: request.profile,
    ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
    ...(request.synonyms && request.synonyms.length > 0 ? { synonyms: request.synonyms } : {}),
    userSites,
    ...(context === null
      ? {}
      : { previouslyUsed: context.previouslyUsed, knownTags: context.knownTags, copyOf: context.copyOf?.url ?? null }),
  };
  const report = runContentCheck(read.doc, options);
  let saved: ContentItemRecord | null = null;
  if (request.save === true) {
    if (deps.store === undefined || deps.clock === undefined) throw new Error('saving a checked draft needs a store and a clock');
    saved = await saveContentItem(deps.store, deps.clock, read, report.keyphrase, report.stats.words);
  }
  return {
    report,
    context:
      context === null
        ? null
        : {
            ...context,
            userSites,
            knownTags: context.knownTags?.length ?? 0,
            previouslyUsed: context.previouslyUsed.length,
          },
    saved,
    identity: read.identity,
  };
}

async function saveContentItem(
  store: Store,
  clock: Clock,
  read: ContentInput,
  keyphrase: string | null,
  words: number,
  kind?: ContentItemKind,
): Promise<ContentItemRecord> {
  return upsertContentItem(
    store.db,
    {
      url: read.identity,
      kind: kind ?? read.kind,
      title: read.doc.title,
      keyphrase,
      keyphraseKey: keyphraseKeyOf(keyphrase),
      canonicalUrl: read.doc.canonical,
      wordCount: words,
      fingerprint: fingerprintOf(read.doc),
      snapshotId: read.snapshotId,
      tags: read.doc.tags,
    },
    isoAt(clock),
  );
}

export interface AddContentRequest {
  /** A page URL, a saved .html page or a Markdown draft. */
  input: string;
  cwd: string;
  /** Original URL of a saved file. */
  url?: string;
  /** The focus keyphrase of this content (default: a draft's front-matter keyphrase; a stored one is kept). */
  keyphrase?: string;
  /** Override what the input looks like (e.g. a saved Medium story of yours stored as `medium-story`). */
  kind?: ContentItemKind;
}

/** `linkwright content add`: read the content (fetching it politely when it is a URL) and record it. */
export async function addContent(deps: ContentInputDeps & { store: Store; clock: Clock }, request: AddContentRequest): Promise<ContentItemRecord> {
  const read = await readContentInput(deps, {
    input: request.input,
    cwd: request.cwd,
    ...(request.url === undefined ? {} : { url: request.url }),
    persist: true,
  });
  const keyphrase = request.keyphrase?.trim() || read.doc.keyphrase || null;
  const words = countWords(bodyText(read.doc));
  return saveContentItem(deps.store, deps.clock, read, keyphrase, words, request.kind);
}
