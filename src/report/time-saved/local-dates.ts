/**
 * Civil (local) dates and their instants in a time zone. A report period, a week and a month all
 * start at local midnight, which in Europe/Stockholm is 23:00 or 22:00 UTC depending on DST — so
 * boundaries are computed here, per date, and never by adding 7 × 24 hours.
 */
import { wallClock, zoneOffsetMs } from '../../util/wall-clock.ts';

/** A local calendar date. Month 1–12. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → CivilDate, or undefined when it is not a real date (2026-02-30). */
export function parseCivilDate(text: string): CivilDate | undefined {
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const roundTrip = fromDayNumber(dayNumber(date));
  return roundTrip.year === date.year && roundTrip.month === date.month && roundTrip.day === date.day ? date : undefined;
}

export function formatCivilDate(date: CivilDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (proleptic Gregorian): date arithmetic without any time zone. */
export function dayNumber(date: CivilDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / DAY_MS);
}

export function fromDayNumber(days: number): CivilDate {
  const d = new Date(days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function addDays(date: CivilDate, days: number): CivilDate {
  return fromDayNumber(dayNumber(date) + days);
}

export function addMonths(date: CivilDate, months: number): CivilDate {
  const index = date.year * 12 + (date.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1, day: 1 };
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(date: CivilDate): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The ISO 8601 week-numbering year and week of a date (week 1 holds the year's first Thursday). */
export function isoWeek(date: CivilDate): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const jan1 = { year: thursday.year, month: 1, day: 1 };
  return { year: thursday.year, week: Math.floor((dayNumber(thursday) - dayNumber(jan1)) / 7) + 1 };
}

/**
 * The first instant of a local date in the zone: local midnight; where a DST change makes midnight
 * happen twice, the first one; where a jump skips midnight (00:00 → 01:00), the jump itself.
 */
export function startOfLocalDay(date: CivilDate, timeZone: string): number {
  const wallMidnight = dayNumber(date) * DAY_MS;
  // Midnight as read with the offset in force just before it, and with the offset that gives.
  const first = wallMidnight - zoneOffsetMs(wallMidnight, timeZone);
  const second = wallMidnight - zoneOffsetMs(first, timeZone);
  const target = dayNumber(date);
  const onTheDay = [first, second].filter((at) => dayNumber(localDate(at, timeZone)) === target);
  return onTheDay.length > 0 ? Math.min(...onTheDay) : Math.max(first, second);
}

/** The local date of an instant in the zone. */
export function localDate(epochMs: number, timeZone: string): CivilDate {
  const { year, month, day } = wallClock(epochMs, timeZone);
  return { year, month, day };
}
