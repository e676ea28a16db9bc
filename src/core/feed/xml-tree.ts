/**
 * XML text → a small namespace-resolved tree with the base URI of every element.
 *
 * fast-xml-parser does the tokenising (XMLValidator for well-formedness with line/column, XMLParser with
 * `preserveOrder` for the tree). What it does not do, and is done here by hand:
 *  - namespaces: it keeps `prefix:name` as written; feeds must be matched by namespace URI (`<a:link>` with
 *    `xmlns:a="http://www.w3.org/2005/Atom"` is an Atom link), so prefixes are resolved against `xmlns` scopes;
 *  - xml:base (XML Base §4.2): every element carries the base in effect, resolved against its parent's;
 *  - entities: its decoder only expands numeric references when HTML entities are on, knows a few dozen HTML names,
 *    and its DOCTYPE reader throws on parameter entities (`<!ENTITY % HTMLlat1 PUBLIC …>`, a valid RSS 1.0 prolog:
 *    conformance `wellformed/rdf/doctype_contains_entity_decl.xml`). So it gets the text with entities untouched
 *    (`processEntities: false`) and without the DOCTYPE, and references are expanded here;
 *  - the repairs feed readers make (feedparser falls back to a lenient parser; browsers' feed readers did the same),
 *    each reported once in `warnings` and none changing what a well-formed document means:
 *      · a bare `&` that starts no reference is a literal ampersand (`<link>http://x/?a=1&b=2</link>`);
 *      · an undeclared entity that is an HTML name is that character (`&eacute;`, see html-entity.ts);
 *      · SGML's `&#X41;` is read as `&#x41;`;
 *      · an undeclared prefix that is a well-known one (`dc:`, `content:`, `itunes:` …) gets its usual namespace;
 *      · white space before the XML declaration is allowed;
 *      · a document whose last token is the root's end tag without `>` is closed;
 *    and, silently as feedparser and HTML do, C1 controls / `&#128;`–`&#159;` are read as their windows-1252 characters.
 *    Anything else malformed is an INVALID_INPUT with the line and column.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { LinkwrightError } from '../errors/linkwright-error.js';
import {
  MAX_DTD_ENTITIES,
  MAX_DTD_ENTITY_CHARS,
  MAX_DTD_EXPANDED_CHARS,
  MAX_FEED_CHARS,
  MAX_WARNINGS,
  MAX_XML_DEPTH,
} from './feed-limits.js';
import { decodeHtmlNamedEntities } from './html-entity.js';
import { childBase } from './iri.js';
import { lookupTable } from './lookup-table.js';

export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

export interface XmlAttribute {
  /** Namespace URI; '' for an unprefixed attribute (Namespaces in XML §6.3: no default namespace for attributes). */
  readonly ns: string;
  readonly local: string;
  readonly prefix: string;
  readonly value: string;
}

export interface XmlText {
  readonly kind: 'text';
  readonly value: string;
}

export interface XmlElement {
  readonly kind: 'element';
  /** Namespace URI, '' when in no namespace. */
  readonly ns: string;
  /** Local name as written (case kept). */
  readonly local: string;
  readonly prefix: string;
  /** Attributes other than namespace declarations, in document order. */
  readonly attrs: readonly XmlAttribute[];
  readonly children: readonly XmlNode[];
  /** The base URI in effect for this element, its own xml:base included; null when there is none at all. */
  readonly base: string | null;
  /** Namespace declarations in scope (prefix → URI, '' for the default namespace); shared between elements. */
  readonly scope: ReadonlyMap<string, string>;
}

export type XmlNode = XmlElement | XmlText;

export interface XmlDocument {
  readonly root: XmlElement;
  /** The DOCTYPE's public identifier, if any (`-//Netscape Communications//DTD RSS 0.91//EN` marks RSS 0.91n). */
  readonly doctypePublicId: string | null;
  /** Repairs and oddities, for the caller to surface (never a reason to fail). */
  readonly warnings: string[];
}

export interface ParseXmlOptions {
  /** How errors name the input: a URL or a file name. */
  inputName: string;
  /** The document's base URI (its URL, or Content-Location), before any xml:base. */
  documentBase: string | null;
  url?: string;
}

