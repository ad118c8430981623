import type { Command } from 'commander';
import { ConfigError } from '../../errors.ts';
import type { Store, WorkItem } from '../../store/index.ts';
import { withStore } from '../with-store.ts';

export function registerRetryCommand(program: Command): void {
  program
    .command('retry <runOrItem>')
    .description("Put a run's failed items (or one failed or review item) back in the queue; `kanslist run <bot>` then processes them, asking the bot's verify first whether an earlier attempt's effect exists")
    .option('--db <url>', 'store URL')
    .action((ref: string, o: { db?: string }) =>
      withStore(o.db, async (store) => {
        const items = await itemsToRetry(store, ref);
        for (const item of items) await store.queue.requeue(item.id);
        const bots = [...new Set(items.map((i) => i.bot))];
        console.log(`${items.length} item(s) back in the queue.${bots.length ? ` Process them with: ${bots.map((b) => `kanslist run ${b}`).join('; ')}` : ''}`);
      }),
    );
}

async function itemsToRetry(store: Store, ref: string): Promise<WorkItem[]> {
  const run = await store.runs.get(ref);
  if (run) return store.queue.list({ runId: run.id, status: 'failed', limit: 100_000 });
  const item = await store.queue.get(ref);
  if (!item) throw new ConfigError('KANSLIST_NOT_FOUND', `"${ref}" is neither a run nor an item.`, { remedy: 'See `kanslist runs` and `kanslist items <run>`.' });
  if (item.status !== 'failed' && item.status !== 'review') {
    throw new ConfigError('KANSLIST_NOT_RETRYABLE', `Item ${item.id} is ${item.status}; only failed or review items can be retried.`);
  }
  return [item];
}
