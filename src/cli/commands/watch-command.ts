/** `linkwright watch <story-url> --target <url>`: record a placed link to monitor. */
import { Command } from 'commander';
import { systemClock } from '../../app/system-clock.js';
import { watchPlacement } from '../../app/watch-placement.js';
import { LINK_PLACEMENTS } from '../../core/audit/audit-types.js';
import type { CliIo } from '../cli-io.js';
import { placementJson } from '../format/outreach-format.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';

interface WatchFlags {
  target: string;
  prospect?: string;
  rel?: string;
  placement?: string;
  anchor?: string;
  json?: boolean;
  db?: string;
}

export function watchCommand(io: CliIo): Command {
  return new Command('watch')
    .description('Record a placed link (a story linking to your page) so `linkwright monitor` checks it over time')
    .argument('<story-url>', 'the story (or any page) that links to you')
    .requiredOption('--target <url>', 'your page the link points to')
    .option('--prospect <id|@user>', "whose story it is (default: the story's author, when a prospect)")
    .option('--rel <tokens>', 'expected rel, e.g. "ugc nofollow" (default: what the first check sees; "any" to not check)')
    .option('--placement <where>', `expected placement: ${LINK_PLACEMENTS.join(', ')} or any (default body)`)
    .option('--anchor <text>', 'expected anchor text (default: what the first check sees; "any" to not check)')
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
Expected: the link is present, in the story body, with the rel and anchor it had when first seen. A verified
placement on a prospect's story logs a link-placed touch and moves the prospect to linked.

Example:
  linkwright watch https://medium.com/@maya-fields/winter-sowing-0a1b2c3d4e5f --target https://example.com/guides/sowing`,
    )
    .action(async (storyUrl: string, flags: WatchFlags) => {
      await withStore(io, flags.db, async (store) => {
        const out = await watchPlacement(
          { store, clock: systemClock },
          {
            storyUrl,
            targetUrl: flags.target,
            prospect: flags.prospect ?? null,
            rel: flags.rel ?? null,
            placement: flags.placement ?? null,
            anchor: flags.anchor ?? null,
          },
        );
        if (flags.json) {
          io.stdout.write(
            `${JSON.stringify({ created: out.created, placement: placementJson(out.placement), prospect: out.prospect === null ? null : { id: out.prospect.id, username: out.prospect.username, from: out.prospectFrom } }, null, 2)}\n`,
          );
          return;
        }
        io.stdout.write(
          `${out.created ? 'watching' : 'updated'} placement ${out.placement.id}: ${out.placement.storyUrl} → ${out.placement.targetUrl}` +
            `${out.prospect ? ` (prospect @${out.prospect.username})` : ' (no prospect: pass --prospect to link it to one)'}\n` +
            `check it now with \`linkwright monitor\`\n`,
        );
      });
    });
}
