/**
 * Is this page a Medium story, and which one? For the link audit (`PageAudit.medium`), which must recognise
 * publications on custom domains too (towardsdatascience.com, blog.stackademic.com): those are recognised by
 * Medium's own head markers (`al:android:package com.medium.reader`, `medium://p/<id>` app links), not by host.
 */
import { parseHtml, readHead } from './html-doc.js';
import { isMediumHost, mediumPostIdFromUrl } from './medium-ids.js';
import { readPageFacts } from './page-facts.js';

export interface MediumPageIdentity {
  isMedium: boolean;
  postId: string | null;
}

export function readMediumPageIdentity(html: string, options: { url?: string } = {}): MediumPageIdentity {
  const doc = parseHtml(html);
  const facts = readPageFacts(doc, readHead(doc), options.url ?? null);
  let hostIsMedium = false;
  if (options.url !== undefined) {
    try {
      hostIsMedium = isMediumHost(new URL(options.url).hostname);
    } catch {
      hostIsMedium = false;
    }
  }
  const isMedium = facts.isMediumPage || hostIsMedium;
  const postId = facts.selfPostId ?? (isMedium && options.url !== undefined ? mediumPostIdFromUrl(options.url) : null);
  return { isMedium, postId };
}
