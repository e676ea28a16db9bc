/**
 * Markdown draft (with optional YAML front matter) → ContentDocument.
 *
 * Block structure follows CommonMark 0.31 (§4–§5) closely enough for drafts: ATX and setext headings,
 * fenced and indented code, block quotes (parsed recursively), bullet and ordered lists with nested
 * content (recursively), thematic breaks, link reference definitions, raw HTML blocks (read with the
 * HTML extractor) and GFM pipe tables. Inline syntax is in markdown-inline.ts. Markdown has no `rel`,
 * so every link's rel is `[]` — what the author wrote, not what a platform renders later.
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { parseHttpUrl } from '../url/parse-url.js';
import type { ContentBlock, ContentBlockKind, ContentDocument, ContentImage, ContentLink, ContentWarning } from './content-types.js';
import { splitFrontMatter } from './front-matter.js';
import { parseHtmlFragment } from './html-document.js';
import { normalizeLabel, parseInline, type ReferenceDefinitions } from './markdown-inline.js';

export interface MarkdownDraftOptions {
  /** Name of the input (file name) for error positions. */
  input?: string;
  /** Where the draft will live, when known: resolves relative links. */
  url?: string | null;
}

interface Line {
  text: string;
  no: number;
}

interface Out {
  blocks: ContentBlock[];
  links: ContentLink[];
  images: ContentImage[];
  warnings: ContentWarning[];
  refs: ReferenceDefinitions;
  base: URL | null;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const FENCE_OPEN = /^( {0,3})(`{3,}|~{3,})(.*)$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const BULLET = /^( {0,3})([-+*])([ \t]+|$)(.*)$/;
const ORDERED = /^( {0,3})(\d{1,9})([.)])([ \t]+|$)(.*)$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;
const HTML_START = /^ {0,3}<(?:!--|\/?[a-zA-Z][a-zA-Z0-9-]*(?:[\s/>]|$))/;
const REF_DEF = /^ {0,3}\[((?:[^\]\\]|\\.){1,999})\]:[ \t]*<?([^\s>]+)>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/;
const TABLE_DELIM = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

function expandTabs(s: string): string {
  if (!s.includes('\t')) return s;
  let out = '';
  for (const c of s) {
    if (c === '\t') out += ' '.repeat(4 - (out.length % 4));
    else out += c;
  }
  return out;
}

function indentOf(s: string): number {
  return /^ */.exec(s)?.[0].length ?? 0;
}

function isBlank(s: string): boolean {
  return s.trim() === '';
}

/** Does this line start a block that interrupts a paragraph (CommonMark §4.8 "paragraph continuation")? */
function interruptsParagraph(text: string): boolean {
  if (ATX.test(text) || FENCE_OPEN.test(text) || THEMATIC.test(text) || QUOTE.test(text)) return true;
  const b = BULLET.exec(text);
  if (b !== null && (b[4] ?? '').trim() !== '') return true;
  const o = ORDERED.exec(text);
  if (o !== null && o[2] === '1' && (o[5] ?? '').trim() !== '') return true;
  return (
    HTML_START.test(text) &&
    /^ {0,3}<(?:!--|\/?(?:address|article|aside|blockquote|details|div|dl|figure|footer|h[1-6]|header|hr|main|nav|ol|p|pre|section|table|ul|img|figure|iframe|script|style))\b/i.test(
      text,
    )
  );
}

function addInline(out: Out, raw: string[], firstLine: number, kind: ContentBlockKind, level: number, ordered?: boolean): void {
  const source = raw.join('\n');
  const parsed = parseInline(source, out.refs);
  const lineAt = (offset: number) => firstLine + (source.slice(0, offset).match(/\n/g)?.length ?? 0);
  let blockIndex = -1;
  if (parsed.text !== '') {
    const block: ContentBlock = { kind, level, text: parsed.text, line: firstLine };
    if (ordered !== undefined) block.ordered = ordered;
    out.blocks.push(block);
    blockIndex = out.blocks.length - 1;
  }
  for (const l of parsed.links) {
    const url = out.base === null ? parseHttpUrl(l.href.trim()) : parseHttpUrl(l.href.trim(), out.base);
    out.links.push({ href: l.href, url: url === null ? null : url.href, text: l.text, rel: [], block: blockIndex, line: lineAt(l.offset) });
  }
  for (const im of parsed.images) {
    out.images.push({
      src: im.src,
      alt: im.alt,
      afterBlock: blockIndex >= 0 ? blockIndex : out.blocks.length - 1,
      line: lineAt(im.offset),
    });
  }
}

function splitTableRow(row: string): string[] {
  let r = row.trim();
  if (r.startsWith('|')) r = r.slice(1);
  if (r.endsWith('|') && !r.endsWith('\\|')) r = r.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < r.length; i++) {
    const c = r[i] as string;
    if (c === '\\' && r[i + 1] === '|') {
      cur += '|';
      i++;
      continue;
    }
    if (c === '|') {
      cells.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  cells.push(cur);
  return cells.map((c) => c.trim());
}

/**
 * Parse a run of lines into blocks. `container` maps paragraphs to the container's kind (a paragraph in a
 * list item is list-item text, in a block quote it is quote text).
 */
function parseBlocks(lines: Line[], out: Out, container: { kind: ContentBlockKind; ordered?: boolean } | null): void {
  let i = 0;
  const paraKind: ContentBlockKind = container?.kind ?? 'paragraph';
  while (i < lines.length) {
    const line = lines[i] as Line;
    const text = line.text;
    if (isBlank(text)) {
      i++;
      continue;
    }

    // Fenced code.
    const fence = FENCE_OPEN.exec(text);
    if (fence !== null && !((fence[2] as string).startsWith('`') && (fence[3] ?? '').includes('`'))) {
      const marker = fence[2] as string;
      const body: string[] = [];
      let j = i + 1;
      let closed = false;
      const closeRe = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      while (j < lines.length) {
        if (closeRe.test((lines[j] as Line).text)) {
          closed = true;
          break;
        }
        body.push((lines[j] as Line).text);
        j++;
      }
      if (!closed)
        out.warnings.push({
          code: 'markdown.unclosed-fence',
          message: 'code fence is never closed; it runs to the end of its container',
          line: line.no,
        });
      const code = body.join('\n').trim();
      if (code !== '') out.blocks.push({ kind: 'code', level: 0, text: code, line: line.no });
      i = closed ? j + 1 : j;
      continue;
    }

    // ATX heading.
    const atx = ATX.exec(text);
    if (atx !== null) {
      addInline(out, [(atx[2] ?? '').replace(/[ \t]+#+[ \t]*$/, '').replace(/^#+$/, '')], line.no, 'heading', (atx[1] as string).length);
      i++;
      continue;
    }

    if (THEMATIC.test(text)) {
      i++;
      continue;
    }

    // Block quote: strip one level of `>` (lazy continuation lines included) and parse the inside.
    if (QUOTE.test(text)) {
      const inner: Line[] = [];
      let j = i;
      while (j < lines.length) {
        const t = (lines[j] as Line).text;
        const q = QUOTE.exec(t);
        if (q !== null) inner.push({ text: q[1] ?? '', no: (lines[j] as Line).no });
        else if (!isBlank(t) && inner.length > 0 && !isBlank((inner[inner.length - 1] as Line).text) && !interruptsParagraph(t))
          inner.push({ text: t, no: (lines[j] as Line).no });
        else break;
        j++;
      }
      parseBlocks(inner, out, { kind: 'quote' });
      i = j;
      continue;
    }

    // List item.
    const bullet = BULLET.exec(text);
    const ordered = bullet === null ? ORDERED.exec(text) : null;
    if (bullet !== null || ordered !== null) {
      const isOrdered = ordered !== null;
      const lead = (bullet ?? ordered)?.[1]?.length ?? 0;
      const marker = bullet !== null ? (bullet[2] as string) : `${ordered?.[2]}${ordered?.[3]}`;
      const gap = (bullet !== null ? bullet[3] : ordered?.[4]) ?? '';
      const first = (bullet !== null ? bullet[4] : ordered?.[5]) ?? '';
      // Content indent (CommonMark §5.2): marker width + spaces (1 if the item starts with ≥5 spaces or is empty).
      const contentIndent = lead + marker.length + (gap.length >= 5 || first === '' ? 1 : gap.length);
      const inner: Line[] = [{ text: gap.length >= 5 ? ' '.repeat(gap.length - 1) + first : first, no: line.no }];
      let j = i + 1;
      while (j < lines.length) {
        const t = (lines[j] as Line).text;
        if (isBlank(t)) {
          // A blank line continues the item only if the next non-blank line is indented into it.
          let k = j + 1;
          while (k < lines.length && isBlank((lines[k] as Line).text)) k++;
          if (k < lines.length && indentOf((lines[k] as Line).text) >= contentIndent) {
            for (let m = j; m < k; m++) inner.push({ text: '', no: (lines[m] as Line).no });
            j = k;
            continue;
          }
          break;
        }
        if (indentOf(t) >= contentIndent) {
          inner.push({ text: t.slice(contentIndent), no: (lines[j] as Line).no });
          j++;
          continue;
        }
        // Lazy continuation of the item's paragraph.
        const prev = inner[inner.length - 1] as Line;
        if (!isBlank(prev.text) && !interruptsParagraph(t) && !BULLET.test(t) && !ORDERED.test(t)) {
          inner.push({ text: t.trimStart(), no: (lines[j] as Line).no });
          j++;
          continue;
        }
        break;
      }
      parseBlocks(inner, out, { kind: 'list-item', ordered: isOrdered });
      i = j;
      continue;
    }

    // Indented code (not inside a paragraph: we are at a block start here).
    if (indentOf(text) >= 4 && container?.kind !== 'list-item') {
      const body: string[] = [];
      let j = i;
      while (j < lines.length && (indentOf((lines[j] as Line).text) >= 4 || isBlank((lines[j] as Line).text))) {
        body.push((lines[j] as Line).text.slice(4));
        j++;
      }
      const code = body.join('\n').trim();
      if (code !== '') out.blocks.push({ kind: 'code', level: 0, text: code, line: line.no });
      i = j;
      continue;
    }

    // Link reference definition (collected in the pre-pass; skipped here).
    if (REF_DEF.test(text)) {
      i++;
      continue;
    }

    // Raw HTML block: until a blank line (CommonMark §4.6 type 6/7), read with the HTML extractor.
    if (HTML_START.test(text)) {
      const raw: string[] = [];
      let j = i;
      while (j < lines.length && !isBlank((lines[j] as Line).text)) {
        raw.push((lines[j] as Line).text);
        j++;
      }
      const parts = parseHtmlFragment(raw.join('\n'), { base: out.base, line: line.no, blockOffset: out.blocks.length });
      for (const b of parts.blocks) {
        if (b.kind === 'paragraph' && container !== null) b.kind = paraKind;
        out.blocks.push(b);
      }
      for (const l of parts.links) out.links.push(l);
      for (const im of parts.images) out.images.push(im);
      i = j;
      continue;
    }

    // GFM table: a header row followed by a delimiter row.
    const nextText = lines[i + 1]?.text;
    if (text.includes('|') && nextText !== undefined && TABLE_DELIM.test(nextText) && nextText.includes('-')) {
      let j = i;
      while (j < lines.length && !isBlank((lines[j] as Line).text) && (lines[j] as Line).text.includes('|')) {
        if (j !== i + 1) {
          for (const cell of splitTableRow((lines[j] as Line).text))
            if (cell !== '') addInline(out, [cell], (lines[j] as Line).no, 'cell', 0);
        }
        j++;
      }
      i = j;
      continue;
    }

    // Paragraph (possibly a setext heading).
    const para: string[] = [text.trimStart()];
    let j = i + 1;
    let setext = 0;
    while (j < lines.length) {
      const t = (lines[j] as Line).text;
      if (isBlank(t)) break;
      if (SETEXT_1.test(t)) {
        setext = 1;
        j++;
        break;
      }
      if (SETEXT_2.test(t)) {
        setext = 2;
        j++;
        break;
      }
      if (interruptsParagraph(t)) break;
      para.push(t.trimStart());
      j++;
    }
    // Trailing hard-break spaces are plain spaces for our purpose.
    if (setext > 0) addInline(out, para, line.no, 'heading', setext);
    else addInline(out, para, line.no, paraKind, 0, container?.kind === 'list-item' ? container.ordered : undefined);
    i = j;
  }
}

/** Collect `[label]: destination` definitions outside fenced code (first definition wins, CommonMark §4.7). */
function collectReferences(lines: Line[]): Map<string, string> {
  const refs = new Map<string, string>();
  let fence: string | null = null;
  for (const { text } of lines) {
    const f = FENCE_OPEN.exec(text);
    if (fence === null && f !== null) {
      fence = (f[2] as string)[0] as string;
      continue;
    }
    if (fence !== null) {
      if (new RegExp(`^ {0,3}\\${fence}{3,}[ \\t]*$`).test(text)) fence = null;
      continue;
    }
    const inner = text.replace(/^(?: {0,3}> ?)+/, '');
    const m = REF_DEF.exec(inner);
    if (m !== null) {
      const key = normalizeLabel(m[1] as string);
      if (!refs.has(key)) refs.set(key, m[2] as string);
    }
  }
  return refs;
}

/**
 * Parse a Markdown draft with optional front matter (`title`, `subtitle`, `slug`, `description`, `tags`,
 * `canonical`, `keyphrase`; also `synonyms`, `lang`). Malformed front matter throws a LinkwrightError
 * `INVALID_INPUT` whose message and `position.line` name the line.
 */
export function parseMarkdownDraft(text: string, options: MarkdownDraftOptions = {}): ContentDocument {
  if (typeof text !== 'string') throw new LinkwrightError('INVALID_INPUT', 'Markdown draft must be text');
  const split = splitFrontMatter(text, options.input);
  const lines: Line[] = split.body.split(/\r\n|\r|\n/).map((t, k) => ({ text: expandTabs(t), no: split.bodyStartLine + k }));
  const base = options.url === undefined || options.url === null ? null : parseHttpUrl(options.url);
  const out: Out = { blocks: [], links: [], images: [], warnings: [], refs: collectReferences(lines), base };
  parseBlocks(lines, out, null);

  const fm = split.frontMatter;
  const canonical = fm?.text.canonical ?? null;
  if (canonical !== null && parseHttpUrl(canonical) === null) {
    throw new LinkwrightError(
      'INVALID_INPUT',
      `${options.input === undefined ? '' : `${options.input}: `}front matter, line ${fm?.lines.canonical ?? 1}: \`canonical\` is not an absolute http(s) URL: ${canonical}`,
      {
        position: { line: fm?.lines.canonical ?? 1, ...(options.input === undefined ? {} : { input: options.input }) },
      },
    );
  }
  return {
    source: 'markdown',
    url: options.url ?? null,
    title: fm?.text.title ?? null,
    subtitle: fm?.text.subtitle ?? null,
    slug: fm?.text.slug ?? null,
    description: fm?.text.description ?? null,
    tags: fm?.lists.tags ?? [],
    canonical,
    keyphrase: fm?.text.keyphrase ?? null,
    synonyms: fm?.lists.synonyms ?? [],
    blocks: out.blocks,
    links: out.links,
    images: out.images,
    lang: fm?.text.lang ?? null,
    warnings: [...(fm?.warnings ?? []), ...out.warnings],
  };
}
