import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

describe('openStore (SQLite) on bad locations', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-open-store-'));

  it('a file that is not a database is a config error naming it, and the file is left as it was', async () => {
    const path = join(dir, 'notes.db');
    writeFileSync(path, 'just some text, not SQLite\n'.repeat(50));
    await expect(openStore({ location: path })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining(`cannot open database ${path}: file is not a database`),
    });
    expect(readFileSync(path, 'utf8')).toBe('just some text, not SQLite\n'.repeat(50));
  });

  it('a path under a file is a config error, not a crash', async () => {
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    await expect(openStore({ location: join(file, 'x.db') })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringContaining('a file is in the way'),
    });
  });

  it('creates missing folders and opens a new database', async () => {
    const store = await openStore({ location: join(dir, 'a', 'b', 'new.db') });
    expect(store.dialect).toBe('sqlite');
    await store.close();
  });
});
