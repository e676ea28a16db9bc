/**
 * Is the audited page a Medium story, and which post? Decided from the one html-scan pass (no second
 * parse), so publications on custom domains count (notes/medium-data.md §2.1):
 * - host medium.com or *.medium.com;
 * - app links in the head: `al:android:url` / `al:ios:url` / `twitter:app:url:iphone` = `medium://p/<id>`;
 * - `<meta property="al:ios:app_name" content="Medium">` (also al:android:app_name, twitter:app:name:iphone);
 * - `<meta name="generator" content="Medium">`;
 * - 2022+ story markup: paragraphs with class `pw-post-body-paragraph`.
 * Post id, in order: the URL's trailing id, the `medium://p/<id>` app link, JSON-LD `identifier`.
 */
import type { HtmlScan } from '../html/html-scan.js';
import { isMediumHost, isMediumId, mediumPostIdFromUrl } from '../medium/medium-ids.js';

export interface MediumPageInfo {
  isMedium: boolean;
  postId: string | null;
  /** The author's profile URL(s) named in the head (`<link rel=author>`, `article:author`). */
  authorUrls: string[];
}

const APP_LINK_KEYS = new Set(['al:android:url', 'al:ios:url', 'twitter:app:url:iphone']);
const APP_NAME_KEYS = new Set(['al:ios:app_name', 'al:android:app_name', 'twitter:app:name:iphone']);

function metaKey(m: { name: string | null; property: string | null }): string {
  return (m.property ?? m.name ?? '').trim().toLowerCase();
}

function jsonLdIdentifier(texts: readonly string[]): string | null {
  for (const t of texts) {
    let data: unknown;
    try {
      data = JSON.parse(t);
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length > 0 && guard++ < 1000) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v !== null && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        const id = o.identifier;
        if (typeof id === 'string' && isMediumId(id.trim().toLowerCase())) return id.trim().toLowerCase();
        if (Array.isArray(o['@graph'])) stack.push(...o['@graph']);
      }
    }
  }
  return null;
}

export function detectMediumPage(scan: HtmlScan, finalUrl: string | null, resolvedAuthorLinks: readonly string[]): MediumPageInfo {
  let host = '';
  if (finalUrl !== null) {
    try {
      host = new URL(finalUrl).hostname;
    } catch {
      host = '';
    }
  }
  let isMedium = host !== '' && isMediumHost(host);
  let appPostId: string | null = null;
  const authorUrls: string[] = [...resolvedAuthorLinks];
  for (const m of scan.metas) {
    const key = metaKey(m);
    const content = (m.content ?? '').trim();
    if (APP_LINK_KEYS.has(key)) {
      const id = mediumPostIdFromUrl(content);
      if (id !== null && /^medium:/i.test(content)) {
        isMedium = true;
        appPostId ??= id;
      }
    } else if (APP_NAME_KEYS.has(key) && content.toLowerCase() === 'medium') isMedium = true;
    else if (key === 'generator' && /^medium\b/i.test(content)) isMedium = true;
    else if (key === 'article:author' && /^https?:\/\//i.test(content) && !authorUrls.includes(content)) authorUrls.push(content);
  }
  if (scan.mediumBodyClass) isMedium = true;
  if (!isMedium) return { isMedium: false, postId: null, authorUrls: [] };
  const postId = (finalUrl === null ? null : mediumPostIdFromUrl(finalUrl)) ?? appPostId ?? jsonLdIdentifier(scan.jsonLd);
  return { isMedium, postId, authorUrls };
}
