/**
 * Niche matching for author discovery: does a post's title or tag list belong to the user's niche?
 *
 * The niche is `{ keywords, tags }` as typed by the user (`linkwright init --niche "seo,link building"`,
 * `discover … --tag seo`). Medium tag slugs are lower-case and hyphenated (shared/notes/medium-data.md §1,
 * "tag slugs are lower-case, hyphenated"), titles are free text, so both sides go through the same folding:
 *
 * 1. Unicode NFKD, combining marks removed, lower-cased ("Café" → "cafe").
 * 2. A possessive `'s` / `’s` is dropped ("Google's" → "google").
 * 3. Split into tokens on every character that is not a letter or digit (so "link-building", "link_building"
 *    and "Link building" give the same tokens).
 * 4. Each token is folded by `foldToken` (below): English plural endings only, plus final y→i and final-e
 *    rules so that singular and plural meet ("niche"/"niches" → "nich", "strategy"/"strategies" → "strategi"). No -ing/-ed stemming on purpose: "marketing" must
 *    not match "market", nor "building" match "build" — a false niche match costs the user an outreach
 *    slot, a missed inflection only costs a point of niche share.
 *
 * Matching (all on folded forms):
 * - a keyword matches a title or a post tag when its tokens occur as a contiguous run of the text's tokens
 *   ("link building" matches the title "Link-building tips" and the tag "link-building"), or when the
 *   keyword written together equals a run of up to 4 text tokens written together, in either direction
 *   ("link building" ↔ tag "linkbuilding", "backlinks" ↔ "back-links");
 * - a niche tag matches a post tag when both written together are equal ("link-building" = "linkbuilding"),
 *   and a title like a keyword does (a user who only gives tags still gets title matches).
 * Keywords match inside longer tags ("seo" matches "local-seo") because Medium tags are often compounds.
 */

/** Tokens that end in "s" but are not English plurals (would otherwise fold to another word: "news" → "new"). */
const NOT_PLURAL = new Set([
  'news',
  'series',
  'species',
  'analytics',
  'physics',
  'economics',
  'mathematics',
  'politics',
  'ethics',
  'statistics',
  'ios',
  'macos',
  'kubernetes',
  'aws',
  'this',
  'its',
  'was',
  'has',
  'plus',
  'yes',
  'gas',
  'bus',
]);

/** Longest run of text tokens tried when comparing compounds ("search-engine-optimization-tips"). */
const MAX_COMPOUND_TOKENS = 4;

/**
 * Folds one lower-case token (rules checked in order; tokens shorter than 4 characters are left alone so
 * "css", "ads", "js", "ai" survive):
 * - `…ies` → `…i` ("strategies" → "strategi", "movies" → "movi"),
 * - `…sses`, `…xes`, `…ches`, `…shes` → drop "es" ("classes" → "class", "searches" → "search"),
 * - `…s` → drop "s", except `…ss`, `…us`, `…is` and the NOT_PLURAL words ("links" → "link", "analysis" stays),
 * - then a final "y" becomes "i" (Porter step 1c) in a token of 4+ characters, so "strategy" and
 *   "strategies" meet at "strategi", and a final "e" is dropped from a token of 5+ characters (Porter 5a):
 *   "niche"/"niches" → "nich", "movie"/"movies" → "movi", "website(s)" → "websit".
 * The folded form is a matching key, not a word; both sides of every comparison are folded the same way.
 */
export function foldToken(token: string): string {
  let t = token;
  if (t.length < 4 || NOT_PLURAL.has(t)) return t;
  if (t.endsWith('ies') && t.length > 4) t = `${t.slice(0, -3)}i`;
  else if (/(?:ss|x|ch|sh)es$/.test(t)) t = t.slice(0, -2);
  else if (t.endsWith('s') && !/(?:ss|us|is)$/.test(t)) t = t.slice(0, -1);
  if (t.endsWith('y') && t.length >= 4) t = `${t.slice(0, -1)}i`;
  else if (t.endsWith('e') && t.length > 4) t = t.slice(0, -1);
  return t;
}

/** Raw lower-case tokens of a text after steps 1–3 (no folding). */
export function rawTokens(text: string): string[] {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’](?:s)(?![\p{L}\p{N}])/gu, '');
  return plain.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Folded tokens of a text (steps 1–4). */
