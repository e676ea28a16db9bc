import { Command, Option } from 'commander';
import { addContent } from '../../app/check-content.js';
import { systemClock } from '../../app/system-clock.js';
import { CONTENT_ITEM_KINDS, type ContentItemKind, type ContentItemRecord, listContentItems, removeContentItem } from '../../store/content-repository.js';
import { type CliIo, CliExit, EXIT } from '../cli-io.js';
import { createFetcher, type FetcherFlags } from '../fetcher-flags.js';
import { toCsv } from '../format/csv.js';
import { renderTable, terminalSafe } from '../format/table.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';
import { isMediumTarget, usageExit } from './check-command.js';

interface AddFlags extends FetcherFlags {
  keyphrase?: string;
  kind?: ContentItemKind;
  url?: string;
  db?: string;
  json?: boolean;
}

interface ListFlags {
  kind?: ContentItemKind;
  db?: string;
  json?: boolean;
  csv?: boolean;
}

const CSV_HEADER = ['url', 'kind', 'title', 'keyphrase', 'tags', 'words', 'canonical', 'updated_at'] as const;

function csvRow(i: ContentItemRecord): unknown[] {
  return [i.url, i.kind, i.title, i.keyphrase, i.tags.join(' '), i.wordCount, i.canonicalUrl, i.updatedAt];
}

/** Stable JSON shape of a content item (the fingerprint is internal and left out). */
function itemJson(i: ContentItemRecord): Record<string, unknown> {
  return {
    url: i.url,
    kind: i.kind,
    title: i.title,
    keyphrase: i.keyphrase,
    tags: i.tags,
    words: i.wordCount,
    canonical: i.canonicalUrl,
    hasFingerprint: i.fingerprint !== null,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** One stored item as a line; page-derived parts (URL, tags) are made terminal-safe. */
function itemLine(i: ContentItemRecord): string {
  return terminalSafe(`stored ${i.kind} ${i.url}: keyphrase ${i.keyphrase ? JSON.stringify(i.keyphrase) : '—'}, ${i.wordCount ?? 0} words, tags ${i.tags.join(', ') || '—'}`);
}

export function contentCommand(io: CliIo): Command {
  const content = new Command('content').description(
    'Your own content the checker compares drafts with: site pages and Medium stories, each with its focus keyphrase',
  );

  content.addCommand(
    addFetcherOptions(
      new Command('add')
        .description('Read a page of your site, a Medium story of yours or a draft, and record its keyphrase, tags and text fingerprint')
        .argument('<input...>', 'page URL, saved .html file or Markdown draft (several allowed)')
        .option('--keyphrase <phrase>', 'the focus keyphrase of this content (default: a draft front-matter keyphrase; a stored one is kept)')
        .addOption(new Option('--kind <kind>', 'what it is (default: from the input)').choices(CONTENT_ITEM_KINDS as unknown as string[]))
        .option('--url <url>', 'the original URL of a page given as a saved .html file')
        .option(...DB_OPTION)
        .option('--json', 'print the stored items as JSON'),
    ).action(async (inputs: string[], flags: AddFlags) => {
      if (flags.url !== undefined && inputs.length > 1) throw new CliExit(EXIT.usage, '--url names one saved file; give one input with it');
      await withStore(io, flags.db, async (store, config) => {
        const urls = inputs.filter((i) => /^https?:\/\//i.test(i));
        // The Medium source (and its ≥ 2 s floor) only when a Medium URL is among the inputs.
        const tools =
          urls.length === 0
            ? undefined
            : urls.some((u) => isMediumTarget(u, config.mediumOrigin))
              ? createMediumTools(flags, config, systemClock, store)
              : { fetcher: createFetcher(flags, config), source: undefined };
        const saved: ContentItemRecord[] = [];
        try {
          for (const input of inputs) {
            const item = await addContent(
                { store, clock: systemClock, ...(tools ? { fetcher: tools.fetcher } : {}), ...(tools?.source ? { medium: tools.source } : {}) },
                {
                  input,
                  cwd: io.cwd,
                  ...(flags.url ? { url: flags.url } : {}),
                  ...(flags.keyphrase ? { keyphrase: flags.keyphrase } : {}),
                  ...(flags.kind ? { kind: flags.kind } : {}),
                },
            );
            saved.push(item);
            // Said as each is stored, so an input failing later leaves no stored item unreported.
            if (!flags.json) io.stdout.write(`${itemLine(item)}\n`);
          }
        } catch (error) {
          usageExit(error);
        } finally {
          await tools?.fetcher.close();
        }
        if (flags.json) io.stdout.write(`${JSON.stringify(saved.map(itemJson), null, 2)}\n`);
      });
    }),
  );

  content.addCommand(
    new Command('list')
      .description('List your stored content with its keyphrases')
      .addOption(new Option('--kind <kind>', 'only this kind').choices(CONTENT_ITEM_KINDS as unknown as string[]))
      .option(...DB_OPTION)
      .option('--json', 'JSON (stable field names)')
      .option('--csv', 'CSV')
      .action(async (flags: ListFlags) => {
        await withStore(io, flags.db, async (store) => {
          const items = await listContentItems(store.db, flags.kind ? { kind: flags.kind } : {});
          if (flags.json) io.stdout.write(`${JSON.stringify(items.map(itemJson), null, 2)}\n`);
          else if (flags.csv) io.stdout.write(toCsv(CSV_HEADER, items.map(csvRow)));
          else
            io.stdout.write(
              `${renderTable(items, [
                { header: 'kind', value: (i) => i.kind },
                { header: 'keyphrase', value: (i) => i.keyphrase ?? '—', max: 32 },
                { header: 'words', value: (i) => String(i.wordCount ?? '') },
                { header: 'url', value: (i) => i.url, max: 80 },
                { header: 'title', value: (i) => i.title ?? '', max: 50 },
              ])}\n`,
            );
        });
      }),
  );

  content.addCommand(
    new Command('remove')
      .description('Forget a stored item')
      .argument('<url>', 'the stored URL (as `content list` shows it)')
      .option(...DB_OPTION)
      .action(async (url: string, flags: { db?: string }) => {
        await withStore(io, flags.db, async (store) => {
          if (!(await removeContentItem(store.db, url))) throw new CliExit(EXIT.usage, `no stored content at ${url}`);
          io.stdout.write(`${terminalSafe(`removed ${url}`)}\n`);
        });
      }),
  );
  return content;
}
