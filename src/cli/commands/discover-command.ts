/**
 * `linkwright discover "<keywords>"... [--tag <slug>]... [--publication <slug>]... [--limit N]`: find Medium
 * authors in a niche, judge them (0–100 score with per-factor explanations, quality gate) and store them as
 * prospects. Work: src/app/discover-prospects.ts. Output: a ranked table, `--json` or `--csv`.
 * Exit codes (DESIGN §1): 0 ok; 3 when some pages were blocked or failed (the rest is judged, stored and
 * reported); 2 for bad input.
 */
import { Command, Option } from 'commander';
import { DEFAULT_DISCOVER_LIMIT, type DiscoverOutcome, discoverProspects } from '../../app/discover-prospects.js';
import { systemClock } from '../../app/system-clock.js';
import { openStore } from '../../store/open-store.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { toCsv } from '../format/csv.js';
import { factorsTable, messageText, PROSPECT_CSV_HEADER, prospectReportJson, prospectsTable, whyLine } from '../format/discovery-format.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { createStageProgress } from '../stage-progress.js';
import { collectList, wholeNumberAtLeastOne } from '../option-parsers.js';

interface DiscoverFlags extends FetcherFlags {
  tag: string[];
  publication: string[];
  limit: number;
  refresh?: boolean;
  restart?: boolean;
  explain?: boolean;
  json?: boolean;
  csv?: boolean;
  db?: string;
}

/** Stable JSON for `--json`. */
export function discoverJson(outcome: DiscoverOutcome) {
  return {
    run: { id: outcome.runId, resumed: outcome.resumed },
    query: outcome.query,
    feeds: outcome.feeds,
    counts: outcome.counts,
    prospects: outcome.prospects.map(prospectReportJson),
    blocked: outcome.blocked,
    failures: outcome.failures,
    unresolvedStories: outcome.unresolvedStories,
  };
}

export function discoverCsv(outcome: DiscoverOutcome): string {
  return toCsv(
    PROSPECT_CSV_HEADER,
    outcome.prospects.map((p) => [
      p.rank,
      p.username,
      p.name,
      p.followers,
      p.score,
      p.coverage,
      p.qualified,
      p.stage,
      p.reasons.map(messageText).join('; '),
      p.profileUrl,
    ]),
  );
}

export function discoverText(outcome: DiscoverOutcome, options: { explain: boolean }): string {
  const q = outcome.query;
  const parts: string[] = [];
  parts.push(
    `Discovery: keywords ${q.keywords.map((k) => JSON.stringify(k)).join(', ') || '—'}; tags ${q.tags.join(', ') || '—'}` +
      `${q.publications.length ? `; publications ${q.publications.join(', ')}` : ''}${outcome.resumed ? ' (resumed an interrupted run)' : ''}`,
  );
  parts.push(
    `Feeds: ${outcome.feeds.map((f) => `${f.kind === 'tag-feed' ? '#' : ''}${f.name} ${f.state === 'ok' ? `${f.items} items` : f.state}`).join(', ') || 'none'}.`,
    `Stories: ${outcome.counts.stories} found, ${outcome.counts.storiesRead} read. Authors: ${outcome.counts.authorsFound} found, ${outcome.counts.authorsJudged} judged (limit ${q.limit}).`,
    '',
  );
  if (outcome.prospects.length === 0) parts.push('No authors found.');
  else {
    parts.push(
      prospectsTable(
        outcome.prospects.map((p) => ({
          rank: p.rank,
          username: p.username,
          name: p.name,
          followers: p.followers,
          score: p.score,
          coverage: p.coverage,
          qualified: p.qualified,
          stage: p.stage,
          why: whyLine(p.qualified, p.reasons, p.factors),
        })),
      ),
    );
    if (options.explain) {
      for (const p of outcome.prospects) {
        parts.push(
          '',
          `#${p.rank} @${p.username} — score ${p.score}/100${p.qualified ? ', qualified' : `, not qualified: ${p.reasons.map(messageText).join('; ')}`}`,
        );
        parts.push(factorsTable(p.factors));
      }
    }
  }
  if (outcome.blocked.length > 0) {
    parts.push('', `Blocked (${outcome.blocked.length}): a bot challenge answered instead of the page; the run went on without it.`);
    for (const b of outcome.blocked) parts.push(`  ${b.kind} ${b.url}`);
    parts.push(`  ${outcome.blocked[0]?.advice ?? ''}`);
  }
  if (outcome.failures.length > 0) {
    parts.push('', `Failed (${outcome.failures.length}):`);
    for (const f of outcome.failures) parts.push(`  ${f.kind} ${f.url}: ${f.code} ${f.message}`);
  }
  if (outcome.unresolvedStories.length > 0) {
    parts.push('', `Stories whose author could not be told (${outcome.unresolvedStories.length}): ${outcome.unresolvedStories.join(', ')}`);
  }
  parts.push('', 'Scores are 0–100 inside Medium (weights and curves: src/core/discovery/author-score.ts); --explain shows every factor.');
  return `${parts.join('\n')}\n`;
}

