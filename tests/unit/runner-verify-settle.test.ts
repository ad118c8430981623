/**
 * A `verify` that throws while uncertain items are settled is treated like any exception of
 * `process`: a system exception charges an attempt and sends the item back to pending (verified
 * again before it runs), a business exception sends it to review, a fatal bot error leaves it
 * uncertain and uncharged; with no attempt left, a clerk decides. No browser: the session is a
 * stand-in, since verify here never touches the page.
 */
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { BusinessRuleError, FatalBotError, TransientUiError } from '../../src/errors.ts';
import type { AnyBot } from '../../src/runner/bot.ts';
import type { Session } from '../../src/runner/session.ts';
import { settleUncertain } from '../../src/runner/uncertain.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const BOT = 'verify-settle';
const dir = useTempDir('kanslist-verify-settle-');
let store: Store | undefined;
afterEach(async () => store?.close());

/** What verify answers per item key. */
const ANSWERS: Record<string, () => never> = {
  'SLOW-1': () => {
    throw new TransientUiError('KANSLIST_WAIT_TIMEOUT', 'The case list did not show within 15000 ms');
  },
  'LAST-1': () => {
    throw new TransientUiError('KANSLIST_HTTP_ERROR', 'CaseHub answered with HTTP 500');
  },
  'BAD-1': () => {
    throw new BusinessRuleError('CASE_REF_INVALID', 'The reference has no valid form');
  },
  'LOGIN-1': () => {
    throw new FatalBotError('CASEHUB_LOGIN_REFUSED', 'CaseHub refused the robot account');
  },
};

it('settles a throwing verify like a system or business exception, never running the item unasked', async () => {
  store = await openStore(`sqlite:${join(dir(), 'kanslist.db')}`);
  const enqueue = (keys: string[], maxAttempts: number) =>
    store!.queue.enqueue(
      BOT,
      keys.map((key) => ({ key, payload: { key } })),
      { runId: 'r0', maxAttempts },
    );
  await enqueue(['SLOW-1', 'BAD-1'], 3);
  await enqueue(['LAST-1'], 2);
  await enqueue(['LOGIN-1', 'AFTER-1'], 3);
  const now = Date.now();
  for (let i = 0; i < 5; i++) await store.queue.claim(BOT, { runId: 'r0', workerId: 'w', leaseMs: 10, now });
  const uncertain = await store.queue.expireLeases(BOT, now + 1_000);
  expect(uncertain.map((item) => item.key)).toEqual(['SLOW-1', 'BAD-1', 'LAST-1', 'LOGIN-1', 'AFTER-1']);
  const asked: string[] = [];

  let sessions = 0;
  let closed = 0;
  const bot = {
    name: BOT,
    system: { name: 'casehub' },
    input: {},
    verify: (payload: { key: string }) => {
      asked.push(payload.key);
      return Promise.resolve().then(() => ANSWERS[payload.key]!());
    },
  } as unknown as AnyBot;
  const trail = await openAuditTrail(store, { runId: 'r1', bot: BOT, botVersion: 'v', host: 'test' });
  const result = await settleUncertain({
    store,
    bot,
    runId: 'r1',
    items: uncertain,
    openSession: () => {
      sessions++;
      return Promise.resolve({ ui: {}, page: {}, close: () => Promise.resolve(void closed++) } as unknown as Session);
    },
    credentials: { username: 'robot', password: 'x' },
    settings: {} as never,
    baseUrl: 'http://127.0.0.1:1',
    trail,
    log: createLogger({ console: false }),
    varDir: dir(),
    signal: new AbortController().signal,
  });
  await trail.close();

  expect(result).toEqual({ verifiedDone: 0, requeued: 0, toReview: 2, retried: 1, stillUncertain: 2 });
  // After a fatal error the rest is not tried: it would fail the same way (a refused login).
  expect(asked).toEqual(['SLOW-1', 'BAD-1', 'LAST-1', 'LOGIN-1']);
  const byKey = Object.fromEntries((await store.queue.list({ bot: BOT })).map((item) => [item.key, item]));
  // A system exception: one attempt charged, pending after a backoff, the code kept.
  expect(byKey['SLOW-1']).toMatchObject({ status: 'pending', attempts: 2, errorCode: 'KANSLIST_WAIT_TIMEOUT' });
  expect(byKey['SLOW-1']!.availableAt).toBeGreaterThan(now);
  expect(byKey['SLOW-1']!.reason).toContain('verified again before it is run');
  // Its last attempt used up: a clerk decides (failing it could invite a run that repeats the effect).
  expect(byKey['LAST-1']).toMatchObject({ status: 'review', attempts: 2, errorCode: 'KANSLIST_HTTP_ERROR' });
  // A business exception: to review, uncharged.
  expect(byKey['BAD-1']).toMatchObject({ status: 'review', attempts: 1, errorCode: 'CASE_REF_INVALID' });
  // A fatal bot error is not the item's: it stays uncertain for the next run, uncharged.
  expect(byKey['LOGIN-1']).toMatchObject({ status: 'uncertain', attempts: 1 });
  expect(byKey['AFTER-1']).toMatchObject({ status: 'uncertain', attempts: 1 });
  // Every failure throws the session away, as a system exception in a worker does.
  expect(closed).toBe(sessions);

  const transitions = (await store.audit.records('r1'))
    .filter((r) => r.kind === 'item.transition')
    .map((r) => JSON.parse(r.data) as Record<string, unknown>);
  expect(transitions).toContainEqual(
    expect.objectContaining({ from: 'uncertain', to: 'pending', code: 'KANSLIST_WAIT_TIMEOUT', attempt: 2 }),
  );
});
