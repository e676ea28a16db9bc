/**
 * Content checker core (pure): parse a Markdown draft or an HTML page into one document model, analyse
 * the language once, run Yoast-, Rank Math- and Medium-style assessments, aggregate scores, render messages.
 */
export type {
  AssessmentKind,
  AssessmentRating,
  AssessmentResult,
  AssessmentStatus,
  ContentBlock,
  ContentBlockKind,
  ContentDocument,
  ContentImage,
  ContentLink,
  ContentParams,
  ContentProfile,
  ContentReport,
  ContentSource,
  ContentStats,
  ContentWarning,
  MeasuredValue,
  OverallScore,
} from './content-types.js';
export { CONTENT_PROFILES } from './content-types.js';
export { parseHtmlDocument, parseMarkdownDraft, slugFromUrl, type HtmlDocumentOptions, type MarkdownDraftOptions } from './document.js';
export { splitFrontMatter, type FrontMatter, FRONT_MATTER_LIST_KEYS, FRONT_MATTER_TEXT_KEYS } from './front-matter.js';
export { runContentCheck, runAssessments, measuredById, type ContentCheckOptions } from './runner.js';
export { aggregateReadability, aggregateSeo, overallRating, ratingForScore, READABILITY_PENALTY } from './aggregate.js';
export { renderContentMessage, CONTENT_MESSAGE_IDS } from './messages.js';
export { ASSESSMENTS, ASSESSMENT_IDS, assessmentById, assessmentsFor, type AnyAssessment } from './assessments/registry.js';
export type {
  Assessment,
  AssessmentContext,
  AssessmentMeta,
  AssessmentOutcome,
  ContextKey,
  PreviousUse,
} from './assessments/assessment.js';
export { mediumReadingMinutes, mediumImageSeconds } from './assessments/medium-reading-time.js';
export { mediumTagSlug } from './assessments/medium-tags.js';
export {
  analyseDocument,
  analyseTexts,
  countWords,
  type TextAnalysis,
  type AnalysedSentence,
  type AnalysedBlock,
  type AnalysedWord,
} from './language/text-analysis.js';
export { countSyllables } from './language/syllables.js';
export { fleschReadingEase, fleschBand, FLESCH_BANDS, type FleschBand, type FleschResult } from './language/flesch.js';
export { findPassive, IRREGULAR_PARTICIPLES } from './language/passive-voice.js';
export { findTransition, TRANSITION_PHRASES } from './language/transition-words.js';
export { FUNCTION_WORDS, isFunctionWord } from './language/function-words.js';
export { parseKeyphrase, parseSynonyms, countMatches, containsKeyphrase, shareOfWords, type Keyphrase } from './language/keyphrase.js';
export { titleWidthPx } from './serp-width.js';
