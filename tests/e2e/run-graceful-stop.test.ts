/**
 * A graceful stop (Ctrl-C, a service stop): the run stops claiming, finishes the items in
 * progress, and ends 'interrupted' with nothing left running. The next run picks up the rest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type WorkItem } from '../../src/store/index.ts';
import { BOT, createHarness, type Harness } from '../helpers/run-harness.ts';

// A whole run with a real browser: generous on a busy 2-core machine (a limit, not a wait).
const RUN_HOOK_TIMEOUT_MS = 180_000;

const COUNT = 4;

describe('run: a stop asked mid-run ends it cleanly, and the next run finishes the rest', () => {
  let h: Harness;
  let stopped: RunSummary;
  let afterStop: WorkItem[];
  let casesAfterStop: Record<string, number>;
  let resumed: RunSummary;

  beforeAll(async () => {
    h = await createHarness({ count: COUNT, errorShare: 0, seed: 17 });
    const stop = new AbortController();
    stopped = await h.run({ concurrency: 2, signal: stop.signal, onOutcome: () => stop.abort() });
    casesAfterStop = h.hub.countsByExternalRef();
    const store = await openStore(h.storeUrl);
    try {
      afterStop = await store.queue.list({ bot: BOT });
    } finally {
      await store.close();
    }
    resumed = await h.run({ concurrency: 2 });
  }, RUN_HOOK_TIMEOUT_MS);
  afterAll(() => h?.close());

  it('ends the stopped run as interrupted, with the items in progress finished', async () => {
    expect(stopped.status).toBe('interrupted');
    expect(stopped.allDone).toBe(false);
    expect(stopped.outcomes.done).toBeGreaterThanOrEqual(1);
    expect(stopped.outcomes.done).toBeLessThan(COUNT);
    expect(stopped.outcomes).toMatchObject({ retry: 0, failed: 0, lost: 0 });
    const store = await openStore(h.storeUrl);
    try {
      expect((await store.runs.get(stopped.runId))?.status).toBe('interrupted');
    } finally {
      await store.close();
    }
  });

  it('leaves nothing running and the items not started pending, untouched', () => {
    expect(afterStop.filter((i) => i.status === 'running')).toEqual([]);
    const done = afterStop.filter((i) => i.status === 'done');
    const pending = afterStop.filter((i) => i.status === 'pending');
    expect(done).toHaveLength(stopped.outcomes.done);
    expect(pending).toHaveLength(COUNT - done.length);
    for (const item of pending) {
      expect(item.attempts).toBe(0);
      expect(item.leaseOwner).toBeNull();
    }
    expect(Object.keys(casesAfterStop).sort()).toEqual(done.map((i) => i.key).sort());
    for (const item of done) expect(casesAfterStop[item.key]).toBe(1);
  });

  it('finishes the rest in the next run, each application registered exactly once', () => {
    expect(resumed.status).toBe('finished');
    expect(resumed.allDone).toBe(true);
    expect(resumed.outcomes.done).toBe(COUNT - stopped.outcomes.done);
    expect(resumed.enqueue?.skippedDone).toBe(stopped.outcomes.done);
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(COUNT);
  });
});
