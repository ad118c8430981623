/** What `kanslist review list|handled|requeue` do, loaded only when one of them runs. */
import { ConfigError } from '../../errors.ts';
import type { Store } from '../../store/index.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function runReviewList(o: { bot?: string; limit: number; db?: string; json?: boolean }): Promise<void> {
  return withStore(o.db, async (store, config) => {
    const items = await store.queue.list({ bot: o.bot, status: 'review', limit: o.limit });
    if (o.json) return printJson(items);
    printTable(
      items.map((i) => ({ item: i.id, bot: i.bot, key: i.key, code: i.errorCode, reason: i.reason, source: i.source, since: localTime(i.updatedAt, config.timeZone) })),
      ['item', 'bot', 'key', 'code', 'reason', 'source', 'since'],
    );
  });
}

export function runReviewHandled(id: string, o: { note: string; db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    await requireReviewItem(store, id);
    await store.queue.markHandled(id, o.note);
    console.log(`Item ${id} marked handled.`);
  });
}

export function runReviewRequeue(id: string, o: { db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    const item = await requireReviewItem(store, id);
    await store.queue.requeue(id);
    console.log(`Item ${id} is pending again; \`kanslist run ${item.bot} --backlog\` processes it.`);
  });
}

async function requireReviewItem(store: Store, id: string) {
  const item = await store.queue.get(id);
  if (!item) throw new ConfigError('KANSLIST_NOT_FOUND', `There is no item "${id}".`, { remedy: 'See `kanslist review`.' });
  if (item.status !== 'review') throw new ConfigError('KANSLIST_NOT_IN_REVIEW', `Item ${id} is ${item.status}, not in review.`);
  return item;
}
