/**
 * What becomes of an uncertain item when its `verify` throws while it is being settled: the
 * retry policy's decision (retry-policy.ts), except that nothing is ever run without asking first.
 *   - a business exception (the item itself is wrong): a clerk decides, as before
 *   - a fatal bot error (a refused login, a bug in the bot): not the item's fault; it (and the
 *     items not yet asked, which would fail the same way) stays uncertain, uncharged, and is
 *     settled at the next run
 *   - a system exception (a timeout, a 500 page, an expired session): one attempt is charged and
 *     the item goes back to pending after the policy's backoff; the worker that claims it asks
 *     `verify` again before `process` (an item with earlier attempts is always verified first).
 *     With no attempt left, a clerk decides: failing it would invite a retry that might repeat
 *     the effect.
 */
import { errorCode, errorReason } from '../errors.ts';
import { redact } from '../redact/redact.ts';
import type { ResolveUncertainDetails, WorkItem } from '../store/index.ts';
import type { Backoff } from '../util/backoff.ts';
import { decideRetry } from './retry-policy.ts';

export type VerifyFailure =
  { to: 'review' | 'pending'; details: ResolveUncertainDetails & { reason: string } } | { to: 'uncertain'; reason: string };

export function verifyFailure(item: Pick<WorkItem, 'attempts' | 'maxAttempts'>, error: unknown, backoff: Backoff): VerifyFailure {
  const code = errorCode(error);
  const why = redact(errorReason(error));
  // The settling counts as the item's next attempt.
  const attempt = item.attempts + 1;
  const decision = decideRetry({ error, attempt, maxAttempts: item.maxAttempts }, backoff);
  switch (decision.action) {
    case 'review':
      return { to: 'review', details: { code, reason: `Verification after an interrupted run failed: ${why}` } };
    case 'stop':
    case 'release':
      return { to: 'uncertain', reason: `verification could not run (${code}): ${why}` };
    case 'fail':
      return {
        to: 'review',
        details: {
          code,
          chargeAttempt: true,
          reason: `Verification after an interrupted run failed ${attempt} of ${item.maxAttempts} attempts (${code}): ${why}; check in the system whether it was done.`,
        },
      };
    case 'retry':
      return {
        to: 'pending',
        details: {
          code,
          chargeAttempt: true,
          retryDelayMs: decision.delayMs,
          reason: `Verification after an interrupted run failed (attempt ${attempt} of ${item.maxAttempts}, ${code}): ${why}; verified again before it is run`,
        },
      };
  }
}