export function foldedTokens(text: string): string[] {
  return rawTokens(text).map(foldToken);
}

/** A text written together and folded as one token: "Link-Buildings" → "linkbuilding". */
export function foldedCompound(text: string): string {
  return foldToken(rawTokens(text).join(''));
}

export interface NicheDefinition {
  /** Free-text keywords or phrases ("link building", "SEO"). */
  keywords: readonly string[];
  /** Medium tag slugs or tag names ("link-building", "seo"). */
  tags: readonly string[];
}

interface CompiledTerm {
  /** The term as the user wrote it (reported back in matches). */
  term: string;
  kind: 'keyword' | 'tag';
  tokens: string[];
  compound: string;
}

export interface CompiledNiche {
  terms: CompiledTerm[];
}

/** Pre-folds the niche terms; terms without any letter or digit are ignored. Duplicates collapse. */
export function compileNiche(niche: NicheDefinition): CompiledNiche {
  const terms: CompiledTerm[] = [];
  const seen = new Set<string>();
  const add = (term: string, kind: 'keyword' | 'tag'): void => {
    if (typeof term !== 'string') return;
    const tokens = foldedTokens(term);
    if (tokens.length === 0) return;
    const compound = foldedCompound(term);
    const key = `${kind}\u0000${tokens.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ term: term.trim(), kind, tokens, compound });
  };
  for (const k of niche.keywords ?? []) add(k, 'keyword');
  for (const t of niche.tags ?? []) add(t, 'tag');
  return { terms };
}

interface PreparedText {
  folded: string[];
  raw: string[];
  compound: string;
}

function prepare(text: string): PreparedText {
  const raw = rawTokens(text);
  return { raw, folded: raw.map(foldToken), compound: foldToken(raw.join('')) };
}

/** Contiguous run of `needle` inside `hay`. */
function containsRun(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** Some run of up to MAX_COMPOUND_TOKENS text tokens, written together and folded, equals `compound`. */
function containsCompound(text: PreparedText, compound: string): boolean {
  for (let i = 0; i < text.raw.length; i++) {
    let joined = '';
    for (let j = i; j < Math.min(text.raw.length, i + MAX_COMPOUND_TOKENS); j++) {
      joined += text.raw[j];
      if (joined.length > compound.length + 3) break;
      if (foldToken(joined) === compound) return true;
    }
  }
  return false;
}

function phraseMatches(term: CompiledTerm, text: PreparedText): boolean {
  if (containsRun(text.folded, term.tokens)) return true;
  return containsCompound(text, term.compound);
}

export type NicheField = 'tag' | 'title';

export interface NicheMatch {
  matched: boolean;
  /** The niche terms that matched (as the user wrote them), in niche order. */
  terms: string[];
  /** Where they matched. */
  fields: NicheField[];
}

/**
 * Whether one post (title and tag slugs; either may be missing) belongs to the niche.
 * Returns null when the post has neither a title nor a tag (nothing to judge — not a "no").
 */
export function matchNiche(niche: CompiledNiche, post: { title: string | null; tags: readonly string[] | null }): NicheMatch | null {
  const title = typeof post.title === 'string' && post.title.trim() !== '' ? prepare(post.title) : null;
  const tags = (post.tags ?? []).filter((t): t is string => typeof t === 'string' && t.trim() !== '').map(prepare);
  if (title === null && tags.length === 0) return null;
  const terms: string[] = [];
  const fields = new Set<NicheField>();
  for (const term of niche.terms) {
    let hit = false;
    for (const tag of tags) {
      const ok = term.kind === 'tag' ? tag.compound === term.compound : phraseMatches(term, tag);
      if (ok) {
        fields.add('tag');
        hit = true;
        break;
      }
    }
    if (title !== null && phraseMatches(term, title)) {
      fields.add('title');
      hit = true;
    }
    if (hit && !terms.includes(term.term)) terms.push(term.term);
  }
  const orderedFields = (['tag', 'title'] as const).filter((f) => fields.has(f));
  return { matched: terms.length > 0, terms, fields: orderedFields };
}
