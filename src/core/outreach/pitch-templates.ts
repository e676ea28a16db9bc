/**
 * Pitch drafts: a tiny Markdown template engine with merge fields, and the built-in `intro`, `pitch` and
 * `follow-up` templates. `linkwright pitch <prospect> --template intro` prints a *draft* a person edits and sends —
 * never an automatic message. User templates are Markdown files in a folder (read by the shell, parsed here).
 *
 * Syntax (Mustache-like, deliberately small):
 *   {{field}}                      a merge value; a missing value is an error naming the field and its line,
 *                                  never a blank in the text
 *   {{#if field}} … {{else}} … {{/if}}  optional sections (may nest); a tag alone on its line leaves no blank line
 *   \{{                            a literal "{{"
 *   front matter (optional)        ---\nsubject: …\ndescription: …\n---  (the subject may use fields too)
 *
 * Values are inserted in one pass (a value containing "{{" is never re-read as a tag). With the default
 * `escape: 'markdown'`, text values have Markdown's inline specials escaped and line breaks collapsed, so a story
 * title such as "Why *most* links_fail" cannot change the draft's formatting or inject a heading; URL values must
 * be absolute http(s) URLs and get spaces, parentheses and angle brackets percent-encoded so `[title](url)`
 * stays one link. `escape: 'none'` inserts values as given (for plain-text e-mail).
 *
 * Why built-in copy has `[[EDIT: …]]` markers: Medium's Rules ("Spam or Site Misuse", policy.medium.com/medium-rules)
 * forbid "use or re-use [of] content templates with slight modifications across multiple posts and accounts" and
 * responses used repeatedly for promotion — and Medium Trust & Safety warned a writer for 30–40 identical responses
 * (third-party report, 2021) — while a pitch that could have been sent to anyone is the one that gets ignored.
 * Every built-in draft therefore asks for sentences only the sender can write; `findEditMarkers` lets the shell
 * refuse or warn while a marker is left in.
 */
import type { LinkContentType } from '../discovery/link-types.js';
import { LinkwrightError } from '../errors/linkwright-error.js';

export type TemplateFieldKind = 'text' | 'url';

export interface TemplateFieldSpec {
  kind: TemplateFieldKind;
  description: string;
}

/** The merge fields templates may use. Names are part of user templates: add fields, never rename one. */
export const TEMPLATE_FIELDS = {
  authorName: { kind: 'text', description: 'their display name on Medium ("Jane Doe")' },
  authorFirstName: { kind: 'text', description: 'the first word of their display name ("Jane")' },
  authorUsername: { kind: 'text', description: 'their Medium username without the @' },
  storyTitle: { kind: 'text', description: 'the title of their recent story (their newest, from the feed)' },
  storyUrl: { kind: 'url', description: 'the URL of that story' },
  linksToType: { kind: 'text', description: 'what they usually link to, by type ("research reports and data")' },
  linksToExample: { kind: 'url', description: 'one URL they linked to of that type' },
  assetTitle: { kind: 'text', description: 'the title of your page you would like them to consider' },
  assetUrl: { kind: 'url', description: 'the URL of that page' },
  assetType: { kind: 'text', description: 'what your page is ("dataset", "guide", "video")' },
  senderName: { kind: 'text', description: 'your name, as you sign messages' },
} as const satisfies Record<string, TemplateFieldSpec>;

export type TemplateFieldName = keyof typeof TEMPLATE_FIELDS;

export type TemplateValues = Readonly<Partial<Record<string, string | number | null | undefined>>>;

// ------------------------------------------------------------------ parse

type Node =
  | { type: 'text'; text: string }
  | { type: 'field'; name: string; line: number; column: number }
  | { type: 'if'; name: string; line: number; column: number; whenPresent: Node[]; otherwise: Node[] };

export interface FieldUse {
  field: string;
  line: number;
  column: number;
  /** True when the use is a `{{#if}}` test (a missing value only hides the section). */
  condition: boolean;
}