export function discoverCommand(io: CliIo): Command {
  return addFetcherOptions(
    new Command('discover')
      .description('Find Medium authors in your niche, score them 0–100 with reasons, and store them as prospects')
      .argument('<keywords...>', 'niche keywords ("link building" seo); each also becomes a tag slug')
      .addOption(new Option('--tag <slug>', 'also read this Medium tag feed; repeat or comma-separate').default([], 'none').argParser(collectList))
      .addOption(
        new Option('--publication <slug>', 'also read this publication feed; repeat or comma-separate').default([], 'none').argParser(collectList),
      )
      .addOption(new Option('--limit <n>', 'most authors judged in this run').default(DEFAULT_DISCOVER_LIMIT).argParser(wholeNumberAtLeastOne))
      .option('--refresh', 'fetch story pages again even when captured less than 24 h ago')
      .option('--restart', 'start over instead of resuming an interrupted run of the same query')
      .option('--explain', 'print every score factor of every author')
      .option('--json', 'print JSON (stable field names)')
      .option('--csv', 'print CSV, one row per author')
      .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)'),
  )
    .addHelpText(
      'after',
      `
Examples:
  linkwright discover "link building" --tag seo
  linkwright discover gardening --tag composting --publication soil-and-sprout --limit 30 --json

Each author costs two Medium requests (feed, profile) at 2 s apart; story pages are cached for 24 h.
Exit codes: 0 ok, 2 bad input, 3 some pages were blocked or failed (the rest is judged, stored and reported).`,
    )
    .action(async (keywords: string[], flags: DiscoverFlags) => {
      if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
      const cleaned = keywords.map((k) => k.trim()).filter((k) => k !== '');
      if (cleaned.length === 0) throw new CliExit(EXIT.usage, 'give at least one keyword');
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      const store = await openStore({ location: config.db });
      const tools = createMediumTools(flags, config, systemClock, store);
      const progress = createStageProgress(io, 'discovering');
      let outcome: DiscoverOutcome;
      try {
        outcome = await discoverProspects(
          { source: tools.source, clock: systemClock, store, onProgress: (e) => progress.update(e) },
          {
            keywords: cleaned,
            tags: flags.tag,
            publications: flags.publication,
            limit: flags.limit,
            refresh: flags.refresh ?? false,
            restart: flags.restart ?? false,
          },
        );
      } finally {
        progress.stop();
        await tools.fetcher.close();
        await store.close();
      }
      if (flags.json) io.stdout.write(`${JSON.stringify(discoverJson(outcome), null, 2)}\n`);
      else if (flags.csv) io.stdout.write(discoverCsv(outcome));
      else io.stdout.write(discoverText(outcome, { explain: flags.explain ?? false }));
      for (const b of outcome.blocked) io.stderr.write(`linkwright: ${b.url}: MEDIUM_BLOCKED (${b.kind}); the run went on without it\n`);
      if (outcome.blocked.length > 0) io.stderr.write(`linkwright: ${outcome.blocked[0]?.advice ?? ''}\n`);
      for (const f of outcome.failures) io.stderr.write(`linkwright: ${f.url}: ${f.code}: ${f.message}\n`);
      if (outcome.blocked.length > 0 || outcome.failures.length > 0) throw new CliExit(EXIT.partial, '');
    });
}