/** Concatenated text of the element and its descendants (XPath string-value). */
export function textContent(node: XmlNode): string {
  if (node.kind === 'text') return node.value;
  let out = '';
  for (const child of node.children) out += textContent(child);
  return out;
}

export function childElements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element');
}

// ------------------------------------------------------------------ errors and warnings

class Warnings {
  readonly list: string[] = [];
  private readonly seen = new Set<string>();
  private dropped = 0;

  add(message: string): void {
    if (this.seen.has(message)) return;
    if (this.list.length >= MAX_WARNINGS) {
      this.dropped++;
      return;
    }
    this.seen.add(message);
    this.list.push(message);
  }

  finish(): string[] {
    if (this.dropped > 0) this.list.push(`${this.dropped} further warnings not listed`);
    return this.list;
  }
}

function invalid(options: ParseXmlOptions, message: string, position?: { line: number; column: number }): LinkwrightError {
  const where = position === undefined ? '' : ` at line ${position.line}, column ${position.column}`;
  return new LinkwrightError('INVALID_INPUT', `${options.inputName}: ${message}${where}`, {
    ...(options.url === undefined ? {} : { url: options.url }),
    position: { input: options.inputName, ...(position ?? {}) },
  });
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// ------------------------------------------------------------------ DOCTYPE

interface Doctype {
  publicId: string | null;
  entities: Map<string, string>;
}

/** Same length, same line breaks: error positions in the rest of the text stay those of the input. */
function blank(s: string): string {
  return s.replace(/[^\n\r]/g, ' ');
}

/**
 * Finds the DOCTYPE in the prolog (XML 1.0 §2.8: after the XML declaration, comments and PIs, before the root),
 * reads its public id and internal general entities, and blanks it out of the text.
 */
function takeDoctype(text: string, options: ParseXmlOptions, warnings: Warnings): { text: string; doctype: Doctype } {
  const none: Doctype = { publicId: null, entities: new Map() };
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(text);
  const start = prolog === null ? 0 : prolog[0].length;
  if (!text.startsWith('<!DOCTYPE', start)) return { text, doctype: none };
  // Walk to the closing `>` of the DOCTYPE, skipping quoted strings, comments and the internal subset's brackets.
  let i = start + '<!DOCTYPE'.length;
  let depth = 0;
  let subsetStart = -1;
  let subsetEnd = -1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) break;
      i = close;
    } else if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      if (close === -1) break;
      i = close + 2;
    } else if (c === '[') {
      if (depth === 0) subsetStart = i + 1;
      depth++;
    } else if (c === ']') {
      depth--;
      if (depth === 0) subsetEnd = i;
    } else if (c === '>' && depth === 0) {
      break;
    }
  }
  if (i >= text.length) throw invalid(options, 'unterminated DOCTYPE', lineColumn(text, start));
  const decl = text.slice(start, i + 1);
  const head = subsetStart === -1 ? decl : text.slice(start, subsetStart);
  const publicId = /\bPUBLIC\s+("([^"]*)"|'([^']*)')/.exec(head);
  const entities = new Map<string, string>();
  if (subsetStart !== -1 && subsetEnd !== -1) readInternalEntities(text.slice(subsetStart, subsetEnd), entities, options, warnings);
  return {
    text: text.slice(0, start) + blank(decl) + text.slice(i + 1),
    doctype: { publicId: publicId === null ? null : (publicId[2] ?? publicId[3] ?? null), entities },
  };
}

