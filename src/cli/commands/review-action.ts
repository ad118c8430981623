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
      items.map((i) => ({
        item: i.id,
        bot: i.bot,
        key: i.key,
        code: i.errorCode,
        reason: i.reason,
        source: i.source,
        since: localTime(i.updatedAt, config.timeZone),
      })),
      ['item', 'bot', 'key', 'code', 'reason', 'source', 'since'],
    );
  });
}

export function runReviewHandled(ref: string, o: { note: string; db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    const item = await requireReviewItem(store, ref);
    await store.queue.markHandled(item.id, o.note);
    console.log(`Item ${item.id} (${item.key}) marked handled.`);
  });
}

export function runReviewRequeue(ref: string, o: { db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    const item = await requireReviewItem(store, ref);
    await store.queue.requeue(item.id);
    console.log(`Item ${item.id} (${item.key}) is pending again; \`kanslist run ${item.bot} --backlog\` processes it.`);
  });
}

/** The item as the clerk names it: its id, a 6+ character prefix of it, or its key. */
async function requireReviewItem(store: Store, ref: string) {
  const item = await store.queue.find(ref);
  if (!item)
    throw new ConfigError('KANSLIST_NOT_FOUND', `There is no item "${ref}" (by id, id prefix or key).`, {
      remedy: 'See `kanslist review`.',
    });
  if (item.status !== 'review')
    throw new ConfigError('KANSLIST_NOT_IN_REVIEW', `Item ${item.id} (${item.key}) is ${item.status}, not in review.`);
  return item;
}
