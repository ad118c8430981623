/**
 * The scheduler daemon. For each schedule a loop:
 *   1. plan the next cron instant (nextCronFire: cron-parser in the schedule's zone, DST-correct)
 *   2. sleep on the Clock until then (a stop wakes it at once)
 *   3. pass the fire through the rules (gate.ts): calendar and windows, pause, overlap, preflight
 *   4. record the decision in the ledger; only the scheduler whose decision went in launches
 *   5. run the bot in a child process (the launcher), heartbeat the lease, record the end, alert
 * On start, what was missed while no scheduler ran is recorded first (and caught up when asked).
 * Nothing here keeps time of its own: every instant comes from the Clock.
 */
import type { Alerter } from '../../alerts/index.ts';
import type { Logger } from '../../log/logger.ts';
import { ConfigError, errorMessage, KanslistError } from '../../errors.ts';
import type { PreflightReport } from '../../preflight/index.ts';
import type { Decision, DecisionKind, DecisionTrigger, ScheduleLedger } from '../ledger.ts';
import type { Schedule } from '../types.ts';
import { logTime } from '../../util/local-time.ts';
import { systemClock, type Clock } from './clock.ts';
import { driftAlert, preflightFailedAlert } from './fire-alerts.ts';
import { holdLease, runFire, type FireDeps } from './fire-run.ts';
import { checkGate, checkPause, checkPreflight, overlapDetail, type Busy, type GateContext } from './gate.ts';
import type { RunLauncher } from './launcher.ts';
import { nextCronFire, planDowntime, type DowntimePlan } from './planner.ts';

export interface SchedulerOptions {
  schedules: Schedule[];
  ledger: ScheduleLedger;
  launcher: RunLauncher;
  alerter: Alerter;
  log: Logger;
  /** @default systemClock */
  clock?: Clock;
  /** This scheduler's id in the ledger (host:pid); the ledger's own owner is used for leases. */
  owner: string;
  /** Lease on a running fire, renewed every third of it; another scheduler treats an expired lease as not running. @default 60000 */
  leaseMs?: number;
  /** Runs the system preflight for a schedule with preflight: true. Without it such schedules fire unchecked (with a warning). */
  preflight?: (schedule: Schedule) => Promise<PreflightReport>;
  /** Fires after a downtime recorded one by one; older ones are summed up in one record. @default 100 */
  maxRecordedMissed?: number;
}

/** This scheduler's child for a schedule, or its queued fire waiting for one. */
interface LocalFire {
  plannedAt: number;
  decision: DecisionKind;
  done: Promise<void>;
}

export class Scheduler {
  readonly #o: SchedulerOptions;
  readonly #clock: Clock;
  readonly #leaseMs: number;
  readonly #maxRecorded: number;
  readonly #byName: Map<string, Schedule>;
  readonly #stop = new AbortController();
  readonly #running = new Map<string, LocalFire>();
  readonly #queued = new Map<string, LocalFire>();
  readonly #work = new Set<Promise<void>>();
  #loops: Promise<void>[] = [];
  #started = false;
  #stopped: Promise<void> | undefined;

  constructor(options: SchedulerOptions) {
    this.#o = options;
    this.#clock = options.clock ?? systemClock;
    this.#leaseMs = options.leaseMs ?? 60_000;
    this.#maxRecorded = options.maxRecordedMissed ?? 100;
    this.#byName = new Map(options.schedules.map((s) => [s.name, s]));
    if (!options.preflight) {
      for (const s of options.schedules.filter((x) => x.preflight))
        options.log.warn(`schedule ${s.name} asks for a preflight check, but none is available: it fires unchecked`);
    }
  }

  /** Records what was missed while no scheduler ran (and catches up when asked), then starts the loops. */
  async start(): Promise<void> {
    if (this.#started)
      throw new KanslistError('KANSLIST_SCHEDULER_STARTED', 'This scheduler was already started', {
        remedy: 'Create one Scheduler per process and call start() once.',
      });
    this.#started = true;
    const now = this.#clock.now();
    for (const schedule of this.#byName.values()) {
      await this.#guard(schedule, 'restart', () => this.#recoverDowntime(schedule, now));
    }
    this.#loops = [...this.#byName.values()].map((s) => this.#loop(s, now));
    this.#o.log.info(`scheduler ${this.#o.owner}: watching ${this.#byName.size} schedule(s)`);
  }

  /**
   * Graceful stop: no more planning; running children get SIGTERM (they finish their items in
   * progress) and are waited for (the launcher bounds the wait); their ends are recorded; queued
   * fires that never started are recorded as interrupted. Safe to call twice.
   */
  stop(): Promise<void> {
    this.#stopped ??= (async () => {
      this.#stop.abort();
      await Promise.allSettled(this.#loops);
      await this.idle();
      this.#o.log.info(`scheduler ${this.#o.owner}: stopped`);
    })();
    return this.#stopped;
  }

