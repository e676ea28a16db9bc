/**
 * readMediumStory: one story from any input Medium has produced — an article page of any markup generation,
 * a GraphQL `FullPostQuery` response, a legacy `?format=json` payload — detected automatically
 * (shared/notes/medium-data.md §2–§5). Pure: no I/O, no clock; `capturedAt` is passed in.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { blockedResult, challengeSignals, mayBeChallenge } from './blocked.js';
import { type HtmlDocument, parseHtml, readHead } from './html-doc.js';
import { jsonErrorOffset } from './json-scan.js';
import { mediumPostIdFromUrl, stripTrackingParams } from './medium-ids.js';
import {
  apolloGeneration,
  apolloGraph,
  decodeEntityFromRaw,
  isObject,
  type JsonObject,
  locateApolloState,
  locateLegacyState,
  nonEmpty,
  plainGraph,
  rootQueryPostId,
} from './medium-state.js';
import type {
  MediumBodyLink,
  MediumNotFound,
  MediumStory,
  MediumStoryOptions,
  MediumStoryResult,
  MediumStorySource,
} from './medium-types.js';
import { type DomCount, htmlBodyLinks, type PageFacts, readPageFacts } from './page-facts.js';
import { linksFromModel, type StoryCore, storyFromGraphPost, storyFromLegacyPost } from './story-model.js';

/** The anti-JSON-hijacking prefix of legacy JSON answers (notes §4): exactly these 16 characters. */
export const XSSI_PREFIX = '])}while(1);</x>';

type InputKind = 'html' | 'json' | 'xssi-json';

function inputName(options: MediumStoryOptions): string {
  return options.url ?? 'input';
}

function invalid(
  message: string,
  options: MediumStoryOptions,
  position?: { offset?: number; line?: number; column?: number },
): LinkwrightError {
  return new LinkwrightError('INVALID_INPUT', `${inputName(options)}: ${message}`, {
    ...(options.url === undefined ? {} : { url: options.url }),
    position: { input: inputName(options), ...(position ?? {}) },
  });
}

/** JSON vs HTML: the content type when it says so, else the first non-blank character. */
export function detectInputKind(input: string, contentType?: string): InputKind {
  const text = input.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith('])}while(1);')) return 'xssi-json';
  const ct = (contentType ?? '').toLowerCase();
  if (ct.includes('json')) return 'json';
  if (ct.includes('html') || ct.includes('xml')) return 'html';
  return text.startsWith('{') || text.startsWith('[') ? 'json' : 'html';
}

/** Strips the `])}while(1);</x>` prefix (exactly that, or up to the first `>` as some clients do — notes §4). */
export function stripXssiPrefix(input: string): string {
  const text = input.replace(/^\uFEFF/, '').trimStart();
  if (text.startsWith(XSSI_PREFIX)) return text.slice(XSSI_PREFIX.length);
  if (text.startsWith('])}while(1);')) return text.slice(text.indexOf('>') + 1);
  return text;
}

function parseJson(text: string, options: MediumStoryOptions): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    let position: { offset?: number; line?: number; column?: number } | undefined;
    if (offset !== null) {
      const before = text.slice(0, offset);
      position = { offset, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
    }
    throw invalid(`not valid JSON (${message})`, options, position);
  }
}

export function readMediumStory(input: string, options: MediumStoryOptions = {}): MediumStoryResult {
  const kind = detectInputKind(input, options.contentType);
  if (kind === 'html') return readFromHtml(input, options);
  const json = parseJson(kind === 'xssi-json' ? stripXssiPrefix(input) : input.replace(/^\uFEFF/, ''), options);
  return readFromJson(json, options);
}

// ------------------------------------------------------------------ JSON inputs

function readFromJson(json: unknown, options: MediumStoryOptions): MediumStoryResult {
  if (isObject(json) && ('payload' in json || 'success' in json)) return readFormatJson(json, options);
  const responses = Array.isArray(json) ? json : [json];
  if (responses.some((r) => isObject(r) && ('data' in r || 'errors' in r))) return readGraphql(responses, options);
  if (isObject(json) && ('ROOT_QUERY' in json || Object.keys(json).some((k) => k.startsWith('Post:')))) {
    // A saved `__APOLLO_STATE__` blob on its own.
    const result = readFromApolloState(json, options, null);
    if (result === null) throw invalid('no post in the Apollo state', options);
    return result;
  }
  throw invalid('JSON is neither a GraphQL response ({"data":{"post":…}}), a ?format=json payload nor an Apollo state', options);
}

