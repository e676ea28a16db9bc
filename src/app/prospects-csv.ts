/**
 * Prospects as CSV, so a user can move from a spreadsheet (`linkwright pipeline --csv` exports,
 * `linkwright pipeline --import file.csv` imports). The export's columns are the import's: a sheet exported,
 * edited and imported again round-trips.
 *
 * Import: csv-parse 7 (notes/stack.md CSV pick) reads the file, zod validates every row (DESIGN §7: zod at every
 * boundary, imported CSV included), and only a file without a single error is written — in ONE transaction
 * (importProspects), so nothing is stored half-way. Errors name the line (the physical line of the file, as a
 * spreadsheet shows it) and the column.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { mediumUsernameFromUrl } from '../core/medium/medium-ids.js';
import { ACTIVE_STAGES, PIPELINE_STAGES } from '../core/outreach/index.js';
import { parseHttpUrl } from '../core/url/parse-url.js';
import { listTouches } from '../store/outreach-repository.js';
import { listPlacements } from '../store/placements-repository.js';
import { type ImportedProspect, type ImportResult, importProspects, listProspects } from '../store/prospects-repository.js';
import { msToIso, type OutreachDeps } from './outreach-support.js';

/** Columns of the export, in order. The import reads the first eight and ignores the derived ones. */
export const PROSPECT_SHEET_COLUMNS = [
  'id',
  'username',
  'name',
  'stage',
  'paused_from',
  'score',
  'niche',
  'qualified',
  'profile_url',
  'followers',
  'touches',
  'last_touch_at',
  'last_touch_kind',
  'placements_live',
  'updated_at',
] as const;

const IMPORTED_COLUMNS = ['username', 'name', 'stage', 'paused_from', 'score', 'niche', 'qualified', 'profile_url'] as const;
type ImportedColumn = (typeof IMPORTED_COLUMNS)[number];

/** Header spellings people use in their own sheets. */
const ALIASES: Readonly<Record<string, ImportedColumn>> = {
  user: 'username',
  handle: 'username',
  author: 'username',
  medium: 'username',
  display_name: 'name',
  status: 'stage',
  profile: 'profile_url',
  url: 'profile_url',
};

/**
 * Limits: a personal prospect list is hundreds of rows; 10,000 keeps a mistaken import (a whole CRM dump) from
 * running one giant transaction, and 5 MB bounds what is read into memory (the same 5 MB cap the fetcher uses
 * for one HTML page, FETCHER_DEFAULTS.maxBodyBytes).
 */
export const CSV_IMPORT_LIMITS = { maxRows: 10_000, maxBytes: 5 * 1024 * 1024, errorsShown: 10 } as const;

/** Undoes the export's spreadsheet-injection guard (a leading quote before = + - @). */
function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const usernameSchema = z.string().transform((raw, ctx) => {
  const text = raw.trim();
  const fromUrl = /^https?:\/\//i.test(text) ? mediumUsernameFromUrl(text) : null;
  const name = (fromUrl ?? text).replace(/^@/, '').toLowerCase();
  if (!/^[a-z0-9._-]{1,64}$/.test(name)) {
    ctx.addIssue({ code: 'custom', message: `not a Medium username: ${JSON.stringify(text.slice(0, 80))}` });
    return z.NEVER;
  }
  return name;
});

const stageSchema = z.preprocess(
  (v) => (typeof v === 'string' ? emptyToNull(v.trim().toLowerCase()) : v),
  z.enum(PIPELINE_STAGES, { message: `a stage is one of ${PIPELINE_STAGES.join(', ')}` }).nullable(),
);

const pausedFromSchema = z.preprocess(
  (v) => (typeof v === 'string' ? emptyToNull(v.trim().toLowerCase()) : v),
  z.enum(ACTIVE_STAGES, { message: `paused_from is one of ${ACTIVE_STAGES.join(', ')}` }).nullable(),
);

