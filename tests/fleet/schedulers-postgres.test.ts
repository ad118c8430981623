/**
 * A fleet of schedulers: two Scheduler instances (each with its own pool, ledger and audit chain,
 * as two machines would have) on ONE PostgreSQL schema, the same schedule, and clocks at the
 * same instant. Each fire must be launched exactly once, and what one decided the other must not
 * decide again — a skip, an overlap, a restart's catch-up alike.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAll } from '../../src/audit/trail.ts';
import { ManualClock } from '../../src/schedule/daemon/clock.ts';
import { usePgSchemas } from '../helpers/pg-schemas.ts';
import { RecordingLauncher, brief, createSchedulerHarness, schedule, type SchedulerHarness } from '../helpers/scheduler-doubles.ts';

const { url: pgUrl, newSchemaUrl: storeUrl } = usePgSchemas('kanslist_sched');

describe.skipIf(!pgUrl)('two schedulers on one PostgreSQL schema (set KANSLIST_TEST_PG_URL to run)', () => {
  let h: SchedulerHarness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('launches each fire once, records each decision once, and both audit chains verify', async () => {
    const hourly = schedule({ cron: '0 * * * *', calendar: { country: 'SE' } });
    h = await createSchedulerHarness({
      schedule: hourly,
      start: '2026-05-13T03:30:00Z',
      storeUrl: storeUrl(),
      launcher: new RecordingLauncher({}),
    });
    const other = await h.another();
    await Promise.all([h.scheduler.start(), other.scheduler.start()]);
    // Every hour from 06:00 local to midnight, which starts Ascension Day (a holiday): both schedulers plan each fire.
    for (let at = Date.parse('2026-05-13T04:00:00Z'); at <= Date.parse('2026-05-13T22:00:00Z'); at += 3_600_000) {
      await h.clock.waitForSleepers(2, at);
      h.clock.set(at);
    }
    await h.clock.waitForSleepers(2, Date.parse('2026-05-13T23:00:00Z'));
    await Promise.all([h.scheduler.idle(), other.scheduler.idle()]);

    const launched = [...h.launcher.launches, ...other.launcher.launches].map((l) => new Date(l.request.plannedAt).toISOString()).sort();
    const decisions = await h.decisions();
    const fired = decisions.filter((d) => d.decision === 'fired').map((d) => new Date(d.plannedAt).toISOString());
    expect(launched).toEqual(fired);
    expect(new Set(launched).size).toBe(launched.length);
    expect(decisions.map(brief)).toContainEqual({ at: '2026-05-13T22:00:00.000Z', decision: 'skipped', reason: 'holiday' });
    expect(new Set(decisions.map((d) => d.plannedAt)).size).toBe(decisions.length);
    expect(decisions.every((d) => d.decision !== 'fired' || d.outcome === 'finished')).toBe(true);

    // Restarted together later, both see the same downtime: it is recorded once and caught up at most once.
    await Promise.all([h.scheduler.stop(), other.scheduler.stop()]);
    const later = new ManualClock(new Date('2026-05-15T09:30:00Z'));
    const [a, b] = [await h.another({ clock: later }), await h.another({ clock: later })];
    await Promise.all([a.scheduler.start(), b.scheduler.start()]);
    await Promise.all([a.scheduler.idle(), b.scheduler.idle()]);
    const after = await h.decisions();
    expect(new Set(after.map((d) => d.plannedAt)).size).toBe(after.length);
    expect(a.launcher.launches.length + b.launcher.launches.length).toBe(0); // catchUp 'none' (the default)
    expect(after.filter((d) => d.decision === 'missed').length).toBeGreaterThan(0);

    const verified = await verifyAll(h.store);
    expect(verified.filter((r) => r.runId.startsWith('scheduler:')).length).toBeGreaterThanOrEqual(2);
    expect(verified.filter((r) => !r.result.ok)).toEqual([]);
  });

  it('launches a fire planned by two schedulers at the same instant exactly once, over many instants', async () => {
    const everyMinute = schedule({ cron: '* * * * *' });
    h = await createSchedulerHarness({
      schedule: everyMinute,
      start: '2026-05-13T05:00:30Z',
      storeUrl: storeUrl(),
      launcher: new RecordingLauncher({}),
    });
    const other = await h.another();
    await Promise.all([h.scheduler.start(), other.scheduler.start()]);
    let at = Date.parse('2026-05-13T05:01:00Z');
    for (let i = 0; i < 20; i++, at += 60_000) {
      await h.clock.waitForSleepers(2, at);
      h.clock.set(at);
      // Each run ends before the next minute, so every minute fires (no overlap) — once.
      await h.clock.waitForSleepers(2, at + 60_000);
      await Promise.all([h.scheduler.idle(), other.scheduler.idle()]);
    }
    const launched = [...h.launcher.launches, ...other.launcher.launches].map((l) => l.request.plannedAt).sort((x, y) => x - y);
    expect(launched).toEqual(Array.from({ length: 20 }, (_, i) => Date.parse('2026-05-13T05:01:00Z') + i * 60_000));
  });
});
