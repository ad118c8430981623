/**
 * The retry policy as a table: error kind × attempt × policy → decision. No browser, no store:
 * the policy is a pure function; the worker and the settling of uncertain items only carry it out.
 */
import { describe, expect, it } from 'vitest';
import {
  BusinessRuleError,
  FatalBotError,
  PasswordRefusedError,
  SessionExpiredError,
  TargetNotFoundError,
  TransientUiError,
} from '../../src/errors.ts';
import { defineBot } from '../../src/runner/bot.ts';
import { RUNNER_DEFAULTS } from '../../src/runner/defaults.ts';
import { decideRetry, errorKind, retryPolicyOf, type RetryDecision } from '../../src/runner/retry-policy.ts';
import { backoffDelayMs } from '../../src/util/backoff.ts';

const business = new BusinessRuleError('CASE_REF_INVALID', 'The reference has no valid form');
const transient = new TransientUiError('KANSLIST_HTTP_ERROR', 'CaseHub answered with HTTP 500');
const expired = new SessionExpiredError();
const fatal = new FatalBotError('KANSLIST_BOT_BUG', 'process() read a field the item does not have');
const timeout = Object.assign(new Error('locator.click: Timeout 15000ms exceeded'), { name: 'TimeoutError' });

const DEFAULT = RUNNER_DEFAULTS.backoff;
const SLOW = { baseMs: 10_000, maxMs: 15_000 };
const lowest = () => 0;

describe('runner: the retry policy', () => {
  const table: Array<[string, unknown, number, number, boolean, typeof DEFAULT, RetryDecision]> = [
    // what failed, error, attempt, maxAttempts, system down, backoff → decision
    ['business, first attempt', business, 1, 3, false, DEFAULT, { action: 'review' }],
    ['business, last attempt', business, 3, 3, false, DEFAULT, { action: 'review' }],
    ['business while the system is down', business, 1, 3, true, DEFAULT, { action: 'review' }],
    ['fatal', fatal, 1, 3, false, DEFAULT, { action: 'stop' }],
    ['refused password (fatal)', new PasswordRefusedError(), 3, 3, false, DEFAULT, { action: 'stop' }],
    ['fatal while the system is down', fatal, 1, 3, true, DEFAULT, { action: 'stop' }],
    ['transient, attempt 1 of 3', transient, 1, 3, false, DEFAULT, { action: 'retry', delayMs: 250 }],
    ['transient, attempt 2 of 3', transient, 2, 3, false, DEFAULT, { action: 'retry', delayMs: 500 }],
    ['transient, attempt 3 of 3', transient, 3, 3, false, DEFAULT, { action: 'fail' }],
    ['transient, only attempt', transient, 1, 1, false, DEFAULT, { action: 'fail' }],
    [
      'target not found (transient)',
      new TargetNotFoundError('KANSLIST_TARGET_NOT_FOUND', 'no save button'),
      1,
      2,
      false,
      DEFAULT,
      { action: 'retry', delayMs: 250 },
    ],
    ['unknown error counts as the system', new Error('socket hang up'), 1, 3, false, DEFAULT, { action: 'retry', delayMs: 250 }],
    ['Playwright timeout', timeout, 2, 5, false, DEFAULT, { action: 'retry', delayMs: 500 }],
    ["transient with the bot's slower backoff", transient, 1, 3, false, SLOW, { action: 'retry', delayMs: 5_000 }],
    ['slower backoff, capped', transient, 4, 9, false, SLOW, { action: 'retry', delayMs: 7_500 }],
    ['expired session: retried at once', expired, 1, 3, false, SLOW, { action: 'retry', delayMs: 0 }],
    ['expired session, last attempt', expired, 3, 3, false, DEFAULT, { action: 'fail' }],
    ['transient while the system is down', transient, 1, 3, true, DEFAULT, { action: 'release' }],
    ['transient on its last attempt while the system is down', transient, 3, 3, true, DEFAULT, { action: 'release' }],
  ];

  it.each(table)('%s', (_, error, attempt, maxAttempts, systemDown, backoff, expected) => {
    expect(decideRetry({ error, attempt, maxAttempts, systemDown, random: lowest }, backoff)).toEqual(expected);
  });

  it('names the kind of each error the way the worker treats it', () => {
    expect([business, fatal, expired, transient, timeout, 'a string'].map(errorKind)).toEqual([
      'business',
      'fatal',
      'session-expired',
      'system',
      'system',
      'system',
    ]);
  });

  it('waits between half and all of the ceiling (equal jitter), as before', () => {
    const highest = [1, 2, 3, 4, 8].map((n) => backoffDelayMs(n, DEFAULT, () => 0.999999));
    const least = [1, 2, 3, 4, 8].map((n) => backoffDelayMs(n, DEFAULT, lowest));
    expect(least).toEqual([250, 500, 1000, 2000, 15_000]);
    expect(highest).toEqual([500, 1000, 2000, 4000, 30_000]);
  });
});

describe("runner: a bot's retry settings", () => {
  const base = {
    name: 'retry-bot',
    title: 'Retry bot',
    system: { name: 'casehub' } as never,
    input: { kind: 'function' } as never,
    key: (item: { id: string }) => item.id,
    process: () => Promise.resolve(null),
    manualMinutes: 5,
    manualMinutesNote: 'stopwatch, 2025',
  };

  it('fills in the runner defaults when a bot says nothing', () => {
    expect(retryPolicyOf(defineBot(base))).toEqual({ maxAttempts: 3, backoff: { baseMs: 500, maxMs: 30_000 } });
  });

  it("takes the bot's own attempts and backoff, and the older top-level maxAttempts", () => {
    expect(retryPolicyOf(defineBot({ ...base, retry: { maxAttempts: 5, backoff: { baseMs: 2_000 } } }))).toEqual({
      maxAttempts: 5,
      backoff: { baseMs: 2_000, maxMs: 30_000 },
    });
    expect(retryPolicyOf(defineBot({ ...base, maxAttempts: 4 }))).toEqual({ maxAttempts: 4, backoff: { baseMs: 500, maxMs: 30_000 } });
  });

  it.each([
    [{ maxAttempts: 0 }, /retry\.maxAttempts: must be a positive whole number/],
    [{ backoff: { baseMs: 1.5 } }, /retry\.backoff\.baseMs: must be a positive whole number/],
    [{ backoff: { maxMs: -1 } }, /retry\.backoff\.maxMs: must be a positive whole number/],
    [{ backoff: { baseMs: 5_000, maxMs: 1_000 } }, /retry\.backoff\.maxMs: \(1000\) must not be less than retry\.backoff\.baseMs \(5000\)/],
    [{ backoff: 500 }, /retry\.backoff: must be an object/],
  ])('names the field that is wrong: %j', (retry, message) => {
    expect(() => defineBot({ ...base, retry: retry as never })).toThrow(message);
  });

  it('refuses two different attempt limits', () => {
    expect(() => defineBot({ ...base, maxAttempts: 2, retry: { maxAttempts: 5 } })).toThrow(
      /retry\.maxAttempts: says 5 and maxAttempts says 2/,
    );
  });
});
