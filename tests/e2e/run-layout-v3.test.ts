/**
 * The example bot on CaseHub v3 (modernised), unchanged: the login page opened by URL shows the
 * CSRF warning, which the map's interstitial passes and the trail records; the search answers by
 * partial postback into a grid with two rows per case. Every application is registered once, the
 * renamed controls are reported as drift, and verify finds a case CaseHub already holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore } from '../../src/store/index.ts';
import { BOT, createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';
import { storeDb } from '../helpers/store-internals.ts';

// A whole run with a real browser, twice: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

describe('run: the example bot on CaseHub v3', () => {
  let h: Harness;
  let first: RunSummary;
  let second: RunSummary;
  let requeuedKey: string;
  let trail: Record<string, unknown>[];

  beforeAll(async () => {
    h = await createHarness({ count: 3, errorShare: 0, seed: 23, layout: 'v3' });
    first = await h.run({ concurrency: 1 });
    const store = await openStore(h.storeUrl);
    try {
      trail = (await store.audit.records(first.runId)).map((r) => ({ kind: r.kind, ...(JSON.parse(r.data) as Record<string, unknown>) }));
      // As if the last attempt of one item had failed after CaseHub saved its case: requeued,
      // its next attempt must find the case by searching v3's grid instead of registering again.
      const [registered] = await store.queue.list({ bot: BOT, status: 'done' });
      requeuedKey = registered!.key;
      await storeDb(store)
        .updateTable('work_items')
        .set((eb) => ({
          status: 'failed',
          attempts: eb.ref('max_attempts'),
          output: null,
          error_code: 'KANSLIST_PAGE_ERROR_SERVER_ERROR',
          reason: 'casehub shows its "serverError" error page',
        }))
        .where('id', '=', registered!.id)
        .execute();
      await store.queue.requeue(registered!.id);
    } finally {
      await store.close();
    }
    second = await h.run({ concurrency: 1 });
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('registers every application exactly once in CaseHub', () => {
    expect(first.allDone).toBe(true);
    expect(first.outcomes).toMatchObject({ done: 3, retry: 0, failed: 0, review: 0 });
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(3);
  });

  it("passes the CSRF warning by the map's interstitial and records it on the trail", () => {
    const passed = trail.filter((r) => r.kind === 'ui.interstitial');
    expect(passed.length).toBeGreaterThan(0);
    expect(passed.every((r) => r.system === 'casehub' && r.name === 'csrf')).toBe(true);
    expect(passed).toContainEqual(expect.objectContaining({ target: 'login.username' }));
  });

  it('reports the renamed controls as drift, not as failures', () => {
    const byTarget = new Map(first.drift.map((d) => [d.target, d]));
    expect(byTarget.get('login.username')?.matchedStrategy).toMatch(/label/);
    expect(byTarget.get('newCase.propertyDesignation')?.failedStrategy).toContain('txtFastighet');
  });

  it('verify finds the case CaseHub v3 already holds and ends the requeued item done with its number', async () => {
    expect(second.outcomes).toMatchObject({ verified: 1, done: 0, failed: 0, review: 0 });
    expect(h.hub.countsByExternalRef()[requeuedKey]).toBe(1);
    expect(h.hub.cases()).toHaveLength(3);
    const item = (await harnessItems(h)).find((i) => i.key === requeuedKey);
    const caseNumber = h.hub.cases().find((c) => c.externalRef === requeuedKey)?.caseNumber;
    expect(item?.status).toBe('done');
    expect((item?.output as { caseNumber?: string } | null)?.caseNumber).toBe(caseNumber);
  });
});
