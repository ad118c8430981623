/**
 * What a run uses when neither the bot, the command line nor the caller of `runBot` says
 * otherwise. Kept in one place so that the documented defaults and the used ones cannot drift.
 */
import type { Backoff } from '../util/backoff.ts';
import type { TraceMode } from './session.ts';

export const RUNNER_DEFAULTS = Object.freeze({
  /** Attempts per item for system exceptions; fixed on the item when it is enqueued. @default 3 */
  maxAttempts: 3,
  /** The pause before a retry: equal jitter under a ceiling that doubles per attempt. @default { baseMs: 500, maxMs: 30000 } */
  backoff: Object.freeze<Backoff>({ baseMs: 500, maxMs: 30_000 }),
  /** Lease on a claimed item; a dead runner's items become uncertain after it. @default 30000 */
  leaseMs: 30_000,
  /** Longest time one item may take before it counts as a system exception. @default 120000 */
  itemTimeoutMs: 120_000,
  /** Longest time one run may take; then it stops claiming and ends. @default 3600000 */
  maxRunMs: 3_600_000,
  /** Playwright traces per item. @default 'on-first-retry' */
  trace: 'on-first-retry' satisfies TraceMode,
});