function urlPostId(options: MediumStoryOptions): string | null {
  return options.url === undefined ? null : mediumPostIdFromUrl(options.url);
}

function notFound(postId: string | null, source: MediumStorySource, message: string): MediumNotFound {
  return { state: 'not-found', code: 'MEDIUM_POST_NOT_FOUND', postId, source, message };
}

function readGraphql(responses: unknown[], options: MediumStoryOptions): MediumStoryResult {
  const wanted = urlPostId(options);
  const posts: unknown[] = [];
  const errors: string[] = [];
  for (const r of responses) {
    if (!isObject(r)) continue;
    if (Array.isArray(r.errors)) {
      for (const e of r.errors) errors.push(isObject(e) && typeof e.message === 'string' ? e.message : JSON.stringify(e));
    }
    if (isObject(r.data) && 'post' in r.data) posts.push(r.data.post);
  }
  if (posts.length === 0) {
    if (errors.length > 0) throw invalid(`GraphQL answered with errors only: ${errors.join('; ')}`, options);
    throw invalid('GraphQL response has no data.post', options);
  }
  const objects = posts.filter(isObject);
  if (objects.length === 0) {
    const why = errors.length > 0 ? ` (errors: ${errors.join('; ')})` : '';
    return notFound(
      wanted,
      'graphql',
      `Medium's GraphQL answered post: null — the post does not exist, was removed or is not visible${why}`,
    );
  }
  const warnings: string[] = [];
  let post = objects.find((p) => wanted !== null && p.id === wanted);
  if (post === undefined) {
    post = objects[0] as JsonObject;
    if (wanted !== null) warnings.push(`the URL names post ${wanted} but the response holds ${String(post.id)}`);
  }
  const core = storyFromGraphPost(post, plainGraph);
  return finish(core, { source: 'graphql', options, warnings });
}

function readFormatJson(json: JsonObject, options: MediumStoryOptions): MediumStoryResult {
  const wanted = urlPostId(options);
  if (json.success === false) {
    return notFound(wanted, 'format-json', `Medium answered success:false${typeof json.error === 'string' ? ` (${json.error})` : ''}`);
  }
  const payload = isObject(json.payload) ? json.payload : null;
  if (payload === null) throw invalid('?format=json body without payload', options);
  const references = isObject(payload.references) ? payload.references : {};
  const table = isObject(references.Post) ? references.Post : {};
  const value = isObject(payload.value) && (payload.value.type === 'Post' || 'virtuals' in payload.value) ? payload.value : null;
  let post: JsonObject | null = null;
  const warnings: string[] = [];
  if (wanted !== null) {
    if (value !== null && value.id === wanted) post = value;
    else if (isObject(table[wanted])) post = table[wanted] as JsonObject;
    else return notFound(wanted, 'format-json', `the payload holds no post ${wanted}`);
  } else if (value !== null) {
    post = value;
  } else {
    const ids = Object.keys(table).filter((k) => isObject(table[k]));
    if (ids.length === 1) post = table[ids[0] as string] as JsonObject;
    else if (ids.length === 0) throw invalid('the ?format=json payload holds no post', options);
    else throw invalid(`the ?format=json payload holds ${ids.length} posts (${ids.join(', ')}); pass the story URL to choose one`, options);
  }
  const core = storyFromLegacyPost(post, references);
  return finish(core, { source: 'format-json', options, warnings });
}

// ------------------------------------------------------------------ HTML inputs

