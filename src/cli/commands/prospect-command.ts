/** `linkwright prospect <id|@user>`: everything known about one person. */
import { Command } from 'commander';
import { prospectDetail } from '../../app/pipeline-view.js';
import { systemClock } from '../../app/system-clock.js';
import type { CliIo } from '../cli-io.js';
import { prospectDetailJson, prospectDetailText } from '../format/outreach-format.js';
import { DB_OPTION, pacingRulesAt, PROSPECT_ARG, withStore } from '../outreach-shell.js';

export function prospectCommand(io: CliIo): Command {
  return new Command('prospect')
    .description('Everything known about one prospect: score breakdown, stage history, touches, drafts, placements, pacing')
    .argument('<prospect>', PROSPECT_ARG)
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .action(async (ref: string, flags: { json?: boolean; db?: string }) => {
      await withStore(io, flags.db, async (store) => {
        const detail = await prospectDetail({ store, clock: systemClock, rules: pacingRulesAt(systemClock.now()) }, ref);
        io.stdout.write(flags.json ? `${JSON.stringify(prospectDetailJson(detail), null, 2)}\n` : prospectDetailText(detail));
      });
    });
}