export interface ParsedTemplate {
  id: string;
  description: string | null;
  subject: readonly Node[] | null;
  body: readonly Node[];
  /** Every field use in source order (subject first). */
  fields: readonly FieldUse[];
}

export interface ParseOptions {
  /** Name used in error messages (the template id or file name). */
  id?: string;
  /** Extra field names to accept beyond TEMPLATE_FIELDS (for callers that supply more values). */
  extraFields?: readonly string[];
}

type Token =
  | { type: 'text'; text: string }
  | { type: 'field'; name: string; line: number; column: number }
  | { type: 'open'; name: string; line: number; column: number }
  | { type: 'else'; line: number; column: number }
  | { type: 'close'; line: number; column: number };

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

function syntaxError(id: string, message: string, line: number, column: number): LinkwrightError {
  return new LinkwrightError('TEMPLATE_SYNTAX', `template "${id}", line ${line}: ${message}`, {
    position: { input: id, line, column },
    details: { template: id },
  });
}

/** Line and column (1-based) of every offset, computed lazily from the line starts. */
function positioner(source: string, firstLine: number): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: firstLine + lo, column: offset - (starts[lo] as number) + 1 };
  };
}

function tokenize(source: string, id: string, firstLine: number): Token[] {
  const at = positioner(source, firstLine);
  const tokens: Token[] = [];
  let text = '';
  let i = 0;
  while (i < source.length) {
    if (source.startsWith('\\{{', i)) {
      text += '{{';
      i += 3;
      continue;
    }
    if (!source.startsWith('{{', i)) {
      text += source[i];
      i++;
      continue;
    }
    const { line, column } = at(i);
    const end = source.indexOf('}}', i + 2);
    const newline = source.indexOf('\n', i + 2);
    if (end === -1 || (newline !== -1 && newline < end))
      throw syntaxError(id, 'a "{{" is not closed by "}}" on the same line (write \\{{ for a literal "{{")', line, column);
    const inner = source.slice(i + 2, end).trim();
    tokens.push({ type: 'text', text });
    text = '';
    if (inner === 'else') tokens.push({ type: 'else', line, column });
    else if (inner === '/if') tokens.push({ type: 'close', line, column });
    else if (inner.startsWith('#if')) {
      const name = inner.slice(3).trim();
      if (!/^#if\s/.test(inner) || !FIELD_NAME.test(name))
        throw syntaxError(id, `"{{${inner}}}" needs one field name: {{#if field}}`, line, column);
      tokens.push({ type: 'open', name, line, column });
    } else if (FIELD_NAME.test(inner)) tokens.push({ type: 'field', name: inner, line, column });
    else if (inner === '') throw syntaxError(id, 'empty "{{}}"', line, column);
    else
      throw syntaxError(
        id,
        `unknown tag "{{${inner}}}" (fields are letters and digits; sections are {{#if field}} … {{/if}})`,
        line,
        column,
      );
    i = end + 2;
  }
  tokens.push({ type: 'text', text });
  return standalone(tokens);
}

/**
 * Mustache's "standalone" rule for section tags: a line holding only `{{#if}}`, `{{else}}` or `{{/if}}` (and
 * spaces) disappears entirely, so optional sections leave no blank lines. Tokens alternate text/tag here.
 */
function standalone(tokens: Token[]): Token[] {
  // Decide on the original texts first: trimming one tag's line must not change whether the next tag is alone.
  const alone: number[] = [];
  for (let i = 1; i < tokens.length; i += 2) {
    const tag = tokens[i] as Token;
    if (tag.type === 'text' || tag.type === 'field') continue;
    const before = (tokens[i - 1] as { text: string }).text;
    const after = (tokens[i + 1] as { text: string }).text;
    const lineStart = /(^|\n)[ \t]*$/.exec(before);
    const lineEnd = /^[ \t]*(\r?\n|$)/.exec(after);
    const atStart = lineStart !== null && (lineStart[1] === '\n' || i === 1);
    const atEnd = lineEnd !== null && (lineEnd[1] !== '' || i === tokens.length - 2);
    if (atStart && atEnd) alone.push(i);
  }
  for (const i of alone) {
    const before = tokens[i - 1] as { type: 'text'; text: string };
    const after = tokens[i + 1] as { type: 'text'; text: string };
    before.text = before.text.replace(/[ \t]*$/, '');
    after.text = after.text.replace(/^[ \t]*(\r?\n)?/, '');
  }
  return tokens;
}

function buildTree(tokens: Token[], id: string): Node[] {
  const root: Node[] = [];
  const stack: { node: Extract<Node, { type: 'if' }>; inElse: boolean }[] = [];
  const target = (): Node[] => {
    const top = stack[stack.length - 1];
    return top === undefined ? root : top.inElse ? top.node.otherwise : top.node.whenPresent;
  };
  for (const t of tokens) {
    if (t.type === 'text') {
      if (t.text !== '') target().push({ type: 'text', text: t.text });
    } else if (t.type === 'field') target().push({ type: 'field', name: t.name, line: t.line, column: t.column });
    else if (t.type === 'open') {
      const node: Extract<Node, { type: 'if' }> = {
        type: 'if',
        name: t.name,
        line: t.line,
        column: t.column,
        whenPresent: [],
        otherwise: [],
      };
      target().push(node);
      stack.push({ node, inElse: false });
    } else if (t.type === 'else') {
      const top = stack[stack.length - 1];
      if (top === undefined) throw syntaxError(id, '{{else}} outside an {{#if}} section', t.line, t.column);
      if (top.inElse) throw syntaxError(id, `a second {{else}} in the section opened on line ${top.node.line}`, t.line, t.column);
      top.inElse = true;
    } else {
      if (stack.pop() === undefined) throw syntaxError(id, '{{/if}} without an open {{#if}}', t.line, t.column);
    }
  }
  const open = stack[stack.length - 1];
  if (open !== undefined) throw syntaxError(id, `{{#if ${open.node.name}}} is never closed with {{/if}}`, open.node.line, open.node.column);
  return root;
}

function collectFields(nodes: readonly Node[], out: FieldUse[]): void {
  for (const n of nodes) {
    if (n.type === 'field') out.push({ field: n.name, line: n.line, column: n.column, condition: false });
    else if (n.type === 'if') {
      out.push({ field: n.name, line: n.line, column: n.column, condition: true });
      collectFields(n.whenPresent, out);
      collectFields(n.otherwise, out);
    }
  }
}

const FRONT_MATTER_KEYS = ['subject', 'description'] as const;

/**
 * Parses and validates a template: syntax, and every field against TEMPLATE_FIELDS (+ `extraFields`).
 * Throws LinkwrightError TEMPLATE_SYNTAX or TEMPLATE_FIELD_UNKNOWN (naming each unknown field with its line).
 */
export function parseTemplate(source: string, options: ParseOptions = {}): ParsedTemplate {
  const id = options.id ?? 'template';
  const text = source.replace(/^\uFEFF/, '');
  let bodySource = text;
  let bodyFirstLine = 1;
  let subject: Node[] | null = null;
  let description: string | null = null;
  const lines = text.split('\n');
  if (/^---\r?$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^---\r?$/.test(l));
    if (close === -1) throw syntaxError(id, 'front matter opened with "---" is never closed', 1, 1);
    for (let i = 1; i < close; i++) {
      const line = (lines[i] as string).replace(/\r$/, '');
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
      if (m === null) throw syntaxError(id, `front matter lines are "key: value" (got "${line}")`, i + 1, 1);
      const key = m[1] as string;
      let value = (m[2] as string).trim();
      if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'"))))
        value = value.slice(1, -1);
      if (!(FRONT_MATTER_KEYS as readonly string[]).includes(key))
        throw syntaxError(id, `unknown front matter key "${key}" (use ${FRONT_MATTER_KEYS.join(', ')})`, i + 1, 1);
      if (key === 'description') description = value;
      else subject = buildTree(tokenize(value, id, i + 1), id);
    }
    bodySource = lines.slice(close + 1).join('\n');
    bodyFirstLine = close + 2;
  }
  const body = buildTree(tokenize(bodySource, id, bodyFirstLine), id);
  const fields: FieldUse[] = [];
  if (subject !== null) collectFields(subject, fields);
  collectFields(body, fields);

  const known = new Set<string>([...Object.keys(TEMPLATE_FIELDS), ...(options.extraFields ?? [])]);
  const unknown = fields.filter((f) => !known.has(f.field));
  if (unknown.length > 0) {
    const list = unknown.map((f) => `${f.field} (line ${f.line})`).join(', ');
    const first = unknown[0] as FieldUse;
    throw new LinkwrightError(
      'TEMPLATE_FIELD_UNKNOWN',
      `template "${id}" uses unknown field${unknown.length === 1 ? '' : 's'} ${list}; known fields: ${[...known].join(', ')}`,
      {
        position: { input: id, line: first.line, column: first.column },
        details: { template: id, unknown: unknown.map(({ field, line, column }) => ({ field, line, column })) },
      },
    );
  }
  return { id, description, subject, body, fields };
}

