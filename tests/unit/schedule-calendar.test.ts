import { describe, expect, it } from 'vitest';
import { decideFire, defineSchedule } from '../../src/schedule/index.ts';

const base = { name: 'permit-intake', bot: 'bygglov-registrering', cron: '0 7,10,14 * * 1-5', timeZone: 'Europe/Stockholm' };
const at = (local: string) => new Date(`${local}+02:00`); // CEST dates below

describe('Swedish holidays', () => {
  const se = defineSchedule({ ...base, calendar: { country: 'SE', closedDates: ['2026-06-19'] } });

  it('skips Good Friday 2026-04-03 as a public holiday, with its name', () => {
    expect(decideFire(se, at('2026-04-03T07:00:00'))).toEqual({
      run: false,
      reason: 'holiday',
      holiday: 'långfredagen',
      detail: 'långfredagen (public holiday, SE)',
    });
  });

  it('skips Ascension Day 2026-05-14', () => {
    expect(decideFire(se, at('2026-05-14T10:00:00'))).toMatchObject({ run: false, reason: 'holiday', holiday: 'Kristi himmelsfärdsdag' });
  });

  it('skips midsummer eve 2026-06-19 as a configured closed date', () => {
    expect(decideFire(se, at('2026-06-19T07:00:00'))).toMatchObject({ run: false, reason: 'closed-date' });
  });

  it('runs on a normal weekday (Thursday 2026-06-18)', () => {
    expect(decideFire(se, at('2026-06-18T07:00:00'))).toEqual({ run: true });
  });

  it('uses the local date: 00:30 on Good Friday is 22:30 UTC the day before', () => {
    expect(decideFire(se, new Date('2026-04-02T22:30:00Z'))).toMatchObject({ reason: 'holiday' });
    expect(decideFire(se, new Date('2026-04-02T21:30:00Z'))).toEqual({ run: true });
  });
});

describe('customary days off (date-holidays type "bank")', () => {
  it("runs on midsummer, Christmas and New Year's Eve unless closeCustomaryDays or closedDates say otherwise", () => {
    const open = defineSchedule({ ...base, calendar: { country: 'SE' } });
    expect(decideFire(open, at('2026-06-19T07:00:00'))).toEqual({ run: true });
    const closed = defineSchedule({ ...base, calendar: { country: 'SE', closeCustomaryDays: true } });
    expect(decideFire(closed, at('2026-06-19T07:00:00'))).toMatchObject({ run: false, reason: 'holiday', holiday: 'midsommarafton' });
    expect(decideFire(closed, new Date('2026-12-24T07:00:00+01:00'))).toMatchObject({ reason: 'holiday', holiday: 'julafton' });
    expect(decideFire(closed, new Date('2026-12-31T07:00:00+01:00'))).toMatchObject({ reason: 'holiday', holiday: 'nyårsafton' });
  });

  it('never closes on observances such as Maundy Thursday', () => {
    const closed = defineSchedule({ ...base, calendar: { country: 'SE', closeCustomaryDays: true } });
    expect(decideFire(closed, at('2026-04-02T07:00:00'))).toEqual({ run: true });
  });
});

describe('other calendars', () => {
  it('German state holidays depend on the region', () => {
    // Epiphany (6 Jan) is a holiday in Bavaria, not in Berlin.
    const by = defineSchedule({ ...base, timeZone: 'Europe/Berlin', calendar: { country: 'DE', region: 'BY' } });
    const be = defineSchedule({ ...base, timeZone: 'Europe/Berlin', calendar: { country: 'DE', region: 'BE' } });
    const epiphany = new Date('2026-01-06T07:00:00+01:00');
    expect(decideFire(by, epiphany)).toMatchObject({ reason: 'holiday' });
    expect(decideFire(be, epiphany)).toEqual({ run: true });
  });

  it('closed weekdays', () => {
    const s = defineSchedule({ ...base, cron: '0 7 * * *', calendar: { country: 'DK', closedWeekdays: ['sat', 'sun'] } });
    expect(decideFire(s, at('2026-06-20T07:00:00'))).toMatchObject({ run: false, reason: 'closed-weekday' });
  });
});
