import type { Kysely, Transaction } from 'kysely';
import { userSiteMatcher } from '../core/audit/audit-html.js';
import type { AuditedLink, IndexabilityReason, LinkPlacement, PageAudit } from '../core/audit/audit-types.js';
import { splitRules } from '../core/audit/robots-directives.js';
import type { Database, LinksTable, PagesTable } from './schema.js';
import { insertSnapshot, type SnapshotInput } from './snapshots-repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SavePageAuditInput {
  audit: PageAudit;
  /** The captured bytes and response; stored content-addressed for replay. */
  snapshot?: SnapshotInput;
  etag?: string | null;
  lastModified?: string | null;
  /** When the audit was made (from the Clock). */
  now: string;
  /**
   * Which links the audit looked for: a stored link missing from this audit is marked gone only
   * when the audit would have reported it — every link with `allLinks`, else links to `sites` (as
   * `auditHtml` matches them). Without it every stored link of the page is in scope.
   */
  linkScope?: { allLinks: boolean; sites: string | readonly string[] };
}

export interface SavedPage {
  pageId: number;
  linksInserted: number;
  linksUpdated: number;
  linksGone: number;
}

/** Natural key of each link inside its page: the href and its occurrence count (DESIGN §3 idempotent writes). */
export function linkKeys(links: readonly Pick<AuditedLink, 'href'>[]): string[] {
  const seen = new Map<string, number>();
  return links.map((link) => {
    const n = seen.get(link.href) ?? 0;
    seen.set(link.href, n + 1);
    return `${link.href}#${n}`;
  });
}

/**
 * Saves one page audit in one transaction: snapshot bytes, the page row (upsert by URL) and its links
 * (upsert by (page, link_key)); links missing from this audit are kept with present = 0.
 * Re-running an audit updates, never duplicates.
 */
export async function savePageAudit(db: Kysely<Database>, input: SavePageAuditInput): Promise<SavedPage> {
  return db.transaction().execute(async (trx) => {
    const { audit, now } = input;
    if (audit.blocked) {
      // A bot challenge says nothing about the page: it must not overwrite what a real answer
      // showed (title, canonical, links — which would all read as gone). The stored audit stays;
      // the row only notes the block until the next real answer clears it.
      const good = await trx
        .selectFrom('pages')
        .select('id')
        .where('url', '=', audit.url)
        .where('blocked', '=', 0)
        .where('last_snapshot_id', 'is not', null)
        .executeTakeFirst();
      if (good !== undefined) {
        await trx
          .updateTable('pages')
          .set({ error_code: 'CHALLENGE_BLOCKED', error_message: 'a bot challenge answered; the last real audit is kept', updated_at: now })
          .where('id', '=', good.id)
          .execute();
        return { pageId: good.id, linksInserted: 0, linksUpdated: 0, linksGone: 0 };
      }
    }
    let snapshotId: number | null = null;
    let hash: string | null = null;
    if (input.snapshot) {
      const stored = await insertSnapshot(trx, input.snapshot);
      snapshotId = stored.id;
      hash = stored.contentHash;
    }
    const values = {
      url: audit.url,
      final_url: audit.finalUrl,
      status: audit.status,
      title: audit.title,
      canonical_html: audit.canonical.html,
      canonical_http: audit.canonical.http,
      robots_meta: audit.robots.meta.join(', ') || null,
      robots_header: audit.robots.header.join(', ') || null,
      indexable: audit.indexable ? 1 : 0,
      indexability_reason: audit.indexabilityReason,
      is_medium: audit.medium.isMedium ? 1 : 0,
      medium_post_id: audit.medium.postId,
      blocked: audit.blocked ? 1 : 0,
      source: audit.source,
      etag: input.etag ?? null,
      last_modified: input.lastModified ?? null,
      content_hash: hash,
      last_snapshot_id: snapshotId,
      error_code: null,
      error_message: null,
      captured_at: audit.capturedAt,
      updated_at: now,
    } satisfies Partial<Record<keyof PagesTable, unknown>>;
    const page = await trx
      .insertInto('pages')
      .values({ ...values, first_seen_at: now })
      .onConflict((oc) => oc.column('url').doUpdateSet(values))
      .returning('id')
      .executeTakeFirstOrThrow();
    const pageId = page.id;

    const existing = await trx.selectFrom('links').select(['id', 'link_key', 'target_host']).where('page_id', '=', pageId).execute();
    const existingKeys = new Set(existing.map((row) => row.link_key));
    const keys = linkKeys(audit.links);
    let inserted = 0;
    let updated = 0;
    for (const [i, link] of audit.links.entries()) {
      const key = keys[i] as string;
      const row = linkRow(link, now);
      if (existingKeys.has(key)) updated++;
      else inserted++;
      await trx
        .insertInto('links')
        .values({ ...row, page_id: pageId, link_key: key, first_seen_at: now })
        .onConflict((oc) => oc.columns(['page_id', 'link_key']).doUpdateSet(row))
        .execute();
    }
    const currentKeys = new Set(keys);
    const scope = input.linkScope;
    const isUserHost =
      scope === undefined || scope.allLinks ? null : userSiteMatcher([...(typeof scope.sites === 'string' ? [scope.sites] : scope.sites)]);
    const inScope = (host: string | null): boolean => isUserHost === null || (host !== null && isUserHost(host));
    // A list cut short by the outlink cap says nothing about the links after the cut.
    const gone =
      audit.linksTruncated === true
        ? []
        : existing.filter((row) => !currentKeys.has(row.link_key) && inScope(row.target_host)).map((row) => row.id);
    if (gone.length > 0) {
      await trx.updateTable('links').set({ present: 0 }).where('id', 'in', gone).where('present', '=', 1).execute();
    }
    return { pageId, linksInserted: inserted, linksUpdated: updated, linksGone: gone.length };
  });
}