const scoreSchema = z.preprocess(
  (v) => {
    const e = emptyToNull(v);
    return typeof e === 'string' ? Number(e.trim()) : e;
  },
  z
    .number({ message: 'a score is a number from 0 to 100' })
    .min(0, 'a score is at least 0')
    .max(100, 'a score is at most 100')
    .transform((n) => Math.round(n))
    .nullable(),
);

const qualifiedSchema = z.preprocess((v) => {
  const e = emptyToNull(v);
  if (typeof e !== 'string') return e;
  const t = e.trim().toLowerCase();
  if (['true', 'yes', 'y', '1'].includes(t)) return true;
  if (['false', 'no', 'n', '0'].includes(t)) return false;
  return t;
}, z.boolean({ message: 'qualified is true or false (yes/no, 1/0)' }).nullable());

const urlSchema = z.preprocess(
  emptyToNull,
  z
    .string()
    .refine((v) => parseHttpUrl(v.trim()) !== null, 'profile_url must be an http(s) URL')
    .transform((v) => (parseHttpUrl(v.trim()) as URL).href)
    .nullable(),
);

const textSchema = (max: number) =>
  z.preprocess(
    emptyToNull,
    z
      .string()
      .max(max, `at most ${max} characters`)
      .transform((v) => v.trim())
      .nullable(),
  );

const rowSchema = z.object({
  username: usernameSchema,
  name: textSchema(200),
  stage: stageSchema,
  paused_from: pausedFromSchema,
  score: scoreSchema,
  niche: textSchema(500),
  qualified: qualifiedSchema,
  profile_url: urlSchema,
});

export interface ParsedSheet {
  rows: ImportedProspect[];
  /** Header cells that are not imported (derived export columns, or the sheet's own). */
  ignoredColumns: string[];
}

function invalid(file: string, line: number, message: string, details: Record<string, unknown> = {}): LinkwrightError {
  return new LinkwrightError('INVALID_INPUT', `${file}:${line}: ${message}`, { position: { input: file, line }, details });
}

