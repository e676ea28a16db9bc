/**
 * A small, strict reader for the YAML front matter of a Markdown draft — only the subset the draft keys
 * need, so no YAML library (and none of YAML's surprises: `no` → false, `1.10` → 1.1, anchors, tags).
 *
 * Accepted (YAML 1.2 §6–§8 subset):
 *   key: plain scalar            (a trailing ` #comment` is removed)
 *   key: "double quoted"         (escapes \" \\ \/ \n \t \r \0 \uXXXX)
 *   key: 'single quoted'         ('' is a quote)
 *   key: [a, "b, c", 'd']        (flow sequence on one line)
 *   key:                         (block sequence)
 *     - a
 *     - b
 *   key: |  or  key: >           (block scalar, literal or folded; chomping indicators - and + accepted)
 *   # comment lines and blank lines
 * Anything else is an error that names its line: a line that is not `key: value`, a tab in indentation
 * (YAML §6.1 forbids tabs there), a duplicate key, an unterminated quote or flow sequence, a list given
 * to a text key. Unknown keys are kept out of the model and reported as warnings, so a draft that also
 * carries `date:` or `layout:` for a static-site generator still checks.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import type { ContentWarning } from './content-types.js';

/** The keys the checker reads. `synonyms` and `lang` are optional extras (Yoast keyphrase synonyms, language). */
export const FRONT_MATTER_TEXT_KEYS = ['title', 'subtitle', 'slug', 'description', 'canonical', 'keyphrase', 'lang'] as const;
export const FRONT_MATTER_LIST_KEYS = ['tags', 'synonyms'] as const;

export type FrontMatterTextKey = (typeof FRONT_MATTER_TEXT_KEYS)[number];
export type FrontMatterListKey = (typeof FRONT_MATTER_LIST_KEYS)[number];

export interface FrontMatter {
  text: Partial<Record<FrontMatterTextKey, string | null>>;
  lists: Partial<Record<FrontMatterListKey, string[]>>;
  /** 1-based line of each key that was present. */
  lines: Record<string, number>;
  warnings: ContentWarning[];
}

export interface FrontMatterSplit {
  /** null when the text has no front matter. */
  frontMatter: FrontMatter | null;
  /** The Markdown body. */
  body: string;
  /** 1-based line number of the body's first line in the original text. */
  bodyStartLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*)[ \t]*:(?:[ \t]+(.*)|[ \t]*)$/;

function fail(message: string, line: number, input: string | undefined): never {
  throw new LinkwrightError('INVALID_INPUT', `${input === undefined ? '' : `${input}: `}front matter, line ${line}: ${message}`, {
    position: { line, ...(input === undefined ? {} : { input }) },
  });
}

/**
 * Split `---` front matter off a Markdown text and parse it. A text whose first line is not `---`
 * has no front matter (the whole text is the body).
 */
export function splitFrontMatter(text: string, input?: string): FrontMatterSplit {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) return { frontMatter: null, body: source, bodyStartLine: 1 };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) fail('the front matter opened on line 1 is never closed with `---`', 1, input);
  const frontMatter = parseFrontMatterLines(lines.slice(1, close), 2, input);
  return { frontMatter, body: lines.slice(close + 1).join('\n'), bodyStartLine: close + 2 };
}

/** Parse front-matter lines (without the fences); `firstLine` is the 1-based number of `lines[0]`. */
export function parseFrontMatterLines(lines: readonly string[], firstLine = 1, input?: string): FrontMatter {
  const out: FrontMatter = { text: {}, lists: {}, lines: {}, warnings: [] };
  const seen = new Set<string>();
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i] ?? '';
    const lineNo = firstLine + i;
    if (raw.trim() === '' || /^[ \t]*#/.test(raw)) {
      i++;
      continue;
    }
    if (/^[ \t]/.test(raw)) {
      if (/^ *\t/.test(raw)) fail('tab in indentation (YAML allows only spaces there)', lineNo, input);
      fail(`unexpected indented line \`${raw.trim()}\` (expected \`key: value\`)`, lineNo, input);
    }
    const m = KEY_LINE.exec(raw);
    if (m === null) fail(`expected \`key: value\`, found \`${raw.trim()}\``, lineNo, input);
    const key = (m[1] ?? '').toLowerCase();
    const rest = (m[2] ?? '').trim();
    if (seen.has(key)) fail(`duplicate key \`${key}\``, lineNo, input);
    seen.add(key);
    out.lines[key] = lineNo;
    i++;

    // Collect the value: inline, a block sequence, or a block scalar.
    let value: string | null | string[];
    if (rest === '' || rest.startsWith('#')) {
      const items: string[] = [];
      while (i < lines.length) {
        const next = lines[i] ?? '';
        if (next.trim() === '' || /^[ \t]*#/.test(next)) {
          i++;
          continue;
        }
        const item = /^( *)- (.*)$|^( *)-$/.exec(next);
        if (item === null) {
          if (/^[ \t]/.test(next)) {
            if (/^ *\t/.test(next)) fail('tab in indentation (YAML allows only spaces there)', firstLine + i, input);
            fail(`unexpected indented line \`${next.trim()}\` under \`${key}\` (expected \`- item\`)`, firstLine + i, input);
          }
          break;
        }
        items.push(...scalarOrFlow(item[2] ?? '', firstLine + i, input, false));
        i++;
      }
      value = items.length === 0 ? null : items;
    } else if (/^[|>][+-]?$/.test(rest)) {
      const folded = rest.startsWith('>');
      const body: string[] = [];
      let indent = -1;
      while (i < lines.length) {
        const next = lines[i] ?? '';
        if (next.trim() === '') {
          body.push('');
          i++;
          continue;
        }
        const lead = /^ */.exec(next)?.[0].length ?? 0;
        if (lead === 0) break;
        if (/^ *\t/.test(next)) fail('tab in indentation (YAML allows only spaces there)', firstLine + i, input);
        if (indent < 0) indent = lead;
        if (lead < indent) fail('block scalar line is less indented than its first line', firstLine + i, input);
        body.push(next.slice(indent));
        i++;
      }
      while (body.length > 0 && body[body.length - 1] === '') body.pop();
      value = folded ? body.join('\n').replace(/([^\n])\n(?=[^\n])/g, '$1 ') : body.join('\n');
    } else {
      const parsed = scalarOrFlow(rest, lineNo, input, true);
      value = rest.startsWith('[') ? parsed : (parsed[0] ?? null);
    }

    assign(out, key, value, lineNo, input);
  }
  return out;
}

