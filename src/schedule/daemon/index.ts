/** The scheduler daemon: clock, planning, the child-process launcher, and the Scheduler itself. */
export { systemClock, ManualClock, type Clock } from './clock.ts';
export { nextCronFire, cronInstantsBetween, planDowntime, type DowntimePlan, type DowntimeEntry, type DowntimeOptions } from './planner.ts';
export {
  childProcessLauncher,
  KANSLIST_BIN,
  type ChildProcessLauncherOptions,
  type LaunchRequest,
  type LaunchResult,
  type RunLauncher,
} from './launcher.ts';
export { Scheduler, type SchedulerOptions } from './scheduler.ts';
export {
  openSchedulerRuntime,
  loadProjectSchedules,
  schedulerOwner,
  type SchedulerRuntime,
  type SchedulerRuntimeOptions,
} from './runtime.ts';
export { alertsAfterRun, newReviewItems } from './fire-alerts.ts';
