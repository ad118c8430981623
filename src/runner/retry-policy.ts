/**
 * The one place that decides what becomes of an item after an exception: to a clerk, retried after
 * a pause, failed, given back uncharged, or the run stops. The worker and the settling of
 * uncertain items both ask it; the store only carries the decision out.
 */
import { FatalBotError, isBusinessError, SessionExpiredError } from '../errors.ts';
import { backoffDelayMs, type Backoff } from '../util/backoff.ts';
import type { AnyBot } from './bot.ts';
import { RUNNER_DEFAULTS } from './defaults.ts';

/** A bot's retry settings with every default filled in. */
export interface RetryPolicy {
  /** Attempts given to items this bot enqueues (an enqueued item keeps the limit it was given). */
  maxAttempts: number;
  backoff: Backoff;
}

/** What the error says about whose fault it is. */
export type ErrorKind = 'business' | 'fatal' | 'session-expired' | 'system';

export type RetryDecision =
  /** The item itself is wrong (a BusinessRuleError): a clerk decides; never retried. */
  | { action: 'review' }
  /** A system exception with attempts left: pending again after `delayMs`. */
  | { action: 'retry'; delayMs: number }
  /** A system exception on the item's last attempt. */
  | { action: 'fail' }
  /** The system itself is down: the item goes back uncharged while the run probes the system. */
  | { action: 'release' }
  /** Not the item's fault and not the system's (a refused login, a bug in the bot): the run stops, the item goes back uncharged. */
  | { action: 'stop' };

export interface RetryQuestion {
  error: unknown;
  /** The attempt that just failed, 1-based. */
  attempt: number;
  /** The item's own limit, fixed when it was enqueued. */
  maxAttempts: number;
  /** The run's breaker judged the system to be down after this failure. @default false */
  systemDown?: boolean;
  /** For the jitter: a number in [0, 1). @default Math.random */
  random?: () => number;
}

export function errorKind(error: unknown): ErrorKind {
  if (isBusinessError(error)) return 'business';
  if (error instanceof FatalBotError) return 'fatal';
  if (error instanceof SessionExpiredError) return 'session-expired';
  // Timeouts, 500 pages, busy pages, and errors Kanslist does not know: the system misbehaved.
  return 'system';
}

export function decideRetry(question: RetryQuestion, backoff: Backoff): RetryDecision {
  const kind = errorKind(question.error);
  if (kind === 'business') return { action: 'review' };
  if (kind === 'fatal') return { action: 'stop' };
  if (question.systemDown) return { action: 'release' };
  if (question.attempt >= question.maxAttempts) return { action: 'fail' };
  // An expired session is cured by the fresh login the retry starts with: no reason to wait.
  const delayMs = kind === 'session-expired' ? 0 : backoffDelayMs(question.attempt, backoff, question.random);
  return { action: 'retry', delayMs };
}

/** The bot's `retry` (or its older `maxAttempts`) with the runner's defaults filled in. */
export function retryPolicyOf(bot: Pick<AnyBot, 'retry' | 'maxAttempts'>): RetryPolicy {
  return {
    maxAttempts: bot.retry?.maxAttempts ?? bot.maxAttempts ?? RUNNER_DEFAULTS.maxAttempts,
    backoff: {
      baseMs: bot.retry?.backoff?.baseMs ?? RUNNER_DEFAULTS.backoff.baseMs,
      maxMs: bot.retry?.backoff?.maxMs ?? RUNNER_DEFAULTS.backoff.maxMs,
    },
  };
}
