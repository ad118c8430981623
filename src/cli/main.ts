/**
 * The `kanslist` command line: one file per command under ./commands. Errors that Kanslist
 * understands (configuration, input, usage) print their code, where and remedy, and exit 2.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, InputError, KanslistError } from '../errors.ts';
import { redact } from '../redact/redact.ts';
import { EXIT_CODES_HELP, EXIT_USAGE } from './exit-codes.ts';
import { registerCommands } from './commands/index.ts';
import { kanslistVersion } from './version.ts';

const program = new Command('kanslist')
  .description('Kanslist: RPA bots for legacy case systems, with an audit trail and time-saved reports.')
  .version(kanslistVersion(), '-V, --version', 'print the version of Kanslist')
  .addHelpText('after', EXIT_CODES_HELP)
  .exitOverride()
  .showHelpAfterError();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_USAGE;
  if (error instanceof ConfigError || error instanceof InputError) {
    console.error(`kanslist: ${error.describe()}`);
    return EXIT_USAGE;
  }
  if (error instanceof KanslistError) {
    console.error(`kanslist: ${error.describe()}`);
    return 1;
  }
  // Not an error Kanslist knows: a bug here or in a project file. One line with a code and what to
  // do; the stack only when asked for, and masked like everything else a command prints.
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `kanslist: KANSLIST_UNEXPECTED: ${redact(message.split('\n')[0] ?? '')}\n` +
      '  → Run the command again with KANSLIST_DEBUG=1 to see where it happened; if it is not in your bots, selectors or config, report it with that output.',
  );
  if (process.env.KANSLIST_DEBUG && error instanceof Error && error.stack) console.error(redact(error.stack));
  return 1;
}
