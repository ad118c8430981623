/**
 * After the scheduler stopped a child (maximum duration, or shutdown): the run it held is found
 * (by its id, or by this host and the child's pid when it never printed its summary), its items
 * still 'running' become 'uncertain' — the next run verifies them, never simply redoes them —
 * each transition is appended to the run's own audit chain, and the run gets its final status.
 */
import { hostname } from 'node:os';
import type { Logger } from '../../log/logger.ts';
import { auditKeyFromEnv, openAuditTrail } from '../../audit/trail.ts';
import type { Run, RunStatus, Store } from '../../store/index.ts';

/** How many of the bot's newest runs are searched for the child's pid. */
const RUNS_SEARCHED = 50;

export async function findChildRun(store: Store, bot: string, pid: number, host = hostname()): Promise<Run | undefined> {
  const runs = await store.runs.list({ bot, limit: RUNS_SEARCHED });
  return runs.find((r) => r.host === host && r.pid === pid);
}

export interface StoppedRunResult {
  runId: string;
  uncertain: number;
  /** The run's own summary when it had written one before it was stopped. */
  summary: unknown;
}

/**
 * Releases what a stopped child left behind and marks its run `status`. A run that already ended
 * (the child finished its items within the grace period) keeps its summary; only the status changes.
 */
export async function settleStoppedRun(
  store: Store,
  run: Run,
  status: RunStatus,
  why: string,
  options: { log: Logger; env?: NodeJS.ProcessEnv },
): Promise<StoppedRunResult> {
  const items = await store.queue.abandonRun(run.id);
  if (items.length > 0) {
    const trail = await openAuditTrail(
      store,
      { runId: run.id, bot: run.bot, botVersion: run.botVersion, host: run.host },
      { key: auditKeyFromEnv(options.env ?? process.env) },
    );
    try {
      for (const item of items) {
        await trail.append({
          kind: 'item.transition',
          itemId: item.id,
          itemKey: item.key,
          data: { from: 'running', to: 'uncertain', reason: why },
        });
      }
    } finally {
      await trail.close();
    }
    options.log.warn(
      `run ${run.id.slice(0, 8)}: ${items.length} item(s) in progress are now uncertain (${why}); the next run verifies them`,
    );
  }
  const current = await store.runs.get(run.id);
  const previous = current?.summary ?? null;
  const summary =
    previous && typeof previous === 'object' ? { ...previous, status } : { status, reason: why, uncertainItems: items.length };
  await store.runs.finish(run.id, status, summary);
  return { runId: run.id, uncertain: items.length, summary: previous };
}
