/**
 * `linkwright medium story|feed|author`: read one Medium story, feed or author, live or from a saved file.
 * Prints the reader's record (`--json`: the reader result as is, stable field names from
 * src/core/medium/medium-types.ts) or a readable summary. A bot challenge prints the MEDIUM_BLOCKED state and
 * the advice to save the page in a browser and pass the file; it exits 3 for a live URL, 2 for a file.
 */
import { Command } from 'commander';
import {
  type AuthorRead,
  classifyMediumInput,
  type FeedRead,
  type MediumInput,
  readAuthor,
  readFeed,
  readStory,
  type StoryRead,
} from '../../app/read-medium.js';
import { systemClock } from '../../app/system-clock.js';
import { formatCount } from '../../core/discovery/messages.js';
import type { MediumAuthor, MediumBlocked, MediumFeed, MediumStory } from '../../core/medium/medium-types.js';
import { openStore, type Store } from '../../store/open-store.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { renderTable, terminalSafe } from '../format/table.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';

interface MediumFlags extends FetcherFlags {
  json?: boolean;
  url?: string;
  db?: string;
  save: boolean;
  refresh?: boolean;
}

function line(label: string, value: string | number | boolean | null | undefined): string {
  const shown =
    value === null || value === undefined || value === '' ? '—' : typeof value === 'number' ? formatCount(value) : String(value);
  return `${label.padEnd(13)}${terminalSafe(shown)}`;
}

function blockedText(input: string, blocked: MediumBlocked): string {
  return [
    line('input', input),
    line('state', `BLOCKED (${blocked.code})`),
    line('signals', blocked.signals.join(', ')),
    '',
    blocked.advice,
    '',
  ].join('\n');
}

export function storyText(input: string, story: MediumStory, warnings: readonly string[]): string {
  const parts = [
    line('story', story.title),
    line('url', story.url),
    line('post id', story.postId),
    line('author', story.author.username === null ? story.author.name : `${story.author.name ?? ''} (@${story.author.username})`.trim()),
    line('publication', story.publication?.name ?? null),
    line('published', story.publishedAt),
    line('updated', story.updatedAt),
    line('claps', story.claps),
    line('voters', story.voters),
    line('responses', story.responses),
    line('reading time', story.readingTimeMinutes === null ? null : `${Math.round(story.readingTimeMinutes * 10) / 10} min`),
    line('words', story.wordCount),
    line('tags', story.tags?.join(', ') ?? null),
    line('canonical', story.canonicalUrl),
    line('member-only', story.isLocked === null ? null : story.isLocked ? 'yes' : 'no'),
    line('read from', `${story.source}${input === story.url ? '' : ` (${input})`}`),
    line('body links', `${story.bodyLinks.length}${story.bodyLinksFrom === null ? '' : ` (from ${story.bodyLinksFrom})`}`),
  ];
  if (story.bodyLinks.length > 0) {
    parts.push(
      '',
      renderTable(story.bodyLinks, [
        { header: 'anchor', value: (l) => l.anchorText || '—', max: 36 },
        { header: 'url', value: (l) => l.url, max: 70 },
        { header: 'rel', value: (l) => l.rel?.join(' ') ?? '—', max: 24 },
      ]),
    );
  }
  for (const w of warnings) parts.push(`note: ${w}`);
  return `${parts.join('\n')}\n`;
}

