import type { Command } from 'commander';

export function registerBotsCommand(program: Command): void {
  program
    .command('bots')
    .description('List the bots in bots/ with their system, concurrency and manual minutes per item')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => (await import('./bots-action.ts')).runBots(o));
}
