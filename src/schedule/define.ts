import type { Schedule, ScheduleInput } from './types.ts';
import { validateScheduleInput } from './validate.ts';

/**
 * Declares a schedule (the default export of `schedules/<name>.ts`). Validates at once: an invalid
 * schedule throws a ScheduleConfigError naming the field; loadSchedules adds the file.
 */
export function defineSchedule(input: ScheduleInput): Schedule {
  validateScheduleInput(input);
  const c = input.calendar;
  return {
    kind: 'kanslist.schedule',
    name: input.name,
    bot: input.bot,
    cron: input.cron.trim(),
    timeZone: input.timeZone,
    calendar: c
      ? {
          country: c.country,
          region: c.region,
          closedDates: [...(c.closedDates ?? [])],
          closedWeekdays: [...(c.closedWeekdays ?? [])],
          closeCustomaryDays: c.closeCustomaryDays ?? false,
        }
      : undefined,
    windows: { available: [...(input.windows?.available ?? [])], maintenance: [...(input.windows?.maintenance ?? [])] },
    overlap: input.overlap ?? 'skip',
    catchUp: input.catchUp ?? 'none',
    maxDurationMinutes: input.maxDurationMinutes,
    input: input.input,
    preflight: input.preflight ?? false,
  };
}

export function isSchedule(value: unknown): value is Schedule {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'kanslist.schedule';
}

/** Time zone used when a schedule names none and was not loaded with the config's zone. */
export const DEFAULT_SCHEDULE_TIME_ZONE = 'Europe/Stockholm';

export function zoneOf(schedule: Schedule): string {
  return schedule.timeZone ?? DEFAULT_SCHEDULE_TIME_ZONE;
}
