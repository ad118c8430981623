/**
 * `kanslist audit verify --all` also holds the state tables to the trail: after real runs it says
 * they agree; after someone with database access rewrites them — an item set done with a made-up
 * case number, an item deleted, a run's status changed, a run's row deleted — every disagreement is
 * named, though no audit record was touched.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';

describe('audit verify --all: the store against its trail', () => {
  let h: Harness;
  let runId: string;
  beforeAll(async () => {
    h = await createHarness({ count: 4, errorShare: 0.25, seed: 61 });
    runId = (await h.run({ concurrency: 2 })).runId;
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

  it('names each rewrite of the state tables', async () => {
    const done = (await harnessItems(h)).filter((i) => i.status === 'done');
    expect(done.length).toBeGreaterThanOrEqual(2);
    const [forged, deleted] = done as [typeof done[number], typeof done[number]];
    await withStore(async (store) => {
      const db = store.db;
      await db.updateTable('work_items').set({ output: JSON.stringify({ caseNumber: 'BN 2026-999999', letter: null }) }).where('id', '=', forged.id).execute();
      await db.deleteFrom('item_attempts').where('item_id', '=', deleted.id).execute();
      await db.deleteFrom('work_items').where('id', '=', deleted.id).execute();
      await db.updateTable('runs').set({ status: 'crashed' }).where('id', '=', runId).execute();
      // An item nobody ever processed, set done by hand.
      const [review] = await store.queue.list({ bot: BOT, status: 'review' });
      await db.updateTable('work_items').set({ status: 'done', output: JSON.stringify({ caseNumber: 'BN 2026-000001' }) }).where('id', '=', review!.id).execute();
    });
    const result = await runCli(['audit', 'verify', '--all', '--json'], { env: cliEnv(h) });
    expect(result.code).toBe(1);
    const { runs, disagreements } = JSON.parse(result.stdout) as { runs: Array<{ result: { ok: boolean } }>; disagreements: Array<{ kind: string; itemId?: string; runId?: string }> };
    expect(runs.every((r) => r.result.ok)).toBe(true); // the chains themselves are intact
    expect(disagreements.map((d) => [d.kind, d.itemId ?? d.runId]).sort()).toEqual([
      ['done without record', expect.any(String)],
      ['item missing', deleted.id],
      ['output rewritten', forged.id],
      ['run status', runId],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });
});
