/**
 * Kanslist's own page checks (probes, counts, the waits around an action) as Playwright calls
 * whose call-site stack is captured without source maps.
 *
 * Why: Playwright captures the caller's stack (up to 50 frames) synchronously at the start of every
 * API call, for its logs, traces and error messages. TypeScript bots are loaded with source maps
 * enabled, and then Node maps every frame of every capture: measured here at 5–10× the capture
 * itself (about 0.2–0.4 ms per call), and Kanslist makes several checks per action. The frames of
 * these checks are Kanslist's internals, never what a bot author needs in a trace or an error (the
 * bot's own actions keep mapped stacks), so maps are switched off for the synchronous start of the
 * call only and switched back before any other code runs.
 */
export function internalCall<T>(call: () => Promise<T>): Promise<T> {
  if (!process.sourceMapsEnabled) return call();
  process.setSourceMapsEnabled(false);
  try {
    return call();
  } finally {
    process.setSourceMapsEnabled(true);
  }
}
