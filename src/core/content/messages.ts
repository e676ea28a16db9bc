/**
 * English rendering of content-check messages. Core returns `messageId` + `params` (DESIGN §3); the CLI
 * and the dashboard call `renderContentMessage`. Each assessment module owns its message texts; the
 * runner-level ids (`content.*`) are here. Ids are part of the JSON output: add ids, never rename one.
 */
import { str } from './assessments/assessment.js';
import { ASSESSMENTS } from './assessments/registry.js';
import type { ContentParams } from './content-types.js';

const RUNNER_MESSAGES: Readonly<Record<string, (p: ContentParams) => string>> = {
  'content.assessment-error': (p) => `This check failed and was skipped (${str(p, 'code')}: ${str(p, 'message')}).`,
  'content.language-unsupported': (p) => `This check needs English; the text is marked as "${str(p, 'locale')}".`,
};

const ALL: ReadonlyMap<string, (p: ContentParams) => string> = (() => {
  const m = new Map<string, (p: ContentParams) => string>();
  for (const [id, f] of Object.entries(RUNNER_MESSAGES)) m.set(id, f);
  for (const a of ASSESSMENTS) for (const [id, f] of Object.entries(a.messages)) m.set(id, f);
  return m;
})();

/** Every message id the checker can emit. */
export const CONTENT_MESSAGE_IDS: readonly string[] = [...ALL.keys()];

/** Render a message id with its params; an unknown id renders as the id and its params (never throws). */
export function renderContentMessage(id: string, params: ContentParams = {}): string {
  const f = ALL.get(id);
  if (f === undefined) return `${id} ${JSON.stringify(params)}`;
  return f(params);
}
