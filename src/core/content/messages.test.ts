import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSESSMENTS } from './assessments/registry.js';
import { parseMarkdownDraft } from './markdown-draft.js';
import { CONTENT_MESSAGE_IDS, renderContentMessage } from './messages.js';
import { runContentCheck } from './runner.js';

const here = dirname(fileURLToPath(import.meta.url));

describe('content messages', () => {
  it('every id belongs to its assessment (or the runner) and renders without throwing', () => {
    const prefixes = new Set(ASSESSMENTS.map((a) => a.meta.id));
    for (const id of CONTENT_MESSAGE_IDS) {
      const prefix = id.slice(0, id.lastIndexOf('.'));
      expect(prefix === 'content' || prefixes.has(prefix), id).toBe(true);
      expect(typeof renderContentMessage(id, {})).toBe('string');
    }
  });

  it('renders every message the fixture drafts produce, with its numbers filled in', () => {
    for (const name of ['good-draft.md', 'stuffed-draft.md', 'no-subheadings-draft.md']) {
      const doc = parseMarkdownDraft(readFileSync(join(here, 'fixtures', name), 'utf8'));
      for (const profile of ['medium', 'yoast', 'rankmath'] as const) {
        const report = runContentCheck(doc, { profile, userSites: ['example.com'], previouslyUsed: [], knownTags: ['seo'] });
        for (const r of report.results) {
          const text = renderContentMessage(r.messageId, r.params);
          expect(CONTENT_MESSAGE_IDS, r.messageId).toContain(r.messageId);
          expect(text).not.toContain('undefined');
          expect(text).not.toContain('NaN');
        }
      }
    }
  });

  it('falls back to the id and params for an unknown id', () => {
    expect(renderContentMessage('nope.nothing', { a: 1 })).toBe('nope.nothing {"a":1}');
  });
});
