import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { type AuditInput, type AuditOutcome, auditPages } from '../../app/audit-pages.js';
import type { PageFetcher } from '../../app/ports.js';
import { systemClock } from '../../app/system-clock.js';
import { siteHostProblem } from '../../core/audit/audit-html.js';
import type { PageAudit, TargetCheck } from '../../core/audit/audit-types.js';
import { parseHttpUrl } from '../../core/url/parse-url.js';
import { openStore, type Store } from '../../store/open-store.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import { createFetcher, type FetcherFlags, fetcherOptions } from '../fetcher-flags.js';
import { toCsv } from '../format/csv.js';
import { renderTable } from '../format/table.js';
import { collectList, wholeNumberAtLeastZero } from '../option-parsers.js';
import { createProgress } from '../progress.js';

interface AuditFlags extends FetcherFlags {
  site: string[];
  allLinks?: boolean;
  checkTargets?: boolean;
  html?: string;
  url?: string;
  fromFile?: string;
  json?: boolean;
  csv?: boolean;
  db?: string;
  save: boolean;
  restart?: boolean;
  concurrency: number;
}

/** Stable JSON for `--json`: the PageAudit records (documented in README "JSON output"). */
export function auditJson(outcome: AuditOutcome): string {
  return `${JSON.stringify({ pages: outcome.audits, failures: outcome.failures }, null, 2)}\n`;
}

export const AUDIT_CSV_HEADER = [
  'page_url',
  'final_url',
  'status',
  'indexable',
  'indexability_reason',
  'canonical',
  'is_medium',
  'medium_post_id',
  'blocked',
  'position',
  'href',
  'url',
  'target_host',
  'registrable_domain',
  'to_user_site',
  'anchor_text',
  'rel',
  'follow',
  'placement',
  'target_status',
  'target_final_url',
] as const;

export function auditCsv(audits: readonly PageAudit[]): string {
  const rows: unknown[][] = [];
  for (const page of audits) {
    const pageCells = [
      page.url,
      page.finalUrl,
      page.status,
      page.indexable,
      page.indexabilityReason,
      page.canonical.html ?? page.canonical.http,
      page.medium.isMedium,
      page.medium.postId,
      page.blocked,
    ];
    if (page.links.length === 0) rows.push([...pageCells, ...new Array(12).fill(null)]);
    for (const link of page.links) {
      rows.push([
        ...pageCells,
        link.position,
        link.href,
        link.url,
        link.targetHost,
        link.registrableDomain,
        link.toUserSite,
        link.anchorText,
        link.rel.join(' '),
        link.follow,
        link.placement,
        link.target?.status ?? null,
        link.target?.finalUrl ?? null,
      ]);
    }
  }
  return toCsv(AUDIT_CSV_HEADER, rows);
}

/** "200", "301→200", "404", or the error code. */
export function targetSummary(target: TargetCheck | undefined): string {
  if (!target) return '';
  if (target.error) return target.error.code;
  return [...target.redirects.map((r) => String(r.status)), String(target.status ?? '')].join('→');
}

