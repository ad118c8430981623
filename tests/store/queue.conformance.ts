/**
 * One behaviour suite for every store engine (BullMQ/pg-boss style): SQLite and PostgreSQL
 * must both pass it. The per-engine runners (queue-sqlite.test.ts, queue-postgres.test.ts)
 * give it a way to open a fresh database and, for reopen/concurrency tests, another Store on
 * the same database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ItemStateError, LeaseLostError, type EnqueueInput, type Store } from '../../src/store/index.ts';
import { migrationProvider } from '../../src/store/migrations/index.ts';
import { storeDb } from '../helpers/store-internals.ts';

export type OpenStore = () => Promise<Store>;

const BOT = 'social-assistance';

function items(count: number, prefix = 'APP-'): EnqueueInput[] {
  return Array.from({ length: count }, (_, i) => ({
    key: `${prefix}${String(i + 1).padStart(5, '0')}`,
    payload: { n: i + 1 },
    source: `input.xlsx row ${i + 2}`,
  }));
}

/**
 * @param open a Store on a new, empty database (one per call)
 * @param reopen another Store on the database the last `open()` created
 */
export function defineQueueConformance(name: string, open: OpenStore, reopen?: OpenStore): void {
  describe(`store conformance: ${name}`, () => {
    const opened: Store[] = [];
    const track = async (store: Promise<Store>) => {
      const s = await store;
      opened.push(s);
      return s;
    };
    const fresh = () => track(open());
    const another = () => {
      if (reopen === undefined) throw new Error('this engine runner gives no reopen()');
      return track(reopen());
    };

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });

    async function withRun(store: Store) {
      return await store.runs.create({ bot: BOT, botVersion: '1.0.0', trigger: 'cli', host: 'test-host', pid: 4242 });
    }

    async function drain(store: Store, runId: string, workerId: string): Promise<string[]> {
      const done: string[] = [];
      for (;;) {
        const item = await store.queue.claim(BOT, { runId, workerId, leaseMs: 60_000 });
        if (item === undefined) return done;
        await store.queue.complete(item.id, workerId, { by: workerId });
        done.push(item.key);
      }
    }

    describe('enqueue', () => {
      it('is idempotent per key: done keys are skipped, queued keys not duplicated', async () => {
        const store = await fresh();
        const run = await withRun(store);
        const first = await store.queue.enqueue(BOT, items(3), { runId: run.id, maxAttempts: 3 });
        expect(first).toEqual({ added: 3, rejected: 0, skippedDone: 0, alreadyQueued: 0 });

        const claimed = await store.queue.claim(BOT, { runId: run.id, workerId: 'w1', leaseMs: 60_000 });
        await store.queue.complete(claimed!.id, 'w1', { caseId: 'C-1' });

        const again = await store.queue.enqueue(BOT, [...items(3), ...items(1, 'NEW-')], { runId: run.id, maxAttempts: 3 });
        expect(again).toEqual({ added: 1, rejected: 0, skippedDone: 1, alreadyQueued: 2 });
        const all = await store.queue.list({ bot: BOT });
        expect(all).toHaveLength(4);
        expect(new Set(all.map((i) => i.key)).size).toBe(4);
      });

      it('counts a key repeated within one batch once', async () => {
        const store = await fresh();
        const result = await store.queue.enqueue(
          BOT,
          [
            { key: 'K1', payload: 1 },
            { key: 'K1', payload: 2 },
          ],
          { runId: 'r', maxAttempts: 1 },
        );
        expect(result).toEqual({ added: 1, rejected: 0, skippedDone: 0, alreadyQueued: 1 });
        const [item] = await store.queue.list({ bot: BOT });
        expect(item?.payload).toBe(1);
      });

      it('keeps the same key of different bots apart', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(2), { runId: 'r', maxAttempts: 1 });
        const other = await store.queue.enqueue('invoices', items(2), { runId: 'r', maxAttempts: 1 });
        expect(other.added).toBe(2);
        expect((await store.queue.counts({ bot: 'invoices' })).pending).toBe(2);
      });

      it('stores rejected rows straight into review with their reason, never to be claimed', async () => {
        const store = await fresh();
        const result = await store.queue.enqueue(
          BOT,
          [
            {
              key: 'BAD-1',
              payload: { pnr: 'masked' },
              source: 'input.xlsx row 7',
              rejected: { code: 'INVALID_PERSONNUMMER', reason: 'Check digit is wrong' },
            },
            ...items(1),
          ],
          { runId: 'r', maxAttempts: 3 },
        );
        expect(result).toEqual({ added: 1, rejected: 1, skippedDone: 0, alreadyQueued: 0 });
        const [review] = await store.queue.list({ status: 'review' });
        expect(review).toMatchObject({
          key: 'BAD-1',
          errorCode: 'INVALID_PERSONNUMMER',
          reason: 'Check digit is wrong',
          source: 'input.xlsx row 7',
          attempts: 0,
        });
        const claimed = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        expect(claimed?.key).toBe('APP-00001');
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 })).toBeUndefined();
      });

      it('takes 10,000 items in one call, keeping payloads intact', async () => {
        const store = await fresh();
        const result = await store.queue.enqueue(BOT, items(10_000), { runId: 'r', maxAttempts: 3 });
        expect(result.added).toBe(10_000);
        expect((await store.queue.counts({ bot: BOT })).pending).toBe(10_000);
        const [last] = await store.queue.list({ bot: BOT, offset: 9_999, limit: 5 });
        expect(last).toMatchObject({ key: 'APP-10000', payload: { n: 10_000 }, source: 'input.xlsx row 10001', status: 'pending' });
      });

      it('refuses an empty key and stores nothing of that batch', async () => {
        const store = await fresh();
        await expect(store.queue.enqueue(BOT, [...items(2), { key: '', payload: null }], { runId: 'r', maxAttempts: 1 })).rejects.toThrow(
          /empty key/,
        );
        expect(await store.queue.list({})).toHaveLength(0);
      });
    });

    describe('claim', () => {
      it('hands out items oldest first and marks them running with a lease and an attempt', async () => {
        const store = await fresh();
        const run = await withRun(store);
        await store.queue.enqueue(BOT, items(3), { runId: run.id, maxAttempts: 3 });
        const now = Date.now();
        const first = await store.queue.claim(BOT, { runId: run.id, workerId: 'w1', leaseMs: 30_000, now });
        const second = await store.queue.claim(BOT, { runId: run.id, workerId: 'w2', leaseMs: 30_000, now });
        expect([first?.key, second?.key]).toEqual(['APP-00001', 'APP-00002']);
        expect(first).toMatchObject({
          status: 'running',
          attempts: 1,
          leaseOwner: 'w1',
          leaseExpiresAt: now + 30_000,
          lastRunId: run.id,
          startedAt: now,
        });
        expect(await store.queue.attempts(first!.id)).toEqual([
          {
            itemId: first!.id,
            runId: run.id,
            attempt: 1,
            workerId: 'w1',
            startedAt: now,
            endedAt: null,
            outcome: null,
            errorCode: null,
            reason: null,
          },
        ]);
      });

      it('does not hand out an item before its availableAt', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 3 });
        const past = Date.now() - 60_000;
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000, now: past })).toBeUndefined();
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 })).toBeDefined();
      });

      it('returns undefined for a bot with no pending work', async () => {
        const store = await fresh();
        await store.queue.enqueue('invoices', items(1), { runId: 'r', maxAttempts: 1 });
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 })).toBeUndefined();
      });

      it('never gives the same item to two concurrent claimers (200 items, 8 Store instances)', async () => {
        const seed = await fresh();
        const run = await withRun(seed);
        await seed.queue.enqueue(BOT, items(200), { runId: run.id, maxAttempts: 1 });
        const claimers = [seed, ...(await Promise.all(Array.from({ length: 7 }, () => another())))];
        const results = await Promise.all(claimers.map((store, i) => drain(store, run.id, `worker-${i}`)));
        const keys = results.flat();
        expect(keys).toHaveLength(200);
        expect(new Set(keys).size).toBe(200);
        expect((await seed.queue.counts({ bot: BOT })).done).toBe(200);
        const attempts = await Promise.all((await seed.queue.list({ bot: BOT })).map((i) => seed.queue.attempts(i.id)));
        expect(attempts.every((a) => a.length === 1 && a[0]?.outcome === 'done')).toBe(true);
      });
    });

    describe('leases', () => {
      it('makes an expired lease uncertain, never pending, and the old worker loses it', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(2), { runId: 'r', maxAttempts: 3 });
        const now = Date.now();
        const item = await store.queue.claim(BOT, { runId: 'r', workerId: 'w1', leaseMs: 1000, now });
        expect(await store.queue.expireLeases(BOT, now + 500)).toEqual([]);

        const expired = await store.queue.expireLeases(BOT, now + 2000);
        expect(expired.map((i) => [i.id, i.status])).toEqual([[item!.id, 'uncertain']]);
        expect(await store.queue.heartbeat(item!.id, 'w1', 60_000)).toBe(false);
        await expect(store.queue.complete(item!.id, 'w1', {})).rejects.toBeInstanceOf(LeaseLostError);
        await expect(store.queue.fail(item!.id, 'w1', { code: 'E', reason: 'r', retryDelayMs: 0 })).rejects.toBeInstanceOf(LeaseLostError);

        const next = await store.queue.claim(BOT, { runId: 'r', workerId: 'w2', leaseMs: 1000 });
        expect(next?.key).toBe('APP-00002');
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w2', leaseMs: 1000 })).toBeUndefined();
        expect((await store.queue.attempts(item!.id))[0]?.outcome).toBe('uncertain');
      });

      it('extends a lease on heartbeat so it does not expire', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 3 });
        const item = await store.queue.claim(BOT, { runId: 'r', workerId: 'w1', leaseMs: 1000 });
        expect(await store.queue.heartbeat(item!.id, 'w1', 600_000)).toBe(true);
        expect(await store.queue.heartbeat(item!.id, 'someone-else', 600_000)).toBe(false);
        expect(await store.queue.expireLeases(BOT, item!.leaseExpiresAt! + 10_000)).toEqual([]);
        expect((await store.queue.get(item!.id))?.status).toBe('running');
      });

      it('resolves uncertain items after verification: done, pending or review', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(3), { runId: 'r', maxAttempts: 3 });
        const now = Date.now();
        const claimed = [];
        for (let i = 0; i < 3; i++) claimed.push((await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 10, now }))!);
        expect(await store.queue.expireLeases(BOT, now + 1000)).toHaveLength(3);
        const [a, b, c] = claimed;

        await store.queue.resolveUncertain(a!.id, 'done', { output: { caseId: 'C-7' } });
        await store.queue.resolveUncertain(b!.id, 'pending');
        await store.queue.resolveUncertain(c!.id, 'review', { reason: 'Case list unreadable' });

        expect(await store.queue.get(a!.id)).toMatchObject({ status: 'done', output: { caseId: 'C-7' } });
        expect(await store.queue.get(c!.id)).toMatchObject({ status: 'review', reason: 'Case list unreadable' });
        const again = await store.queue.claim(BOT, { runId: 'r2', workerId: 'w', leaseMs: 1000 });
        expect(again?.id).toBe(b!.id);
        await expect(store.queue.resolveUncertain(a!.id, 'pending')).rejects.toBeInstanceOf(ItemStateError);
      });

      it("makes a dead run's running items uncertain at once, leaving other runs' items alone", async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(3), { runId: 'r', maxAttempts: 3 });
        const dead = await store.queue.claim(BOT, { runId: 'dead', workerId: 'w1', leaseMs: 60_000 });
        const alive = await store.queue.claim(BOT, { runId: 'alive', workerId: 'w2', leaseMs: 60_000 });
        const abandoned = await store.queue.abandonRun('dead');
        expect(abandoned.map((i) => i.id)).toEqual([dead!.id]);
        expect(await store.queue.get(dead!.id)).toMatchObject({ status: 'uncertain' });
        expect(await store.queue.get(alive!.id)).toMatchObject({ status: 'running' });
        await expect(store.queue.complete(dead!.id, 'w1', null)).rejects.toBeInstanceOf(LeaseLostError);
      });

      it('tells when the next pending item becomes claimable, and nothing when none is pending', async () => {
        const store = await fresh();
        expect(await store.queue.nextAvailableAt(BOT)).toBeUndefined();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 3 });
        const item = (await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 60_000 }))!;
        expect(await store.queue.nextAvailableAt(BOT)).toBeUndefined();
        const before = Date.now();
        await store.queue.fail(item.id, 'w', { code: 'X', reason: 'busy', retryDelayMs: 5_000 });
        expect(await store.queue.nextAvailableAt(BOT)).toBeGreaterThanOrEqual(before + 5_000);
      });
    });

    describe('outcomes', () => {
      it('retries a system exception until maxAttempts, then fails it', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 2 });
        const first = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        expect(
          await store.queue.fail(first!.id, 'w', { code: 'KANSLIST_TIMEOUT', reason: 'Save took too long', retryDelayMs: 60_000 }),
        ).toBe('pending');
        const retried = await store.queue.get(first!.id);
        expect(retried).toMatchObject({ status: 'pending', attempts: 1, errorCode: 'KANSLIST_TIMEOUT', leaseOwner: null });
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 })).toBeUndefined();

        const second = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000, now: retried!.availableAt });
        expect(second?.attempts).toBe(2);
        expect(await store.queue.fail(second!.id, 'w', { code: 'HTTP_500', reason: 'Server error page', retryDelayMs: 0 })).toBe('failed');
        expect(await store.queue.get(first!.id)).toMatchObject({
          status: 'failed',
          attempts: 2,
          errorCode: 'HTTP_500',
          reason: 'Server error page',
        });
        expect((await store.queue.attempts(first!.id)).map((a) => [a.attempt, a.outcome, a.errorCode])).toEqual([
          [1, 'retry', 'KANSLIST_TIMEOUT'],
          [2, 'failed', 'HTTP_500'],
        ]);
      });

      it('sends a business exception to review, never retried', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 5 });
        const item = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        await store.queue.toReview(item!.id, 'w', { code: 'NO_JOB_PLAN', reason: 'Applicant has no active job plan' });
        expect(await store.queue.get(item!.id)).toMatchObject({
          status: 'review',
          reason: 'Applicant has no active job plan',
          leaseOwner: null,
        });
        expect(await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 })).toBeUndefined();
      });

      it('records output, finish time and duration on completion', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(1), { runId: 'r', maxAttempts: 1 });
        const item = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        await store.queue.complete(item!.id, 'w', { caseId: 'C-42', letters: ['decision.pdf'] });
        const done = await store.queue.get(item!.id);
        expect(done).toMatchObject({ status: 'done', output: { caseId: 'C-42', letters: ['decision.pdf'] }, leaseOwner: null });
        expect(done!.finishedAt).toBeGreaterThanOrEqual(done!.startedAt!);
        expect(done!.durationMs).toBe(done!.finishedAt! - done!.startedAt!);
      });

      it('gives an item back on release without counting the attempt', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(2), { runId: 'r', maxAttempts: 1 });
        const item = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        await store.queue.release(item!.id, 'w');
        expect(await store.queue.get(item!.id)).toMatchObject({ status: 'pending', attempts: 0, leaseOwner: null });
        const again = await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 });
        expect(again).toMatchObject({ id: item!.id, attempts: 1 });
        expect((await store.queue.attempts(item!.id)).map((a) => a.outcome)).toEqual(['released', null]);
      });

      it('lets an operator requeue review and failed items, and a clerk mark review items handled', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(3), { runId: 'r', maxAttempts: 1 });
        const [a, b, c] = [
          (await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 }))!,
          (await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 }))!,
          (await store.queue.claim(BOT, { runId: 'r', workerId: 'w', leaseMs: 1000 }))!,
        ];
        await store.queue.toReview(a.id, 'w', { code: 'MISSING_PROPERTY', reason: 'No property designation' });
        await store.queue.fail(b.id, 'w', { code: 'HTTP_500', reason: 'Server error', retryDelayMs: 0 });
        await store.queue.complete(c.id, 'w', null);

        await store.queue.requeue(b.id);
        expect(await store.queue.get(b.id)).toMatchObject({ status: 'pending', attempts: 0 });
        await store.queue.markHandled(a.id, 'Registered by hand, case C-9');
        expect(await store.queue.get(a.id)).toMatchObject({
          status: 'handled',
          output: { handledNote: 'Registered by hand, case C-9' },
          errorCode: 'MISSING_PROPERTY',
        });

        await expect(store.queue.requeue(c.id)).rejects.toBeInstanceOf(ItemStateError);
        await expect(store.queue.markHandled(b.id, 'x')).rejects.toBeInstanceOf(ItemStateError);
        await expect(store.queue.requeue('no-such-item')).rejects.toThrow(/No item/);
        // A handled key counts as finished: enqueueing it again skips it.
        expect((await store.queue.enqueue(BOT, items(1), { runId: 'r2', maxAttempts: 1 })).skippedDone).toBe(1);
      });
    });

    describe('reading', () => {
      it('counts and lists by bot, status and run (enqueued by it or attempted in it)', async () => {
        const store = await fresh();
        await store.queue.enqueue(BOT, items(3), { runId: 'run-A', maxAttempts: 1 });
        await store.queue.enqueue('invoices', items(1), { runId: 'run-A', maxAttempts: 1 });
        const item = await store.queue.claim(BOT, { runId: 'run-B', workerId: 'w', leaseMs: 1000 });
        await store.queue.complete(item!.id, 'w', {});

        expect(await store.queue.counts({ bot: BOT })).toEqual({
          pending: 2,
          running: 0,
          done: 1,
          review: 0,
          failed: 0,
          uncertain: 0,
          handled: 0,
        });
        expect((await store.queue.counts({ runId: 'run-B' })).done).toBe(1);
        expect(Object.values(await store.queue.counts({ runId: 'run-B' })).reduce((x, y) => x + y)).toBe(1);
        expect((await store.queue.list({ runId: 'run-A' })).length).toBe(4);
        expect((await store.queue.list({ runId: 'run-B' })).map((i) => i.id)).toEqual([item!.id]);
        expect((await store.queue.list({ bot: BOT, status: ['pending', 'done'], limit: 2 })).map((i) => i.key)).toEqual([
          'APP-00001',
          'APP-00002',
        ]);
        expect(await store.queue.get('no-such-item')).toBeUndefined();
      });
    });

    describe('runs and drift', () => {
      it('creates, finishes, lists newest first and finds a run by id prefix', async () => {
        const store = await fresh();
        const first = await withRun(store);
        const second = await store.runs.create({
          bot: 'invoices',
          botVersion: '2.1.0',
          trigger: 'schedule:nightly',
          host: 'rpa-01',
          pid: 7,
          input: 'invoices.csv',
        });
        await store.runs.heartbeat(first.id);
        await store.runs.finish(first.id, 'finished', { done: 3, review: 1 });

        const got = await store.runs.get(first.id.slice(0, 8));
        expect(got).toMatchObject({ id: first.id, status: 'finished', summary: { done: 3, review: 1 } });
        expect(got!.endedAt).toBeGreaterThanOrEqual(got!.startedAt);
        expect(await store.runs.get(second.id)).toMatchObject({ trigger: 'schedule:nightly', input: 'invoices.csv', pid: 7 });
        expect(await store.runs.get(first.id.slice(0, 5))).toBeUndefined();
        expect(await store.runs.get('ffffffff-none')).toBeUndefined();
        expect((await store.runs.list({ bot: 'invoices' })).map((r) => r.id)).toEqual([second.id]);
        expect((await store.runs.list()).length).toBe(2);
        await expect(store.runs.finish('no-such-run', 'finished', null)).rejects.toThrow(/No run/);
      });

      it('marks runs whose heartbeat stopped as crashed', async () => {
        const store = await fresh();
        const alive = await withRun(store);
        const finished = await withRun(store);
        await store.runs.finish(finished.id, 'finished', null);
        expect(await store.runs.markStale(60_000)).toEqual([]);
        const crashed = await store.runs.markStale(60_000, Date.now() + 120_000);
        expect(crashed.map((r) => [r.id, r.status])).toEqual([[alive.id, 'crashed']]);
        expect(await store.runs.get(alive.id)).toMatchObject({ status: 'crashed', endedAt: alive.heartbeatAt });
        expect((await store.runs.get(finished.id))?.status).toBe('finished');
      });

      it('groups drift events per target and strategy pair', async () => {
        const store = await fresh();
        const run = await withRun(store);
        const event = {
          runId: run.id,
          itemId: null,
          system: 'casehub',
          target: 'applicant.name',
          failedStrategy: 'label',
          matchedStrategy: 'css',
        };
        await store.runs.recordDrift({ ...event, at: 2000 });
        await store.runs.recordDrift({ ...event, at: 1000 });
        await store.runs.recordDrift({ ...event, target: 'save', failedStrategy: 'role', at: 3000 });
        expect(await store.runs.drift(run.id)).toEqual([
          { system: 'casehub', target: 'applicant.name', failedStrategy: 'label', matchedStrategy: 'css', count: 2, firstAt: 1000 },
          { system: 'casehub', target: 'save', failedStrategy: 'role', matchedStrategy: 'css', count: 1, firstAt: 3000 },
        ]);
        expect(await store.runs.drift('other-run')).toEqual([]);
      });
    });

    describe('lifecycle', () => {
      it.skipIf(reopen === undefined)('keeps data on reopen and runs migrations only once', async () => {
        const store = await fresh();
        const run = await withRun(store);
        await store.queue.enqueue(BOT, items(2), { runId: run.id, maxAttempts: 1 });
        await store.close();
        const reopened = await another();
        const third = await another();
        expect((await reopened.queue.counts({ bot: BOT })).pending).toBe(2);
        expect(await third.runs.get(run.id)).toMatchObject({ bot: BOT });
        const migrations = await storeDb(reopened)
          .selectFrom('kysely_migration' as never)
          .selectAll()
          .execute();
        // One row per migration: none ran twice.
        const known = await migrationProvider(reopened.engine).getMigrations();
        expect(migrations).toHaveLength(Object.keys(known).length);
      });

      it('can be closed twice', async () => {
        const store = await fresh();
        await store.close();
        await expect(store.close()).resolves.toBeUndefined();
      });
    });
  });
}