/** `<!ENTITY name "value">` (internal general entities). Parameter and external entities are not read. */
function readInternalEntities(subset: string, into: Map<string, string>, options: ParseXmlOptions, warnings: Warnings): void {
  const decl = /<!ENTITY\s+(%\s+)?([^\s"'>]+)\s+(?:"([^"]*)"|'([^']*)'|(SYSTEM|PUBLIC)\b[^>]*)\s*>/g;
  for (const m of subset.matchAll(decl)) {
    const name = m[2] as string;
    if (m[1] !== undefined) continue; // parameter entity: only meaningful inside the DTD
    if (m[5] !== undefined) {
      warnings.add(`external entity &${name}; declared in the DOCTYPE is not fetched`);
      continue;
    }
    if (into.has(name)) continue; // XML 1.0 §4.2: the first declaration is binding
    if (into.size >= MAX_DTD_ENTITIES) throw invalid(options, `more than ${MAX_DTD_ENTITIES} entity declarations in the DOCTYPE`);
    // Replacement text: character references and already-declared entities expanded now (XML 1.0 §4.5), so a
    // reference costs its final length once — nested amplification is caught by the size check right here.
    const raw = m[3] ?? m[4] ?? '';
    const value = raw.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[^\s&;]+);/g, (whole, ref: string) => {
      if (ref.startsWith('#')) return charFromReference(ref) ?? whole;
      return into.get(ref) ?? PREDEFINED[ref] ?? whole;
    });
    if (value.length > MAX_DTD_ENTITY_CHARS) {
      throw invalid(options, `entity &${name}; expands to more than ${MAX_DTD_ENTITY_CHARS} characters`);
    }
    into.set(name, value);
  }
}

// ------------------------------------------------------------------ references

