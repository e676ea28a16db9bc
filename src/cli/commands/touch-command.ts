/** `linkwright touch <prospect> <kind> [--url] [--note] [--at]`: log a touch; warn about broken pacing rules. */
import { Command, InvalidArgumentError } from 'commander';
import { logTouch } from '../../app/log-touch.js';
import { systemClock } from '../../app/system-clock.js';
import { TOUCH_KINDS } from '../../core/outreach/index.js';
import type { CliIo } from '../cli-io.js';
import { violationJson, violationLines, when } from '../format/outreach-format.js';
import { DB_OPTION, localOffsetMinutes, pacingRulesAt, PROSPECT_ARG, withStore } from '../outreach-shell.js';

interface TouchFlags {
  url?: string;
  note?: string;
  at?: number;
  json?: boolean;
  db?: string;
}

function dateTime(value: string): number {
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) throw new InvalidArgumentError('expected a date and time, e.g. 2026-11-03T14:30 or 2026-11-03T14:30Z');
  return ms;
}

export function touchCommand(io: CliIo): Command {
  return new Command('touch')
    .description('Log something you did (or that happened) with a prospect; warns when it breaks a pacing rule')
    .argument('<prospect>', PROSPECT_ARG)
    .argument('<kind>', `one of ${TOUCH_KINDS.join(', ')}`)
    .option('--url <story-url>', 'the story it was about (the one you responded to, clapped, or they linked from)')
    .option('--note <text>', 'a note for yourself')
    .option('--at <when>', 'when it happened (ISO date-time; default now)', dateTime)
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
The touch is always logged (Linkwright records what you did; it never acts for you). When it breaks a pacing
rule — daily caps, the gap between touches on one author, bursts, quiet days, pitch readiness, follow-up timing —
a warning names the rule and when it would have been safe.

Examples:
  linkwright touch @maya-fields comment --url https://medium.com/@maya-fields/mulch-… --note "asked about straw"
  linkwright touch 12 pitch
  linkwright touch 12 reply --note "said yes, will add it next week"`,
    )
    .action(async (prospect: string, kind: string, flags: TouchFlags) => {
      await withStore(io, flags.db, async (store) => {
        const now = systemClock.now();
        const at = flags.at ?? now;
        const rules = pacingRulesAt(at);
        const render = { utcOffsetMinutes: localOffsetMinutes(at) };
        const outcome = await logTouch(
          { store, clock: systemClock, rules },
          { prospect, kind, at, storyUrl: flags.url ?? null, note: flags.note ?? null },
        );
        const moved = outcome.stageAfter !== outcome.stageBefore;
        if (flags.json) {
          io.stdout.write(
            `${JSON.stringify(
              {
                touch: {
                  id: outcome.touchId,
                  prospectId: outcome.prospect.id,
                  username: outcome.prospect.username,
                  kind: outcome.kind,
                  at: new Date(outcome.at).toISOString(),
                  storyUrl: flags.url ?? null,
                  note: flags.note ?? null,
                },
                stage: { before: outcome.stageBefore, after: outcome.stageAfter },
                pacing: {
                  allowed: outcome.check.allowed,
                  safeAt: outcome.check.safeAt === null ? null : new Date(outcome.check.safeAt).toISOString(),
                  violations: outcome.check.violations.map((v) => violationJson(v, render)),
                },
              },
              null,
              2,
            )}\n`,
          );
        } else {
          io.stdout.write(
            `logged ${outcome.kind} for @${outcome.prospect.username} at ${when(outcome.at, render)}${moved ? `; stage ${outcome.stageBefore} → ${outcome.stageAfter}` : ''}\n`,
          );
        }
        if (!outcome.check.allowed) {
          io.stderr.write(
            `linkwright: warning: this ${outcome.kind} breaks ${outcome.check.violations.length === 1 ? 'a pacing rule' : `${outcome.check.violations.length} pacing rules`}:\n`,
          );
          for (const line of violationLines(outcome.check.violations, render)) io.stderr.write(`  - ${line}\n`);
          io.stderr.write(
            outcome.check.safeAt === null
              ? '  waiting alone would not have made it allowed.\n'
              : `  it would have been safe from ${when(outcome.check.safeAt, render)}.\n`,
          );
        }
      });
    });
}
