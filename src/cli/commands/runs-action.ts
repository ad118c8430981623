/** What `kanslist runs` and `kanslist items` do, loaded only when one of them runs. */
import { ConfigError } from '../../errors.ts';
import { ITEM_STATUSES, type ItemStatus } from '../../store/types.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { withStore } from '../with-store.ts';

export function runRuns(o: { bot?: string; limit: number; db?: string; json?: boolean }): Promise<void> {
  return withStore(o.db, async (store, config) => {
    const runs = await store.runs.list({ bot: o.bot, limit: o.limit });
    if (o.json) return printJson(runs);
    printTable(
      await Promise.all(
        runs.map(async (r) => {
          const c = await store.queue.counts({ runId: r.id });
          return {
            run: r.id,
            bot: r.bot,
            version: r.botVersion,
            trigger: r.trigger,
            started: localTime(r.startedAt, config.timeZone),
            ended: localTime(r.endedAt, config.timeZone),
            status: r.status,
            done: c.done,
            review: c.review,
            failed: c.failed,
          };
        }),
      ),
      ['run', 'bot', 'version', 'trigger', 'started', 'ended', 'status', 'done', 'review', 'failed'],
    );
  });
}

export function runItems(runRef: string, o: { status?: string; db?: string; json?: boolean }): Promise<void> {
  return withStore(o.db, async (store) => {
    if (o.status && !ITEM_STATUSES.includes(o.status as ItemStatus)) {
      throw new ConfigError('KANSLIST_USAGE', `--status must be one of ${ITEM_STATUSES.join(', ')}.`);
    }
    const run = await store.runs.get(runRef);
    if (!run) throw new ConfigError('KANSLIST_RUN_UNKNOWN', `There is no run "${runRef}".`, { remedy: 'See `kanslist runs`.' });
    const items = await store.queue.list({ runId: run.id, status: o.status as ItemStatus | undefined, limit: 10_000 });
    // Items whose runner died before, settled in this run by asking the system (no attempt of their own).
    const settled = new Set(await store.queue.settledIn(run.id));
    if (o.json) return printJson(items.map((i) => (settled.has(i.id) ? { ...i, settledByVerify: true } : i)));
    printTable(
      items.map((i) => ({
        item: i.id,
        key: i.key,
        status: i.status,
        settled: settled.has(i.id) ? 'by verify' : '',
        attempts: i.attempts,
        output: i.output,
        code: i.errorCode,
        reason: i.reason,
        source: i.source,
      })),
      ['item', 'key', 'status', 'settled', 'attempts', 'output', 'code', 'reason', 'source'],
    );
  });
}
