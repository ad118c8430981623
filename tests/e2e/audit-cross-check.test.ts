/**
 * `kanslist audit verify --all` also holds the state tables to the trail: after real runs it says
 * they agree; after someone with database access rewrites them — an item set done with a made-up
 * case number, an item deleted, a run's status changed, a run's row deleted — every disagreement is
 * named, though no audit record was touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditTables } from '../../src/store/audit.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';
import { storeDb } from '../helpers/store-internals.ts';

describe('audit verify --all: the store against its trail', () => {
  let h: Harness;
  let runId: string;
  let secondRunId: string;
  beforeAll(async () => {
    h = await createHarness({ count: 4, errorShare: 0.25, seed: 61 });
    runId = (await h.run({ concurrency: 2 })).runId;
    // The same export again: nothing to do, but a run with its own start and end on the trail.
    secondRunId = (await h.run({ concurrency: 1 })).runId;
  }, 240_000);
  afterAll(() => h?.close());

  async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const store = await openStore(h.storeUrl);
    try {
      return await work(store);
    } finally {
      await store.close();
    }
  }

  it('says the tables agree with the trail after real runs', async () => {
    const result = await runCli(['audit', 'verify', '--all'], { env: cliEnv(h) });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('runs and work_items agree with the audit trail.');
  });

  it('names a chain whose tail was cut and whose head was moved to match (no key needed): on the chain, the ledger and the tables', async () => {
    await withStore(async (store) => {
      const db = storeDb(store).withTables<AuditTables>();
      const records = await store.audit.records(runId);
      const last = records.at(-1)!;
      const kept = records.at(-2)!;
      expect(last.kind).toBe('run.end');
      await db.deleteFrom('audit_subjects').where('run_id', '=', runId).where('seq', '=', last.seq).execute();
      await db.deleteFrom('audit_records').where('run_id', '=', runId).where('seq', '=', last.seq).execute();
      await db.updateTable('audit_heads').set({ seq: kept.seq, hash: kept.hash }).where('run_id', '=', runId).execute();
    });
    const result = await runCli(['audit', 'verify', '--all'], { env: cliEnv(h) });
    expect(result.code).toBe(1);
    // The shortened chain is consistent in itself, but its head no longer matches its MAC, and the ledger recorded where it ended.
    expect(result.stdout).toMatch(new RegExp(`run ${runId}: BROKEN at record \\d+: head mismatch`));
    expect(result.stdout).toContain(`LEDGER: chain cut — chain ${runId} was closed at record`);
    expect(result.stdout).toContain(`DISAGREES: run end missing — run ${runId} is "finished", but its audit trail has no end record`);
  });

  it('names each rewrite of the state tables', async () => {
    const done = (await harnessItems(h)).filter((i) => i.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    const [forged, deleted] = done as [(typeof done)[number], (typeof done)[number]];
    await withStore(async (store) => {
      const db = storeDb(store);
      await db
        .updateTable('work_items')
        .set({ output: JSON.stringify({ caseNumber: 'BN 2026-999999', letter: null }) })
        .where('id', '=', forged.id)
        .execute();
      await db.deleteFrom('item_attempts').where('item_id', '=', deleted.id).execute();
      await db.deleteFrom('work_items').where('id', '=', deleted.id).execute();
      await db.updateTable('runs').set({ status: 'interrupted' }).where('id', '=', runId).execute();
      await db.updateTable('runs').set({ status: 'crashed' }).where('id', '=', secondRunId).execute();
      // An item nobody ever processed, set done by hand.
      const [review] = await store.queue.list({ bot: BOT, status: 'review' });
      await db
        .updateTable('work_items')
        .set({ status: 'done', output: JSON.stringify({ caseNumber: 'BN 2026-000001' }) })
        .where('id', '=', review!.id)
        .execute();
    });
    const result = await runCli(['audit', 'verify', '--all', '--json'], { env: cliEnv(h) });
    expect(result.code).toBe(1);
    const { runs, disagreements } = JSON.parse(result.stdout) as {
      runs: Array<{ runId: string; result: { ok: boolean } }>;
      disagreements: Array<{ kind: string; itemId?: string; runId?: string }>;
    };
    // The chains themselves are intact (but for the one whose tail the test before cut).
    expect(runs.filter((r) => r.runId !== runId).every((r) => r.result.ok)).toBe(true);
    expect(disagreements.map((d) => [d.kind, d.itemId ?? d.runId]).sort()).toEqual(
      [
        ['done without record', expect.any(String)],
        ['item missing', deleted.id],
        ['output rewritten', forged.id],
        ['run end missing', runId],
        ['run status', secondRunId],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });
});
