import type { Command } from 'commander';
import { ITEM_STATUSES } from '../../store/types.ts';
import { intOption } from '../options.ts';

export function registerRunsCommands(program: Command): void {
  program
    .command('runs')
    .description('List recent runs, newest first')
    .option('--bot <name>', 'only this bot')
    .option('--limit <n>', 'how many', intOption('--limit', 1), 20)
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (o: { bot?: string; limit: number; db?: string; json?: boolean }) => (await import('./runs-action.ts')).runRuns(o));

  program
    .command('items <run>')
    .description('List the items of a run (by run id or a unique prefix)')
    .option('--status <status>', `only items with this status (${ITEM_STATUSES.join(', ')})`)
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (runRef: string, o: { status?: string; db?: string; json?: boolean }) =>
      (await import('./runs-action.ts')).runItems(runRef, o),
    );
}
