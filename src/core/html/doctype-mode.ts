/**
 * Quirks-mode decision from the DOCTYPE (HTML Living Standard §13.2.6.4.1 "The initial insertion
 * mode"). It matters to link extraction in one place: in quirks mode a `<table>` start tag does not
 * close an open `<p>` (§13.2.6.4.7), which changes where misnested `<a>` elements are re-opened and
 * therefore how many `<a>` elements a browser's DOM ends up with.
 *
 * The identifier lists are the standard's (lower-cased, compared as prefixes), the same lists parse5
 * ships in `common/doctype.js`.
 */

const QUIRKS_SYSTEM_ID = 'http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd';

const QUIRKS_PUBLIC_ID_PREFIXES = [
  '+//silmaril//dtd html pro v0r11 19970101//',
  '-//as//dtd html 3.0 aswedit + extensions//',
  '-//advasoft ltd//dtd html 3.0 aswedit + extensions//',
  '-//ietf//dtd html 2.0 level 1//',
  '-//ietf//dtd html 2.0 level 2//',
  '-//ietf//dtd html 2.0 strict level 1//',
  '-//ietf//dtd html 2.0 strict level 2//',
  '-//ietf//dtd html 2.0 strict//',
  '-//ietf//dtd html 2.0//',
  '-//ietf//dtd html 2.1e//',
  '-//ietf//dtd html 3.0//',
  '-//ietf//dtd html 3.2 final//',
  '-//ietf//dtd html 3.2//',
  '-//ietf//dtd html 3//',
  '-//ietf//dtd html level 0//',
  '-//ietf//dtd html level 1//',
  '-//ietf//dtd html level 2//',
  '-//ietf//dtd html level 3//',
  '-//ietf//dtd html strict level 0//',
  '-//ietf//dtd html strict level 1//',
  '-//ietf//dtd html strict level 2//',
  '-//ietf//dtd html strict level 3//',
  '-//ietf//dtd html strict//',
  '-//ietf//dtd html//',
  '-//metrius//dtd metrius presentational//',
  '-//microsoft//dtd internet explorer 2.0 html strict//',
  '-//microsoft//dtd internet explorer 2.0 html//',
  '-//microsoft//dtd internet explorer 2.0 tables//',
  '-//microsoft//dtd internet explorer 3.0 html strict//',
  '-//microsoft//dtd internet explorer 3.0 html//',
  '-//microsoft//dtd internet explorer 3.0 tables//',
  '-//netscape comm. corp.//dtd html//',
  '-//netscape comm. corp.//dtd strict html//',
  "-//o'reilly and associates//dtd html 2.0//",
  "-//o'reilly and associates//dtd html extended 1.0//",
  "-//o'reilly and associates//dtd html extended relaxed 1.0//",
  '-//sq//dtd html 2.0 hotmetal + extensions//',
  '-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//',
  '-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//',
  '-//spyglass//dtd html 2.0 extended//',
  '-//sun microsystems corp.//dtd hotjava html//',
  '-//sun microsystems corp.//dtd hotjava strict html//',
  '-//w3c//dtd html 3 1995-03-24//',
  '-//w3c//dtd html 3.2 draft//',
  '-//w3c//dtd html 3.2 final//',
  '-//w3c//dtd html 3.2//',
  '-//w3c//dtd html 3.2s draft//',
  '-//w3c//dtd html 4.0 frameset//',
  '-//w3c//dtd html 4.0 transitional//',
  '-//w3c//dtd html experimental 19960712//',
  '-//w3c//dtd html experimental 970421//',
  '-//w3c//dtd w3 html//',
  '-//w3o//dtd w3 html 3.0//',
  '-//webtechs//dtd mozilla html 2.0//',
  '-//webtechs//dtd mozilla html//',
];
const QUIRKS_NO_SYSTEM_ID_PREFIXES = ['-//w3c//dtd html 4.01 frameset//', '-//w3c//dtd html 4.01 transitional//'];
const QUIRKS_PUBLIC_IDS = new Set(['-//w3o//dtd w3 html strict 3.0//en//', '-/w3c/dtd html 4.0 transitional/en', 'html']);

/**
 * True when a document whose DOCTYPE token reads `declaration` (the text between `<!` and `>`,
 * e.g. `DOCTYPE html PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"`) is parsed in quirks mode.
 * A document without any DOCTYPE is in quirks mode too (call with null).
 */
export function isQuirksDoctype(declaration: string | null): boolean {
  if (declaration === null) return true;
  // Pages repeat a handful of DOCTYPEs; remember the verdicts (bounded).
  const hit = QUIRKS_CACHE.get(declaration);
  if (hit !== undefined) return hit;
  const v = decide(declaration);
  if (QUIRKS_CACHE.size >= 256) QUIRKS_CACHE.clear();
  QUIRKS_CACHE.set(declaration, v);
  return v;
}

const QUIRKS_CACHE = new Map<string, boolean>();

function decide(declaration: string): boolean {
  const m = /^doctype\s*([^\s"'>]*)\s*(.*)$/is.exec(declaration.trim());
  if (m === null) return true;
  const name = (m[1] ?? '').toLowerCase();
  if (name !== 'html') return true;
  const rest = m[2] ?? '';
  let publicId: string | null = null;
  let systemId: string | null = null;
  const pub = /^public\s*(["'])(.*?)(?:\1|$)\s*(?:(["'])(.*?)(?:\3|$))?/is.exec(rest);
  if (pub !== null) {
    publicId = (pub[2] ?? '').toLowerCase();
    systemId = pub[4] === undefined ? null : pub[4].toLowerCase();
  } else {
    const sys = /^system\s*(["'])(.*?)(?:\1|$)/is.exec(rest);
    if (sys !== null) systemId = (sys[2] ?? '').toLowerCase();
  }
  if (systemId === QUIRKS_SYSTEM_ID) return true;
  if (publicId === null) return false;
  if (QUIRKS_PUBLIC_IDS.has(publicId)) return true;
  if (QUIRKS_PUBLIC_ID_PREFIXES.some((p) => publicId.startsWith(p))) return true;
  return systemId === null && QUIRKS_NO_SYSTEM_ID_PREFIXES.some((p) => publicId.startsWith(p));
}