function readFromHtml(html: string, options: MediumStoryOptions): MediumStoryResult {
  const doc = parseHtml(html);
  if (mayBeChallenge(html)) {
    const signals = challengeSignals(doc);
    if (signals.length > 0) return blockedResult(signals);
  }
  const head = readHead(doc);
  const facts = readPageFacts(doc, head, options.url ?? null);
  const wanted = urlPostId(options);
  const warnings: string[] = [];

  const apollo = locateApolloState(doc);
  if (apollo !== null) {
    if (apollo.state !== null) {
      const result = readFromApolloState(apollo.state, options, { doc, facts, warnings });
      if (result !== null) return result;
    } else {
      warnings.push(`__APOLLO_STATE__ did not decode (${apollo.error ?? 'unknown'}); reading Post entity alone`);
      for (const id of candidateIds(wanted, facts.selfPostId, null)) {
        const entity = decodeEntityFromRaw(apollo.raw, `Post:${id}`);
        if (entity !== null) {
          const core = storyFromGraphPost(entity, plainGraph);
          core.postId ??= id;
          return finishHtml(core, apollo.generation, doc, facts, options, warnings);
        }
        const scoped = scopedCounts(apollo.raw, `Post:${id}`);
        if (scoped !== null) {
          warnings.push(`Post:${id} did not decode either; counts read by pattern inside its own entity`);
          const core = emptyCore(id);
          core.claps = scoped.claps;
          core.voters = scoped.voters;
          return finishHtml(core, apollo.generation, doc, facts, options, warnings);
        }
      }
      warnings.push('no Post entity for this story in the state');
    }
  }

  const legacy = locateLegacyState(doc);
  if (legacy?.value !== null && legacy?.value !== undefined) {
    let post = legacy.value;
    if (wanted !== null && post.id !== wanted) {
      const table = isObject(legacy.references.Post) ? legacy.references.Post : {};
      const other = table[wanted];
      if (isObject(other)) {
        post = other;
        warnings.push(`the page's main post is ${String(legacy.value.id)}; using references.Post.${wanted} named by the URL`);
      } else {
        warnings.push(`the URL names post ${wanted} but the page is post ${String(legacy.value.id)}`);
      }
    }
    const core = storyFromLegacyPost(post, legacy.references);
    return finishHtml(core, 'obvinit', doc, facts, options, warnings);
  }

  const postId = wanted ?? facts.selfPostId;
  if (postId === null) {
    throw invalid('no Medium story found (no embedded state, no post id in the URL, app links, JSON-LD or og:url)', options);
  }
  if (wanted !== null && facts.selfPostId !== null && facts.selfPostId !== wanted) {
    warnings.push(`the URL names post ${wanted} but the page declares ${facts.selfPostId}`);
  }
  return finishHtml(emptyCore(postId), 'head-meta', doc, facts, options, warnings);
}

interface HtmlContext {
  doc: HtmlDocument;
  facts: PageFacts;
  warnings: string[];
}

/** Ids to look for, in order: the URL's (the user asked for it), the page's own, the root query's. Deduplicated. */
function candidateIds(...ids: (string | null)[]): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null && !out.includes(id)) out.push(id);
  return out;
}

function readFromApolloState(state: JsonObject, options: MediumStoryOptions, html: HtmlContext | null): MediumStoryResult | null {
  const g = apolloGraph(state);
  const wanted = urlPostId(options);
  const warnings = html?.warnings ?? [];
  const ids = candidateIds(wanted, html?.facts.selfPostId ?? null, rootQueryPostId(state));
  const chosen = ids.find((id) => g.entity(`Post:${id}`) !== undefined);
  const generation = apolloGeneration(state);
  if (chosen === undefined) {
    if (html === null) {
      if (wanted === null) throw invalid('the Apollo state does not say which post it is for; pass the story URL', options);
      return notFound(wanted, generation, `the Apollo state holds no Post:${wanted}`);
    }
    warnings.push(`the Apollo state holds no Post:${ids.join('/') || '<id>'}; using head metadata`);
    return null;
  }
  if (wanted !== null && chosen !== wanted) warnings.push(`the URL names post ${wanted}; the page is post ${chosen}`);
  const core = storyFromGraphPost(g.entity(`Post:${chosen}`) as JsonObject, g);
  core.postId ??= chosen;
  if (html === null) return finish(core, { source: generation, options, warnings });
  return finishHtml(core, generation, html.doc, html.facts, options, warnings);
}