function assign(out: FrontMatter, key: string, value: string | null | string[], line: number, input: string | undefined): void {
  if ((FRONT_MATTER_TEXT_KEYS as readonly string[]).includes(key)) {
    if (Array.isArray(value)) fail(`\`${key}\` must be text, not a list`, line, input);
    const text = value === null ? null : value.trim();
    out.text[key as FrontMatterTextKey] = text === '' ? null : text;
    return;
  }
  if ((FRONT_MATTER_LIST_KEYS as readonly string[]).includes(key)) {
    // A list, or one comma-separated string (`tags: seo, writing`), which is how people type tags.
    const items = Array.isArray(value) ? value : value === null ? [] : value.split(',');
    out.lists[key as FrontMatterListKey] = items.map((s) => s.trim()).filter((s) => s !== '');
    return;
  }
  out.warnings.push({ code: 'front-matter.unknown-key', message: `unknown front-matter key \`${key}\` ignored`, line });
}

/** A scalar (plain or quoted) or, when `allowFlow`, a one-line flow sequence. Always returns a list. */
function scalarOrFlow(text: string, line: number, input: string | undefined, allowFlow: boolean): string[] {
  const s = text.trim();
  if (s.startsWith('[')) {
    if (!allowFlow) fail('nested lists are not supported', line, input);
    return flowSequence(s, line, input);
  }
  const { value, end } = readScalar(s, 0, line, input, '');
  const tail = s.slice(end).trim();
  if (tail !== '' && !tail.startsWith('#')) fail(`unexpected text after the value: \`${tail}\``, line, input);
  return value === null ? [] : [value];
}

function flowSequence(s: string, line: number, input: string | undefined): string[] {
  const items: string[] = [];
  let pos = 1;
  for (;;) {
    while (pos < s.length && (s[pos] === ' ' || s[pos] === '\t')) pos++;
    if (pos >= s.length) fail('unterminated `[` list (flow lists must close on the same line)', line, input);
    if (s[pos] === ']') {
      pos++;
      break;
    }
    const { value, end } = readScalar(s, pos, line, input, ',]');
    if (value !== null) items.push(value);
    pos = end;
    while (pos < s.length && (s[pos] === ' ' || s[pos] === '\t')) pos++;
    if (s[pos] === ',') {
      pos++;
      continue;
    }
    if (s[pos] === ']') {
      pos++;
      break;
    }
    fail('unterminated `[` list (flow lists must close on the same line)', line, input);
  }
  const tail = s.slice(pos).trim();
  if (tail !== '' && !tail.startsWith('#')) fail(`unexpected text after the list: \`${tail}\``, line, input);
  return items;
}

/** Read one scalar starting at `pos`; plain scalars stop at any char of `stops` or at ` #`. */
function readScalar(s: string, pos: number, line: number, input: string | undefined, stops: string): { value: string | null; end: number } {
  const q = s[pos];
  if (q === '"') {
    let out = '';
    let i = pos + 1;
    while (i < s.length) {
      const c = s[i] as string;
      if (c === '"') return { value: out, end: i + 1 };
      if (c === '\\') {
        const e = s[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
          continue;
        }
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
          out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        fail(`unknown escape \`\\${e ?? ''}\` in a double-quoted value`, line, input);
      }
      out += c;
      i++;
    }
    fail('unterminated double-quoted value', line, input);
  }
  if (q === "'") {
    let out = '';
    let i = pos + 1;
    while (i < s.length) {
      const c = s[i] as string;
      if (c === "'") {
        if (s[i + 1] === "'") {
          out += "'";
          i += 2;
          continue;
        }
        return { value: out, end: i + 1 };
      }
      out += c;
      i++;
    }
    fail('unterminated single-quoted value', line, input);
  }
  let i = pos;
  while (i < s.length) {
    const c = s[i] as string;
    if (stops.includes(c)) break;
    if (c === '#' && i > pos && (s[i - 1] === ' ' || s[i - 1] === '\t')) break;
    i++;
  }
  const raw = s.slice(pos, i).trim();
  // YAML null spellings (§10.3.2 core schema). Everything else stays text: no booleans or numbers here.
  const value = raw === '' || raw === '~' || raw === 'null' || raw === 'Null' || raw === 'NULL' ? null : raw;
  return { value, end: i };
}
