import { describe, expect, it } from 'vitest';
import { cronFires, defineSchedule, localTime, nextFires } from '../../src/schedule/index.ts';

const daily0230 = defineSchedule({ name: 'nightly', bot: 'b', cron: '30 2 * * *', timeZone: 'Europe/Stockholm' });

describe('daylight saving in Europe/Stockholm', () => {
  it('spring forward (2026-03-29, 02:00→03:00): the missing 02:30 fires once, shifted to 03:30 CEST', () => {
    const fires = cronFires(daily0230, new Date('2026-03-28T12:00:00Z'), 3);
    expect(fires.map((d) => d.toISOString())).toEqual([
      '2026-03-29T01:30:00.000Z', // 03:30 CEST: the first local time after the gap
      '2026-03-30T00:30:00.000Z', // 02:30 CEST
      '2026-03-31T00:30:00.000Z',
    ]);
    expect(localTime(fires[0]!, 'Europe/Stockholm')).toMatchObject({ date: '2026-03-29', time: '03:30' });
  });

  it('fall back (2026-10-25, 03:00→02:00): 02:30 fires once, at its first occurrence (CEST), not twice', () => {
    const fires = cronFires(daily0230, new Date('2026-10-24T12:00:00Z'), 3);
    expect(fires.map((d) => d.toISOString())).toEqual([
      '2026-10-25T00:30:00.000Z', // 02:30 CEST; 02:30 CET (01:30Z) is not a second fire
      '2026-10-26T01:30:00.000Z', // 02:30 CET
      '2026-10-27T01:30:00.000Z',
    ]);
    const onTheDay = fires.filter((d) => localTime(d, 'Europe/Stockholm').date === '2026-10-25');
    expect(onTheDay).toHaveLength(1);
  });

  it('an hourly schedule through fall back lists each instant once, in order', () => {
    const hourly = defineSchedule({ name: 'h', bot: 'b', cron: '0 * * * *', timeZone: 'Europe/Stockholm' });
    const fires = nextFires(hourly, new Date('2026-10-24T23:30:00Z'), 4).map((f) => f.at.getTime());
    expect(new Set(fires).size).toBe(4);
    expect([...fires].sort((a, b) => a - b)).toEqual(fires);
  });

  it('uses the schedule zone, not the process zone, for local dates', () => {
    expect(localTime(new Date('2026-04-02T22:30:00Z'), 'Europe/Stockholm').date).toBe('2026-04-03');
    expect(localTime(new Date('2026-04-02T22:30:00Z'), 'UTC').date).toBe('2026-04-02');
  });
});
