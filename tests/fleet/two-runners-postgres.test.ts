/**
 * A fleet: two `kanslist run` processes at once on ONE PostgreSQL queue (one fresh schema), both
 * given the same export. Each runner has its own robot accounts — CaseHub ends a user's older
 * session when they log in again — runner A robots 1-2, runner B robots 3-4. Every application
 * must be registered exactly once and no item attempted by both runners. How the work splits
 * between them is up to the queue and not asserted.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROBOT_ACCOUNTS } from '../../src/fixtures/casehub/index.ts';
import type { RunSummary } from '../../src/runner/summary.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { startCli } from '../helpers/cli.ts';
import { BOT, cliEnv, createHarness, type Harness } from '../helpers/run-harness.ts';

const pgUrl = process.env.KANSLIST_TEST_PG_URL;

describe.skipIf(!pgUrl)('two runners on one PostgreSQL queue (set KANSLIST_TEST_PG_URL to run)', () => {
  const schema = `kanslist_fleet_${randomBytes(5).toString('hex')}`;
  let h: Harness;
  let store: Store;

  beforeAll(async () => {
    h = await createHarness({
      count: 16,
      errorShare: 0,
      seed: 29,
      faults: { latencyMs: 150, jitterMs: 50 },
      storeUrl: `${pgUrl}${pgUrl!.includes('?') ? '&' : '?'}schema=${schema}`,
    });
    store = await openStore(h.storeUrl);
  });
  afterAll(async () => {
    await store?.close();
    await h?.close();
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`drop schema if exists "${schema}" cascade`).finally(() => client.end());
  });

  it('registers every application exactly once, each item handled by one runner only', async () => {
    const args = ['run', BOT, '--input', h.input.xlsxPath, '--concurrency', '2', '--json'];
    const runnerA = startCli(args, { env: robotEnv(h, [0, 1]) });
    const runnerB = startCli(args, { env: robotEnv(h, [2, 3]) });
    const [a, b] = await Promise.all([runnerA.exited, runnerB.exited]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const summaries = [JSON.parse(a.stdout) as RunSummary, JSON.parse(b.stdout) as RunSummary];

    // The export was enqueued by both: once in the queue all the same.
    expect(summaries.map((s) => s.enqueue!.added).reduce((x, y) => x + y)).toBe(h.input.applications.length);
    for (const s of summaries) expect(s.outcomes.lost).toBe(0);

    // CaseHub: each application exactly once, registered under the robot account of the runner that did it.
    const counts = h.hub.countsByExternalRef();
    for (const app of h.input.applications) expect(counts[app.applicationId], app.applicationId).toBe(1);
    expect(h.hub.cases()).toHaveLength(h.input.applications.length);

    // The store: every item done, and all of an item's attempts in one run.
    const runIds = summaries.map((s) => s.runId);
    const officers: Record<string, string[]> = { [runIds[0]!]: ['robot1', 'robot2'], [runIds[1]!]: ['robot3', 'robot4'] };
    const officerByRef = new Map(h.hub.cases().map((c) => [c.externalRef, c.officer]));
    const items = await store.queue.list({ bot: BOT });
    expect(items).toHaveLength(h.input.applications.length);
    const doneBy: Record<string, number> = { [runIds[0]!]: 0, [runIds[1]!]: 0 };
    for (const item of items) {
      expect(item.status, item.key).toBe('done');
      const runs = new Set((await store.queue.attempts(item.id)).map((attempt) => attempt.runId));
      expect([...runs], `${item.key} was attempted by both runners`).toHaveLength(1);
      const [runId] = [...runs] as [string];
      expect(runIds).toContain(runId);
      expect(officers[runId]).toContain(officerByRef.get(item.key));
      doneBy[runId]!++;
    }
    // Not asserted (the queue decides), but shown: how the work was shared.
    console.info(`fleet split: runner A ${doneBy[runIds[0]!]} item(s), runner B ${doneBy[runIds[1]!]} item(s)`);
  }, 600_000);
});

/** The harness environment with exactly these robot accounts, as _USERNAME/_PASSWORD, _2 … */
function robotEnv(h: Harness, robots: number[]): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(cliEnv(h)).filter(([name]) => !/^KANSLIST_CASEHUB_(USERNAME|PASSWORD)(_\d+)?$/.test(name)));
  robots.forEach((robot, i) => {
    const suffix = i === 0 ? '' : `_${i + 1}`;
    env[`KANSLIST_CASEHUB_USERNAME${suffix}`] = ROBOT_ACCOUNTS[robot]!.username;
    env[`KANSLIST_CASEHUB_PASSWORD${suffix}`] = ROBOT_ACCOUNTS[robot]!.password;
  });
  return env;
}