export function auditText(outcome: AuditOutcome): string {
  const parts: string[] = [];
  for (const page of outcome.audits) {
    const facts = [
      `page        ${page.url}`,
      page.finalUrl !== page.url ? `final URL   ${page.finalUrl}` : null,
      `status      ${page.status ?? 'saved file'}${page.redirects.length ? ` after ${page.redirects.length} redirect(s)` : ''}`,
      `canonical   ${page.canonical.html ?? page.canonical.http ?? '—'}`,
      `indexable   ${page.indexable ? 'yes' : 'no'} (${page.indexabilityReason})`,
      page.medium.isMedium ? `medium      yes${page.medium.postId ? `, post ${page.medium.postId}` : ''}` : null,
      page.blocked
        ? 'BLOCKED     a bot challenge answered instead of the page: save it in your browser and run `linkwright audit --html saved.html --url <url>`'
        : null,
      `links       ${page.counts.total} (${page.counts.followed} followed, ${page.counts.body} in the body)`,
    ].filter((line): line is string => line !== null);
    parts.push(facts.join('\n'));
    if (page.links.length > 0) {
      parts.push(
        renderTable(page.links, [
          { header: '#', value: (l) => String(l.position) },
          { header: 'anchor', value: (l) => l.anchorText || '—', max: 32 },
          { header: 'url', value: (l) => l.url ?? l.href, max: 60 },
          { header: 'rel', value: (l) => l.rel.join(' ') || '—', max: 24 },
          { header: 'follow', value: (l) => (l.follow ? 'yes' : 'no') },
          { header: 'placement', value: (l) => l.placement },
          ...(page.links.some((l) => l.target)
            ? [{ header: 'target', value: (l: (typeof page.links)[number]) => targetSummary(l.target) }]
            : []),
        ]),
      );
    }
    parts.push('');
  }
  for (const failure of outcome.failures) parts.push(`FAILED ${failure.input}: ${failure.code} ${failure.message}`);
  if (outcome.resumedSkipped > 0) parts.push(`(resumed an interrupted run: ${outcome.resumedSkipped} page(s) were already done)`);
  return `${parts.join('\n')}\n`;
}

