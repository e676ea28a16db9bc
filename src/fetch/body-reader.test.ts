import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { CappedBodyCollector, parseContentEncoding, readCappedBody } from './body-reader.js';

const caps = (maxBodyBytes: number, maxDecompressedBytes = maxBodyBytes) => ({ maxBodyBytes, maxDecompressedBytes });
const from = (...chunks: Buffer[]) => Readable.from(chunks);

describe('parseContentEncoding', () => {
  it('lists codings, lower case, without identity, x-gzip = gzip', () => {
    expect(parseContentEncoding('GZIP')).toEqual(['gzip']);
    expect(parseContentEncoding('deflate, br')).toEqual(['deflate', 'br']);
    expect(parseContentEncoding('identity')).toEqual([]);
    expect(parseContentEncoding('x-gzip')).toEqual(['gzip']);
    expect(parseContentEncoding(undefined)).toEqual([]);
  });
});

describe('readCappedBody', () => {
  it('keeps small bodies whole', async () => {
    const r = await readCappedBody(from(Buffer.from('ab'), Buffer.from('cd')), null, caps(10));
    expect(r).toMatchObject({ truncated: false, wireBytes: 4, decodedCodings: [], undecodedCoding: null });
    expect(r.body.toString()).toBe('abcd');
  });

  it('keeps the exact prefix at the cap, across chunk boundaries and buffer growth', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(10_000, 97 + (i % 26)));
    const r = await readCappedBody(from(...chunks), null, caps(300_001));
    expect(r.truncated).toBe(true);
    expect(r.body.length).toBe(300_001);
    expect(r.body.equals(Buffer.concat(chunks).subarray(0, 300_001))).toBe(true);
  });

  it('never keeps a reference to a written chunk (the caller may reuse its memory)', async () => {
    for (const [hint, size] of [
      [undefined, 1000], // small body: kept as copies
      [500_000, 100_000], // known length: one buffer filled in place
      [undefined, 100_000], // grows past the small-body bound
    ] as const) {
      const collector = new CappedBodyCollector(null, caps(1_000_000), hint);
      expect(collector.copiesSynchronously).toBe(true);
      const reused = Buffer.alloc(size);
      const expected: Buffer[] = [];
      for (let i = 0; i < 5; i++) {
        reused.fill(65 + i);
        expected.push(Buffer.from(reused));
        expect(collector.write(reused)).toBe('more');
      }
      collector.end();
      reused.fill(0);
      expect((await collector.result).body.equals(Buffer.concat(expected))).toBe(true);
    }
  });

  it('a compressed body is not copied synchronously, and asks the writer to wait when the decoder is full', async () => {
    const collector = new CappedBodyCollector('gzip', caps(50_000_000));
    expect(collector.copiesSynchronously).toBe(false);
    const html = Buffer.from('<p>x</p>'.repeat(2_000_000));
    const gz = gzipSync(html);
    let waited = 0;
    for (let at = 0; at < gz.length; at += 1024) {
      if (collector.write(gz.subarray(at, at + 1024)) === 'wait') {
        waited++;
        await new Promise<void>((resume) => collector.onDrain(resume));
      }
    }
    collector.end();
    expect((await collector.result).body.equals(html)).toBe(true);
    expect(waited).toBeGreaterThan(0);
  });

  it('honours an understated Content-Length', async () => {
    const data = Buffer.alloc(400_000, 1);
    const r = await readCappedBody(from(data.subarray(0, 300_000), data.subarray(300_000)), null, caps(1_000_000), 280_000);
    expect(r.truncated).toBe(false);
    expect(r.body.length).toBe(400_000);
  });

  it('inflates gzip and br and caps the decoded size', async () => {
    const html = Buffer.from('<p>hello</p>'.repeat(1000));
    expect((await readCappedBody(from(gzipSync(html)), 'gzip', caps(1e6))).body.equals(html)).toBe(true);
    expect((await readCappedBody(from(brotliCompressSync(html)), 'br', caps(1e6))).body.equals(html)).toBe(true);
    // Decoded over the body cap but within a larger decompression cap: truncated, not an error.
    const cut = await readCappedBody(from(gzipSync(html)), 'gzip', caps(100, 1e6));
    expect(cut).toMatchObject({ truncated: true });
    expect(cut.body.toString()).toBe(html.subarray(0, 100).toString());
  });

  it('throws DECOMPRESSION_LIMIT past the decompressed cap and refuses > 3 stacked codings', async () => {
    const bomb = gzipSync(Buffer.alloc(2_000_000));
    await expect(readCappedBody(from(bomb), 'gzip', caps(100_000))).rejects.toMatchObject({ code: 'DECOMPRESSION_LIMIT' });
    await expect(readCappedBody(from(Buffer.from('x')), 'gzip, gzip, gzip, gzip', caps(100))).rejects.toMatchObject({
      code: 'DECOMPRESSION_LIMIT',
    });
  });

  it('keeps raw bytes for an unknown coding and says so', async () => {
    const r = await readCappedBody(from(Buffer.from('zstd-bytes')), 'zstd', caps(100));
    expect(r.undecodedCoding).toBe('zstd');
    expect(r.body.toString()).toBe('zstd-bytes');
  });

  it('reports a corrupt gzip body as FETCH_NETWORK', async () => {
    const error = await readCappedBody(from(Buffer.from('definitely not gzip')), 'gzip', caps(100)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LinkwrightError);
    expect((error as LinkwrightError).code).toBe('FETCH_NETWORK');
  });
});
