/**
 * `kanslist check <system>`: a preflight of a system map against the live system — log in, reach
 * each screen, resolve every target. Exit 0 when it passes (drift prints a warning), 1 when the
 * login failed or a target is missing or ambiguous, 2 for usage and configuration errors.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { intOption } from '../options.ts';
import type { CheckCliOptions } from './check-action.ts';

export function registerCheckCommand(program: Command): void {
  program
    .command('check <system>')
    .description(
      'Preflight a system: log in with its robot account, reach each screen of selectors/<system>.ts and resolve every target (ok, drift, missing, ambiguous)',
    )
    .option('--screens <names>', 'only these screens, comma-separated (e.g. login,newCase)', screenList)
    .option('--bot <bot>', 'only the screens this bot uses')
    .option('--timeout <ms>', 'how long each target is waited for (default 3000)', intOption('--timeout', 1))
    .option('--db <url>', 'store URL for the audit record (sqlite:path or postgres://…); overrides the config')
    .option(
      '--suggest',
      'for each drifted target, propose a stable first strategy (id, name, data-*, aria, role, label) and print it as a patch to the system map',
    )
    .option(
      '--write-patch <file>',
      'save the suggested patch to this file (implies --suggest); apply it yourself with git apply or patch -p1',
    )
    .option('--json', 'print the report as JSON')
    .addHelpText(
      'after',
      '\nExit codes: 0 every checked target found (drift only warns), 1 login failed or a target missing or ambiguous, 2 usage or configuration error.\n',
    )
    .action(async (system: string, o: CheckCliOptions) => (await import('./check-action.ts')).runCheck(system, o));
}

function screenList(value: string): string[] {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  if (names.length === 0) throw new InvalidArgumentError('--screens needs at least one screen name, e.g. --screens login,newCase.');
  return names;
}
