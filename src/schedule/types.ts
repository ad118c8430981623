/**
 * The shape of a schedule file (`schedules/<name>.ts`, default export `defineSchedule({...})`).
 */

/** Day names as written in windows and `closedWeekdays`. */
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A day spec: one day (`'mon'`), a range (`'mon-fri'`, `'sat-sun'`) or a list (`'mon,wed,fri'`). */
export type DaySpec = string;

/** A recurring window: `{ days: 'mon-fri', from: '06:00', to: '22:00' }`; `to` is exclusive, `'24:00'` allowed. */
export interface WeeklyWindow {
  days: DaySpec;
  from: string;
  to: string;
}

/** A one-off window on one local date: `{ date: '2026-05-02', from: '08:00', to: '12:00' }`. */
export interface DatedWindow {
  date: string;
  from: string;
  to: string;
}

export interface CalendarInput {
  /** ISO 3166 country code known to date-holidays: 'SE', 'DK', 'NO', 'DE', … */
  country: string;
  /** A state or region, e.g. a German state 'BY'. */
  region?: string;
  /** Extra closed local dates 'YYYY-MM-DD', e.g. midsummer eve. */
  closedDates?: string[];
  /** Weekdays never run, e.g. `['sat', 'sun']`. */
  closedWeekdays?: Weekday[];
  /**
   * Also close the days date-holidays marks type 'bank' — in Sweden Midsummer Eve, Christmas Eve and
   * New Year's Eve, work-free by custom though not public holidays. @default false
   */
  closeCustomaryDays?: boolean;
}

export interface WindowsInput {
  /** When the target system is up. A fire outside every window is skipped. None given: always up. */
  available?: WeeklyWindow[];
  /** When the target system is down for maintenance. A fire inside one is skipped. */
  maintenance?: Array<WeeklyWindow | DatedWindow>;
}

export interface ScheduleInput {
  /** Unique schedule name, e.g. 'permit-intake'. */
  name: string;
  /** The bot to run: the name of a file in bots/. */
  bot: string;
  /** node-cron expression: 5 fields, or 6 with seconds first. */
  cron: string;
  /** IANA time zone for the cron and all calendar and window math. @default the config's timeZone */
  timeZone?: string;
  calendar?: CalendarInput;
  windows?: WindowsInput;
  /** A fire while the previous run is still going: skipped, or queued to run after. @default 'skip' */
  overlap?: 'skip' | 'queue';
  /** After downtime: nothing, or one run for the last missed fire. @default 'none' */
  catchUp?: 'none' | 'last';
  /** A run past this is stopped and its items released as uncertain. */
  maxDurationMinutes?: number;
  /** Input file or glob relative to the project; none: the bot's own source. */
  input?: string;
  /** Run the system preflight check before each fire. @default false */
  preflight?: boolean;
}

/** A validated schedule with its defaults filled in. `timeZone` is undefined until loaded with the config's zone. */
export interface Schedule {
  readonly kind: 'kanslist.schedule';
  name: string;
  bot: string;
  cron: string;
  timeZone: string | undefined;
  calendar: (Required<Omit<CalendarInput, 'region'>> & { region: string | undefined }) | undefined;
  windows: { available: WeeklyWindow[]; maintenance: Array<WeeklyWindow | DatedWindow> };
  overlap: 'skip' | 'queue';
  catchUp: 'none' | 'last';
  maxDurationMinutes: number | undefined;
  input: string | undefined;
  preflight: boolean;
  /** The file it was loaded from (set by loadSchedules). */
  file?: string;
}

export type SkipReason = 'holiday' | 'closed-date' | 'closed-weekday' | 'outside-window' | 'maintenance';

export type FireDecision =
  | { run: true }
  | {
      run: false;
      reason: SkipReason;
      /** Words for the operator, e.g. 'långfredagen (public holiday)'. */ detail: string;
      holiday?: string;
    };
