import { describe, expect, it } from 'vitest';
import { demoExitCode, runExitCode } from '../../src/cli/run-exit-code.ts';
import type { RunSummary } from '../../src/runner/summary.ts';

type Outcome = Pick<RunSummary, 'status' | 'allDone' | 'outcomes'>;
const outcomes = (failed = 0, lost = 0): RunSummary['outcomes'] => ({
  done: 3,
  verified: 0,
  review: 1,
  retry: 0,
  failed,
  lost,
  released: 0,
});

describe('exit codes of the commands that run a bot', () => {
  it.each([
    ['all done', { status: 'finished', allDone: true, outcomes: outcomes() }, 0, 0],
    ['some items to review', { status: 'finished', allDone: false, outcomes: outcomes() }, 1, 0],
    ['items failed after their attempts', { status: 'finished', allDone: false, outcomes: outcomes(2) }, 3, 3],
    ['a fatal error stopped the run', { status: 'failed', allDone: false, outcomes: outcomes() }, 3, 3],
    ['the system was down', { status: 'system-unavailable', allDone: false, outcomes: outcomes() }, 4, 4],
    ['stopped with Ctrl-C', { status: 'interrupted', allDone: false, outcomes: outcomes() }, 5, 5],
    ['its maximum duration', { status: 'timed-out', allDone: false, outcomes: outcomes() }, 5, 5],
  ] as [string, Outcome, number, number][])('%s: run exits %i, the demo %i', (_name, summary, run, demo) => {
    expect(runExitCode(summary)).toBe(run);
    expect(demoExitCode(summary)).toBe(demo);
  });
});
