/** Escaping for the synthetic Medium pages and feeds: every text that goes into markup passes through here. */

const HTML_TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const HTML_ATTR: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

/** Text content of an element. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_TEXT[c] ?? c);
}

/** A double-quoted attribute value. */
export function escapeAttr(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ATTR[c] ?? c);
}

/** XML text (RSS elements without CDATA). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ATTR[c] ?? c);
}

/** A CDATA section; `]]>` inside the text is split so the section cannot end early. */
export function cdata(text: string): string {
  return `<![CDATA[${text.replace(/\]\]>/g, ']]]]><![CDATA[>')}]]>`;
}

/**
 * JSON for an inline `<script>`: `<`, `>`, `&` and the JS line separators are \u-escaped so the text can neither
 * close the script nor break the JS parser, and `/` is written `\u002F` as Medium's serializer does (seen in the
 * 2020 fixture's state and JSON-LD).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\//g, '\\u002F')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mar 17, 2015" — the date format of Medium's bylines (UTC, so renders are reproducible). */
export function displayDate(iso: string): string {
  const d = new Date(iso);
  return `${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** RFC 822 date as in RSS `pubDate`/`lastBuildDate` ("Fri, 24 Nov 2023 18:27:40 GMT"). */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function isoToEpochMs(iso: string | null | undefined): number {
  if (iso === null || iso === undefined) return 0;
  const t = new Date(iso).getTime();
  return Number.isNaN(t) ? 0 : t;
}
