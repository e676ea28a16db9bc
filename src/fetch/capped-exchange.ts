/**
 * One HTTP GET through an undici dispatcher with a handler of our own, the body kept under caps.
 *
 * Why a handler and not undici's `request()`: `request()` queues body chunks in a Readable that is
 * read later, so every chunk must stay valid after the socket's next read. Our handler hands each
 * chunk to a CappedBodyCollector inside undici's `onResponseData`; for an uncompressed body the
 * collector copies it there and then, so the socket may read into the same buffer again
 * (socket-read-buffers.ts) — which is what keeps a capped 50 MB download at ≈ 1× the cap.
 * Reaching the cap aborts the request (undici destroys the socket: the rest is never read).
 * Trailers of a chunked body are ignored, and must stay so: they arrive while the origin is lending
 * socket buffers, and undici keeps views on trailer bytes across reads (a trailer block spread over
 * several reads can be overwritten before undici hands it over).
 */
import type { Dispatcher } from 'undici';
import { type BodyCaps, type BodyResult, CappedBodyCollector } from './body-reader.js';
import { originKey, type SocketReadBuffers } from './socket-read-buffers.js';

export interface CappedExchangeRequest {
  url: URL;
  headers: Record<string, string>;
  caps: BodyCaps;
  /** Aborts the exchange with the signal's reason. */
  signal: AbortSignal;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Redirect answers (status in this set with a Location) only have this many body bytes drained. */
  redirectStatuses: ReadonlySet<number>;
  redirectDrainBytes: number;
}

export interface CappedExchangeResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** null for a drained redirect answer. */
  body: BodyResult | null;
}

/** The reason we abort a request whose body we have finished with (cap reached, redirect drained). */
class BodyDone extends Error {}

export function exchangeCapped(
  dispatcher: Dispatcher,
  readBuffers: SocketReadBuffers | null,
  request: CappedExchangeRequest,
): Promise<CappedExchangeResponse> {
  const { url, signal } = request;
  const origin = originKey(url);
  const done = new BodyDone('body complete');
  return new Promise<CappedExchangeResponse>((resolve, reject) => {
    let controller: Dispatcher.DispatchController | null = null;
    let settled = false;
    let responseEnded = false;
    let lending = false;
    let status = 0;
    let headers: Record<string, string | string[] | undefined> = {};
    let collector: CappedBodyCollector | null = null;
    let drain: { left: number } | null = null;

    const stopLending = (): void => {
      if (!lending) return;
      lending = false;
      readBuffers?.setBorrowing(origin, false);
    };
    const finish = (body: BodyResult | null): void => {
      stopLending();
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      resolve({ status, headers, body });
      if (!responseEnded) controller?.abort(done);
    };
    const fail = (error: unknown): void => {
      stopLending();
      collector?.fail(error);
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      reject(error);
      if (!responseEnded) controller?.abort(error instanceof Error ? error : new Error(String(error)));
    };
    const onAbort = (): void => fail(signal.reason);

    const handler: Dispatcher.DispatchHandler = {
      onRequestStart(c) {
        controller = c;
        // Aborted while waiting for a connection: the request never goes out.
        if (settled) c.abort(done);
      },
      onResponseStart(_c, statusCode, responseHeaders) {
        if (statusCode < 200 || settled) return; // 1xx informational answers precede the real one
        status = statusCode;
        headers = responseHeaders as Record<string, string | string[] | undefined>;
        if (request.redirectStatuses.has(statusCode) && headers.location !== undefined) {
          drain = { left: request.redirectDrainBytes };
          return;
        }
        const declared = Number(first(headers['content-length']));
        try {
          collector = new CappedBodyCollector(
            first(headers['content-encoding']),
            request.caps,
            Number.isSafeInteger(declared) ? declared : undefined,
          );
        } catch (error) {
          fail(error);
          return;
        }
        collector.result.then(finish, fail);
        if (collector.copiesSynchronously && readBuffers !== null) {
          lending = true;
          readBuffers.setBorrowing(origin, true);
        }
      },
      onResponseData(c, chunk) {
        if (settled) return;
        if (drain !== null) {
          drain.left -= chunk.length;
          if (drain.left < 0) finish(null);
          return;
        }
        const next = collector?.write(chunk);
        if (next === 'done') {
          // Stop lending now: the rest of this read must not be lent once the body is settled.
          stopLending();
          if (!responseEnded) c.abort(done);
        } else if (next === 'wait') {
          c.pause();
          collector?.onDrain(() => c.resume());
        }
      },
      onResponseEnd() {
        responseEnded = true;
        stopLending();
        if (drain !== null || collector === null) finish(null);
        else collector.end();
      },
      onResponseError(_c, error) {
        responseEnded = true;
        if (error === done) return;
        stopLending();
        if (!signal.aborted) {
          // A redirect's body is not wanted: a connection dropped while draining it still leaves a
          // usable redirect (as undici's body.dump() did).
          if (drain !== null) {
            finish(null);
            return;
          }
          // 204/304 have no body whatever Content-Length says (RFC 9110 §6.4.1, §8.6: a 304 may
          // carry the length of the selected representation); undici 7 still checks it against the
          // 0 bytes read for anything but HEAD, which turned every such conditional GET into an error.
          if ((status === 204 || status === 304) && (error as { code?: unknown }).code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH') {
            if (collector === null) finish(null);
            else collector.end();
            return;
          }
        }
        fail(error);
      },
    };

    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      dispatcher.dispatch(
        {
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          headers: request.headers,
          headersTimeout: request.headersTimeoutMs,
          bodyTimeout: request.bodyTimeoutMs,
        },
        handler,
      );
    } catch (error) {
      fail(error);
    }
  });
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
