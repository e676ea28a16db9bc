import { existsSync } from 'node:fs';
import { Command, Option } from 'commander';
import { type CheckContentResult, checkContent } from '../../app/check-content.js';
import { systemClock } from '../../app/system-clock.js';
import { CONTENT_PROFILES, type ContentProfile } from '../../core/content/content-types.js';
import { renderContentMessage } from '../../core/content/messages.js';
import { isMediumHost } from '../../core/medium/medium-ids.js';
import { parseHttpUrl } from '../../core/url/parse-url.js';
import { isPostgresUrl, openStore, type Store } from '../../store/open-store.js';
import { type CliIo, CliExit, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import { createFetcher, type FetcherFlags } from '../fetcher-flags.js';
import { renderTable, terminalSafe } from '../format/table.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { collectList } from '../option-parsers.js';
import { DB_OPTION } from '../outreach-shell.js';

interface CheckFlags extends FetcherFlags {
  keyphrase?: string;
  synonyms: string[];
  profile: ContentProfile;
  site: string[];
  url?: string;
  db?: string;
  save?: boolean;
  json?: boolean;
}

const RATING_MARK: Record<string, string> = { green: 'good', orange: 'improve', red: 'PROBLEM', grey: 'note' };

/**
 * The check as text. `brief`: only the Medium checks and what is not green (the demo's view); default all
 * results except those that did not apply.
 */
export function checkText(result: CheckContentResult, options: { brief?: boolean } = {}): string {
  const { report, context } = result;
  const shown = report.results.filter(
    (r) => r.status !== 'not-applicable' && (!options.brief || r.kind === 'medium' || r.rating === 'red' || r.rating === 'orange'),
  );
  const lines = [
    `profile ${report.profile}, keyphrase ${report.keyphrase ? JSON.stringify(report.keyphrase) : '—'}`,
    `SEO ${report.seo.score}/100 (${report.seo.rating}) · readability ${report.readability.score}/100 (${report.readability.rating})` +
      (report.medium ? ` · Medium ${report.medium.score}/100 (${report.medium.rating})` : ''),
    `${report.stats.words} words, ${report.stats.sentences} sentences, ${report.stats.subheadings} subheadings, Flesch ${report.stats.fleschReadingEase ?? '—'}, ${report.stats.readingTimeMinutes} min read`,
    context === null
      ? 'no database: previously used keyphrases, known tags and copies of your pages were not checked (run `linkwright content add` or give --db)'
      : `compared with ${context.itemsCompared} stored item(s) of yours and ${context.knownTags} known tag(s)` +
        (context.copyOf ? `; copy of ${context.copyOf.url} (resemblance ${context.copyOf.resemblance.toFixed(2)})` : ''),
    '',
    renderTable(
      shown,
      [
        { header: 'kind', value: (r) => r.kind },
        { header: 'check', value: (r) => r.id, max: 32 },
        { header: 'score', value: (r) => String(r.score) },
        { header: 'verdict', value: (r) => RATING_MARK[r.rating] ?? r.rating },
        { header: 'message', value: (r) => renderContentMessage(r.messageId, r.params), max: 110 },
      ],
    ),
  ];
  if (result.saved) lines.push(`saved as ${result.saved.kind} ${result.saved.url}`);
  // Every line is safe for the terminal: the table cells already are, the header lines carry URLs and the keyphrase.
  return `${lines.map((l) => l.split('\n').map(terminalSafe).join('\n')).join('\n')}\n`;
}

/** A medium.com / *.medium.com URL or one on the configured Medium origin. */
export function isMediumTarget(url: string, mediumOrigin: string): boolean {
  const parsed = parseHttpUrl(url);
  if (parsed === null) return false;
  return isMediumHost(parsed.hostname) || parsed.origin === parseHttpUrl(mediumOrigin)?.origin;
}

/** Validation errors of the input (missing file, bad front matter …) end with exit 2 and the coded message. */
export function usageExit(error: unknown): never {
  if (error instanceof Error && 'code' in error && (error as { errorClass?: string }).errorClass === 'validation') {
    throw new CliExit(EXIT.usage, `${(error as { code: string }).code}: ${error.message}`);
  }
  throw error;
}

export function checkCommand(io: CliIo): Command {
  const command = new Command('check')
    .description(
      'Check a Medium draft, a saved page or a URL: Yoast/Rank Math-style SEO, readability and Medium checks, against the keyphrases, tags and pages in your database',
    )
    .argument('<draft>', 'a Markdown draft with front matter (.md), a saved page (.html) or an http(s) URL (Medium stories are read with the Medium reader)')
    .option('--keyphrase <phrase>', 'focus keyphrase (default: the draft front matter "keyphrase")')
    .addOption(new Option('--synonyms <list>', 'keyphrase synonyms, comma-separated').default([], 'none').argParser(collectList))
    .addOption(new Option('--profile <profile>', 'which rule set').choices(CONTENT_PROFILES as string[]).default('medium'))
    .addOption(
      new Option('--site <domain>', 'your site (for internal/outbound links and links home); repeatable; default: the sites in the database')
        .default([], 'none')
        .argParser(collectList),
    )
    .option('--url <url>', 'the original URL of a page given as a saved .html file')
    .option(DB_OPTION[0], `${DB_OPTION[1]}; used when it exists`)
    .option('--save', 'record this content (keyphrase, tags, fingerprint) so later drafts are compared with it')
    .option('--json', 'print every assessment with its measured values as JSON');
  return addFetcherOptions(command).action(async (draft: string, flags: CheckFlags) => {
    const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
    // Checking must not leave a database behind by surprise: the store is opened when it exists, was named, or is written to.
    const useStore = flags.save === true || flags.db !== undefined || isPostgresUrl(config.db) || existsSync(config.db);
    let store: Store | undefined;
    const isUrl = /^https?:\/\//i.test(draft);
    try {
      store = useStore ? await openStore({ location: config.db }) : undefined;
      // Medium URLs go through the Medium source (≥ 2 s politeness, story cache); other pages through the fetcher.
      const tools = !isUrl ? undefined : isMediumTarget(draft, config.mediumOrigin) ? createMediumTools(flags, config, systemClock, store) : { fetcher: createFetcher(flags, config), source: undefined };
      try {
        const result = await checkContent(
          { ...(tools ? { fetcher: tools.fetcher } : {}), ...(tools?.source ? { medium: tools.source } : {}), ...(store ? { store } : {}), clock: systemClock },
          {
            input: draft,
            cwd: io.cwd,
            profile: flags.profile,
            ...(flags.keyphrase ? { keyphrase: flags.keyphrase } : {}),
            synonyms: flags.synonyms,
            userSites: flags.site,
            ...(flags.url ? { url: flags.url } : {}),
            save: flags.save === true,
          },
        );
        io.stdout.write(
          flags.json
            ? `${JSON.stringify({ ...result.report, identity: result.identity, context: result.context, saved: result.saved }, null, 2)}\n`
            : checkText(result),
        );
      } finally {
        await tools?.fetcher.close();
      }
    } catch (error) {
      usageExit(error);
    } finally {
      await store?.close();
    }
  });
}
