/**
 * Time-saved arithmetic: periods, trend buckets, FTE, and the grouped queries behind the
 * time-saved report. Framework code: it knows no bot; baselines are passed in.
 */
export { costBenefit, CURRENCY_OF_COUNTRY, DAYS_PER_MONTH, type BotHours, type BotMoney, type CostBenefit } from './money.ts';
export {
  annualHoursPerFte,
  COUNTRY_OF_LANGUAGE,
  COUNTRY_OF_TIME_ZONE,
  DEFAULT_ANNUAL_HOURS,
  type AnnualHours,
  type CountryWorkingYear,
  type OrganisationPlace,
} from './fte.ts';
export { periodFromDates, periodFromInstants, periodFromMonth, periodFromQuarter, type PeriodKind, type ReportPeriod } from './period.ts';
export { defaultBucketSize, trendBuckets, type BucketSize, type TrendBucket } from './buckets.ts';
export { DAYS_PER_YEAR, exceptionRate, type BotBaseline, type ItemTally, type TimeFigures } from './arithmetic.ts';
export {
  computeTimeSaved,
  periodDays,
  type BotTimeSaved,
  type ExceptionReason,
  type TimeSaved,
  type TimeSavedOptions,
  type TrendPoint,
} from './compute.ts';
export { timeSavedItems, type TimeSavedItemRow } from './items.ts';
export { EXCEPTION_STATUSES, FINAL_STATUSES, type ExceptionStatus, type FinalStatus } from '../../store/index.ts';
