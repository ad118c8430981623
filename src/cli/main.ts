/**
 * The `kanslist` command line: one file per command under ./commands. Errors that Kanslist
 * understands (configuration, input, usage) print their code, where and remedy, and exit 2.
 */
import { Command, CommanderError } from 'commander';
import { ConfigError, InputError, KanslistError } from '../errors.ts';
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
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return 1;
}
