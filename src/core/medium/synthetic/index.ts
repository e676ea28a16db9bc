/** Pure string builders of Medium-shaped pages and feeds (demo world's fake Medium, reader tests). */
export { CHALLENGE_HEADERS, CHALLENGE_STATUS, type ChallengePageOptions, renderChallengePage } from './challenge-page.js';
export { cdata, displayDate, escapeAttr, escapeHtml, escapeXml, jsonForScript, rfc822 } from './escape.js';
export { feedHtmlOfStory, feedItemFromStory, renderMediumFeed } from './feed.js';
export { buildProfileState, profileDescription, renderProfilePage } from './profile-page.js';
export {
  buildApollo3State,
  DEFAULT_ORIGIN,
  displayedReadingMinutes,
  otherPostUrl,
  paragraphFromParts,
  publicationUrl,
  renderApollo3StoryPage,
  renderInline,
  storyUrl,
  userUrl,
} from './story-page.js';
export type {
  SyntheticFeedItem,
  SyntheticFeedSpec,
  SyntheticMarkup,
  SyntheticOtherPost,
  SyntheticParagraph,
  SyntheticParagraphType,
  SyntheticProfile,
  SyntheticPublication,
  SyntheticStory,
  SyntheticTag,
  SyntheticUser,
} from './synthetic-types.js';
