/**
 * End to end: the outreach pipeline through the real CLI (child processes) — CSV import (a malformed file first:
 * a clear error with the line number and nothing stored), touches with a pacing warning, a refused stage move,
 * pitch drafts (a missing merge value names the field), the agenda, one prospect's record and the CSV export.
 * Offline: the agenda and drafts use stored data (`--offline`, `--story`), so no server is needed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliProcess } from '../support/run-cli.js';

let dir: string;
let dbFile: string;
const env = { TZ: 'UTC', LINKWRIGHT_AGENDA_SEED: 'e2e' };
const cli = (args: string[]) => runCliProcess([...args, '--db', dbFile], { env, cwd: dir });

function count(table: string): number {
  const db = new BetterSqlite3(dbFile, { readonly: true });
  try {
    return (db.prepare(`select count(*) n from ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** The next Monday after today (UTC): a working day in the future for `agenda --date`. */
function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lw-outreach-e2e-'));
  dbFile = join(dir, 'outreach.db');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('linkwright --help', () => {
  it('lists the outreach commands', async () => {
    const top = await runCliProcess(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['pipeline', 'prospect', 'stage', 'touch', 'agenda', 'pitch', 'watch', 'monitor', 'webhook', 'serve']) {
      expect(top.stdout).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
  });
});

describe('the outreach pipeline through the CLI', () => {
  it('refuses a malformed CSV with the line number and stores nothing, then imports a good one', async () => {
    writeFileSync(join(dir, 'bad.csv'), 'username,name,stage,score\nmaya,Maya Fields,qualified,81\n"tom,Tom,found,40\n');
    const bad = await cli(['pipeline', '--import', 'bad.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('INVALID_INPUT: bad.csv:3: not valid CSV');
    expect(count('prospects')).toBe(0);
    expect(count('medium_authors')).toBe(0);

    writeFileSync(
      join(dir, 'good.csv'),
      'username,name,stage,score,niche\n@maya-fields,Maya Fields,qualified,81,gardening\ntom-okafor,Tom Okafor,found,40,gardening\nleo-park,Leo Park,qualified,70,money\n',
    );
    const good = await cli(['pipeline', '--import', 'good.csv']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('imported 3 rows from good.csv: 3 new, 0 updated, 0 unchanged');
    expect(count('prospects')).toBe(3);
  }, 60_000);

  it('logs a touch that breaks a rule, warning which rule and when it would be safe, and moves the stage', async () => {
    // Saturday 2026-10-31: weekends are quiet days under the default rules.
    const out = await cli([
      'touch',
      '@maya-fields',
      'comment',
      '--url',
      'https://medium.com/@maya-fields/mulch-0123456789ab',
      '--note',
      'asked about straw',
      '--at',
      '2026-10-31T10:00:00Z',
    ]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('logged comment for @maya-fields at 2026-10-31 10:00 UTC; stage qualified → engaged');
    expect(out.stderr).toContain('warning: this comment breaks a pacing rule');
    expect(out.stderr).toContain('quiet-day: sat is a quiet day (safe from 2026-11-02 00:00 UTC)');
    expect(count('touches')).toBe(1);
  }, 30_000);

  it('refuses a pitch stage without engagement, naming the guard and the way to override it', async () => {
    const out = await cli(['stage', '@tom-okafor', 'pitched']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('@tom-okafor cannot move from found to pitched');
    expect(out.stderr).toContain('pitching needs at least 1 engagement');
    expect(out.stderr).toContain('add --force to override');
  }, 30_000);

  it('drafts a pitch: a missing merge value is an error naming the field; with values the draft is printed and stored', async () => {
    const story = ['--story', 'https://medium.com/@maya-fields/mulch-0123456789ab', '--story-title', 'Mulch: the lazy gardener’s secret'];
    const missing = await cli(['pitch', '@maya-fields', '--template', 'pitch', ...story, '--sender', 'Robin']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('TEMPLATE_FIELD_MISSING: template "pitch" needs a value for assetTitle (line 9), assetUrl (line 9)');
    expect(missing.stderr).toContain('assetTitle: --asset-title');
    expect(missing.stdout).toBe('');

    const ok = await cli([
      'pitch',
      '@maya-fields',
      '--template',
      'pitch',
      ...story,
      '--sender',
      'Robin',
      '--asset',
      'https://greenleaf.example/chart',
      '--asset-title',
      'Companion planting chart',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    const draft = JSON.parse(ok.stdout) as { draftId: number; text: string; subject: string; editMarkers: unknown[] };
    expect(draft.text).toContain('Hi Maya,');
    expect(draft.text).toContain('[Companion planting chart](https://greenleaf.example/chart)');
    expect(draft.text).not.toMatch(/\{\{|\}\}/);
    expect(draft.editMarkers).toHaveLength(2);
    expect(count('drafts')).toBe(1);
  }, 60_000);

  it('plans an agenda for a working day: follow the qualified author; nothing for the one not qualified', async () => {
    const date = nextMonday();
    const out = await cli(['agenda', '--offline', '--json', '--date', date]);
    expect(out.code).toBe(0);
    const agenda = JSON.parse(out.stdout) as {
      date: string;
      quiet: boolean;
      items: { username: string; action: string; suggestedAt: string; why: { text: string } }[];
    };
    expect(agenda).toMatchObject({ date, quiet: false });
    expect(agenda.items.map((i) => [i.username, i.action])).toEqual([['leo-park', 'follow']]);
    expect(agenda.items[0]?.why.text).toBe('follow them to start the relationship');
    expect(agenda.items[0]?.suggestedAt.slice(0, 10)).toBe(date);
  }, 30_000);

  it('shows everything about one prospect, and exports the pipeline as CSV', async () => {
    const one = await cli(['prospect', '@maya-fields', '--json']);
    expect(one.code).toBe(0);
    const p = JSON.parse(one.stdout) as Record<string, unknown> & {
      touches: { kind: string; note: string }[];
      drafts: { templateId: string }[];
      stageHistory: { from: string | null; to: string; source: string }[];
      pacing: { kind: string }[];
    };
    expect(p).toMatchObject({ username: 'maya-fields', stage: 'engaged', score: 81 });
    expect(p.touches.map((t) => [t.kind, t.note])).toEqual([['comment', 'asked about straw']]);
    expect(p.drafts.map((d) => d.templateId)).toEqual(['pitch']);
    expect(p.stageHistory.map((s) => [s.from, s.to, s.source])).toEqual([
      [null, 'qualified', 'import'],
      ['qualified', 'engaged', 'touch'],
    ]);
    expect(p.pacing.map((x) => x.kind)).toEqual(['follow', 'comment', 'clap', 'pitch', 'follow-up']);

    const csv = await cli(['pipeline', '--csv']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'id,username,name,stage,paused_from,score,niche,qualified,profile_url,followers,touches,last_touch_at,last_touch_kind,placements_live,updated_at',
    );
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 4).join(','))).toEqual([
      'tom-okafor,Tom Okafor,found',
      'leo-park,Leo Park,qualified',
      'maya-fields,Maya Fields,engaged',
    ]);
  }, 60_000);
});
