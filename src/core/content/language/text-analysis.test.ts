import { describe, expect, it } from 'vitest';
import { draft } from '../content.test-support.js';
import { analyseDocument, analyseTexts, countWords } from './text-analysis.js';

describe('analyseTexts', () => {
  it('counts words as a reader does (compounds, clitics, numbers, URLs)', () => {
    expect(countWords("A well-known e-mail isn't sent.")).toBe(5);
    expect(countWords('Visit example.com and www.site.org/path now!')).toBe(5);
    expect(countWords('Version 2.0 costs $5 today')).toBe(5);
    expect(countWords("The writer's book")).toBe(3);
  });

  it('does not end a sentence at the dots of a bare domain', () => {
    const [sentences] = analyseTexts(['Visit example.com today. Then go home.']);
    expect(sentences?.map((s) => s.text)).toEqual(['Visit http://example.com today.', 'Then go home.']);
  });

  it('keeps each text separate even without a final stop', () => {
    const out = analyseTexts(['A heading without stop', 'First sentence here. Second one', '', 'Last']);
    expect(out.map((list) => list.length)).toEqual([1, 2, 0, 1]);
    expect(out[1]?.[1]?.text).toBe('Second one');
  });

  it('gives terms and Porter2 stems per sentence', () => {
    const [sentences] = analyseTexts(['Linking pages links writers.']);
    expect(sentences?.[0]?.terms).toEqual(['linking', 'pages', 'links', 'writers']);
    expect(sentences?.[0]?.stems).toEqual(['link', 'page', 'link', 'writer']);
  });
});

describe('analyseDocument', () => {
  it('assigns sentences to blocks, counts headings in words and keeps code out', () => {
    const a = analyseDocument(draft('# Title here\n\nOne two three. Four five.\n\n- item one\n\n```\nlots of code words here\n```\n'));
    expect(a.wordCount).toBe(2 + 5 + 2);
    expect(a.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'list-item']);
    expect(a.proseSentences.map((s) => s.text)).toEqual(['One two three.', 'Four five.', 'item one']);
    expect(a.sentences).toHaveLength(4);
  });
});
