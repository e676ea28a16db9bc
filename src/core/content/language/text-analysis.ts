/**
 * One language pass over a document: sentences, words, word-form stems and syllables, computed once and
 * shared by every assessment.
 *
 * - Tokens and sentence boundaries come from wink-nlp (wink.ts). All analysable blocks are read in ONE
 *   `readDoc` call, joined by a blank line; a sentence never crosses a block (it is cut where the block
 *   changes), so headings, list items and paragraphs are separate sentences even without final stops.
 * - Bare domains (`example.com`, `www.site.org/x`) are given an `http://` prefix first, so the tokenizer
 *   reads them as one URL instead of ending a sentence at each dot.
 * - A *word* is what a reader counts: a hyphenated compound is one word (`well-known`), a clitic belongs
 *   to its host (`isn't`, `writer's`), numbers, URLs and e-mail addresses are words (Yoast counts by
 *   whitespace too). A *term* is a lower-cased word part used for matching (`e-mail` → `e`, `mail`).
 * - Word forms: two terms are forms of one word when their Porter2 stems agree (`link`, `links`,
 *   `linking`, `linked` → `link`) — how the checker does Yoast's "word forms" for English.
 */
import type { ContentBlockKind, ContentDocument } from '../content-types.js';
import { fleschReadingEase, type FleschResult } from './flesch.js';
import { countSyllables, NT_SILENT_HOSTS } from './syllables.js';
import { wink } from './wink.js';

export interface AnalysedToken {
  value: string;
  /** Lower-cased normal form from wink (clitics expanded: n't → not). */
  normal: string;
  pos: string;
  type: string;
}

export interface AnalysedWord {
  text: string;
  /** Lower-cased matching terms of the word (no clitics). */
  terms: string[];
  syllables: number;
  /** Has a letter (numbers, URLs and e-mail addresses do not count for Flesch). */
  alpha: boolean;
}

export interface AnalysedSentence {
  /** Index of the document block the sentence is in. */
  block: number;
  kind: ContentBlockKind;
  text: string;
  tokens: AnalysedToken[];
  words: AnalysedWord[];
  /** All terms of the sentence in order, lower-cased. */
  terms: string[];
  /** Porter2 stems of `terms`, same order. */
  stems: string[];
}

export interface AnalysedBlock {
  block: number;
  kind: ContentBlockKind;
  level: number;
  sentences: AnalysedSentence[];
  words: number;
}

export interface TextAnalysis {
  /** Analysed blocks (every block but code), in document order. */
  blocks: AnalysedBlock[];
  /** Every sentence, headings included. */
  sentences: AnalysedSentence[];
  /** Sentences of running text: paragraphs, list items, quotes (what the readability checks judge). */
  proseSentences: AnalysedSentence[];
  /** Words in all analysed blocks (headings, captions and table cells included, code excluded). */
  wordCount: number;
  /** Flesch reading ease over the prose sentences (null without prose). */
  flesch: FleschResult | null;
}

/** Block kinds whose sentences are running text. */
export const PROSE_KINDS: ReadonlySet<ContentBlockKind> = new Set(['paragraph', 'list-item', 'quote']);

const WORDISH = new Set(['word', 'number', 'url', 'email', 'mention', 'hashtag', 'time', 'ordinal']);
const BARE_DOMAIN =
  /(^|[\s(“"'‘[])((?:www\.)?(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[a-z]{2,24}(?:\/[^\s]*[^\s.,;:!?)”"'\]])?)(?=[\s.,;:!?)”"'\]]|$)/g;

function protectDomains(text: string): string {
  return text.replace(BARE_DOMAIN, (all, pre: string, host: string) => {
    // Keep things that are plainly not hosts: a version-like "v2.0" never matches (TLD must be letters).
    if (/^[a-z0-9.-]+$/i.test(host) && !host.includes('.')) return all;
    return `${pre}http://${host}`;
  });
}

