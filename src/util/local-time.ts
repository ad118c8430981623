/**
 * Times as operators read them: wall-clock time in a zone with its UTC offset, e.g.
 * `2026-12-05 13:31:07 +01:00` — local, yet still one unambiguous instant. The offset rather than
 * an abbreviation such as CET: Intl's abbreviations depend on the locale and many zones have none.
 */
import { wallClockAsUtcDate, zoneOffsetMs } from './wall-clock.ts';

/** Empty for no time (a run that has not ended). */
export function localTime(ms: number | null | undefined, timeZone: string): string {
  if (!ms) return '';
  const local = wallClockAsUtcDate(ms, timeZone).toISOString().replace('T', ' ').slice(0, 19);
  return `${local} ${utcOffset(zoneOffsetMs(ms, timeZone))}`;
}

/** `+01:00`, `-05:00`, `+05:30`, `+00:00`. */
function utcOffset(offsetMs: number): string {
  const minutes = Math.round(Math.abs(offsetMs) / 60_000);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${offsetMs < 0 ? '-' : '+'}${hh}:${mm}`;
}

/** A time in a log line: local with its offset when the zone is known, else ISO 8601 UTC (with Z). */
export function logTime(ms: number, timeZone: string | undefined): string {
  return timeZone ? localTime(ms, timeZone) : new Date(ms).toISOString();
}
