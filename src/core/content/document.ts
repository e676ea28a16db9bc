/**
 * The content checker's inputs, as one model: a Markdown draft with front matter, or an HTML page.
 * Both produce a `ContentDocument` (content-types.ts); a URL input is fetched by the app layer and then
 * parsed here as HTML with its `url`.
 */
export { parseHtmlDocument, slugFromUrl, type HtmlDocumentOptions } from './html-document.js';
export { parseMarkdownDraft, type MarkdownDraftOptions } from './markdown-draft.js';
export {
  splitFrontMatter,
  parseFrontMatterLines,
  type FrontMatter,
  FRONT_MATTER_TEXT_KEYS,
  FRONT_MATTER_LIST_KEYS,
} from './front-matter.js';
export type { ContentDocument, ContentBlock, ContentBlockKind, ContentLink, ContentImage, ContentWarning } from './content-types.js';
