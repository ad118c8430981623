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
export { renderReport, reportContext, reportLanguage, parseFormats, defaultReportDir, isReportDefinition, type RenderReportOptions } from './render-report.ts';
export { loadRunReportData, runItems, formatOutput, ATTEMPT_OUTCOMES, type RunReportData, type RunItemRow, type RunItemsOptions } from './run-data.ts';
export { exceptionItems, exceptionSummary, reviewUrl, type ExceptionRow, type ExceptionSummary, type ExceptionsOptions } from './exceptions-data.ts';
export type { AttemptOutcome } from '../store/types.ts';
