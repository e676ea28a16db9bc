/**
 * Use-case: `linkwright pitch <prospect> --template pitch [--asset URL]` — render a draft from a built-in or a
 * user template (Markdown files in a folder: `<dir>/<id>.md`, which win over a built-in of the same id), fill
 * it from the prospect's record and their newest story, store it, and return it with the `[[EDIT: …]]`
 * markers still to write. A merge value that is missing is the core's TEMPLATE_FIELD_MISSING error naming the
 * field and line — never a blank in the text.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { mediumPostIdFromUrl } from '../core/medium/medium-ids.js';
import {
  BUILTIN_TEMPLATE_IDS,
  buildTemplateValues,
  builtinTemplate,
  type EditMarker,
  findEditMarkers,
  isBuiltinTemplateId,
  type ParsedTemplate,
  parseTemplate,
  renderTemplate,
  type StoryRef,
} from '../core/outreach/index.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import { getMediumPost } from '../store/medium-repository.js';
import { insertDraft } from '../store/outreach-repository.js';
import type { StoredProspect } from '../store/prospects-repository.js';
import { msToIso, type OutreachDeps, resolveProspect } from './outreach-support.js';
import type { StoryLookup, StorySource } from './story-lookup.js';

export interface DraftPitchRequest {
  prospect: string;
  /** Template id: a user template `<templatesDir>/<id>.md`, else a built-in (intro, pitch, follow-up). */
  template: string;
  templatesDir?: string | null;
  asset?: { url: string; title?: string | null; type?: string | null } | null;
  /** The story to mention instead of their newest one. */
  story?: { url: string; title?: string | null } | null;
  senderName?: string | null;
  /** What they usually link to: a content type (research, video …) or a phrase of your own. */
  linksTo?: string | null;
  escape?: 'markdown' | 'none';
  /** Store the draft (default true). */
  save?: boolean;
}

export interface DraftPitchOutcome {
  prospect: StoredProspect;
  templateId: string;
  templateSource: 'builtin' | 'file';
  templatePath: string | null;
  subject: string | null;
  text: string;
  editMarkers: EditMarker[];
  story: StoryRef | null;
  storySource: StorySource | 'given';
  draftId: number | null;
}

const TEMPLATE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

async function userTemplates(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir))
      .filter((f) => f.endsWith('.md'))
      .map((f) => f.slice(0, -3))
      .sort();
  } catch {
    return [];
  }
}

/** Loads a template by id: the user's file first, then the built-in. */
export async function loadTemplate(
  id: string,
  templatesDir: string | null | undefined,
): Promise<{ parsed: ParsedTemplate; source: 'builtin' | 'file'; path: string | null }> {
  if (!TEMPLATE_ID.test(id) || id.endsWith('.md')) {
    throw new LinkwrightError(
      'INVALID_INPUT',
      `template ids are letters, digits, dots, dashes and underscores (got ${JSON.stringify(id)})`,
      {
        details: { field: 'template' },
      },
    );
  }
  if (templatesDir) {
    const path = join(resolve(templatesDir), `${id}.md`);
    let source: string | null = null;
    try {
      source = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new LinkwrightError('INPUT_NOT_FOUND', `cannot read template ${path}: ${(error as Error).message}`, {
          position: { input: path },
        });
      }
    }
    if (source !== null) return { parsed: parseTemplate(source, { id: `${id}.md` }), source: 'file', path };
  }
  if (isBuiltinTemplateId(id)) return { parsed: builtinTemplate(id), source: 'builtin', path: null };
  const own = templatesDir ? await userTemplates(resolve(templatesDir)) : [];
  throw new LinkwrightError(
    'INPUT_NOT_FOUND',
    `no template "${id}": built-ins are ${BUILTIN_TEMPLATE_IDS.join(', ')}${templatesDir ? `; ${resolve(templatesDir)} holds ${own.length === 0 ? 'no .md templates' : own.join(', ')}` : ''}`,
    { details: { template: id } },
  );
}

async function storedTitle(deps: OutreachDeps, url: string): Promise<string | null> {
  const postId = mediumPostIdFromUrl(url);
  if (postId === null) return null;
  return (await getMediumPost(deps.store.db, postId))?.title ?? null;
}

export async function draftPitch(deps: OutreachDeps & { stories?: StoryLookup }, request: DraftPitchRequest): Promise<DraftPitchOutcome> {
  const prospect = await resolveProspect(deps.store.db, request.prospect);
  const template = await loadTemplate(request.template, request.templatesDir);

  let story: StoryRef | null = null;
  let storySource: DraftPitchOutcome['storySource'] = 'none';
  if (request.story) {
    const url = parseHttpUrl(request.story.url.trim());
    if (url === null) throw new LinkwrightError('INVALID_URL', `--story is not an http(s) URL: ${JSON.stringify(request.story.url)}`);
    const title = request.story.title?.trim() || (await storedTitle(deps, url.href));
    // A title we do not know stays absent, so a template that uses it fails naming storyTitle.
    story = { url: url.href, title: title ?? '', publishedAt: Number.NaN };
    storySource = 'given';
  } else if (deps.stories !== undefined) {
    const newest = await deps.stories.newestStory(prospect.username);
    story = newest.story;
    storySource = newest.source;
  }
  if (request.asset && parseHttpUrl(request.asset.url.trim()) === null) {
    throw new LinkwrightError('INVALID_URL', `--asset is not an http(s) URL: ${JSON.stringify(request.asset.url)}`);
  }

  const values = buildTemplateValues({
    author: { name: prospect.name, username: prospect.username },
    story: story === null ? null : { title: story.title, url: story.url },
    linksTo: request.linksTo ?? null,
    asset: request.asset ? { url: request.asset.url.trim(), title: request.asset.title ?? '', type: request.asset.type ?? null } : null,
    senderName: request.senderName ?? null,
  });
  const rendered = renderTemplate(template.parsed, values, { escape: request.escape ?? 'markdown' });
  const editMarkers = findEditMarkers(rendered.text);
  let draftId: number | null = null;
  if (request.save !== false) {
    draftId = await insertDraft(deps.store.db, {
      prospectId: prospect.id,
      templateId: request.template,
      subject: rendered.subject,
      body: rendered.text,
      storyUrl: story?.url ?? null,
      assetUrl: request.asset?.url.trim() ?? null,
      editMarkers: editMarkers.length,
      createdAt: msToIso(deps.clock.now()),
    });
  }
  return {
    prospect,
    templateId: request.template,
    templateSource: template.source,
    templatePath: template.path,
    subject: rendered.subject,
    text: rendered.text,
    editMarkers,
    story,
    storySource,
    draftId,
  };
}
