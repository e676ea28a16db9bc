/**
 * Use-case: check a draft (Markdown with front matter, a saved HTML page, or a live URL) with the
 * content checker core. The store-backed parts of the issue (previously used keyphrases, known tags)
 * are not wired yet: those assessments report "not checked" until they are.
 */
import { readFile } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import type { ContentProfile, ContentReport } from '../core/content/content-types.js';
import { parseHtmlDocument } from '../core/content/html-document.js';
import { parseMarkdownDraft } from '../core/content/markdown-draft.js';
import { runContentCheck } from '../core/content/runner.js';
import { decodeBody } from '../core/encoding/decode-body.js';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { PageFetcher } from './ports.js';

export interface CheckContentRequest {
  /** A file path (.md/.markdown/.html/.htm) or an http(s) URL. */
  input: string;
  cwd: string;
  profile: ContentProfile;
  keyphrase?: string;
  synonyms?: string[];
  userSites?: string[];
}

export async function checkContent(deps: { fetcher?: PageFetcher }, request: CheckContentRequest): Promise<ContentReport> {
  const options = {
    profile: request.profile,
    ...(request.keyphrase ? { keyphrase: request.keyphrase } : {}),
    ...(request.synonyms && request.synonyms.length > 0 ? { synonyms: request.synonyms } : {}),
    ...(request.userSites ? { userSites: request.userSites } : {}),
  };
  if (/^https?:\/\//i.test(request.input)) {
    if (!deps.fetcher) throw new LinkwrightError('CONFIG_INVALID', 'checking a URL needs a fetcher');
    const page = await deps.fetcher.fetch({ url: request.input });
    if (page.challenge) {
      throw new LinkwrightError('CHALLENGE_BLOCKED', `${request.input} answered with a bot challenge: save the page in your browser and check the file`, {
        url: request.input,
      });
    }
    return runContentCheck(parseHtmlDocument(page.text, { url: page.finalUrl }), options);
  }
  const path = resolve(request.cwd, request.input);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (cause) {
    throw new LinkwrightError('INPUT_NOT_FOUND', `cannot read ${request.input}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`, {
      cause,
      position: { input: request.input },
    });
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') {
    return runContentCheck(parseHtmlDocument(decodeBody(bytes, null).text, {}), options);
  }
  if (extension === '.md' || extension === '.markdown') {
    return runContentCheck(parseMarkdownDraft(bytes.toString('utf8'), { input: request.input }), options);
  }
  throw new LinkwrightError('INVALID_INPUT', `${request.input}: expected a .md/.markdown draft, an .html page or an http(s) URL`, {
    position: { input: request.input },
  });
}
