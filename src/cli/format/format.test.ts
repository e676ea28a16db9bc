import { describe, expect, it } from 'vitest';
import { neutraliseCell, toCsv } from './csv.js';
import { renderTable, terminalSafe } from './table.js';

describe('csv', () => {
  it('neutralises formula-looking cells and keeps others verbatim', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseCell('+1')).toBe(`'+1`);
    expect(neutraliseCell('-2')).toBe(`'-2`);
    expect(neutraliseCell('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(neutraliseCell('\tx')).toBe(`'\tx`);
    expect(neutraliseCell('plain, "quoted"')).toBe('plain, "quoted"');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(true)).toBe('true');
  });
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\nbye']])).toBe('a,b\n"x,y","say ""hi""\nbye"\n');
  });
});

describe('table', () => {
  it('aligns columns, clips long values and strips control characters', () => {
    const out = renderTable(
      [{ a: 'short', b: 'x'.repeat(50) }, { a: 'evil\u001b[2J', b: 'y' }],
      [
        { header: 'A', value: (r) => r.a },
        { header: 'B', value: (r) => r.b, max: 10 },
      ],
    );
    const lines = out.split('\n');
    expect(lines[0]).toBe('A         B');
    expect(lines[2]).toBe(`short     ${'x'.repeat(9)}…`);
    expect(lines[3]).toBe('evil\ufffd[2J  y');
    expect(terminalSafe('a\u202eb')).toBe('a\ufffdb');
  });
});