function headerKey(cell: string): string {
  return unneutralise(cell)
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Parses and validates a whole sheet; throws INVALID_INPUT naming the line(s) of the first errors. */
export function parseProspectsCsv(text: string, file = 'prospects.csv'): ParsedSheet {
  if (Buffer.byteLength(text, 'utf8') > CSV_IMPORT_LIMITS.maxBytes) {
    throw invalid(file, 1, `the file is larger than ${CSV_IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`);
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, relax_column_count: false }) as unknown as typeof records;
  } catch (error) {
    const e = error as Error & { lines?: number; code?: string };
    throw invalid(file, e.lines ?? 1, `not valid CSV: ${e.message.replace(/ at line \d+$/, '').replace(/ on line \d+$/, '')}`, {
      csvCode: e.code,
    });
  }
  const first = records[0];
  if (first === undefined) throw invalid(file, 1, 'the file is empty: expected a header line with at least a "username" column');
  const startLine = (r: { record: string[]; info: { lines: number } }) =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);

  const columns = new Map<ImportedColumn, number>();
  const ignoredColumns: string[] = [];
  first.record.forEach((cell, index) => {
    const key = headerKey(cell);
    const column = (IMPORTED_COLUMNS as readonly string[]).includes(key) ? (key as ImportedColumn) : ALIASES[key];
    if (column !== undefined && !columns.has(column)) columns.set(column, index);
    else if (key !== '') ignoredColumns.push(cell.trim());
  });
  if (!columns.has('username')) {
    throw invalid(
      file,
      startLine(first),
      `no "username" column in the header (found: ${first.record.map((c) => JSON.stringify(c.trim())).join(', ')})`,
    );
  }
  const data = records.slice(1);
  if (data.length > CSV_IMPORT_LIMITS.maxRows) {
    throw invalid(file, startLine(data[CSV_IMPORT_LIMITS.maxRows] as (typeof data)[number]), `more than ${CSV_IMPORT_LIMITS.maxRows} rows`);
  }

  const errors: { line: number; message: string }[] = [];
  const rows: ImportedProspect[] = [];
  const seen = new Map<string, number>();
  for (const r of data) {
    const line = startLine(r);
    const raw: Record<string, string> = {};
    for (const [column, index] of columns) raw[column] = unneutralise(r.record[index] ?? '');
    for (const column of IMPORTED_COLUMNS) raw[column] ??= '';
    const result = rowSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) errors.push({ line, message: `${String(issue.path[0] ?? 'row')}: ${issue.message}` });
      continue;
    }
    const v = result.data;
    const earlier = seen.get(v.username);
    if (earlier !== undefined) {
      errors.push({ line, message: `username: @${v.username} is already on line ${earlier}` });
      continue;
    }
    seen.set(v.username, line);
    if (v.paused_from !== null && v.stage !== 'paused') {
      errors.push({ line, message: 'paused_from: only a paused prospect has a stage it paused from' });
      continue;
    }
    rows.push({
      username: v.username,
      name: v.name,
      profileUrl: v.profile_url,
      stage: v.stage,
      pausedFrom: v.paused_from,
      niche: v.niche,
      score: v.score,
      qualified: v.qualified,
    });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, CSV_IMPORT_LIMITS.errorsShown);
    const more = errors.length - shown.length;
    const firstError = shown[0] as { line: number; message: string };
    throw new LinkwrightError(
      'INVALID_INPUT',
      `${file}: ${errors.length} invalid row value${errors.length === 1 ? '' : 's'}, nothing was imported:\n${shown
        .map((e) => `  ${file}:${e.line}: ${e.message}`)
        .join('\n')}${more > 0 ? `\n  … and ${more} more` : ''}`,
      { position: { input: file, line: firstError.line }, details: { errors } },
    );
  }
  return { rows, ignoredColumns };
}

export interface ImportOutcome extends ImportResult {
  rows: number;
  ignoredColumns: string[];
}

/** Validates the whole file, then writes it in one transaction. */
export async function importProspectsCsv(deps: OutreachDeps, input: { text: string; file: string }): Promise<ImportOutcome> {
  const sheet = parseProspectsCsv(input.text, input.file);
  const result = await importProspects(deps.store.db, sheet.rows, msToIso(deps.clock.now()));
  return { ...result, rows: sheet.rows.length, ignoredColumns: sheet.ignoredColumns };
}

/** The sheet rows of every stored prospect, in PROSPECT_SHEET_COLUMNS order (pipeline order: stage, then score). */
export async function exportProspectRows(deps: Pick<OutreachDeps, 'store'>): Promise<(string | number | boolean | null)[][]> {
  const [prospects, touches, placements] = await Promise.all([
    listProspects(deps.store.db),
    listTouches(deps.store.db),
    listPlacements(deps.store.db),
  ]);
  const order = (stage: string) => {
    const i = (PIPELINE_STAGES as readonly string[]).indexOf(stage);
    return i === -1 ? PIPELINE_STAGES.length : i;
  };
  return [...prospects]
    .sort((a, b) => order(a.stage) - order(b.stage) || b.score - a.score || a.username.localeCompare(b.username))
    .map((p) => {
      const mine = touches.filter((t) => t.prospectId === p.id);
      const last = mine[mine.length - 1];
      return [
        p.id,
        p.username,
        p.name,
        p.stage,
        p.pausedFrom,
        p.coverage > 0 ? p.score : null,
        p.niche === '' ? null : p.niche,
        p.qualified,
        p.profileUrl,
        p.followers,
        mine.length,
        last?.at ?? null,
        last?.kind ?? null,
        placements.filter((x) => x.prospectId === p.id && (x.state === 'live' || x.state === 'changed')).length,
        p.updatedAt,
      ];
    });
}
