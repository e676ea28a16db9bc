/**
 * Reads a response body under caps, while it streams (reliability.md R2/R3):
 * - the kept body never exceeds `maxBodyBytes`: a longer page keeps its prefix and is flagged
 *   `truncated` (Googlebot keeps the first 15 MB of HTML; we default to 5 MiB, DESIGN §6);
 * - a compressed body is inflated chunk by chunk with node:zlib and the *output* is counted; past
 *   `maxDecompressedBytes` the streams are destroyed and DECOMPRESSION_LIMIT is thrown (Scrapy's
 *   CVE-2025-6176 fix, ASVS 4.0.3 12.1.2 / CWE-409). Nothing is ever inflated in one go.
 * Memory stays bounded: the kept bytes (≤ `maxBodyBytes`, one buffer, no doubling copies) plus the
 * chunks in flight. A plain body's chunks are copied during `write`, so the fetcher can lend us views
 * on reused socket buffers (socket-read-buffers.ts); once the cap is reached the caller aborts the
 * request, so the server's remaining bytes are never read.
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
 * Collects body bytes under a hard cap without leaving a trail of copies behind. Two ways:
 * - `copy` (bytes straight off the socket, whose memory the caller reuses once `append` returns):
 *   small bodies are kept as copies of the chunks and joined once at the end; once a body passes
 *   SMALL_BODY_BYTES (or the length is known up front) a single buffer of its final bound is
 *   allocated and filled in place. No doubling, and no garbage when the socket buffers are reused.
 * - `own` (chunks nobody else will touch, e.g. node:zlib's output): the chunks themselves are kept
 *   and joined at the end. Copying them into a cap-sized buffer would leave each one behind as
 *   garbage until V8's next GC — 2× the cap for a decompression bomb, which is refused before the
 *   join, so it now peaks at ≈ 1× the cap.
 */
