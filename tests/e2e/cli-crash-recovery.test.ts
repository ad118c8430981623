/**
 * The key promise, with a real crash: a `kanslist run` child process is killed with SIGKILL in
 * the middle of its work (no cleanup of any kind runs), then the same command is run again. Every
 * application must end up registered in CaseHub exactly once — none twice, none missing — and
 * every item done in the store. The second run finds the first's run row on this host with a
 * dead process, makes its in-progress items uncertain, and asks CaseHub (verify) about each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli, startCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

describe('kanslist run killed with SIGKILL mid-run, then run again', () => {
  let h: Harness;
  let store: Store;
  beforeAll(async () => {
    h = await createHarness({ count: 12, errorShare: 0, seed: 17, faults: { latencyMs: 150 } });
    // Opened (and migrated) before the runner starts; reads alongside it are safe in WAL mode.
    store = await openStore(h.storeUrl);
  });
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it('registers every application exactly once and ends with every item done', async () => {
    const args = ['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '2'];
    const first = startCli(args, { env: cliEnv(h) });
    try {
      // 1. Let it work: some registrations made, and items in progress at the moment of the kill.
      await expect
        .poll(async () => h.hub.cases().length >= 3 && (await store.queue.counts({ bot: BOT })).running > 0, {
          timeout: 180_000,
          interval: 25,
        })
        .toBe(true);
    } finally {
      first.child.kill('SIGKILL');
    }
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const registeredBeforeCrash = h.hub.cases().length;
    expect(registeredBeforeCrash).toBeLessThan(h.input.applications.length);
    const [crashedRun] = await store.runs.list({ bot: BOT });
    expect(crashedRun?.status).toBe('running'); // nothing ran to record the end

    // 2. The same command again, on the same input and store.
    const second = await runCli([...args, '--json'], { env: cliEnv(h) });
    expect(second.code, second.stderr).toBe(0);
    const summary = JSON.parse(second.stdout) as RunSummary;
    expect(summary.allDone).toBe(true);
    expect(summary.settle).toMatchObject({ toReview: 0 });
    expect(summary.settle!.verifiedDone + summary.settle!.requeued).toBeGreaterThan(0);
    expect(summary.enqueue).toMatchObject({ added: 0, alreadyQueued: h.input.applications.length - summary.enqueue!.skippedDone });

    // 3. CaseHub's own view: each application exactly once.
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(h.input.applications.length);

    // 4. The store's view: every item done with CaseHub's case number; the killed run marked crashed.
    const items = await store.queue.list({ bot: BOT });
    expect(items.map((i) => i.status)).toEqual(h.input.applications.map(() => 'done'));
    const caseNumbers = new Map(h.hub.cases().map((c) => [c.externalRef, c.caseNumber]));
    for (const item of items) expect((item.output as { caseNumber: string }).caseNumber).toBe(caseNumbers.get(item.key));
    expect((await store.runs.get(crashedRun!.id))?.status).toBe('crashed');
  }, 480_000);
});