async function readUrlList(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new CliExit(EXIT.usage, `cannot read ${path}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
  }
  const urls: string[] = [];
  for (const [i, raw] of text.split(/\r?\n/).entries()) {
    // A comment may also follow the URL after white space ("https://… # note").
    const line = raw
      .replace(/^\uFEFF/, '')
      .replace(/\s+#.*$/, '')
      .trim();
    if (line === '' || line.startsWith('#')) continue;
    const url = /\s/.test(line) ? null : parseHttpUrl(line);
    if (url === null) throw new CliExit(EXIT.usage, `${path}:${i + 1}: not an http(s) URL: ${JSON.stringify(line.slice(0, 200))}`);
    urls.push(pageKey(url));
  }
  return urls;
}

/**
 * The URL a page is stored and reported under: parsed (scheme and host case, dot segments, default
 * port) and without the fragment, which is never sent — so `HTTP://x/a#b`, `http://x/./a` and
 * `http://x/a` are one page, not three.
 */
function pageKey(url: URL): string {
  const u = new URL(url.href);
  u.hash = '';
  return u.href;
}

/** Drops repeated inputs (the same URL, or the same file read as the same URL), keeping the first. */
function withoutRepeats(inputs: AuditInput[]): AuditInput[] {
  const seen = new Set<string>();
  return inputs.filter((input) => {
    const key = input.kind === 'url' ? `url ${input.url}` : `file ${input.path} ${input.url ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function buildAuditInputs(
  targets: string[],
  flags: Pick<AuditFlags, 'html' | 'url' | 'fromFile'>,
  cwd: string,
): Promise<AuditInput[]> {
  const inputs: AuditInput[] = [];
  if (flags.html) {
    const original = flags.url ? parseHttpUrl(flags.url) : null;
    if (flags.url && original === null) throw new CliExit(EXIT.usage, `--url must be an http(s) URL, got ${JSON.stringify(flags.url)}`);
    inputs.push({ kind: 'file', path: resolve(cwd, flags.html), ...(original ? { url: pageKey(original) } : {}) });
  } else if (flags.url) {
    throw new CliExit(EXIT.usage, '--url names the original address of a saved page: use it with --html <file>');
  }
  for (const target of targets) {
    if (/^https?:\/\//i.test(target)) {
      const url = parseHttpUrl(target);
      if (url === null) throw new CliExit(EXIT.usage, `not a valid URL: ${JSON.stringify(target)}`);
      inputs.push({ kind: 'url', url: pageKey(url) });
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
      throw new CliExit(EXIT.usage, `only http and https URLs can be audited: ${JSON.stringify(target)}`);
    } else {
      inputs.push({ kind: 'file', path: resolve(cwd, target) });
    }
  }
  if (flags.fromFile) for (const url of await readUrlList(resolve(cwd, flags.fromFile))) inputs.push({ kind: 'url', url });
  return withoutRepeats(inputs);
}

export function auditCommand(io: CliIo): Command {
  return new Command('audit')
    .description('Audit the links on pages (live URLs or saved .html files) that point at your site(s)')
    .argument('[targets...]', 'URLs (http/https) or saved .html files')
    .addOption(new Option('--site <domain>', 'your site; repeat or comma-separate for several').default([], 'none').argParser(collectList))
    .option('--all-links', 'report every link on the page, not only those to your sites')
    .option('--check-targets', "fetch each link's target: status and redirect chain")
    .option('--html <file>', 'audit a page saved from your browser (the way around bot challenges)')
    .option('--url <url>', 'the original URL of the page given with --html')
    .option('--from-file <file>', 'read URLs to audit from a file, one per line (# comments allowed)')
    .option('--json', 'print JSON (stable field names, see README)')
    .option('--csv', 'print CSV, one row per link')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)')
    .option('--no-save', 'do not store the results')
    .option('--restart', 'start over instead of resuming an interrupted run of the same command')
    .addOption(
      new Option('--concurrency <n>', 'pages in flight at once (still one connection per host)')
        .default(4)
        .argParser(wholeNumberAtLeastZero),
    )
    .addOption(fetcherOptions.allowPrivate())
    .addOption(fetcherOptions.delay())
    .addOption(fetcherOptions.ignoreRobots())
    .addHelpText(
      'after',
      `
Examples:
  linkwright audit https://medium.com/@me/my-story-0123456789ab --site example.com
  linkwright audit --html saved-story.html --url https://medium.com/p/0123456789ab --site example.com --json
  linkwright audit --from-file urls.txt --site example.com --csv > links.csv

Exit codes: 0 ok, 2 bad input or usage, 3 some pages failed (the rest is stored and reported).`,
    )
    .action(async (targets: string[], flags: AuditFlags) => {
      if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
      const inputs = await buildAuditInputs(targets, flags, io.cwd);
      if (inputs.length === 0) {
        throw new CliExit(
          EXIT.usage,
          flags.fromFile
            ? `nothing to audit: ${flags.fromFile} lists no URL`
            : 'nothing to audit: give URLs, files, --html <file> or --from-file <list>',
        );
      }
      if (flags.site.length === 0 && !flags.allLinks) {
        throw new CliExit(EXIT.usage, 'say which site is yours with --site example.com (or use --all-links)');
      }
      for (const site of flags.site) {
        const problem = siteHostProblem(site);
        if (problem !== null) throw new CliExit(EXIT.usage, `--site ${problem}`);
      }
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      const store: Store | undefined = flags.save ? await openStore({ location: config.db }) : undefined;
      const fetcher: PageFetcher = createFetcher(flags, config);
      const progress = createProgress(io, inputs.length);
      let outcome: AuditOutcome;
      try {
        outcome = await auditPages(
          { fetcher, clock: systemClock, ...(store ? { store } : {}), onProgress: (e) => progress.update(e.done, e.input) },
          {
            inputs,
            sites: flags.site,
            allLinks: flags.allLinks ?? false,
            checkTargets: flags.checkTargets ?? false,
            save: flags.save,
            restart: flags.restart ?? false,
            concurrency: flags.concurrency,
          },
        );
      } finally {
        progress.stop();
        await fetcher.close();
        await store?.close();
      }
      if (flags.json) io.stdout.write(auditJson(outcome));
      else if (flags.csv) io.stdout.write(auditCsv(outcome.audits));
      else io.stdout.write(auditText(outcome));
      for (const failure of outcome.failures) io.stderr.write(`linkwright: ${failure.input}: ${failure.code}: ${failure.message}\n`);
      const blocked = outcome.audits.filter((a) => a.blocked);
      for (const page of blocked) {
        io.stderr.write(
          `linkwright: ${page.url}: blocked by a bot challenge (HTTP ${page.status}); save the page in your browser and run: linkwright audit --html saved.html --url ${page.url}\n`,
        );
      }
      if (outcome.failures.length > 0 || blocked.length > 0) {
        if (outcome.audits.length === 0 && inputs.every((i) => i.kind === 'file')) throw new CliExit(EXIT.usage, '');
        throw new CliExit(EXIT.partial, '');
      }
    });
}