// ------------------------------------------------------------------ render

export interface RenderTemplateOptions {
  /** 'markdown' (default): escape Markdown specials in text values, percent-encode URL delimiters. 'none': as given. */
  escape?: 'markdown' | 'none';
  /** Used when `template` is a source string. */
  id?: string;
  extraFields?: readonly string[];
}

export interface RenderedTemplate {
  text: string;
  subject: string | null;
}

function present(value: string | number | null | undefined): value is string | number {
  if (value === null || value === undefined) return false;
  if (typeof value === 'number') return Number.isFinite(value);
  return value.trim() !== '';
}

/** Escapes Markdown inline specials and collapses line breaks, so a value stays plain inline text. */
export function escapeMarkdownText(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>~|]/g, '\\$&');
}

/** Escapes what would start a block (heading, quote, list, rule) when a value begins a line. */
function escapeLineStart(value: string): string {
  const ordered = /^(\d+)([.)])/.exec(value);
  if (ordered !== null) return `${ordered[1]}\\${ordered[2]}${value.slice(ordered[0].length)}`;
  return /^[#>+=-]/.test(value) ? `\\${value}` : value;
}

function fieldKind(name: string): TemplateFieldKind {
  return (TEMPLATE_FIELDS as Record<string, TemplateFieldSpec>)[name]?.kind ?? 'text';
}

