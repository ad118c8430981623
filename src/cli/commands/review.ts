import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import { intOption } from '../options.ts';
import { isoTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function registerReviewCommand(program: Command): void {
  const review = program.command('review').description('The review queue: items a clerk must handle (business exceptions, unsettled uncertain items)');

  review
    .command('list', { isDefault: true })
    .description('List items waiting for review')
    .option('--bot <name>', 'only this bot')
    .option('--limit <n>', 'how many', intOption('--limit', 1), 200)
    .option('--db <url>', 'store URL')
    .option('--json', 'print JSON')
    .action((o: { bot?: string; limit: number; db?: string; json?: boolean }) =>
      withStore(o.db, async (store) => {
        const items = await store.queue.list({ bot: o.bot, status: 'review', limit: o.limit });
        if (o.json) return printJson(items);
        printTable(
          items.map((i) => ({ item: i.id, bot: i.bot, key: i.key, code: i.errorCode, reason: i.reason, source: i.source, since: isoTime(i.updatedAt) })),
          ['item', 'bot', 'key', 'code', 'reason', 'source', 'since'],
        );
      }),
    );

  review
    .command('handled <item>')
    .description('Mark a review item as handled by a clerk')
    .requiredOption('--note <text>', 'what the clerk did (kept with the item)')
    .option('--db <url>', 'store URL')
    .action((id: string, o: { note: string; db?: string }) =>
      withStore(o.db, async (store) => {
        await requireReviewItem(store, id);
        await store.queue.markHandled(id, o.note);
        console.log(`Item ${id} marked handled.`);
      }),
    );

  review
    .command('requeue <item>')
    .description("Send a review item back to the bot (after the data was corrected at the source); the bot's verify first checks whether an earlier attempt's effect exists")
    .option('--db <url>', 'store URL')
    .action((id: string, o: { db?: string }) =>
      withStore(o.db, async (store) => {
        const item = await requireReviewItem(store, id);
        await store.queue.requeue(id);
        console.log(`Item ${id} is pending again; \`kanslist run ${item.bot}\` processes it.`);
      }),
    );
}

async function requireReviewItem(store: Store, id: string) {
  const item = await store.queue.get(id);
  if (!item) throw new ConfigError('KANSLIST_NOT_FOUND', `There is no item "${id}".`, { remedy: 'See `kanslist review`.' });
  if (item.status !== 'review') throw new ConfigError('KANSLIST_NOT_IN_REVIEW', `Item ${id} is ${item.status}, not in review.`);
  return item;
}
