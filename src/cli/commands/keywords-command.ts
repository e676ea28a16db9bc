import { Command, Option } from 'commander';
import { type KeywordsOutcome, researchKeywordsFromSources } from '../../app/research-keywords.js';
import { systemClock } from '../../app/system-clock.js';
import type { KeywordReport } from '../../core/keywords/keyword-types.js';
import { existsSync } from 'node:fs';
import { isPostgresUrl, openStore, type Store } from '../../store/open-store.js';
import { type CliIo, CliExit, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { toCsv } from '../format/csv.js';
import { renderTable, terminalSafe } from '../format/table.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { collectList, wholeNumberAtLeastOne } from '../option-parsers.js';
import { DB_OPTION } from '../outreach-shell.js';
import { createStageProgress } from '../stage-progress.js';
import { usageExit } from './check-command.js';

interface KeywordsFlags extends FetcherFlags {
  tag: string[];
  backgroundTag: string[];
  from: string[];
  fetch?: boolean;
  maxStories?: number;
  limit?: number;
  db?: string;
  json?: boolean;
  csv?: boolean;
}

const WARNINGS: Record<string, (p: Record<string, string | number>) => string> = {
  'keywords.empty-corpus': () =>
    'no stories to learn from: run `linkwright discover` first, add --fetch to read the tag feeds, or give saved pages/feeds with --from',
  'keywords.no-text': (p) => `none of the ${p.stories} stories has body text (feed snippets only): terms come from titles; add --fetch or saved pages`,
  'keywords.no-niche': (p) => `no story matches "${p.seed}" (tags: ${p.tags}); try --tag with the Medium tag of your niche`,
  'keywords.no-background': (p) =>
    `all ${p.niche} stories are in the niche: terms are ranked within the niche only; add --background-tag <other tag> --fetch for contrast`,
  'keywords.few-stories': (p) => `only ${p.niche} niche stories have text (${p.needed} wanted): rankings are thin`,
  'keywords.seed-function-words': (p) =>
    `"${p.seed}" is made only of function words (the, of, and …): every story matches it; give the words of your topic`,
};

export function renderKeywordWarning(w: { id: string; params: Record<string, string | number> }): string {
  return WARNINGS[w.id]?.(w.params) ?? `${w.id} ${JSON.stringify(w.params)}`;
}

const num = (v: number | null, digits = 0): string => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: digits }));

export function keywordsText(outcome: KeywordsOutcome): string {
  const r = outcome.report;
  const s = outcome.sources;
  const out: string[] = [
    terminalSafe(`keywords for "${r.seed}" — niche tags: ${r.nicheTags.join(', ')}`),
    `corpus: ${r.corpus.stories} stories (${r.corpus.niche} niche, ${r.corpus.background} background, ${r.corpus.withText} with text) from ${s.storedStories} stored stories, ${s.storedFeeds} stored feeds, ${s.files} files` +
      (s.fetchedFeeds.length > 0 ? `; fetched ${s.fetchedFeeds.length} feeds, ${s.fetchedStories} story pages` : ''),
  ];
  if (r.relatedTags.length > 0) {
    out.push('', 'Related tags (co-occurrence with the niche; lift > 1 = goes with it more than chance)');
    out.push(
      renderTable(r.relatedTags, [
        { header: 'tag', value: (t) => t.tag, max: 40 },
        { header: 'together', value: (t) => String(t.together) },
        { header: 'tag stories', value: (t) => String(t.tagStories) },
        { header: 'lift', value: (t) => t.lift.toFixed(2) },
      ]),
    );
  }
  for (const [title, list] of [
    ['Key terms (BM25 against the background)', r.terms],
    ['Phrases', r.phrases],
  ] as const) {
    if (list.length === 0) continue;
    out.push('', title);
    out.push(
      renderTable(list, [
        { header: 'term', value: (t) => t.text, max: 40 },
        { header: 'score', value: (t) => t.score.toFixed(2) },
        { header: 'niche', value: (t) => String(t.nicheStories) },
        { header: 'background', value: (t) => String(t.backgroundStories) },
      ]),
    );
  }
  if (r.competition.length > 0) {
    out.push('', 'Competition (stories using the phrase in title or text)');
    out.push(
      renderTable(r.competition, [
        { header: 'phrase', value: (c) => c.text, max: 40 },
        { header: 'stories', value: (c) => String(c.stories) },
        { header: 'median claps', value: (c) => num(c.medianClaps) },
        { header: 'top claps', value: (c) => num(c.topClaps) },
        { header: 'top authors', value: (c) => c.topAuthors.map((a) => a.author).join(', '), max: 50 },
      ]),
    );
  }
  const t = r.targets;
  if (t !== null) {
    out.push(
      '',
      `Writing targets (median of the ${t.basedOn} best niche stories by claps): ${num(t.medianWords)} words · ${num(t.medianReadingMinutes, 1)} min read · Flesch ${num(t.medianFleschReadingEase, 1)} · ${num(t.medianSubheadings, 1)} subheadings · ${num(t.medianImages, 1)} images`,
    );
  }
  // Notes carry URLs, server messages and the user's seed: shown as data, never as terminal control.
  for (const f of s.fetchedFeeds.filter((x) => x.state !== 'ok')) out.push(terminalSafe(`note: ${f.url}: ${f.state}${f.error ? ` (${f.error})` : ''}`));
  if (s.failedStories > 0) out.push(`note: ${s.failedStories} story page(s) could not be read`);
  for (const url of s.skippedFeeds) out.push(terminalSafe(`note: the stored capture of ${url} is not a readable feed; left out`));
  for (const w of r.warnings) out.push(terminalSafe(`note: ${renderKeywordWarning(w)}`));
  return `${out.join('\n')}\n`;
}

