/**
 * HTML named character references inside XML feeds.
 *
 * `&aacute;`, `&nbsp;`, `&rsquo;` are undeclared entities in XML (not well-formed, XML 1.0 §4.1 WFC "Entity
 * Declared"), yet feeds are full of them: the RSS 0.91 DTD (`-//Netscape Communications//DTD RSS 0.91//EN`) declares
 * the HTML Latin-1 set, and later feeds kept writing them without a DTD. feedparser decodes every HTML name
 * (feedparser/mixin.py `handle_entityref`, Python's html.entities) and leaves unknown names as written
 * (`conformance/feedparser/entities/`: 216 checks, `doesnotexist.xml` stays `&doesnotexist;`). fast-xml-parser only
 * knows a few dozen HTML names, so the table comes from htmlparser2 (already a dependency), which carries the full
 * WHATWG list — we ask its tokenizer to decode exactly `&name;`.
 */
import { Parser } from 'htmlparser2';

/** Memoised answers for names already seen (bounded: the WHATWG table has 2,231 entries, misses are few). */
const cache = new Map<string, string | null>();
const CACHE_LIMIT = 4096;
/** Between names in the batch: a private-use character no entity decodes to (`&NewLine;` is a line feed). */
const SEPARATOR = '\uE000';
/** Longest WHATWG entity name is 31 characters (`&CounterClockwiseContourIntegral;`); all are ASCII alphanumerics. */
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9]{1,31}$/;

/**
 * The text an HTML parser gives for each `&name;`, or null when `name` is not an HTML entity name. All names of a
 * document go through one tokenizer run (one per batch, not per name), so a document with a million distinct
 * undeclared names costs one linear pass.
 */
export function decodeHtmlNamedEntities(names: Iterable<string>): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const pending: string[] = [];
  for (const name of names) {
    if (out.has(name)) continue;
    const hit = cache.get(name);
    if (hit !== undefined) out.set(name, hit);
    else if (!ENTITY_NAME.test(name)) out.set(name, null);
    else {
      out.set(name, null);
      pending.push(name);
    }
  }
  if (pending.length === 0) return out;
  let text = '';
  const parser = new Parser({ ontext: (t) => (text += t) }, { decodeEntities: true });
  parser.end(pending.map((n) => `&${n};`).join(SEPARATOR));
  const decoded = text.split(SEPARATOR);
  pending.forEach((name, i) => {
    const piece = decoded[i] ?? '';
    // HTML also decodes legacy prefixes without `;` (`&notit;` → `¬it;`); only an exact match counts here.
    const value = piece !== '' && !piece.includes('&') && !piece.includes(';') ? piece : null;
    out.set(name, value);
    if (cache.size < CACHE_LIMIT) cache.set(name, value);
  });
  return out;
}

/** One name; see decodeHtmlNamedEntities. */
export function decodeHtmlNamedEntity(name: string): string | null {
  return decodeHtmlNamedEntities([name]).get(name) ?? null;
}
