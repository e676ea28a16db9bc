/**
 * Every content assessment, in report order (SEO, Rank Math variants, readability, Medium), and which
 * profile runs which. Ids are stable: they are part of `--json` and of the message ids.
 */
import type { ContentProfile } from '../content-types.js';
import type { Assessment } from './assessment.js';
import { competingLinks } from './competing-links.js';
import { consecutiveSentences } from './consecutive-sentences.js';
import { fleschReadingEaseAssessment } from './flesch-reading-ease.js';
import { functionWordsInKeyphrase } from './function-words-in-keyphrase.js';
import { imagesPresent } from './images-present.js';
import { internalLinks } from './internal-links.js';
import { keyphraseDensity } from './keyphrase-density.js';
import { keyphraseDistribution } from './keyphrase-distribution.js';
import { keyphraseInImageAlt } from './keyphrase-in-image-alt.js';
import { keyphraseInIntroduction } from './keyphrase-in-introduction.js';
import { keyphraseInMetaDescription } from './keyphrase-in-meta-description.js';
import { keyphraseInSlug } from './keyphrase-in-slug.js';
import { keyphraseInSubheadings } from './keyphrase-in-subheadings.js';
import { keyphraseInTitle } from './keyphrase-in-title.js';
import { keyphraseLength } from './keyphrase-length.js';
import { mediumCanonical } from './medium-canonical.js';
import { mediumContextualLink } from './medium-contextual-link.js';
import { mediumFirstImage } from './medium-first-image.js';
import { mediumLinkRel } from './medium-link-rel.js';
import { mediumReadingTime } from './medium-reading-time.js';
import { mediumSubtitle } from './medium-subtitle.js';
import { mediumTags } from './medium-tags.js';
import { mediumTitleLength } from './medium-title-length.js';
import { metaDescriptionLength } from './meta-description-length.js';
import { outboundLinks } from './outbound-links.js';
import { paragraphLength } from './paragraph-length.js';
import { passiveVoice } from './passive-voice.js';
import { previouslyUsedKeyphrase } from './previously-used-keyphrase.js';
import { rankmathContentLength } from './rankmath-content-length.js';
import { rankmathDofollowExternalLink } from './rankmath-dofollow-external-link.js';
import { rankmathKeyphraseInFirst10Percent } from './rankmath-keyphrase-in-first-10-percent.js';
import { rankmathPermalinkLength } from './rankmath-permalink-length.js';
import { rankmathTitleHasNumber } from './rankmath-title-has-number.js';
import { sentenceLength } from './sentence-length.js';
import { singleH1 } from './single-h1.js';
import { subheadingDistribution } from './subheading-distribution.js';
import { textLength } from './text-length.js';
import { textPresence } from './text-presence.js';
import { titleWidth } from './title-width.js';
import { transitionWords } from './transition-words.js';

/** Assessments with their own option types; `run` is a method, so its parameter is checked bivariantly. */
export type AnyAssessment = Assessment<object>;

export const ASSESSMENTS: readonly AnyAssessment[] = [
  // SEO (Yoast)
  keyphraseInIntroduction,
  keyphraseLength,
  keyphraseDensity,
  keyphraseInMetaDescription,
  keyphraseInSubheadings,
  competingLinks,
  keyphraseInImageAlt,
  keyphraseInTitle,
  keyphraseInSlug,
  previouslyUsedKeyphrase,
  keyphraseDistribution,
  functionWordsInKeyphrase,
  textLength,
  outboundLinks,
  internalLinks,
  titleWidth,
  metaDescriptionLength,
  singleH1,
  imagesPresent,
  // SEO (Rank Math, where it differs)
  rankmathContentLength,
  rankmathKeyphraseInFirst10Percent,
  rankmathTitleHasNumber,
  rankmathPermalinkLength,
  rankmathDofollowExternalLink,
  // Readability
  fleschReadingEaseAssessment,
  subheadingDistribution,
  paragraphLength,
  sentenceLength,
  consecutiveSentences,
  passiveVoice,
  transitionWords,
  textPresence,
  // Medium
  mediumTitleLength,
  mediumSubtitle,
  mediumTags,
  mediumCanonical,
  mediumContextualLink,
  mediumLinkRel,
  mediumReadingTime,
  mediumFirstImage,
];

export const ASSESSMENT_IDS: readonly string[] = ASSESSMENTS.map((a) => a.meta.id);

export function assessmentsFor(profile: ContentProfile): AnyAssessment[] {
  return ASSESSMENTS.filter((a) => a.meta.profiles.includes(profile));
}

export function assessmentById(id: string): AnyAssessment | undefined {
  return ASSESSMENTS.find((a) => a.meta.id === id);
}
