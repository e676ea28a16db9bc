/**
 * Tokens for keyword research: the wink-nlp tokenizer the content checker uses (stack note §3), run
 * WITHOUT the part-of-speech and sentence pipes, and turned into compact arrays of interned term ids.
 *
 * Why a second wink instance instead of `analyseTexts` (language/text-analysis.ts): the checker's shared
 * instance runs `sbd`, `negation` and `pos` on every document. Keyword research reads a whole corpus and
 * needs neither POS tags nor wink's sentence spans (n-grams break at every punctuation mark, which is
 * stricter than a sentence boundary). Measured on the 2-core VM (Node 20.20, 50 synthetic 1,500-word
 * stories): `analyseTexts` 10.4–11.9 ms a story, `readDoc` with the `sbd` pipe only 2.1 ms, with no pipe
 * 1.1 ms. For the 2,000-story budget of issue 6 that is about 22 s against about 2 s, so this module
 * reads tokens only. The tokenizer, the model and the Porter2 stemmer (the memoised `stem` from
 * language/wink.ts) are the same as the checker's, so word forms agree with keyphrase matching.
 * The instance is created lazily on first use (about 0.2 s: the model object itself is shared through the
 * CommonJS require cache, stack note Pitfalls §4 for `createRequire`).
 *
 * Token rules (what counts as a word of an n-gram):
 * - a `word` token whose lower-cased parts (split at hyphens, like the checker's terms: `link-building` →
 *   `link`, `building`) are letters, digits and inner apostrophes and contain a letter;
 * - clitics glued to the previous word (`'s`, `n't`) are dropped without a break (`Google's guide` →
 *   `google guide`), as the checker folds them into their host word;
 * - a hyphen or dash written with no space on either side between two words joins them
 *   (`link–building`), as the checker's compound rule does;
 * - everything else is a break: numbers (and a word glued to a number, `10x`), URLs, e-mail addresses,
 *   mentions, hashtags, emoji, symbols, abbreviations with dots (`e.g.`), words longer than
 *   MAX_TERM_LENGTH, and every punctuation mark. Sentence-final marks (`.` `!` `?` `…`) and line breaks
 *   are *hard* breaks (sentence ends, used for the seed's per-sentence match); the others are *soft*.
 */
import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import { isFunctionWord } from '../content/language/function-words.js';
import { wink } from '../content/language/wink.js';

const require = createRequire(import.meta.url);

/** Marker in a token array: a break inside a sentence (comma, number, URL …). */
export const SOFT_BREAK = -1;
/** Marker in a token array: a sentence end (`.`, `!`, `?`, `…`, a line break, the end of the title). */
export const HARD_BREAK = -2;

/**
 * Longest term kept. The longest words in mainstream English dictionaries are about 30 letters
 * ("pneumonoultramicroscopicsilicovolcanoconiosis", 45, is the usual outlier); longer tokens in web text
 * are run-together identifiers, hashes or base64, not keywords.
 */
export const MAX_TERM_LENGTH = 40;

let tokenizer: WinkMethods | null = null;

function nlp(): WinkMethods {
  if (tokenizer === null) {
    const winkNLP = require('wink-nlp') as (model: unknown, pipe?: string[]) => WinkMethods;
    const model = require('wink-eng-lite-web-model') as unknown;
    tokenizer = winkNLP(model, []);
  }
  return tokenizer;
}

/**
 * Interned terms and stems of one research run. Term ids index `terms`; stem ids start at 1 (0 means
 * "no word" in n-gram keys) and index `stems`.
 */
export class KeywordVocabulary {
  readonly terms: string[] = [];
  /** Stem id of each term id. */
  readonly stemOf: number[] = [];
  /** 1 when the term is a function word (language/function-words.ts). */
  readonly functionWord: number[] = [];
  readonly stems: string[] = [''];
  private readonly termIds = new Map<string, number>();
  private readonly stemIds = new Map<string, number>();

  /** The id of a lower-cased term, interning it (and its Porter2 stem) on first sight. */
  intern(term: string): number {
    let id = this.termIds.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(term, id);
      this.terms.push(term);
      const stem = wink().stem(term);
      let sid = this.stemIds.get(stem);
      if (sid === undefined) {
        sid = this.stems.length;
        this.stemIds.set(stem, sid);
        this.stems.push(stem);
      }
      this.stemOf.push(sid);
      this.functionWord.push(isFunctionWord(term) ? 1 : 0);
    }
    return id;
  }

  termId(term: string): number | undefined {
    return this.termIds.get(term);
  }

  stemId(stem: string): number | undefined {
    return this.stemIds.get(stem);
  }
}

/** One story as token ids: term ids (≥ 0) and break markers, never two breaks in a row. */
export interface StoryTokens {
  tokens: Int32Array;
  /** Index in `tokens` where the body starts (0 without a title; `tokens.length` without a body). */
  bodyStart: number;
  /** Words (terms) in the body and title: BM25's document length. */
  words: number;
}