const CSV_HEADER = ['section', 'text', 'score', 'lift', 'niche_stories', 'background_stories', 'stories', 'median_claps', 'top_claps', 'top_authors'] as const;

export function keywordsCsv(r: KeywordReport): string {
  const rows: unknown[][] = [
    ...r.relatedTags.map((t) => ['related-tag', t.tag, null, t.lift, t.together, null, t.tagStories, null, null, null]),
    ...r.terms.map((t) => ['term', t.text, t.score, null, t.nicheStories, t.backgroundStories, null, null, null, null]),
    ...r.phrases.map((t) => ['phrase', t.text, t.score, null, t.nicheStories, t.backgroundStories, null, null, null, null]),
    ...r.competition.map((c) => ['competition', c.text, null, null, null, null, c.stories, c.medianClaps, c.topClaps, c.topAuthors.map((a) => a.author).join(' ')]),
  ];
  return toCsv(CSV_HEADER, rows);
}

export function keywordsCommand(io: CliIo): Command {
  const command = new Command('keywords')
    .description(
      'Keyword research on Medium: related tags (lift), key terms and phrases (BM25 against other tags), competition per phrase and writing targets from the best stories',
    )
    .argument('<seed>', 'the seed keyphrase, e.g. "link building"')
    .addOption(new Option('--tag <tag>', 'a Medium tag of the niche (repeatable; the seed slug is always one)').default([], 'none').argParser(collectList))
    .addOption(
      new Option('--background-tag <tag>', 'a tag of other niches to contrast with, fetched with --fetch (repeatable)').default([], 'none').argParser(collectList),
    )
    .addOption(new Option('--from <file>', 'a saved story page or feed file to add to the corpus (repeatable)').default([], 'none').argParser(collectList))
    .option('--fetch', 'read the tag feeds (niche and background) and the niche stories from Medium first, politely')
    .option('--max-stories <n>', 'with --fetch: story pages to read at most (default 20)', wholeNumberAtLeastOne)
    .option('--limit <n>', 'rows per list (default 20)', wholeNumberAtLeastOne)
    .option(...DB_OPTION)
    .option('--json', 'JSON (stable field names)')
    .option('--csv', 'CSV: one row per related tag, term, phrase and competition entry');
  return addFetcherOptions(command).action(async (seed: string, flags: KeywordsFlags) => {
    if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
    const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
    // Research must not leave a database behind by surprise: the store is opened when it exists, was named,
    // or is written to (--fetch keeps what it reads).
    const useStore = flags.fetch === true || flags.db !== undefined || isPostgresUrl(config.db) || existsSync(config.db);
    let store: Store | undefined;
    let tools: ReturnType<typeof createMediumTools> | undefined;
    const progress = createStageProgress(io, 'keywords');
    let outcome: KeywordsOutcome;
    try {
      store = useStore ? await openStore({ location: config.db }) : undefined;
      tools = flags.fetch ? createMediumTools(flags, config, systemClock, store) : undefined;
      outcome = await researchKeywordsFromSources(
        {
          clock: systemClock,
          ...(store ? { store } : {}),
          mediumOrigin: config.mediumOrigin,
          ...(tools ? { source: tools.source } : {}),
          onProgress: (e) => progress.update({ stage: e.stage, done: e.done, total: e.total, current: e.url }),
        },
        {
          seed,
          tags: flags.tag,
          backgroundTags: flags.backgroundTag,
          files: flags.from,
          cwd: io.cwd,
          fetch: flags.fetch === true,
          ...(flags.maxStories === undefined ? {} : { maxStoryPages: flags.maxStories }),
          ...(flags.limit === undefined ? {} : { limit: flags.limit }),
        },
      );
    } catch (error) {
      usageExit(error);
    } finally {
      progress.stop();
      await tools?.fetcher.close();
      await store?.close();
    }
    if (flags.json) io.stdout.write(`${JSON.stringify({ ...outcome.report, sources: outcome.sources }, null, 2)}\n`);
    else if (flags.csv) io.stdout.write(keywordsCsv(outcome.report));
    else io.stdout.write(keywordsText(outcome));
    const partial = outcome.sources.fetchedFeeds.some((f) => f.state !== 'ok') || outcome.sources.failedStories > 0;
    if (partial) throw new CliExit(EXIT.partial, '');
  });
}
