/**
 * Keyphrase matching, the way Yoast's documentation describes it for English ("Scoring SEO analysis",
 * Yoast/wordpress-seo packages/yoastseo/src/scoring/assessments/seo/README.md, and KEYPHRASE MATCHING.md):
 *   - per-word matching: the content words of the keyphrase must all occur (in any order) in the unit
 *     being checked — a sentence, a title, an alt text;
 *   - function words are filtered out of the keyphrase ("how to decorate a room" → decorate, room); a
 *     keyphrase made only of function words keeps all its words;
 *   - word forms count (Yoast Premium "morphology"): here via Porter2 stems (`backlink` ~ `backlinks`);
 *   - double quotes around the keyphrase ask for an exact match: the words in that order, no forms,
 *     no filtering.
 */
import { isFunctionWord } from './function-words.js';
import { type AnalysedSentence, analyseTexts } from './text-analysis.js';
import { wink } from './wink.js';

export interface Keyphrase {
  raw: string;
  /** Quoted: exact, in-order matching only. */
  exact: boolean;
  /** Every lower-cased term. */
  terms: string[];
  /** Content terms (all terms when exact or when there are only function words). */
  content: string[];
  /** Stems of `content` (per-word matching), or the lower-cased terms themselves (exact). */
  keys: string[];
  /** True when every word is a function word. */
  functionWordsOnly: boolean;
}

/** Parse a keyphrase (or synonym). Returns null for an empty one. */
export function parseKeyphrase(raw: string): Keyphrase | null {
  const trimmed = raw.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return null;
  const quoted = /^["“”](.+)["“”]$/.exec(trimmed);
  const exact = quoted !== null;
  const body = quoted === null ? trimmed : (quoted[1] as string).trim();
  const sentences = analyseTexts([body])[0] ?? [];
  const terms = sentences.flatMap((s) => s.terms);
  if (terms.length === 0) return null;
  const contentTerms = terms.filter((t) => !isFunctionWord(t));
  const functionWordsOnly = contentTerms.length === 0;
  const content = exact || functionWordsOnly ? terms : contentTerms;
  const { stem } = wink();
  return { raw: trimmed, exact, terms, content, keys: exact ? content : content.map((t) => stem(t)), functionWordsOnly };
}

/** Parse a comma-separated synonym list (Yoast's synonyms field) into keyphrases. */
export function parseSynonyms(list: readonly string[]): Keyphrase[] {
  const out: Keyphrase[] = [];
  for (const item of list) {
    for (const part of item.split(',')) {
      const k = parseKeyphrase(part);
      if (k !== null) out.push(k);
    }
  }
  return out;
}

/** A unit of text to match in: its terms and their stems, in order. */
export interface MatchUnit {
  terms: readonly string[];
  stems: readonly string[];
}

function sequenceCount(haystack: readonly string[], needle: readonly string[]): number {
  if (needle.length === 0) return 0;
  let n = 0;
  for (let i = 0; i + needle.length <= haystack.length; i++) {
    let ok = true;
    for (let k = 0; k < needle.length; k++) {
      if (haystack[i + k] !== needle[k]) {
        ok = false;
        break;
      }
    }
    if (ok) {
      n++;
      i += needle.length - 1;
    }
  }
  return n;
}

/**
 * How many times the keyphrase occurs in a unit. Per-word: the smallest count of any content word's
 * forms (Yoast: "multiple occurrences of all content words within one sentence are multiple matches");
 * exact: non-overlapping occurrences of the exact word sequence.
 */
export function countMatches(k: Keyphrase, unit: MatchUnit): number {
  if (k.exact) return sequenceCount(unit.terms, k.keys);
  let min = Number.POSITIVE_INFINITY;
  for (const key of new Set(k.keys)) {
    const need = k.keys.filter((x) => x === key).length;
    let c = 0;
    for (const s of unit.stems) if (s === key) c++;
    min = Math.min(min, Math.floor(c / need));
    if (min === 0) return 0;
  }
  return Number.isFinite(min) ? min : 0;
}

/** All content words (forms) of the keyphrase occur in the unit (exact: the exact sequence does). */
export function containsKeyphrase(k: Keyphrase, unit: MatchUnit): boolean {
  return countMatches(k, unit) > 0;
}

/** Share (0–1) of the keyphrase's distinct content words whose forms occur in the unit. */
export function shareOfWords(k: Keyphrase, unit: MatchUnit): number {
  const keys = [...new Set(k.keys)];
  if (keys.length === 0) return 0;
  const have = new Set(k.exact ? unit.terms : unit.stems);
  return keys.filter((x) => have.has(x)).length / keys.length;
}

/** Analyse a short string into one match unit (all its sentences together). */
export function unitOf(text: string): MatchUnit & { words: number } {
  const sentences = analyseTexts([text])[0] ?? [];
  return unitOfSentences(sentences);
}

export function unitOfSentences(sentences: readonly AnalysedSentence[]): MatchUnit & { words: number } {
  const terms: string[] = [];
  const stems: string[] = [];
  let words = 0;
  for (const s of sentences) {
    terms.push(...s.terms);
    stems.push(...s.stems);
    words += s.words.length;
  }
  return { terms, stems, words };
}

/** Content-word keys of a unit (its terms minus function words), stemmed like keyphrase keys. */
export function contentKeysOf(unit: MatchUnit, exact: boolean): string[] {
  const out: string[] = [];
  unit.terms.forEach((t, i) => {
    if (!isFunctionWord(t)) out.push(exact ? t : (unit.stems[i] as string));
  });
  return out;
}