export function feedText(feed: MediumFeed, warnings: readonly string[]): string {
  const ch = feed.channel;
  const parts = [
    line('feed', ch.title),
    line('kind', ch.kind),
    line('link', ch.link),
    line('user', ch.username === null ? null : `@${ch.username}${ch.userId === null ? '' : ` (${ch.userId})`}`),
    line('tag', ch.tagSlug),
    line('publication', ch.publicationSlug),
    line('built', ch.lastBuildDate),
    line('items', feed.items.length),
  ];
  if (feed.items.length > 0) {
    parts.push(
      '',
      renderTable(feed.items, [
        { header: 'published', value: (i) => i.publishedAt?.slice(0, 10) ?? '—' },
        { header: 'title', value: (i) => i.title ?? '—', max: 48 },
        { header: 'by', value: (i) => i.authorName ?? '—', max: 20 },
        { header: 'tags', value: (i) => i.tags.join(', '), max: 36 },
        { header: 'text', value: (i) => (i.fullContent ? `full, ${i.links.length} links` : 'snippet') },
        { header: 'url', value: (i) => i.url ?? '—', max: 60 },
      ]),
    );
  }
  for (const w of warnings) parts.push(`note: ${w}`);
  return `${parts.join('\n')}\n`;
}

export function authorText(author: MediumAuthor, warnings: readonly string[], feedNote: string | null): string {
  const parts = [
    line('author', author.name),
    line('username', author.username === null ? null : `@${author.username}`),
    line('user id', author.userId),
    line('followers', author.followers),
    line('following', author.following),
    line('member since', author.memberSince),
    line('bio', author.bio),
    line('twitter', author.twitter),
    line('profile', author.profileUrl),
    line('feed', author.feedUrl),
    line('read from', author.source),
    line('posts', author.posts.length),
  ];
  if (author.posts.length > 0) {
    parts.push(
      '',
      renderTable(author.posts, [
        { header: 'published', value: (p) => p.publishedAt?.slice(0, 10) ?? '—' },
        { header: 'title', value: (p) => p.title ?? '—', max: 50 },
        { header: 'claps', value: (p) => formatCount(p.claps) },
        { header: 'tags', value: (p) => p.tags?.join(', ') ?? '—', max: 36 },
        { header: 'seen in', value: (p) => p.from },
      ]),
    );
  }
  if (feedNote !== null) parts.push(`note: ${feedNote}`);
  for (const w of warnings) parts.push(`note: ${w}`);
  return `${parts.join('\n')}\n`;
}

interface Session {
  store: Store | undefined;
  tools: ReturnType<typeof createMediumTools>;
  close(): Promise<void>;
}

async function openSession(io: CliIo, flags: MediumFlags, input: MediumInput): Promise<Session> {
  const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
  // Files are read offline: no store, no fetcher needed beyond construction (nothing is fetched).
  const store = flags.save && input.kind !== 'file' ? await openStore({ location: config.db }) : undefined;
  const tools = createMediumTools(flags, config, systemClock, store);
  return {
    store,
    tools,
    close: async () => {
      await tools.fetcher.close();
      await store?.close();
    },
  };
}

function endFor(io: CliIo, input: MediumInput, label: string, state: 'blocked' | 'not-found', advice: string | null): never {
  if (advice !== null) io.stderr.write(`linkwright: ${label}: MEDIUM_BLOCKED: ${advice}\n`);
  throw new CliExit(input.kind === 'file' ? EXIT.usage : EXIT.partial, state === 'not-found' ? `${label}: no such post` : '');
}

function sharedOptions(command: Command, what: string): Command {
  command
    .option('--url <url>', `the original URL of a ${what} given as a saved file`)
    .option('--json', 'print the reader record as JSON (stable field names)')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)')
    .option('--no-save', 'do not store what was fetched');
  return addFetcherOptions(command);
}

