/**
 * `linkwright author <@user> [--links]`: judge one author, or see what they already link to.
 * - without --links: the stored prospect (score breakdown, gate reasons, follower history, stored stories);
 *   an author not stored yet (or with --live) is read live and judged against --niche/--tag, without storing;
 * - with --links: outbound links of their recent stories grouped by content type and registrable domain
 *   (src/app/author-links.ts).
 */
import { Command, Option } from 'commander';
import { type AuthorLinksOutcome, authorLinks, DEFAULT_LINK_STORIES } from '../../app/author-links.js';
import { tagSlug } from '../../app/discover-prospects.js';
import { judgeAuthor } from '../../app/evaluate-author.js';
import { systemClock } from '../../app/system-clock.js';
import { formatCount } from '../../core/discovery/messages.js';
import type { MediumStory } from '../../core/medium/medium-types.js';
import { parseMediumUsername } from '../../fetch/medium-source.js';
import { findMediumAuthor, listAuthorSnapshots, listMediumPosts } from '../../store/medium-repository.js';
import { openStore, type Store } from '../../store/open-store.js';
import { findProspect } from '../../store/prospects-repository.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { toCsv } from '../format/csv.js';
import {
  factorJson,
  factorsTable,
  messageText,
  storedFactors,
  storedProspectJson,
  storedReasons,
  withText,
} from '../format/discovery-format.js';
import { renderTable } from '../format/table.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { collectList, wholeNumberAtLeastOne } from '../option-parsers.js';

interface AuthorFlags extends FetcherFlags {
  links?: boolean;
  live?: boolean;
  stories: number;
  niche: string[];
  tag: string[];
  refresh?: boolean;
  json?: boolean;
  csv?: boolean;
  db?: string;
}

function examples(list: readonly { url: string; count: number }[]): string {
  return list.map((e) => (e.count > 1 ? `${e.url} (×${e.count})` : e.url)).join(' ');
}

export function linksText(outcome: AuthorLinksOutcome): string {
  const s = outcome.summary;
  const parts = [
    `Outbound links of @${outcome.username}'s ${outcome.stories.length} latest stories: ${s.total} links` +
      `${s.excluded > 0 ? ` (${s.excluded} into Medium or its publications left out)` : ''}.`,
  ];
  if (outcome.feed !== 'ok') {
    parts.push(
      `The user feed ${outcome.feedUrl} was ${outcome.feed}${outcome.feedError ? ` (${outcome.feedError.code}: ${outcome.feedError.message})` : ''}; stories come from the store.`,
    );
  }
  const unread = outcome.stories.filter((st) => st.from === 'blocked' || st.from === 'failed');
  if (unread.length > 0)
    parts.push(`${unread.length} story page(s) could not be read: ${unread.map((st) => `${st.url} (${st.from})`).join(', ')}`);
  if (outcome.advice !== null) parts.push(outcome.advice);
  if (s.total === 0) {
    parts.push('No outbound links found.');
    return `${parts.join('\n')}\n`;
  }
  parts.push(
    '',
    'By content type:',
    renderTable(s.byType, [
      { header: 'type', value: (g) => g.type },
      { header: 'links', value: (g) => String(g.count) },
      { header: 'stories', value: (g) => String(g.stories) },
      { header: 'examples', value: (g) => examples(g.examples), max: 110 },
    ]),
    '',
    'By domain:',
    renderTable(s.byDomain, [
      { header: 'domain', value: (g) => g.domain, max: 36 },
      { header: 'links', value: (g) => String(g.count) },
      { header: 'stories', value: (g) => String(g.stories) },
      { header: 'types', value: (g) => g.types.join(', ') },
      { header: 'examples', value: (g) => examples(g.examples), max: 90 },
    ]),
  );
  return `${parts.join('\n')}\n`;
}

export function linksCsv(outcome: AuthorLinksOutcome): string {
  const rows: unknown[][] = [];
  for (const g of outcome.summary.byType) rows.push(['type', g.type, g.count, g.stories, g.type, g.examples.map((e) => e.url).join(' ')]);
  for (const g of outcome.summary.byDomain)
    rows.push(['domain', g.domain, g.count, g.stories, g.types.join(' '), g.examples.map((e) => e.url).join(' ')]);
  return toCsv(['group', 'key', 'links', 'stories', 'types', 'examples'], rows);
}

