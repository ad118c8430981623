/**
 * What a crashed runner left behind. Its items were in progress: they may or may not have had
 * their effect, so they become *uncertain* (never pending). A runner on this machine whose
 * process is gone is known dead at once; one elsewhere is dead when its leases expire.
 */
import { hostname } from 'node:os';
import type { Logger } from '../log/logger.ts';
import type { Store, WorkItem } from '../store/index.ts';
import type { AuditTrail } from '../audit/trail.ts';

export async function recoverInterruptedWork(
  store: Store,
  bot: string,
  currentRunId: string,
  leaseMs: number,
  log: Logger,
  trail: AuditTrail,
): Promise<number> {
  let uncertain = 0;
  const host = hostname();
  for (const run of await store.runs.list({ bot, limit: 100 })) {
    if (run.status !== 'running' || run.id === currentRunId || run.host !== host || processAlive(run.pid)) continue;
    const items = await store.queue.abandonRun(run.id);
    await auditUncertain(trail, items, `runner process ${run.pid} of run ${run.id} is gone`);
    uncertain += items.length;
    await store.runs.finish(run.id, 'crashed', { reason: `runner process ${run.pid} on ${host} is gone`, uncertainItems: items.length });
    log.warn(`run ${run.id.slice(0, 8)} crashed (process ${run.pid} is gone): ${items.length} item(s) in progress are now uncertain`);
  }
  await store.runs.markStale(Math.max(leaseMs * 2, 60_000));
  const expired = await store.queue.expireLeases(bot);
  await auditUncertain(trail, expired, 'lease expired: the runner stopped heartbeating');
  if (expired.length > 0) log.warn(`${expired.length} item(s) whose runner stopped heartbeating are now uncertain`);
  return uncertain + expired.length;
}

async function auditUncertain(trail: AuditTrail, items: readonly WorkItem[], why: string): Promise<void> {
  for (const item of items) {
    await trail.append({
      kind: 'item.transition',
      itemId: item.id,
      itemKey: item.key,
      data: { from: 'running', to: 'uncertain', reason: why },
    });
  }
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
