/**
 * Pausing Playwright tracing while a secret is on screen (promise 4).
 *
 * Playwright has no pause: the trace is cut into chunks instead. `pause()` closes the current
 * chunk into a file, `resume()` starts the next one, so what happens in between is in no chunk.
 * Tracing must have been started on the context (`context.tracing.start(...)`) by the runner.
 *
 * What a pause can and cannot hide (checked in tests/integration/ui-tracing.test.ts):
 * - it hides the keystrokes and the snapshots taken while paused;
 * - the next action's DOM snapshot still records input values (`__playwright_value_`), so keep
 *   the pause until the secret is off the screen (`withTracingPaused` around the whole step);
 * - it can NOT hide a submitted form's body: Playwright shares the context's network log across
 *   chunks by design (microsoft/playwright#30591). So the runner must log in BEFORE
 *   `context.tracing.start()`; the per-fill pause in ctx.ui is a second line of defence.
 * Pauses nest: only the outermost pause/resume cuts a chunk.
 */
import type { BrowserContext } from 'playwright-core';
import type { TracingPause } from './ui.ts';

export function chunkedTracing(context: BrowserContext, nextChunkPath: () => string): TracingPause {
  let depth = 0;
  let cut = false; // whether the outermost pause really closed a chunk (tracing may not be started yet)
  return {
    async pause() {
      if (depth++ > 0) return;
      try {
        await context.tracing.stopChunk({ path: nextChunkPath() });
        cut = true;
      } catch (error) {
        // Not tracing (e.g. the login, which runs before tracing starts): nothing to pause.
        // Any other failure is thrown, so a secret is never typed while tracing may be recording.
        if (!(error instanceof Error && /must start tracing/i.test(error.message))) {
          depth--;
          throw error;
        }
        cut = false;
      }
    },
    async resume() {
      if (depth === 0 || --depth > 0 || !cut) return;
      cut = false;
      await context.tracing.startChunk();
    },
  };
}

/** Run `work` with tracing paused (e.g. the system's login); resumes even if it throws. */
export async function withTracingPaused<T>(tracing: TracingPause | undefined, work: () => Promise<T>): Promise<T> {
  await tracing?.pause();
  try {
    return await work();
  } finally {
    await tracing?.resume();
  }
}