function formatValue(id: string, name: string, raw: string | number, mode: 'markdown' | 'none', atLineStart: boolean): string {
  const value = String(raw).trim();
  if (fieldKind(name) === 'url') {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      url = null;
    }
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      throw new LinkwrightError('INVALID_INPUT', `template "${id}": ${name} must be an absolute http(s) URL (got "${value}")`, {
        details: { template: id, field: name },
      });
    }
    const oneLine = value.replace(/[\r\n]+/g, '');
    return mode === 'none'
      ? oneLine
      : oneLine.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  }
  if (mode === 'none') return value;
  const escaped = escapeMarkdownText(value);
  return atLineStart ? escapeLineStart(escaped) : escaped;
}

/** Own properties only: a field named like an Object.prototype member never reads an inherited value. */
function fieldValue(values: TemplateValues, name: string): string | number | null | undefined {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}

interface Missing {
  field: string;
  line: number;
  column: number;
}

function renderNodes(
  nodes: readonly Node[],
  values: TemplateValues,
  ctx: { id: string; escape: 'markdown' | 'none'; missing: Missing[] },
  out: string[],
): void {
  for (const n of nodes) {
    if (n.type === 'text') out.push(n.text);
    else if (n.type === 'if') renderNodes(present(fieldValue(values, n.name)) ? n.whenPresent : n.otherwise, values, ctx, out);
    else {
      const value = fieldValue(values, n.name);
      if (!present(value)) {
        ctx.missing.push({ field: n.name, line: n.line, column: n.column });
        continue;
      }
      const sofar = out.join('');
      const atLineStart = /(^|\n)[ \t]*$/.test(sofar);
      out.push(formatValue(ctx.id, n.name, value, ctx.escape, atLineStart));
    }
  }
}

