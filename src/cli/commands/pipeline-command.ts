/**
 * `linkwright pipeline [--json | --csv] [--import sheet.csv]`: the board by stage; prospects to and from a
 * spreadsheet (the CSV export's columns are the import's, so a sheet round-trips).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { pipelineBoard } from '../../app/pipeline-view.js';
import { exportProspectRows, importProspectsCsv, PROSPECT_SHEET_COLUMNS } from '../../app/prospects-csv.js';
import { systemClock } from '../../app/system-clock.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { toCsv } from '../format/csv.js';
import { boardText } from '../format/outreach-format.js';
import { DB_OPTION, withStore } from '../outreach-shell.js';

interface PipelineFlags {
  json?: boolean;
  csv?: boolean;
  import?: string;
  db?: string;
}

export function pipelineCommand(io: CliIo): Command {
  return new Command('pipeline')
    .description('Show prospects by pipeline stage; export them as CSV, or import a spreadsheet')
    .option('--json', 'print the board as JSON')
    .option('--csv', 'print every prospect as CSV (the columns --import reads)')
    .option('--import <file.csv>', 'add or update prospects from a CSV file (validated whole; nothing is stored if a row is wrong)')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
CSV columns: ${PROSPECT_SHEET_COLUMNS.join(', ')}.
--import needs a "username" column (@name, name or a Medium profile URL) and reads name, stage, paused_from,
score (0–100), niche, qualified and profile_url when present; other columns are ignored. A stage from the sheet
is taken as given (recorded in the stage history as an import).

Examples:
  linkwright pipeline
  linkwright pipeline --csv > prospects.csv
  linkwright pipeline --import prospects.csv`,
    )
    .action(async (flags: PipelineFlags) => {
      if (flags.json && flags.csv) throw new CliExit(EXIT.usage, 'choose one of --json and --csv');
      if (flags.import && (flags.json || flags.csv))
        throw new CliExit(EXIT.usage, '--import prints a summary; run `linkwright pipeline --csv` afterwards to see the sheet');
      await withStore(io, flags.db, async (store) => {
        if (flags.import) {
          const file = resolve(io.cwd, flags.import);
          let text: string;
          try {
            text = await readFile(file, 'utf8');
          } catch (cause) {
            throw new CliExit(EXIT.usage, `cannot read ${flags.import}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
          }
          const result = await importProspectsCsv({ store, clock: systemClock }, { text, file: flags.import });
          io.stdout.write(
            `imported ${result.rows} row${result.rows === 1 ? '' : 's'} from ${flags.import}: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged` +
              `${result.stageChanges.length > 0 ? `; ${result.stageChanges.length} stage change${result.stageChanges.length === 1 ? '' : 's'} recorded` : ''}\n`,
          );
          if (result.ignoredColumns.length > 0) io.stderr.write(`linkwright: columns not imported: ${result.ignoredColumns.join(', ')}\n`);
          return;
        }
        if (flags.csv) {
          io.stdout.write(toCsv(PROSPECT_SHEET_COLUMNS, await exportProspectRows({ store })));
          return;
        }
        const board = await pipelineBoard({ store });
        if (flags.json) io.stdout.write(`${JSON.stringify(board, null, 2)}\n`);
        else io.stdout.write(boardText(board));
      });
    });
}
