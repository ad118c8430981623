import { Option, type Command } from 'commander';
import { LOG_LEVELS, type LogLevel } from '../../config/config.ts';

export function registerScheduleCommand(program: Command): void {
  const schedule = program.command('schedule').description('Operate one schedule: pause it, resume it, or fire it now');

  schedule
    .command('pause <name>')
    .description(
      'Pause a schedule: its fires are recorded as skipped (paused) until it is resumed — the running scheduler sees it at its next fire',
    )
    .option('--note <text>', 'why (kept with the pause and on the audit trail)')
    .option('--db <url>', 'store URL')
    .action(async (name: string, o: { note?: string; db?: string }) => (await import('./schedule-action.ts')).runSchedulePause(name, o));

  schedule
    .command('resume <name>')
    .description('Resume a paused schedule from its next fire (fires missed while paused are not run)')
    .option('--db <url>', 'store URL')
    .action(async (name: string, o: { db?: string }) => (await import('./schedule-action.ts')).runScheduleResume(name, o));

  schedule
    .command('fire <name>')
    .description(
      'Fire a schedule now, with the same rules as the scheduler (calendar, window, pause, overlap, preflight); waits for the run',
    )
    .option('--db <url>', 'store URL')
    .option('--json', 'print the decision as JSON')
    .addOption(new Option('--log-level <level>', "operator log level (default: the config's logLevel)").choices([...LOG_LEVELS]))
    .action(async (name: string, o: { db?: string; json?: boolean; logLevel?: LogLevel }) =>
      (await import('./schedule-action.ts')).runScheduleFire(name, o),
    );
}
