import type { Command } from 'commander';
import { intOption } from '../options.ts';

export function registerReviewCommand(program: Command): void {
  const review = program
    .command('review')
    .description('The review queue: items a clerk must handle (business exceptions, unsettled uncertain items)');

  review
    .command('list', { isDefault: true })
    .description('List items waiting for review')
    .option('--bot <name>', 'only this bot')
    .option('--limit <n>', 'how many', intOption('--limit', 1), 200)
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action(async (o: { bot?: string; limit: number; db?: string; json?: boolean }) =>
      (await import('./review-action.ts')).runReviewList(o),
    );

  review
    .command('handled <item>')
    .description('Mark a review item as handled by a clerk')
    .requiredOption('--note <text>', 'what the clerk did (kept with the item)')
    .option('--db <url>', 'store URL')
    .action(async (id: string, o: { note: string; db?: string }) => (await import('./review-action.ts')).runReviewHandled(id, o));

  review
    .command('requeue <item>')
    .description(
      "Send a review item back to the bot (after the data was corrected at the source); the bot's verify first checks whether an earlier attempt's effect exists",
    )
    .option('--db <url>', 'store URL')
    .action(async (id: string, o: { db?: string }) => (await import('./review-action.ts')).runReviewRequeue(id, o));
}