class ByteAccumulator {
  private chunks: Buffer[] = [];
  private buf: Buffer | null = null;
  length = 0;
  constructor(
    private readonly cap: number,
    private readonly chunkOwnership: 'copy' | 'own',
    knownLength?: number,
  ) {
    if (chunkOwnership === 'copy' && knownLength !== undefined && knownLength > SMALL_BODY_BYTES) {
      this.buf = Buffer.allocUnsafe(Math.min(knownLength, cap));
    }
  }
  get room(): number {
    return this.cap - this.length;
  }
  append(chunk: Buffer): void {
    if (this.chunkOwnership === 'own') {
      this.chunks.push(chunk);
      this.length += chunk.length;
      return;
    }
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
      // A copy, never the chunk itself: the caller may reuse the chunk's memory once we return
      // (socket-read-buffers.ts); at most SMALL_BODY_BYTES are copied this way.
      this.chunks.push(Buffer.from(chunk));
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

/** Ends the decoding pipeline once the cap is reached (not an error for callers). */
class EnoughBytes extends Error {}

/** What a writer should do after handing the collector a chunk. */
export type CollectorWrite = 'more' | 'wait' | 'done';

/**
 * Takes a response body chunk by chunk (push-based, for undici's dispatch handlers) and settles
 * `result` once the body is complete, capped or failed.
 * - Identity coding: every chunk is copied into the kept buffer *inside* `write` — nothing keeps a
 *   reference to the chunk afterwards (`copiesSynchronously`), which is what lets the fetcher hand us
 *   views on reused socket buffers (socket-read-buffers.ts).
 * - Compressed: chunks are written to node:zlib decoders (which keep them until processed), their
 *   output is counted and kept under the caps; `'wait'` asks the writer to pause until `onDrain`.
 */
export class CappedBodyCollector {
  /** True when `write` copies each chunk before returning (no coding to undo). */
  readonly copiesSynchronously: boolean;
  /** Settles with the kept body, or rejects with DECOMPRESSION_LIMIT / FETCH_NETWORK (corrupt coding) / `fail`'s error. */
  readonly result: Promise<BodyResult>;
  private settle!: { resolve: (r: BodyResult) => void; reject: (e: unknown) => void };
  private settled = false;
  private readonly acc: ByteAccumulator;
  private readonly codings: string[];
  private readonly active: string[];
  private readonly decodable: boolean;
  private readonly decoders: Transform[];
  private readonly stop = new EnoughBytes('cap reached');
  private wireBytes = 0;
  private decodedBytes = 0;
  private truncated = false;

  /** Throws DECOMPRESSION_LIMIT at once for more than MAX_CODINGS stacked codings. */
  constructor(
    contentEncoding: string | null | undefined,
    private readonly caps: BodyCaps,
    lengthHint?: number,
  ) {
    this.codings = parseContentEncoding(contentEncoding);
    if (this.codings.length > MAX_CODINGS) {
      throw new LinkwrightError('DECOMPRESSION_LIMIT', `refusing ${this.codings.length} stacked content codings`, {
        details: { codings: this.codings },
      });
    }
    this.decodable = this.codings.every((c) => SUPPORTED.has(c));
    this.active = this.decodable ? this.codings : [];
    this.copiesSynchronously = this.active.length === 0;
    this.acc = new ByteAccumulator(
      caps.maxBodyBytes,
      // Decoder output is ours alone; raw chunks may be views on reused socket buffers.
      this.copiesSynchronously ? 'copy' : 'own',
      this.copiesSynchronously && lengthHint !== undefined && lengthHint > 0 ? lengthHint : undefined,
    );
    this.result = new Promise<BodyResult>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // Undo codings in reverse order of application (RFC 9110 §8.4: listed in the order applied).
    this.decoders = [...this.active].reverse().map(decoderFor);
    if (this.decoders.length > 0) {
      const sink = new Writable({
        write: (chunk: Buffer, _enc, callback) => callback(this.takeDecoded(chunk)),
      });
      pipeline([...this.decoders, sink]).then(
        () => this.finish(),
        (error: unknown) => this.onPipelineError(error),
      );
    }
  }

  /** Hands over one received chunk. `'done'`: send no more (cap reached or failed). */
  write(chunk: Buffer): CollectorWrite {
    if (this.settled) return 'done';
    this.wireBytes += chunk.length;
    const input = this.decoders[0];
    if (input === undefined) {
      if (!this.keep(chunk)) this.finish();
      return this.settled ? 'done' : 'more';
    }
    // A compressed stream bigger than the body cap (incompressible data) is cut at the cap too.
    if (this.wireBytes > this.caps.maxBodyBytes) {
      this.truncated = true;
      this.finish();
      return 'done';
    }
    return input.write(chunk) ? 'more' : 'wait';
  }

  /** Calls `resume` when the decoders can take more after a `'wait'`. */
  onDrain(resume: () => void): void {
    this.decoders[0]?.once('drain', resume);
  }

  /** The body ended normally. */
  end(): void {
    if (this.settled) return;
    const input = this.decoders[0];
    if (input === undefined) this.finish();
    else input.end();
  }

  /** The transfer failed: `result` rejects with `error` unless it has already settled. */
  fail(error: unknown): void {
    this.rejectWith(error);
  }

  /** Keeps what fits; false once the cap is reached (the prefix is kept and `truncated` set). */
  private keep(chunk: Buffer): boolean {
    const room = this.acc.room;
    if (chunk.length > room) {
      this.acc.append(chunk.subarray(0, room));
      this.truncated = true;
      return false;
    }
    this.acc.append(chunk);
    return true;
  }

  private takeDecoded(chunk: Buffer): Error | null {
    this.decodedBytes += chunk.length;
    if (this.decodedBytes > this.caps.maxDecompressedBytes) {
      return new LinkwrightError(
        'DECOMPRESSION_LIMIT',
        `decompressed body exceeds ${this.caps.maxDecompressedBytes} bytes (${this.wireBytes} bytes received)`,
        { details: { maxDecompressedBytes: this.caps.maxDecompressedBytes, wireBytes: this.wireBytes, codings: this.active } },
      );
    }
    return this.keep(chunk) ? null : this.stop;
  }

  private onPipelineError(error: unknown): void {
    if (error === this.stop) {
      this.finish();
      return;
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (!(error instanceof LinkwrightError) && typeof code === 'string' && code.startsWith('Z_')) {
      this.rejectWith(
        new LinkwrightError('FETCH_NETWORK', `corrupt ${this.active.join('+')} body: ${(error as Error).message}`, {
          cause: error,
          details: { zlibCode: code },
        }),
      );
      return;
    }
    this.rejectWith(error);
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    this.destroyDecoders();
    this.settle.resolve({
      body: this.acc.result(),
      truncated: this.truncated,
      wireBytes: this.wireBytes,
      decodedCodings: this.active,
      undecodedCoding: this.decodable ? null : this.codings.join(', '),
    });
  }

  private rejectWith(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.destroyDecoders();
    this.settle.reject(error);
  }

  private destroyDecoders(): void {
    for (const d of this.decoders) if (!d.destroyed) d.destroy();
  }
}

/**
 * Reads a whole stream through a CappedBodyCollector (for callers that have a Readable rather than
 * an undici handler). Stops reading — and destroys the source — once the cap is reached.
 */
export async function readCappedBody(
  source: Readable,
  contentEncoding: string | null | undefined,
  caps: BodyCaps,
  lengthHint?: number,
): Promise<BodyResult> {
  let collector: CappedBodyCollector;
  try {
    collector = new CappedBodyCollector(contentEncoding, caps, lengthHint);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const settled = collector.result.then(
    () => undefined,
    () => undefined,
  );
  try {
    for await (const chunk of source) {
      const next = collector.write(chunk as Buffer);
      if (next === 'done') break;
      if (next === 'wait') await Promise.race([new Promise<void>((resume) => collector.onDrain(resume)), settled]);
    }
    collector.end();
  } catch (error) {
    collector.fail(error);
  } finally {
    source.destroy();
  }
  return collector.result;
}
