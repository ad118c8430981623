/**
 * Whether a fire at an instant should run, in the schedule's local time. Checked in order:
 * closed date, holiday, closed weekday, maintenance window, availability window.
 */
import { closingHoliday } from './calendar.ts';
import { parseClock, parseDays } from './days.ts';
import { zoneOf } from './define.ts';
import { localTime, type LocalTime } from './local-time.ts';
import type { DatedWindow, FireDecision, Schedule, WeeklyWindow } from './types.ts';

export function decideFire(schedule: Schedule, at: Date): FireDecision {
  const local = localTime(at, zoneOf(schedule));
  const cal = schedule.calendar;
  if (cal) {
    // 1. A date the organisation closes.
    if (cal.closedDates.includes(local.date))
      return { run: false, reason: 'closed-date', detail: `${local.date} is a configured closed date` };
    // 2. A public holiday (or a customary day off, when asked for).
    const holiday = closingHoliday(cal, local.date);
    if (holiday) {
      const kind = holiday.type === 'public' ? 'public holiday' : 'customary day off';
      return { run: false, reason: 'holiday', holiday: holiday.name, detail: `${holiday.name} (${kind}, ${cal.country})` };
    }
    // 3. A weekday never run.
    if (cal.closedWeekdays.includes(local.weekday))
      return { run: false, reason: 'closed-weekday', detail: `${local.weekday} is a closed weekday` };
  }
  // 4. The system is down for maintenance.
  const maintenance = schedule.windows.maintenance.find((w) => inWindow(w, local));
  if (maintenance) return { run: false, reason: 'maintenance', detail: `maintenance ${label(maintenance)}` };
  // 5. The system is not available (no windows given: always available).
  const available = schedule.windows.available;
  if (available.length > 0 && !available.some((w) => inWindow(w, local))) {
    return { run: false, reason: 'outside-window', detail: `${local.time} is outside ${available.map(label).join(', ')}` };
  }
  return { run: true };
}

function inWindow(window: WeeklyWindow | DatedWindow, local: LocalTime): boolean {
  const onDay = 'date' in window ? window.date === local.date : (parseDays(window.days)?.has(local.weekday) ?? false);
  if (!onDay) return false;
  const from = parseClock(window.from) ?? 0;
  const to = parseClock(window.to) ?? 0;
  return local.minutes >= from && local.minutes < to;
}

export function label(window: WeeklyWindow | DatedWindow): string {
  return `${'date' in window ? window.date : window.days} ${window.from}–${window.to}`;
}
