/**
 * One fired run, start to end: the child launched, the fire's lease renewed while it runs, its
 * end recorded in the ledger, and the alerts its outcome calls for. Never throws: whatever the
 * child does, the scheduler goes on.
 */
import type { Alerter } from '../../alerts/index.ts';
import type { Logger } from '../../log/logger.ts';
import { errorMessage } from '../../errors.ts';
import type { DecisionTrigger, ScheduleLedger } from '../ledger.ts';
import type { Schedule } from '../types.ts';
import { logTime } from '../../util/local-time.ts';
import type { Clock } from './clock.ts';
import { alertsAfterRun, newReviewItems } from './fire-alerts.ts';
import type { LaunchResult, RunLauncher } from './launcher.ts';

export interface FireDeps {
  ledger: ScheduleLedger;
  launcher: RunLauncher;
  alerter: Alerter;
  log: Logger;
  clock: Clock;
  leaseMs: number;
  /** Aborted when the scheduler stops: the child is asked to stop. */
  stop: AbortSignal;
}

export async function runFire(deps: FireDeps, schedule: Schedule, plannedAt: number, trigger: DecisionTrigger): Promise<void> {
  const { ledger, log } = deps;
  // 1. The child, under a lease renewed while it runs.
  const lease = holdLease(deps, schedule, plannedAt);
  let started: Promise<void> = Promise.resolve();
  let result: LaunchResult;
  try {
    const maxDurationMs = schedule.maxDurationMinutes === undefined ? undefined : schedule.maxDurationMinutes * 60_000;
    result = await deps.launcher.launch(
      { schedule, trigger, plannedAt, signal: deps.stop, ...(maxDurationMs !== undefined ? { maxDurationMs } : {}) },
      ({ pid }) => {
        log.info(`schedule ${schedule.name}: ${schedule.bot} started (pid ${pid}) for ${logTime(plannedAt, schedule.timeZone)}`);
        started = started
          .then(() => ledger.started(schedule.name, plannedAt, { pid }))
          .catch((error: unknown) => log.error(`schedule ${schedule.name}: could not record the start: ${errorMessage(error)}`));
      },
    );
  } catch (error) {
    result = { outcome: 'crashed', exitCode: null, runId: null, error: errorMessage(error) };
  } finally {
    lease.stop();
  }
  // 2. The end, recorded (after the start, whose write may still be on its way).
  await started;
  try {
    await ledger.ended(
      schedule.name,
      plannedAt,
      { outcome: result.outcome, exitCode: result.exitCode, runId: result.runId, summary: countsOf(result) },
      deps.clock.now(),
    );
  } catch (error) {
    log.error(`schedule ${schedule.name}: could not record the end of the run: ${errorMessage(error)}`);
  }
  const line = `schedule ${schedule.name}: run ${result.runId?.slice(0, 8) ?? '(no run id)'} of ${schedule.bot} ended: ${result.outcome}${result.exitCode !== null ? ` (exit ${result.exitCode})` : ''}`;
  if (result.outcome === 'finished') log.info(line);
  else log.warn(result.error ? `${line}: ${result.error}` : line);
  // 3. The alerts.
  for (const alert of alertsAfterRun(schedule, plannedAt, result)) deps.alerter.raise(alert);
}

/** Renews the fire's lease every third of it, on the Clock, until stopped. */
export function holdLease(
  deps: Pick<FireDeps, 'ledger' | 'log' | 'clock' | 'leaseMs'>,
  schedule: Schedule,
  plannedAt: number,
): { stop(): void } {
  const done = new AbortController();
  void (async () => {
    while (!done.signal.aborted) {
      await deps.clock.sleepUntil(deps.clock.now() + Math.max(1, Math.floor(deps.leaseMs / 3)), done.signal);
      if (done.signal.aborted) return;
      try {
        const held = await deps.ledger.heartbeat(schedule.name, plannedAt, deps.leaseMs, deps.clock.now());
        if (!held)
          deps.log.warn(
            `schedule ${schedule.name}: the lease on the fire of ${logTime(plannedAt, schedule.timeZone)} was taken over by another scheduler`,
          );
      } catch (error) {
        deps.log.warn(`schedule ${schedule.name}: heartbeat failed: ${errorMessage(error)}`);
      }
    }
  })();
  return { stop: () => done.abort() };
}

/** What the ledger keeps of a run: counts, never item data. */
function countsOf(result: LaunchResult): Record<string, unknown> {
  const s = result.summary;
  return {
    ...(s
      ? {
          status: s.status,
          allDone: s.allDone,
          outcomes: s.outcomes,
          enqueue: s.enqueue,
          settle: s.settle,
          queue: s.queue,
          drift: s.drift?.length ?? 0,
          review: newReviewItems(s),
        }
      : {}),
    ...(result.uncertainItems !== undefined ? { uncertainItems: result.uncertainItems } : {}),
    ...(result.error ? { error: result.error } : {}),
  };
}
