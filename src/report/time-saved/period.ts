/**
 * A report period: [from, to) between two local midnights in the configured time zone. An item
 * belongs to the period when the moment it reached its final state falls inside it.
 */
import { InputError } from '../../errors.ts';
import { addDays, addMonths, formatCivilDate, localDate, parseCivilDate, startOfLocalDay, type CivilDate } from './local-dates.ts';

export type PeriodKind = 'month' | 'quarter' | 'custom';

export interface ReportPeriod {
  kind: PeriodKind;
  /** First instant in the period (local midnight of `firstDate`), epoch ms. */
  from: number;
  /** First instant after the period (local midnight after `lastDate`), epoch ms. */
  to: number;
  /** First local date in the period, 'YYYY-MM-DD'. */
  firstDate: string;
  /** Last local date in the period (inclusive), 'YYYY-MM-DD'. */
  lastDate: string;
  /** The local date `to` falls on (exclusive end), 'YYYY-MM-DD'; used in file names. */
  endDate: string;
  /** '2026-11', '2026-Q4' or '2026-11-01..2026-11-30'. */
  label: string;
  timeZone: string;
}

function periodError(message: string, where: string, remedy: string): InputError {
  return new InputError('KANSLIST_REPORT_PERIOD_INVALID', message, { where, remedy });
}

function build(kind: PeriodKind, first: CivilDate, end: CivilDate, label: string, timeZone: string): ReportPeriod {
  return {
    kind,
    from: startOfLocalDay(first, timeZone),
    to: startOfLocalDay(end, timeZone),
    firstDate: formatCivilDate(first),
    lastDate: formatCivilDate(addDays(end, -1)),
    endDate: formatCivilDate(end),
    label,
    timeZone,
  };
}

/** A custom period: `fromDate` inclusive to `toDate` exclusive, both 'YYYY-MM-DD' local dates. */
export function periodFromDates(fromDate: string, toDate: string, timeZone: string): ReportPeriod {
  const first = parseCivilDate(fromDate);
  const end = parseCivilDate(toDate);
  if (first === undefined) throw periodError(`"${fromDate}" is not a date`, '--from', 'Give a date as YYYY-MM-DD, e.g. 2026-11-01.');
  if (end === undefined)
    throw periodError(`"${toDate}" is not a date`, '--to', 'Give a date as YYYY-MM-DD, e.g. 2026-12-01 (the first day after the period).');
  if (formatCivilDate(end) <= formatCivilDate(first)) {
    throw periodError(
      `The period ends (${toDate}) before or when it starts (${fromDate})`,
      '--from/--to',
      'The end date is exclusive: --from 2026-11-01 --to 2026-12-01 is November.',
    );
  }
  const label = `${formatCivilDate(first)}..${formatCivilDate(addDays(end, -1))}`;
  return build('custom', first, end, label, timeZone);
}

/** A calendar month, 'YYYY-MM'. */
export function periodFromMonth(month: string, timeZone: string): ReportPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw periodError(`"${month}" is not a month`, '--month', 'Give the month as YYYY-MM, e.g. 2026-11.');
  const first = { year: Number(match[1]), month: m, day: 1 };
  return build('month', first, addMonths(first, 1), month, timeZone);
}

/** A calendar quarter, 'YYYY-Qn'. */
export function periodFromQuarter(quarter: string, timeZone: string): ReportPeriod {
  const match = /^(\d{4})-Q([1-4])$/i.exec(quarter);
  if (!match) throw periodError(`"${quarter}" is not a quarter`, '--quarter', 'Give the quarter as YYYY-Qn, e.g. 2026-Q4.');
  const first = { year: Number(match[1]), month: (Number(match[2]) - 1) * 3 + 1, day: 1 };
  return build('quarter', first, addMonths(first, 3), `${match[1]}-Q${match[2]}`, timeZone);
}

/**
 * A period from two instants (as a report definition receives them). Both must be local
 * midnights in the zone; anything else is refused rather than silently widened.
 */
export function periodFromInstants(from: number, to: number, timeZone: string, label?: string): ReportPeriod {
  const first = localDate(from, timeZone);
  const end = localDate(to, timeZone);
  if (
    !(Number.isFinite(from) && Number.isFinite(to)) ||
    startOfLocalDay(first, timeZone) !== from ||
    startOfLocalDay(end, timeZone) !== to
  ) {
    throw periodError(
      'The period does not start and end at local midnight',
      `time zone ${timeZone}`,
      'Build the period with periodFromDates, periodFromMonth or periodFromQuarter.',
    );
  }
  const period = periodFromDates(formatCivilDate(first), formatCivilDate(end), timeZone);
  return label === undefined ? period : { ...period, label };
}
