/**
 * Trend buckets: ISO weeks (Monday to Monday) or calendar months, in local time, clipped to the
 * period. Their boundaries are local midnights computed per date, so a week that contains a DST
 * change is 167 or 169 hours long — as it is on the clerks' calendar.
 */
import { addDays, addMonths, formatCivilDate, isoWeek, isoWeekday, localDate, startOfLocalDay, type CivilDate } from './local-dates.ts';
import type { ReportPeriod } from './period.ts';

export type BucketSize = 'week' | 'month';

export interface TrendBucket {
  /** '2026-W13' (ISO week-numbering year and week) or '2026-03'. */
  label: string;
  /** Epoch ms, inclusive. The first bucket starts at the period's start even mid-week. */
  start: number;
  /** Epoch ms, exclusive. The last bucket ends at the period's end. */
  end: number;
  /** Local date of `start`, 'YYYY-MM-DD'. */
  startDate: string;
  /** ISO week-numbering year (weeks) or calendar year (months). */
  year: number;
  /** ISO week 1–53, or month 1–12. */
  number: number;
}

function nextBoundary(date: CivilDate, size: BucketSize): CivilDate {
  return size === 'month' ? addMonths(date, 1) : addDays(date, 8 - isoWeekday(date));
}

function numbering(date: CivilDate, size: BucketSize): { label: string; year: number; number: number } {
  if (size === 'month') return { label: `${date.year}-${String(date.month).padStart(2, '0')}`, year: date.year, number: date.month };
  const week = isoWeek(date);
  return { label: `${week.year}-W${String(week.week).padStart(2, '0')}`, year: week.year, number: week.week };
}

export function trendBuckets(period: ReportPeriod, size: BucketSize): TrendBucket[] {
  const buckets: TrendBucket[] = [];
  let date = localDate(period.from, period.timeZone);
  let start = period.from;
  while (start < period.to) {
    const next = nextBoundary(date, size);
    const end = Math.min(startOfLocalDay(next, period.timeZone), period.to);
    buckets.push({ ...numbering(date, size), start, end, startDate: formatCivilDate(date) });
    date = next;
    start = end;
  }
  return buckets;
}

/** Weeks for periods up to about a quarter (14 weeks), months for longer ones. */
export function defaultBucketSize(period: ReportPeriod): BucketSize {
  return period.to - period.from <= 98 * 86_400_000 ? 'week' : 'month';
}