const PREDEFINED = lookupTable<string>({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" });

/** XML 1.0 §2.2 Char: what a character reference may produce. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/**
 * C1 controls (U+0080–U+009F) in feeds are windows-1252 bytes read as ISO-8859-1, or `&#146;` written by
 * cp1252 tools: both mean the cp1252 character. The mapping is HTML's (WHATWG HTML §13.2.5.80, numeric character
 * reference end state) and feedparser applies it to every value (mixin.py `_cp1252`, `encoding/demoronize-*.xml`).
 */
/** Code points for 0x80–0x9F in windows-1252; 0 where cp1252 leaves the byte undefined (then it is kept). */
const CP1252_C1: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

function cp1252(cp: number): number {
  return cp >= 0x80 && cp <= 0x9f ? CP1252_C1[cp - 0x80] || cp : cp;
}

function fixC1(s: string): string {
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => String.fromCodePoint(cp1252(c.charCodeAt(0)))) : s;
}

function charFromReference(ref: string): string | null {
  const cp = ref.startsWith('#x') || ref.startsWith('#X') ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
  if (!Number.isFinite(cp) || !isXmlChar(cp)) return null;
  return String.fromCodePoint(cp1252(cp));
}

/**
 * A name after `&` as XML 1.0 §2.3 Name allows it: ASCII letters, `_`, `:` then also digits, `.`, `-`; any
 * non-ASCII character is let through (a superset of the Unicode ranges the spec lists, without the `u` flag's cost).
 */
const NAME = String.raw`[A-Za-z_:\u0080-\uFFFF][\w.:\-\u0080-\uFFFF]*`;

/** A character absent from the text, to stand for the bare `&`s until references are expanded (one pass). */
function pickSentinel(text: string): string | null {
  const present = new Set<number>();
  for (const m of text.matchAll(/[\uE000-\uF8FF]/g)) present.add(m[0].charCodeAt(0));
  for (let cp = 0xe000; cp <= 0xf8ff; cp++) if (!present.has(cp)) return String.fromCharCode(cp);
  return null;
}

/**
 * Replaces every `&` that does not start a reference (outside comments, CDATA and PIs, where `&` is plain text)
 * with a sentinel character, and reads SGML's `&#X41;` as XML's `&#x41;` (XML 1.0 §4.1 CharRef: lower-case x
 * only). Both edits keep the length, so validator positions stay those of the input. Each is reported once, with
 * the first place.
 */
function repairReferences(text: string, options: ParseXmlOptions, warnings: Warnings): { text: string; sentinel: string | null } {
  const pattern = new RegExp(
    String.raw`<!--[\s\S]*?(?:-->|$)|<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<\?[\s\S]*?(?:\?>|$)|&#X(?=[0-9a-fA-F]+;)|&(?!(?:#[0-9]+|#x[0-9a-fA-F]+|${NAME});)`,
    'g',
  );
  let bare = -1;
  let bareCount = 0;
  let upper = -1;
  for (const m of text.matchAll(pattern)) {
    if (m[0] === '&') {
      if (bare === -1) bare = m.index;
      bareCount++;
    } else if (m[0] === '&#X' && upper === -1) upper = m.index;
  }
  if (bare === -1 && upper === -1) return { text, sentinel: null };
  const sentinel = bare === -1 ? null : pickSentinel(text);
  if (bare !== -1 && sentinel === null) throw invalid(options, `bare '&' not followed by a reference`, lineColumn(text, bare));
  if (bare !== -1) {
    const { line, column } = lineColumn(text, bare);
    warnings.add(`${bareCount} bare '&' read as a literal ampersand (first at line ${line}, column ${column})`);
  }
  if (upper !== -1) {
    const { line, column } = lineColumn(text, upper);
    warnings.add(`character reference written &#X…; read as &#x…; (first at line ${line}, column ${column})`);
  }
  const repaired = text.replace(pattern, (m) => (m === '&' ? (sentinel as string) : m === '&#X' ? '&#x' : m));
  return { text: repaired, sentinel };
}

interface DecodeContext {
  entities: Map<string, string>;
  /** Undeclared names in the document, decoded as HTML references in one batch (null: not an HTML name). */
  htmlEntities: Map<string, string | null>;
  pattern: RegExp;
  sentinel: string | null;
  warnings: Warnings;
  expanded: number;
  options: ParseXmlOptions;
}

/** A reference (`&name;`, `&#n;`, `&#xh;`) or the bare-`&` sentinel. */
function referencePattern(sentinel: string | null): RegExp {
  return new RegExp(`&(#x[0-9a-fA-F]+|#[0-9]+|[^\\s&;<]+);${sentinel === null ? '' : `|${sentinel}`}`, 'g');
}

/** Every undeclared entity name the document uses, each decoded once as an HTML reference. */
function collectHtmlEntities(text: string, declared: Map<string, string>): Map<string, string | null> {
  const names = new Set<string>();
  for (const m of text.matchAll(/&([^\s&;<#]+);/g)) {
    const name = m[1] as string;
    if (PREDEFINED[name] === undefined && !declared.has(name)) names.add(name);
  }
  return names.size === 0 ? new Map() : decodeHtmlNamedEntities(names);
}

function decodeReferences(raw: string, ctx: DecodeContext): string {
  if (!raw.includes('&') && (ctx.sentinel === null || !raw.includes(ctx.sentinel))) return raw;
  return raw.replace(ctx.pattern, (whole, ref: string | undefined) => {
    if (ref === undefined) return '&';
    if (ref.startsWith('#')) {
      const ch = charFromReference(ref);
      if (ch !== null) return ch;
      ctx.warnings.add(`character reference ${whole} is not an XML character; replaced by U+FFFD`);
      return '\uFFFD';
    }
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined) return predefined;
    const declared = ctx.entities.get(ref);
    if (declared !== undefined) {
      ctx.expanded += declared.length;
      if (ctx.expanded > MAX_DTD_EXPANDED_CHARS) {
        throw invalid(ctx.options, `DOCTYPE entities expand to more than ${MAX_DTD_EXPANDED_CHARS} characters`);
      }
      return declared;
    }
    const html = ctx.htmlEntities.get(ref) ?? null;
    if (html !== null) {
      ctx.warnings.add(`undeclared entity ${whole} read as the HTML character reference`);
      return html;
    }
    ctx.warnings.add(`undeclared entity ${whole} kept as text`);
    return whole;
  });
}

// ------------------------------------------------------------------ namespaces

/**
 * Prefixes feeds use without declaring them (podcast feeds forget `xmlns:itunes`, blogs `xmlns:content`); the
 * conventional URI is assumed and the omission reported. Any other undeclared prefix gets a placeholder namespace.
 */
const CONVENTIONAL_PREFIXES = lookupTable<string>({
  atom: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  slash: 'http://purl.org/rss/1.0/modules/slash/',
  wfw: 'http://wellformedweb.org/CommentAPI/',
  xhtml: 'http://www.w3.org/1999/xhtml',
});

type Scope = ReadonlyMap<string, string>;

function splitName(qname: string): { prefix: string; local: string } {
  const colon = qname.indexOf(':');
  return colon <= 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, colon), local: qname.slice(colon + 1) };
}

function lookup(scope: Scope, prefix: string, warnings: Warnings): string {
  if (prefix === 'xml') return XML_NAMESPACE;
  const uri = scope.get(prefix);
  if (uri !== undefined) return uri;
  const conventional = CONVENTIONAL_PREFIXES[prefix.toLowerCase()];
  warnings.add(
    conventional === undefined
      ? `namespace prefix '${prefix}' is not declared`
      : `namespace prefix '${prefix}' is not declared; read as ${conventional}`,
  );
  return conventional ?? `urn:x-undeclared-prefix:${prefix}`;
}

// ------------------------------------------------------------------ tree

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  processEntities: false,
  cdataPropName: '#cdata',
  maxNestedTags: MAX_XML_DEPTH,
  // No callbacks use the path; building its string for every tag only costs time.
  jPath: false,
});

