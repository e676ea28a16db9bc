/**
 * Keyword research from Medium stories (issue 6 "Keyword research from Medium"; DESIGN §1): given the
 * stories of a corpus (stored posts, tag-feed items, saved pages) and a seed keyphrase, report
 *   - related tags: tags that go with the niche more than chance (association-rule lift);
 *   - key terms and 2–3-word phrases of the niche, ranked by BM25 against a background of the other stories;
 *   - competition per phrase: how many stories already use it, their median and top claps, top authors;
 *   - writing targets from the niche's best stories: Semrush SEO Writing Assistant's "match the top 10"
 *     idea (feature-anchors §1.4: the target is the average of the top-10 rival pages), with medians.
 * Pure and deterministic: no I/O, no clock; stories are de-duplicated and sorted by key first and every
 * sort has explicit tie-breaks, so the same set of stories in any order gives the same report.
 */
import { mediumTagSlug } from '../medium/medium-ids.js';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { containsKeyphrase, type Keyphrase, type MatchUnit, parseKeyphrase, unitOfSentences } from '../content/language/keyphrase.js';
import { analyseTexts } from '../content/language/text-analysis.js';
import { wink } from '../content/language/wink.js';
import { GramIndex } from './gram-index.js';
import { HARD_BREAK, KeywordVocabulary, type StoryTokens, tokeniseStory } from './keyword-tokens.js';
import type {
  CompetitionAuthor,
  KeywordOptions,
  KeywordQuery,
  KeywordReport,
  KeywordStory,
  PhraseCompetition,
  RankedTerm,
  RelatedTag,
  WritingTargets,
} from './keyword-types.js';

/** Documented defaults of `KeywordOptions`. */
export const KEYWORD_DEFAULTS = {
  /** Rows kept per list (related tags, terms, phrases). Twenty fits one terminal screen per list. */
  limit: 20,
  /**
   * A related tag or a term must occur in at least this many niche stories (minimum support, Agrawal,
   * Imieliński & Swami 1993): a word or tag seen in one story is that author's habit, not the niche's.
   */
  minNicheStories: 2,
  /**
   * BM25 parameters: Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond"
   * (2009) §3.3 report k1 in 1.2–2.0 and b = 0.75 as good defaults; Lucene's BM25Similarity and wink-nlp's
   * bm25-vectorizer default to k1 = 1.2, b = 0.75.
   */
  k1: 1.2,
  b: 0.75,
  /** Semrush SEO Writing Assistant compares a draft with the Google top 10 (feature-anchors §1.4). */
  topStories: 10,
  /** Competition rows after the seed's own row (issue 6 asks for competition "per phrase"; ten keeps the table short). */
  competitionRows: 10,
} as const satisfies Required<KeywordOptions>;

/** Bounds that keep a run linear in the corpus size (not options: they protect memory and time). */
export const KEYWORD_LIMITS = {
  /**
   * Body characters tokenised per story. 60,000 characters is about 10,000 words, a 38-minute read at
   * Medium's 265 words a minute (Medium help "Read time"); longer bodies are cut at a space.
   */
  maxBodyChars: 60_000,
  /**
   * Distinct n-grams (1–3 words) counted per story; after this many, new grams of that story are ignored
   * (grams already seen keep counting). A 1,500-word story yields about 2,000–3,000 distinct grams, so
   * the cap only bites in very long stories, where the dropped grams are mostly once-only trigrams late
   * in the text. The same cap applies to niche and background stories, so document frequencies agree.
   */
  maxGramsPerStory: 6_000,
} as const;

/** Rounding of reported scores, confidences and lifts (4 decimals: enough to rank, short in JSON/CSV). */
const SCORE_DECIMALS = 4;

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Byte-order string comparison (locale-independent, so sorting never depends on the machine). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Medium tag slugs (one rule for the whole project: core/medium/medium-ids.ts). */
export const tagSlug: (text: string) => string = mediumTagSlug;

