/**
 * The report toolkit as report definitions (the top-level reports/ folder) see it through 'kanslist':
 * the definition contract, PDF and XLSX writers, languages and formatting, and the store queries
 * behind the built-in reports.
 */
export * from './define.ts';
export * from './pdf/index.ts';
export * from './xlsx/index.ts';
export * from './i18n/index.ts';
export * from './time-saved/index.ts';
export * from './letters/index.ts';
export { createReportPdf, type ReportPdfOptions } from './report-pdf.ts';
export {
  renderReport,
  reportContext,
  reportLanguage,
  parseFormats,
  defaultReportDir,
  isReportDefinition,
  type RenderReportOptions,
} from './render-report.ts';
export {
  loadRunReportData,
  runItems,
  formatOutput,
  ATTEMPT_OUTCOMES,
  type RunReportData,
  type RunItemRow,
  type RunItemsOptions,
} from './run-data.ts';
export {
  exceptionItems,
  exceptionSummary,
  reviewUrl,
  type ExceptionRow,
  type ExceptionSummary,
  type ExceptionsOptions,
} from './exceptions-data.ts';
export type { AttemptOutcome } from '../store/types.ts';
// Reasons in the reader's language: translated texts for Kanslist's codes, and what bots give them.
export {
  localizeReason,
  localizeSource,
  reasonTitle,
  reasonMessages,
  hasReasonText,
  parseReasonDetails,
  TRANSLATED_CODES,
} from './i18n/reasons/index.ts';
export type { StoredReason, LocalizeOptions } from './i18n/reasons/index.ts';
