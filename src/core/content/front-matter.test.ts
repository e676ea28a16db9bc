import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../errors/linkwright-error.js';
import { splitFrontMatter } from './front-matter.js';

function errorOf(text: string): LinkwrightError {
  try {
    splitFrontMatter(text);
  } catch (err) {
    if (err instanceof LinkwrightError) return err;
    throw err;
  }
  throw new Error('expected an error');
}

describe('splitFrontMatter', () => {
  it('reads the listed keys in every accepted form', () => {
    const { frontMatter, body, bodyStartLine } = splitFrontMatter(
      [
        '---',
        'title: Plain title # a comment',
        'subtitle: "Quoted: with \\"escapes\\" and \\u00e9"',
        "slug: 'it''s-a-slug'",
        'description: >',
        '  Folded text',
        '  over two lines.',
        'tags: [seo, "link building", \'writing\']',
        'synonyms:',
        '  - backlinks from medium',
        '  - medium links',
        'canonical: https://example.com/post',
        'keyphrase: medium backlinks',
        '---',
        'Body here.',
      ].join('\n'),
    );
    expect(frontMatter?.text).toEqual({
      title: 'Plain title',
      subtitle: 'Quoted: with "escapes" and é',
      slug: "it's-a-slug",
      description: 'Folded text over two lines.',
      canonical: 'https://example.com/post',
      keyphrase: 'medium backlinks',
    });
    expect(frontMatter?.lists).toEqual({ tags: ['seo', 'link building', 'writing'], synonyms: ['backlinks from medium', 'medium links'] });
    expect(body).toBe('Body here.');
    expect(bodyStartLine).toBe(15);
    expect(frontMatter?.lines.keyphrase).toBe(13);
  });

  it('accepts comma-separated tags, literal block scalars, nulls and a BOM', () => {
    const { frontMatter } = splitFrontMatter('\ufeff---\ntags: seo, writing\ndescription: |\n  line one\n  line two\nslug: ~\n---\n');
    expect(frontMatter?.lists.tags).toEqual(['seo', 'writing']);
    expect(frontMatter?.text.description).toBe('line one\nline two');
    expect(frontMatter?.text.slug).toBeNull();
  });

  it('keeps YAML scalars as text (no booleans or numbers)', () => {
    const { frontMatter } = splitFrontMatter('---\ntitle: no\nkeyphrase: 1.10\n---\n');
    expect(frontMatter?.text.title).toBe('no');
    expect(frontMatter?.text.keyphrase).toBe('1.10');
  });

  it('warns about unknown keys instead of failing', () => {
    const { frontMatter } = splitFrontMatter('---\ntitle: T\ndate: 2024-01-01\n---\n');
    expect(frontMatter?.warnings).toEqual([
      { code: 'front-matter.unknown-key', message: 'unknown front-matter key `date` ignored', line: 3 },
    ]);
  });

  it('has no front matter unless the first line is ---', () => {
    const out = splitFrontMatter('# Title\n---\ntitle: x\n---\n');
    expect(out.frontMatter).toBeNull();
    expect(out.bodyStartLine).toBe(1);
  });

  it.each([
    ['---\ntitle: x\n', 1, 'never closed'],
    ['---\ntitle: x\ntitle: y\n---\n', 3, 'duplicate key'],
    ['---\ntitle x\n---\n', 2, 'expected `key: value`'],
    ['---\ntitle: "open\n---\n', 2, 'unterminated double-quoted'],
    ["---\ntitle: 'open\n---\n", 2, 'unterminated single-quoted'],
    ['---\ntags: [a, b\n---\n', 2, 'unterminated `[` list'],
    ['---\ntags:\n\t- a\n---\n', 3, 'tab in indentation'],
    ['---\ntitle: [a, b]\n---\n', 2, 'must be text'],
    ['---\ntitle: "a" b\n---\n', 2, 'unexpected text after the value'],
    ['---\ntitle: "bad \\q"\n---\n', 2, 'unknown escape'],
    ['---\ntags:\n  - a\n  b\n---\n', 4, 'expected `- item`'],
  ])('rejects %j naming line %i', (text, line, message) => {
    const err = errorOf(text);
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.position?.line).toBe(line);
    expect(err.message).toContain(`line ${line}`);
    expect(err.message).toContain(message);
  });

  it('names the input file first when it is known', () => {
    let error: unknown;
    try {
      splitFrontMatter('---\ntitle: "open\n---\n', 'drafts/post.md');
    } catch (e) {
      error = e;
    }
    expect((error as Error).message).toMatch(/^drafts\/post\.md: front matter, line 2: unterminated double-quoted/);
  });
});
