/**
 * Settling uncertain items uses the bot's own retry backoff, and the ctx its verify gets is the
 * worker's: `ctx.evidence.capture` keeps evidence in the item's folder. No browser: the session
 * is a stand-in and the evidence keeper records what it is asked to capture.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { openAuditTrail } from '../../src/audit/trail.ts';
import { TransientUiError } from '../../src/errors.ts';
import type { AnyBot, AnySystem, BotContext } from '../../src/runner/bot.ts';
import { EvidenceKeeper, itemEvidenceDir } from '../../src/runner/evidence.ts';
import type { Session } from '../../src/runner/session.ts';
import { settleUncertain } from '../../src/runner/uncertain.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const BOT = 'settle-retry';
const dir = useTempDir('kanslist-settle-retry-');
let store: Store | undefined;
afterEach(async () => store?.close());

/** Records each capture instead of screenshotting a page. */
class RecordingKeeper extends EvidenceKeeper {
  readonly captured: Array<{ dir: string; signature: string }> = [];
  override capture(_page: Page, _system: AnySystem, dir: string, signature: string): Promise<string | undefined> {
    this.captured.push({ dir, signature });
    return Promise.resolve(join(dir, signature));
  }
}

it("retries a failed verify after the bot's backoff, and keeps the evidence verify captured", async () => {
  store = await openStore(`sqlite:${join(dir(), 'kanslist.db')}`);
  await store.queue.enqueue(BOT, [{ key: 'SLOW-1', payload: { key: 'SLOW-1' } }], { runId: 'r0', maxAttempts: 3 });
  const now = Date.now();
  await store.queue.claim(BOT, { runId: 'r0', workerId: 'w', leaseMs: 10, now });
  const uncertain = await store.queue.expireLeases(BOT, now + 1_000);

  const bot = {
    name: BOT,
    system: { name: 'casehub' },
    input: {},
    // A backoff no default would give: at least half of 60 s before the item is tried again.
    retry: { backoff: { baseMs: 60_000, maxMs: 60_000 } },
    verify: async (_payload: unknown, ctx: BotContext) => {
      await ctx.evidence.capture('case-list');
      throw new TransientUiError('KANSLIST_WAIT_TIMEOUT', 'The case list did not show within 15000 ms');
    },
  } as unknown as AnyBot;
  const evidence = new RecordingKeeper();
  const trail = await openAuditTrail(store, { runId: 'r1', bot: BOT, botVersion: 'v', host: 'test' });
  const before = Date.now();
  const result = await settleUncertain({
    store,
    bot,
    runId: 'r1',
    items: uncertain,
    evidence,
    openSession: () => Promise.resolve({ ui: {}, page: {}, close: () => Promise.resolve() } as unknown as Session),
    credentials: { username: 'robot', password: 'x' },
    settings: { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm', language: 'sv' },
    baseUrl: 'http://127.0.0.1:1',
    trail,
    log: createLogger({ console: false }),
    varDir: dir(),
    signal: new AbortController().signal,
  });
  await trail.close();

  expect(result).toMatchObject({ retried: 1 });
  const item = (await store.queue.get(uncertain[0]!.id))!;
  expect(item).toMatchObject({ status: 'pending', attempts: 2 });
  expect(item.availableAt).toBeGreaterThanOrEqual(before + 30_000);
  expect(evidence.captured).toEqual([{ dir: itemEvidenceDir(dir(), 'r1', item.id), signature: 'case-list' }]);
});
