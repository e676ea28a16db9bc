import { stringify } from 'csv-stringify/sync';

/**
 * CSV export with spreadsheet-injection protection (OWASP CSV Injection; reliability.md S2):
 * a cell starting with = + - @ tab or CR is prefixed with a single quote so Excel/Sheets show it as text.
 */
export function neutraliseCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return stringify([header as string[], ...rows.map((row) => row.map(neutraliseCell))], {
    cast: { boolean: (v) => String(v) },
  });
}
