/**
 * Local wall-clock time in an IANA time zone, from epoch milliseconds: the one place Kanslist turns
 * an instant into a zone's date and time (schedules' days and windows, report dates, Excel cells).
 */
import { ConfigError } from '../errors.ts';

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0–23 */
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The zone's formatter, created once; an unknown zone is a ConfigError naming it. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new ConfigError('KANSLIST_TIME_ZONE_UNKNOWN', `"${timeZone}" is not an IANA time zone`, {
        where: 'timeZone',
        remedy: "Use e.g. 'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Berlin' (config timeZone / KANSLIST_TIME_ZONE).",
        cause,
      });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Throws KANSLIST_TIME_ZONE_UNKNOWN unless `timeZone` is a zone this Node knows. */
export function checkTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

/** Whether `zone` is an IANA time zone this Node knows. */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '') return false;
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** The local date and time at `epochMs` in `timeZone`. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const local = new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

/**
 * The zone's offset from UTC (ms) at `epochMs`. Asking Intl costs tens of microseconds, too much
 * for a sheet of a million dates, so offsets are remembered per quarter hour: when the offset is
 * the same at both ends of a quarter hour, no change of offset (DST) lies inside it.
 */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const start = Math.floor(epochMs / QUARTER_HOUR) * QUARTER_HOUR;
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map<number, number>()));
  const cached = zone.get(start);
  if (cached !== undefined) return cached;
  const atStart = intlOffset(start, timeZone);
  if (atStart !== intlOffset(start + QUARTER_HOUR - 1000, timeZone)) return intlOffset(epochMs, timeZone);
  if (zone.size >= MAX_CACHED) zone.clear();
  zone.set(start, atStart);
  return atStart;
}

const QUARTER_HOUR = 15 * 60_000;
/** Quarter hours remembered per zone (about three years' worth) before the memory is cleared. */
const MAX_CACHED = 100_000;
const offsets = new Map<string, Map<number, number>>();

/** Intl's wall-clock fields at `epochMs`, read as if they were UTC, minus `epochMs` (whole seconds). */
function intlOffset(epochMs: number, timeZone: string): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const f: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  // formatToParts gives the era's year (1 BC = 1): fine for every date a report can hold.
  const asUtc = Date.UTC(f.year ?? NaN, (f.month ?? NaN) - 1, f.day ?? NaN, f.hour ?? NaN, f.minute ?? NaN, f.second ?? NaN);
  return asUtc - whole;
}

/**
 * A Date whose UTC fields equal the wall-clock time at `epochMs` in `timeZone`: what exceljs
 * writes as the Excel serial date, so the sheet shows local time.
 */
export function wallClockAsUtcDate(epochMs: number, timeZone: string): Date {
  return new Date(epochMs + zoneOffsetMs(epochMs, timeZone));
}
