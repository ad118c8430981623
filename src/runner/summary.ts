import type { DriftSummary, EnqueueResult, ItemStatus, RunStatus, Store } from '../store/index.ts';
import type { OutcomeKind } from './outcome.ts';
import type { SettleResult } from './uncertain.ts';
import { join } from 'node:path';
import type { BreakerVerdict } from './breaker.ts';

export interface RunTally {
  outcomes: Record<OutcomeKind, number>;
  enqueue: EnqueueResult | null;
  settle: SettleResult | null;
  fatal: string | undefined;
  /** Set when the breaker gave up on the system: the run ends 'system-unavailable'. */
  unavailable?: BreakerVerdict | undefined;
}

export interface RunSummary {
  runId: string;
  bot: string;
  botVersion: string;
  status: RunStatus;
  /** What this run did, attempt by attempt. */
  outcomes: Record<OutcomeKind, number>;
  enqueue: EnqueueResult | null;
  settle: SettleResult | null;
  /** The bot's whole queue after the run. */
  queue: Record<ItemStatus, number>;
  drift: DriftSummary[];
  evidenceDir: string;
  fatal: string | undefined;
  /** Why the run gave up on the system (status 'system-unavailable'): the last code and reason, the logins tried. */
  unavailable?: BreakerVerdict | undefined;
  /** True when everything the run was given ended done. */
  allDone: boolean;
  /** The hash of the run's last audit record (`kanslist audit verify <run>` checks the chain up to it). */
  auditHead?: string | null;
}

export async function summarise(
  store: Store,
  runId: string,
  bot: string,
  botVersion: string,
  tally: RunTally,
  varDir: string,
): Promise<RunSummary> {
  const queue = await store.queue.counts({ bot });
  const drift = await store.runs.drift(runId);
  const o = tally.outcomes;
  const notDone =
    o.review + o.failed + o.lost + (tally.enqueue?.rejected ?? 0) + (tally.settle?.toReview ?? 0) + queue.pending + queue.uncertain;
  return {
    runId,
    bot,
    botVersion,
    status: 'finished',
    outcomes: { ...o },
    enqueue: tally.enqueue,
    settle: tally.settle,
    queue,
    drift,
    evidenceDir: join(varDir, 'runs', runId),
    fatal: tally.fatal,
    ...(tally.unavailable ? { unavailable: tally.unavailable } : {}),
    allDone: notDone === 0 && !tally.fatal && !tally.unavailable,
  };
}
