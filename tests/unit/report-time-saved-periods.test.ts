/**
 * Periods, trend buckets and working years for the time-saved report: local midnights in the
 * configured zone (DST-correct), ISO weeks across year ends, and the FTE defaults and overrides.
 */
import { describe, expect, it } from 'vitest';
import {
  annualHoursPerFte,
  defaultBucketSize,
  periodDays,
  periodFromDates,
  periodFromInstants,
  periodFromMonth,
  periodFromQuarter,
  trendBuckets,
} from '../../src/report/time-saved/index.ts';
import { isoWeek, startOfLocalDay } from '../../src/report/time-saved/local-dates.ts';

const SE = 'Europe/Stockholm';
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('report periods', () => {
  it('runs from local midnight to local midnight, in winter and summer time', () => {
    const march = periodFromMonth('2026-03', SE);
    expect([iso(march.from), iso(march.to)]).toEqual(['2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect([march.firstDate, march.lastDate, march.endDate, march.label]).toEqual(['2026-03-01', '2026-03-31', '2026-04-01', '2026-03']);
    expect(periodDays(march)).toBe(31);
    const q4 = periodFromQuarter('2026-Q4', SE);
    expect([iso(q4.from), iso(q4.to), q4.lastDate]).toEqual(['2026-09-30T22:00:00.000Z', '2026-12-31T23:00:00.000Z', '2026-12-31']);
    const helsinki = periodFromMonth('2026-07', 'Europe/Helsinki');
    expect(iso(helsinki.from)).toBe('2026-06-30T21:00:00.000Z');
  });

  it('takes a custom period with an exclusive end date, and refuses an empty or malformed one', () => {
    const week = periodFromDates('2026-03-23', '2026-03-30', SE);
    expect(week.to - week.from).toBe(167 * HOUR);
    expect(week.label).toBe('2026-03-23..2026-03-29');
    for (const [from, to] of [
      ['2026-03-30', '2026-03-30'],
      ['2026-02-30', '2026-03-01'],
      ['2026-3-1', '2026-04-01'],
      ['2026-04-01', '2026-03-01'],
    ]) {
      expect(() => periodFromDates(from!, to!, SE)).toThrow(expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID' }));
    }
    expect(() => periodFromMonth('2026-13', SE)).toThrow(
      expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID', where: '--month' }),
    );
    expect(() => periodFromQuarter('2026-Q5', SE)).toThrow(
      expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID', where: '--quarter' }),
    );
  });

  it('rebuilds a period from its instants and refuses instants that are not local midnights', () => {
    const march = periodFromMonth('2026-03', SE);
    expect(periodFromInstants(march.from, march.to, SE, '2026-03')).toMatchObject({
      firstDate: '2026-03-01',
      lastDate: '2026-03-31',
      label: '2026-03',
    });
    expect(() => periodFromInstants(march.from + HOUR, march.to, SE)).toThrow(
      expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID' }),
    );
    expect(() => periodFromInstants(Date.UTC(2026, 2, 1), march.to, SE)).toThrow(
      expect.objectContaining({ code: 'KANSLIST_REPORT_PERIOD_INVALID' }),
    );
  });

  it('starts a day at its first existing minute where a DST jump skips midnight', () => {
    // Chile moved its clocks from 00:00 to 01:00 on 2026-09-06.
    const day = startOfLocalDay({ year: 2026, month: 9, day: 6 }, 'America/Santiago');
    expect(iso(day)).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(startOfLocalDay({ year: 2026, month: 9, day: 5 }, 'America/Santiago'))).toBe('2026-09-05T04:00:00.000Z');
  });
});

describe('trend buckets', () => {
  it('cuts a month into local ISO weeks, partial at both ends, 167 and 169 hours long across DST', () => {
    const spring = trendBuckets(periodFromMonth('2026-03', SE), 'week');
    expect(spring.map((b) => b.label)).toEqual(['2026-W09', '2026-W10', '2026-W11', '2026-W12', '2026-W13', '2026-W14']);
    expect(spring.map((b) => (b.end - b.start) / HOUR)).toEqual([24, 168, 168, 168, 167, 48]);
    const autumn = trendBuckets(periodFromDates('2026-10-19', '2026-11-02', SE), 'week');
    expect(autumn.map((b) => [b.label, (b.end - b.start) / HOUR])).toEqual([
      ['2026-W43', 169],
      ['2026-W44', 168],
    ]);
    // The buckets tile the period: each starts where the previous one ended.
    for (let i = 1; i < spring.length; i++) expect(spring[i]!.start).toBe(spring[i - 1]!.end);
  });

  it('numbers weeks by the ISO week-numbering year across a year end', () => {
    expect(isoWeek({ year: 2026, month: 12, day: 31 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeek({ year: 2027, month: 1, day: 3 })).toEqual({ year: 2026, week: 53 });
    expect(isoWeek({ year: 2027, month: 1, day: 4 })).toEqual({ year: 2027, week: 1 });
    expect(isoWeek({ year: 2024, month: 12, day: 30 })).toEqual({ year: 2025, week: 1 });
    const turn = trendBuckets(periodFromDates('2026-12-28', '2027-01-11', SE), 'week');
    expect(turn.map((b) => [b.label, b.year, b.number])).toEqual([
      ['2026-W53', 2026, 53],
      ['2027-W01', 2027, 1],
    ]);
  });

  it('cuts a quarter into months, and picks weeks for short periods and months for long ones', () => {
    const q1 = periodFromQuarter('2026-Q1', SE);
    expect(trendBuckets(q1, 'month').map((b) => [b.label, b.startDate])).toEqual([
      ['2026-01', '2026-01-01'],
      ['2026-02', '2026-02-01'],
      ['2026-03', '2026-03-01'],
    ]);
    expect(defaultBucketSize(q1)).toBe('week');
    expect(defaultBucketSize(periodFromDates('2026-01-01', '2027-01-01', SE))).toBe('month');
  });
});

describe('annual hours per full-time equivalent', () => {
  it('defaults by the country of the configured time zone, else of the organisation’s language', () => {
    expect(annualHoursPerFte({}, { timeZone: 'Europe/Stockholm', language: 'sv' })).toEqual({
      hours: 1700,
      source: 'country',
      country: 'SE',
      countrySource: 'timeZone',
    });
    expect(annualHoursPerFte({}, { timeZone: 'Europe/Copenhagen', language: 'sv' })).toMatchObject({
      hours: 1628,
      country: 'DK',
      countrySource: 'timeZone',
    });
    expect(annualHoursPerFte({}, { timeZone: 'Europe/Berlin', language: 'en' })).toMatchObject({ hours: 1700, country: 'DE' });
    expect(annualHoursPerFte({}, { timeZone: 'Europe/Oslo', language: 'sv' })).toMatchObject({ hours: 1695, country: 'NO' });
    // A zone that names none of the four: the organisation's language decides, English assuming Sweden.
    expect(annualHoursPerFte({}, { timeZone: 'UTC', language: 'da' })).toEqual({
      hours: 1628,
      source: 'country',
      country: 'DK',
      countrySource: 'language',
    });
    expect(annualHoursPerFte({}, { timeZone: 'UTC', language: 'en' })).toMatchObject({ hours: 1700, country: 'SE' });
  });

  it('takes reports.country, and reports.annualHoursPerFte over any default', () => {
    expect(annualHoursPerFte({ country: 'NO' }, { timeZone: 'Europe/Stockholm', language: 'sv' })).toEqual({
      hours: 1695,
      source: 'country',
      country: 'NO',
      countrySource: 'config',
    });
    expect(annualHoursPerFte({ country: 'DK', annualHoursPerFte: 1500 }, { timeZone: 'Europe/Stockholm', language: 'sv' })).toEqual({
      hours: 1500,
      source: 'config',
      country: 'DK',
      countrySource: 'config',
    });
  });
});