const HYPHENS = /^[-–‐]$/;
const HARD_PUNCTUATION = /^[.!?…]+$/;
const PART_SPLIT = /[-–‐]+/;
const VALID_PART = /^[\p{L}\p{N}']+$/u;
const HAS_LETTER = /\p{L}/u;
const CLITIC = /^(?:['’]|n['’]t$)/i;

/** What a token value is, decided once per distinct value (a wink token's type is a property of its lexeme). */
const Kind = { Word: 0, Clitic: 1, Hyphen: 2, Number: 3, Soft: 4, Hard: 5 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

interface TokenInfo {
  kind: Kind;
  /** Term ids of a word (its hyphen-separated parts). */
  ids: number[];
}

/** Lower-cased term parts of a word token, or null when the token is not a keyword word. */
function partsOf(value: string): string[] | null {
  const lower = value.toLowerCase().replace(/’/g, "'");
  const parts: string[] = [];
  for (const raw of lower.split(PART_SPLIT)) {
    const part = raw.replace(/^'+|'+$/g, '');
    if (part === '') continue;
    if (part.length > MAX_TERM_LENGTH || !VALID_PART.test(part) || !HAS_LETTER.test(part)) return null;
    parts.push(part);
  }
  return parts.length === 0 ? null : parts;
}

function classify(vocab: KeywordVocabulary, value: string, type: string): TokenInfo {
  if (type === 'word') {
    if (CLITIC.test(value)) return { kind: Kind.Clitic, ids: [] };
    const parts = partsOf(value);
    return parts === null ? { kind: Kind.Soft, ids: [] } : { kind: Kind.Word, ids: parts.map((p) => vocab.intern(p)) };
  }
  if (type === 'number') return { kind: Kind.Number, ids: [] };
  if (type === 'tabCRLF') return { kind: /[\n\r]/.test(value) ? Kind.Hard : Kind.Soft, ids: [] };
  if (type === 'punctuation') {
    if (HYPHENS.test(value)) return { kind: Kind.Hyphen, ids: [] };
    if (HARD_PUNCTUATION.test(value)) return { kind: Kind.Hard, ids: [] };
  }
  return { kind: Kind.Soft, ids: [] };
}

/** Growable output buffer shared by every story of a run (one allocation per story: the final slice). */
class TokenBuffer {
  data = new Int32Array(4096);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  last(): number | undefined {
    return this.length === 0 ? undefined : this.data[this.length - 1];
  }

  pushBreak(kind: number): void {
    const last = this.last();
    if (last === undefined) return;
    if (last < 0) {
      if (kind === HARD_BREAK) this.data[this.length - 1] = HARD_BREAK;
      return;
    }
    this.push(kind);
  }
}

// Per-run memo: token value → what it is and its term ids (a corpus has far fewer distinct values than tokens).
const infos = new WeakMap<KeywordVocabulary, Map<string, TokenInfo>>();
const buffers = new WeakMap<KeywordVocabulary, TokenBuffer>();

function readInto(vocab: KeywordVocabulary, source: string, out: TokenBuffer): number {
  if (source === '') return 0;
  let memo = infos.get(vocab);
  if (memo === undefined) {
    memo = new Map();
    infos.set(vocab, memo);
  }
  const w = nlp();
  const its = w.its;
  const tokens = w.readDoc(source).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  let words = 0;
  let prevWord = false;
  let prevNumber = false;
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const value = values[i] as string;
    let info = memo.get(value);
    if (info === undefined) {
      info = classify(vocab, value, tokens.itemAt(i).out(its.type) as string);
      memo.set(value, info);
    }
    const glued = spaces[i] === '';
    switch (info.kind) {
      case Kind.Word:
        if (glued && prevNumber) {
          // "10x", "3rd": the letters belong to the number.
          out.pushBreak(SOFT_BREAK);
          prevWord = false;
          break;
        }
        for (const id of info.ids) out.push(id);
        words += info.ids.length;
        prevWord = true;
        break;
      case Kind.Clitic:
        // `'s`, `n't` glued to a word belong to it (dropped, no break); anything else is a break.
        if (!(glued && prevWord)) {
          out.pushBreak(SOFT_BREAK);
          prevWord = false;
        }
        break;
      case Kind.Hyphen: {
        // A compound written with a hyphen or dash and no spaces: the next word continues this run.
        // (When the next token is not a word, it breaks the run itself.)
        if (!(prevWord && glued && spaces[i + 1] === '')) {
          out.pushBreak(SOFT_BREAK);
          prevWord = false;
        }
        break;
      }
      case Kind.Hard:
        out.pushBreak(HARD_BREAK);
        prevWord = false;
        break;
      default:
        out.pushBreak(SOFT_BREAK);
        prevWord = false;
    }
    prevNumber = info.kind === Kind.Number;
  }
  return words;
}

/**
 * Tokenise a story: its title (one sentence, whitespace collapsed) then its body. Either may be null or
 * empty. The body should already be capped by the caller.
 */
export function tokeniseStory(vocab: KeywordVocabulary, title: string | null, body: string | null): StoryTokens {
  let out = buffers.get(vocab);
  if (out === undefined) {
    out = new TokenBuffer();
    buffers.set(vocab, out);
  }
  out.length = 0;
  let words = readInto(vocab, (title ?? '').replace(/\s+/g, ' ').trim(), out);
  out.pushBreak(HARD_BREAK);
  const bodyStart = out.length;
  words += readInto(vocab, (body ?? '').trim(), out);
  while (out.length > 0 && (out.data[out.length - 1] as number) < 0) out.length--;
  return { tokens: out.data.slice(0, out.length), bodyStart: Math.min(bodyStart, out.length), words };
}
