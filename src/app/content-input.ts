/**
 * Reads what the content checker and `linkwright content add` are given — a Markdown draft, a saved HTML page
 * or a live URL — into one ContentDocument, and builds the store-backed context of a check: the keyphrases
 * the user already used, the tags known from stored Medium stories, and which of the user's pages the text
 * copies (MinHash resemblance, core/content/near-duplicate.ts).
 *
 * Medium pages (a medium.com / *.medium.com URL, the configured Medium origin, or any page whose markup is
 * Medium's — custom-domain publications and saved files) go through the Medium reader as well, which knows
 * the story's real title, subtitle, tags and canonical.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PreviousUse } from '../core/content/assessments/assessment.js';
import type { ContentDocument } from '../core/content/content-types.js';
import { parseHtmlDocument } from '../core/content/html-document.js';
import { parseKeyphrase } from '../core/content/language/keyphrase.js';
import { parseMarkdownDraft } from '../core/content/markdown-draft.js';
import { withMediumStory } from '../core/content/medium-story-document.js';
import { decodeSignature, encodeSignature, findCopyOf, minhashSignature } from '../core/content/near-duplicate.js';
import { decodeBody } from '../core/encoding/decode-body.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { isMediumHost } from '../core/medium/medium-ids.js';
import type { MediumStory, MediumStoryResult } from '../core/medium/medium-types.js';
import { readMediumPageIdentity } from '../core/medium/page-identity.js';
import { readMediumStory } from '../core/medium/read-story.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import type { MediumSource } from '../fetch/medium-source.js';
import { type ContentItemKind, type ContentItemRecord, knownTags, listContentItems } from '../store/content-repository.js';
import type { Store } from '../store/open-store.js';
import { listSites } from '../store/sites-repository.js';
import { insertSnapshot } from '../store/snapshots-repository.js';
import { saveStory } from './medium-pages.js';
import { type PageFetcher, snapshotOfFetch } from './ports.js';

export interface ContentInputDeps {
  fetcher?: PageFetcher;
  /** Reads Medium URLs (≥ 2 s politeness, 24 h story cache); without it they are fetched as plain pages. */
  medium?: MediumSource;
  /** With `persist`, live pages are kept as snapshots (and Medium stories as medium_posts). */
  store?: Store;
}

export interface ContentInputRequest {
  /** A file path (.md/.markdown/.html/.htm) or an http(s) URL. */
  input: string;
  cwd: string;
  /** The original URL of a saved .html file. */
  url?: string;
  /** Keep what was fetched in the store (needs deps.store). */
  persist?: boolean;
}

export interface ContentInput {
  doc: ContentDocument;
  /** The identity of this content in `content_items`: the page URL, or the draft's file: URL. */
  identity: string;
  kind: ContentItemKind;
  /** The Medium reader's record when the input is a Medium story. */
  mediumStory: MediumStory | null;
  snapshotId: number | null;
}

function isMediumUrl(url: string, medium: MediumSource | undefined): boolean {
  const parsed = parseHttpUrl(url);
  if (parsed === null) return false;
  return isMediumHost(parsed.hostname) || (medium !== undefined && parsed.origin === medium.origin);
}

function storyOrThrow(result: MediumStoryResult, input: string): MediumStory {
  if (result.state === 'ok') return result.story;
  if (result.state === 'blocked') {
    throw new LinkwrightError(
      'CHALLENGE_BLOCKED',
      `${input}: Medium answered with a bot challenge. Open the story in your browser, save it (Ctrl+S, "Webpage, HTML only") and give the file: linkwright check saved.html --url ${input}`,
      { url: input },
    );
  }
  throw new LinkwrightError('MEDIUM_POST_NOT_FOUND', `${input}: ${result.message}`, { url: input });
}

/** A page that is Medium's markup gets the Medium reader's metadata on top of the HTML body. */
function htmlContent(text: string, url: string | null): { doc: ContentDocument; story: MediumStory | null } {
  const doc = parseHtmlDocument(text, { url });
  const identity = readMediumPageIdentity(text, url === null ? {} : { url });
  if (!identity.isMedium) return { doc, story: null };
  const read = readMediumStory(text, url === null ? {} : { url });
  return read.state === 'ok' ? { doc: withMediumStory(doc, read.story), story: read.story } : { doc, story: null };
}

