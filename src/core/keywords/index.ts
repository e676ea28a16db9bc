/** Keyword research from Medium stories (issue 6): public API and record types. */
export type {
  CompetitionAuthor,
  KeywordOptions,
  KeywordQuery,
  KeywordReport,
  KeywordStory,
  KeywordStoryStats,
  PhraseCompetition,
  RankedTerm,
  RelatedTag,
  WritingTargets,
} from './keyword-types.js';
export { KEYWORD_DEFAULTS, KEYWORD_LIMITS, median, researchKeywords, tagSlug } from './research-keywords.js';
