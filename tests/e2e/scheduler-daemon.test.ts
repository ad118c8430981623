/**
 * `kanslist scheduler` for real: a child process with a temporary schedules folder holding a
 * seconds-level schedule for bygglov-registrering. It fires, the fire's child run registers the
 * applications in CaseHub, and SIGTERM stops the daemon cleanly (exit 0) with every decision —
 * and the end of every run it started — in the store, and its audit chain verifiable.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyRun } from '../../src/audit/trail.ts';
import { listDecisions } from '../../src/schedule/ledger-queries.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, REPO_ROOT, type Harness } from '../helpers/run-harness.ts';

describe('kanslist scheduler as a child process', () => {
  let h: Harness;
  let store: Store;
  let schedulesDir: string;

  beforeAll(async () => {
    h = await createHarness({ count: 2, errorShare: 0, seed: 41 });
    store = await openStore(h.storeUrl);
    schedulesDir = join(h.dir, 'schedules');
    mkdirSync(schedulesDir);
    const api = pathToFileURL(resolve(REPO_ROOT, 'src', 'schedule', 'define.ts')).href;
    // Every third second; a fire while the run is going is skipped (overlap). `.mts`: an ES module outside any package.
    writeFileSync(
      join(schedulesDir, 'intake-now.mts'),
      `import { defineSchedule } from '${api}';\nexport default defineSchedule({ name: 'intake-now', bot: '${BOT}', cron: '*/3 * * * * *', overlap: 'skip', maxDurationMinutes: 10, input: ${JSON.stringify(h.input.xlsxPath)} });\n`,
    );
  });
  afterAll(async () => {
    await store?.close();
    await h?.close();
  });

  it('fires, the run registers the applications in CaseHub, and SIGTERM stops it with exit 0 and the decisions stored', async () => {
    const daemon = startCli(['scheduler', '--schedules', schedulesDir], { env: cliEnv(h) });
    let ended = false;
    void daemon.exited.then(() => (ended = true));
    try {
      // 1. A fire whose run ended (the daemon recorded its outcome) — or the daemon gone, which fails below.
      await expect
        .poll(
          async () =>
            ended || (await listDecisions(store, { schedule: 'intake-now' })).some((d) => d.decision === 'fired' && d.outcome !== null),
          { timeout: 180_000, interval: 200 },
        )
        .toBe(true);
      expect(ended, `the scheduler exited early:\n${daemon.stdout()}\n${daemon.stderr()}`).toBe(false);
    } finally {
      // 2. A graceful stop.
      daemon.child.kill('SIGTERM');
    }
    const exit = await daemon.exited;
    expect(exit.code, exit.stderr).toBe(0);

    // 3. CaseHub's own view: each application registered once.
    const counts = h.hub.countsByExternalRef();
    for (const a of h.input.applications) expect(counts[a.applicationId], a.applicationId).toBe(1);

    // 4. The store: the first fire finished with its run; every run the daemon started has its end recorded.
    const decisions = (await listDecisions(store, { schedule: 'intake-now', limit: 1000 })).reverse();
    const first = decisions.find((d) => d.decision === 'fired')!;
    expect(first).toMatchObject({ trigger: 'cron', outcome: 'finished', exitCode: 0 });
    const run = await store.runs.get(first.runId!);
    expect(run).toMatchObject({ trigger: 'schedule:intake-now', status: 'finished', pid: first.pid });
    expect(decisions.filter((d) => d.decision === 'fired' || d.decision === 'caught-up').every((d) => d.endedAt !== null)).toBe(true);
    expect(decisions.every((d) => d.decision === 'fired' || (d.decision === 'skipped' && d.reason === 'overlap'))).toBe(true);
    expect(exit.stdout).toMatch(/schedule intake-now \d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d\d:\d\d: fired/);

    // 5. The daemon's own audit chain verifies.
    const chains = (await store.audit.runIds()).filter((id) => id.startsWith('scheduler:'));
    expect(chains).toHaveLength(1);
    expect(await verifyRun(store, chains[0]!)).toMatchObject({ ok: true });
  }, 240_000);
});
