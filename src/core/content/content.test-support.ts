/**
 * Helpers for the content-checker tests (excluded from the build by tsconfig.build.json): build texts
 * of an exact number of words and sentences, drafts from parts, and run one assessment.
 */
import type { AssessmentResult, ContentDocument, ContentProfile } from './content-types.js';
import { parseMarkdownDraft } from './markdown-draft.js';
import { type ContentCheckOptions, runContentCheck } from './runner.js';

/** Plain nouns: no function words, no transition words, no be-forms, nothing a keyphrase test uses. */
const VOCAB = [
  'river',
  'stone',
  'lamp',
  'cloud',
  'paper',
  'garden',
  'window',
  'market',
  'forest',
  'bottle',
  'candle',
  'meadow',
  'harbor',
  'pencil',
  'valley',
  'basket',
  'mirror',
  'ladder',
  'button',
  'tunnel',
  'orange',
  'pillow',
  'carpet',
  'jacket',
  'rabbit',
  'saddle',
  'kettle',
  'wagon',
  'anchor',
  'cactus',
];

let cursor = 0;

/** Reset the word generator (tests that compare texts call this first). */
export function resetWords(): void {
  cursor = 0;
}

function nextWord(): string {
  const w = VOCAB[cursor % VOCAB.length] as string;
  cursor++;
  return w;
}

/** One sentence of exactly `n` words (first word capitalised, full stop). */
export function sentence(n: number, first?: string): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(i === 0 && first !== undefined ? first : nextWord());
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** A paragraph of `words` words in sentences of `perSentence` words (the last one takes the rest). */
export function paragraph(words: number, perSentence = 10): string {
  const out: string[] = [];
  let left = words;
  while (left > 0) {
    const n = Math.min(perSentence, left);
    out.push(sentence(n));
    left -= n;
  }
  return out.join(' ');
}

export interface DraftParts {
  title?: string;
  subtitle?: string;
  slug?: string;
  description?: string;
  tags?: string[];
  canonical?: string;
  keyphrase?: string;
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** A Markdown draft with front matter built from `fm` and the given body. */
export function draft(body: string, fm: DraftParts = {}): ContentDocument {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(fm)) {
    if (v === undefined) continue;
    if (Array.isArray(v)) lines.push(`${k}: [${v.map((x) => yamlString(String(x))).join(', ')}]`);
    else lines.push(`${k}: ${yamlString(String(v))}`);
  }
  const text = lines.length > 0 ? `---\n${lines.join('\n')}\n---\n${body}` : body;
  return parseMarkdownDraft(text);
}

/** Run a single assessment (by id) with the given options; returns its result. */
export function runOne(
  doc: ContentDocument,
  id: string,
  options: Partial<ContentCheckOptions> & { profile?: ContentProfile } = {},
): AssessmentResult {
  const report = runContentCheck(doc, { profile: 'yoast', ...options, only: [id] });
  const r = report.results.find((x) => x.id === id);
  if (r === undefined) throw new Error(`assessment ${id} did not run in profile ${options.profile ?? 'yoast'}`);
  return r;
}
