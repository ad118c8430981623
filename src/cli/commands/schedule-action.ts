/** What `kanslist schedule pause|resume|fire` do, loaded only when one of them runs. */
import { createLogger } from '../../log/logger.ts';
import { auditKeyFromEnv } from '../../audit/trail.ts';
import { redact } from '../../redact/redact.ts';
import type { LogLevel } from '../../config/config.ts';
import { loadConfig, storeUrl, type LoadedConfig } from '../../config/load.ts';
import { ConfigError } from '../../errors.ts';
import { loadProjectSchedules, openSchedulerRuntime, schedulerOwner } from '../../schedule/daemon/runtime.ts';
import { openScheduleLedger, type Decision, type ScheduleLedger } from '../../schedule/ledger.ts';
import type { Schedule } from '../../schedule/types.ts';
import { openStore } from '../../store/index.ts';
import { EXIT_NOT_ALL_DONE, EXIT_OK } from '../exit-codes.ts';
import { stopSignal } from '../signals.ts';
import { localTime, printJson } from '../table.ts';
import { operator } from '../operator.ts';

export async function runSchedulePause(name: string, o: { note?: string; db?: string }): Promise<void> {
  await withLedger(o.db, name, async (ledger) => {
    await ledger.pause(name, operator(), o.note);
    console.log(redact(`Schedule ${name} is paused${o.note ? ` (${o.note})` : ''}. Resume it with \`kanslist schedule resume ${name}\`.`));
  });
}

export async function runScheduleResume(name: string, o: { db?: string }): Promise<void> {
  await withLedger(o.db, name, async (ledger) => {
    const was = await ledger.state(name);
    await ledger.resume(name, operator());
    console.log(`Schedule ${name} ${was.paused ? 'is resumed' : 'was not paused; nothing changed'}.`);
  });
}

export async function runScheduleFire(name: string, o: { db?: string; json?: boolean; logLevel?: LogLevel }): Promise<void> {
  const config = await loadConfig();
  await requireSchedule(config, name);
  const log = createLogger({
    level: o.logLevel ?? config.logLevel,
    dir: `${config.paths.var}/logs`,
    timeZone: config.timeZone,
    console: !o.json,
  });
  // Ctrl-C stops the child the way the scheduler would: it finishes its items in progress.
  const stop = stopSignal(() =>
    console.error('\nkanslist: stopping the run — finishing the items in progress (Ctrl-C again to abort now)'),
  );
  try {
    const runtime = await openSchedulerRuntime({ config, log, db: o.db, only: [name] });
    const onStop = () => void runtime.scheduler.stop();
    stop.signal.addEventListener('abort', onStop, { once: true });
    let decision: Decision;
    try {
      decision = await runtime.scheduler.fireNow(name);
    } finally {
      stop.signal.removeEventListener('abort', onStop);
      await runtime.close();
    }
    if (o.json) printJson(decision);
    else console.log(redact(describeDecision(decision, config.timeZone)));
    process.exitCode = ranCleanly(decision) ? EXIT_OK : EXIT_NOT_ALL_DONE;
  } finally {
    stop.dispose();
    await log.flush();
  }
}

/** Exit 0 only when the fire ran and everything it was given ended done. */
function ranCleanly(d: Decision): boolean {
  return (d.decision === 'fired' || d.decision === 'queued') && d.outcome === 'finished';
}

function describeDecision(d: Decision, timeZone: string): string {
  const why = [d.reason, d.detail].filter(Boolean).join(' — ');
  const head = `${d.schedule} ${localTime(d.plannedAt, timeZone)}: ${d.decision}${why ? ` (${why})` : ''}`;
  if (d.outcome === null) return head;
  const run = d.runId ? `run ${d.runId}` : 'the run';
  const counts = summaryLine(d.summary);
  return `${head}\n${run} ended: ${d.outcome}${d.exitCode !== null ? ` (exit code ${d.exitCode})` : ''}${counts ? `\n${counts}` : ''}`;
}

function summaryLine(summary: unknown): string {
  const s = summary as { outcomes?: Record<string, number>; review?: number; error?: string; uncertainItems?: number } | null;
  if (!s) return '';
  const parts: string[] = [];
  if (s.outcomes)
    parts.push(
      Object.entries(s.outcomes)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${k} ${n}`)
        .join(', ') || 'nothing processed',
    );
  if (s.review) parts.push(`${s.review} new in review`);
  if (s.uncertainItems) parts.push(`${s.uncertainItems} uncertain`);
  if (s.error) parts.push(s.error);
  return parts.join('; ');
}

async function requireSchedule(config: LoadedConfig, name: string): Promise<Schedule> {
  const schedules = await loadProjectSchedules(config);
  const found = schedules.find((s) => s.name === name);
  if (!found) {
    throw new ConfigError('KANSLIST_SCHEDULE_UNKNOWN', `There is no schedule named "${name}".`, {
      where: config.paths.schedules,
      remedy: `Known schedules: ${schedules.map((s) => s.name).join(', ') || '(none)'}. See \`kanslist schedules\`.`,
    });
  }
  return found;
}

/** An operator command's own ledger chain (one per command, never shared with a scheduler's). */
async function withLedger(db: string | undefined, name: string, work: (ledger: ScheduleLedger) => Promise<void>): Promise<void> {
  const config = await loadConfig();
  await requireSchedule(config, name);
  const store = await openStore(storeUrl(config, db));
  try {
    const ledger = await openScheduleLedger(store, { owner: schedulerOwner(), auditKey: auditKeyFromEnv() });
    try {
      await work(ledger);
    } finally {
      await ledger.close();
    }
  } finally {
    await store.close();
  }
}
