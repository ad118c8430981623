/**
 * Checks a schedule definition field by field; the first problem throws a ScheduleConfigError
 * naming the field (and the file, once loadSchedules adds it).
 */
import { inspect } from 'node:util';
import { CronExpressionParser } from 'cron-parser';
import cron from 'node-cron';
import { isKnownCountry, knownRegions } from './calendar.ts';
import { isIsoDate, parseClock, parseDays, WEEKDAYS } from './days.ts';
import { ScheduleConfigError } from './errors.ts';
import { isTimeZone } from './local-time.ts';
import type { ScheduleInput } from './types.ts';

type Fail = (field: string, message: string, remedy: string) => never;

export function validateScheduleInput(input: ScheduleInput): void {
  const schedule = typeof input?.name === 'string' ? input.name : undefined;
  const fail: Fail = (field, message, remedy) => {
    throw new ScheduleConfigError(field, message, { remedy, ...(schedule ? { schedule } : {}) });
  };
  if (!input || typeof input !== 'object')
    fail('(definition)', 'A schedule must be an object.', 'export default defineSchedule({ name, bot, cron })');
  if (!nonEmpty(input.name)) fail('name', 'The schedule has no name.', "Give it a name, e.g. name: 'permit-intake'.");
  if (!nonEmpty(input.bot)) fail('bot', 'The schedule names no bot.', 'Set bot to the name of a file in bots/.');
  checkCron(input.cron, fail);
  if (input.timeZone !== undefined && !isTimeZone(input.timeZone)) {
    fail(
      'timeZone',
      `"${String(input.timeZone)}" is not an IANA time zone.`,
      "Use e.g. 'Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Berlin'.",
    );
  }
  checkCalendar(input, fail);
  checkWindows(input, fail);
  checkEnum(input.overlap, ['skip', 'queue'], 'overlap', fail);
  checkEnum(input.catchUp, ['none', 'last'], 'catchUp', fail);
  const max = input.maxDurationMinutes;
  if (max !== undefined && !(typeof max === 'number' && Number.isFinite(max) && max > 0)) {
    fail('maxDurationMinutes', `${String(max)} is not a positive number of minutes.`, 'Use e.g. maxDurationMinutes: 60.');
  }
  if (input.input !== undefined && !nonEmpty(input.input))
    fail('input', 'input must be a file or glob relative to the project.', "E.g. input: 'inbox/*.xlsx', or leave it out.");
  if (input.preflight !== undefined && typeof input.preflight !== 'boolean')
    fail('preflight', 'preflight must be true or false.', 'Use preflight: true.');
}

function checkCron(expr: unknown, fail: Fail): void {
  const remedy = "Five fields (minute hour day month weekday), or six with seconds first, e.g. '0 7,10,14 * * 1-5'.";
  if (!nonEmpty(expr)) fail('cron', 'The schedule has no cron expression.', remedy);
  let parserOk = true;
  let detail = '';
  try {
    CronExpressionParser.parse(expr, { strict: false });
  } catch (error) {
    parserOk = false;
    detail = error instanceof Error ? `: ${error.message}` : '';
  }
  if (!parserOk || !cron.validate(expr)) fail('cron', `"${expr}" is not a valid cron expression${detail}.`, remedy);
}

function checkCalendar(input: ScheduleInput, fail: Fail): void {
  const c = input.calendar;
  if (c === undefined) return;
  if (!c || typeof c !== 'object') fail('calendar', 'calendar must be an object.', "E.g. calendar: { country: 'SE' }.");
  if (typeof c.country !== 'string' || !isKnownCountry(c.country)) {
    fail(
      'calendar.country',
      `"${String(c.country)}" is not a country date-holidays knows.`,
      "Use an ISO 3166 code in capitals: 'SE', 'DK', 'NO', 'DE'.",
    );
  }
  if (c.region !== undefined) {
    const regions = knownRegions(c.country);
    if (!regions.includes(c.region)) {
      fail(
        'calendar.region',
        `"${String(c.region)}" is not a region of ${c.country}.`,
        regions.length ? `Known regions: ${regions.join(', ')}.` : `${c.country} has no regions: leave region out.`,
      );
    }
  }
  (c.closedDates ?? []).forEach((d, i) => {
    if (!isIsoDate(d))
      fail(`calendar.closedDates[${i}]`, `"${String(d)}" is not a date.`, "Write dates as 'YYYY-MM-DD', e.g. '2026-06-19'.");
  });
  (c.closedWeekdays ?? []).forEach((d, i) => {
    if (!WEEKDAYS.includes(d))
      fail(`calendar.closedWeekdays[${i}]`, `"${String(d)}" is not a weekday.`, `Use one of ${WEEKDAYS.join(', ')}.`);
  });
}

function checkWindows(input: ScheduleInput, fail: Fail): void {
  const w = input.windows;
  if (w === undefined) return;
  const lists = { available: w.available ?? [], maintenance: w.maintenance ?? [] };
  for (const [kind, list] of Object.entries(lists)) {
    if (!Array.isArray(list))
      fail(`windows.${kind}`, `windows.${kind} must be a list.`, "E.g. [{ days: 'mon-fri', from: '06:00', to: '22:00' }].");
    list.forEach((win, i) => {
      const field = `windows.${kind}[${i}]`;
      if ('date' in win) {
        if (!isIsoDate(win.date)) fail(`${field}.date`, `"${String(win.date)}" is not a date.`, "Write dates as 'YYYY-MM-DD'.");
      } else if (typeof win.days !== 'string' || !parseDays(win.days)) {
        fail(
          `${field}.days`,
          `"${String((win as { days?: unknown }).days)}" is not a day spec.`,
          "Use e.g. 'mon-fri', 'sat-sun', 'mon,wed,fri' or 'tue'.",
        );
      }
      const from = parseClock(win.from);
      const to = parseClock(win.to);
      if (from === undefined || from >= 24 * 60)
        fail(`${field}.from`, `"${String(win.from)}" is not a time.`, "Write times as 'HH:MM', e.g. '06:00'.");
      if (to === undefined)
        fail(`${field}.to`, `"${String(win.to)}" is not a time.`, "Write times as 'HH:MM'; '24:00' is the end of the day.");
      if (to <= from)
        fail(`${field}.to`, `The window ends (${win.to}) before it starts (${win.from}).`, 'Split a window that crosses midnight in two.');
    });
  }
}

function checkEnum(value: unknown, allowed: string[], field: string, fail: Fail): void {
  if (value !== undefined && !allowed.includes(value as string))
    fail(
      field,
      `${typeof value === 'string' ? `"${value}"` : inspect(value)} is not one of ${allowed.join(', ')}.`,
      `Use ${allowed.map((a) => `'${a}'`).join(' or ')}.`,
    );
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
