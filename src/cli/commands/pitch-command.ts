/** `linkwright pitch <prospect> --template <id> [--asset URL]`: print a draft (and store it). */
import { resolve } from 'node:path';
import { Command } from 'commander';
import { draftPitch } from '../../app/draft-pitch.js';
import { feedStoryLookup, type StoryLookup, storedStoryLookup } from '../../app/story-lookup.js';
import { systemClock } from '../../app/system-clock.js';
import { isLinkwrightError } from '../../core/errors/linkwright-error.js';
import { BUILTIN_TEMPLATE_IDS, TEMPLATE_FIELDS } from '../../core/outreach/index.js';
import { CliExit, type CliIo, EXIT } from '../cli-io.js';
import type { FetcherFlags } from '../fetcher-flags.js';
import { addFetcherOptions, createMediumTools } from '../medium-flags.js';
import { DB_OPTION, PROSPECT_ARG, withStore } from '../outreach-shell.js';

interface PitchFlags extends FetcherFlags {
  template: string;
  templates?: string;
  asset?: string;
  assetTitle?: string;
  assetType?: string;
  story?: string;
  storyTitle?: string;
  sender?: string;
  linksTo?: string;
  plain?: boolean;
  offline?: boolean;
  save: boolean;
  json?: boolean;
  db?: string;
}

/** Which flag supplies each merge field, for the "missing value" error. */
const FIELD_FLAGS: Record<string, string> = {
  assetTitle: '--asset-title',
  assetUrl: '--asset',
  assetType: '--asset-type',
  senderName: '--sender (or env LINKWRIGHT_SENDER_NAME)',
  storyTitle: '--story-title (or --story with a story discover stored)',
  storyUrl: '--story',
  linksToType: '--links-to',
  linksToExample: '(not available from the CLI yet)',
  authorName: '(their display name: run `linkwright discover` or set "name" with `linkwright pipeline --import`)',
  authorFirstName: '(their display name: run `linkwright discover` or set "name" with `linkwright pipeline --import`)',
};

export function pitchCommand(io: CliIo): Command {
  const command = new Command('pitch')
    .description('Print a pitch draft for a prospect from a template (and store it); you edit and send it yourself')
    .argument('<prospect>', PROSPECT_ARG)
    .requiredOption('--template <id>', `built-in ${BUILTIN_TEMPLATE_IDS.join(', ')}, or a .md file name in --templates`)
    .option('--templates <dir>', 'folder of your own templates (<id>.md; env LINKWRIGHT_TEMPLATES, default ./templates)')
    .option('--asset <url>', 'your page you would like them to consider')
    .option('--asset-title <text>', 'its title')
    .option('--asset-type <text>', 'what it is ("dataset", "guide", "video")')
    .option('--story <url>', 'the story of theirs to mention (default: their newest, from the feed)')
    .option('--story-title <text>', 'its title, when discover did not store it')
    .option('--sender <name>', 'how you sign (env LINKWRIGHT_SENDER_NAME)')
    .option('--links-to <type>', 'what they usually link to (research, video, code … or your own words)')
    .option('--plain', 'insert values as given (plain-text e-mail) instead of Markdown-escaped')
    .option('--offline', "use stored stories instead of reading the prospect's feed")
    .option('--no-save', 'do not store the draft')
    .option('--json', 'print JSON')
    .option(...DB_OPTION)
    .addHelpText(
      'after',
      `
Merge fields: ${Object.keys(TEMPLATE_FIELDS).join(', ')}.
A field the template needs but nothing supplies is an error naming the field (never a blank in the draft).
Built-in drafts contain [[EDIT: …]] markers: the sentences only you can write.

Examples:
  linkwright pitch @maya-fields --template intro --sender "Robin"
  linkwright pitch 12 --template pitch --asset https://example.com/guide --asset-title "Companion planting chart"`,
    );
  return addFetcherOptions(command).action(async (ref: string, flags: PitchFlags) => {
    await withStore(io, flags.db, async (store, config) => {
      let stories: StoryLookup = storedStoryLookup(store);
      let close = async () => {};
      if (!flags.offline && !flags.story) {
        const tools = createMediumTools(flags, config, systemClock, store);
        stories = feedStoryLookup(tools.source, store);
        close = () => tools.fetcher.close();
      }
      let outcome: Awaited<ReturnType<typeof draftPitch>>;
      try {
        outcome = await draftPitch(
          { store, clock: systemClock, stories },
          {
            prospect: ref,
            template: flags.template,
            templatesDir: flags.templates ?? io.env.LINKWRIGHT_TEMPLATES ?? resolve(io.cwd, 'templates'),
            asset: flags.asset ? { url: flags.asset, title: flags.assetTitle ?? null, type: flags.assetType ?? null } : null,
            story: flags.story ? { url: flags.story, title: flags.storyTitle ?? null } : null,
            senderName: flags.sender ?? io.env.LINKWRIGHT_SENDER_NAME ?? null,
            linksTo: flags.linksTo ?? null,
            escape: flags.plain ? 'none' : 'markdown',
            save: flags.save,
          },
        );
      } catch (error) {
        if (isLinkwrightError(error) && error.code === 'TEMPLATE_FIELD_MISSING') {
          const missing = [...new Set(((error.details.missing as { field: string }[] | undefined) ?? []).map((m) => m.field))];
          const hints = missing.map((f) => `  - ${f}: ${FIELD_FLAGS[f] ?? 'no flag supplies it'}`);
          throw new CliExit(EXIT.usage, `${error.code}: ${error.message}\n${hints.join('\n')}`);
        }
        throw error;
      } finally {
        await close();
      }
      if (flags.json) {
        io.stdout.write(
          `${JSON.stringify(
            {
              draftId: outcome.draftId,
              prospect: { id: outcome.prospect.id, username: outcome.prospect.username },
              template: { id: outcome.templateId, source: outcome.templateSource, path: outcome.templatePath },
              subject: outcome.subject,
              text: outcome.text,
              story: outcome.story === null ? null : { url: outcome.story.url, title: outcome.story.title, source: outcome.storySource },
              editMarkers: outcome.editMarkers,
            },
            null,
            2,
          )}\n`,
        );
      } else {
        io.stdout.write(
          `${outcome.subject ? `Subject: ${outcome.subject}\n\n` : ''}${outcome.text}${outcome.text.endsWith('\n') ? '' : '\n'}`,
        );
      }
      if (outcome.editMarkers.length > 0) {
        io.stderr.write(
          `linkwright: ${outcome.editMarkers.length} [[EDIT: …]] marker${outcome.editMarkers.length === 1 ? '' : 's'} to write before sending (line${outcome.editMarkers.length === 1 ? '' : 's'} ${outcome.editMarkers.map((m) => m.line).join(', ')})\n`,
        );
      }
      if (outcome.draftId !== null && !flags.json)
        io.stderr.write(
          `linkwright: stored as draft #${outcome.draftId}; log it with \`linkwright touch ${ref} ${flags.template === 'follow-up' ? 'follow-up' : flags.template === 'intro' ? 'comment' : 'pitch'}\` once sent\n`,
        );
    });
  });
}
