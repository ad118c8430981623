/** What `kanslist retry` does, loaded only when it runs. */
import { ConfigError } from '../../errors.ts';
import type { Store, WorkItem } from '../../store/index.ts';
import { withStore } from '../with-store.ts';

export function runRetry(ref: string, o: { db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    const items = await itemsToRetry(store, ref);
    for (const item of items) await store.queue.requeue(item.id);
    const bots = [...new Set(items.map((i) => i.bot))];
    console.log(
      `${items.length} item(s) back in the queue.${bots.length ? ` Process them with: ${bots.map((b) => `kanslist run ${b} --backlog`).join('; ')}` : ''}`,
    );
  });
}

async function itemsToRetry(store: Store, ref: string): Promise<WorkItem[]> {
  const run = await store.runs.get(ref);
  if (run) return store.queue.list({ runId: run.id, status: 'failed', limit: 100_000 });
  const item = await store.queue.find(ref);
  if (!item)
    throw new ConfigError('KANSLIST_NOT_FOUND', `"${ref}" is neither a run nor an item.`, {
      remedy: 'See `kanslist runs` and `kanslist items <run>`.',
    });
  if (item.status !== 'failed' && item.status !== 'review') {
    throw new ConfigError('KANSLIST_NOT_RETRYABLE', `Item ${item.id} is ${item.status}; only failed or review items can be retried.`);
  }
  return [item];
}
