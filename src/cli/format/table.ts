/**
 * Plain-text tables for the terminal. Hand-written (about 40 lines) because the table libraries on
 * npm either pull ANSI/width dependencies we do not need or mis-measure wide characters; we only
 * need left-aligned columns clipped to a width.
 */
export interface Column<Row> {
  header: string;
  value: (row: Row) => string;
  /** Clip longer values to this many characters (with an ellipsis). */
  max?: number;
}

/** Control characters from scraped text are shown as U+FFFD so a page cannot drive the terminal. */
export function terminalSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to remove them
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd');
}

function clip(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}

export function renderTable<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): string {
  const cells = rows.map((row) => columns.map((col) => clip(terminalSafe(col.value(row)), col.max)));
  const widths = columns.map((col, i) => Math.max(col.header.length, ...cells.map((r) => (r[i] ?? '').length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => v.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), line(widths.map((w) => '-'.repeat(w)))];
  for (const row of cells) out.push(line(row));
  return out.join('\n');
}
