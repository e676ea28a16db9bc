/**
 * Keyword research from Medium stories (issue 6, DESIGN §1 "Research keywords on Medium"): the records
 * `researchKeywords` reads and the report it returns. Pure data: the app layer gathers stories from the
 * store (replayed snapshots), tag feeds or files and hands them over; nothing here does I/O.
 */

/** Headline statistics of one story's body, as the content checker measures them (ContentStats). */
export interface KeywordStoryStats {
  words: number;
  readingTimeMinutes: number;
  fleschReadingEase: number | null;
  subheadings: number;
  images: number;
}

/** One story of the corpus (a stored Medium post, a tag-feed item or a saved page). */
export interface KeywordStory {
  /** Stable identity inside the corpus: the Medium post id when known, else the URL. */
  key: string;
  url: string | null;
  title: string | null;
  /** Medium username (lower case, no `@`) when known. */
  authorUsername: string | null;
  /** Display name (feeds only carry this). */
  authorName: string | null;
  /** null when unknown (feeds carry no claps). */
  claps: number | null;
  publishedAt: string | null;
  /** Tag slugs, lower case, as Medium writes them (`link-building`). */
  tags: string[];
  /** Body text (paragraphs and headings joined with blank lines, title excluded); null when only metadata is known. */
  text: string | null;
  /** Body statistics; null when no body was analysed. */
  stats: KeywordStoryStats | null;
}

export interface KeywordQuery {
  /** The seed keyphrase, e.g. "link building". */
  seed: string;
  /** Niche tags given by the user (`--tag`); the seed's own slug is always added. */
  tags: readonly string[];
}

export interface KeywordOptions {
  /** Rows kept per list. Default 20. */
  limit?: number;
  /** A related tag or term must occur in at least this many niche stories. Default 2. */
  minNicheStories?: number;
  /** BM25 term-frequency saturation k1 and length normalisation b (Robertson & Zaragoza 2009 defaults). */
  k1?: number;
  b?: number;
  /** How many of the best niche stories (by claps) the writing targets are taken from. Default 10 (Semrush SWA: "top 10"). */
  topStories?: number;
  /** How many terms/phrases get a competition row. Default 10. */
  competitionRows?: number;
}

export interface RelatedTag {
  tag: string;
  /** Niche stories that also carry this tag. */
  together: number;
  /** Stories in the whole corpus carrying this tag. */
  tagStories: number;
  /** P(tag | niche): together ÷ niche stories. */
  confidence: number;
  /** confidence ÷ P(tag) over the corpus; > 1 means the tag goes with the niche more than chance. */
  lift: number;
}

export interface RankedTerm {
  /** The most frequent surface form ("link building strategies"). */
  text: string;
  /** Stems joined with spaces: the identity used for matching ("link build strategi"). */
  key: string;
  /** 1, 2 or 3 words. */
  words: number;
  /** Mean BM25 weight over the niche stories with a body (idf from the whole corpus). */
  score: number;
  nicheStories: number;
  backgroundStories: number;
}

export interface CompetitionAuthor {
  /** Username when known, else the display name. */
  author: string;
  stories: number;
  claps: number;
}

export interface PhraseCompetition {
  text: string;
  key: string;
  /** Stories in the corpus using the phrase in title or body. */
  stories: number;
  /** Over those stories with known claps; null when none is known. */
  medianClaps: number | null;
  topClaps: number | null;
  /** Up to 3, by claps then stories. */
  topAuthors: CompetitionAuthor[];
}

export interface WritingTargets {
  /** How many stories the medians come from. */
  basedOn: number;
  stories: { title: string | null; url: string | null; claps: number | null }[];
  medianWords: number | null;
  medianReadingMinutes: number | null;
  medianFleschReadingEase: number | null;
  medianSubheadings: number | null;
  medianImages: number | null;
}

export interface KeywordReport {
  seed: string;
  /** Niche tags used (user tags + the seed's slug). */
  nicheTags: string[];
  corpus: {
    stories: number;
    niche: number;
    background: number;
    /** Stories with body text (what terms and targets can use). */
    withText: number;
  };
  relatedTags: RelatedTag[];
  /** Single words. */
  terms: RankedTerm[];
  /** Two- and three-word phrases. */
  phrases: RankedTerm[];
  /** The seed first, then the top phrases and terms. */
  competition: PhraseCompetition[];
  targets: WritingTargets | null;
  /** Message ids with params (e.g. `keywords.no-background`), rendered by the shell. */
  warnings: { id: string; params: Record<string, string | number> }[];
}