/** Median; for an even count the mean of the two middle values. null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid] as number;
  return ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function hasText(s: KeywordStory): boolean {
  return s.text !== null && s.text.trim() !== '';
}

/** Which of two stories with the same key carries more information (text, then claps, then the rest). */
function richer(a: KeywordStory, b: KeywordStory): KeywordStory {
  const score = (s: KeywordStory): number[] => [
    hasText(s) ? 1 : 0,
    s.claps === null ? 0 : 1,
    s.text?.length ?? 0,
    s.claps ?? -1,
    s.stats === null ? 0 : 1,
    s.tags.length,
    s.title === null ? 0 : 1,
  ];
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < sa.length; i++) {
    const d = (sa[i] as number) - (sb[i] as number);
    if (d !== 0) return d > 0 ? a : b;
  }
  // Same amount of information: pick by content so the choice never depends on input order.
  return cmp(JSON.stringify(a), JSON.stringify(b)) <= 0 ? a : b;
}

function checkOption(name: string, value: number, ok: boolean): void {
  if (!ok) {
    throw new LinkwrightError('INVALID_INPUT', `keywords: option ${name} has an invalid value (${value})`, {
      details: { option: name, value },
    });
  }
}

function resolveOptions(options: KeywordOptions): Required<KeywordOptions> {
  const o = {
    ...KEYWORD_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  } as Required<KeywordOptions>;
  checkOption('limit', o.limit, Number.isInteger(o.limit) && o.limit >= 1);
  checkOption('minNicheStories', o.minNicheStories, Number.isInteger(o.minNicheStories) && o.minNicheStories >= 1);
  checkOption('k1', o.k1, Number.isFinite(o.k1) && o.k1 >= 0);
  checkOption('b', o.b, Number.isFinite(o.b) && o.b >= 0 && o.b <= 1);
  checkOption('topStories', o.topStories, Number.isInteger(o.topStories) && o.topStories >= 1);
  checkOption('competitionRows', o.competitionRows, Number.isInteger(o.competitionRows) && o.competitionRows >= 0);
  return o;
}

function capBody(text: string): string {
  if (text.length <= KEYWORD_LIMITS.maxBodyChars) return text;
  const cut = text.slice(0, KEYWORD_LIMITS.maxBodyChars);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : cut;
}

interface Prepared {
  story: KeywordStory;
  tags: string[];
  niche: boolean;
  withText: boolean;
  titleUnit: MatchUnit;
  /** Title (+ body when known) as token ids; null when the story has neither. */
  tok: StoryTokens | null;
}

/** One story's grams and their term frequencies (reused from story to story). */
class StoryGrams {
  readonly index = new GramIndex(8192);
  tf: number[] = [];

  reset(): void {
    this.index.clear();
    this.tf.length = 0;
  }

  add(a: number, b: number, c: number): void {
    const k = this.index.find(a, b, c);
    if (k >= 0) {
      this.tf[k] = (this.tf[k] as number) + 1;
      return;
    }
    if (this.index.size >= KEYWORD_LIMITS.maxGramsPerStory) return;
    this.index.add(a, b, c);
    this.tf.push(1);
  }
}

/**
 * Count the 1–3-grams of a story: never across a break (so never across a sentence); a single word must
 * not be a function word; a 2–3-gram must not start or end with one (a function word inside is fine:
 * "link in bio"). Identity = the stems.
 */
function countStoryGrams(tokens: Int32Array, vocab: KeywordVocabulary, out: StoryGrams): void {
  out.reset();
  const { stemOf, functionWord } = vocab;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t0 = tokens[i] as number;
    if (t0 < 0) continue;
    const fn0 = functionWord[t0] === 1;
    const s0 = stemOf[t0] as number;
    if (!fn0) out.add(s0, 0, 0);
    const t1 = i + 1 < n ? (tokens[i + 1] as number) : -1;
    if (t1 < 0 || fn0) continue;
    const s1 = stemOf[t1] as number;
    if (functionWord[t1] !== 1) out.add(s0, s1, 0);
    const t2 = i + 2 < n ? (tokens[i + 2] as number) : -1;
    if (t2 < 0 || functionWord[t2] === 1) continue;
    out.add(s0, s1, stemOf[t2] as number);
  }
}

/**
 * Visit every 1–3-word window of a story's unbroken runs that is a gram of `index` (no function-word
 * rules: the index only holds valid grams). Used for display forms and competition.
 */
function eachIndexedGram(
  tokens: Int32Array,
  vocab: KeywordVocabulary,
  index: GramIndex,
  visit: (gram: number, start: number, words: number) => void,
): void {
  const { stemOf } = vocab;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t0 = tokens[i] as number;
    if (t0 < 0) continue;
    const s0 = stemOf[t0] as number;
    let g = index.find(s0, 0, 0);
    if (g >= 0) visit(g, i, 1);
    const t1 = i + 1 < n ? (tokens[i + 1] as number) : -1;
    if (t1 < 0) continue;
    const s1 = stemOf[t1] as number;
    g = index.find(s0, s1, 0);
    if (g >= 0) visit(g, i, 2);
    const t2 = i + 2 < n ? (tokens[i + 2] as number) : -1;
    if (t2 < 0) continue;
    g = index.find(s0, s1, stemOf[t2] as number);
    if (g >= 0) visit(g, i, 3);
  }
}

