/**
 * The pause before the next delivery attempt: exponential, with equal jitter (src/util/backoff.ts)
 * so that many processes whose alerts failed at the same moment do not retry in lockstep against
 * a webhook that is coming back up.
 */
import { backoffDelayMs } from '../util/backoff.ts';

/** Pauses never grow beyond this, however many attempts are configured. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * For the attempt that just failed (1-based): between half and all of base·2^(attempt−1).
 * @param random a number in [0, 1) @default Math.random
 */
export function backoffDelay(attempt: number, baseMs: number, random: () => number = Math.random): number {
  return backoffDelayMs(attempt, { baseMs, maxMs: MAX_BACKOFF_MS }, random);
}
