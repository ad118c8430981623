import type { Command } from 'commander';

export function registerSchedulesCommand(program: Command): void {
  program
    .command('schedules')
    .description('List the schedules in schedules/: each in words and its next five fires with skip reasons')
    .option('--json', 'print JSON')
    .option('--from <iso>', 'list fires after this time instead of now (ISO 8601)')
    .option('--db <url>', 'store URL (for the paused state and the last decision)')
    .action(async (o: { json?: boolean; from?: string; db?: string }) => (await import('./schedules-action.ts')).runSchedules(o));
}
