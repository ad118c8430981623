/**
 * What becomes of an uncertain item when its `verify` throws while it is being settled: the same
 * as for any exception of `process`, except that nothing is ever run without asking first.
 *   - a business exception (the item itself is wrong): a clerk decides, as before
 *   - a fatal bot error (a refused login, a bug in the bot): not the item's fault; it (and the
 *     items not yet asked, which would fail the same way) stays uncertain, uncharged, and is
 *     settled at the next run
 *   - a system exception (a timeout, a 500 page, an expired session): one attempt is charged and
 *     the item goes back to pending after a backoff; the worker that claims it asks `verify`
 *     again before `process` (an item with earlier attempts is always verified first). With no
 *     attempt left, a clerk decides: failing it would invite a retry that might repeat the effect.
 */
import { errorCode, errorReason, FatalBotError, isBusinessError } from '../errors.ts';
import { redact } from '../audit/redact.ts';
import type { ResolveUncertainDetails, WorkItem } from '../store/index.ts';
import { retryDelayMs } from './backoff.ts';

export type VerifyFailure =
  | { to: 'review' | 'pending'; details: ResolveUncertainDetails & { reason: string } }
  | { to: 'uncertain'; reason: string };

export function verifyFailure(item: Pick<WorkItem, 'attempts' | 'maxAttempts'>, error: unknown): VerifyFailure {
  const code = errorCode(error);
  const why = redact(errorReason(error));
  if (isBusinessError(error)) return { to: 'review', details: { code, reason: `Verification after an interrupted run failed: ${why}` } };
  if (error instanceof FatalBotError) return { to: 'uncertain', reason: `verification could not run (${code}): ${why}` };
  const attempt = item.attempts + 1;
  if (attempt >= item.maxAttempts) {
    return { to: 'review', details: { code, chargeAttempt: true, reason: `Verification after an interrupted run failed ${attempt} of ${item.maxAttempts} attempts (${code}): ${why}; check in the system whether it was done.` } };
  }
  return {
    to: 'pending',
    details: { code, chargeAttempt: true, retryDelayMs: retryDelayMs(attempt), reason: `Verification after an interrupted run failed (attempt ${attempt} of ${item.maxAttempts}, ${code}): ${why}; verified again before it is run` },
  };
}