function linkRow(link: AuditedLink, now: string) {
  return {
    position: link.position,
    tag: link.tag,
    href: link.href,
    url: link.url,
    target_host: link.targetHost,
    registrable_domain: link.registrableDomain,
    to_user_site: link.toUserSite ? 1 : 0,
    anchor_text: link.anchorText,
    rel: link.rel.join(' '),
    follow: link.follow ? 1 : 0,
    placement: link.placement,
    target_status: link.target?.status ?? null,
    target_final_url: link.target?.finalUrl ?? null,
    target_checked_at: link.target ? now : null,
    present: 1,
    last_seen_at: now,
  } satisfies Partial<Record<keyof LinksTable, unknown>>;
}

/** Records that a URL could not be audited, without touching what an earlier audit stored about it. */
export async function recordPageError(db: Db, input: { url: string; code: string; message: string; now: string }): Promise<number> {
  const row = await db
    .insertInto('pages')
    .values({
      url: input.url,
      is_medium: 0,
      blocked: input.code === 'MEDIUM_BLOCKED' || input.code === 'CHALLENGE_BLOCKED' ? 1 : 0,
      error_code: input.code,
      error_message: input.message,
      first_seen_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) => oc.column('url').doUpdateSet({ error_code: input.code, error_message: input.message, updated_at: input.now }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface StoredPageSummary {
  id: number;
  url: string;
  finalUrl: string | null;
  status: number | null;
  etag: string | null;
  lastModified: string | null;
  errorCode: string | null;
  updatedAt: string;
}

export async function findPage(db: Db, url: string): Promise<StoredPageSummary | null> {
  const row = await db
    .selectFrom('pages')
    .select(['id', 'url', 'final_url', 'status', 'etag', 'last_modified', 'error_code', 'updated_at'])
    .where('url', '=', url)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    url: row.url,
    finalUrl: row.final_url,
    status: row.status,
    etag: row.etag,
    lastModified: row.last_modified,
    errorCode: row.error_code,
    updatedAt: row.updated_at,
  };
}

/** Rebuilds the stored audit of a page (links currently present), in the same shape the CLI prints. */
export async function loadPageAudit(db: Db, url: string): Promise<PageAudit | null> {
  const page = await db.selectFrom('pages').selectAll().where('url', '=', url).executeTakeFirst();
  if (!page || page.indexability_reason === null) return null;
  const rows = await db
    .selectFrom('links')
    .selectAll()
    .where('page_id', '=', page.id)
    .where('present', '=', 1)
    .orderBy('position')
    .execute();
  const links: AuditedLink[] = rows.map((row) => ({
    position: row.position,
    tag: row.tag === 'area' ? 'area' : 'a',
    href: row.href,
    url: row.url,
    targetHost: row.target_host,
    registrableDomain: row.registrable_domain,
    toUserSite: row.to_user_site === 1,
    anchorText: row.anchor_text,
    rel: row.rel === '' ? [] : row.rel.split(' '),
    follow: row.follow === 1,
    placement: row.placement as LinkPlacement,
  }));
  return {
    url: page.url,
    finalUrl: page.final_url ?? page.url,
    status: page.status,
    redirects: [],
    source: page.source === 'file' ? 'file' : 'live',
    title: page.title,
    canonical: { html: page.canonical_html, http: page.canonical_http },
    robots: {
      // The same list splitter as the audit: an unavailable_after date keeps its comma.
      meta: page.robots_meta ? splitRules(page.robots_meta) : [],
      header: page.robots_header ? splitRules(page.robots_header) : [],
    },
    indexable: page.indexable === 1,
    indexabilityReason: page.indexability_reason as IndexabilityReason,
    medium: { isMedium: page.is_medium === 1, postId: page.medium_post_id },
    blocked: page.blocked === 1,
    links,
    counts: {
      total: links.length,
      toUserSite: links.filter((l) => l.toUserSite).length,
      followed: links.filter((l) => l.follow).length,
      body: links.filter((l) => l.placement === 'body').length,
    },
    capturedAt: page.captured_at ?? page.updated_at,
  };
}

export interface LinkListFilter {
  toUserSite?: boolean;
  placement?: LinkPlacement;
  follow?: boolean;
  includeGone?: boolean;
}

export interface StoredLink {
  pageUrl: string;
  url: string | null;
  anchorText: string;
  rel: string[];
  follow: boolean;
  placement: LinkPlacement;
  toUserSite: boolean;
  present: boolean;
  firstSeenAt: string;
  lastSeenAt: string;
}

export async function listLinks(db: Db, filter: LinkListFilter = {}): Promise<StoredLink[]> {
  let query = db
    .selectFrom('links')
    .innerJoin('pages', 'pages.id', 'links.page_id')
    .select([
      'pages.url as page_url',
      'links.url',
      'links.anchor_text',
      'links.rel',
      'links.follow',
      'links.placement',
      'links.to_user_site',
      'links.present',
      'links.first_seen_at',
      'links.last_seen_at',
    ]);
  if (filter.toUserSite !== undefined) query = query.where('links.to_user_site', '=', filter.toUserSite ? 1 : 0);
  if (filter.placement !== undefined) query = query.where('links.placement', '=', filter.placement);
  if (filter.follow !== undefined) query = query.where('links.follow', '=', filter.follow ? 1 : 0);
  if (!filter.includeGone) query = query.where('links.present', '=', 1);
  const rows = await query.orderBy('pages.url').orderBy('links.position').execute();
  return rows.map((row) => ({
    pageUrl: row.page_url,
    url: row.url,
    anchorText: row.anchor_text,
    rel: row.rel === '' ? [] : row.rel.split(' '),
    follow: row.follow === 1,
    placement: row.placement as LinkPlacement,
    toUserSite: row.to_user_site === 1,
    present: row.present === 1,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  }));
}

export async function countRows(db: Db, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
