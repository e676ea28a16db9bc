/**
 * The content checker's records: the one document model both inputs (a Markdown draft with front
 * matter, an HTML page) are turned into, and the report `runContentCheck` returns. Field names are
 * part of `linkwright check --json`: add fields, never rename one.
 */

/** Where a document came from. */
export type ContentSource = 'markdown' | 'html';

export type ContentBlockKind =
  /** h1–h6 (Markdown ATX/setext headings). */
  | 'heading'
  /** A paragraph of running text (`<p>`, a Markdown paragraph, loose text in a block container). */
  | 'paragraph'
  /** One item of a bulleted or numbered list. */
  | 'list-item'
  /** Quoted text (`<blockquote>`, Markdown `>`); its paragraphs are kept as separate quote blocks. */
  | 'quote'
  /** A table cell (`<td>`, `<th>`). */
  | 'cell'
  /** An image caption (`<figcaption>`). Not running text: left out of the readability checks. */
  | 'caption'
  /** Preformatted code. Never analysed as prose. */
  | 'code';

export interface ContentBlock {
  kind: ContentBlockKind;
  /** Heading level 1–6 for headings, otherwise 0. */
  level: number;
  /**
   * Whitespace-collapsed visible text (Markdown syntax removed, HTML entities decoded). A hard line
   * break (`<br>`, a Markdown hard break) is kept as "\n": each line is read as its own run of sentences.
   */
  text: string;
  /** For list items: numbered list. */
  ordered?: boolean;
  /** 1-based source line where the block starts (Markdown only; null for HTML). */
  line: number | null;
}

export interface ContentLink {
  /** The href as written (Markdown destination or attribute value, entity-decoded). */
  href: string;
  /** Absolute http(s) URL resolved against the document URL / `<base>`, or null (relative link without a base, mailto:, #…). */
  url: string | null;
  /** Whitespace-collapsed anchor text; an image-only link gives the image's alt. */
  text: string;
  /** Lower-cased rel tokens. Markdown has no rel: always `[]` there (what the author wrote, not what a platform renders). */
  rel: string[];
  /** Index into `blocks` of the block the link sits in, or -1 when it is in none (e.g. an image-only line). */
  block: number;
  line: number | null;
}

export interface ContentImage {
  src: string;
  /** The alt attribute / Markdown alt text; null when the attribute is absent (an empty alt is ""). */
  alt: string | null;
  /** Index into `blocks` of the nearest preceding block (-1 before the first one): where the image sits. */
  afterBlock: number;
  line: number | null;
}

/** A non-fatal remark from a parser (an unknown front-matter key, an unclosed fence …). */
export interface ContentWarning {
  code: string;
  message: string;
  line: number | null;
}

/** The one document model both parsers produce. */
export interface ContentDocument {
  source: ContentSource;
  /** Where the document lives (HTML `url` option); null for a draft. */
  url: string | null;
  /** SEO title: front-matter `title`, or the HTML `<title>` (og:title when there is none). */
  title: string | null;
  /** Medium subtitle: front-matter `subtitle`, or Medium's `pw-subtitle-paragraph` in HTML. */
  subtitle: string | null;
  /** Front-matter `slug`; for HTML the last path segment of the URL (or canonical). */
  slug: string | null;
  /** Meta description: front-matter `description` or `<meta name="description">` (og:description fallback). */
  description: string | null;
  tags: string[];
  /** Canonical URL (front-matter `canonical`, `<link rel="canonical">` resolved). */
  canonical: string | null;
  /** Focus keyphrase from the front matter (the caller may override it). */
  keyphrase: string | null;
  /** Keyphrase synonyms from the front matter (`synonyms`), if any. */
  synonyms: string[];
  /** Body blocks in document order (main content only for HTML). */
  blocks: ContentBlock[];
  links: ContentLink[];
  images: ContentImage[];
  /** Language tag from `<html lang>` / front-matter `lang`, when given. */
  lang: string | null;
  warnings: ContentWarning[];
  /** HTML only: which element was taken as the main content (`article`, `main`, `body`, …). */
  mainContent?: string;
}

// ---------------------------------------------------------------------------------------------
// Assessments and the report

export type AssessmentKind = 'seo' | 'readability' | 'medium';
export type ContentProfile = 'yoast' | 'rankmath' | 'medium';
export const CONTENT_PROFILES: readonly ContentProfile[] = ['medium', 'yoast', 'rankmath'];

/**
 * `good`/`ok`/`bad` follow the traffic light; `info` is a grey, unscored notice (Yoast "feedback");
 * `not-applicable` means the check had nothing to judge (no keyphrase, no user site …); `error` means
 * the assessment threw and was isolated by the runner.
 */
export type AssessmentStatus = 'good' | 'ok' | 'bad' | 'info' | 'not-applicable' | 'error';
export type AssessmentRating = 'green' | 'orange' | 'red' | 'grey';

/** JSON-safe values only, so results survive `--json` and storage unchanged. */
export type MeasuredValue = string | number | boolean | null | readonly MeasuredValue[] | { readonly [key: string]: MeasuredValue };
export type ContentParams = Readonly<Record<string, MeasuredValue>>;

export interface AssessmentResult {
  id: string;
  kind: AssessmentKind;
  status: AssessmentStatus;
  /** Displayed score, 0–9 (Yoast's negative penalty scores are clamped here; see `rawScore`). */
  score: number;
  /**
   * The score as the source tool defines it, which may be negative (Yoast: −10/−20 for very short
   * texts, −50 for keyphrase stuffing, −999 without a keyphrase). The overall SEO score sums these.
   */
  rawScore: number;
  rating: AssessmentRating;
  messageId: string;
  params: ContentParams;
  /** Every measured quantity behind the verdict (word counts, percentages, offending items …). */
  measured: Readonly<Record<string, MeasuredValue>>;
}

export interface OverallScore {
  /** 0–100. */
  score: number;
  rating: AssessmentRating;
  /** How many results went into the score. */
  counted: number;
  /** Readability only: Yoast penalty points (red 3, orange 2). */
  penalty?: number;
}

export interface ContentReport {
  profile: ContentProfile;
  keyphrase: string | null;
  synonyms: string[];
  seo: OverallScore;
  readability: OverallScore;
  /** Medium checks, aggregated like the SEO score (mean of 0–9 scores on 0–100). */
  medium: OverallScore | null;
  results: AssessmentResult[];
  /** Headline text statistics (words, sentences, Flesch …) for `--json`. */
  stats: ContentStats;
}

export interface ContentStats {
  words: number;
  sentences: number;
  paragraphs: number;
  subheadings: number;
  links: number;
  images: number;
  syllables: number;
  fleschReadingEase: number | null;
  readingTimeMinutes: number;
}
