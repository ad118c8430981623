/** Schedules as code: definitions, calendars, windows, next fires. The daemon builds on this API. */
export { defineSchedule, isSchedule, zoneOf, DEFAULT_SCHEDULE_TIME_ZONE } from './define.ts';
export { loadSchedules, loadScheduleFile, listScheduleFiles, type LoadSchedulesOptions } from './load.ts';
export { decideFire } from './decide.ts';
export { nextFires, cronFires, type PlannedFire } from './next-fires.ts';
export { describeSchedule, type ScheduleDescription } from './describe.ts';
export { ScheduleConfigError } from './errors.ts';
export { localTime, type LocalTime } from './local-time.ts';
export type {
  Schedule,
  ScheduleInput,
  CalendarInput,
  WindowsInput,
  WeeklyWindow,
  DatedWindow,
  Weekday,
  DaySpec,
  FireDecision,
  SkipReason,
} from './types.ts';
export {
  openScheduleLedger,
  ScheduleLedgerError,
  schedulerChainId,
  DECISION_KINDS,
  DECISION_TRIGGERS,
  RUN_OUTCOMES,
  type ScheduleLedgerOptions,
} from './ledger.ts';
export type {
  ScheduleLedger,
  Decision,
  DecisionKind,
  DecisionTrigger,
  DecisionFilter,
  NewDecision,
  RunOutcome,
  RunResult,
  ScheduleState,
} from './ledger.ts';
