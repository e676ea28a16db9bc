import { Command, Option } from 'commander';
import { checkContent } from '../../app/check-content.js';
import { CONTENT_PROFILES, type ContentProfile, type ContentReport } from '../../core/content/content-types.js';
import { renderContentMessage } from '../../core/content/messages.js';
import { type CliIo, CliExit, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import { createFetcher, type FetcherFlags, fetcherOptions } from '../fetcher-flags.js';
import { renderTable } from '../format/table.js';
import { collectList } from '../option-parsers.js';

interface CheckFlags extends FetcherFlags {
  keyphrase?: string;
  synonyms: string[];
  profile: ContentProfile;
  site: string[];
  json?: boolean;
}

const RATING_MARK: Record<string, string> = { green: 'good', orange: 'improve', red: 'PROBLEM', grey: 'note' };

export function checkText(report: ContentReport): string {
  const lines = [
    `profile ${report.profile}, keyphrase ${report.keyphrase ? JSON.stringify(report.keyphrase) : '—'}`,
    `SEO ${report.seo.score}/100 (${report.seo.rating}) · readability ${report.readability.score}/100 (${report.readability.rating})` +
      (report.medium ? ` · Medium ${report.medium.score}/100 (${report.medium.rating})` : ''),
    `${report.stats.words} words, ${report.stats.sentences} sentences, ${report.stats.subheadings} subheadings, Flesch ${report.stats.fleschReadingEase ?? '—'}, ${report.stats.readingTimeMinutes} min read`,
    '',
    renderTable(
      report.results.filter((r) => r.status !== 'not-applicable'),
      [
        { header: 'kind', value: (r) => r.kind },
        { header: 'check', value: (r) => r.id, max: 32 },
        { header: 'score', value: (r) => String(r.score) },
        { header: 'verdict', value: (r) => RATING_MARK[r.rating] ?? r.rating },
        { header: 'message', value: (r) => renderContentMessage(r.messageId, r.params), max: 110 },
      ],
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export function checkCommand(io: CliIo): Command {
  return new Command('check')
    .description('Check a Medium draft, a saved page or a URL: Yoast/Rank Math-style SEO, readability and Medium checks')
    .argument('<draft>', 'a Markdown draft with front matter (.md), a saved page (.html) or an http(s) URL')
    .option('--keyphrase <phrase>', 'focus keyphrase (default: the draft front matter "keyphrase")')
    .addOption(new Option('--synonyms <list>', 'keyphrase synonyms, comma-separated').default([], '').argParser(collectList))
    .addOption(new Option('--profile <profile>', 'which rule set').choices(CONTENT_PROFILES as string[]).default('medium'))
    .addOption(new Option('--site <domain>', 'your site (for internal/outbound links and links home); repeatable').default([], '').argParser(collectList))
    .option('--json', 'print every assessment with its measured values as JSON')
    .addOption(fetcherOptions.allowPrivate())
    .addOption(fetcherOptions.delay())
    .action(async (draft: string, flags: CheckFlags) => {
      const isUrl = /^https?:\/\//i.test(draft);
      const fetcher = isUrl ? createFetcher(flags, readConfig(io.env, io.cwd)) : undefined;
      try {
        const report = await checkContent(fetcher ? { fetcher } : {}, {
          input: draft,
          cwd: io.cwd,
          profile: flags.profile,
          ...(flags.keyphrase ? { keyphrase: flags.keyphrase } : {}),
          synonyms: flags.synonyms,
          userSites: flags.site,
        });
        io.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : checkText(report));
      } catch (error) {
        if (error instanceof Error && 'code' in error && (error as { errorClass?: string }).errorClass === 'validation') {
          throw new CliExit(EXIT.usage, `${(error as { code: string }).code}: ${error.message}`);
        }
        throw error;
      } finally {
        await fetcher?.close();
      }
    });
}
