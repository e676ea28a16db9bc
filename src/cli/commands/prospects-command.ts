/** `linkwright prospects [--min-score N] [--stage S] [--qualified]`: the stored prospects, ranked. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { openStore } from '../../store/open-store.js';
import { listProspects } from '../../store/prospects-repository.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { readConfig } from '../config.js';
import { toCsv } from '../format/csv.js';
import {
  messageText,
  PROSPECT_CSV_HEADER,
  prospectsTable,
  storedFactors,
  storedProspectJson,
  storedReasons,
  whyLine,
} from '../format/discovery-format.js';
import { wholeNumberAtLeastOne } from '../option-parsers.js';

interface ProspectsFlags {
  minScore?: number;
  stage?: string;
  qualified?: boolean;
  limit?: number;
  json?: boolean;
  csv?: boolean;
  db?: string;
}

function score(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError('expected a score from 0 to 100');
  return n;
}

function stage(value: string): string {
  const v = value.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,31}$/.test(v)) throw new InvalidArgumentError('expected a stage name such as found or qualified');
  return v;
}

export function prospectsCommand(io: CliIo): Command {
  return new Command('prospects')
    .description('List stored prospects (from `linkwright discover`), qualified first, then by score')
    .addOption(new Option('--min-score <n>', 'only prospects scoring at least this (0–100)').argParser(score))
    .addOption(new Option('--stage <stage>', 'only prospects at this stage (found, qualified, or a later outreach stage)').argParser(stage))
    .option('--qualified', 'only prospects that passed the quality gate')
    .addOption(new Option('--limit <n>', 'at most this many').argParser(wholeNumberAtLeastOne))
    .option('--json', 'print JSON')
    .option('--csv', 'print CSV')
    .option('--db <path|url>', 'SQLite file or postgres:// URL (env LINKWRIGHT_DB, default ./linkwright.db)')
    .action(async (flags: ProspectsFlags) => {
      if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
      const config = readConfig(io.env, io.cwd, flags.db ? { db: flags.db } : {});
      const store = await openStore({ location: config.db });
      try {
        const rows = await listProspects(store.db, {
          ...(flags.minScore === undefined ? {} : { minScore: flags.minScore }),
          ...(flags.stage === undefined ? {} : { stage: flags.stage }),
          ...(flags.qualified ? { qualified: true } : {}),
          ...(flags.limit === undefined ? {} : { limit: flags.limit }),
        });
        if (flags.json) {
          io.stdout.write(`${JSON.stringify({ prospects: rows.map((p, i) => storedProspectJson(p, i + 1)) }, null, 2)}\n`);
        } else if (flags.csv) {
          io.stdout.write(
            toCsv(
              PROSPECT_CSV_HEADER,
              rows.map((p, i) => [
                i + 1,
                p.username,
                p.name,
                p.followers,
                p.score,
                p.coverage,
                p.qualified,
                p.stage,
                storedReasons(p.gateReasons).map(messageText).join('; '),
                p.profileUrl,
              ]),
            ),
          );
        } else if (rows.length === 0) {
          io.stdout.write('no stored prospects match (run `linkwright discover "<keywords>"` first)\n');
        } else {
          io.stdout.write(
            `${prospectsTable(
              rows.map((p, i) => ({
                rank: i + 1,
                username: p.username,
                name: p.name,
                followers: p.followers,
                score: p.score,
                coverage: p.coverage,
                qualified: p.qualified,
                stage: p.stage,
                why: whyLine(p.qualified, storedReasons(p.gateReasons), storedFactors(p.breakdown)),
              })),
            )}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
