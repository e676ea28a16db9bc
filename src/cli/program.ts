import { Command, CommanderError } from 'commander';
import { isLinkwrightError } from '../core/errors/linkwright-error.js';
import { CliExit, type CliIo, EXIT } from './cli-io.js';
import { auditCommand } from './commands/audit-command.js';
import { checkCommand } from './commands/check-command.js';
import { contentCommand } from './commands/content-command.js';
import { keywordsCommand } from './commands/keywords-command.js';
import { authorCommand } from './commands/author-command.js';
import { demoCommand } from './commands/demo-command.js';
import { discoverCommand } from './commands/discover-command.js';
import { linksCommand } from './commands/links-command.js';
import { mediumCommand } from './commands/medium-command.js';
import { prospectsCommand } from './commands/prospects-command.js';
import { agendaCommand } from './commands/agenda-command.js';
import { monitorCommand } from './commands/monitor-command.js';
import { pipelineCommand } from './commands/pipeline-command.js';
import { pitchCommand } from './commands/pitch-command.js';
import { prospectCommand } from './commands/prospect-command.js';
import { serveCommand } from './commands/serve-command.js';
import { stageCommand } from './commands/stage-command.js';
import { touchCommand } from './commands/touch-command.js';
import { watchCommand } from './commands/watch-command.js';
import { webhookCommand } from './commands/webhook-command.js';
import { LINKWRIGHT_VERSION } from '../core/version.js';

export function createProgram(io: CliIo): Command {
  const program = new Command('linkwright')
    .description('Backlinks from Medium, end to end: find the writers worth knowing, work relationships at a safe pace, and prove what every link is worth.')
    .addHelpText('after', '\nLinkwright never posts, claps, follows or comments for you: it plans, drafts and verifies; you act.\nTry it offline: linkwright demo')
    .version(LINKWRIGHT_VERSION)
    .showHelpAfterError()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .exitOverride();
  program.addCommand(auditCommand(io));
  program.addCommand(linksCommand(io));
  program.addCommand(mediumCommand(io));
  program.addCommand(discoverCommand(io));
  program.addCommand(prospectsCommand(io));
  program.addCommand(authorCommand(io));
  program.addCommand(pipelineCommand(io));
  program.addCommand(prospectCommand(io));
  program.addCommand(stageCommand(io));
  program.addCommand(touchCommand(io));
  program.addCommand(agendaCommand(io));
  program.addCommand(pitchCommand(io));
  program.addCommand(watchCommand(io));
  program.addCommand(monitorCommand(io));
  program.addCommand(webhookCommand(io));
  program.addCommand(serveCommand(io));
  program.addCommand(checkCommand(io));
  program.addCommand(contentCommand(io));
  program.addCommand(keywordsCommand(io));
  program.addCommand(demoCommand(io));
  const configure = (command: Command): void => {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
    for (const sub of command.commands) configure(sub);
  };
  for (const command of program.commands) configure(command);
  return program;
}

/** Runs the CLI and returns the exit code (DESIGN §1: 0 ok, 1 findings, 2 usage/bad input, 3 partial). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.message) io.stderr.write(`linkwright: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isLinkwrightError(error)) {
      io.stderr.write(`linkwright: ${error.code}: ${error.message}\n`);
      return error.errorClass === 'validation' || error.errorClass === 'config' ? EXIT.usage : EXIT.partial;
    }
    io.stderr.write(`linkwright: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 70;
  }
}
