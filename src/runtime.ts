/**
 * `kanslist/runtime`: running bots outside the command line — from a service, a test harness or
 * another scheduler: the runner, the store, the config, the browser, schedules and their daemon,
 * alerts and preflight checks.
 */
export { loadConfig, storeUrl, type LoadedConfig } from './config/load.ts';
export { launchBrowser, findBrowser } from './ui/browser.ts';
export { runBot, type RunBotOptions } from './runner/run.ts';
export { loadBot, listBotFiles, type LoadedBot } from './runner/load-bot.ts';
export type { RunSummary } from './runner/summary.ts';
export { openStore } from './store/index.ts';
export type { Store, WorkItem, ItemStatus } from './store/index.ts';
export { loadSchedules, decideFire, nextFires, describeSchedule, ScheduleConfigError, openScheduleLedger } from './schedule/index.ts';
export type {
  FireDecision,
  SkipReason,
  PlannedFire,
  ScheduleLedger,
  Decision,
  DecisionKind,
  RunOutcome,
  ScheduleState,
} from './schedule/index.ts';
export { Scheduler, childProcessLauncher, systemClock, ManualClock, openSchedulerRuntime } from './schedule/daemon/index.ts';
export type { Clock, SchedulerOptions, RunLauncher, LaunchRequest, LaunchResult } from './schedule/daemon/index.ts';
export { createAlerter } from './alerts/index.ts';
export type { Alert, AlertKind, Alerter, WebhookBody } from './alerts/index.ts';
export { runPreflight, runBotPreflight, type PreflightReport, type TargetCheck, type TargetCheckStatus } from './preflight/index.ts';
