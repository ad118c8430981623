import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { localeFormat, wallClock } from '../../src/report/i18n/index.ts';
import { thrown } from '../helpers/thrown.ts';

const ZONE = 'Europe/Stockholm';
const sv = localeFormat('sv', ZONE);
const da = localeFormat('da', 'Europe/Copenhagen');
const de = localeFormat('de', 'Europe/Berlin');
const en = localeFormat('en', ZONE);
/** sv separates thousands with a no-break space (U+00A0 in Node's ICU; newer ICU may use U+202F). */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');

describe('locale number formats', () => {
  it('groups and separates decimals as each language writes them', () => {
    expect(plain(sv.number(1234.5))).toBe('1 234,5');
    expect(sv.number(1234.5)).toMatch(/^1[\u00a0\u202f]234,5$/);
    expect(da.number(1234.5)).toBe('1.234,5');
    expect(de.number(1234.5)).toBe('1.234,5');
    expect(en.number(1234.5)).toBe('1,234.5');
    expect(de.number(2, 2)).toBe('2,00');
    expect(plain(sv.integer(1234567.4))).toBe('1 234 567');
  });

  it('writes percentages from ratios', () => {
    expect(plain(sv.percent(0.125))).toBe('12,5 %');
    expect(en.percent(0.125)).toBe('12.5%');
    expect(plain(de.percent(0.5, 0))).toBe('50 %');
  });

  it('prints a dash, not NaN, for a value that is not a number (e.g. 0 of 0 items)', () => {
    expect(sv.percent(0 / 0)).toBe('–');
    expect(en.number(Infinity)).toBe('–');
    expect(de.date(NaN)).toBe('–');
  });

  it('writes hours and durations with SI units', () => {
    expect(plain(sv.hours(1234.5))).toBe('1 234,5 h');
    expect(en.hours(2)).toBe('2.0\u00a0h');
    expect(plain(sv.duration(65 * 60_000))).toBe('1 h 05 min');
    expect(plain(de.duration(42_000))).toBe('42 s');
    expect(plain(en.duration(12 * 60_000 + 30_400))).toBe('12 min 30 s');
    expect(plain(en.duration(59 * 60_000 + 59_600))).toBe('1 h 00 min');
    expect(plain(sv.duration(0))).toBe('0 s');
  });
});

describe('locale dates', () => {
  // 2026-11-22 23:30 UTC is already 23 November in Stockholm, Copenhagen and Berlin (UTC+1).
  const lateEvening = Date.UTC(2026, 10, 22, 23, 30);

  it("writes dates in the time zone given, in each language's order", () => {
    expect(sv.date(lateEvening)).toBe('2026-11-23');
    expect(da.date(lateEvening)).toBe('23.11.2026');
    expect(de.date(lateEvening)).toBe('23.11.2026');
    expect(en.date(lateEvening)).toBe('2026-11-23');
    expect(localeFormat('en', 'UTC').date(lateEvening)).toBe('2026-11-22');
  });

  it('writes date and time on a 24-hour clock, following summer time', () => {
    expect(sv.dateTime(Date.UTC(2026, 10, 22, 13, 5))).toBe('2026-11-22 14:05');
    expect(de.dateTime(Date.UTC(2026, 5, 22, 13, 5))).toBe('22.06.2026 15:05');
    expect(da.dateTime(Date.UTC(2026, 0, 1, 0, 0))).toBe('01.01.2026 01:00');
  });

  it('keeps the wall clock right on both sides of the spring and autumn changes', () => {
    // Europe/Stockholm: 2026-03-29 01:00 UTC clocks go 02:00 → 03:00; 2026-10-25 01:00 UTC 03:00 → 02:00.
    expect(sv.dateTime(Date.UTC(2026, 2, 29, 0, 59))).toBe('2026-03-29 01:59');
    expect(sv.dateTime(Date.UTC(2026, 2, 29, 1, 0))).toBe('2026-03-29 03:00');
    expect(sv.dateTime(Date.UTC(2026, 9, 25, 0, 59))).toBe('2026-10-25 02:59');
    expect(sv.dateTime(Date.UTC(2026, 9, 25, 1, 0))).toBe('2026-10-25 02:00');
    // A zone whose offset is not whole hours, across its own change (Adelaide, +10:30 → +9:30).
    const adelaide = wallClock(Date.UTC(2026, 3, 4, 16, 29, 59), 'Australia/Adelaide');
    expect([adelaide.day, adelaide.hour, adelaide.minute]).toEqual([5, 2, 59]);
    const after = wallClock(Date.UTC(2026, 3, 4, 16, 30), 'Australia/Adelaide');
    expect([after.day, after.hour, after.minute]).toEqual([5, 2, 0]);
  });

  it('takes month and weekday names from Intl', () => {
    expect(sv.monthName(11)).toBe('november');
    expect(de.monthName(3)).toBe('März');
    expect(da.weekdayName(7)).toBe('søndag');
    expect(en.weekdayName(1)).toBe('Monday');
    expect(de.monthYear(Date.UTC(2026, 10, 30, 23, 30))).toBe('Dezember 2026');
  });

  it('refuses an unknown time zone with a remedy', () => {
    const error = thrown(() => localeFormat('sv', 'Europe/Stockholmm'));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.code).toBe('KANSLIST_TIME_ZONE_UNKNOWN');
    expect(error.remedy).toContain('Europe/Stockholm');
  });
});
