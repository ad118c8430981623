/**
 * A hung bot, for real: the launcher runs `kanslist run` as a child process for a tiny bot whose
 * item never finishes (and that ignores the stop request). At its maximum duration the child gets
 * SIGTERM, then SIGKILL after the grace period; the item it held ends 'uncertain' (the next run
 * verifies it), the run is marked 'timed-out', and the item transition is on the run's audit chain.
 * The deadline and the grace period run on a ManualClock moved once the item is in progress, so
 * the test waits for conditions, never for time.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { verifyRun } from '../../src/audit/trail.ts';
import { ManualClock } from '../../src/schedule/daemon/clock.ts';
import { childProcessLauncher } from '../../src/schedule/daemon/launcher.ts';
import { defineSchedule } from '../../src/schedule/define.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { plainEnv } from '../helpers/cli.ts';
import { REPO_ROOT } from '../helpers/run-harness.ts';

const HUNG_BOT = `import { defineBot, defineSystem, fromFunction } from 'kanslist';

const system = defineSystem({ name: 'stuck', baseUrl: 'http://127.0.0.1:9', screens: {} });

export default defineBot({
  name: 'stuck-bot',
  title: 'A bot whose items never finish',
  system,
  input: fromFunction(async () => [{ id: 'A-1' }, { id: 'A-2' }]),
  key: (item: { id: string }) => item.id,
  manualMinutes: 1,
  manualMinutesNote: 'test',
  itemTimeoutMs: 3600000,
  // Never resolves, and does not look at ctx.signal: only SIGKILL ends it.
  process: () => new Promise(() => undefined),
});
`;

describe('a scheduled run past its maximum duration', () => {
  let project: string;
  let store: Store;
  const storeUrl = () => `sqlite:${join(project, 'var', 'kanslist.db')}`;

  beforeAll(async () => {
    // Inside the repository, so that the bot's `import … from 'kanslist'` resolves to this package.
    mkdirSync(join(REPO_ROOT, 'var'), { recursive: true });
    project = mkdtempSync(join(REPO_ROOT, 'var', 'scheduler-hung-'));
    mkdirSync(join(project, 'bots'));
    mkdirSync(join(project, 'var'));
    writeFileSync(join(project, 'bots', 'stuck-bot.ts'), HUNG_BOT);
    store = await openStore(storeUrl());
  });
  afterAll(async () => {
    await store?.close();
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('is stopped (SIGTERM, then SIGKILL), its item in progress becomes uncertain and the run timed-out', async () => {
    const clock = new ManualClock(Date.now());
    const log = createLogger({ console: false });
    const env = plainEnv({
      KANSLIST_STUCK_USERNAME: 'robot',
      KANSLIST_STUCK_PASSWORD: 'not-a-real-secret',
      KANSLIST_VAR_DIR: join(project, 'var'),
    });
    const launcher = childProcessLauncher({ root: project, store, storeUrl: storeUrl(), env, log, clock, killGraceMs: 5_000 });
    const schedule = {
      ...defineSchedule({ name: 'stuck-nightly', bot: 'stuck-bot', cron: '0 3 * * *', maxDurationMinutes: 45 }),
      timeZone: 'Europe/Stockholm',
    };
    const maxDurationMs = 45 * 60_000;
    const deadline = clock.now() + maxDurationMs;
    const pids: number[] = [];
    const launched = launcher.launch(
      { schedule, trigger: 'cron', plannedAt: clock.now(), maxDurationMs, signal: new AbortController().signal },
      ({ pid }) => pids.push(pid),
    );

    // 1. The child works on an item (and will never finish it).
    await expect.poll(async () => (await store.queue.counts({ bot: 'stuck-bot' })).running, { timeout: 90_000, interval: 100 }).toBe(1);
    // 2. The maximum duration passes: SIGTERM. The bot ignores it; after the grace period, SIGKILL.
    await clock.waitForSleepers(1, deadline);
    clock.set(deadline);
    await clock.waitForSleepers(1, deadline + 5_000);
    clock.set(deadline + 5_000);
    const result = await launched;

    expect(pids).toHaveLength(1);
    expect(result).toMatchObject({ outcome: 'timed-out', exitCode: null, uncertainItems: 1 });
    const [run] = await store.runs.list({ bot: 'stuck-bot' });
    expect(result.runId).toBe(run!.id);
    expect(run).toMatchObject({ status: 'timed-out', trigger: 'schedule:stuck-nightly', pid: pids[0] });
    const items = await store.queue.list({ bot: 'stuck-bot' });
    expect(items.map((i) => i.status).sort()).toEqual(['pending', 'uncertain']);
    // The transition is on the run's own chain, which still verifies.
    const records = await store.audit.records(run!.id);
    expect(records.some((r) => r.kind === 'item.transition' && (JSON.parse(r.data) as { to?: string }).to === 'uncertain')).toBe(true);
    expect(await verifyRun(store, run!.id)).toMatchObject({ ok: true });
    await log.flush();
  }, 120_000);
});
