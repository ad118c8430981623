/**
 * The pause before the next delivery attempt: exponential, with jitter so that many processes
 * whose alerts failed at the same moment do not retry in lockstep against a webhook that is
 * coming back up.
 */

/** Pauses never grow beyond this, however many attempts are configured. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * For the attempt that just failed (1-based): between half and all of base·2^(attempt−1).
 * @param random a number in [0, 1) @default Math.random
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
