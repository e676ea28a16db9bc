/**
 * A Cloudflare managed-challenge interstitial ("Just a moment…"), as served instead of Medium pages since 2019
 * (notes §7: iframely #514 2023, llm-twin-course #49 2025 "Just a moment… Verify you are human"). Built from the
 * well-known public shape of that page: `<title>Just a moment...</title>`, `#challenge-running`, the
 * `#challenge-form` posting `__cf_chl_f_tk`, `window._cf_chl_opt`, a script under `/cdn-cgi/challenge-platform/`,
 * "Ray ID" and "Performance & security by Cloudflare". Served with HTTP 403 and `cf-mitigated: challenge`.
 */
import { escapeAttr, escapeHtml } from './escape.js';

export interface ChallengePageOptions {
  /** The host shown on the page (default medium.com). */
  host?: string;
  /** Cloudflare Ray ID (default a fixed value, so renders are reproducible). */
  rayId?: string;
}

/** Response headers that accompany the challenge (for fake servers). */
export const CHALLENGE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/html; charset=UTF-8',
  server: 'cloudflare',
  'cf-mitigated': 'challenge',
  'cache-control': 'private, max-age=0, no-store, no-cache, must-revalidate, post-check=0, pre-check=0',
};

export const CHALLENGE_STATUS = 403;

export function renderChallengePage(options: ChallengePageOptions = {}): string {
  const host = options.host ?? 'medium.com';
  const ray = options.rayId ?? '8a1b2c3d4e5f6a7b';
  const h = escapeHtml(host);
  return [
    '<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>',
    '<meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta http-equiv="X-UA-Compatible" content="IE=Edge">',
    '<meta name="robots" content="noindex,nofollow"><meta name="viewport" content="width=device-width,initial-scale=1">',
    '<style>*{box-sizing:border-box;margin:0;padding:0}html{line-height:1.15}body{display:flex;flex-direction:column;height:100vh;min-height:100vh}.main-content{margin:8rem auto;max-width:60rem;width:100%}</style>',
    '<meta http-equiv="refresh" content="390"></head>',
    '<body class="no-js"><div class="main-wrapper" role="main"><div class="main-content">',
    `<h1 class="zone-name-title h1">${h}</h1>`,
    '<h2 id="challenge-running" class="h2">Verify you are human by completing the action below.</h2>',
    '<noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"><div class="heading-icon warning-icon"></div></span><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>',
    `<div id="challenge-body-text" class="core-msg spacer">${h} needs to review the security of your connection before proceeding.</div>`,
    `<form id="challenge-form" action="${escapeAttr(`/?__cf_chl_f_tk=${ray}`)}" method="POST" enctype="application/x-www-form-urlencoded"><input type="hidden" name="md" value="${escapeAttr(ray)}"></form>`,
    '</div></div>',
    `<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "${escapeAttr(host)}",cType: 'managed',cNounce: '12345',cRay: '${escapeAttr(ray)}',cHash: '0123456789abcdef',cFPWv: 'b',cTTimeMs: '1000',cMTimeMs: '390000'};var cpo=document.createElement('script');cpo.src='/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1?ray=${escapeAttr(ray)}';window._cf_chl_opt.cOgUHash=location.hash===''&&location.href.indexOf('#')!==-1?'#':location.hash;document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>`,
    `<div class="footer" role="contentinfo"><div class="footer-inner"><div class="clearfix diagnostic-wrapper"><div class="ray-id">Ray ID: <code>${escapeHtml(ray)}</code></div></div>`,
    '<div class="text-center" id="footer-text">Performance &amp; security by <a rel="noopener noreferrer" href="https://www.cloudflare.com?utm_source=challenge&amp;utm_campaign=m" target="_blank">Cloudflare</a></div></div></div>',
    '</body></html>',
  ].join('');
}