/** Every niche gram seen: the index and per-gram data in parallel arrays indexed by gram id. */
interface GramTable {
  index: GramIndex;
  niche: number[];
  background: number[];
  /** Σ over niche stories of BM25's saturated, length-normalised tf part (idf applied at the end). */
  tfPart: number[];
}

function gramKeyText(t: GramTable, g: number, vocab: KeywordVocabulary): string {
  const ids = [t.index.a[g] as number, t.index.b[g] as number, t.index.c[g] as number].filter((x) => x > 0);
  return ids.map((x) => vocab.stems[x] as string).join(' ');
}

interface Scored {
  gram: number;
  key: string;
  words: number;
  score: number;
  raw: number;
  niche: number;
  background: number;
}

/**
 * Research keywords for `query` in `stories`.
 *
 * BM25 is written here by hand (about 20 lines) rather than with wink-nlp's `bm25-vectorizer` (stack
 * note §3), because that vectorizer does not fit this computation: (1) its document length is the number
 * of tokens learned, so feeding it 1–3-gram keys would make length ≈ 3 × words and tie it to the n-gram
 * filters instead of the story's word count; (2) it computes and stores weights for every learned
 * document and sorts the whole vocabulary (`Object.keys(idf).sort()`), while only niche stories need
 * weights — on a 2,000-story corpus that is millions of background (gram, story) weights and a sort of
 * about a million trigram keys for nothing; (3) it rounds every weight to 6 decimals before we sum them.
 * The formula is the same as wink's (and Lucene's): idf = ln(1 + (N − df + 0.5)/(df + 0.5)),
 * weight = idf · tf·(k1+1)/(tf + k1·(1 − b + b·len/avglen)).
 */
