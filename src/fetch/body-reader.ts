/**
 * Reads a response body under caps, while it streams (reliability.md R2/R3):
 * - the kept body never exceeds `maxBodyBytes`: a longer page keeps its prefix and is flagged
 *   `truncated` (Googlebot keeps the first 15 MB of HTML; we default to 5 MiB, DESIGN §6);
 * - a compressed body is inflated chunk by chunk with node:zlib and the *output* is counted; past
 *   `maxDecompressedBytes` the streams are destroyed and DECOMPRESSION_LIMIT is thrown (Scrapy's
 *   CVE-2025-6176 fix, ASVS 4.0.3 12.1.2 / CWE-409). Nothing is ever inflated in one go.
 * Memory stays bounded: the kept bytes (≤ `maxBodyBytes`, one buffer, no doubling copies) plus the
 * chunks in flight. Destroying the source aborts the undici request, so the
 * server's remaining bytes are never read.
 */
import type { Readable, TransformCallback } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import { LinkwrightError } from '../core/errors/linkwright-error.js';

export interface BodyCaps {
  /** Bytes kept (after decoding); beyond this the prefix is kept and `truncated` is set. */
  maxBodyBytes: number;
  /** Decoded bytes a compressed body may produce before DECOMPRESSION_LIMIT is thrown. */
  maxDecompressedBytes: number;
}

export interface BodyResult {
  body: Buffer;
  truncated: boolean;
  /** Bytes received from the network (compressed size when compressed). */
  wireBytes: number;
  /** Content codings that were decoded, outermost last as in the header (e.g. ['gzip']). */
  decodedCodings: string[];
  /** Set when the Content-Encoding was not one we can decode: the raw bytes are kept as they came. */
  undecodedCoding: string | null;
}

/** More stacked codings than this is not a real server (RFC 9110 allows a list; nobody sends 4). */
const MAX_CODINGS = 3;
/** Bodies up to this size are kept as their chunks; beyond it one cap-sized buffer is filled in place. */
const SMALL_BODY_BYTES = 256 * 1024;

const SUPPORTED = new Set(['gzip', 'deflate', 'br']);

/** Content-Encoding header → list of codings to undo (lower case; `x-gzip` = gzip, RFC 9110 §8.4.1.3). */
export function parseContentEncoding(value: string | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  return value
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity')
    .map((c) => (c === 'x-gzip' ? 'gzip' : c));
}

/**
 * Collects body bytes under a hard cap without leaving a trail of copies behind: small bodies are kept
 * as the received chunks and joined once at the end; once a body passes SMALL_BODY_BYTES (or the
 * length is known up front) a single buffer of its final bound is allocated and filled in place. There
 * is no doubling, so the only transient memory besides the kept bytes is the chunks the stream
 * delivered, which are garbage as soon as they are copied.
 */
class ByteAccumulator {
  private chunks: Buffer[] = [];
  private buf: Buffer | null = null;
  length = 0;
  constructor(
    private readonly cap: number,
    knownLength?: number,
  ) {
    if (knownLength !== undefined && knownLength > SMALL_BODY_BYTES) this.buf = Buffer.allocUnsafe(Math.min(knownLength, cap));
  }
  get room(): number {
    return this.cap - this.length;
  }
  append(chunk: Buffer): void {
    if (this.buf === null && this.length + chunk.length > SMALL_BODY_BYTES) {
      const big = Buffer.allocUnsafe(this.cap);
      let at = 0;
      for (const c of this.chunks) {
        big.set(c, at);
        at += c.length;
      }
      this.chunks = [];
      this.buf = big;
    }
    if (this.buf === null) {
      this.chunks.push(chunk);
    } else {
      if (this.length + chunk.length > this.buf.length) {
        // A Content-Length that understated the body: grow once, straight to the cap.
        const big = Buffer.allocUnsafe(this.cap);
        this.buf.copy(big, 0, 0, this.length);
        this.buf = big;
      }
      this.buf.set(chunk, this.length);
    }
    this.length += chunk.length;
  }
  result(): Buffer {
    if (this.buf === null) return Buffer.concat(this.chunks, this.length);
    // Give back a mostly empty tail so stored snapshots do not pin it.
    const waste = this.buf.length - this.length;
    if (waste >= 64 * 1024 && waste * 4 >= this.buf.length) return Buffer.from(this.buf.subarray(0, this.length));
    return this.buf.subarray(0, this.length);
  }
}

