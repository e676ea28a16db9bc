import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import type { Store } from '../store/open-store.js';
import { countRows } from '../store/pages-repository.js';
import { findProspect, listProspects } from '../store/prospects-repository.js';
import { logTouch } from './log-touch.js';
import { seedProspect, settableClock, tempStore } from './outreach.test-support.js';
import { exportProspectRows, importProspectsCsv, PROSPECT_SHEET_COLUMNS, parseProspectsCsv } from './prospects-csv.js';

let store: Store;
let cleanup: () => Promise<void>;
const clock = settableClock();

beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
});
afterEach(async () => cleanup());

function errorOf(fn: () => unknown): LinkwrightError {
  try {
    fn();
  } catch (error) {
    if (error instanceof LinkwrightError) return error;
    throw error;
  }
  throw new Error('expected a LinkwrightError');
}

describe('parseProspectsCsv', () => {
  it('reads a spreadsheet: aliases, @names, profile URLs, the export quote guard, empty cells as "keep"', () => {
    const sheet = parseProspectsCsv(
      [
        '\uFEFFHandle,Display Name,Status,Score,Niche,Qualified,Profile,My notes',
        '@Maya-Fields,Maya Fields,Engaged,81.4,gardening,yes,https://medium.com/@maya-fields,met at a meetup',
        'https://medium.com/@tom-okafor,,,,,,,',
        `'@dana,"Dana, the balcony one",paused,,,no,,`,
      ].join('\r\n'),
      'sheet.csv',
    );
    expect(sheet.ignoredColumns).toEqual(['My notes']);
    expect(sheet.rows).toEqual([
      {
        username: 'maya-fields',
        name: 'Maya Fields',
        profileUrl: 'https://medium.com/@maya-fields',
        stage: 'engaged',
        pausedFrom: null,
        niche: 'gardening',
        score: 81,
        qualified: true,
      },
      { username: 'tom-okafor', name: null, profileUrl: null, stage: null, pausedFrom: null, niche: null, score: null, qualified: null },
      {
        username: 'dana',
        name: 'Dana, the balcony one',
        profileUrl: null,
        stage: 'paused',
        pausedFrom: null,
        niche: null,
        score: null,
        qualified: false,
      },
    ]);
  });

  it('names the line of a malformed CSV (unclosed quote, wrong number of cells)', () => {
    const unclosed = errorOf(() => parseProspectsCsv('username,name\nmaya,Maya\n"tom,Tom\n', 'bad.csv'));
    expect(unclosed.code).toBe('INVALID_INPUT');
    expect(unclosed.position).toMatchObject({ input: 'bad.csv', line: 3 });
    expect(unclosed.message).toMatch(/^bad\.csv:3: not valid CSV: Quote Not Closed/);
    const ragged = errorOf(() => parseProspectsCsv('username,name\nmaya,Maya\ntom\n', 'ragged.csv'));
    expect(ragged.message).toMatch(/^ragged\.csv:3: not valid CSV: Invalid Record Length/);
  });

  it('validates every row and reports each bad value with its line and column, physical lines counted', () => {
    const error = errorOf(() =>
      parseProspectsCsv(
        [
          'username,stage,score,profile_url,name',
          'maya,engaged,50,,"Maya',
          'Fields"',
          'tom,contacted,50,,',
          'not a user!,found,101,ftp://x,',
          'maya,found,,,',
          'ivy,qualified,,,',
        ].join('\n'),
        'people.csv',
      ),
    );
    expect(error.position?.line).toBe(4);
    expect(error.message).toContain('people.csv: 5 invalid row values, nothing was imported');
    expect(error.message).toContain('people.csv:4: stage: a stage is one of found, qualified');
    expect(error.message).toContain('people.csv:5: username: not a Medium username: "not a user!"');
    expect(error.message).toContain('people.csv:5: score: a score is at most 100');
    expect(error.message).toContain('people.csv:5: profile_url: profile_url must be an http(s) URL');
    expect(error.message).toContain('people.csv:6: username: @maya is already on line 2');
    expect(error.message).not.toContain(':7:');
  });

  it('needs a header with a username column, and a paused_from only on paused rows', () => {
    expect(errorOf(() => parseProspectsCsv('', 'e.csv')).message).toBe(
      'e.csv:1: the file is empty: expected a header line with at least a "username" column',
    );
    expect(errorOf(() => parseProspectsCsv('name,stage\nMaya,found\n', 'h.csv')).message).toMatch(
      /^h\.csv:1: no "username" column in the header \(found: "name", "stage"\)/,
    );
    expect(errorOf(() => parseProspectsCsv('username,stage,paused_from\nmaya,found,followed\n', 'p.csv')).message).toContain(
      'p.csv:2: paused_from: only a paused prospect',
    );
  });
});

describe('importProspectsCsv', () => {
  it('stores nothing when any row is wrong, and everything when the file is right', async () => {
    await seedProspect(store, 'maya');
    const before = await countRows(store.db, 'prospects');
    const bad = 'username,stage\ntom,followed\ndana,cold\n';
    await expect(importProspectsCsv({ store, clock }, { text: bad, file: 'bad.csv' })).rejects.toThrow(/bad\.csv:3: stage/);
    expect(await countRows(store.db, 'prospects')).toBe(before);
    expect(await countRows(store.db, 'medium_authors')).toBe(1);
    expect(await countRows(store.db, 'stage_changes')).toBe(0);

    const good = await importProspectsCsv(
      { store, clock },
      { text: 'username,stage,score\ntom,followed,40\nmaya,engaged,\n', file: 'good.csv' },
    );
    expect(good).toMatchObject({ rows: 2, created: 1, updated: 1, unchanged: 0 });
    expect((await findProspect(store.db, 'tom'))?.stage).toBe('followed');
    expect((await findProspect(store.db, 'maya'))?.stage).toBe('engaged');
  });

  it('round-trips: an exported sheet imported again changes nothing', async () => {
    await seedProspect(store, 'maya', { score: 88 });
    await importProspectsCsv({ store, clock }, { text: 'username,name,stage,paused_from\nivy,Ivy H,paused,followed\n', file: 'a.csv' });
    await logTouch({ store, clock }, { prospect: '@maya', kind: 'follow' });
    const rows = await exportProspectRows({ store });
    expect(rows.map((r) => [r[1], r[3], r[4], r[5], r[10], r[12]])).toEqual([
      ['maya', 'followed', null, 88, 1, 'follow'],
      ['ivy', 'paused', 'followed', null, 0, null],
    ]);
    const { toCsv } = await import('../cli/format/csv.js');
    const text = toCsv(PROSPECT_SHEET_COLUMNS, rows);
    const before = await listProspects(store.db);
    const again = await importProspectsCsv({ store, clock }, { text, file: 'export.csv' });
    expect(again).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    expect(again.ignoredColumns).toEqual([
      'id',
      'followers',
      'touches',
      'last_touch_at',
      'last_touch_kind',
      'placements_live',
      'updated_at',
    ]);
    expect(await listProspects(store.db)).toEqual(before);
  });
});
