/**
 * `runContentCheck`: run the assessments of a profile over a document and aggregate the scores.
 *
 * - The text is analysed once (language/text-analysis.ts) and shared.
 * - Each assessment receives only the context inputs it declares in `meta.requires` (plus the profile,
 *   the text analysis and its options = defaults merged with the caller's overrides).
 * - A throw inside one assessment becomes an `error` result for that assessment alone.
 * - English-only assessments are `not-applicable` for another language (the word lists, passive rules
 *   and syllable rules are English).
 * - Scores: aggregate.ts (Yoast's formulas).
 */
import { LinkwrightError } from '../errors/linkwright-error.js';
import { aggregateReadability, aggregateSeo, ratingForScore } from './aggregate.js';
import type { AssessmentContext, ContextKey, FullContext, PreviousUse } from './assessments/assessment.js';
import { type AnyAssessment, assessmentsFor } from './assessments/registry.js';
import { mediumReadingMinutes } from './assessments/medium-reading-time.js';
import {
  CONTENT_PROFILES,
  type AssessmentResult,
  type ContentDocument,
  type ContentProfile,
  type ContentReport,
  type ContentStats,
  type MeasuredValue,
} from './content-types.js';
import { type Keyphrase, parseKeyphrase, parseSynonyms } from './language/keyphrase.js';
import { analyseDocument, type TextAnalysis } from './language/text-analysis.js';

export interface ContentCheckOptions {
  profile: ContentProfile;
  /** Focus keyphrase; defaults to the document's (front matter). Quote it for exact matching. */
  keyphrase?: string | null;
  /** Synonyms (each may be a comma-separated list); default: the document's. */
  synonyms?: readonly string[];
  /** Keyphrases already used on the user's pages and Medium copies (null/absent: reuse not checked). */
  previouslyUsed?: readonly PreviousUse[] | null;
  /** Tags known from the stored corpus (absent: tag existence not checked). */
  knownTags?: readonly string[] | null;
  /** The user's sites (hosts or URLs). */
  userSites?: readonly string[];
  /** URL of the user's page this story is a copy of, when known. */
  copyOf?: string | null;
  /** BCP 47 language of the text; default: the document's, else English. */
  locale?: string | null;
  /** Per-assessment option overrides, by assessment id. */
  overrides?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Run only these assessment ids (still limited to the profile). */
  only?: readonly string[];
}

function isEnglish(locale: string): boolean {
  return /^en(?:[-_]|$)/i.test(locale.trim());
}

function clampScore(raw: number): number {
  return Math.max(0, Math.min(9, raw));
}

function runOne(
  a: AnyAssessment,
  doc: ContentDocument,
  full: FullContext,
  text: TextAnalysis,
  profile: ContentProfile,
  overrides: ContentCheckOptions['overrides'],
): AssessmentResult {
  const base = { id: a.meta.id, kind: a.meta.kind };
  if (a.meta.english && !isEnglish(full.locale)) {
    return {
      ...base,
      status: 'not-applicable',
      score: 0,
      rawScore: 0,
      rating: 'grey',
      messageId: 'content.language-unsupported',
      params: { locale: full.locale },
      measured: {},
    };
  }
  const ctx: AssessmentContext<object> = { profile, text, options: { ...a.meta.defaults, ...(overrides?.[a.meta.id] ?? {}) } };
  for (const key of a.meta.requires) (ctx as Record<ContextKey, unknown>)[key] = full[key];
  try {
    const out = a.run(doc, ctx);
    const params = out.params ?? {};
    const measured = out.measured ?? {};
    if (out.status === 'info' || out.status === 'not-applicable') {
      return { ...base, status: out.status, score: 0, rawScore: 0, rating: 'grey', messageId: out.messageId, params, measured };
    }
    const rating = ratingForScore(out.score);
    const status = rating === 'green' ? 'good' : rating === 'orange' ? 'ok' : 'bad';
    return { ...base, status, score: clampScore(out.score), rawScore: out.score, rating, messageId: out.messageId, params, measured };
  } catch (err) {
    const code = err instanceof LinkwrightError ? err.code : 'ASSESSMENT_ERROR';
    const message = err instanceof Error ? err.message : String(err);
    return {
      ...base,
      status: 'error',
      score: 0,
      rawScore: 0,
      rating: 'grey',
      messageId: 'content.assessment-error',
      params: { code, message },
      measured: {},
    };
  }
}

