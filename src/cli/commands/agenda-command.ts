/** `linkwright agenda [--date D]`: today's outreach list, in priority order, within the pacing rules. */
import { Command } from 'commander';
import { planTodayAgenda } from '../../app/plan-agenda.js';
import { feedStoryLookup, type StoryLookup, storedStoryLookup } from '../../app/story-lookup.js';
import { systemClock } from '../../app/system-clock.js';
import type { CliIo } from '../cli-io.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { agendaJson, agendaText } from '../format/outreach-format.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { agendaSeed, DB_OPTION, localOffsetMinutes, withStore } from '../outreach-shell.js';

interface AgendaFlags extends FetcherFlags {
  date?: string;
  offline?: boolean;
  json?: boolean;
  db?: string;
}

export function agendaCommand(io: CliIo): Command {
  const command = new Command('agenda')
    .description("Today's outreach list: who to engage, on which recent story, what is due for a pitch or follow-up")
    .option('--date <YYYY-MM-DD>', 'plan another day (default today, in your time zone: TZ)')
    .option('--offline', "use the stories stored by discover instead of reading each prospect's feed")
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
Each item is something for you to do by hand (Linkwright never follows, claps, comments or sends); log it
afterwards with \`linkwright touch\`. Order: follow-ups, ready pitches, responses, claps, follows — then author
score, warmth (their answers) and staleness. Suggested times are spread out and keep every pacing rule
(daily caps, gaps per author, no bursts, weekends off).
The newest story of each active prospect is read from their Medium feed (one request each, at Medium's pace).

Examples:
  linkwright agenda
  linkwright agenda --date 2026-11-09 --json`,
    );
  return addFetcherOptions(command).action(async (flags: AgendaFlags) => {
    await withStore(io, flags.db, async (store, config) => {
      let stories: StoryLookup = storedStoryLookup(store);
      let close = async () => {};
      if (!flags.offline) {
        const tools = createMediumTools(flags, config, systemClock, store);
        stories = feedStoryLookup(tools.source, store);
        close = () => tools.fetcher.close();
      }
      const now = systemClock.now();
      try {
        const outcome = await planTodayAgenda(
          { store, clock: systemClock, stories },
          {
            ...(flags.date === undefined ? {} : { date: flags.date }),
            utcOffsetMinutes: localOffsetMinutes(flags.date ? Date.parse(`${flags.date}T12:00:00Z`) || now : now),
            seed: agendaSeed(io, config),
          },
        );
        const render = { utcOffsetMinutes: outcome.rules.utcOffsetMinutes };
        io.stdout.write(flags.json ? `${JSON.stringify(agendaJson(outcome, render), null, 2)}\n` : agendaText(outcome, render));
      } finally {
        await close();
      }
    });
  });
}