function termsOf(value: string, type: string): string[] {
  if (type === 'url' || type === 'email') return [];
  const lower = value.toLowerCase().replace(/’/g, "'");
  return lower
    .split(/[-–‐]+/)
    .map((t) => t.replace(/^'+|'+$/g, ''))
    .filter((t) => t !== '' && /[\p{L}\p{N}]/u.test(t));
}

function isClitic(value: string): boolean {
  return /^['’]/.test(value) || /^n['’]t$/i.test(value);
}

interface RawSentence {
  block: number;
  tokens: AnalysedToken[];
  pre: string[];
}

/** Build words, terms and stems for a run of tokens. */
function buildSentence(raw: RawSentence, kind: ContentBlockKind, stem: (w: string) => string): AnalysedSentence {
  const words: AnalysedWord[] = [];
  const terms: string[] = [];
  const stems: string[] = [];
  let text = '';
  for (let i = 0; i < raw.tokens.length; i++) {
    const t = raw.tokens[i] as AnalysedToken;
    const pre = raw.pre[i] ?? '';
    text += (i === 0 ? '' : pre.replace(/\s+/g, ' ')) + t.value;
    if (!WORDISH.has(t.type)) continue;
    const prev = words[words.length - 1];
    const prevTok = raw.tokens[i - 1];
    const glued = pre === '' && prev !== undefined && prevTok !== undefined;
    // Clitic: part of the previous word.
    if (glued && isClitic(t.value) && WORDISH.has(prevTok.type)) {
      prev.text += t.value;
      if (/^n['’]t$/i.test(t.value) && !NT_SILENT_HOSTS.has((prevTok.value ?? '').toLowerCase())) prev.syllables += 1;
      continue;
    }
    // Hyphenated compound split by the tokenizer: word "-" word with no spaces.
    const beforeHyphen = raw.tokens[i - 2];
    if (
      glued &&
      prevTok.type === 'punctuation' &&
      /^[-–‐]$/.test(prevTok.value) &&
      (raw.pre[i - 1] ?? ' ') === '' &&
      beforeHyphen !== undefined &&
      WORDISH.has(beforeHyphen.type)
    ) {
      const parts = termsOf(t.value, t.type);
      prev.text += `-${t.value}`;
      prev.terms.push(...parts);
      for (const p of parts) {
        terms.push(p);
        stems.push(stem(p));
      }
      prev.syllables += syllablesOf(t.value, t.type);
      prev.alpha ||= /\p{L}/u.test(t.value) && t.type !== 'url' && t.type !== 'email';
      continue;
    }
    const parts = termsOf(t.value, t.type);
    for (const p of parts) {
      terms.push(p);
      stems.push(stem(p));
    }
    words.push({
      text: t.value,
      terms: parts,
      syllables: syllablesOf(t.value, t.type),
      alpha: /\p{L}/u.test(t.value) && t.type !== 'url' && t.type !== 'email',
    });
  }
  return { block: raw.block, kind, text, tokens: raw.tokens, words, terms, stems };
}

function syllablesOf(value: string, type: string): number {
  if (type === 'url' || type === 'email' || !/\p{L}/u.test(value)) return 0;
  let n = 0;
  for (const part of value.split(/[-–‐]+/)) n += countSyllables(part);
  return n;
}

/**
 * Tokenise texts (one per entry; each is its own run of sentences). Returns the sentences of each text.
 * Used for the document body and for short strings (title, description, alt texts, anchors, keyphrase).
 */
export function analyseTexts(texts: readonly string[]): AnalysedSentence[][] {
  const out: AnalysedSentence[][] = texts.map(() => []);
  const indexes: number[] = [];
  const parts: string[] = [];
  texts.forEach((t, k) => {
    const clean = protectDomains(t.replace(/\s+/g, ' ').trim());
    if (clean !== '') {
      indexes.push(k);
      parts.push(clean);
    }
  });
  if (parts.length === 0) return out;
  const { nlp, stem } = wink();
  const its = nlp.its;
  const doc = nlp.readDoc(parts.join('\n\n'));
  const tokens = doc.tokens();
  const values = tokens.out(its.value) as string[];
  const normals = tokens.out(its.normal) as string[];
  const poses = tokens.out(its.pos) as string[];
  const types = tokens.out(its.type) as string[];
  const pres = tokens.out(its.precedingSpaces) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Block (text) index of every token: wink emits a run of newlines as a `tabCRLF` token; a blank line
  // (two or more newlines, which only the joins contain) starts the next text. Those tokens are dropped.
  const textOf = new Int32Array(values.length);
  const drop = new Uint8Array(values.length);
  let current = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? '';
    if (types[i] === 'tabCRLF') {
      drop[i] = 1;
      textOf[i] = Math.min(current, parts.length - 1);
      if (v.includes('\n\n')) current += 1;
      continue;
    }
    textOf[i] = Math.min(current, parts.length - 1);
  }
  const cuts: { text: number; start: number; end: number }[] = [];
  for (const [s, e] of spans) {
    let start = -1;
    for (let i = s; i <= e + 1; i++) {
      const boundary = i === e + 1 || drop[i] === 1 || (start >= 0 && textOf[i] !== textOf[start]);
      if (boundary) {
        if (start >= 0) cuts.push({ text: textOf[start] ?? 0, start, end: i });
        start = i <= e && drop[i] !== 1 ? i : -1;
      } else if (start < 0) start = i;
    }
  }
  for (const c of cuts) {
    const toks: AnalysedToken[] = [];
    const pre: string[] = [];
    for (let i = c.start; i < c.end; i++) {
      toks.push({ value: values[i] ?? '', normal: (normals[i] ?? '').toLowerCase(), pos: poses[i] ?? 'X', type: types[i] ?? 'word' });
      pre.push(i === c.start ? '' : (pres[i] ?? ''));
    }
    const k = indexes[c.text] as number;
    (out[k] as AnalysedSentence[]).push(buildSentence({ block: k, tokens: toks, pre }, 'paragraph', stem));
  }
  return out;
}

/** Analyse the body of a document (every block except code). */
export function analyseDocument(doc: ContentDocument): TextAnalysis {
  // One text per line of a block (a hard line break ends a run of sentences: lists written with <br>).
  const blockIds: number[] = [];
  const texts: string[] = [];
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'code' || b.text.trim() === '') return;
    for (const line of b.text.split('\n')) {
      if (line.trim() === '') continue;
      blockIds.push(i);
      texts.push(line);
    }
  });
  const perText = analyseTexts(texts);
  const byBlock = new Map<number, AnalysedSentence[]>();
  perText.forEach((list, k) => {
    const blockIndex = blockIds[k] as number;
    const sentences = byBlock.get(blockIndex) ?? [];
    sentences.push(...list);
    byBlock.set(blockIndex, sentences);
  });
  const blocks: AnalysedBlock[] = [];
  const sentences: AnalysedSentence[] = [];
  const prose: AnalysedSentence[] = [];
  let wordCount = 0;
  for (const [blockIndex, list] of byBlock) {
    const block = doc.blocks[blockIndex];
    if (block === undefined) continue;
    let words = 0;
    for (const s of list) {
      s.block = blockIndex;
      s.kind = block.kind;
      words += s.words.length;
      sentences.push(s);
      if (PROSE_KINDS.has(block.kind) && s.words.length > 0) prose.push(s);
    }
    wordCount += words;
    blocks.push({ block: blockIndex, kind: block.kind, level: block.level, sentences: list, words });
  }
  let fw = 0;
  let fs = 0;
  let syl = 0;
  for (const s of prose) {
    let alpha = 0;
    for (const w of s.words) {
      if (!w.alpha) continue;
      alpha++;
      syl += w.syllables;
    }
    if (alpha > 0) {
      fw += alpha;
      fs++;
    }
  }
  return { blocks, sentences, proseSentences: prose, wordCount, flesch: fleschReadingEase(fw, fs, syl) };
}

/** Words of a short text (title, description …), as the body counts them. */
export function countWords(text: string): number {
  return (analyseTexts([text])[0] ?? []).reduce((n, s) => n + s.words.length, 0);
}