/** Run the content check. Throws LinkwrightError INVALID_INPUT for an unknown profile. */
export function runContentCheck(doc: ContentDocument, options: ContentCheckOptions): ContentReport {
  if (!CONTENT_PROFILES.includes(options.profile)) {
    throw new LinkwrightError(
      'INVALID_INPUT',
      `unknown content profile "${String(options.profile)}" (expected ${CONTENT_PROFILES.join(', ')})`,
    );
  }
  return runAssessments(doc, assessmentsFor(options.profile), options);
}

/**
 * Run a given list of assessments (the profile's, or a caller's own — e.g. a plugin) and aggregate.
 * `runContentCheck` is this with the profile's list.
 */
export function runAssessments(doc: ContentDocument, list: readonly AnyAssessment[], options: ContentCheckOptions): ContentReport {
  const profile = options.profile;
  const rawKeyphrase = options.keyphrase === undefined ? doc.keyphrase : options.keyphrase;
  const keyphrase: Keyphrase | null = rawKeyphrase === null || rawKeyphrase === undefined ? null : parseKeyphrase(rawKeyphrase);
  const synonyms = parseSynonyms(options.synonyms ?? doc.synonyms);
  const full: FullContext = {
    keyphrase,
    synonyms,
    previouslyUsed: options.previouslyUsed ?? null,
    knownTags: options.knownTags ?? null,
    userSites: options.userSites ?? [],
    copyOf: options.copyOf ?? null,
    locale: options.locale ?? doc.lang ?? 'en',
  };
  const text = analyseDocument(doc);
  let assessments = [...list];
  if (options.only !== undefined) assessments = assessments.filter((a) => options.only?.includes(a.meta.id));
  const results = assessments.map((a) => runOne(a, doc, full, text, profile, options.overrides));

  const seo = aggregateSeo(results.filter((r) => r.kind === 'seo'));
  const readability = aggregateReadability(results.filter((r) => r.kind === 'readability'));
  const mediumResults = results.filter((r) => r.kind === 'medium');
  const medium = profile === 'medium' ? aggregateSeo(mediumResults) : null;

  let paragraphs = 0;
  let subheadings = 0;
  for (const b of text.blocks) {
    if (b.kind === 'paragraph' || b.kind === 'quote') paragraphs++;
    if (b.kind === 'heading' && b.level >= 2) subheadings++;
  }
  const stats: ContentStats = {
    words: text.wordCount,
    sentences: text.proseSentences.length,
    paragraphs,
    subheadings,
    links: doc.links.length,
    images: doc.images.length,
    syllables: text.flesch?.syllables ?? 0,
    fleschReadingEase: text.flesch === null ? null : Math.round(text.flesch.score * 10) / 10,
    readingTimeMinutes: Math.max(1, Math.round(mediumReadingMinutes(text.wordCount, doc.images.length))),
  };
  return {
    profile,
    keyphrase: keyphrase?.raw ?? null,
    synonyms: synonyms.map((s) => s.raw),
    seo,
    readability,
    medium,
    results,
    stats,
  };
}

/** The headline statistics of a document (words, Flesch, subheadings, images …) without running any assessment. */
export function contentStatsOf(doc: ContentDocument): ContentStats {
  return runAssessments(doc, [], { profile: 'medium' }).stats;
}

/** Every measured value of every result, keyed by assessment id (the `--json` "measured" view). */
export function measuredById(report: ContentReport): Record<string, Readonly<Record<string, MeasuredValue>>> {
  const out: Record<string, Readonly<Record<string, MeasuredValue>>> = {};
  for (const r of report.results) out[r.id] = r.measured;
  return out;
}
