/**
 * Runs a fire's bot in a child process, so a bot that crashes or hangs never takes the scheduler
 * down: `node <kanslist>/bin/kanslist.mjs run <bot> --trigger schedule:<name> --json [--input f]`
 * in the project root, with the scheduler's store (env KANSLIST_STORE, never on the command line
 * where a password would show in the process list).
 */
import { join } from 'node:path';
import type { Logger } from '../../log/logger.ts';
import { redact } from '../../redact/redact.ts';
import type { RunSummary } from '../../runner/summary.ts';
import type { Store } from '../../store/index.ts';
import type { DecisionTrigger, RunOutcome } from '../ledger.ts';
import type { Schedule } from '../types.ts';
import { runChild, type ChildExit } from './child.ts';
import { systemClock, type Clock } from './clock.ts';
import { resolveScheduleInput } from './input-files.ts';
import { findChildRun, settleStoppedRun } from './stopped-run.ts';

export interface LaunchRequest {
  schedule: Schedule;
  trigger: DecisionTrigger;
  plannedAt: number;
  /** Past this the child is stopped (SIGTERM, then SIGKILL after the grace period). */
  maxDurationMs?: number;
  /** Aborted when the scheduler stops: the child gets SIGTERM and finishes its items in progress. */
  signal: AbortSignal;
}

export interface LaunchResult {
  outcome: RunOutcome;
  exitCode: number | null;
  runId: string | null;
  summary?: RunSummary;
  /** What went wrong, in one redacted line (the end of the child's stderr), for alerts. */
  error?: string;
  /** Items the scheduler made uncertain after stopping the child. */
  uncertainItems?: number;
}

export interface RunLauncher {
  launch(request: LaunchRequest, onStarted: (info: { pid: number }) => void): Promise<LaunchResult>;
}

export interface ChildProcessLauncherOptions {
  /** The project root: the child's working directory (kanslist.config.ts, bots/, selectors/). */
  root: string;
  /** The store the children use; the scheduler releases a stopped child's items in it. */
  store: Store;
  /** Passed to the children as KANSLIST_STORE. @default the children read the config, like the scheduler */
  storeUrl?: string | undefined;
  /** @default process.env */
  env?: NodeJS.ProcessEnv;
  log: Logger;
  /** @default systemClock */
  clock?: Clock;
  /** After SIGTERM at the maximum duration, the time a child gets before SIGKILL. @default 10000 */
  killGraceMs?: number;
  /** When the scheduler stops, the time a child gets to finish its items in progress before SIGKILL. @default 60000 */
  stopGraceMs?: number;
  /** The `kanslist` command. @default [process.execPath, '<kanslist>/bin/kanslist.mjs'] */
  command?: string[];
}

export const KANSLIST_BIN = join(import.meta.dirname, '..', '..', '..', 'bin', 'kanslist.mjs');

export function childProcessLauncher(options: ChildProcessLauncherOptions): RunLauncher {
  const clock = options.clock ?? systemClock;
  const [command, ...prefix] = options.command ?? [process.execPath, KANSLIST_BIN];
  const env: NodeJS.ProcessEnv = {
    ...(options.env ?? process.env),
    FORCE_COLOR: '0',
    ...(options.storeUrl ? { KANSLIST_STORE: options.storeUrl } : {}),
  };
  return {
    async launch(request, onStarted) {
      const { schedule } = request;
      const files = resolveScheduleInput(schedule.input, options.root);
      if (files.length === 0) {
        options.log.info(`schedule ${schedule.name}: no input file matches ${schedule.input}; nothing to run`);
        return { outcome: 'finished', exitCode: null, runId: null };
      }
      // One deadline for the whole fire, however many input files it runs.
      const deadline = request.maxDurationMs === undefined ? undefined : clock.now() + request.maxDurationMs;
      let result: LaunchResult | undefined;
      for (const file of files) {
        if (request.signal.aborted && result) break;
        // A schedule drains the bot's backlog: what earlier runs left pending (a retry, a requeued item) is its work too.
        const args = [
          ...prefix,
          'run',
          schedule.bot,
          '--trigger',
          `schedule:${schedule.name}`,
          '--json',
          '--backlog',
          ...(file ? ['--input', file] : []),
        ];
        const exit = await runChild(
          { command: command!, args, cwd: options.root, env },
          { clock, deadline, killGraceMs: options.killGraceMs ?? 10_000, stop: request.signal, stopGraceMs: options.stopGraceMs ?? 60_000 },
          (pid) => onStarted({ pid }),
        );
        result = await interpret(exit, request, options);
        if (result.outcome !== 'finished' && result.outcome !== 'not-all-done') break;
      }
      return result!;
    },
  };
}