/**
 * Renders a template (parsed, or a source string that is parsed first). Every field used in a rendered part must
 * have a value (non-empty string or finite number): otherwise throws LinkwrightError TEMPLATE_FIELD_MISSING
 * naming every missing field and its line(s) — a draft never goes out with a blank where a name should be.
 */
export function renderTemplate(
  template: ParsedTemplate | string,
  values: TemplateValues,
  options: RenderTemplateOptions = {},
): RenderedTemplate {
  const parsed =
    typeof template === 'string'
      ? parseTemplate(template, {
          ...(options.id === undefined ? {} : { id: options.id }),
          ...(options.extraFields === undefined ? {} : { extraFields: options.extraFields }),
        })
      : template;
  const ctx = { id: parsed.id, escape: options.escape ?? 'markdown', missing: [] as Missing[] };
  const subjectParts: string[] = [];
  if (parsed.subject !== null) renderNodes(parsed.subject, values, ctx, subjectParts);
  const bodyParts: string[] = [];
  renderNodes(parsed.body, values, ctx, bodyParts);
  if (ctx.missing.length > 0) {
    const byField = new Map<string, number[]>();
    for (const m of ctx.missing) byField.set(m.field, [...(byField.get(m.field) ?? []), m.line]);
    const list = [...byField]
      .map(([field, ls]) => `${field} (line${ls.length === 1 ? '' : 's'} ${[...new Set(ls)].join(', ')})`)
      .join(', ');
    const first = ctx.missing[0] as Missing;
    throw new LinkwrightError('TEMPLATE_FIELD_MISSING', `template "${parsed.id}" needs a value for ${list}`, {
      position: { input: parsed.id, line: first.line, column: first.column },
      details: { template: parsed.id, missing: ctx.missing.map((m) => ({ ...m })) },
    });
  }
  return { text: bodyParts.join(''), subject: parsed.subject === null ? null : subjectParts.join('').trim() };
}

// ------------------------------------------------------------------ edit markers

export interface EditMarker {
  text: string;
  line: number;
}

/** `[[EDIT: …]]` markers left in a draft: the personal sentences the sender still has to write. */
export function findEditMarkers(text: string): EditMarker[] {
  const out: EditMarker[] = [];
  text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\[\[EDIT:([^\]]*)\]\]/g)) out.push({ text: (m[1] as string).trim(), line: i + 1 });
  });
  return out;
}

// ------------------------------------------------------------------ values helper

/** How `linksToType` reads for each outbound-link content type (discovery/link-types.ts). */
export const LINK_TYPE_PHRASES: Readonly<Record<LinkContentType, string | null>> = {
  article: 'in-depth articles',
  image: 'charts and images',
  video: 'videos',
  research: 'research reports and data',
  code: 'code and tools',
  social: 'posts on social media',
  shop: 'products',
  other: null,
};

export interface TemplateValuesInput {
  author: { name?: string | null; username: string };
  story?: { title: string; url: string } | null;
  /** Their dominant outbound-link content type, or a phrase of your own. */
  linksTo?: LinkContentType | string | null;
  linksToExample?: string | null;
  asset?: { title: string; url: string; type?: string | null } | null;
  senderName?: string | null;
}

