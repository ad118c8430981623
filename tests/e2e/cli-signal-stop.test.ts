/**
 * Ctrl-C and a service stop, sent to a real `kanslist run` process in the middle of its items:
 * the first SIGTERM/SIGINT lets the items in progress finish (done, one attempt, no system
 * exception — the browser is not closed under them), the second exits at once and the next run
 * verifies what was cut off. CaseHub holds each application exactly once in the end.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { runCli, startCli, type StartedCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

/** Waits (polling the store, no fixed sleep) until `count` items are claimed and being worked on. */
async function whileItemsRun(store: Store, count: number): Promise<void> {
  await expect
    .poll(async () => (await store.queue.counts({ bot: BOT })).running, { timeout: 180_000, interval: 25 })
    .toBeGreaterThanOrEqual(count);
}

function expectEachOnce(h: Harness): void {
  const counts = h.hub.countsByExternalRef();
  for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);
}

describe('kanslist run stopped by a signal', () => {
  let h: Harness;
  let store: Store;
  beforeEach(async () => {
    // Slow answers keep each item on screen long enough for the signal to land mid-item.
    h = await createHarness({ count: 6, errorShare: 0, seed: 29, faults: { latencyMs: 120 } });
    store = await openStore(h.storeUrl);
  });
  afterEach(async () => {
    await store?.close();
    await h?.close();
  });

  it('SIGTERM with four workers: the items in progress finish, once each, with one attempt', async () => {
    const args = ['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '4', '--json'];
    let run: StartedCli | undefined = startCli(args, { env: cliEnv(h) });
    try {
      await whileItemsRun(store, 2);
      run.child.kill('SIGTERM');
      const ended = await run.exited;
      run = undefined;
      expect(ended.stderr).toContain('finishing the items in progress');
      const summary = JSON.parse(ended.stdout) as RunSummary;
      expect(summary.status).toBe('interrupted');
      expect(summary.outcomes).toMatchObject({ retry: 0, failed: 0, lost: 0 });
      expect(summary.outcomes.done).toBeGreaterThanOrEqual(2);
      const items = await store.queue.list({ bot: BOT });
      expect(items.filter((i) => i.status === 'running' || i.status === 'uncertain')).toEqual([]);
      for (const item of items.filter((i) => i.status === 'done')) expect(item.attempts, item.key).toBe(1);
      for (const item of items.filter((i) => i.status === 'pending')) expect(item.attempts, item.key).toBe(0);
    } finally {
      run?.child.kill('SIGKILL');
    }
    const resumed = await runCli(args, { env: cliEnv(h) });
    expect(resumed.code, resumed.stderr).toBe(0);
    expectEachOnce(h);
  }, 480_000);

  it('SIGINT twice: exits at once; the next run verifies the item cut off and registers nothing twice', async () => {
    const args = ['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '1', '--json'];
    let run: StartedCli | undefined = startCli(args, { env: cliEnv(h) });
    try {
      await whileItemsRun(store, 1);
      run.child.kill('SIGINT');
      await expect.poll(() => run!.stderr(), { timeout: 60_000, interval: 25 }).toContain('finishing the items in progress');
      run.child.kill('SIGINT');
      const ended = await run.exited;
      run = undefined;
      expect(ended.code).toBe(130);
    } finally {
      run?.child.kill('SIGKILL');
    }
    const resumed = await runCli(args, { env: cliEnv(h) });
    expect(resumed.code, resumed.stderr).toBe(0);
    const summary = JSON.parse(resumed.stdout) as RunSummary;
    expect(summary.allDone).toBe(true);
    expectEachOnce(h);
    const items = await store.queue.list({ bot: BOT });
    expect(items.map((i) => i.status)).toEqual(h.input.applications.map(() => 'done'));
  }, 480_000);
});