export function researchKeywords(stories: readonly KeywordStory[], query: KeywordQuery, options: KeywordOptions = {}): KeywordReport {
  const o = resolveOptions(options);
  const seed = parseKeyphrase(query.seed);
  if (seed === null)
    throw new LinkwrightError('INVALID_INPUT', 'keywords: the seed keyphrase has no words', { details: { seed: query.seed } });
  const seedText = seed.raw;
  const { stem } = wink();
  const seedKey = (seed.exact ? seed.content.map((t) => stem(t)) : seed.keys).join(' ');

  // Niche tags: the user's tags slugged, then the seed's own slug (issue 6: the seed's slug is always added).
  const nicheTags: string[] = [];
  for (const t of [...query.tags, query.seed]) {
    const slug = tagSlug(t);
    if (slug !== '' && !nicheTags.includes(slug)) nicheTags.push(slug);
  }
  const nicheTagSet = new Set(nicheTags);

  // De-duplicate by key (keep the richer record), then fix the order by key.
  const byKey = new Map<string, KeywordStory>();
  for (const s of stories) {
    const prev = byKey.get(s.key);
    byKey.set(s.key, prev === undefined ? s : richer(prev, s));
  }
  const unique = [...byKey.values()].sort((x, y) => cmp(x.key, y.key));

  // Titles through the checker's own analysis, so the niche rule matches titles exactly as the content
  // checker matches a keyphrase in a title (per-word, word forms; exact when the seed is quoted).
  const titleSentences = analyseTexts(unique.map((s) => s.title ?? ''));
  const vocab = new KeywordVocabulary();
  const prepared: Prepared[] = unique.map((story, i) => {
    const tags = [...new Set(story.tags.map(tagSlug).filter((t) => t !== ''))].sort(cmp);
    const titleUnit = unitOfSentences(titleSentences[i] ?? []);
    const niche = tags.some((t) => nicheTagSet.has(t)) || containsKeyphrase(seed, titleUnit);
    const withText = hasText(story);
    const title = story.title !== null && story.title.trim() !== '' ? story.title : null;
    const tok = withText || title !== null ? tokeniseStory(vocab, title, withText ? capBody(story.text as string) : null) : null;
    return { story, tags, niche, withText, titleUnit, tok };
  });

  const niche = prepared.filter((p) => p.niche);
  const background = prepared.filter((p) => !p.niche);
  const withText = prepared.filter((p) => p.withText);
  const nicheWithText = niche.filter((p) => p.withText);

  const warnings: KeywordReport['warnings'] = [];
  // "the", "of the": every story's title holds it, so the niche means nothing (the keyphrase parser keeps
  // all words of a function-word-only phrase). Said first: it explains every other figure.
  if (seed.functionWordsOnly && !seed.exact) warnings.push({ id: 'keywords.seed-function-words', params: { seed: seedText } });
  if (prepared.length === 0) warnings.push({ id: 'keywords.empty-corpus', params: {} });
  else {
    if (withText.length === 0) warnings.push({ id: 'keywords.no-text', params: { stories: prepared.length } });
    if (niche.length === 0) warnings.push({ id: 'keywords.no-niche', params: { seed: seedText, tags: nicheTags.join(', ') } });
    // Every story is in the niche: idf is then computed within the niche only, so terms rank by how
    // unevenly they spread over niche stories, not by how specific they are to the niche.
    else if (background.length === 0) warnings.push({ id: 'keywords.no-background', params: { niche: niche.length } });
    if (niche.length > 0 && withText.length > 0 && nicheWithText.length < o.minNicheStories) {
      warnings.push({ id: 'keywords.few-stories', params: { niche: nicheWithText.length, needed: o.minNicheStories } });
    }
  }

  const relatedTags = computeRelatedTags(prepared, niche, nicheTagSet, o);
  const { terms, phrases, table } = computeTerms(prepared, withText, nicheWithText, vocab, o);
  const display = displayTexts([...terms, ...phrases], table, niche, vocab);
  const rankedTerms = terms.map((s) => toRanked(s, display));
  const rankedPhrases = phrases.map((s) => toRanked(s, display));
  const competition = computeCompetition(
    prepared,
    seed,
    seedText,
    seedKey,
    [...rankedPhrases, ...rankedTerms],
    [...phrases, ...terms],
    table,
    vocab,
    o,
  );
  const targets = computeTargets(niche, o.topStories);

  return {
    seed: seedText,
    nicheTags,
    corpus: { stories: prepared.length, niche: niche.length, background: background.length, withText: withText.length },
    relatedTags,
    terms: rankedTerms,
    phrases: rankedPhrases,
    competition,
    targets,
    warnings,
  };
}

/**
 * Related tags by association-rule lift. For the rule niche ⇒ t: confidence = P(t | niche) =
 * together ÷ niche (Agrawal, Imieliński & Swami, "Mining association rules between sets of items in large
 * databases", SIGMOD 1993), and lift ("interest") = confidence ÷ P(t) (Brin, Motwani, Ullman & Tsur,
 * "Dynamic itemset counting and implication rules for market basket data", SIGMOD 1997): 1 means
 * independent, above 1 the tag goes with the niche more often than chance.
 */
function computeRelatedTags(
  all: readonly Prepared[],
  niche: readonly Prepared[],
  nicheTags: ReadonlySet<string>,
  o: Required<KeywordOptions>,
): RelatedTag[] {
  if (niche.length === 0) return [];
  const minSupport = niche.length < o.minNicheStories ? 1 : o.minNicheStories;
  const together = new Map<string, number>();
  for (const p of niche) for (const t of p.tags) if (!nicheTags.has(t)) together.set(t, (together.get(t) ?? 0) + 1);
  const tagStories = new Map<string, number>();
  for (const p of all) for (const t of p.tags) if (together.has(t)) tagStories.set(t, (tagStories.get(t) ?? 0) + 1);
  const rows: RelatedTag[] = [];
  for (const [tag, n] of together) {
    if (n < minSupport) continue;
    const inCorpus = tagStories.get(tag) ?? n;
    const confidence = n / niche.length;
    const lift = confidence / (inCorpus / all.length);
    rows.push({ tag, together: n, tagStories: inCorpus, confidence: round(confidence, SCORE_DECIMALS), lift: round(lift, SCORE_DECIMALS) });
  }
  rows.sort((x, y) => y.lift - x.lift || y.together - x.together || cmp(x.tag, y.tag));
  return rows.slice(0, o.limit);
}

