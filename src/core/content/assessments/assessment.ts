/**
 * The shape of one content assessment (DESIGN §3 "Analyses": meta + run → result with a message id),
 * and the small helpers they share. Each assessment lives in its own module `<id>.ts` with a
 * `// Threshold source:` comment naming where its numbers come from.
 */
import { isSameTarget } from '../../url/normalize-url.js';
import { parseHttpUrl } from '../../url/parse-url.js';
import { hostOf, matchesSite } from '../../url/registrable-domain.js';
import { isFollowed } from '../../html/link-text.js';
import type {
  AssessmentKind,
  AssessmentStatus,
  ContentDocument,
  ContentLink,
  ContentParams,
  ContentProfile,
  MeasuredValue,
} from '../content-types.js';
import type { Keyphrase } from '../language/keyphrase.js';
import type { TextAnalysis } from '../language/text-analysis.js';

/** A keyphrase used before, on the user's site or in a Medium copy (from the store). */
export interface PreviousUse {
  keyphrase: string;
  url?: string | null;
  title?: string | null;
  /** Where the earlier content lives. */
  source?: 'site' | 'medium' | null;
}

/** The optional inputs an assessment may declare it needs. */
export type ContextKey = 'keyphrase' | 'synonyms' | 'previouslyUsed' | 'knownTags' | 'userSites' | 'copyOf' | 'locale';

export interface FullContext {
  keyphrase: Keyphrase | null;
  synonyms: Keyphrase[];
  /** null when the caller gave no history (the check is then not applicable). */
  previouslyUsed: readonly PreviousUse[] | null;
  /** null when the caller gave no tag corpus. */
  knownTags: readonly string[] | null;
  userSites: readonly string[];
  /** URL of the user's page this story copies, when known (the app layer decides, e.g. by near-duplicate search). */
  copyOf: string | null;
  locale: string;
}

/** What `run` receives: always the profile, the shared text analysis and its options; otherwise only what it declared. */
export type AssessmentContext<D> = Partial<FullContext> & {
  profile: ContentProfile;
  text: TextAnalysis;
  options: D;
};

export interface AssessmentMeta<D> {
  id: string;
  title: string;
  kind: AssessmentKind;
  profiles: readonly ContentProfile[];
  /** Context inputs the assessment reads; the runner passes nothing else. */
  requires: readonly ContextKey[];
  /** Needs English language support (function words, passive, transitions, syllables). */
  english: boolean;
  /** Thresholds and limits, overridable per run. */
  defaults: D;
  /** Short citation of where the thresholds come from (the module comment has the detail). */
  source: string;
}

/** What `run` returns; the runner derives rating/status from the score unless given. */
export interface AssessmentOutcome {
  /** Source-tool score, may be negative (Yoast penalties). Ignored for info/not-applicable. */
  score: number;
  messageId: string;
  params?: ContentParams;
  measured?: Record<string, MeasuredValue>;
  /** Set for `info` (grey notice) and `not-applicable`; otherwise derived from the score. */
  status?: Extract<AssessmentStatus, 'info' | 'not-applicable'>;
}

export interface Assessment<D = Record<string, never>> {
  meta: AssessmentMeta<D>;
  run(doc: ContentDocument, ctx: AssessmentContext<D>): AssessmentOutcome;
  /** English renderers of this assessment's message ids. */
  messages: Readonly<Record<string, (p: ContentParams) => string>>;
}

export function notApplicable(
  messageId: string,
  params: ContentParams = {},
  measured: Record<string, MeasuredValue> = {},
): AssessmentOutcome {
  return { score: 0, messageId, params, measured, status: 'not-applicable' };
}

/** Percentage rounded to one decimal. */
export function percent(part: number, whole: number): number {
  if (whole <= 0) return 0;
  return Math.round((part / whole) * 1000) / 10;
}

/** Exact percentage (for threshold comparison; rounding only for display). */
export function ratio100(part: number, whole: number): number {
  return whole <= 0 ? 0 : (part * 100) / whole;
}

export function str(p: ContentParams, key: string): string {
  const v = p[key];
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => String(x)).join(', ');
  return String(v);
}

