/**
 * Kanslist's public API: what bots, system maps, schedules and reports import from 'kanslist'.
 */
export { defineConfig } from './config/config.ts';
export type { KanslistConfig, KanslistConfigInput, Language } from './config/config.ts';
export * from './errors.ts';
export { launchBrowser, findBrowser } from './ui/browser.ts';
export { defineSystem } from './ui/index.ts';
export type { System, Ui, Strategy, Credentials, TargetPath, TargetDefinition, UiRecorder } from './ui/index.ts';
export { defineBot } from './runner/bot.ts';
export type { BotDefinition, BotContext, BotSettings, VerifyResult } from './runner/bot.ts';
export { runBot, type RunBotOptions } from './runner/run.ts';
export { loadBot, type LoadedBot } from './runner/load-bot.ts';
export type { RunSummary } from './runner/summary.ts';
export { xlsx, csv, json, fromFunction } from './inputs/index.ts';
export type { InputSource, InputRow, Columns, ColumnSpec } from './inputs/index.ts';
export { openStore } from './store/index.ts';
export type { Store, WorkItem, ItemStatus } from './store/index.ts';
export { parsePersonnummer, isValidPersonnummer, parseCpr, isValidCpr, InvalidIdentityNumberError } from './identity/index.ts';
export { defineSchedule, loadSchedules, decideFire, nextFires, describeSchedule, ScheduleConfigError } from './schedule/index.ts';
export type { Schedule, ScheduleInput, FireDecision, SkipReason, PlannedFire } from './schedule/index.ts';
export { Scheduler, childProcessLauncher, systemClock, ManualClock, openSchedulerRuntime } from './schedule/daemon/index.ts';
export type { Clock, SchedulerOptions, RunLauncher, LaunchRequest, LaunchResult } from './schedule/daemon/index.ts';
export { createPdfReport } from './report/pdf/index.ts';
export type { PdfReport, PdfDocumentOptions, PdfTableColumn, ChartSeries, ChartOptions } from './report/pdf/index.ts';
export { loadConfig, type LoadedConfig } from './config/load.ts';
export { fillPdfForm, listPdfFormFields, writeLetter, PdfFormError, LetterWriteError, LetterFileNameError } from './report/letters/index.ts';
export type { FillPdfFormOptions, PdfFormFonts, PdfFormMetadata, PdfFormFieldInfo, PdfFormFieldType, PdfFormErrorCode } from './report/letters/index.ts';
export * from './report/index.ts';
export { createAlerter } from './alerts/index.ts';
export type { Alert, AlertKind, Alerter, WebhookBody } from './alerts/index.ts';
export { openScheduleLedger } from './schedule/index.ts';
export type { ScheduleLedger, Decision, DecisionKind, RunOutcome, ScheduleState } from './schedule/index.ts';
export { runPreflight, runBotPreflight, type PreflightReport, type TargetCheck, type TargetCheckStatus } from './preflight/index.ts';
export type { ScreenNavigation, NavigationContext } from './ui/system.ts';

// Reports in the reader's language (issue 13): translated reasons, and what bots give them.
export { localizeReason, localizeSource, reasonTitle, reasonMessages, hasReasonText, parseReasonDetails, TRANSLATED_CODES } from './report/i18n/reasons/index.ts';
export type { StoredReason, LocalizeOptions } from './report/i18n/reasons/index.ts';
export type { ReportsConfig, RobotCostsConfig } from './config/config.ts';
