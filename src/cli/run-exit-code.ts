/** The exit code of a command that ran a bot, worst first (documented in `kanslist --help`). */
import type { RunSummary } from '../runner/summary.ts';
import { EXIT_FAILURES, EXIT_INTERRUPTED, EXIT_NOT_ALL_DONE, EXIT_OK, EXIT_SYSTEM_UNAVAILABLE } from './exit-codes.ts';

type Outcome = Pick<RunSummary, 'status' | 'allDone' | 'outcomes'>;

/** `kanslist run`: what a script or a scheduler needs to tell apart. */
export function runExitCode(summary: Outcome): number {
  if (summary.status === 'system-unavailable') return EXIT_SYSTEM_UNAVAILABLE;
  if (summary.status === 'failed' || summary.outcomes.failed + summary.outcomes.lost > 0) return EXIT_FAILURES;
  if (summary.status === 'interrupted' || summary.status === 'timed-out') return EXIT_INTERRUPTED;
  return summary.allDone ? EXIT_OK : EXIT_NOT_ALL_DONE;
}

/**
 * `kanslist demo`: as `run`, except that items sent to review are the demo's point (its export
 * holds applications with business errors on purpose), so they do not make it exit 1. A demo
 * stopped with Ctrl-C says so with 5, as `run` does, instead of looking like a finished one.
 */
export function demoExitCode(summary: Outcome): number {
  const code = runExitCode(summary);
  return code === EXIT_NOT_ALL_DONE ? EXIT_OK : code;
}
