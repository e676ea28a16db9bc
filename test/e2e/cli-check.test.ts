/** End to end: `linkwright check` on drafts we wrote gives the verdicts a person would expect. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentReport } from '../../src/core/content/content-types.js';
import { runCliProcess } from '../support/run-cli.js';
import { repoRoot } from '../support/shared-data.js';

const draft = (name: string) => join(repoRoot, 'src', 'core', 'content', 'fixtures', name);

async function check(name: string): Promise<ContentReport> {
  const result = await runCliProcess(['check', draft(name), '--json', '--site', 'greenleaf-garden.test']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as ContentReport;
}

describe('linkwright check', () => {
  it('rates a good draft green, a keyword-stuffed one red, and flags a draft without subheadings', { timeout: 90_000 }, async () => {
    const [good, stuffed, flat] = await Promise.all([check('good-draft.md'), check('stuffed-draft.md'), check('no-subheadings-draft.md')]);
    expect(good.seo.rating).toBe('green');
    expect(good.readability.rating).toBe('green');
    expect(stuffed.seo.rating).toBe('red');
    expect(stuffed.results.find((r) => r.id === 'keyphrase-density')?.rating).toBe('red');
    expect(flat.results.find((r) => r.id === 'subheading-distribution')?.rating).toBe('red');
  });

  it('names a missing draft and exits with 2', async () => {
    const result = await runCliProcess(['check', 'no-such-draft.md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no-such-draft.md');
  });
});