/** What a child's end means: its summary when it printed one, else how it ended. */
async function interpret(exit: ChildExit, request: LaunchRequest, options: ChildProcessLauncherOptions): Promise<LaunchResult> {
  const summary = parseSummary(exit.stdout);
  const error = lastLine(exit.stderrTail);
  const base = { exitCode: exit.code, runId: summary?.runId ?? null, ...(summary ? { summary } : {}), ...(error ? { error } : {}) };
  if (exit.spawnError) return { ...base, outcome: 'failed', error: redact(`the child could not be started: ${exit.spawnError.message}`) };
  // Stopped by the scheduler: release what it held, unless it ended cleanly within the grace period.
  if (exit.stoppedFor === 'timeout' || (exit.stoppedFor === 'stop' && !summary)) {
    const status = exit.stoppedFor === 'timeout' ? 'timed-out' : 'interrupted';
    const why =
      exit.stoppedFor === 'timeout'
        ? `stopped by the scheduler after the maximum duration of ${formatMs(request.maxDurationMs ?? 0)}`
        : 'stopped by the scheduler shutting down';
    const run = summary
      ? { id: summary.runId }
      : exit.pid !== undefined
        ? await findChildRun(options.store, request.schedule.bot, exit.pid)
        : undefined;
    const full = run && (await options.store.runs.get(run.id));
    const settled = full ? await settleStoppedRun(options.store, full, status, why, { log: options.log, env: options.env }) : undefined;
    return {
      ...base,
      outcome: status,
      runId: full?.id ?? base.runId,
      error: why,
      ...(settled ? { uncertainItems: settled.uncertain } : {}),
    };
  }
  if (summary) return { ...base, outcome: outcomeOf(summary, exit.code) };
  if (exit.signal) return { ...base, outcome: 'crashed', error: error ?? `the child was ended by ${exit.signal}` };
  return { ...base, outcome: 'failed', error: error ?? `the child exited with code ${exit.code} without a summary` };
}

function outcomeOf(summary: RunSummary, code: number | null): RunOutcome {
  switch (summary.status) {
    case 'crashed':
      return 'crashed';
    case 'failed':
      return 'failed';
    case 'interrupted':
      return 'interrupted';
    case 'timed-out':
      return 'timed-out';
    default:
      return code === 0 && summary.allDone ? 'finished' : 'not-all-done';
  }
}

/** `kanslist run --json` prints only the summary on stdout. */
function parseSummary(stdout: string): RunSummary | undefined {
  const text = stdout.trim();
  if (!text.startsWith('{')) return undefined;
  try {
    const value = JSON.parse(text) as Partial<RunSummary>;
    return typeof value.runId === 'string' && typeof value.status === 'string' ? (value as RunSummary) : undefined;
  } catch {
    return undefined;
  }
}

function lastLine(text: string): string | undefined {
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const kanslist = lines.filter((l) => l.startsWith('kanslist:'));
  const line = kanslist[kanslist.length - 1] ?? lines[lines.length - 1];
  return line === undefined ? undefined : redact(line).slice(0, 500);
}

function formatMs(ms: number): string {
  return ms >= 60_000 ? `${+(ms / 60_000).toFixed(2)} min` : `${+(ms / 1000).toFixed(1)} s`;
}