  /** Resolves when no fire is in progress: every run started has ended and been recorded, no fire waits in the queue. */
  async idle(): Promise<void> {
    while (this.#work.size > 0) await Promise.allSettled([...this.#work]);
  }

  /**
   * Fires a schedule now, with the same rules as a cron fire (calendar, window, pause, overlap,
   * preflight), waits for its run to end, and returns the recorded decision.
   */
  async fireNow(name: string): Promise<Decision> {
    const schedule = this.#byName.get(name);
    if (!schedule) {
      throw new ConfigError('KANSLIST_SCHEDULE_UNKNOWN', `There is no schedule named "${name}".`, {
        where: 'schedules/',
        remedy: `Known schedules: ${[...this.#byName.keys()].join(', ') || '(none)'}. See \`kanslist schedules\`.`,
      });
    }
    const at = this.#clock.now();
    const won = await this.#fire(schedule, at, 'manual', at);
    if (!won) {
      throw new KanslistError(
        'KANSLIST_SCHEDULE_FIRE_TAKEN',
        'Another scheduler recorded a decision for this schedule at the same instant',
        { where: `schedule ${name}`, remedy: 'See `kanslist schedules` for what was decided; fire again if needed.' },
      );
    }
    // The run this fire started (or the queued fire, which ends with its run).
    const mine = [this.#queued.get(name), this.#running.get(name)].find((f) => f?.plannedAt === at);
    await mine?.done.catch(() => undefined);
    const decided = await this.#o.ledger.decisions({ schedule: name, since: at, limit: 10 });
    return decided.find((d) => d.plannedAt === at)!;
  }

  // --- the loop -------------------------------------------------------------------------------

  async #loop(schedule: Schedule, from: number): Promise<void> {
    const signal = this.#stop.signal;
    let cursor = from - 1;
    while (!signal.aborted) {
      // 1.-2. The next instant, slept until.
      const next = nextCronFire(schedule, cursor);
      await this.#clock.sleepUntil(next, signal);
      if (signal.aborted) break;
      const now = this.#clock.now();
      if (now < next) continue;
      // A machine that was suspended wakes with several instants due: the newest runs, the
      // others are recorded as after a downtime (missed, or skipped by the calendar; bounded).
      const due = planDowntime(schedule, cursor, now + 1, { maxRecords: this.#maxRecorded + 1 });
      const newest = due.entries[due.entries.length - 1]?.plannedAt ?? next;
      await this.#guard(schedule, 'missed', () =>
        this.#recordDowntime(
          schedule,
          { ...due, entries: due.entries.slice(0, -1) },
          `the scheduler was not running (it woke at ${iso(now)})`,
        ),
      );
      // 3.-5. The fire itself.
      await this.#guard(schedule, 'fire', () => this.#fire(schedule, newest, 'cron', newest));
      cursor = newest;
    }
  }

  /** A failure of one fire (the store unreachable, say) is logged; the loop goes on with the next. */
  async #guard(schedule: Schedule, what: string, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#o.log.error(`schedule ${schedule.name}: ${what} failed: ${errorMessage(error)}`);
    }
  }

  // --- restart ------------------------------------------------------------------------------

  /**
   * Instants after the last decided one and before now: the calendar's skips as 'skipped', the rest
   * 'missed'. With catchUp 'last', the newest missed instant is run now instead ('caught-up', under
   * the rules as they are now); its decision keeps the missed instant as its key, so schedulers
   * restarting together still catch up once.
   */
  async #recoverDowntime(schedule: Schedule, now: number): Promise<void> {
    const state = await this.#o.ledger.state(schedule.name);
    const plan = planDowntime(schedule, state.lastPlannedAt, now, { maxRecords: this.#maxRecorded });
    const catchUp = schedule.catchUp === 'last' ? plan.lastMissed : null;
    await this.#recordDowntime(schedule, plan, 'no scheduler was running', catchUp);
    const missed = plan.entries.filter((e) => e.decision === 'missed').length;
    if (plan.entries.length > 0)
      this.#o.log.warn(
        `schedule ${schedule.name}: ${missed} fire(s) missed while no scheduler ran${catchUp !== null ? '; catching up the last one now' : ''}`,
      );
    if (catchUp !== null) await this.#fire(schedule, catchUp, 'catch-up', now);
  }

  /** Records a downtime's instants: one summary for the oldest, then each (except `except`, which is caught up). */
  async #recordDowntime(schedule: Schedule, plan: DowntimePlan, why: string, except: number | null = null): Promise<void> {
    if (plan.omitted) {
      const { count, first, last, atLeast } = plan.omitted;
      await this.#record(
        schedule,
        last,
        'cron',
        'missed',
        null,
        `${atLeast ? 'at least ' : ''}${count} earlier fire(s) from ${iso(first)} to ${iso(last)} were missed: ${why} (not listed one by one)`,
      );
    }
    for (const entry of plan.entries) {
      if (entry.plannedAt === except) continue;
      if (entry.decision === 'skipped') await this.#record(schedule, entry.plannedAt, 'cron', 'skipped', entry.reason, entry.detail);
      else await this.#record(schedule, entry.plannedAt, 'cron', 'missed', null, `${why} at ${iso(entry.plannedAt)}`);
    }
  }

  // --- one fire -----------------------------------------------------------------------------

  /**
   * Passes one fire through the rules at `at` and records the decision under `plannedAt`. Returns
   * whether this scheduler's decision went in (the run, if any, goes on in the background).
   */
  async #fire(schedule: Schedule, plannedAt: number, trigger: DecisionTrigger, at: number): Promise<boolean> {
    const gate = await checkGate(this.#gateContext(), schedule, at);
    // A catch-up the rules stop now stays what it was: missed.
    const stopped = (reason: string, detail: string) =>
      trigger === 'catch-up'
        ? this.#record(schedule, plannedAt, trigger, 'missed', reason, `not caught up at ${iso(at)}: ${detail}`)
        : this.#record(schedule, plannedAt, trigger, 'skipped', reason, detail);
    if (!gate.pass && gate.kind === 'blocked') return await stopped(gate.reason, gate.detail);
    if (!gate.pass && gate.kind === 'overlap') {
      const waiting = gate.running.decision === 'queued' || this.#queued.has(schedule.name);
      if (schedule.overlap === 'skip' || waiting)
        return await stopped(
          'overlap',
          waiting && schedule.overlap === 'queue'
            ? `one fire is already queued; ${overlapDetail(gate.running)}`
            : overlapDetail(gate.running),
        );
      return await this.#queue(schedule, plannedAt, trigger, gate.running);
    }
    if (!gate.pass) {
      const won = await this.#record(schedule, plannedAt, trigger, 'preflight-failed', 'preflight', gate.detail);
      if (won) this.#raisePreflightFailed(schedule, gate.report, gate.detail);
      return won;
    }
    // Stopping while the rules were checked (a preflight takes seconds): start nothing new. The
    // instant stays undecided, so the next scheduler to start records it as missed.
    if (this.#stop.signal.aborted && trigger !== 'manual') return false;
    const kind: DecisionKind = trigger === 'catch-up' ? 'caught-up' : 'fired';
    const detail =
      trigger === 'catch-up' ? `missed at ${iso(plannedAt)}, run at ${iso(at)}` : trigger === 'manual' ? 'fired by an operator' : null;
    const won = await this.#record(schedule, plannedAt, trigger, kind, trigger === 'manual' ? 'manual' : null, detail, true);
    if (!won) return false;
    if (gate.preflight?.drift) this.#o.alerter.raise(driftAlert(schedule, gate.preflight));
    this.#track(schedule, plannedAt, kind, runFire(this.#fireDeps(), schedule, plannedAt, trigger));
    return true;
  }

  /** Overlap policy 'queue': one fire waits for the running one, then runs (rules checked again). */
  async #queue(schedule: Schedule, plannedAt: number, trigger: DecisionTrigger, busy: Busy): Promise<boolean> {
    const won = await this.#record(schedule, plannedAt, trigger, 'queued', 'overlap', `waits for ${overlapDetail(busy)}`, true);
    if (!won) return false;
    const heartbeat = holdLease(this.#fireDeps(), schedule, plannedAt);
    const done = (async () => {
      try {
        await this.#waitUntilFree(schedule, plannedAt, busy);
        // The run it waited for ended: pause and preflight are checked again before it starts.
        const gate = this.#stop.signal.aborted
          ? undefined
          : ((await checkPause(this.#o.ledger, schedule)) ?? (await checkPreflight(this.#gateContext(), schedule)));
        if (this.#stop.signal.aborted || (gate && !gate.pass)) {
          const why = this.#stop.signal.aborted
            ? 'the scheduler stopped before the queued fire could run'
            : gate && !gate.pass && 'detail' in gate
              ? gate.detail
              : 'not run';
          await this.#o.ledger.ended(
            schedule.name,
            plannedAt,
            { outcome: 'interrupted', exitCode: null, runId: null, summary: { notRun: why } },
            this.#clock.now(),
          );
          if (gate && !gate.pass && gate.kind === 'preflight') this.#raisePreflightFailed(schedule, gate.report, gate.detail);
          this.#o.log.info(`schedule ${schedule.name}: queued fire of ${logTime(plannedAt, schedule.timeZone)} not run: ${why}`);
          return;
        }
        if (gate?.pass && gate.preflight?.drift) this.#o.alerter.raise(driftAlert(schedule, gate.preflight));
      } finally {
        this.#queued.delete(schedule.name);
        heartbeat.stop();
      }
      const run = runFire(this.#fireDeps(), schedule, plannedAt, trigger);
      this.#track(schedule, plannedAt, 'queued', run);
      await run;
    })();
    this.#queued.set(schedule.name, { plannedAt, decision: 'queued', done });
    this.#keep(done);
    return true;
  }

  /** Until the fire holding the schedule ends: this scheduler's own child, or another's lease. */
  async #waitUntilFree(schedule: Schedule, plannedAt: number, busy: Busy): Promise<void> {
    if (busy.local) {
      await this.#running.get(schedule.name)?.done;
      return;
    }
    // Another scheduler's child: its end is only seen in the store; look again when its lease would run out.
    for (;;) {
      const now = this.#clock.now();
      const holding = (await this.#o.ledger.decisions({ schedule: schedule.name, limit: 20 })).find(
        (d) =>
          d.plannedAt !== plannedAt && d.endedAt === null && d.leaseExpiresAt !== null && d.leaseExpiresAt > now && d.plannedAt < plannedAt,
      );
      if (!holding || this.#stop.signal.aborted) return;
      await this.#clock.sleepUntil(holding.leaseExpiresAt!, this.#stop.signal);
    }
  }

  // --- the run ------------------------------------------------------------------------------

  #track(schedule: Schedule, plannedAt: number, decision: DecisionKind, run: Promise<void>): void {
    const fire: LocalFire = { plannedAt, decision, done: run };
    this.#running.set(schedule.name, fire);
    this.#keep(run.finally(() => this.#running.get(schedule.name) === fire && this.#running.delete(schedule.name)));
  }

  #keep(work: Promise<unknown>): void {
    const kept = work.then(
      () => undefined,
      (error: unknown) => this.#o.log.error(`scheduler: ${errorMessage(error)}`),
    );
    this.#work.add(kept);
    void kept.finally(() => this.#work.delete(kept));
  }

  // --- helpers ------------------------------------------------------------------------------

  #fireDeps(): FireDeps {
    const o = this.#o;
    return {
      ledger: o.ledger,
      launcher: o.launcher,
      alerter: o.alerter,
      log: o.log,
      clock: this.#clock,
      leaseMs: this.#leaseMs,
      stop: this.#stop.signal,
    };
  }

  #gateContext(): GateContext {
    return { ledger: this.#o.ledger, preflight: this.#o.preflight, busy: (schedule, at) => this.#busy(schedule, at) };
  }

  async #busy(schedule: Schedule, _at: number): Promise<Busy | undefined> {
    const local = this.#running.get(schedule.name) ?? this.#queued.get(schedule.name);
    if (local) return { plannedAt: local.plannedAt, decision: local.decision, by: this.#o.owner, local: true };
    // Leases are compared with the clock's present, not the planned instant (a catch-up checks at now).
    const other = await this.#o.ledger.running(schedule.name, this.#clock.now());
    return other ? { plannedAt: other.plannedAt, decision: other.decision, by: other.decidedBy, local: false } : undefined;
  }

  async #record(
    schedule: Schedule,
    plannedAt: number,
    trigger: DecisionTrigger,
    decision: DecisionKind,
    reason: string | null,
    detail: string | null,
    leased = false,
  ): Promise<boolean> {
    const won = await this.#o.ledger.decide(
      {
        schedule: schedule.name,
        plannedAt,
        decision,
        reason,
        detail,
        trigger,
        bot: schedule.bot,
        ...(leased ? { leaseMs: this.#leaseMs } : {}),
      },
      this.#clock.now(),
    );
    if (won) {
      const why = [reason, detail].filter(Boolean).join(' — ');
      const line = `schedule ${schedule.name} ${logTime(plannedAt, schedule.timeZone)}: ${decision}${why ? ` (${why})` : ''}`;
      if (decision === 'fired' || decision === 'caught-up' || decision === 'queued' || decision === 'skipped') this.#o.log.info(line);
      else this.#o.log.warn(line);
    }
    return won;
  }

  #raisePreflightFailed(schedule: Schedule, report: PreflightReport | undefined, detail: string): void {
    this.#o.alerter.raise(
      report
        ? preflightFailedAlert(schedule, report)
        : {
            kind: 'preflight-failed',
            schedule: schedule.name,
            bot: schedule.bot,
            message: `${schedule.name}: ${detail}; the run was not started`,
          },
    );
  }
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
