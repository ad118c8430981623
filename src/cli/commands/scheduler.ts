import { Option, type Command } from 'commander';
import { LOG_LEVELS } from '../../config/config.ts';
import type { SchedulerCliOptions } from './scheduler-action.ts';

export function registerSchedulerCommand(program: Command): void {
  program
    .command('scheduler')
    .description('Run the scheduler daemon: fire each schedule as its calendar says, every run in a child process, until SIGTERM or Ctrl-C')
    .option('--schedules <dir>', "the schedules folder (default: the config's, schedules/)")
    .option('--db <url>', 'store URL (sqlite:path or postgres://…); overrides the config')
    .addOption(new Option('--log-level <level>', "operator log level (default: the config's logLevel)").choices([...LOG_LEVELS]))
    .action(async (o: SchedulerCliOptions) => (await import('./scheduler-action.ts')).runScheduler(o));
}