function computeTerms(
  all: readonly Prepared[],
  withText: readonly Prepared[],
  nicheWithText: readonly Prepared[],
  vocab: KeywordVocabulary,
  o: Required<KeywordOptions>,
): { terms: Scored[]; phrases: Scored[]; table: GramTable } {
  const table: GramTable = { index: new GramIndex(), niche: [], background: [], tfPart: [] };
  if (nicheWithText.length === 0) return { terms: [], phrases: [], table };
  const N = withText.length;
  let totalWords = 0;
  for (const p of withText) totalWords += p.tok?.words ?? 0;
  const avgLen = totalWords / N;
  const { k1, b } = o;
  const scratch = new StoryGrams();

  // Niche pass: story frequency and Σ of the tf part of BM25 (idf is per gram, applied once at the end).
  for (const p of nicheWithText) {
    const tok = p.tok as StoryTokens;
    countStoryGrams(tok.tokens, vocab, scratch);
    const norm = k1 * (1 - b + (avgLen > 0 ? (b * tok.words) / avgLen : b));
    const local = scratch.index;
    for (let s = 0; s < local.size; s++) {
      const g = table.index.add(local.a[s] as number, local.b[s] as number, local.c[s] as number);
      if (g === table.niche.length) {
        table.niche.push(0);
        table.background.push(0);
        table.tfPart.push(0);
      }
      const tf = scratch.tf[s] as number;
      table.niche[g] = (table.niche[g] as number) + 1;
      table.tfPart[g] = (table.tfPart[g] as number) + (tf * (k1 + 1)) / (tf + norm);
    }
  }
  const minSupport = nicheWithText.length < o.minNicheStories ? 1 : o.minNicheStories;
  const keep = new Uint8Array(table.index.size);
  let kept = 0;
  for (let g = 0; g < keep.length; g++) {
    if ((table.niche[g] as number) >= minSupport) {
      keep[g] = 1;
      kept++;
    }
  }
  // Background pass: document frequency of the kept grams only (same gram rules and per-story cap).
  if (kept > 0) {
    for (const p of all) {
      if (p.niche || !p.withText) continue;
      countStoryGrams((p.tok as StoryTokens).tokens, vocab, scratch);
      const local = scratch.index;
      for (let s = 0; s < local.size; s++) {
        const g = table.index.find(local.a[s] as number, local.b[s] as number, local.c[s] as number);
        if (g >= 0 && keep[g] === 1) table.background[g] = (table.background[g] as number) + 1;
      }
    }
  }
  const scored: Scored[] = [];
  for (let g = 0; g < keep.length; g++) {
    if (keep[g] !== 1) continue;
    const nicheN = table.niche[g] as number;
    const backN = table.background[g] as number;
    const df = nicheN + backN;
    const idf = Math.log(1 + (N - df + 0.5) / (df + 0.5));
    const raw = (idf * (table.tfPart[g] as number)) / nicheWithText.length;
    scored.push({
      gram: g,
      key: gramKeyText(table, g, vocab),
      words: table.index.words(g),
      score: round(raw, SCORE_DECIMALS),
      raw,
      niche: nicheN,
      background: backN,
    });
  }
  const dropped = containedPhrases(scored, table.index);
  const order = (x: Scored, y: Scored): number => y.score - x.score || y.niche - x.niche || cmp(x.key, y.key);
  const live = scored.filter((s) => !dropped.has(s.gram)).sort(order);
  return {
    terms: live.filter((s) => s.words === 1).slice(0, o.limit),
    phrases: live.filter((s) => s.words > 1).slice(0, o.limit),
    table,
  };
}

/**
 * Containment rule: a term or phrase X is dropped when it is a contiguous part of a longer phrase Y
 * ("link" ⊂ "link building" ⊂ "link building strategy") that scores at least as high AND occurs in
 * exactly as many niche stories. Then X carries no evidence of its own — in every niche story that has
 * it, it mostly occurs as part of Y — and listing both would repeat one finding. "At least as high"
 * rather than "higher": when X only ever occurs inside Y, both have the same tf and df and so exactly the
 * same score, which is the purest case of one finding listed twice. X is kept when it occurs in more
 * niche stories than Y (a broader keyword in its own right) or scores higher (it also occurs on its own,
 * so its tf is higher).
 */
