/**
 * Promise 1 after an operator's requeue: `kanslist retry` and `kanslist review requeue` put an item
 * back with its attempts reset to 0, so its next attempt is number 1 again. If CaseHub saved the
 * case before the failure, that attempt must still ask CaseHub first (verify) and end the item done
 * with the existing case number — never register the application a second time. The receipt letter
 * verify writes then carries the run's configured organisation (ctx.settings).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf.ts';
import type { ItemOutcome } from '../../src/runner/outcome.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type WorkItem } from '../../src/store/index.ts';
import { BOT, createHarness, harnessItems, type Harness } from '../helpers/run-harness.ts';
import { storeDb } from '../helpers/store-internals.ts';

// A whole run with a real browser, twice: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

/** Not the organisation in kanslist.config.ts: the letter must take the run's configuration. */
const ORGANISATION = 'Testby kommun';

describe('run: a requeued item whose case CaseHub already holds is verified, not registered again', () => {
  let h: Harness;
  let second: RunSummary;
  const outcomes: ItemOutcome[] = [];
  let items: WorkItem[];

  beforeAll(async () => {
    h = await createHarness({ count: 1, errorShare: 0, seed: 19 });
    // 1. A first run registers the application in CaseHub.
    await h.run({ concurrency: 1 });
    expect(h.hub.cases()).toHaveLength(1);

    // 2. As if its last attempt had failed after CaseHub saved the case (a 500 page after the
    //    save): the item is 'failed' with its attempts used up; the operator requeues it.
    const store = await openStore(h.storeUrl);
    try {
      const [registered] = await store.queue.list({ bot: BOT });
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
      expect(await store.queue.get(registered!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    } finally {
      await store.close();
    }

    // 3. The next run, configured for another organisation, processes the requeued item.
    const config = { ...h.config, organisation: ORGANISATION };
    second = await h.run({ config, concurrency: 1, onOutcome: (o) => outcomes.push(o) });
    items = await harnessItems(h);
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('leaves exactly one case in CaseHub for the application', () => {
    const key = h.input.applications[0]!.applicationId;
    expect(h.hub.countsByExternalRef()[key]).toBe(1);
    expect(h.hub.cases()).toHaveLength(1);
  });

  it('ends the item done, verified, holding the case number CaseHub gave the first registration', () => {
    expect(outcomes.map((o) => o.kind)).toEqual(['verified']);
    expect(second.outcomes).toMatchObject({ verified: 1, done: 0, retry: 0, failed: 0 });
    expect(items.map((i) => i.status)).toEqual(['done']);
    expect((items[0]!.output as { caseNumber: string }).caseNumber).toBe(h.hub.cases()[0]!.caseNumber);
  });

  it("writes the receipt letter with the organisation of the run's configuration", async () => {
    const { letter } = items[0]!.output as { letter: string | null };
    expect(letter).not.toBeNull();
    const text = (await pdfText(letter!)).join('\n');
    expect(text).toContain(ORGANISATION);
    expect(text).not.toContain('Exempel kommun');
  });
});
