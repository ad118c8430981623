import { InvalidArgumentError, Option, type Command } from 'commander';
import { LOG_LEVELS } from '../../config/config.ts';
import { intOption } from '../options.ts';
import type { RunCliOptions } from './run-action.ts';

export function registerRunCommand(program: Command): void {
  program
    .command('run <bot>')
    .description(
      "Run a bot: read its input into the queue, process the input's items (or with --backlog every waiting item), print a summary",
    )
    .option('--input <file>', "input file (overrides the bot's own); the run works on this input's items")
    .option('--backlog', "work on every item of this bot that waits in the queue for this system, not only the input's")
    .option('--concurrency <n>', "workers (capped by the system's session limit)", intOption('--concurrency', 1))
    .option('--headed', 'show the browser')
    .addOption(
      new Option(
        '--trace <mode>',
        'Playwright traces per item: the first retry of an item (default), every failed attempt, every item, or none',
      )
        .choices(['on-first-retry', 'retain-on-failure', 'on', 'off'])
        .default('on-first-retry'),
    )
    .option('--db <url>', 'store URL (sqlite:path or postgres://…); overrides the config')
    .option('--max-duration <minutes>', "stop claiming after this long (default: the bot's maxRunMs)", intOption('--max-duration', 1))
    .addOption(
      new Option('--log-level <level>', "operator log level (default: the config's logLevel, KANSLIST_LOG_LEVEL, else info)").choices([
        ...LOG_LEVELS,
      ]),
    )
    .option('--json', 'print the summary as JSON')
    .option('--trigger <trigger>', "what started the run, recorded with it: 'cli', 'schedule:<name>', …", triggerOption, 'cli')
    .action(async (bot: string, o: RunCliOptions) => (await import('./run-action.ts')).runRun(bot, o));
}

/** A trigger is a short label such as 'cli' or 'schedule:permit-intake': one line, no control characters. */
function triggerOption(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a trigger may not hold
  if (!/^[^\x00-\x1f\x7f]{1,200}$/.test(value) || value.trim() !== value) {
    throw new InvalidArgumentError("--trigger must be a short one-line label such as 'cli' or 'schedule:permit-intake'.");
  }
  return value;
}
