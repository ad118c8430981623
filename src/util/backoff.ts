/**
 * Exponential backoff with equal jitter: the pause is half fixed, half random. The fixed half
 * keeps a retry from coming back at once; the random half keeps many processes that failed at
 * the same moment (workers against a busy system, alerts against a webhook coming back up,
 * schedulers waiting for a locked file) from retrying in step.
 */
export interface Backoff {
  /** The ceiling after the first failed attempt; doubled after each further one. */
  baseMs: number;
  /** The ceiling never grows beyond this. */
  maxMs: number;
}

/**
 * The pause after attempt `attempt` (1-based) failed: between half and all of
 * min(maxMs, baseMs·2^(attempt−1)), in whole milliseconds.
 * @param random a number in [0, 1) @default Math.random
 */
export function backoffDelayMs(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
