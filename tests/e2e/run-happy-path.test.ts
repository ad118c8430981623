import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.ts';
import { createHarness, type Harness } from '../helpers/run-harness.ts';

describe('run: the building-permit bot registers every application exactly once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ count: 8, errorShare: 0.25, seed: 11 });
  });
  afterAll(() => h.close());

  it('registers each valid application once, reads back the case number, sends bad rows to review', async () => {
    const summary = await h.run({ concurrency: 2 });
    const valid = h.input.applications.filter((a) => a.error === null);
    const invalid = h.input.applications.filter((a) => a.error !== null);
    expect(invalid.length).toBeGreaterThan(0);

    // CaseHub's own view: every valid application is there exactly once, no invalid one.
    const counts = h.hub.countsByExternalRef();
    for (const a of valid) expect(counts[a.applicationId], a.applicationId).toBe(1);
    for (const a of invalid) expect(counts[a.applicationId]).toBeUndefined();

    expect(summary.outcomes.done).toBe(valid.length);
    expect(summary.enqueue).toMatchObject({ added: valid.length, rejected: invalid.length });
    expect(summary.allDone).toBe(false); // the rejected rows wait for a clerk

    const store = await openStore(h.storeUrl);
    try {
      const done = await store.queue.list({ bot: 'bygglov-registrering', status: 'done' });
      const cases = new Map(h.hub.cases().map((c) => [c.externalRef, c.caseNumber]));
      for (const item of done) expect((item.output as { caseNumber: string }).caseNumber).toBe(cases.get(item.key));
      const review = await store.queue.list({ bot: 'bygglov-registrering', status: 'review' });
      expect(review.map((i) => i.key).sort()).toEqual(invalid.map((a) => a.applicationId).sort());
      for (const item of review) expect(item.attempts).toBe(0); // never tried in the system
    } finally {
      await store.close();
    }
  });

  it('skips keys already done when the same export is enqueued again', async () => {
    const before = h.hub.cases().length;
    const summary = await h.run();
    expect(summary.enqueue?.skippedDone).toBe(h.input.validCount);
    expect(summary.outcomes.done).toBe(0);
    expect(h.hub.cases().length).toBe(before);
  });
});
