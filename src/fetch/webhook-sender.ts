/**
 * POSTs alert events to the user's webhook URLs. Webhooks are URLs the user configured, but a URL is still input
 * that makes this process open connections, so it passes the same SSRF guard as every fetch (reliability.md R5):
 * loopback, private and link-local addresses are refused unless the user allows them (`--allow-private`), after
 * DNS, on the address actually dialled. Redirects are not followed (undici's `request` never does): a redirect
 * would re-send the event somewhere the user did not configure, so a 3xx counts as a failed delivery.
 *
 * One attempt per call; retries with backoff are the notifier's (src/app/webhook-notifier.ts), which also
 * decides what a status means.
 */
import type { LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { LinkwrightError } from '../core/errors/linkwright-error.js';
import { parseUrl } from '../core/url/parse-url.js';
import { assertHostLiteralAllowed, createGuardedConnector, createSsrfPolicy, type SsrfPolicy } from './ssrf-guard.js';
import { DEFAULT_USER_AGENT } from './user-agent.js';

export const WEBHOOK_DEFAULTS = {
  /**
   * 10 s per attempt: GitHub gives a webhook receiver 10 seconds to answer before it counts the delivery as
   * failed (docs.github.com "Handling webhook deliveries": "respond within 10 seconds"); a receiver slower than
   * that is treated as down, and the notifier retries.
   */
  timeoutMs: 10_000,
  /** Bytes of a response body read before it is dropped (the status is all that matters). */
  maxResponseBytes: 64 * 1024,
} as const;

export interface WebhookSenderOptions {
  allowPrivate?: boolean;
  allowHosts?: string[];
  userAgent?: string;
  timeoutMs?: number;
  /** dns.lookup-compatible resolver (tests, the demo). */
  lookup?: LookupFunction;
}

export interface WebhookResponse {
  status: number;
}

/** Throws INVALID_URL for anything but an absolute http(s) URL without credentials. */
export function validateWebhookUrl(raw: string): URL {
  const url = parseUrl(raw.trim());
  if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new LinkwrightError('INVALID_URL', `a webhook is an http(s) URL, got ${JSON.stringify(raw.slice(0, 200))}`, { url: raw });
  }
  if (url.username !== '' || url.password !== '') {
    throw new LinkwrightError('INVALID_URL', 'a webhook URL must not carry a user name or password (use a secret path or query instead)', {
      url: raw,
    });
  }
  return url;
}

function findLinkwrightError(error: unknown): LinkwrightError | null {
  let e: unknown = error;
  for (let depth = 0; depth < 5 && e !== null && e !== undefined; depth++) {
    if (e instanceof LinkwrightError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

export class WebhookSender {
  private readonly agent: Agent;
  private readonly policy: SsrfPolicy;
  private readonly userAgent: string;
  private readonly timeoutMs: number;

  constructor(options: WebhookSenderOptions = {}) {
    this.policy = createSsrfPolicy(options.allowPrivate ?? false, options.allowHosts ?? []);
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.timeoutMs = options.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
    this.agent = new Agent({
      connect: createGuardedConnector({
        policy: this.policy,
        ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
      }),
    });
  }

  /** One POST; resolves with the status whatever it is, rejects with a LinkwrightError when no answer came. */
  async post(rawUrl: string, body: string, headers: Record<string, string> = {}): Promise<WebhookResponse> {
    const url = validateWebhookUrl(rawUrl);
    assertHostLiteralAllowed(this.policy, url.hostname);
    const controller = new AbortController();
    const timeout = new LinkwrightError('FETCH_TIMEOUT', `webhook ${url.host} did not answer within ${this.timeoutMs} ms`, {
      url: url.href,
    });
    const timer = setTimeout(() => controller.abort(timeout), this.timeoutMs);
    try {
      const res = await request(url.href, {
        dispatcher: this.agent,
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json', 'user-agent': this.userAgent, ...headers },
        signal: controller.signal,
        headersTimeout: this.timeoutMs + 1_000,
        bodyTimeout: this.timeoutMs + 1_000,
      });
      await res.body.dump({ limit: WEBHOOK_DEFAULTS.maxResponseBytes }).catch(() => undefined);
      return { status: res.statusCode };
    } catch (error) {
      if (controller.signal.aborted) throw timeout;
      const ours = findLinkwrightError(error);
      if (ours !== null) throw ours;
      const message = error instanceof Error ? error.message : String(error);
      throw new LinkwrightError('FETCH_NETWORK', `webhook ${url.host}: ${message}`, { url: url.href, cause: error });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}