export async function readContentInput(deps: ContentInputDeps, request: ContentInputRequest): Promise<ContentInput> {
  const persist = request.persist === true && deps.store !== undefined;
  if (request.url !== undefined && parseHttpUrl(request.url) === null) {
    throw new LinkwrightError('INVALID_INPUT', `--url must be an http(s) URL, got ${JSON.stringify(request.url.slice(0, 200))}`, {
      position: { input: '--url' },
    });
  }
  if (/^https?:\/\//i.test(request.input)) {
    if (request.url !== undefined)
      throw new LinkwrightError('INVALID_INPUT', '--url names the original address of a saved file; give it with a file, not a URL');
    if (deps.medium !== undefined && isMediumUrl(request.input, deps.medium)) {
      const read = await deps.medium.story(request.input);
      const story = storyOrThrow(read.result, request.input);
      if (persist && deps.store !== undefined && read.from === 'network') await saveStory(deps.store, story, read.page);
      const doc = withMediumStory(parseHtmlDocument(read.page.text, { url: read.page.finalUrl }), story);
      return { doc, identity: story.url, kind: 'medium-story', mediumStory: story, snapshotId: read.page.snapshotId ?? null };
    }
    if (!deps.fetcher) throw new LinkwrightError('CONFIG_INVALID', 'reading a URL needs a fetcher');
    const page = await deps.fetcher.fetch({ url: request.input });
    if (page.challenge) {
      throw new LinkwrightError(
        'CHALLENGE_BLOCKED',
        `${request.input} answered with a bot challenge: save the page in your browser and give the file with --url ${request.input}`,
        {
          url: request.input,
        },
      );
    }
    const snapshotId =
      persist && deps.store !== undefined ? (await insertSnapshot(deps.store.db, snapshotOfFetch(request.input, page))).id : null;
    const { doc, story } = htmlContent(page.text, page.finalUrl);
    return {
      doc,
      identity: story?.url ?? page.finalUrl,
      kind: story === null ? 'site-page' : 'medium-story',
      mediumStory: story,
      snapshotId,
    };
  }

  const path = resolve(request.cwd, request.input);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new LinkwrightError(
      'INPUT_NOT_FOUND',
      `cannot read ${request.input}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`,
      {
        cause,
        position: { input: request.input },
      },
    );
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') {
    const { doc, story } = htmlContent(decodeBody(bytes, null).text, request.url ?? null);
    const identity = story?.url ?? request.url ?? pathToFileURL(path).toString();
    return { doc, identity, kind: story === null ? 'site-page' : 'medium-story', mediumStory: story, snapshotId: null };
  }
  if (extension === '.md' || extension === '.markdown') {
    const doc = parseMarkdownDraft(bytes.toString('utf8'), {
      input: request.input,
      ...(request.url === undefined ? {} : { url: request.url }),
    });
    return { doc, identity: request.url ?? pathToFileURL(path).toString(), kind: 'draft', mediumStory: null, snapshotId: null };
  }
  throw new LinkwrightError('INVALID_INPUT', `${request.input}: expected a .md/.markdown draft, an .html page or an http(s) URL`, {
    position: { input: request.input },
  });
}

/** The body text a fingerprint is taken from: every block, in order (headings included, code left out). */
export function bodyText(doc: ContentDocument): string {
  return doc.blocks
    .filter((b) => b.kind !== 'code')
    .map((b) => b.text)
    .join('\n');
}

export function fingerprintOf(doc: ContentDocument): string | null {
  const signature = minhashSignature(bodyText(doc));
  return signature === null ? null : encodeSignature(signature);
}

/** The keyphrase as `content_items.keyphrase_key` stores it (what the previously-used check compares). */
export function keyphraseKeyOf(keyphrase: string | null): string | null {
  if (keyphrase === null) return null;
  const parsed = parseKeyphrase(keyphrase);
  return parsed === null ? null : parsed.keys.join(' ');
}

export interface StoreCheckContext {
  previouslyUsed: PreviousUse[];
  /** null when the store holds no tag at all (the tag check then says "not checked"). */
  knownTags: string[] | null;
  /** The user's page this text copies, with the estimated resemblance. */
  copyOf: { url: string; resemblance: number } | null;
  /** The user's sites from the store (`sites` table). */
  userSites: string[];
  /** How many stored items the draft was compared with. */
  itemsCompared: number;
}

/** What the store says about a document being checked; `identity` (its own row, if saved before) is left out. */
export async function storeCheckContext(store: Store, doc: ContentDocument, identity: string): Promise<StoreCheckContext> {
  const items: ContentItemRecord[] = (await listContentItems(store.db)).filter((i) => i.url !== identity);
  const previouslyUsed: PreviousUse[] = items
    .filter((i) => i.keyphrase !== null)
    .map((i) => ({
      keyphrase: i.keyphrase as string,
      url: i.url,
      title: i.title,
      source: i.kind === 'site-page' ? ('site' as const) : i.kind === 'medium-story' ? ('medium' as const) : null,
    }));
  const tags = (await knownTags(store.db)).map((t) => t.tag);
  const signature = minhashSignature(bodyText(doc));
  let copyOf: StoreCheckContext['copyOf'] = null;
  if (signature !== null) {
    const candidates = items.flatMap((i) => {
      const s = i.kind === 'site-page' ? decodeSignature(i.fingerprint) : null;
      return s === null ? [] : [{ item: i.url, signature: s }];
    });
    const found = findCopyOf(signature, candidates);
    if (found !== null) copyOf = { url: found.item, resemblance: found.resemblance };
  }
  return {
    previouslyUsed,
    knownTags: tags.length > 0 ? tags : null,
    copyOf,
    userSites: await listSites(store.db),
    itemsCompared: items.length,
  };
}