/** Last-resort pattern reading, scoped to the text of one entity (never the whole page). */
function scopedCounts(raw: string, key: string): { claps: number | null; voters: number | null } | null {
  const at = raw.indexOf(`${JSON.stringify(key)}:`);
  if (at < 0) return null;
  // The entity ends where the next Post entity starts; when none follows, a bound keeps the pattern from running
  // over the rest of the page. 500k characters is 3× a whole post with its body inlined (the largest GraphQL
  // fixture, 165k); a normalized Apollo Post entity is about 2k (2020 fixture).
  const next = raw.indexOf('"Post:', at + key.length + 3);
  const scope = raw.slice(at, next < 0 ? Math.min(raw.length, at + 500_000) : next);
  const claps = /"clapCount":(\d+)/.exec(scope)?.[1];
  const voters = /"voterCount":(\d+)/.exec(scope)?.[1];
  if (claps === undefined && voters === undefined) return null;
  return { claps: claps === undefined ? null : Number(claps), voters: voters === undefined ? null : Number(voters) };
}

function emptyCore(postId: string): StoryCore {
  return {
    postId,
    mediumUrl: null,
    title: null,
    subtitle: null,
    author: { id: null, username: null, name: null, followers: null },
    publication: null,
    publicationKnownAbsent: false,
    claps: null,
    voters: null,
    recommends: null,
    responses: null,
    readingTimeMinutes: null,
    wordCount: null,
    publishedAt: null,
    updatedAt: null,
    tags: null,
    canonicalUrl: null,
    isLocked: null,
    paragraphs: null,
  };
}

function fromDom(count: DomCount | null, label: string, warnings: string[]): number | null {
  if (count === null) return null;
  warnings.push(`${label} read from rendered text "${count.text}"${count.approximate ? ' (abbreviated: approximate)' : ''}`);
  return count.value;
}

function finishHtml(
  core: StoryCore,
  source: MediumStorySource,
  doc: HtmlDocument,
  facts: PageFacts,
  options: MediumStoryOptions,
  warnings: string[],
): MediumStoryResult {
  const postId = core.postId ?? facts.selfPostId ?? urlPostId(options);
  if (postId === null) throw invalid('no post id found', options);
  // The head and rendered DOM describe the page's own post; they say nothing about another post chosen by the URL.
  const pageShowsThisPost = facts.selfPostId === null || facts.selfPostId === postId;
  if (pageShowsThisPost) {
    // Fill what the state does not carry from the page itself; DOM counts only when the state has no number.
    core.title ??= facts.title;
    core.subtitle ??= facts.subtitle;
    core.author.name ??= facts.authorName;
    core.author.username ??= facts.authorUsername;
    if (core.author.followers === null) core.author.followers = fromDom(facts.authorFollowers, 'author followers', warnings);
    if (core.claps === null) core.claps = fromDom(facts.claps, 'claps', warnings);
    if (core.responses === null) core.responses = fromDom(facts.responses, 'responses', warnings);
    if (core.recommends === null) core.recommends = fromDom(facts.recommends, 'recommends', warnings);
    core.readingTimeMinutes ??= facts.readingTimeMinutes;
    core.publishedAt ??= facts.publishedAt;
    core.updatedAt ??= facts.updatedAt;
    core.tags ??= facts.tags;
    core.isLocked ??= facts.isLocked;
    if (core.publication === null && !core.publicationKnownAbsent) core.publication = facts.publication;
    // An HTML canonical that is not the story itself is the author's canonical (imported/cross-posted story).
    if (core.canonicalUrl === null && facts.canonical !== null && mediumPostIdFromUrl(facts.canonical) !== postId) {
      core.canonicalUrl = facts.canonical;
    }
  } else {
    warnings.push(`head metadata and rendered paragraphs are post ${facts.selfPostId ?? '?'}'s, not used for ${postId}`);
  }
  const storyUrl = pageShowsThisPost ? storyUrlOf(core, facts, options, postId) : storyUrlOf(core, null, options, postId);
  const base = options.url ?? facts.ogUrl ?? facts.canonical ?? storyUrl;
  const names = core.paragraphs === null ? null : new Set(core.paragraphs.map((p) => p.name).filter((n): n is string => n !== null));
  const fromHtml = pageShowsThisPost ? htmlBodyLinks(doc, names, base) : null;
  let bodyLinks: MediumBodyLink[] = [];
  let bodyLinksFrom: MediumStory['bodyLinksFrom'] = null;
  if (fromHtml !== null && fromHtml.markers > 0) {
    bodyLinks = fromHtml.links;
    bodyLinksFrom = 'html';
    if (core.paragraphs !== null) {
      // Paragraphs of the model the HTML does not show (a preview, a lazy-rendered tail): their links come from
      // the model, in model order, so the list is complete; rel is the HTML's where the HTML has the paragraph.
      const missing = core.paragraphs.filter((p) => p.name !== null && !fromHtml.rendered.has(p.name));
      const missingLinks = linksFromModel(missing, base);
      if (missingLinks.length > 0) {
        const byParagraph = new Map<string, MediumBodyLink[]>();
        for (const l of [...fromHtml.links, ...missingLinks]) {
          const key = l.paragraph ?? '';
          byParagraph.set(key, [...(byParagraph.get(key) ?? []), l]);
        }
        bodyLinks = core.paragraphs.flatMap((p) => byParagraph.get(p.name ?? '') ?? []);
        bodyLinksFrom = 'html+model';
        warnings.push(
          `${missing.length} model paragraph(s) are not in the HTML; their ${missingLinks.length} link(s) carry the model's rel`,
        );
      }
    }
  } else if (core.paragraphs !== null) {
    bodyLinks = linksFromModel(core.paragraphs, base);
    bodyLinksFrom = 'model';
    if (names !== null && names.size > 0 && pageShowsThisPost) {
      warnings.push('the HTML shows none of the model paragraphs; body links (and rel) come from the model');
    }
  }
  return {
    state: 'ok',
    story: assemble(core, postId, storyUrl, source, options, pageShowsThisPost ? facts.canonical : null, bodyLinks, bodyLinksFrom),
    warnings,
  };
}

