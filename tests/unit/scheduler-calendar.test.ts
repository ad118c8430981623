/**
 * The daemon on a ManualClock: what it launches and records across daylight-saving changes,
 * Swedish holidays and the system's windows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { brief, createSchedulerHarness, schedule, type SchedulerHarness } from '../helpers/scheduler-doubles.ts';

let h: SchedulerHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const launchedAt = (x: SchedulerHarness) => x.launcher.launches.map((l) => new Date(l.request.plannedAt).toISOString());

describe('scheduler daemon: daylight saving in Europe/Stockholm', () => {
  it('spring forward: a daily 02:30 fires once on the short night, at 03:30 CEST, and at 02:30 the next day', async () => {
    h = await createSchedulerHarness({ schedule: schedule({ cron: '30 2 * * *' }), start: '2026-03-28T12:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-03-30T12:00:00Z');
    // 2026-03-29 02:30 does not exist; 03:30 CEST is 01:30 UTC. 2026-03-30 02:30 CEST is 00:30 UTC.
    expect(launchedAt(h)).toEqual(['2026-03-29T01:30:00.000Z', '2026-03-30T00:30:00.000Z']);
    expect((await h.decisions()).map(brief)).toEqual([
      { at: '2026-03-29T01:30:00.000Z', decision: 'fired', reason: null },
      { at: '2026-03-30T00:30:00.000Z', decision: 'fired', reason: null },
    ]);
  });

  it('fall back: a daily 02:30 fires once on the long night, at its first occurrence (CEST)', async () => {
    h = await createSchedulerHarness({ schedule: schedule({ cron: '30 2 * * *' }), start: '2026-10-24T12:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-10-26T12:00:00Z');
    // 2026-10-25 02:30 CEST is 00:30 UTC (02:30 CET, 01:30 UTC, is not run again); 2026-10-26 02:30 CET is 01:30 UTC.
    expect(launchedAt(h)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']);
    const decisions = await h.decisions();
    expect(
      decisions.filter((d) => d.plannedAt >= Date.parse('2026-10-25T00:00:00Z') && d.plannedAt < Date.parse('2026-10-26T00:00:00Z')),
    ).toHaveLength(1);
  });
});

describe('scheduler daemon: Swedish holidays', () => {
  const weekdays = (extra: object = {}) =>
    schedule({ cron: '0 7 * * 1-5', calendar: { country: 'SE', closedDates: ['2026-06-19'] }, ...extra });

  it('skips Good Friday with the holiday named, and runs again on the Tuesday after Easter Monday', async () => {
    h = await createSchedulerHarness({ schedule: weekdays(), start: '2026-04-02T12:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-04-07T12:00:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-04-03T05:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-06T05:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-04-07T05:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[0]!.detail).toMatch(/långfredagen/i);
    expect(decisions[1]!.detail).toMatch(/annandag påsk/i);
    expect(launchedAt(h)).toEqual(['2026-04-07T05:00:00.000Z']);
  });

  it('skips Ascension Day', async () => {
    h = await createSchedulerHarness({ schedule: weekdays(), start: '2026-05-13T12:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-05-15T12:00:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-05-14T05:00:00.000Z', decision: 'skipped', reason: 'holiday' },
      { at: '2026-05-15T05:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[0]!.detail).toMatch(/kristi himmelsfärds/i);
  });

  it('skips midsummer eve when it is a configured closed date', async () => {
    h = await createSchedulerHarness({ schedule: weekdays(), start: '2026-06-18T12:00:00Z' });
    await h.scheduler.start();
    await h.runUntil('2026-06-22T12:00:00Z');
    const decisions = await h.decisions();
    expect(decisions.map(brief)).toEqual([
      { at: '2026-06-19T05:00:00.000Z', decision: 'skipped', reason: 'closed-date' },
      { at: '2026-06-22T05:00:00.000Z', decision: 'fired', reason: null },
    ]);
    expect(decisions[0]!.detail).toContain('2026-06-19');
    expect(h.launcher.launches).toHaveLength(1);
  });
});

describe('scheduler daemon: windows', () => {
  it('fires inside the availability window and records the fires outside it and in maintenance as skipped', async () => {
    const s = schedule({
      cron: '0 5,7,21,23 * * *',
      windows: {
        available: [{ days: 'mon-fri', from: '06:00', to: '22:00' }],
        maintenance: [{ date: '2026-05-05', from: '20:00', to: '23:00' }],
      },
    });
    h = await createSchedulerHarness({ schedule: s, start: '2026-05-04T00:00:00Z' }); // a Monday, 02:00 local
    await h.scheduler.start();
    await h.runUntil('2026-05-05T23:59:00Z');
    expect(
      (await h.decisions()).map((d) => [
        new Date(d.plannedAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' }),
        d.decision,
        d.reason,
      ]),
    ).toEqual([
      ['2026-05-04 05:00:00', 'skipped', 'outside-window'],
      ['2026-05-04 07:00:00', 'fired', null],
      ['2026-05-04 21:00:00', 'fired', null],
      ['2026-05-04 23:00:00', 'skipped', 'outside-window'],
      ['2026-05-05 05:00:00', 'skipped', 'outside-window'],
      ['2026-05-05 07:00:00', 'fired', null],
      ['2026-05-05 21:00:00', 'skipped', 'maintenance'],
      ['2026-05-05 23:00:00', 'skipped', 'outside-window'],
    ]);
    expect(h.launcher.launches).toHaveLength(3);
  });
});
