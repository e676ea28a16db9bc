/**
 * Delivers placement alerts to the configured webhooks: a JSON POST per (event, receiver), retried with
 * exponential backoff and full jitter — the fetcher's retry policy (retry-policy.ts: 3 attempts, 1 s doubling,
 * ≤ 30 s; Nutch db.fetch.retry.max = 3) — on a transport error, a timeout, 408, 429 or 5xx; any other status is
 * a final answer (a 4xx will not change by asking again; a 3xx is refused, see webhook-sender.ts).
 *
 * A failing webhook never blocks monitoring: `notify` only starts the delivery and returns; the monitor awaits
 * every delivery once, at the end of its run (`flush`), and each outcome — delivered or failed, with attempts —
 * is recorded in webhook_deliveries and reported, never thrown.
 */
import type { Clock } from '../core/clock.js';
import { isLinkwrightError } from '../core/errors/linkwright-error.js';
import { backoffDelayMs, DEFAULT_MAX_ATTEMPTS, DEFAULT_RETRY_BASE_DELAY_MS, DEFAULT_RETRY_MAX_DELAY_MS } from '../fetch/retry-policy.js';
import type { Store } from '../store/open-store.js';
import { recordDelivery } from '../store/webhooks-repository.js';

/** What the notifier needs from an HTTP client (the WebhookSender, or a fake in tests). */
export interface WebhookPoster {
  post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number }>;
}

/** The JSON body of an alert (its shape is part of the public contract: add fields, never rename). */
export interface PlacementAlert {
  /** `placement.<kind>`: placement.found, .changed, .restored, .lost, .recovered. */
  type: string;
  /** placement_events.id: stable, so a receiver can drop a retried duplicate. */
  eventId: number;
  occurredAt: string;
  placement: {
    id: number;
    storyUrl: string;
    targetUrl: string;
    prospect: { id: number; username: string } | null;
  };
  from: string;
  to: string;
  message: { messageId: string; params: Record<string, unknown>; text: string };
  changes: { field: string; from: string | null; to: string | null; text: string }[];
  check: {
    status: number | null;
    present: boolean;
    rel: string | null;
    placement: string | null;
    anchorText: string | null;
    finalUrl: string | null;
    targetFinalUrl: string | null;
    error: string | null;
  };
}

export interface DeliveryOutcome {
  webhookId: number;
  url: string;
  eventId: number;
  delivered: boolean;
  attempts: number;
  status: number | null;
  error: string | null;
}

export interface WebhookNotifierOptions {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Waits between attempts (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface WebhookNotifier {
  /** Starts delivering an alert to every receiver; returns at once. */
  notify(alert: PlacementAlert): void;
  /** Waits for every delivery started so far and returns their outcomes. Never rejects. */
  flush(): Promise<DeliveryOutcome[]>;
}

const RETRY_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

export function createWebhookNotifier(
  deps: { poster: WebhookPoster; clock: Clock; store?: Store; webhooks: readonly { id: number; url: string }[] },
  options: WebhookNotifierOptions = {},
): WebhookNotifier {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const base = options.baseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  const cap = options.maxDelayMs ?? DEFAULT_RETRY_MAX_DELAY_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const pending: Promise<DeliveryOutcome>[] = [];

  async function deliver(webhook: { id: number; url: string }, alert: PlacementAlert): Promise<DeliveryOutcome> {
    const body = JSON.stringify(alert);
    const headers = { 'x-linkwright-event': alert.type, 'x-linkwright-delivery': String(alert.eventId) };
    let status: number | null = null;
    let error: string | null = null;
    let attempts = 0;
    let delivered = false;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      attempts = attempt;
      let retry: boolean;
      try {
        status = (await deps.poster.post(webhook.url, body, headers)).status;
        if (status >= 200 && status < 300) {
          delivered = true;
          error = null;
          break;
        }
        error = `HTTP ${status}`;
        retry = RETRY_STATUSES.has(status);
      } catch (e) {
        status = null;
        error = isLinkwrightError(e) ? `${e.code}: ${e.message}` : e instanceof Error ? e.message : String(e);
        // Transport failures and timeouts are worth another try; a refused address (SSRF) or a bad URL is not.
        retry = isLinkwrightError(e) ? e.errorClass === 'retryable' : true;
      }
      if (!retry || attempt === maxAttempts) break;
      await sleep(backoffDelayMs(attempt, base, cap, random));
    }
    const outcome: DeliveryOutcome = {
      webhookId: webhook.id,
      url: webhook.url,
      eventId: alert.eventId,
      delivered,
      attempts,
      status,
      error,
    };
    if (deps.store !== undefined) {
      await recordDelivery(deps.store.db, {
        webhookId: webhook.id,
        eventId: alert.eventId,
        status: delivered ? 'delivered' : 'failed',
        attempts,
        httpStatus: status,
        error,
        updatedAt: new Date(deps.clock.now()).toISOString(),
      }).catch(() => undefined);
    }
    return outcome;
  }

  return {
    notify(alert) {
      for (const webhook of deps.webhooks) {
        pending.push(
          deliver(webhook, alert).catch(
            (e: unknown): DeliveryOutcome => ({
              webhookId: webhook.id,
              url: webhook.url,
              eventId: alert.eventId,
              delivered: false,
              attempts: 0,
              status: null,
              error: e instanceof Error ? e.message : String(e),
            }),
          ),
        );
      }
    },
    async flush() {
      return Promise.all(pending.splice(0));
    },
  };
}