/**
 * "deflate" is meant to be zlib-wrapped (RFC 9110 §8.4.1.2) but some servers send raw DEFLATE;
 * like browsers (and undici's fetch), pick the decoder from the first byte.
 */
class InflateAuto extends Transform {
  private inner: Transform | null = null;
  override _transform(chunk: Buffer, _enc: BufferEncoding, callback: TransformCallback): void {
    if (this.inner === null) {
      if (chunk.length === 0) {
        callback();
        return;
      }
      const inner = ((chunk[0] ?? 0) & 0x0f) === 0x08 ? createInflate() : createInflateRaw();
      inner.on('data', (d: Buffer) => this.push(d));
      inner.on('error', (err) => this.destroy(err));
      this.inner = inner;
    }
    this.inner.write(chunk, callback);
  }
  override _flush(callback: TransformCallback): void {
    const inner = this.inner;
    if (inner === null) {
      callback();
      return;
    }
    inner.once('end', () => callback());
    inner.end();
  }
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner?.destroy();
    callback(error);
  }
}

function decoderFor(coding: string): Transform {
  if (coding === 'gzip') return createGunzip();
  if (coding === 'br') return createBrotliDecompress();
  return new InflateAuto();
}

/** Thrown inside the pipeline to stop reading once the cap is reached (not an error for callers). */
class EnoughBytes extends Error {}

export async function readCappedBody(
  source: Readable,
  contentEncoding: string | null | undefined,
  caps: BodyCaps,
  lengthHint?: number,
): Promise<BodyResult> {
  const codings = parseContentEncoding(contentEncoding);
  if (codings.length > MAX_CODINGS) {
    source.destroy();
    throw new LinkwrightError('DECOMPRESSION_LIMIT', `refusing ${codings.length} stacked content codings`, { details: { codings } });
  }
  const decodable = codings.every((c) => SUPPORTED.has(c));
  const active = decodable ? codings : [];
  const compressed = active.length > 0;
  const acc = new ByteAccumulator(caps.maxBodyBytes, !compressed && lengthHint !== undefined && lengthHint > 0 ? lengthHint : undefined);
  let wireBytes = 0;
  let decodedBytes = 0;
  let truncated = false;
  const stop = new EnoughBytes('cap reached');

  const counter = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      wireBytes += chunk.length;
      // A compressed stream bigger than the body cap (incompressible data) is cut at the cap too.
      if (compressed && wireBytes > caps.maxBodyBytes) {
        truncated = true;
        callback(stop);
        return;
      }
      callback(null, chunk);
    },
  });
  const sink = new Writable({
    write(chunk: Buffer, _enc, callback) {
      decodedBytes += chunk.length;
      if (compressed && decodedBytes > caps.maxDecompressedBytes) {
        callback(
          new LinkwrightError(
            'DECOMPRESSION_LIMIT',
            `decompressed body exceeds ${caps.maxDecompressedBytes} bytes (${wireBytes} bytes received)`,
            {
              details: { maxDecompressedBytes: caps.maxDecompressedBytes, wireBytes, codings: active },
            },
          ),
        );
        return;
      }
      if (chunk.length > acc.room) {
        acc.append(chunk.subarray(0, acc.room));
        truncated = true;
        callback(stop);
        return;
      }
      acc.append(chunk);
      callback();
    },
  });
  // Undo codings in reverse order of application (RFC 9110 §8.4: listed in the order applied).
  const decoders = [...active].reverse().map(decoderFor);
  try {
    await pipeline([source, counter, ...decoders, sink]);
  } catch (error) {
    if (error !== stop) {
      if (error instanceof LinkwrightError) throw error;
      const code = (error as { code?: unknown }).code;
      if (typeof code === 'string' && code.startsWith('Z_')) {
        throw new LinkwrightError('FETCH_NETWORK', `corrupt ${active.join('+')} body: ${(error as Error).message}`, {
          cause: error,
          details: { zlibCode: code },
        });
      }
      throw error;
    }
  }
  return { body: acc.result(), truncated, wireBytes, decodedCodings: active, undecodedCoding: decodable ? null : codings.join(', ') };
}
