/**
 * Wall-clock parts of an instant in a schedule's time zone (DST included). All schedule date math
 * goes through here so that "Good Friday" and "06:00" mean the schedule's local day and time; the
 * zone arithmetic itself is src/util/wall-clock.ts, shared with the reports.
 */
import { wallClock } from '../util/wall-clock.ts';
import type { Weekday } from './types.ts';

export { isTimeZone } from '../util/wall-clock.ts';

export interface LocalTime {
  /** 'YYYY-MM-DD' */
  date: string;
  year: number;
  weekday: Weekday;
  /** Minutes since local midnight. */
  minutes: number;
  /** 'HH:MM' */
  time: string;
}

/** Sunday first, as Date.getUTCDay counts. */
const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

export function localTime(at: Date, timeZone: string): LocalTime {
  const local = wallClock(at.getTime(), timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${local.year}-${two(local.month)}-${two(local.day)}`,
    year: local.year,
    weekday: WEEKDAYS[new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay()]!,
    minutes: local.hour * 60 + local.minute,
    time: `${two(local.hour)}:${two(local.minute)}`,
  };
}
