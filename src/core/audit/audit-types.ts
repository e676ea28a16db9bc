/**
 * The audit record: what `linkwright audit --json` prints and what `auditHtml` returns.
 * Field names are part of the public contract (README "JSON output"); add fields, never rename.
 */

/** Where a link sits on the page. `body` = inside the main article content. */
export type LinkPlacement = 'body' | 'bio' | 'nav' | 'footer' | 'responses' | 'related' | 'other';

export const LINK_PLACEMENTS: readonly LinkPlacement[] = ['body', 'bio', 'nav', 'footer', 'responses', 'related', 'other'];

/** rel tokens that take away a link's endorsement (Google: "Qualify your outbound links"). */
export const NON_FOLLOW_REL_TOKENS: readonly string[] = ['nofollow', 'ugc', 'sponsored'];

export interface RedirectHop {
  url: string;
  status: number;
  /** The Location header as sent (may be relative). */
  location: string | null;
}

/** What `--check-targets` learnt about where a link points. */
export interface TargetCheck {
  status: number | null;
  finalUrl: string | null;
  redirects: RedirectHop[];
  /** true when the final answer is 2xx. */
  ok: boolean;
  error: { code: string; message: string } | null;
}

export interface AuditedLink {
  /** Order of the link in the document (0-based, over all extracted links). */
  position: number;
  /** Element the link came from. */
  tag: 'a' | 'area';
  /** The href attribute as written (entity-decoded, untrimmed). */
  href: string;
  /** Resolved absolute URL (against <base> and the page URL), or null when it does not resolve to http(s). */
  url: string | null;
  targetHost: string | null;
  registrableDomain: string | null;
  /** Whether the target is one of the user's sites (`--site`). */
  toUserSite: boolean;
  /** Whitespace-collapsed text; an image-only link gives its alt text. */
  anchorText: string;
  /** Lower-cased rel tokens in order of appearance, de-duplicated. */
  rel: string[];
  /** false when rel contains nofollow, ugc or sponsored. */
  follow: boolean;
  placement: LinkPlacement;
  /** Set when targets were checked. */
  target?: TargetCheck;
}

export type IndexabilityReason =
  | 'indexable'
  | 'noindex-meta'
  | 'noindex-header'
  | 'canonical-elsewhere'
  | 'http-status'
  | 'blocked'
  | 'robots-disallowed';

export interface PageAudit {
  /** The URL the user asked for (or `--url` for a saved file). */
  url: string;
  finalUrl: string;
  /** HTTP status; null for a saved file. */
  status: number | null;
  redirects: RedirectHop[];
  /** `live` fetched now, `file` read from a saved page. */
  source: 'live' | 'file';
  title: string | null;
  canonical: {
    /** <link rel=canonical> resolved absolute. */
    html: string | null;
    /** HTTP `Link: <…>; rel="canonical"` resolved absolute. */
    http: string | null;
  };
  robots: {
    /** Directives from <meta name=robots> and <meta name=<our bot>>, lower-cased. */
    meta: string[];
    /** Directives from X-Robots-Tag headers that apply to us. */
    header: string[];
  };
  indexable: boolean;
  indexabilityReason: IndexabilityReason;
  medium: {
    isMedium: boolean;
    postId: string | null;
  };
  /** A Cloudflare-style challenge answered instead of the page. */
  blocked: boolean;
  links: AuditedLink[];
  counts: {
    total: number;
    toUserSite: number;
    followed: number;
    body: number;
  };
  /** ISO-8601 UTC time the bytes were captured (fetch time, or file mtime). */
  capturedAt: string;
  /** Set (true) only when the outlink cap cut the link list short. */
  linksTruncated?: boolean;
}
