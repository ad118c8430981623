/**
 * Doubles for driving the scheduler daemon in-process: a launcher that records each launch and
 * ends it when the test says so (or at once), an alerter that keeps what was raised, and a
 * harness with a real ledger on a SQLite store and a ManualClock moved fire by fire.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Alert, Alerter } from '../../src/alerts/index.ts';
import { createLogger, type Logger } from '../../src/log/logger.ts';
import { ManualClock } from '../../src/schedule/daemon/clock.ts';
import type { LaunchRequest, LaunchResult, RunLauncher } from '../../src/schedule/daemon/launcher.ts';
import { nextCronFire } from '../../src/schedule/daemon/planner.ts';
import { Scheduler, type SchedulerOptions } from '../../src/schedule/daemon/scheduler.ts';
import { defineSchedule } from '../../src/schedule/define.ts';
import { openScheduleLedger, type Decision, type ScheduleLedger } from '../../src/schedule/ledger.ts';
import type { Schedule, ScheduleInput } from '../../src/schedule/types.ts';
import { openStore, type Store } from '../../src/store/index.ts';

export interface RecordedLaunch {
  request: LaunchRequest;
  pid: number;
  /** Ends the launch with this result (default: finished). */
  finish(result?: Partial<LaunchResult>): void;
  /** Resolves when the launch has ended and the scheduler has it. */
  ended: Promise<LaunchResult>;
}

/** Records launches. With `autoFinish`, each ends at once with that result; otherwise the test ends it. A stop ends it 'interrupted'. */
export class RecordingLauncher implements RunLauncher {
  readonly launches: RecordedLaunch[] = [];
  #nextPid = 40_000;
  #waiters: Array<{ count: number; resolve(): void }> = [];

  constructor(private readonly autoFinish?: Partial<LaunchResult>) {}

  launch(request: LaunchRequest, onStarted: (info: { pid: number }) => void): Promise<LaunchResult> {
    const pid = this.#nextPid++;
    let finish!: (result?: Partial<LaunchResult>) => void;
    const onStop = () => finish({ outcome: 'interrupted', exitCode: 1 });
    const ended = new Promise<LaunchResult>((resolve) => {
      finish = (result = {}) => {
        request.signal.removeEventListener('abort', onStop);
        resolve({ outcome: 'finished', exitCode: 0, runId: `run-${pid}`, ...result });
      };
    });
    request.signal.addEventListener('abort', onStop, { once: true });
    this.launches.push({ request, pid, finish, ended });
    onStarted({ pid });
    if (this.autoFinish) finish(this.autoFinish);
    this.#waiters = this.#waiters.filter((w) => (this.launches.length >= w.count ? (w.resolve(), false) : true));
    return ended;
  }

  /** Resolves once `count` launches were made. */
  waitForLaunches(count: number): Promise<void> {
    if (this.launches.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ count, resolve }));
  }
}

export class RecordingAlerter implements Alerter {
  readonly alerts: Alert[] = [];
  raise(alert: Alert): void {
    this.alerts.push(alert);
  }
  flush() {
    return Promise.resolve({ delivered: 0, failed: 0, pending: 0 });
  }
}

export function schedule(input: Partial<ScheduleInput> & { cron: string }): Schedule {
  return defineSchedule({ name: 'intake', bot: 'bygglov-registrering', timeZone: 'Europe/Stockholm', ...input });
}

export interface SchedulerHarness {
  dir: string;
  store: Store;
  ledger: ScheduleLedger;
  clock: ManualClock;
  launcher: RecordingLauncher;
  alerter: RecordingAlerter;
  scheduler: Scheduler;
  schedule: Schedule;
  /** Moves the clock fire by fire up to `until`, letting the scheduler handle each before the next. */
  runUntil(until: string | number): Promise<void>;
  /** Decisions of the schedule, oldest first. */
  decisions(): Promise<Decision[]>;
  /** A second scheduler process on the same store, clock and launcher kind (restart, fleet). */
  another(options?: {
    clock?: ManualClock;
    launcher?: RecordingLauncher;
    owner?: string;
  }): Promise<{ scheduler: Scheduler; ledger: ScheduleLedger; store: Store; launcher: RecordingLauncher; close(): Promise<void> }>;
  close(): Promise<void>;
}

export interface HarnessOptions extends Partial<
  Omit<SchedulerOptions, 'schedules' | 'clock' | 'ledger' | 'launcher' | 'alerter' | 'log' | 'owner'>
> {
  schedule: Schedule;
  start: string | number;
  launcher?: RecordingLauncher;
  /** A store URL (PostgreSQL for fleet tests); default a SQLite file in a temp folder. */
  storeUrl?: string;
  /** The operator log; default a silent one. */
  log?: Logger;
}

export async function createSchedulerHarness(options: HarnessOptions): Promise<SchedulerHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'kanslist-scheduler-'));
  const storeUrl = options.storeUrl ?? `sqlite:${join(dir, 'kanslist.db')}`;
  const clock = new ManualClock(new Date(options.start));
  const log = options.log ?? createLogger({ console: false });
  const { schedule: sched, start: _start, launcher: givenLauncher, storeUrl: _url, log: _log, ...rest } = options;
  const open = async (owner: string, useClock: ManualClock, launcher: RecordingLauncher) => {
    const store = await openStore(storeUrl);
    const ledger = await openScheduleLedger(store, { owner, auditKey: null });
    const alerter = new RecordingAlerter();
    const scheduler = new Scheduler({
      schedules: [sched],
      ledger,
      launcher,
      alerter,
      log,
      clock: useClock,
      owner,
      leaseMs: 60_000,
      ...rest,
    });
    return { store, ledger, alerter, scheduler, launcher };
  };
  const first = await open('host-a:1', clock, givenLauncher ?? new RecordingLauncher({}));
  const others: Array<() => Promise<void>> = [];
  // The scheduler's loops start from the instant before start(): a fire at that very instant counts.
  let cursor = clock.now() - 1;
  return {
    dir,
    clock,
    schedule: sched,
    ...first,
    async runUntil(until) {
      const end = new Date(until).getTime();
      for (;;) {
        const next = nextCronFire(sched, cursor);
        if (next > end) break;
        await clock.waitForSleepers(1, next);
        clock.set(next);
        cursor = next;
      }
      // The fire at `cursor` is handled once the loop sleeps for the one after it.
      await clock.waitForSleepers(1, nextCronFire(sched, cursor));
      if (end > clock.now()) clock.set(end);
      cursor = clock.now();
    },
    async decisions() {
      return (await first.ledger.decisions({ schedule: sched.name, limit: 10_000 })).reverse();
    },
    async another(o = {}) {
      const other = await open(o.owner ?? `host-b:${others.length + 2}`, o.clock ?? clock, o.launcher ?? new RecordingLauncher({}));
      const close = async () => {
        await other.scheduler.stop();
        await other.ledger.close();
        await other.store.close();
      };
      others.push(close);
      return { ...other, close };
    },
    async close() {
      for (const close of others) await close().catch(() => undefined);
      await first.scheduler.stop();
      await first.ledger.close();
      await first.store.close();
      await log.flush();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A decision as tests compare it: local ISO instant, decision, reason. */
export function brief(d: Decision): { at: string; decision: string; reason: string | null } {
  return { at: new Date(d.plannedAt).toISOString(), decision: d.decision, reason: d.reason };
}
