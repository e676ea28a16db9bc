/**
 * Relative URLs inside a feed's embedded HTML (an entry's content, summary, title), made absolute against the
 * element's base — what feedparser does by default (feedparser/urls.py `RelativeURIResolver`), and what a backlink
 * audit needs: a link in a post's body must name the page it points at.
 *
 * The HTML is tokenised with htmlparser2 and only the start tags that carry a URL attribute whose value changes are
 * rewritten; every other byte stays as the feed had it. (feedparser re-serialises the whole fragment; we do not
 * want a reader that silently reformats content.) Unsafe results (`javascript:`…) keep the original value, as in
 * feedparser's `make_safe_absolute_uri`.
 */
import { Parser } from 'htmlparser2';
import { safeAbsoluteIri } from './iri.js';
import { lookupTable } from './lookup-table.js';

/** feedparser/urls.py `RelativeURIResolver.relative_uris`: (element, attribute) pairs holding a URL. */
export const URL_ATTRIBUTES = lookupTable<readonly string[]>({
  a: ['href'],
  applet: ['codebase'],
  area: ['href'],
  audio: ['src'],
  blockquote: ['cite'],
  body: ['background'],
  del: ['cite'],
  form: ['action'],
  frame: ['longdesc', 'src'],
  iframe: ['longdesc', 'src'],
  head: ['profile'],
  img: ['longdesc', 'src', 'usemap'],
  input: ['src', 'usemap'],
  ins: ['cite'],
  link: ['href'],
  object: ['classid', 'codebase', 'data', 'usemap'],
  q: ['cite'],
  script: ['src'],
  source: ['src'],
  video: ['poster', 'src'],
});

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** `html` with the URL attributes of known elements resolved against `base`. */
export function resolveHtmlUris(html: string, base: string | null): string {
  if (base === null || base === '' || !html.includes('<')) return html;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  // Posts repeat their links (share buttons, footers); each distinct value is resolved once.
  const resolvedValues = new Map<string, string>();
  const resolve = (value: string): string => {
    let r = resolvedValues.get(value);
    if (r === undefined) {
      r = safeAbsoluteIri(base, value.trim());
      resolvedValues.set(value, r);
    }
    return r;
  };
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs, implied) {
        const keys = URL_ATTRIBUTES[name];
        if (implied || keys === undefined) return;
        let changed = false;
        const out: Record<string, string> = { ...attribs };
        for (const key of keys) {
          const value = attribs[key];
          if (value === undefined) continue;
          const resolved = resolve(value);
          if (resolved !== '' && resolved !== value) {
            out[key] = resolved;
            changed = true;
          }
        }
        if (!changed) return;
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const selfClosing = /\/\s*>$/.test(html.slice(start, end));
        const attrText = Object.entries(out)
          .map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`)
          .join('');
        edits.push({ start, end, text: `<${name}${attrText}${selfClosing ? ' />' : '>'}` });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (edits.length === 0) return html;
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += html.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + html.slice(at);
}