function containedPhrases(scored: readonly Scored[], index: GramIndex): Set<number> {
  const byGram = new Map<number, Scored>();
  for (const s of scored) byGram.set(s.gram, s);
  const dropped = new Set<number>();
  for (const y of scored) {
    if (y.words === 1) continue;
    const a = index.a[y.gram] as number;
    const b = index.b[y.gram] as number;
    const c = index.c[y.gram] as number;
    const parts = [index.find(a, 0, 0), index.find(b, 0, 0)];
    if (c > 0) parts.push(index.find(c, 0, 0), index.find(a, b, 0), index.find(b, c, 0));
    for (const g of parts) {
      const x = g < 0 ? undefined : byGram.get(g);
      if (x !== undefined && x.niche === y.niche && y.raw >= x.raw) dropped.add(x.gram);
    }
  }
  return dropped;
}

/** Most frequent surface form (lower-cased words as written) of each listed gram over the niche stories; ties → alphabetical. */
function displayTexts(
  list: readonly Scored[],
  table: GramTable,
  niche: readonly Prepared[],
  vocab: KeywordVocabulary,
): Map<number, string> {
  const forms = new Map<number, Map<string, number>>();
  for (const s of list) forms.set(s.gram, new Map());
  if (forms.size > 0) {
    const { terms } = vocab;
    for (const p of niche) {
      if (!p.withText || p.tok === null) continue;
      const t = p.tok.tokens;
      eachIndexedGram(t, vocab, table.index, (gram, start, words) => {
        const counts = forms.get(gram);
        if (counts === undefined) return;
        let form = terms[t[start] as number] as string;
        for (let w = 1; w < words; w++) form += ` ${terms[t[start + w] as number] as string}`;
        counts.set(form, (counts.get(form) ?? 0) + 1);
      });
    }
  }
  const out = new Map<number, string>();
  for (const [gram, counts] of forms) {
    let best = '';
    let bestN = -1;
    for (const [form, n] of counts) {
      if (n > bestN || (n === bestN && cmp(form, best) < 0)) {
        best = form;
        bestN = n;
      }
    }
    out.set(gram, best);
  }
  return out;
}

function toRanked(s: Scored, display: Map<number, string>): RankedTerm {
  return {
    text: display.get(s.gram) || s.key,
    key: s.key,
    words: s.words,
    score: s.score,
    nicheStories: s.niche,
    backgroundStories: s.background,
  };
}

/** Stem sequence of the body sentences (between hard breaks) → does the seed occur per-word in one of them? */
function seedInBody(tok: StoryTokens, seed: Keyphrase, vocab: KeywordVocabulary, needIds: readonly number[] | null): boolean {
  if (needIds === null) return false;
  const t = tok.tokens;
  let start = tok.bodyStart;
  for (let i = tok.bodyStart; i <= t.length; i++) {
    if (i < t.length && t[i] !== HARD_BREAK) continue;
    if (i > start) {
      let all = true;
      for (const id of needIds) {
        let found = false;
        for (let j = start; j < i; j++) {
          const x = t[j] as number;
          if (x >= 0 && (seed.exact ? x : (vocab.stemOf[x] as number)) === id) {
            found = true;
            break;
          }
        }
        if (!found) {
          all = false;
          break;
        }
      }
      if (all) {
        const terms: string[] = [];
        const stems: string[] = [];
        for (let j = start; j < i; j++) {
          const x = t[j] as number;
          if (x < 0) continue;
          terms.push(vocab.terms[x] as string);
          stems.push(vocab.stems[vocab.stemOf[x] as number] as string);
        }
        if (containsKeyphrase(seed, { terms, stems })) return true;
      }
    }
    start = i + 1;
  }
  return false;
}

interface CompetitionAcc {
  text: string;
  key: string;
  stories: number;
  claps: number[];
  authors: Map<string, CompetitionAuthor>;
}

function addStory(acc: CompetitionAcc, s: KeywordStory): void {
  acc.stories++;
  if (s.claps !== null) acc.claps.push(s.claps);
  const name = s.authorUsername ?? s.authorName;
  if (name === null || name.trim() === '') return;
  const a = acc.authors.get(name) ?? { author: name, stories: 0, claps: 0 };
  a.stories++;
  a.claps += s.claps ?? 0;
  acc.authors.set(name, a);
}

/**
 * Competition: the seed, then the first `competitionRows` of the listed phrases and then terms (each list
 * already in score order). A story competes for the seed's row when it is in the niche (a niche tag, or the
 * seed in its title) or its body uses the seed as the checker matches a keyphrase (per-word, word forms,
 * within one body sentence); for a phrase's row when its title or body holds it as
 * the same stem sequence within one unbroken run of words; a term in any of its forms.
 */