/** Builds merge values from records (first name = first word of the display name). Absent data stays absent. */
export function buildTemplateValues(input: TemplateValuesInput): Partial<Record<TemplateFieldName, string>> {
  const out: Partial<Record<TemplateFieldName, string>> = { authorUsername: input.author.username.replace(/^@/, '') };
  const name = input.author.name?.trim() ?? '';
  if (name !== '') {
    out.authorName = name;
    out.authorFirstName = name.split(/\s+/)[0] as string;
  }
  if (input.story) {
    out.storyTitle = input.story.title;
    out.storyUrl = input.story.url;
  }
  if (input.linksTo !== undefined && input.linksTo !== null) {
    const phrase = Object.hasOwn(LINK_TYPE_PHRASES, input.linksTo) ? LINK_TYPE_PHRASES[input.linksTo as LinkContentType] : input.linksTo;
    if (phrase !== null && phrase.trim() !== '') out.linksToType = phrase;
  }
  if (input.linksToExample) out.linksToExample = input.linksToExample;
  if (input.asset) {
    out.assetTitle = input.asset.title;
    out.assetUrl = input.asset.url;
    if (input.asset.type) out.assetType = input.asset.type;
  }
  if (input.senderName) out.senderName = input.senderName;
  return out;
}

// ------------------------------------------------------------------ built-in templates

export const BUILTIN_TEMPLATE_IDS = ['intro', 'pitch', 'follow-up'] as const;
export type BuiltinTemplateId = (typeof BUILTIN_TEMPLATE_IDS)[number];

/**
 * Built-in drafts. Short (cold-outreach studies keep finding that shorter messages get more replies), specific
 * (one story, one resource), with an easy way to say no, and never more than one follow-up by default.
 */
export const BUILTIN_TEMPLATE_SOURCES: Readonly<Record<BuiltinTemplateId, string>> = {
  intro: `---
description: A first hello with no ask, after a response or two. Post it as a response to their newest story, or send it as a short message.
subject: Your story "{{storyTitle}}"
---
Hi {{authorFirstName}},

I just read [{{storyTitle}}]({{storyUrl}}) and wanted to say thank you. [[EDIT: one specific point from the story that stayed with you, and why.]]

I write about similar things myself, so I'll keep reading. No need to reply; I just wanted you to know it landed with at least one reader.

{{senderName}}
`,
  pitch: `---
description: The ask, once you have engaged a few times over two weeks or more. One resource, one reason it fits, and an easy way to say no.
subject: {{#if assetType}}A {{assetType}}{{else}}Something{{/if}} you might find useful
---
Hi {{authorFirstName}},

I've been reading your stories for a few weeks now, [{{storyTitle}}]({{storyUrl}}) in particular. [[EDIT: one sentence on what you took from it.]]

I recently published [{{assetTitle}}]({{assetUrl}}){{#if assetType}}, a {{assetType}}{{/if}}. [[EDIT: one sentence on what it adds that readers won't find elsewhere.]]

{{#if linksToType}}
You often point readers to {{linksToType}}, so I thought it might be useful the next time you write about this, or as a source where it fits.
{{else}}
I thought it might be useful the next time you write about this, or as a source where it fits.
{{/if}}

No pressure at all if it isn't a fit. I'll keep reading either way.

Thanks,
{{senderName}}
`,
  'follow-up': `---
description: One short follow-up about a week after the pitch. By default it is the only one.
subject: Re: {{assetTitle}}
---
Hi {{authorFirstName}},

Just checking whether my note about [{{assetTitle}}]({{assetUrl}}) reached you; messages get buried.

If it isn't a fit, no reply needed. I won't write about it again. And thanks again for [{{storyTitle}}]({{storyUrl}}).

Best,
{{senderName}}
`,
};

/** A built-in template, parsed. */
export function builtinTemplate(id: BuiltinTemplateId): ParsedTemplate {
  return parseTemplate(BUILTIN_TEMPLATE_SOURCES[id], { id });
}

export function isBuiltinTemplateId(value: string): value is BuiltinTemplateId {
  return (BUILTIN_TEMPLATE_IDS as readonly string[]).includes(value);
}
