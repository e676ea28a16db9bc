/**
 * Bot-challenge detection (DESIGN §5 "Cloudflare"). A challenge page is a fact to report, never
 * something to work around: the fetcher returns it with `challenge: true`, does not retry it
 * aggressively and does not change its identity (no evasion). The user is told they can save the page
 * from their browser and audit the file.
 *
 * Signals, strongest first:
 * - `cf-mitigated: challenge` response header — Cloudflare's documented marker for challenge
 *   responses (developers.cloudflare.com, "Detect a Challenge Page response").
 * - Challenge-platform markup (`/cdn-cgi/challenge-platform/`, `cf_chl_opt`, `cf-browser-verification`)
 *   in a 403/429/503 body — these only appear on interstitials.
 * - Weaker text markers ("Just a moment…", "Attention Required! | Cloudflare", "Checking your
 *   browser") in a 403/429/503 body, counted only when the response also came from Cloudflare
 *   (`server: cloudflare` or a `cf-ray` header), so an ordinary error page saying "just a moment" is
 *   not mistaken for a challenge.
 */

/** Header map as the fetcher stores it: lower-case names, every value kept. */
export type HeaderMap = Readonly<Record<string, readonly string[] | string | undefined>>;

/** Statuses Cloudflare uses for interstitials (403 managed challenge / block, 503 JS challenge, 429 rate). */
const CHALLENGE_STATUSES = new Set([403, 429, 503]);

/** Only the start of the body is inspected: challenge markup sits in the first few KiB. */
export const CHALLENGE_SCAN_CHARS = 64 * 1024;

const STRONG_MARKERS = [/\/cdn-cgi\/challenge-platform\//i, /\bcf_chl_opt\b/, /\bcf-browser-verification\b/i, /\bcf_chl_[a-z_]+\b/];
const WEAK_MARKERS = [
  /<title>\s*Just a moment(?:\.\.\.|…)/i,
  /Attention Required! \| Cloudflare/i,
  /Checking your browser before accessing/i,
  /Enable JavaScript and cookies to continue/i,
];

function headerValues(headers: HeaderMap, name: string): string[] {
  const v = headers[name];
  if (v === undefined) return [];
  return typeof v === 'string' ? [v] : [...v];
}

/** Which signal matched (for evidence), or null when the response is not a challenge. */
export function challengeSignal(status: number, headers: HeaderMap, bodyText: string): string | null {
  if (headerValues(headers, 'cf-mitigated').some((v) => v.trim().toLowerCase() === 'challenge')) return 'cf-mitigated header';
  if (!CHALLENGE_STATUSES.has(status)) return null;
  const head = bodyText.length > CHALLENGE_SCAN_CHARS ? bodyText.slice(0, CHALLENGE_SCAN_CHARS) : bodyText;
  for (const re of STRONG_MARKERS) if (re.test(head)) return `body marker ${re.source}`;
  const fromCloudflare =
    headerValues(headers, 'server').some((v) => v.toLowerCase().includes('cloudflare')) || headerValues(headers, 'cf-ray').length > 0;
  if (!fromCloudflare) return null;
  for (const re of WEAK_MARKERS) if (re.test(head)) return `cloudflare body marker ${re.source}`;
  return null;
}

/** True when the response is a bot challenge / interstitial rather than the page. */
export function detectChallenge(status: number, headers: HeaderMap, bodyText: string): boolean {
  return challengeSignal(status, headers, bodyText) !== null;
}
