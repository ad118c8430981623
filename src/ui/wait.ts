/** Small helpers for bounded waits and readable error text. */

export { withTimeout } from '../util/with-timeout.ts';

/** The first line of an error message (Playwright appends long call logs). */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