type RawNode = Record<string, unknown>;

function isRawNode(v: unknown): v is RawNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function tagOf(raw: RawNode): string | null {
  for (const key of Object.keys(raw)) if (key !== ':@' && key !== '#text' && key !== '#cdata') return key;
  return null;
}

function rawChildren(raw: RawNode, tag: string): unknown[] {
  const c = raw[tag];
  return Array.isArray(c) ? c : [];
}

function cdataText(raw: RawNode): string {
  let out = '';
  for (const part of rawChildren(raw, '#cdata')) if (isRawNode(part) && typeof part['#text'] === 'string') out += part['#text'];
  return out;
}

function build(raw: RawNode, tag: string, scope: Scope, parentBase: string | null, ctx: DecodeContext): XmlElement {
  const rawAttrs = isRawNode(raw[':@']) ? (raw[':@'] as Record<string, unknown>) : {};
  // Namespace declarations first: they apply to the element's own name and attributes.
  let own: Map<string, string> | null = null;
  const plain: Array<[string, string]> = [];
  for (const [name, v] of Object.entries(rawAttrs)) {
    // XML 1.0 §3.3.3 attribute-value normalisation: literal white space becomes a space, references come after.
    const value = decodeReferences(fixC1(String(v)).replace(/[\t\n\r]/g, ' '), ctx);
    if (name === 'xmlns' || name.startsWith('xmlns:')) {
      own ??= new Map(scope);
      own.set(name === 'xmlns' ? '' : name.slice(6), value.trim());
    } else plain.push([name, value]);
  }
  const here: Scope = own ?? scope;
  const { prefix, local } = splitName(tag);
  const ns = prefix === '' ? (here.get('') ?? '') : lookup(here, prefix, ctx.warnings);
  const attrs: XmlAttribute[] = plain.map(([name, value]) => {
    const n = splitName(name);
    return { ns: n.prefix === '' ? '' : lookup(here, n.prefix, ctx.warnings), local: n.local, prefix: n.prefix, value };
  });
  const xmlBase = attrs.find((a) => a.ns === XML_NAMESPACE && a.local === 'base')?.value;
  const base = childBase(parentBase, xmlBase);
  const children: XmlNode[] = [];
  let text = '';
  const flush = (): void => {
    if (text !== '') children.push({ kind: 'text', value: text });
    text = '';
  };
  for (const child of rawChildren(raw, tag)) {
    if (!isRawNode(child)) continue;
    if (typeof child['#text'] === 'string') {
      text += decodeReferences(fixC1(child['#text']), ctx);
      continue;
    }
    if ('#cdata' in child) {
      text += fixC1(cdataText(child));
      continue;
    }
    const childTag = tagOf(child);
    if (childTag === null) continue;
    flush();
    children.push(build(child, childTag, here, base, ctx));
  }
  flush();
  return { kind: 'element', ns, local, prefix, attrs, children, base, scope: here };
}