export function num(p: ContentParams, key: string): number {
  const v = p[key];
  return typeof v === 'number' ? v : Number(v ?? 0);
}

export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

// ---------------------------------------------------------------------------------------------
// Links: internal vs outbound

export type LinkClass = 'internal' | 'outbound' | 'other';

/**
 * The hosts that count as "this site" for internal/outbound links:
 *   - the document's own URL (same registrable domain);
 *   - profile `medium`: medium.com (the story will live there, so links to other stories are internal);
 *   - profiles `yoast`/`rankmath`: the user's sites (the draft is for their own site).
 */
export function internalSites(doc: ContentDocument, profile: ContentProfile, userSites: readonly string[]): string[] {
  const sites: string[] = [];
  if (doc.url !== null) {
    const u = parseHttpUrl(doc.url);
    if (u !== null) sites.push(u.hostname);
  }
  if (profile === 'medium') sites.push('medium.com');
  else sites.push(...userSites);
  return sites;
}

const NON_NAVIGATION = /^(?:mailto|tel|javascript|data|sms|ftp|file):/i;

/** Classify a link: relative links are internal; mailto:, tel:, javascript: and fragments are `other`. */
export function classifyLink(link: ContentLink, sites: readonly string[]): LinkClass {
  const href = link.href.trim();
  if (href === '' || href.startsWith('#') || NON_NAVIGATION.test(href)) return 'other';
  if (link.url === null) return /^[a-z][a-z0-9+.-]*:/i.test(href) ? 'other' : 'internal';
  const u = parseHttpUrl(link.url);
  if (u === null) return 'other';
  for (const s of sites) if (hostMatchesSite(u.hostname, s)) return 'internal';
  return 'outbound';
}

/**
 * A host belongs to a site given as a host or URL: the site itself or a subdomain; a leading `www.` of
 * the site is ignored (`www.example.com` covers `example.com` and `blog.example.com`). Never matches a
 * parent: site `alice.medium.com` does not cover `medium.com`.
 */
export function hostMatchesSite(host: string, site: string): boolean {
  const siteHost = /[/:]/.test(site) ? hostOf(site) : site.trim().toLowerCase();
  if (siteHost === null || siteHost === '') return false;
  return matchesSite(host, siteHost.replace(/^www\./, ''));
}

export function isLinkFollowed(link: ContentLink): boolean {
  return isFollowed(link.rel);
}

/** Does the URL point at one of the user's sites? */
export function toUserSite(url: string | null, userSites: readonly string[]): boolean {
  if (url === null) return false;
  const u = parseHttpUrl(url);
  if (u === null) return false;
  return userSites.some((s) => hostMatchesSite(u.hostname, s));
}

/** Same page, ignoring tracking parameters, fragments and trivial URL differences. */
export function samePage(a: string, b: string): boolean {
  return isSameTarget(a, b, { stripTracking: true });
}

/**
 * The meta description to judge: the document's own; for the Medium profile, the subtitle when there is
 * none (Medium uses the subtitle as the story's preview text until an SEO description is set).
 */
export function metaDescriptionOf(
  doc: ContentDocument,
  profile: ContentProfile,
): { text: string | null; source: 'description' | 'subtitle' | null } {
  if (doc.description !== null && doc.description.trim() !== '') return { text: doc.description.trim(), source: 'description' };
  if (profile === 'medium' && doc.subtitle !== null && doc.subtitle.trim() !== '') return { text: doc.subtitle.trim(), source: 'subtitle' };
  return { text: null, source: null };
}

/** Turn a title into a slug the way blogging platforms do (lower case, words joined by `-`). */
export function slugify(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The slug to judge: the document's, or (as Medium and WordPress do by default) one made from the title. */
export function slugOf(doc: ContentDocument): { slug: string | null; source: 'slug' | 'title' | null } {
  if (doc.slug !== null && doc.slug.trim() !== '') return { slug: doc.slug.trim(), source: 'slug' };
  if (doc.title !== null && slugify(doc.title) !== '') return { slug: slugify(doc.title), source: 'title' };
  return { slug: null, source: null };
}