function storyUrlOf(core: StoryCore, facts: PageFacts | null, options: MediumStoryOptions, postId: string): string {
  return (
    core.mediumUrl ??
    facts?.ogUrl ??
    (options.url === undefined ? null : stripTrackingParams(options.url)) ??
    `https://medium.com/p/${postId}`
  );
}

function finish(core: StoryCore, ctx: { source: MediumStorySource; options: MediumStoryOptions; warnings: string[] }): MediumStoryResult {
  const postId = core.postId ?? urlPostId(ctx.options);
  if (postId === null) throw invalid('the post has no id', ctx.options);
  const url = storyUrlOf(core, null, ctx.options, postId);
  const base = ctx.options.url ?? url;
  const bodyLinks = core.paragraphs === null ? [] : linksFromModel(core.paragraphs, base);
  return {
    state: 'ok',
    story: assemble(core, postId, url, ctx.source, ctx.options, null, bodyLinks, core.paragraphs === null ? null : 'model'),
    warnings: ctx.warnings,
  };
}

function assemble(
  core: StoryCore,
  postId: string,
  url: string,
  source: MediumStorySource,
  options: MediumStoryOptions,
  htmlCanonical: string | null,
  bodyLinks: MediumBodyLink[],
  bodyLinksFrom: MediumStory['bodyLinksFrom'],
): MediumStory {
  return {
    postId,
    url,
    title: core.title,
    subtitle: core.subtitle,
    author: core.author,
    publication: core.publication,
    claps: core.claps,
    voters: core.voters,
    recommends: core.recommends,
    responses: core.responses,
    readingTimeMinutes: core.readingTimeMinutes,
    wordCount: core.wordCount,
    publishedAt: core.publishedAt,
    updatedAt: core.updatedAt,
    tags: core.tags,
    canonicalUrl: core.canonicalUrl,
    htmlCanonical,
    isLocked: core.isLocked,
    bodyLinks,
    bodyLinksFrom,
    capturedAt: nonEmpty(options.capturedAt) ?? null,
    source,
  };
}
