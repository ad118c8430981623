/**
 * A CaseHub release renumbers its generated ids and moves labels (layout v2). The system map's
 * fallbacks keep the same bot working, and every fallback that was needed is reported as drift —
 * never silent. On the layout it was recorded against (v1) there is no drift at all.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEServiceExport, type GeneratedExport } from '../../src/fixtures/inputs/index.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { loadRunReportData } from '../../src/report/run-data.ts';
import { openStore } from '../../src/store/index.ts';
import { BOT, createHarness, type Harness } from '../helpers/run-harness.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

describe('run: layout drift between CaseHub v1 and v2', () => {
  let h: Harness;
  let v1: RunSummary;
  let v2: RunSummary;
  let v2Input: GeneratedExport;

  beforeAll(async () => {
    h = await createHarness({ count: 2, errorShare: 0, seed: 3, layout: 'v1' });
    v1 = await h.run({ concurrency: 1 });
    // The same system after an upgrade, with a new day's export.
    h.hub.setLayout('v2');
    v2Input = await generateEServiceExport({ count: 3, errorShare: 0, seed: 1003, outDir: join(h.dir, 'inputs-v2') });
    v2 = await h.run({ concurrency: 1, input: v2Input.xlsxPath });
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('has no drift on the layout the system map was recorded against', () => {
    expect(v1.allDone).toBe(true);
    expect(v1.outcomes.done).toBe(2);
    expect(v1.drift).toEqual([]);
  });

  it('registers every v2 application exactly once with the same bot', () => {
    // The two exports must not share keys, or the second run would skip some as already done.
    const v1Keys = new Set(h.input.applications.map((a) => a.applicationId));
    expect(v2Input.applications.some((a) => v1Keys.has(a.applicationId))).toBe(false);
    expect(v2.allDone).toBe(true);
    expect(v2.outcomes).toMatchObject({ done: 3, retry: 0, failed: 0, review: 0 });
    const counts = h.hub.countsByExternalRef();
    for (const a of [...h.input.applications, ...v2Input.applications]) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(5);
  });

  it('reports drift for the targets whose first strategy no longer matches', () => {
    const byTarget = new Map(v2.drift.map((d) => [d.target, d]));
    const property = byTarget.get('newCase.propertyDesignation');
    expect(property, JSON.stringify(v2.drift)).toBeDefined();
    expect(property!.failedStrategy).toMatch(/css/);
    expect(property!.failedStrategy).toContain('txtFastighet');
    expect(property!.matchedStrategy).toMatch(/label/);
    expect(property!.count).toBe(3); // once per application
    const caseNumber = byTarget.get('receipt.caseNumber');
    expect(caseNumber).toBeDefined();
    expect(caseNumber!.failedStrategy).toMatch(/xpath/);
    expect(caseNumber!.matchedStrategy).toMatch(/text/);
    expect(v2.drift.every((d) => d.system === 'casehub')).toBe(true);
  });

  it('puts a stable first strategy that heals each drift next to it, for the run report', async () => {
    const store = await openStore(h.storeUrl);
    try {
      const data = await loadRunReportData(store, v2.runId, { varDir: join(h.dir, 'var'), auditKey: null });
      const byTarget = new Map(data.drift.map((d) => [d.target, d]));
      // The renumbered field: its new id, found on the live page when the fallback matched.
      expect(byTarget.get('newCase.propertyDesignation')?.suggested).toBe("{ css: '#ctl00_MainContent_ctl04_txtFastBet' }");
      expect(byTarget.get('login.username')?.suggested).toBe("{ css: '#ctl00_MainContent_ctl02_txtAnvandare' }");
      // Never a position in the page.
      expect(data.drift.filter((d) => d.suggested !== null).every((d) => !/nth/.test(d.suggested!))).toBe(true);
    } finally {
      await store.close();
    }
  });

  it('reads back the case numbers CaseHub v2 gave', async () => {
    const caseNumbers = new Map(h.hub.cases().map((c) => [c.externalRef, c.caseNumber]));
    const store = await openStore(h.storeUrl);
    try {
      const done = await store.queue.list({ bot: BOT, runId: v2.runId, status: 'done' });
      expect(done).toHaveLength(3);
      for (const item of done) {
        const { caseNumber } = item.output as { caseNumber: string };
        expect(caseNumber).toMatch(/^BN \d{4}-\d{6}$/);
        expect(caseNumber).toBe(caseNumbers.get(item.key));
      }
    } finally {
      await store.close();
    }
  });
});
