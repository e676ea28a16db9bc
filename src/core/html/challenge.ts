/**
 * Detect a bot-challenge interstitial (Cloudflare "Just a moment…", managed / JS challenge) returned
 * instead of the page (DESIGN §5: report `blocked`, back off, never evade). Works on live responses and
 * on saved files (no status, no headers), which is why body markers alone can decide.
 *
 * Signals:
 * - `cf-mitigated: challenge` header: Cloudflare's documented marker on challenge responses
 *   (developers.cloudflare.com, "Detect a Challenge Page response").
 * - Markup that only challenge pages carry: `/cdn-cgi/challenge-platform/` scripts, `cf_chl_…`
 *   variables (`cf_chl_opt`), the `cf-browser-verification` element (older interstitial).
 * - Decision: blocked when a marker comes with a 403/429/503 status, or when the page title is the
 *   interstitial's ("Just a moment...", "Attention Required! | Cloudflare") together with a marker, a
 *   Cloudflare header (`cf-ray`, `server: cloudflare`), a 403/429/503 status, or no response facts at
 *   all (a saved file). A 200 page about Cloudflare that quotes the markup is not blocked, and an
 *   ordinary page is decided from its title alone (no body search).
 * Only the first 64 KiB are inspected: challenge pages are small and their markers sit near the top.
 * src/core/net/challenge.ts is the fetcher's copy of the same idea, for live responses only.
 */

/** Bytes of the body inspected. */
export const CHALLENGE_SCAN_CHARS = 64 * 1024;

export interface ChallengeVerdict {
  blocked: boolean;
  /** What matched (for evidence), or null. */
  signal: string | null;
}

const STRONG: readonly [string, string][] = [
  ['/cdn-cgi/challenge-platform/', 'challenge-platform script'],
  ['cf_chl_', 'cf_chl_ marker'],
  ['cf-browser-verification', 'cf-browser-verification element'],
];
/** Interstitial titles (whole title, whitespace-trimmed). */
const CHALLENGE_TITLE = /^\s*(?:just a moment(?:\.\.\.|…)?|attention required! \| cloudflare|please wait\.\.\. \| cloudflare)\s*$/i;
const TITLE_RE = /<title\b[^>]*>([^<]{0,300})/i;

function headerValues(headers: Record<string, string | string[] | undefined> | undefined, name: string): string[] {
  if (headers === undefined) return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name || v === undefined) continue;
    if (Array.isArray(v)) out.push(...v);
    else out.push(v);
  }
  return out;
}

/**
 * Full verdict with the matching signal. Pure; never throws. `title` may be passed when the caller has
 * already parsed the document (undefined = find it here).
 */
export function challengeVerdict(
  html: string,
  status?: number | null,
  headers?: Record<string, string | string[] | undefined>,
  title?: string | null,
): ChallengeVerdict {
  if (headerValues(headers, 'cf-mitigated').some((v) => v.trim().toLowerCase() === 'challenge')) {
    return { blocked: true, signal: 'cf-mitigated: challenge header' };
  }
  const challengeStatus = status === 403 || status === 429 || status === 503;
  let pageTitle = title;
  if (pageTitle === undefined) {
    const head = html.length > CHALLENGE_SCAN_CHARS ? html.slice(0, CHALLENGE_SCAN_CHARS) : html;
    pageTitle = TITLE_RE.exec(head)?.[1] ?? null;
  }
  const challengeTitle = pageTitle !== null && CHALLENGE_TITLE.test(pageTitle);
  // Ordinary pages (2xx/unknown status, ordinary title) stop here without searching the body.
  if (!challengeTitle && !challengeStatus) return { blocked: false, signal: null };
  const head = html.length > CHALLENGE_SCAN_CHARS ? html.slice(0, CHALLENGE_SCAN_CHARS) : html;
  let strong: string | null = null;
  for (const [marker, name] of STRONG) {
    if (head.indexOf(marker) >= 0) {
      strong = name;
      break;
    }
  }
  if (strong !== null && challengeStatus) return { blocked: true, signal: strong };
  if (challengeTitle) {
    const fromCloudflare =
      headerValues(headers, 'cf-ray').length > 0 || headerValues(headers, 'server').some((v) => v.toLowerCase().includes('cloudflare'));
    // A saved file has no status or headers: the exact interstitial title is then enough.
    const unknownOrigin = (status === undefined || status === null) && headers === undefined;
    if (strong !== null || fromCloudflare || challengeStatus || unknownOrigin) {
      const name = `title "${(pageTitle ?? '').trim()}"`;
      return { blocked: true, signal: strong === null ? name : `${name} + ${strong}` };
    }
  }
  return { blocked: false, signal: null };
}

/** True when `html` (with optional status and headers) is a bot-challenge page rather than the page. */
export function detectChallengePage(
  html: string,
  status?: number | null,
  headers?: Record<string, string | string[] | undefined>,
): boolean {
  return challengeVerdict(html, status, headers).blocked;
}
