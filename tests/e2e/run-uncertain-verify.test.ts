/**
 * Promise 1: an item whose runner died mid-item is *uncertain*, never simply run again. The bot's
 * verify() asks CaseHub first: an item whose case exists ends done without a second registration,
 * one whose case is absent is run again, once. Without verify() a clerk decides.
 */
import { randomBytes } from 'node:crypto';
import { hostname, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { AnyBot } from '../../src/runner/bot.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openAuditTrail, verifyRun } from '../../src/audit/trail.ts';
import { settleUncertain } from '../../src/runner/uncertain.ts';
import { openStore, type Store, type WorkItem } from '../../src/store/index.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';
import { cliJson, runCli } from '../helpers/cli.ts';
import { storeDb } from '../helpers/store-internals.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

/** A pid far above Linux's default pid_max (2^22): no live process has it. */
const DEAD_PID = 2 ** 22 + 12345;

/** A run record as a runner on this machine leaves it when its process is killed: still 'running'. */
async function deadRun(store: Store, bot: string): Promise<string> {
  const run = await store.runs.create({ bot, botVersion: 'dead', trigger: 'cli', host: hostname(), pid: DEAD_PID });
  return run.id;
}

const PG_URL = process.env.KANSLIST_TEST_PG_URL ?? '';

/** The store the run uses: a fresh SQLite file (the harness's default) or a fresh PostgreSQL schema. */
const ENGINES = [
  { engine: 'sqlite', skip: false, storeUrl: () => undefined },
  {
    engine: 'postgres',
    skip: PG_URL === '',
    storeUrl: () => `${PG_URL}${PG_URL.includes('?') ? '&' : '?'}schema=e2e_uncertain_${randomBytes(6).toString('hex')}`,
  },
] as const;

for (const { engine, skip, storeUrl } of ENGINES) {
  describe.skipIf(skip)(
    `run (${engine}${skip ? ': set KANSLIST_TEST_PG_URL to run' : ''}): uncertain items after a runner died mid-item are verified in CaseHub`,
    () => {
      let h: Harness;
      let second: RunSummary;
      let keyA: string; // registered in CaseHub before the runner "died"
      let keyB: string; // claimed by the dead runner, never registered
      let keyC: string; // never claimed

      beforeAll(async () => {
        const url = storeUrl();
        h = await createHarness({ count: 3, errorShare: 0, seed: 13, ...(url ? { storeUrl: url } : {}) });
        // 1. A first run registers one application, then is stopped: the others stay pending.
        const stop = new AbortController();
        await h.run({ concurrency: 1, signal: stop.signal, onOutcome: () => stop.abort() });
        expect(h.hub.cases()).toHaveLength(1);

        // 2. Make it look as if a runner on this host had died with A and B in progress.
        const store = await openStore(h.storeUrl);
        try {
          const deadRunId = await deadRun(store, BOT);
          const [done] = await store.queue.list({ bot: BOT, status: 'done' });
          keyA = done!.key;
          // A: its effect exists in CaseHub, but the runner died before recording 'done'.
          await storeDb(store)
            .updateTable('work_items')
            .set({
              status: 'running',
              lease_owner: 'dead-worker',
              lease_expires_at: Date.now() + 3_600_000,
              last_run_id: deadRunId,
              output: null,
            })
            .where('id', '=', done!.id)
            .execute();
          // B: claimed by the dead runner (with a long lease: recovery must not wait for it to expire).
          const claimed = await store.queue.claim(BOT, { runId: deadRunId, workerId: 'dead-worker', leaseMs: 3_600_000 });
          keyB = claimed!.key;
          keyC = h.input.applications.map((a) => a.applicationId).find((k) => k !== keyA && k !== keyB)!;
        } finally {
          await store.close();
        }
        // 3. The next run recovers, settles and finishes.
        second = await h.run({ concurrency: 1 });
      }, RUN_HOOK_TIMEOUT_MS);
      afterAll(async () => {
        if (h && engine === 'postgres') await dropSchema(h.storeUrl);
        await h?.close();
      });

      it('verifies the item whose case exists as done, without registering it again', () => {
        expect(h.hub.countsByExternalRef()[keyA]).toBe(1);
        expect(second.settle).toEqual({ verifiedDone: 1, requeued: 1, toReview: 0, retried: 0, stillUncertain: 0 });
      });

      it('runs the item whose case is absent again, registering it exactly once', () => {
        const counts = h.hub.countsByExternalRef();
        expect(counts[keyB]).toBe(1);
        expect(counts[keyC]).toBe(1);
        expect(h.hub.cases()).toHaveLength(3);
        expect(second.outcomes).toMatchObject({ done: 2, retry: 0, failed: 0 });
        expect(second.allDone).toBe(true);
      });

      it('kanslist items <run> lists the item the run only settled by verify, marked as settled', async () => {
        const items = await cliJson<(WorkItem & { settledByVerify?: true })[]>(['items', second.runId], { env: cliEnv(h) });
        const byKey = Object.fromEntries(items.map((i) => [i.key, i]));
        expect(byKey[keyA]).toMatchObject({ status: 'done', settledByVerify: true });
        // B was verified absent and then run by this run: an attempt of its own, not only settled.
        expect(byKey[keyB]).toMatchObject({ status: 'done' });
        expect(byKey[keyB]!.settledByVerify).toBeUndefined();
        const table = await runCli(['items', second.runId.slice(0, 8)], { env: cliEnv(h) });
        expect(table.code, table.stderr).toBe(0);
        expect(table.stdout.split('\n').find((line) => line.includes(keyA))).toContain('by verify');
      }, 60_000);

      it('ends with every item done, holding CaseHub’s case number, and the dead run marked crashed', async () => {
        const caseNumbers = new Map(h.hub.cases().map((c) => [c.externalRef, c.caseNumber]));
        const store = await openStore(h.storeUrl);
        try {
          const items = await store.queue.list({ bot: BOT });
          expect(items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
          for (const item of items) expect((item.output as { caseNumber: string }).caseNumber, item.key).toBe(caseNumbers.get(item.key));
          const runs = await store.runs.list({ bot: BOT });
          expect(runs.find((r) => r.pid === DEAD_PID)?.status).toBe('crashed');
          expect(runs.some((r) => r.status === 'running')).toBe(false);
        } finally {
          await store.close();
        }
      });
    },
  );
}

async function dropSchema(storeUrl: string): Promise<void> {
  const schema = new URL(storeUrl).searchParams.get('schema')!;
  const store = await openStore(storeUrl);
  try {
    await sql`drop schema if exists ${sql.id(schema)} cascade`.execute(storeDb(store));
  } finally {
    await store.close();
  }
}

describe('settleUncertain: a bot without verify() sends uncertain items to review', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kanslist-uncertain-'));
    store = await openStore(`sqlite:${join(dir, 'kanslist.db')}`);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never runs the item again and tells the clerk why', async () => {
    const bot = 'no-verify-bot';
    const enqueueRun = await store.runs.create({ bot, botVersion: '1', trigger: 'cli', host: hostname(), pid: process.pid });
    await store.queue.enqueue(bot, [{ key: 'K-1', payload: { n: 1 } }], { runId: enqueueRun.id, maxAttempts: 3 });
    const deadRunId = await deadRun(store, bot);
    await store.queue.claim(bot, { runId: deadRunId, workerId: 'dead-worker', leaseMs: 3_600_000 });
    const uncertain = await store.queue.abandonRun(deadRunId);
    expect(uncertain.map((i) => i.status)).toEqual(['uncertain']);

    const stubBot = { name: bot, process: () => Promise.reject(new Error('process() must not run')) } as unknown as AnyBot;
    const trail = await openAuditTrail(store, { bot, botVersion: '1', host: hostname(), runId: enqueueRun.id });
    const result = await settleUncertain({
      trail,
      store,
      bot: stubBot,
      runId: enqueueRun.id,
      items: uncertain,
      varDir: join(tmpdir(), 'kanslist-unused-var'),
      baseUrl: 'http://127.0.0.1:9/',
      openSession: () => Promise.reject(new Error('no session is needed without verify()')),
      credentials: { username: 'robot', password: 'unused' },
      settings: { organisation: 'Exempel kommun', timeZone: 'Europe/Stockholm', language: 'sv' },
      log: createLogger({ console: false }),
      signal: new AbortController().signal,
    });

    await trail.close();
    expect(result).toEqual({ verifiedDone: 0, requeued: 0, toReview: 1, retried: 0, stillUncertain: 0 });
    // The settlement is on the audit trail, and the chain verifies.
    const records = await store.audit.records(enqueueRun.id);
    expect(records.map((r) => JSON.parse(r.data) as unknown)).toContainEqual(expect.objectContaining({ from: 'uncertain', to: 'review' }));
    expect(await verifyRun(store, enqueueRun.id)).toMatchObject({ ok: true });
    const item = await store.queue.get(uncertain[0]!.id);
    expect(item?.status).toBe('review');
    expect(item?.attempts).toBe(1);
    expect(item?.reason).toMatch(/verify/);
  });
});
