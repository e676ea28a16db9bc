/**
 * Socket reads into reused buffers, so a capped body costs ≈ 1× the cap in Buffer memory, not 2×.
 *
 * Why this exists (reliability.md R2, "stopped at the cap, memory < 2× cap"): by default Node
 * allocates a fresh ArrayBuffer for every socket read and undici hands the body out as views on it.
 * The fetcher copies those bytes into its one kept buffer, so each received chunk is garbage at
 * once — but V8 frees ArrayBuffers only at its next GC, and a 5 MiB download does not trigger one
 * (V8 scavenges on external memory only past about twice the semi-space size). Measured before this
 * module: peak Buffer memory 2.00–2.06× the cap for a 50 MB page and an endless body.
 *
 * Node's `onread` socket option (net.Socket / tls.connect, documented since Node 12) makes a socket
 * read into a buffer we supply and call us instead of pushing a fresh chunk; its buffer function is
 * asked for the next buffer after every read. No library does this for undici, hence this module.
 * Here each socket owns up to two 64 KiB buffers and:
 * - **copies** a read (one allocation of the bytes read — what Node would have done anyway) while
 *   its origin is not *borrowing*: undici keeps views on header bytes across reads until the
 *   header block ends, so header bytes must not live in a buffer that the next read overwrites;
 * - **lends** a view on the reused buffer while its origin is borrowing: the fetcher sets that
 *   only for the body of an uncompressed response whose handler copies every chunk synchronously
 *   (undici's parser runs synchronously over a chunk and keeps no body views), so no body byte is
 *   used after the next read. The one exception is a chunked body's trailer block, whose views undici
 *   keeps until the message ends: trailers read while lending are unreliable, and nothing here reads
 *   them (capped-exchange.ts ignores them). Reads alternate between the two buffers, and when the consumer has not
 *   taken the previous chunk yet (a paused parser), the next read goes to a fresh buffer instead.
 * One connection per origin (the fetcher's undici Agent uses `connections: 1, pipelining: 1`) is
 * what makes "the origin is borrowing" the same as "this socket's current response is a body".
 */
import type { Socket } from 'node:net';

/** Read size: Node's own default for stream reads (libuv suggested size) and net's highWaterMark. */
export const READ_BUFFER_BYTES = 64 * 1024;

const kReadState = Symbol('linkwright.socketReadState');
const kOriginKey = Symbol('linkwright.socketOriginKey');

interface ReadState {
  buffers: [Buffer | null, Buffer | null];
  current: 0 | 1;
  /** Whether the last read went out as a view on `buffers[current]` (true) or as a copy. */
  lastLent: boolean;
  lastLength: number;
}

type TrackedSocket = Socket & { [kReadState]?: ReadState; [kOriginKey]?: string };

/** The `onread` option shape of `net.connect` / `tls.connect` with a buffer function. */
export interface OnReadOption {
  buffer: () => Buffer;
  callback: (this: Socket, bytesRead: number, buffer: Buffer) => boolean;
}

/** `protocol//host[:port]` — the same key from undici's connect options and from a request URL. */
export function originKey(origin: { protocol: string; host: string }): string {
  return `${origin.protocol.toLowerCase()}//${origin.host.toLowerCase()}`;
}

export interface SocketReadStats {
  /** Reads passed on as views on a reused buffer. */
  lent: number;
  /** Reads passed on as copies (headers, compressed bodies, other origins). */
  copied: number;
  /** Fresh buffers taken because a lent view was still queued when its buffer came round again. */
  freshBuffers: number;
}

export class SocketReadBuffers {
  private readonly borrowing = new Set<string>();
  /** The socket whose read callback just ran; Node asks for its next buffer right after it. */
  private justRead: TrackedSocket | null = null;
  readonly stats: SocketReadStats = { lent: 0, copied: 0, freshBuffers: 0 };
  readonly onread: OnReadOption;

  constructor() {
    const self = this;
    this.onread = {
      buffer: () => this.nextBuffer(),
      callback(bytesRead, buffer) {
        return self.onRead(this as TrackedSocket, bytesRead, buffer);
      },
    };
  }

  /** Records which origin a socket serves (called by the connector once the socket is connected). */
  track(socket: Socket, origin: string): void {
    (socket as TrackedSocket)[kOriginKey] = origin;
  }

  /**
   * Lets reads for `origin` be lent as views (true) or makes them copies again (false). Only for a
   * consumer that copies every body chunk synchronously in undici's `onResponseData`.
   */
  setBorrowing(origin: string, on: boolean): void {
    if (on) this.borrowing.add(origin);
    else this.borrowing.delete(origin);
  }

  private onRead(socket: TrackedSocket, bytesRead: number, buffer: Buffer): boolean {
    this.justRead = socket;
    let state = socket[kReadState];
    if (state === undefined) {
      state = { buffers: [buffer, null], current: 0, lastLent: false, lastLength: 0 };
      socket[kReadState] = state;
    }
    state.buffers[state.current] = buffer; // the buffer Node read into (normally the one we gave it)
    const origin = socket[kOriginKey];
    const lend = origin !== undefined && this.borrowing.has(origin);
    state.lastLent = lend;
    state.lastLength = bytesRead;
    const view = buffer.subarray(0, bytesRead);
    try {
      if (lend) this.stats.lent++;
      else this.stats.copied++;
      return socket.push(lend ? view : Buffer.from(view));
    } catch (error) {
      // Node asks for the next buffer only when this callback returns; never let it throw.
      socket.destroy(error as Error);
      return false;
    }
  }

  private nextBuffer(): Buffer {
    const socket = this.justRead;
    this.justRead = null;
    const state = socket?.[kReadState];
    // A socket being set up: its first read buffer.
    if (socket === null || state === undefined) return Buffer.allocUnsafe(READ_BUFFER_BYTES);
    // The last read went out as a copy: nothing refers to the buffer any more.
    const current = state.buffers[state.current];
    if (!state.lastLent && current !== null) return current;
    // A view on buffers[current] was just queued: read next into the other buffer, unless bytes
    // queued before that view (possibly a view on the other buffer) are still unread.
    const other = state.current === 0 ? 1 : 0;
    const stillQueued = (socket as Socket).readableLength > state.lastLength;
    let next = state.buffers[other];
    if (next === null || stillQueued) {
      if (next !== null) this.stats.freshBuffers++;
      next = Buffer.allocUnsafe(READ_BUFFER_BYTES);
      state.buffers[other] = next;
    }
    state.current = other;
    return next;
  }
}
