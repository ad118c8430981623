/**
 * An expired session in the middle of a run is a system exception: the worker throws the context
 * away, logs in again and retries the item (verifying first), and the run finishes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ItemOutcome } from '../../src/runner/outcome.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import type { WorkItem } from '../../src/store/index.ts';
import { createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

describe('run: CaseHub ends every session mid-run; the run logs in again and finishes', () => {
  let h: Harness;
  let summary: RunSummary;
  const outcomes: ItemOutcome[] = [];
  let items: WorkItem[];

  beforeAll(async () => {
    h = await createHarness({ count: 3, errorShare: 0, seed: 5 });
    let expired = false;
    summary = await h.run({
      concurrency: 1,
      onOutcome: (o) => {
        outcomes.push(o);
        // After the first registration, as a night batch or an administrator would.
        if (!expired && o.kind === 'done') {
          expired = true;
          h.hub.expireAllSessions();
        }
      },
    });
    items = await harnessItems(h);
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('finishes the run with every application registered exactly once', () => {
    expect(summary.status).toBe('finished');
    expect(summary.allDone).toBe(true);
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(h.input.applications.length);
    expect(items.map((i) => i.status)).toEqual(['done', 'done', 'done']);
  });

  it('reports the expired session as a retry, not a failure', () => {
    const expiredRetry = outcomes.find((o) => o.kind === 'retry');
    expect(expiredRetry?.code).toBe('KANSLIST_SESSION_EXPIRED');
    expect(summary.outcomes).toMatchObject({ retry: 1, failed: 0, review: 0 });
    const retriedItem = items.find((i) => i.id === expiredRetry!.itemId)!;
    expect(retriedItem.attempts).toBe(2);
    expect(retriedItem.status).toBe('done');
  });

  it('reads back the case numbers CaseHub gave, also after logging in again', () => {
    const caseNumbers = new Map(h.hub.cases().map((c) => [c.externalRef, c.caseNumber]));
    for (const item of items) expect((item.output as { caseNumber: string }).caseNumber).toBe(caseNumbers.get(item.key));
  });
});