function computeCompetition(
  prepared: readonly Prepared[],
  seed: Keyphrase,
  seedText: string,
  seedKey: string,
  listed: readonly RankedTerm[],
  listedScored: readonly Scored[],
  table: GramTable,
  vocab: KeywordVocabulary,
  o: Required<KeywordOptions>,
): PhraseCompetition[] {
  const rows: CompetitionAcc[] = [{ text: seedText, key: seedKey, stories: 0, claps: [], authors: new Map() }];
  const rowOf = new Map<number, number>();
  for (let i = 0; i < listed.length && rows.length <= o.competitionRows; i++) {
    const r = listed[i] as RankedTerm;
    const s = listedScored[i] as Scored;
    if (r.key === seedKey) continue;
    rowOf.set(s.gram, rows.length);
    rows.push({ text: r.text, key: r.key, stories: 0, claps: [], authors: new Map() });
  }
  // Seed ids needed in a body sentence (stems, or terms for an exact seed); null when one never occurs.
  const needIds: number[] | null = [];
  for (const k of new Set(seed.keys)) {
    const id = seed.exact ? vocab.termId(k) : vocab.stemId(k);
    if (id === undefined) {
      needIds.length = 0;
      break;
    }
    needIds.push(id);
  }
  const seedIds = needIds.length === 0 ? null : needIds;
  const hit = new Uint8Array(rows.length);
  for (const p of prepared) {
    hit.fill(0);
    // The seed's competition is the niche itself (its tags say what it is about, even when the body never
    // spells the seed out) plus any other story that uses the seed.
    if (p.niche || (p.tok !== null && p.withText && seedInBody(p.tok, seed, vocab, seedIds))) hit[0] = 1;
    if (p.tok !== null && rowOf.size > 0) {
      eachIndexedGram(p.tok.tokens, vocab, table.index, (gram) => {
        const r = rowOf.get(gram);
        if (r !== undefined) hit[r] = 1;
      });
    }
    for (let r = 0; r < rows.length; r++) if (hit[r] === 1) addStory(rows[r] as CompetitionAcc, p.story);
  }
  return rows.map((acc) => ({
    text: acc.text,
    key: acc.key,
    stories: acc.stories,
    medianClaps: median(acc.claps),
    topClaps: acc.claps.length === 0 ? null : acc.claps.reduce((m, c) => Math.max(m, c), Number.NEGATIVE_INFINITY),
    topAuthors: [...acc.authors.values()].sort((x, y) => y.claps - x.claps || y.stories - x.stories || cmp(x.author, y.author)).slice(0, 3),
  }));
}

/**
 * Writing targets (Semrush SWA's "match the top 10", feature-anchors §1.4): the `topStories` niche stories
 * with body statistics that have the most claps (unknown claps last, ties by key), and the medians of
 * their statistics — medians rather than Semrush's average, so one 10,000-word outlier does not set the
 * target. Words are rounded to an integer, the other figures to one decimal.
 */
function computeTargets(niche: readonly Prepared[], topStories: number): WritingTargets | null {
  const best = niche
    .filter((p) => p.story.stats !== null)
    .sort((x, y) => {
      const cx = x.story.claps;
      const cy = y.story.claps;
      if (cx !== cy) {
        if (cx === null) return 1;
        if (cy === null) return -1;
        return cy - cx;
      }
      return cmp(x.story.key, y.story.key);
    })
    .slice(0, topStories);
  if (best.length === 0) return null;
  const stats = best.map((p) => p.story.stats as NonNullable<KeywordStory['stats']>);
  const med = (values: number[], decimals: number): number | null => {
    const m = median(values);
    return m === null ? null : round(m, decimals);
  };
  return {
    basedOn: best.length,
    stories: best.map((p) => ({ title: p.story.title, url: p.story.url, claps: p.story.claps })),
    medianWords: med(
      stats.map((s) => s.words),
      0,
    ),
    medianReadingMinutes: med(
      stats.map((s) => s.readingTimeMinutes),
      1,
    ),
    medianFleschReadingEase: med(
      stats.flatMap((s) => (s.fleschReadingEase === null ? [] : [s.fleschReadingEase])),
      1,
    ),
    medianSubheadings: med(
      stats.map((s) => s.subheadings),
      1,
    ),
    medianImages: med(
      stats.map((s) => s.images),
      1,
    ),
  };
}
