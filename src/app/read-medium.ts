/**
 * Use-cases behind `linkwright medium story|feed|author`: read one Medium story, feed or author from a live
 * URL (through MediumSource and the polite fetcher) or from a file saved in a browser — a file works wherever
 * a URL does, which is the way around bot challenges (DESIGN §5). Blocked pages come back as the readers'
 * `blocked` state with the save-the-page advice; they are never turned into an empty record.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Clock } from '../core/clock.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { MediumAuthorResult, MediumFeedResult, MediumStoryResult } from '../core/medium/medium-types.js';
import { readMediumAuthor } from '../core/medium/read-author.js';
import { readMediumFeed } from '../core/medium/read-feed.js';
import { readMediumStory } from '../core/medium/read-story.js';
import { blockedStateOf, type MediumSource, type PageOrigin, parseMediumUsername } from '../fetch/medium-source.js';
import type { Store } from '../store/open-store.js';
import { persistPage, readSavedPage, saveStory } from './medium-pages.js';

export type MediumInput = { kind: 'url'; url: string } | { kind: 'file'; path: string; url?: string } | { kind: 'user'; username: string };

export interface ReadMediumDeps {
  source: MediumSource;
  clock: Clock;
  /** When given, live stories are stored (snapshot + medium_posts) and served from it for 24 h. */
  store?: Store;
}

export type ReadFrom = PageOrigin | 'file';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * What the user typed: `http(s)://…` is a URL, an existing file is a file, `@name` (or, for authors, a bare
 * name that is not a file) is a username. `--url` names the original address of a saved file.
 */
export async function classifyMediumInput(raw: string, options: { cwd: string; url?: string; allowUser?: boolean }): Promise<MediumInput> {
  const text = raw.trim();
  if (/^https?:\/\//i.test(text)) {
    if (options.url !== undefined)
      throw new LinkwrightError('INVALID_INPUT', '--url names the original address of a saved file; give it with a file, not a URL');
    return { kind: 'url', url: text };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    throw new LinkwrightError('UNSUPPORTED_SCHEME', `only http and https URLs can be read: ${JSON.stringify(text.slice(0, 200))}`);
  }
  const path = resolve(options.cwd, text);
  if (await isFile(path)) return { kind: 'file', path, ...(options.url === undefined ? {} : { url: options.url }) };
  if (options.allowUser === true && (text.startsWith('@') || !/[/\\.]/.test(text))) {
    const username = parseMediumUsername(text);
    if (username !== null) return { kind: 'user', username };
  }
  throw new LinkwrightError(
    'INPUT_NOT_FOUND',
    `cannot read ${text}: no such file (give an http(s) URL${options.allowUser ? ', @username' : ''} or a saved file)`,
    {
      position: { input: text },
    },
  );
}

export interface StoryRead {
  input: string;
  from: ReadFrom;
  result: MediumStoryResult;
}

export async function readStory(deps: ReadMediumDeps, input: MediumInput, options: { refresh?: boolean } = {}): Promise<StoryRead> {
  if (input.kind === 'file') {
    const page = await readSavedPage(input.path, input.url);
    const result = readMediumStory(page.text, { ...(input.url === undefined ? {} : { url: input.url }), capturedAt: page.fetchedAt });
    return { input: input.path, from: 'file', result };
  }
  if (input.kind === 'user') throw new LinkwrightError('INVALID_INPUT', `@${input.username} names an author, not a story`);
  const read = await deps.source.story(input.url, { force: options.refresh ?? false });
  if (deps.store !== undefined) {
    if (read.result.state === 'ok' && read.from === 'network') await saveStory(deps.store, read.result.story, read.page);
    else if (read.from === 'network') await persistPage(deps.store, read.page);
  }
  return { input: input.url, from: read.from, result: read.result };
}

export interface FeedRead {
  input: string;
  from: ReadFrom;
  result: MediumFeedResult;
}

export async function readFeed(deps: ReadMediumDeps, input: MediumInput): Promise<FeedRead> {
  if (input.kind === 'file') {
    const page = await readSavedPage(input.path, input.url);
    return {
      input: input.path,
      from: 'file',
      result: readMediumFeed(page.text, { ...(input.url === undefined ? {} : { url: input.url }) }),
    };
  }
  const url = input.kind === 'user' ? deps.source.userFeedUrl(input.username) : input.url;
  const read = await deps.source.feed(url);
  if (deps.store !== undefined) await persistPage(deps.store, read.page);
  return { input: url, from: read.from, result: read.result };
}

export interface AuthorRead {
  input: string;
  from: ReadFrom;
  result: MediumAuthorResult;
  /** The user feed's state when it was read alongside the profile (null for files). */
  feed: { url: string; state: 'ok' | 'blocked' | 'failed'; error: { code: string; message: string } | null } | null;
}

export async function readAuthor(deps: ReadMediumDeps, input: MediumInput): Promise<AuthorRead> {
  if (input.kind === 'file') {
    const page = await readSavedPage(input.path, input.url);
    const blocked = blockedStateOf(page);
    const result = blocked ?? readMediumAuthor(page.text, { ...(input.url === undefined ? {} : { url: input.url }) });
    return { input: input.path, from: 'file', result, feed: null };
  }
  const name = input.kind === 'user' ? input.username : parseMediumUsername(input.url);
  if (name === null) throw new LinkwrightError('INVALID_INPUT', `not a Medium profile URL: ${input.kind === 'url' ? input.url : ''}`);
  const read = await deps.source.author(name);
  if (deps.store !== undefined) {
    await persistPage(deps.store, read.profile.page);
    if (read.feed !== null && 'page' in read.feed) await persistPage(deps.store, read.feed.page);
  }
  const feed: AuthorRead['feed'] =
    read.feed === null
      ? null
      : 'error' in read.feed
        ? { url: read.feed.url, state: 'failed', error: { code: read.feed.error.code, message: read.feed.error.message } }
        : { url: read.feed.url, state: read.feed.result.state === 'ok' ? 'ok' : 'blocked', error: null };
  return { input: read.profileUrl, from: 'network', result: read.result, feed };
}
