/**
 * One `kanslist run` child process, watched: its stdout (the JSON summary) kept, the tail of its
 * stderr kept for alerts, and two ways of stopping it — the maximum duration passing, or the
 * scheduler stopping. Both send SIGTERM first (the run stops claiming and finishes the items in
 * progress) and SIGKILL when the grace period passes too.
 */
import { spawn } from 'node:child_process';
import type { Clock } from './clock.ts';

export interface ChildSpec {
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface ChildWatch {
  clock: Clock;
  /** Epoch ms after which the child is stopped as timed out. */
  deadline: number | undefined;
  killGraceMs: number;
  /** Aborted when the scheduler stops. */
  stop: AbortSignal;
  stopGraceMs: number;
}

export interface ChildExit {
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The last lines of stderr. */
  stderrTail: string;
  /** Why the scheduler stopped it, if it did. */
  stoppedFor: 'timeout' | 'stop' | undefined;
  /** It did not end within the grace period and was killed. */
  killed: boolean;
  /** It could not be started at all. */
  spawnError: Error | undefined;
}

const MAX_STDOUT = 16 * 1024 * 1024;
const STDERR_TAIL = 4096;

export async function runChild(spec: ChildSpec, watch: ChildWatch, onSpawn: (pid: number) => void): Promise<ChildExit> {
  // A process group of its own: a Ctrl-C at the scheduler's terminal reaches the scheduler only,
  // which forwards one SIGTERM (a second one would make `kanslist run` exit without finishing).
  const child = spawn(spec.command, spec.args, { cwd: spec.cwd, env: spec.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const exit: ChildExit = {
    pid: child.pid,
    code: null,
    signal: null,
    stdout: '',
    stderrTail: '',
    stoppedFor: undefined,
    killed: false,
    spawnError: undefined,
  };
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    if (exit.stdout.length < MAX_STDOUT) exit.stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    exit.stderrTail = (exit.stderrTail + chunk).slice(-STDERR_TAIL);
  });
  const ended = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      exit.spawnError = error;
      resolve();
    });
    child.once('close', (code, signal) => {
      exit.code = code;
      exit.signal = signal;
      resolve();
    });
  });
  if (child.pid !== undefined) onSpawn(child.pid);

  // The watchdog: sleeps on the clock until the deadline or a stop, whichever comes first.
  const done = new AbortController();
  const stopOrDone = AbortSignal.any([done.signal, watch.stop]);
  const watchdog = (async () => {
    if (watch.deadline !== undefined) await watch.clock.sleepUntil(watch.deadline, stopOrDone);
    else await untilAborted(stopOrDone);
    if (done.signal.aborted) return;
    exit.stoppedFor = watch.stop.aborted ? 'stop' : 'timeout';
    child.kill('SIGTERM');
    const grace = exit.stoppedFor === 'stop' ? watch.stopGraceMs : watch.killGraceMs;
    await watch.clock.sleepUntil(watch.clock.now() + grace, done.signal);
    if (done.signal.aborted) return;
    exit.killed = true;
    child.kill('SIGKILL');
  })();
  await ended;
  done.abort();
  await watchdog;
  return exit;
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
