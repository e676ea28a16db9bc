/** `linkwright stage <prospect> <stage> [--force] [--note]`: move a prospect along the pipeline. */
import { Command } from 'commander';
import { changeStage } from '../../app/change-stage.js';
import { systemClock } from '../../app/system-clock.js';
import { isLinkwrightError } from '../../core/errors/linkwright-error.js';
import { PIPELINE_STAGES } from '../../core/outreach/index.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import { type Msg, outreachText, withOutreachText } from '../format/outreach-format.js';
import { DB_OPTION, PROSPECT_ARG, withStore } from '../outreach-shell.js';

interface StageFlags {
  force?: boolean;
  note?: string;
  json?: boolean;
  db?: string;
}

export function stageCommand(io: CliIo): Command {
  return new Command('stage')
    .description('Move a prospect to another pipeline stage (the state machine checks the move)')
    .argument('<prospect>', PROSPECT_ARG)
    .argument('<stage>', `one of ${PIPELINE_STAGES.join(', ')}`)
    .option('--force', 'override a guard or a backward move (a correction); what was overridden is recorded')
    .option('--note <text>', 'why (kept in the stage history)')
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
Stages: found → qualified → followed → engaged → pitched → linked, plus declined, lost, paused.
Guards: pitched needs an engagement touch; linked needs a logged link-placed touch and comes from engaged or
pitched; a paused prospect resumes at the stage it paused from; moving back needs --force.
Logged touches move prospects by themselves (linkwright touch): a comment makes a followed prospect engaged.

Examples:
  linkwright stage @maya-fields qualified
  linkwright stage 12 paused --note "on holiday until May"
  linkwright stage 12 followed --force --note "logged the comment on the wrong author"`,
    )
    .action(async (prospect: string, stage: string, flags: StageFlags) => {
      await withStore(io, flags.db, async (store) => {
        let outcome: Awaited<ReturnType<typeof changeStage>>;
        try {
          outcome = await changeStage(
            { store, clock: systemClock },
            { prospect, stage, force: flags.force ?? false, note: flags.note ?? null },
          );
        } catch (error) {
          if (isLinkwrightError(error) && error.code === 'STAGE_TRANSITION_REFUSED') {
            const reasons = (error.details.reasons as Msg[] | undefined) ?? [];
            if (flags.json)
              io.stdout.write(
                `${JSON.stringify({ ok: false, error: error.code, from: error.details.from, to: error.details.to, reasons: reasons.map((r) => withOutreachText(r)), forcible: error.details.forcible }, null, 2)}\n`,
              );
            const lines = [error.message, ...reasons.map((r) => `  - ${outreachText(r)}`)];
            if (error.details.forcible === true) lines.push('  (add --force to override; it is recorded in the stage history)');
            throw new CliExit(EXIT.usage, lines.join('\n'));
          }
          throw error;
        }
        if (flags.json) {
          io.stdout.write(
            `${JSON.stringify({ ok: true, prospect: { id: outcome.prospect.id, username: outcome.prospect.username }, from: outcome.from, to: outcome.to, forced: outcome.forced, bypassed: outcome.bypassed.map((m) => withOutreachText(m)) }, null, 2)}\n`,
          );
          return;
        }
        io.stdout.write(`@${outcome.prospect.username}: ${outcome.from} → ${outcome.to}${outcome.forced ? ' (forced)' : ''}\n`);
        for (const m of outcome.bypassed) io.stderr.write(`linkwright: overridden: ${outreachText(m)}\n`);
      });
    });
}