async function storedDetail(io: CliIo, store: Store, username: string, flags: AuthorFlags): Promise<boolean> {
  const prospect = await findProspect(store.db, username);
  if (prospect === null) return false;
  const author = await findMediumAuthor(store.db, username);
  const history = author === null ? [] : await listAuthorSnapshots(store.db, author.id);
  const posts = await listMediumPosts(store.db, { authorUsername: username });
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ source: 'store', prospect: storedProspectJson(prospect), bio: author?.bio ?? null, followerHistory: history, stories: posts }, null, 2)}\n`,
    );
    return true;
  }
  const reasons = storedReasons(prospect.gateReasons);
  const lines = [
    `@${prospect.username}${prospect.name ? ` — ${prospect.name}` : ''}`,
    `score      ${prospect.score}/100${prospect.coverage < 1 ? ` (${Math.round(prospect.coverage * 100)}% of the weight known)` : ''}`,
    `qualified  ${prospect.qualified ? 'yes' : `no — ${reasons.map(messageText).join('; ')}`}`,
    `stage      ${prospect.stage}`,
    `niche      ${prospect.niche}`,
    `followers  ${formatCount(prospect.followers)}${history.length > 1 ? ` (history: ${history.map((h) => `${h.capturedAt.slice(0, 10)} ${formatCount(h.followers)}`).join(', ')})` : ''}`,
    `profile    ${prospect.profileUrl ?? '—'}`,
    `updated    ${prospect.updatedAt}`,
    '',
    factorsTable(storedFactors(prospect.breakdown)),
  ];
  if (posts.length > 0) {
    lines.push(
      '',
      'Stories read:',
      renderTable(posts, [
        { header: 'published', value: (p) => p.publishedAt?.slice(0, 10) ?? '—' },
        { header: 'title', value: (p) => p.title ?? '—', max: 50 },
        { header: 'claps', value: (p) => formatCount(p.claps) },
        { header: 'responses', value: (p) => formatCount(p.responses) },
        { header: 'tags', value: (p) => p.tags.join(', '), max: 36 },
      ]),
    );
  }
  lines.push('', `See what they link to: linkwright author @${prospect.username} --links`);
  io.stdout.write(`${lines.join('\n')}\n`);
  return true;
}

export function authorCommand(io: CliIo): Command {
  return addFetcherOptions(
    new Command('author')
      .description('Judge one Medium author (score, reasons, follower history), or list what they link to (--links)')
      .argument('<@user>', '@username or profile URL')
      .option('--links', 'outbound links of their recent stories, by content type and domain')
      .addOption(new Option('--stories <n>', 'with --links: how many recent stories').default(DEFAULT_LINK_STORIES).argParser(wholeNumberAtLeastOne))
      .option('--live', 'read and judge the author now, even when a stored prospect exists (not stored)')
      .addOption(
        new Option('--niche <keyword>', 'niche keywords for a live judgement; repeat or comma-separate').default([], 'none').argParser(collectList),
      )
      .addOption(new Option('--tag <slug>', 'niche tags for a live judgement; repeat or comma-separate').default([], 'none').argParser(collectList))
      .option('--refresh', 'fetch story pages again even when captured less than 24 h ago')
      .option('--json', 'print JSON')
      .option('--csv', 'with --links: print CSV, one row per group')
      .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)'),
  ).action(async (target: string, flags: AuthorFlags) => {
    if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
    if (flags.csv && !flags.links) throw new CliExit(EXIT.usage, '--csv goes with --links');
    const username = parseMediumUsername(target)?.toLowerCase() ?? null;
    if (username === null) throw new CliExit(EXIT.usage, `not a Medium username or profile URL: ${JSON.stringify(target)}`);
    const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
    const store = await openStore({ location: config.db });
    const tools = createMediumTools(flags, config, systemClock, store);
    try {
      if (flags.links) {
        const outcome = await authorLinks(
          { source: tools.source, clock: systemClock, store },
          { username, stories: flags.stories, refresh: flags.refresh ?? false },
        );
        if (flags.json) io.stdout.write(`${JSON.stringify(outcome, null, 2)}\n`);
        else if (flags.csv) io.stdout.write(linksCsv(outcome));
        else io.stdout.write(linksText(outcome));
        const unread = outcome.stories.some((s) => s.from === 'blocked' || s.from === 'failed');
        if (outcome.feed !== 'ok' || unread) {
          if (outcome.advice !== null) io.stderr.write(`linkwright: MEDIUM_BLOCKED: ${outcome.advice}\n`);
          throw new CliExit(EXIT.partial, '');
        }
        return;
      }
      if (!flags.live && (await storedDetail(io, store, username, flags))) return;
      // Live judgement: profile + feed now, the author's stored story pages as extra evidence.
      const read = await tools.source.author(username);
      if (read.result.state !== 'ok') {
        if (flags.json) io.stdout.write(`${JSON.stringify({ source: 'live', username, ...read.result }, null, 2)}\n`);
        else io.stdout.write(`@${username}: BLOCKED (${read.result.code})\n${read.result.advice}\n`);
        io.stderr.write(`linkwright: ${read.profileUrl}: MEDIUM_BLOCKED: ${read.result.advice}\n`);
        throw new CliExit(EXIT.partial, '');
      }
      const stories: MediumStory[] = [];
      for (const post of await listMediumPosts(store.db, { authorUsername: username })) {
        const r = await tools.source.story(post.url).catch(() => null);
        if (r?.result.state === 'ok') stories.push(r.result.story);
      }
      const niche = { keywords: flags.niche, tags: flags.tag.map(tagSlug) };
      const j = judgeAuthor(read.result.author, stories, niche, systemClock.now());
      const a = read.result.author;
      if (flags.json) {
        io.stdout.write(
          `${JSON.stringify(
            {
              source: 'live',
              username,
              name: a.name,
              followers: a.followers,
              niche,
              score: j.score.score,
              coverage: j.score.coverage,
              qualified: j.gate.qualified,
              reasons: j.gate.reasons.map(withText),
              factors: j.score.factors.map(factorJson),
              author: a,
            },
            null,
            2,
          )}\n`,
        );
        return;
      }
      io.stdout.write(
        [
          `@${username}${a.name ? ` — ${a.name}` : ''} (read live, not stored)`,
          `score      ${j.score.score}/100${j.score.coverage < 1 ? ` (${Math.round(j.score.coverage * 100)}% of the weight known)` : ''}`,
          `qualified  ${j.gate.qualified ? 'yes' : `no — ${j.gate.reasons.map(messageText).join('; ')}`}`,
          `followers  ${formatCount(a.followers)}`,
          `niche      ${[...niche.keywords, ...niche.tags.map((t) => `#${t}`)].join(', ') || '— (give --niche/--tag to judge the topic)'}`,
          '',
          factorsTable(j.score.factors),
          '',
        ].join('\n'),
      );
    } finally {
      await tools.fetcher.close();
      await store.close();
    }
  });
}