export function mediumCommand(io: CliIo): Command {
  const medium = new Command('medium').description(
    'Read Medium data: a story, a feed or an author, from a URL or a page saved in your browser (a file works everywhere a URL does)',
  );

  medium.addCommand(
    sharedOptions(
      new Command('story')
        .description('Read a story: claps, responses, reading time, tags, canonical, body links')
        .argument('<url|file>', 'story URL (or post id) or a saved .html / GraphQL / ?format=json file')
        .option('--refresh', 'fetch again even when a capture younger than 24 h is stored'),
      'story',
    ).action(async (target: string, flags: MediumFlags) => {
      const input = await classifyMediumInput(target, { cwd: io.cwd, ...(flags.url ? { url: flags.url } : {}) });
      const session = await openSession(io, flags, input);
      let read: StoryRead;
      try {
        read = await readStory(
          { source: session.tools.source, clock: systemClock, ...(session.store ? { store: session.store } : {}) },
          input,
          {
            refresh: flags.refresh ?? false,
          },
        );
      } finally {
        await session.close();
      }
      const r = read.result;
      if (flags.json) io.stdout.write(`${JSON.stringify({ input: read.input, from: read.from, ...r }, null, 2)}\n`);
      else if (r.state === 'ok') io.stdout.write(storyText(read.input, r.story, r.warnings));
      else if (r.state === 'blocked') io.stdout.write(blockedText(read.input, r));
      else io.stdout.write(`${line('input', read.input)}\n${line('state', `NOT FOUND (${r.code})`)}\n${r.message}\n`);
      if (r.state === 'blocked') endFor(io, input, read.input, 'blocked', r.advice);
      if (r.state === 'not-found') endFor(io, input, read.input, 'not-found', null);
    }),
  );

  medium.addCommand(
    sharedOptions(
      new Command('feed')
        .description('Read an RSS feed: a user (@name), tag, or publication feed; the 10 latest items')
        .argument('<url|file|@user>', 'feed URL, saved feed file, or @username for the user feed'),
      'feed',
    ).action(async (target: string, flags: MediumFlags) => {
      const input = await classifyMediumInput(target, { cwd: io.cwd, allowUser: true, ...(flags.url ? { url: flags.url } : {}) });
      const session = await openSession(io, flags, input);
      let read: FeedRead;
      try {
        read = await readFeed(
          { source: session.tools.source, clock: systemClock, ...(session.store ? { store: session.store } : {}) },
          input,
        );
      } finally {
        await session.close();
      }
      const r = read.result;
      if (flags.json) io.stdout.write(`${JSON.stringify({ input: read.input, from: read.from, ...r }, null, 2)}\n`);
      else if (r.state === 'ok') io.stdout.write(feedText(r.feed, r.warnings));
      else io.stdout.write(blockedText(read.input, r));
      if (r.state === 'blocked') endFor(io, input, read.input, 'blocked', r.advice);
    }),
  );

  medium.addCommand(
    sharedOptions(
      new Command('author')
        .description('Read an author: profile (followers, bio, member since) merged with their feed (latest posts)')
        .argument('<@user|url|file>', '@username, profile URL, or a saved profile page'),
      'profile page',
    ).action(async (target: string, flags: MediumFlags) => {
      const input = await classifyMediumInput(target, { cwd: io.cwd, allowUser: true, ...(flags.url ? { url: flags.url } : {}) });
      const session = await openSession(io, flags, input);
      let read: AuthorRead;
      try {
        read = await readAuthor(
          { source: session.tools.source, clock: systemClock, ...(session.store ? { store: session.store } : {}) },
          input,
        );
      } finally {
        await session.close();
      }
      const r = read.result;
      if (flags.json) io.stdout.write(`${JSON.stringify({ input: read.input, from: read.from, ...r, feed: read.feed }, null, 2)}\n`);
      else if (r.state === 'ok') {
        const feedNote =
          read.feed === null || read.feed.state === 'ok'
            ? null
            : `the user feed ${read.feed.url} was ${read.feed.state}${read.feed.error ? ` (${read.feed.error.code}: ${read.feed.error.message})` : ''}; posts come from the profile only`;
        io.stdout.write(authorText(r.author, r.warnings, feedNote));
      } else io.stdout.write(blockedText(read.input, r));
      if (r.state === 'blocked') endFor(io, input, read.input, 'blocked', r.advice);
    }),
  );

  // Nested subcommands do not inherit the program's exit/output overrides (commander copies them only for
  // `.command()`-created children): set them here so usage errors end through runCli with exit code 2.
  for (const sub of medium.commands)
    sub.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  return medium;
}
