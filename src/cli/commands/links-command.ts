import { Command, Option } from 'commander';
import { LINK_PLACEMENTS, type LinkPlacement } from '../../core/audit/audit-types.js';
import { openStore } from '../../store/open-store.js';
import { listLinks } from '../../store/pages-repository.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import { toCsv } from '../format/csv.js';
import { renderTable } from '../format/table.js';

interface LinksFlags {
  db?: string;
  json?: boolean;
  csv?: boolean;
  all?: boolean;
  placement?: LinkPlacement;
  followedOnly?: boolean;
  includeGone?: boolean;
}

export function linksCommand(io: CliIo): Command {
  return new Command('links')
    .description('List the links stored by earlier audits (by default: those pointing at your sites)')
    .option('--all', 'every stored link, not only those to your sites')
    .addOption(new Option('--placement <where>', 'only links in this placement').choices(LINK_PLACEMENTS as string[]))
    .option('--followed-only', 'only followed links (no nofollow/ugc/sponsored)')
    .option('--include-gone', 'also links a later audit no longer found')
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)')
    .action(async (flags: LinksFlags) => {
      if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      const store = await openStore({ location: config.db });
      try {
        const links = await listLinks(store.db, {
          ...(flags.all ? {} : { toUserSite: true }),
          ...(flags.placement ? { placement: flags.placement } : {}),
          ...(flags.followedOnly ? { follow: true } : {}),
          includeGone: flags.includeGone ?? false,
        });
        if (flags.json) io.stdout.write(`${JSON.stringify({ links }, null, 2)}\n`);
        else if (flags.csv)
          io.stdout.write(
            toCsv(
              ['page_url', 'url', 'anchor_text', 'rel', 'follow', 'placement', 'to_user_site', 'present', 'first_seen_at', 'last_seen_at'],
              links.map((l) => [l.pageUrl, l.url, l.anchorText, l.rel.join(' '), l.follow, l.placement, l.toUserSite, l.present, l.firstSeenAt, l.lastSeenAt]),
            ),
          );
        else if (links.length === 0) io.stdout.write('no stored links match (run `linkwright audit` first)\n');
        else
          io.stdout.write(
            `${renderTable(links, [
              { header: 'page', value: (l) => l.pageUrl, max: 50 },
              { header: 'url', value: (l) => l.url ?? '', max: 50 },
              { header: 'anchor', value: (l) => l.anchorText, max: 28 },
              { header: 'follow', value: (l) => (l.follow ? 'yes' : 'no') },
              { header: 'placement', value: (l) => l.placement },
              { header: 'last seen', value: (l) => (l.present ? l.lastSeenAt.slice(0, 10) : `gone ${l.lastSeenAt.slice(0, 10)}`) },
            ])}\n`,
          );
      } finally {
        await store.close();
      }
    });
}
