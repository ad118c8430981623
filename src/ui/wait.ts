/** Small helpers for bounded waits and readable error text. */

export { withTimeout } from '../util/with-timeout.ts';

/** Whether Playwright gave up waiting (its TimeoutError), rather than failing for another reason. */
export function isPlaywrightTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

/** The first line of an error message (Playwright appends long call logs). */
export function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
