import type { Command } from 'commander';

export function registerRetryCommand(program: Command): void {
  program
    .command('retry <runOrItem>')
    .description(
      "Put a run's failed items (or one failed or review item) back in the queue; `kanslist run <bot> --backlog` then processes them, asking the bot's verify first whether an earlier attempt's effect exists",
    )
    .option('--db <url>', 'store URL')
    .action(async (ref: string, o: { db?: string }) => (await import('./retry-action.ts')).runRetry(ref, o));
}
