/** A schedule in words for operators: the cron via cronstrue, then zone, calendar and windows. */
import cronstrueI18n from 'cronstrue/i18n.js';
import { zoneOf } from './define.ts';
import { label } from './decide.ts';
import type { Schedule } from './types.ts';

/** cronstrue's i18n build (all locales, Swedish included) is CommonJS: its exports object has `toString`. */
const cronstrue = cronstrueI18n as unknown as {
  toString(expression: string, options?: { locale?: string; use24HourTimeFormat?: boolean; verbose?: boolean }): string;
};

export interface ScheduleDescription {
  cron: string;
  timeZone: string;
  calendar: string;
  windows: string;
  text: string;
}

export function describeSchedule(schedule: Schedule, options: { language?: 'sv' | 'en' | 'da' | 'de' | 'nb' } = {}): ScheduleDescription {
  const cron = cronstrue.toString(schedule.cron, { locale: options.language ?? 'en', use24HourTimeFormat: true, verbose: false });
  const timeZone = zoneOf(schedule);
  const calendar = describeCalendar(schedule);
  const windows = describeWindows(schedule);
  const text = [`${cron} (${timeZone})`, calendar, windows].filter(Boolean).join('; ');
  return { cron, timeZone, calendar, windows, text };
}

function describeCalendar(schedule: Schedule): string {
  const c = schedule.calendar;
  if (!c) return '';
  const parts = [`not on ${c.country}${c.region ? `-${c.region}` : ''} public holidays`];
  if (c.closeCustomaryDays) parts.push('customary days off');
  if (c.closedWeekdays.length) parts.push(c.closedWeekdays.join(', '));
  if (c.closedDates.length) parts.push(c.closedDates.join(', '));
  return parts.join(', ');
}

function describeWindows(schedule: Schedule): string {
  const { available, maintenance } = schedule.windows;
  const parts: string[] = [];
  if (available.length) parts.push(`only ${available.map(label).join(', ')}`);
  if (maintenance.length) parts.push(`not during maintenance ${maintenance.map(label).join(', ')}`);
  return parts.join('; ');
}
