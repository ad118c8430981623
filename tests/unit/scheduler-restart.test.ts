/**
 * The daemon after downtime, on ManualClocks: a restart with a later "now" records what it
 * missed (and what the calendar would have skipped anyway), catches up the last missed fire when
 * the schedule asks, and keeps the record bounded after a long outage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/schedule/daemon/clock.ts';
import { RecordingLauncher, brief, createSchedulerHarness, schedule, type SchedulerHarness } from '../helpers/scheduler-doubles.ts';

let h: SchedulerHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const intake = (extra: object = {}) =>
  schedule({
    cron: '0 7,10,14 * * 1-5',
    calendar: { country: 'SE' },
    windows: { available: [{ days: 'mon-fri', from: '06:00', to: '22:00' }] },
    catchUp: 'last',
    ...extra,
  });

/** Runs the first scheduler over its 07:00 fire on Wednesday 2026-04-01, then stops it: the scheduler goes down. */
async function firstDayThenDown(x: SchedulerHarness): Promise<void> {
  await x.scheduler.start();
  await x.runUntil('2026-04-01T06:00:00Z');
  await x.scheduler.stop();
}

describe('scheduler daemon: restart after downtime', () => {
  it("records the fires missed over Easter, the holidays as skipped, and catches up the last missed one once (catchUp 'last')", async () => {
    h = await createSchedulerHarness({ schedule: intake(), start: '2026-04-01T04:00:00Z' });
    await firstDayThenDown(h);
    // Back on Tuesday 2026-04-07 at 09:00 local: 07:00 that morning is the last missed fire.
    const restarted = await h.another({ clock: new ManualClock(new Date('2026-04-07T07:00:00Z')) });
    await restarted.scheduler.start();
    await restarted.launcher.waitForLaunches(1);
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-04-01T05:00:00.000Z', decision: 'fired', reason: null },
      { at: '2026-04-01T08:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-01T12:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-02T05:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-02T08:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-02T12:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-03T05:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-03T08:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-03T12:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-06T05:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-06T08:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-06T12:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-07T05:00:00.000Z', decision: 'caught-up', reason: null },
    ]);
    expect(decisions.at(-1)).toMatchObject({ trigger: 'catch-up', decidedAt: Date.parse('2026-04-07T07:00:00Z') });
    expect(restarted.launcher.launches.map((l) => [new Date(l.request.plannedAt).toISOString(), l.request.trigger])).toEqual([
      ['2026-04-07T05:00:00.000Z', 'catch-up'],
    ]);
    // A second scheduler restarting at the same moment records nothing new and launches nothing.
    const alsoRestarted = await h.another({ clock: new ManualClock(new Date('2026-04-07T07:00:01Z')) });
    await alsoRestarted.scheduler.start();
    expect(alsoRestarted.launcher.launches).toHaveLength(0);
    expect(await h.decisions()).toHaveLength(decisions.length);
  });

  it('does not catch up when the rules stop it now (outside the window): the last fire stays missed, with the reason', async () => {
    h = await createSchedulerHarness({ schedule: intake(), start: '2026-04-01T04:00:00Z' });
    await firstDayThenDown(h);
    const restarted = await h.another({ clock: new ManualClock(new Date('2026-04-01T21:30:00Z')) }); // 23:30 local
    await restarted.scheduler.start();
    const decisions = await h.decisions();
    expect(decisions.map(brief).slice(1)).toEqual([
      { at: '2026-04-01T08:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-04-01T12:00:00.000Z', decision: 'missed', reason: 'outside-window' },
    ]);
    expect(decisions.at(-1)!.detail).toMatch(/not caught up/);
    expect(restarted.launcher.launches).toHaveLength(0);
  });

  it("records missed fires without running any when catchUp is 'none'", async () => {
    h = await createSchedulerHarness({ schedule: intake({ catchUp: 'none' }), start: '2026-04-01T04:00:00Z' });
    await firstDayThenDown(h);
    const restarted = await h.another({ clock: new ManualClock(new Date('2026-04-02T09:00:00Z')) });
    await restarted.scheduler.start();
    expect((await h.decisions()).map((d) => d.decision)).toEqual(['fired', 'missed', 'missed', 'missed', 'missed']);
    expect(restarted.launcher.launches).toHaveLength(0);
  });

  it('starts a schedule it never saw from now: nothing missed', async () => {
    h = await createSchedulerHarness({ schedule: intake(), start: '2026-04-07T07:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-04-07T09:00:00Z');
    expect((await h.decisions()).map(brief)).toEqual([{ at: '2026-04-07T08:00:00.000Z', decision: 'fired', reason: null }]);
  });

  it('keeps the record bounded after a long outage: the newest 100 one by one, the rest in one summary', async () => {
    const everySecond = schedule({ cron: '* * * * * *' });
    h = await createSchedulerHarness({ schedule: everySecond, start: '2026-04-01T06:00:00.500Z' });
    await h.ledger.decide({
      schedule: everySecond.name,
      plannedAt: Date.parse('2026-04-01T05:00:00Z'),
      decision: 'fired',
      trigger: 'cron',
      bot: everySecond.bot,
    });
    await h.scheduler.start(); // an hour later: 3600 fires missed
    const decisions = await h.decisions();
    expect(decisions).toHaveLength(1 + 1 + 100);
    const summary = decisions[1]!;
    expect(summary).toMatchObject({ decision: 'missed', plannedAt: Date.parse('2026-04-01T05:58:20Z') });
    expect(summary.detail).toContain('3500 earlier fire(s)');
    expect(decisions.slice(2).map((d) => d.decision)).toEqual(Array(100).fill('missed'));
    expect(decisions.at(-1)!.plannedAt).toBe(Date.parse('2026-04-01T06:00:00Z'));
  });

  it('records the fires it slept through (a suspended machine) as missed and runs only the newest', async () => {
    h = await createSchedulerHarness({
      schedule: schedule({ cron: '0 * * * *' }),
      start: '2026-05-04T06:30:00Z',
      launcher: new RecordingLauncher({}),
    });
    await h.scheduler.start();
    await h.clock.waitForSleepers(1, Date.parse('2026-05-04T07:00:00Z'));
    h.clock.set(new Date('2026-05-04T09:10:00Z'));
    await h.clock.waitForSleepers(1, Date.parse('2026-05-04T10:00:00Z'));
    expect((await h.decisions()).map(brief)).toEqual([
      { at: '2026-05-04T07:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-05-04T08:00:00.000Z', decision: 'missed', reason: null },
      { at: '2026-05-04T09:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(h.launcher.launches).toHaveLength(1);
  });
});
