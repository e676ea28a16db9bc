/**
 * `extractLinks`: every `<a href>`, `<area href>`, `<link href>` and `<base href>` element of an HTML
 * document, in document order, as a spec-conformant parser builds the DOM (html-scan.ts), with
 * entity-decoded hrefs, resolved URLs, rel tokens and anchor text. Pure, no I/O.
 */
import { type ScannedLink, type ScannedLinkTag, scanHtml } from './html-scan.js';
import { documentBaseUrl, LinkResolver } from './link-resolver.js';
import { collapseWhitespace, relTokens } from './link-text.js';

/**
 * Default cap on a/area links kept per page. Heritrix 3 caps outlinks at 6,000 per page
 * (`maxOutlinks`, crawler profile defaults); reliability note R8 suggests 5,000 for us.
 */
export const MAX_OUTLINKS = 5000;

export interface ExtractedLink {
  tag: ScannedLinkTag;
  /** The attribute as written: entity-decoded, untrimmed (CRLF normalised to LF). */
  href: string;
  /** Absolute http(s) URL after resolution against `<base>` and `baseUrl`, else null. */
  url: string | null;
  /** Lower-cased rel tokens, in order, deduplicated. */
  rel: string[];
  /** Whitespace-collapsed text (a), or the alt text of an image-only link / of an area. */
  anchorText: string;
  /**
   * The parser re-opened a misnested `<a>` (active formatting elements / adoption agency): the DOM
   * really has this extra `<a>` element, so browsers and DOM-based crawlers see one more link.
   */
  clone: boolean;
}

export interface ExtractLinksOptions {
  /** The document's URL, for resolving relative hrefs (and a relative `<base href>`). */
  baseUrl?: string;
  /** Cap on a/area links (default MAX_OUTLINKS); link/base elements are capped at twice that. */
  maxLinks?: number;
  /**
   * Parse the input as a fragment inside this element (HTML §13.4 fragment parsing, as html5lib's
   * `#document-fragment` tests do), e.g. `table` or `td`. Default: a full document.
   */
  fragmentContext?: string;
}

/** Anchor text of a scanned link: collapsed text, else the image alt (or the area alt). */
export function anchorTextOf(link: ScannedLink): string {
  const text = link.tag === 'a' ? collapseWhitespace(link.text) : '';
  if (text !== '') return text;
  return link.alt === null ? '' : collapseWhitespace(link.alt);
}

export function extractLinks(html: string, options: ExtractLinksOptions = {}): ExtractedLink[] {
  const scan = scanHtml(html, {
    maxLinks: options.maxLinks ?? MAX_OUTLINKS,
    // The scan is consumed before this function returns.
    reuseBuffers: true,
    ...(options.fragmentContext === undefined ? {} : { fragmentContext: options.fragmentContext }),
  });
  const resolver = new LinkResolver(documentBaseUrl(scan.links, options.baseUrl));
  return scan.links.map((l) => ({
    tag: l.tag,
    href: l.href,
    url: resolver.resolve(l.href)?.url ?? null,
    rel: relTokens(l.rel),
    anchorText: l.tag === 'a' || l.tag === 'area' ? anchorTextOf(l) : '',
    clone: l.clone,
  }));
}
