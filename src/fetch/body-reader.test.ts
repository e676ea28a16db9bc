import { Readable } from 'node:stream';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { parseContentEncoding, readCappedBody } from './body-reader.js';

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
