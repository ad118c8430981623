/** Day specs ('mon-fri', 'sat-sun', 'mon,wed', 'tue') and 'HH:MM' times. */
import type { Weekday } from './types.ts';

export const WEEKDAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The days a spec names, or undefined when it is not a valid spec. Ranges may wrap ('fri-mon'). */
export function parseDays(spec: string): Set<Weekday> | undefined {
  const days = new Set<Weekday>();
  for (const part of spec
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())) {
    const [a, b, extra] = part.split('-');
    const from = WEEKDAYS.indexOf(a as Weekday);
    if (from < 0 || extra !== undefined) return undefined;
    if (b === undefined) {
      days.add(WEEKDAYS[from]!);
      continue;
    }
    const to = WEEKDAYS.indexOf(b as Weekday);
    if (to < 0) return undefined;
    for (let i = from; ; i = (i + 1) % 7) {
      days.add(WEEKDAYS[i]!);
      if (i === to) break;
    }
  }
  return days;
}

/** Minutes since midnight for 'HH:MM' (00:00–24:00), or undefined. */
export function parseClock(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