/**
 * A document whose very last token is the root's end tag without its `>` (`…</channel>\n</rss`): the one truncation
 * with a single possible reading, which feedparser's lenient parser accepts (its own test feeds end this way:
 * `entities/*.xml`, `illformed/rss_item_link_corrupted_ampersands.xml`). Anything else truncated stays an error.
 */
function closeTruncatedRootEndTag(text: string, warnings: Warnings): string {
  const tail = /<\/([^\s<>/]+)\s*$/.exec(text.slice(-512));
  if (tail === null) return text;
  const name = tail[1] as string;
  // The named element must be the document's first element (the root); the DOCTYPE is already blanked out.
  const prolog = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/.exec(text);
  const rootAt = prolog === null ? 0 : prolog[0].length;
  const after = text.charAt(rootAt + 1 + name.length);
  if (!text.startsWith(`<${name}`, rootAt) || !/[\s>/]/.test(after)) return text;
  warnings.add(`the document ends inside the root's end tag </${name}; closed with '>'`);
  return `${text.trimEnd()}>`;
}

/**
 * Parses `input` (already decoded text) into the tree. Throws LinkwrightError('INVALID_INPUT') naming the input and,
 * when the validator locates it, the line and column.
 */
export function parseXmlDocument(input: string, options: ParseXmlOptions): XmlDocument {
  if (input.length > MAX_FEED_CHARS) {
    throw new LinkwrightError(
      'INVALID_INPUT',
      `${options.inputName}: document of ${input.length} characters exceeds the ${MAX_FEED_CHARS}-character cap`,
      {
        ...(options.url === undefined ? {} : { url: options.url }),
        position: { input: options.inputName },
        details: { cap: MAX_FEED_CHARS, length: input.length },
      },
    );
  }
  const warnings = new Warnings();
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  if (text.trim() === '') throw invalid(options, 'empty document, expected an RSS or Atom feed');
  const late = /^(\s+)(<\?xml\s[^>]*\?>)/.exec(text);
  if (late !== null) {
    // XML 1.0 §2.8: the declaration must come first. Servers (PHP templates) often emit a newline before it; the
    // declaration is not needed any more (the text is decoded), so it is blanked, keeping positions.
    warnings.add('white space before the XML declaration');
    text = (late[1] as string) + blank(late[2] as string) + text.slice(late[0].length);
  }
  const taken = takeDoctype(text, options, warnings);
  text = taken.text;
  if (text.includes('\uFFFD')) {
    warnings.add('text contains U+FFFD replacement characters: the bytes were probably decoded with the wrong charset');
  }
  const protectedText = repairReferences(text, options, warnings);
  text = protectedText.text;
  text = closeTruncatedRootEndTag(text, warnings);
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    const where =
      Number.isFinite(line) && Number.isFinite(col) ? { line, column: col } : Number.isFinite(line) ? { line, column: 1 } : undefined;
    throw invalid(options, `malformed XML: ${msg.replace(/\.$/, '')}`, where);
  }
  let raw: unknown;
  try {
    raw = parser.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw invalid(
      options,
      /nested tags/i.test(message) ? `elements nested deeper than ${MAX_XML_DEPTH} levels` : `malformed XML: ${message}`,
    );
  }
  const top = (Array.isArray(raw) ? raw : []).filter(isRawNode);
  const roots = top.filter((n) => tagOf(n) !== null);
  if (roots.length === 0) throw invalid(options, 'no root element');
  if (roots.length > 1) throw invalid(options, `${roots.length} root elements; a document has exactly one`);
  const rootRaw = roots[0] as RawNode;
  const ctx: DecodeContext = {
    entities: taken.doctype.entities,
    htmlEntities: collectHtmlEntities(text, taken.doctype.entities),
    pattern: referencePattern(protectedText.sentinel),
    sentinel: protectedText.sentinel,
    warnings,
    expanded: 0,
    options,
  };
  const root = build(rootRaw, tagOf(rootRaw) as string, new Map(), options.documentBase, ctx);
  return { root, doctypePublicId: taken.doctype.publicId, warnings: warnings.finish() };
}
