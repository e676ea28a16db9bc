import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliExit } from '../cli-io.js';
import { buildAuditInputs } from './audit-command.js';

describe('buildAuditInputs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-audit-inputs-'));

  it('stores one page per address: parsed, without fragment, repeats dropped', async () => {
    const inputs = await buildAuditInputs(
      ['HTTP://Example.com/story#intro', 'http://example.com/./story', 'http://example.com:80/story', 'https://example.com/other'],
      {},
      dir,
    );
    expect(inputs).toEqual([
      { kind: 'url', url: 'http://example.com/story' },
      { kind: 'url', url: 'https://example.com/other' },
    ]);
    const saved = await buildAuditInputs([], { html: 'page.html', url: 'https://Medium.com/p/abc#x' }, dir);
    expect(saved).toEqual([{ kind: 'file', path: join(dir, 'page.html'), url: 'https://medium.com/p/abc' }]);
  });

  it('reads --from-file with comments after the URL, skipping repeats, and names file:line for bad lines', async () => {
    const list = join(dir, 'urls.txt');
    writeFileSync(list, '\uFEFF# my list\r\nhttps://a.test/1 # first\r\n\r\nhttps://a.test/1\r\nhttps://a.test/2\r\n');
    expect(await buildAuditInputs([], { fromFile: list }, dir)).toEqual([
      { kind: 'url', url: 'https://a.test/1' },
      { kind: 'url', url: 'https://a.test/2' },
    ]);
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'https://a.test/1\nhttps://a.test/has space\n');
    const error = await buildAuditInputs([], { fromFile: bad }, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliExit);
    expect((error as CliExit).message).toContain(`${bad}:2`);
  });
});
