/**
 * The daemon on a ManualClock: never twice at once (overlap skip and queue), an operator's pause
 * taking effect from another process, and two schedulers on one store firing once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingLauncher, brief, createSchedulerHarness, schedule, type SchedulerHarness } from '../helpers/scheduler-doubles.ts';

let h: SchedulerHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const hourly = (overlap: 'skip' | 'queue') => schedule({ cron: '0 * * * *', overlap });

describe('scheduler daemon: overlap', () => {
  it("skips a fire while the previous run is still going (policy 'skip'), and fires again once it ended", async () => {
    h = await createSchedulerHarness({ schedule: hourly('skip'), start: '2026-05-04T06:30:00Z', launcher: new RecordingLauncher() });
    await h.scheduler.start();
    await h.runUntil('2026-05-04T08:30:00Z');
    expect(h.launcher.launches).toHaveLength(1);
    h.launcher.launches[0]!.finish();
    await h.scheduler.idle(); // the end recorded
    await h.runUntil('2026-05-04T09:30:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-05-04T07:00:00.000Z', decision: 'fired', reason: null },
      { at: '2026-05-04T08:00:00.000Z', decision: 'skipped', reason: 'overlap' },
      { at: '2026-05-04T09:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[1]!.detail).toContain('2026-05-04T07:00:00.000Z');
    expect(h.launcher.launches.map((l) => new Date(l.request.plannedAt).toISOString())).toEqual([
      '2026-05-04T07:00:00.000Z',
      '2026-05-04T09:00:00.000Z',
    ]);
  });

  it("queues one fire while the previous run is going (policy 'queue'), skips any further one, and runs the queued fire when the first ends", async () => {
    h = await createSchedulerHarness({ schedule: hourly('queue'), start: '2026-05-04T06:30:00Z', launcher: new RecordingLauncher() });
    await h.scheduler.start();
    await h.runUntil('2026-05-04T09:30:00Z');
    expect(h.launcher.launches).toHaveLength(1);
    // The first run ends: the queued 08:00 fire starts at once, not at the next cron instant.
    h.launcher.launches[0]!.finish();
    await h.launcher.waitForLaunches(2);
    expect(new Date(h.launcher.launches[1]!.request.plannedAt).toISOString()).toBe('2026-05-04T08:00:00.000Z');
    h.launcher.launches[1]!.finish({ outcome: 'not-all-done', exitCode: 1 });
    await h.scheduler.idle();
    await h.runUntil('2026-05-04T10:30:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-05-04T07:00:00.000Z', decision: 'fired', reason: null },
      { at: '2026-05-04T08:00:00.000Z', decision: 'queued', reason: 'overlap' },
      { at: '2026-05-04T09:00:00.000Z', decision: 'skipped', reason: 'overlap' },
      { at: '2026-05-04T10:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[1]).toMatchObject({ outcome: 'not-all-done', pid: h.launcher.launches[1]!.pid });
    expect(decisions[2]!.detail).toMatch(/already queued/);
    expect(h.launcher.launches).toHaveLength(3);
  });
});

describe('scheduler daemon: pause and resume', () => {
  it('records fires while paused as skipped (paused) — paused from another process — and fires again after resume', async () => {
    h = await createSchedulerHarness({ schedule: hourly('skip'), start: '2026-05-04T06:30:00Z' });
    await h.scheduler.start();
    const operator = await h.another({ owner: 'operator:9' }); // an operator command: its own store and ledger
    await operator.ledger.pause('intake', 'anna@ops', 'CaseHub upgrade');
    await h.runUntil('2026-05-04T08:30:00Z');
    await operator.ledger.resume('intake', 'anna@ops');
    await h.runUntil('2026-05-04T09:30:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-05-04T07:00:00.000Z', decision: 'skipped', reason: 'paused' },
      { at: '2026-05-04T08:00:00.000Z', decision: 'skipped', reason: 'paused' },
      { at: '2026-05-04T09:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[0]!.detail).toContain('anna@ops');
    expect(decisions[0]!.detail).toContain('CaseHub upgrade');
    expect(h.launcher.launches).toHaveLength(1);
  });
});

describe('scheduler daemon: several schedulers on one store', () => {
  it('launches a fire once when two schedulers plan it at the same instant', async () => {
    h = await createSchedulerHarness({ schedule: hourly('skip'), start: '2026-05-04T06:30:00Z' });
    const other = await h.another();
    await Promise.all([h.scheduler.start(), other.scheduler.start()]);
    await h.clock.waitForSleepers(2, Date.parse('2026-05-04T07:00:00Z'));
    h.clock.set(new Date('2026-05-04T07:00:00Z'));
    await h.clock.waitForSleepers(2, Date.parse('2026-05-04T08:00:00Z'));
    expect(h.launcher.launches.length + other.launcher.launches.length).toBe(1);
    expect((await h.decisions()).map(brief)).toEqual([{ at: '2026-05-04T07:00:00.000Z', decision: 'fired', reason: null }]);
  });
});
