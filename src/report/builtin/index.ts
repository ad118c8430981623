/**
 * The reports Kanslist ships: the run report, the time-saved report for managers and the
 * exceptions list for clerks. `kanslist report run|time-saved|exceptions` renders them; a project
 * replaces one by a file of the same name in its reports/ folder, which may wrap the definition
 * exported here (see docs/reports.md).
 */
import exceptionsReport from './exceptions.ts';
import runReport from './run-report.ts';
import timeSavedReport from './time-saved.ts';

export { exceptionsReport, runReport, timeSavedReport };
export type { ExceptionsParams } from './exceptions.ts';
export type { RunReportParams } from './run-report.ts';
export type { TimeSavedParams } from './time-saved.ts';
export { exceptionsMessages } from './exceptions-messages.ts';
export { runReportMessages } from './run-report-messages.ts';
export { timeSavedMessages } from './time-saved-messages.ts';

/** The built-in definitions by the name `kanslist report` knows them. */
export const BUILTIN_REPORTS = {
  run: runReport,
  'time-saved': timeSavedReport,
  exceptions: exceptionsReport,
} as const;
export type BuiltinReportName = keyof typeof BUILTIN_REPORTS;
export { loadTimeSaved } from './time-saved.ts';
