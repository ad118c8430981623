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
export type { BotDefinition, BotContext, VerifyResult } from './runner/bot.ts';
export { runBot, type RunBotOptions } from './runner/run.ts';
export type { RunSummary } from './runner/summary.ts';
export { xlsx, csv, json, fromFunction } from './inputs/index.ts';
export type { InputSource, InputRow, Columns, ColumnSpec } from './inputs/index.ts';
export { openStore } from './store/index.ts';
export type { Store, WorkItem, ItemStatus } from './store/index.ts';
export { parsePersonnummer, isValidPersonnummer, parseCpr, isValidCpr, InvalidIdentityNumberError } from './identity/index.ts';
export { defineSchedule, loadSchedules, decideFire, nextFires, describeSchedule, ScheduleConfigError } from './schedule/index.ts';
export type { Schedule, ScheduleInput, FireDecision, SkipReason, PlannedFire } from './schedule/index.ts';
