/**
 * The daemon's pure parts: which cron instants lie in a downtime (DST-correct, bounded), how a
 * schedule's input glob becomes files, and clocks that sleep until an instant or a stop.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ManualClock, systemClock } from '../../src/schedule/daemon/clock.ts';
import { resolveScheduleInput } from '../../src/schedule/daemon/input-files.ts';
import { cronInstantsBetween, nextCronFire, planDowntime } from '../../src/schedule/daemon/planner.ts';
import { schedule } from '../helpers/scheduler-doubles.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const t = (s: string) => Date.parse(s);

describe('planDowntime', () => {
  const daily = schedule({ cron: '30 2 * * *', calendar: { country: 'SE' } });

  it('lists each instant of a downtime once, across the fall-back night too', () => {
    const plan = planDowntime(daily, t('2026-10-23T00:30:00Z'), t('2026-10-27T12:00:00Z'));
    expect(plan.entries.map((e) => [iso(e.plannedAt), e.decision])).toEqual([
      ['2026-10-24T00:30:00.000Z', 'missed'],
      ['2026-10-25T00:30:00.000Z', 'missed'], // 02:30 CEST; the repeated 02:30 CET is not a second fire
      ['2026-10-26T01:30:00.000Z', 'missed'],
      ['2026-10-27T01:30:00.000Z', 'missed'],
    ]);
    expect(plan.lastMissed).toBe(t('2026-10-27T01:30:00Z'));
    expect(plan.omitted).toBeNull();
  });

  it('skips with the holiday and leaves the last missed instant for a catch-up', () => {
    const plan = planDowntime(daily, t('2026-12-23T12:00:00Z'), t('2026-12-26T12:00:00Z'));
    expect(plan.entries.map((e) => [iso(e.plannedAt), e.decision, e.decision === 'skipped' ? e.reason : null])).toEqual([
      ['2026-12-24T01:30:00.000Z', 'missed', null], // Christmas Eve is a customary day off, not closed by default
      ['2026-12-25T01:30:00.000Z', 'skipped', 'holiday'],
      ['2026-12-26T01:30:00.000Z', 'skipped', 'holiday'],
    ]);
    expect(plan.lastMissed).toBe(t('2026-12-24T01:30:00Z'));
  });

  it('plans nothing for a schedule never decided before, or when nothing was due', () => {
    expect(planDowntime(daily, null, t('2026-10-27T12:00:00Z'))).toEqual({ entries: [], omitted: null, lastMissed: null });
    expect(planDowntime(daily, t('2026-10-27T01:30:00Z'), t('2026-10-27T12:00:00Z')).entries).toEqual([]);
  });

  it('does not count "now" itself as missed: the loop fires it', () => {
    const hourly = schedule({ cron: '0 * * * *' });
    expect(planDowntime(hourly, t('2026-05-04T06:00:00Z'), t('2026-05-04T08:00:00Z')).entries.map((e) => iso(e.plannedAt))).toEqual([
      '2026-05-04T07:00:00.000Z',
    ]);
    expect(nextCronFire(hourly, t('2026-05-04T08:00:00Z') - 1)).toBe(t('2026-05-04T08:00:00Z'));
  });

  it('bounds what it lists and how far it scans', () => {
    const everySecond = schedule({ cron: '* * * * * *' });
    const plan = planDowntime(everySecond, t('2026-05-04T00:00:00Z'), t('2026-05-04T06:00:00Z'), { maxRecords: 10, maxScan: 1000 });
    expect(plan.entries).toHaveLength(10);
    expect(iso(plan.entries[9]!.plannedAt)).toBe('2026-05-04T05:59:59.000Z');
    expect(plan.omitted).toMatchObject({ count: 1000, atLeast: true, first: t('2026-05-04T00:00:01Z') });
  });

  it('lists the instants due in a range, in order', () => {
    const s = schedule({ cron: '0 7,10,14 * * 1-5' });
    expect(cronInstantsBetween(s, t('2026-05-08T06:00:00Z'), t('2026-05-11T09:00:00Z')).map(iso)).toEqual([
      '2026-05-08T08:00:00.000Z',
      '2026-05-08T12:00:00.000Z',
      '2026-05-11T05:00:00.000Z',
      '2026-05-11T08:00:00.000Z',
    ]);
  });
});

describe('a schedule input', () => {
  const root = mkdtempSync(join(tmpdir(), 'kanslist-input-glob-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("is the bot's own source when none is given, a file as given, or a glob's matches in name order", () => {
    mkdirSync(join(root, 'inbox'));
    for (const f of ['b.xlsx', 'a.xlsx', 'notes.txt']) writeFileSync(join(root, 'inbox', f), '');
    expect(resolveScheduleInput(undefined, root)).toEqual([undefined]);
    expect(resolveScheduleInput('inbox/missing.xlsx', root)).toEqual([join(root, 'inbox', 'missing.xlsx')]);
    expect(resolveScheduleInput('inbox/*.xlsx', root)).toEqual([join(root, 'inbox', 'a.xlsx'), join(root, 'inbox', 'b.xlsx')]);
    expect(resolveScheduleInput('inbox/*.csv', root)).toEqual([]);
    expect(resolveScheduleInput('nowhere/*.xlsx', root)).toEqual([]);
  });
});

describe('clocks', () => {
  it('a ManualClock wakes a sleeper when time reaches its instant, or when the stop signal aborts', async () => {
    const clock = new ManualClock(t('2026-05-04T06:00:00Z'));
    const stop = new AbortController();
    const woke: string[] = [];
    const first = clock.sleepUntil(t('2026-05-04T07:00:00Z'), stop.signal).then(() => woke.push('07:00'));
    const second = clock.sleepUntil(t('2026-05-04T09:00:00Z'), stop.signal).then(() => woke.push('09:00'));
    await clock.waitForSleepers(2);
    clock.set(t('2026-05-04T08:00:00Z'));
    await first;
    expect(woke).toEqual(['07:00']);
    stop.abort();
    await second;
    expect(woke).toEqual(['07:00', '09:00']);
    expect(clock.pending()).toEqual([]);
    expect(() => clock.set(t('2026-05-04T05:00:00Z'))).toThrow(RangeError);
  });

  it('the system clock returns at once for a past instant and on abort, without waiting for a far one', async () => {
    const stop = new AbortController();
    await systemClock.sleepUntil(Date.now() - 1000, stop.signal);
    const far = systemClock.sleepUntil(Date.now() + 365 * 86_400_000, stop.signal);
    stop.abort();
    await far;
  });
});
