/**
 * Recognising a bot challenge instead of Medium's answer (notes §7: Cloudflare challenges from Sept 2019, again
 * 2023 and 2025 — "Just a moment…", "Verify you are human", HTTP 403/503). The tool never tries to pass a
 * challenge; it reports `blocked` and tells the user how to hand over the page from their own browser.
 */
import { elementText, findAllElements, type HtmlDocument, parseHtml, rawText } from './html-doc.js';
import { MEDIUM_BLOCKED_ADVICE, type MediumBlocked } from './medium-types.js';

/** Headers as a plain record (any case) or anything with `get(name)` (fetch `Headers`, undici). */
export type HeaderBag = Readonly<Record<string, string | readonly string[] | undefined>> | { get(name: string): string | null };

function header(headers: HeaderBag | null | undefined, name: string): string | null {
  if (headers === null || headers === undefined) return null;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    return (headers as { get(name: string): string | null }).get(name);
  }
  const rec = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  for (const key of Object.keys(rec)) {
    if (key.toLowerCase() !== name) continue;
    const v = rec[key];
    if (v === undefined) return null;
    return typeof v === 'string' ? v : v.join(', ');
  }
  return null;
}

/** Titles of Cloudflare interstitials ("Just a moment...", the older "Attention Required! | Cloudflare"). */
const CHALLENGE_TITLES = [
  /^just a moment\b/i,
  /^attention required! \| cloudflare$/i,
  /^please wait\.*\s*\|\s*cloudflare$/i,
  /^one more step\b/i,
];

const MEDIUM_STATE_MARKERS = ['__APOLLO_STATE__', 'obvInit', 'GLOBALS', '__PRELOADED_STATE__'];

/** Cheap pre-check: without one of these substrings the page is not parsed for challenge markers. */
const QUICK_MARKERS = [
  'Just a moment',
  'just a moment',
  '_cf_chl',
  'challenge-platform',
  'challenge-form',
  'Attention Required',
  'cf-browser-verification',
  'Verify you are human',
  'cf-challenge',
];

export function mayBeChallenge(body: string): boolean {
  return QUICK_MARKERS.some((m) => body.includes(m));
}

/**
 * Structural challenge markers of a parsed page: the interstitial title, Cloudflare's challenge script
 * (`window._cf_chl_opt`, `/cdn-cgi/challenge-platform/`), the challenge form. Text of an article that merely
 * talks about Cloudflare does not match: we look at the title element, script code/src and element ids only.
 */
export function challengeSignals(doc: HtmlDocument): string[] {
  const signals: string[] = [];
  let hasMediumMarkers = false;
  for (const el of findAllElements(doc, (e) => ['title', 'script', 'form', 'div', 'meta', 'h2'].includes(e.name))) {
    if (el.name === 'title' && signals.every((s) => !s.startsWith('title:'))) {
      const t = elementText(el);
      if (CHALLENGE_TITLES.some((re) => re.test(t))) signals.push(`title:${t.toLowerCase()}`);
    } else if (el.name === 'script') {
      const src = el.attribs.src ?? '';
      if (src.includes('/cdn-cgi/challenge-platform/')) signals.push('script:challenge-platform');
      const code = src === '' ? rawText(el) : '';
      // Medium's own state scripts and JSON-LD hold the story's text, which may quote these markers.
      const isData = MEDIUM_STATE_MARKERS.some((m) => code.includes(m)) || (el.attribs.type ?? '').includes('json');
      if (isData) hasMediumMarkers = true;
      else if (code.includes('_cf_chl_opt')) signals.push('script:_cf_chl_opt');
      else if (code.includes('/cdn-cgi/challenge-platform/')) signals.push('script:challenge-platform');
    } else if (el.name === 'form') {
      if (el.attribs.id === 'challenge-form' || (el.attribs.action ?? '').includes('__cf_chl_')) signals.push('form:challenge-form');
    } else if (el.name === 'meta') {
      const key = (el.attribs.property ?? el.attribs.name ?? '').toLowerCase();
      if (key === 'al:android:url' || key === 'twitter:app:url:iphone') hasMediumMarkers = true;
    } else if (el.attribs.id === 'challenge-running' || el.attribs.id === 'challenge-stage' || el.attribs.id === 'cf-challenge-running') {
      signals.push(`element:${el.attribs.id}`);
    } else if ((el.attribs.class ?? '').includes('cf-browser-verification')) {
      signals.push('element:cf-browser-verification');
    }
  }
  const unique = [...new Set(signals)];
  const strong = unique.filter((s) => !s.startsWith('title:'));
  // A challenge title alone counts only on a page with no Medium content markers; a code marker always counts.
  if (strong.length > 0) return unique;
  if (unique.length > 0 && !hasMediumMarkers) return unique;
  return [];
}

/** Retry-After in ms (RFC 9110 §10.2.3). Only the delay-seconds form: the HTTP-date form needs a clock (adapter concern). */
function retryAfterMs(value: string | null): number | null {
  if (value === null) return null;
  const t = value.trim();
  return /^\d+$/.test(t) ? Number(t) * 1000 : null;
}

export function blockedResult(signals: string[], retryAfter: number | null = null): MediumBlocked {
  return { state: 'blocked', code: 'MEDIUM_BLOCKED', advice: MEDIUM_BLOCKED_ADVICE, signals, retryAfterMs: retryAfter };
}

/**
 * Was this response a bot challenge? `status` may be null (saved file), `headers` may be empty.
 * Decisive: Cloudflare's `cf-mitigated: challenge` header (Cloudflare docs, "Detecting a Challenge Page
 * response"), or challenge markers in the body. A 403/503/429 from `server: cloudflare` whose body is not
 * Medium's content also counts.
 */
export function detectMediumBlocked(
  status: number | null,
  headers: HeaderBag | null,
  body: string,
  doc?: HtmlDocument,
): MediumBlocked | null {
  const signals: string[] = [];
  const mitigated = header(headers, 'cf-mitigated');
  if (mitigated?.toLowerCase().includes('challenge') === true) signals.push('header:cf-mitigated');
  let bodySignals: string[] = [];
  if (mayBeChallenge(body)) bodySignals = challengeSignals(doc ?? parseHtml(body));
  signals.push(...bodySignals);
  const server = (header(headers, 'server') ?? '').toLowerCase();
  const challengeStatus = status === 403 || status === 503 || status === 429;
  if (challengeStatus && server.includes('cloudflare') && signals.length === 0 && !looksLikeMediumContent(body)) {
    signals.push('server:cloudflare');
  }
  if (signals.length === 0) return null;
  if (status !== null) signals.push(`status:${status}`);
  return blockedResult(signals, retryAfterMs(header(headers, 'retry-after')));
}

function looksLikeMediumContent(body: string): boolean {
  return body.includes('__APOLLO_STATE__') || body.includes('medium://p/') || body.includes('"data":{"post"') || body.includes('<rss');
}
