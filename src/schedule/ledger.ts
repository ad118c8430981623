/**
 * The schedule ledger: every scheduler decision kept in the store and in the audit trail.
 *
 * - A fire is decided exactly once across schedulers and machines: the decision row's primary key
 *   (schedule, planned_at) is inserted with ON CONFLICT DO NOTHING, and only the caller whose row
 *   went in has won it.
 * - While a fired child runs, its scheduler holds a lease on the row and renews it by heartbeat;
 *   a fire whose lease expired (its scheduler died) no longer counts as running.
 * - Each decision the caller won, each end of a run and each pause or resume is appended to the
 *   ledger's own audit chain (ledger-audit.ts), verifiable like any run's chain.
 */
import { sql } from 'kysely';
import { redact } from '../redact/redact.ts';
import type { AuditEntry } from '../audit/trail.ts';
import type { Store } from '../store/index.ts';
import { openLedgerChain, type LedgerChainOptions } from './ledger-audit.ts';
import { fireNotFound, invalidValue, ledgerClosed } from './ledger-errors.ts';
import { findDecision, findRunning, listDecisions, readState } from './ledger-queries.ts';
import {
  DECISION_KINDS,
  DECISION_TRIGGERS,
  RUN_OUTCOMES,
  type Decision,
  type DecisionFilter,
  type NewDecision,
  type RunResult,
  type ScheduleLedger,
  type ScheduleState,
} from './ledger-types.ts';
import { writeStatement } from './ledger-write.ts';

export * from './ledger-types.ts';
export { ScheduleLedgerError } from './ledger-errors.ts';
export { schedulerChainId } from './ledger-audit.ts';

/** Decisions that start (or will start) a child: the only ones a later fire can take a lease over from. */
const RUNNING_KINDS = ['fired', 'caught-up'] as const;

export type ScheduleLedgerOptions = LedgerChainOptions;

export async function openScheduleLedger(store: Store, options: ScheduleLedgerOptions): Promise<ScheduleLedger> {
  const chain = await openLedgerChain(store, options);
  return new SqlScheduleLedger(store, options.owner, chain.chainId, chain.trail);
}

class SqlScheduleLedger implements ScheduleLedger {
  #closed = false;

  constructor(
    private readonly store: Store,
    readonly owner: string,
    readonly chainId: string,
    private readonly trail: { append(entry: AuditEntry): Promise<void>; close(): Promise<void> },
  ) {}

  async decide(d: NewDecision, now: number = Date.now()): Promise<boolean> {
    this.#usable();
    check('decision', d.decision, DECISION_KINDS);
    check('trigger', d.trigger, DECISION_TRIGGERS);
    const detail = d.detail == null ? null : redact(d.detail);
    const leased = d.leaseMs !== undefined;
    // 1. Claim the fire: only one insert for (schedule, planned_at) ever goes in.
    const inserted = await writeStatement(this.store, (db) =>
      db
        .insertInto('schedule_decisions')
        .values({
          schedule: d.schedule,
          planned_at: d.plannedAt,
          decision: d.decision,
          reason: d.reason ?? null,
          detail,
          decided_at: now,
          decided_by: this.owner,
          trigger: d.trigger,
          run_id: null,
          pid: null,
          lease_owner: leased ? this.owner : null,
          lease_expires_at: leased ? now + d.leaseMs! : null,
          ended_at: null,
          outcome: null,
          exit_code: null,
          summary: null,
        })
        .onConflict((oc) => oc.columns(['schedule', 'planned_at']).doNothing())
        .returning('schedule')
        .execute(),
    );
    if (inserted.length === 0) return false;
    // 2. Remember how far the cron has been decided (a manual fire is off the cron's timeline).
    if (d.trigger !== 'manual') await this.#advancePlanned(d.schedule, d.plannedAt, now);
    // 3. The evidence.
    await this.#record('schedule.decision', now, {
      schedule: d.schedule,
      bot: d.bot,
      plannedAt: iso(d.plannedAt),
      decision: d.decision,
      reason: d.reason ?? null,
      detail,
      trigger: d.trigger,
      decidedBy: this.owner,
      ...(leased ? { leaseMs: d.leaseMs } : {}),
    });
    return true;
  }

  async started(schedule: string, plannedAt: number, info: { pid: number; runId?: string | null }): Promise<void> {
    this.#usable();
    const updated = await writeStatement(this.store, (db) =>
      db
        .updateTable('schedule_decisions')
        .set({ pid: info.pid, run_id: sql<string | null>`coalesce(${info.runId ?? null}, run_id)` })
        .where('schedule', '=', schedule)
        .where('planned_at', '=', plannedAt)
        .returning('schedule')
        .execute(),
    );
    if (updated.length === 0) throw fireNotFound(schedule, plannedAt);
  }

  async heartbeat(schedule: string, plannedAt: number, leaseMs: number, now: number = Date.now()): Promise<boolean> {
    this.#usable();
    const renewed = await writeStatement(this.store, (db) =>
      db
        .updateTable('schedule_decisions')
        .set({ lease_expires_at: now + leaseMs })
        .where('schedule', '=', schedule)
        .where('planned_at', '=', plannedAt)
        .where('lease_owner', '=', this.owner)
        .where('ended_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('lease_expires_at', '>', now),
            // Expired, but no later fire of the schedule started meanwhile: nobody took it over.
            eb.not(
              eb.exists(
                eb
                  .selectFrom('schedule_decisions as later')
                  .select('later.schedule')
                  .whereRef('later.schedule', '=', 'schedule_decisions.schedule')
                  .whereRef('later.planned_at', '<>', 'schedule_decisions.planned_at')
                  .where('later.decision', 'in', RUNNING_KINDS)
                  .whereRef('later.decided_at', '>=', 'schedule_decisions.lease_expires_at'),
              ),
            ),
          ]),
        )
        .returning('schedule')
        .execute(),
    );
    return renewed.length > 0;
  }

  async ended(schedule: string, plannedAt: number, result: RunResult, now: number = Date.now()): Promise<void> {
    this.#usable();
    check('outcome', result.outcome, RUN_OUTCOMES);
    const summary = result.summary === undefined ? null : JSON.stringify(result.summary);
    const updated = await writeStatement(this.store, (db) =>
      db
        .updateTable('schedule_decisions')
        .set({
          ended_at: now,
          outcome: result.outcome,
          exit_code: result.exitCode,
          run_id: sql<string | null>`coalesce(${result.runId}, run_id)`,
          summary,
        })
        .where('schedule', '=', schedule)
        .where('planned_at', '=', plannedAt)
        // The first end recorded wins: a scheduler cleaning up after a dead one must not overwrite a real outcome.
        .where('ended_at', 'is', null)
        .returning(['run_id', 'pid'])
        .execute(),
    );
    const row = updated[0];
    if (row === undefined) {
      if ((await findDecision(this.store, schedule, plannedAt)) === undefined) throw fireNotFound(schedule, plannedAt);
      return;
    }
    await this.#record('schedule.decision', now, {
      schedule,
      plannedAt: iso(plannedAt),
      event: 'ended',
      outcome: result.outcome,
      exitCode: result.exitCode,
      runId: row.run_id,
      pid: row.pid === null ? null : Number(row.pid),
      endedBy: this.owner,
      summary: result.summary ?? null,
    });
  }

  async running(schedule: string, now: number = Date.now()): Promise<Decision | undefined> {
    return await findRunning(this.store, schedule, now);
  }

  async decisions(filter: DecisionFilter = {}): Promise<Decision[]> {
    return await listDecisions(this.store, filter);
  }

  async state(schedule: string): Promise<ScheduleState> {
    return await readState(this.store, schedule);
  }

  async pause(schedule: string, by: string, note?: string): Promise<void> {
    this.#usable();
    const now = Date.now();
    const pauseNote = note === undefined ? null : redact(note);
    const paused = { paused: 1, paused_by: by, paused_at: now, pause_note: pauseNote, updated_at: now };
    await writeStatement(this.store, (db) =>
      db
        .insertInto('schedule_state')
        .values({ name: schedule, last_planned_at: null, ...paused })
        .onConflict((oc) => oc.column('name').doUpdateSet(paused))
        .execute(),
    );
    await this.#record('schedule.operator', now, { schedule, action: 'pause', by, note: pauseNote });
  }

  async resume(schedule: string, by: string): Promise<void> {
    this.#usable();
    const now = Date.now();
    const resumed = { paused: 0, paused_by: null, paused_at: null, pause_note: null, updated_at: now };
    await writeStatement(this.store, (db) =>
      db
        .insertInto('schedule_state')
        .values({ name: schedule, last_planned_at: null, ...resumed })
        .onConflict((oc) => oc.column('name').doUpdateSet(resumed))
        .execute(),
    );
    await this.#record('schedule.operator', now, { schedule, action: 'resume', by });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.trail.close();
  }

  /** last_planned_at only moves forward, whatever order concurrent decisions land in. */
  async #advancePlanned(schedule: string, plannedAt: number, now: number): Promise<void> {
    await writeStatement(this.store, (db) =>
      db
        .insertInto('schedule_state')
        .values({
          name: schedule,
          paused: 0,
          paused_by: null,
          paused_at: null,
          pause_note: null,
          last_planned_at: plannedAt,
          updated_at: now,
        })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            last_planned_at: sql<number>`case when schedule_state.last_planned_at is null or schedule_state.last_planned_at < excluded.last_planned_at then excluded.last_planned_at else schedule_state.last_planned_at end`,
            updated_at: now,
          }),
        )
        .execute(),
    );
  }

  async #record(kind: 'schedule.decision' | 'schedule.operator', at: number, data: Record<string, unknown>): Promise<void> {
    await this.trail.append({ kind, at, data });
  }

  #usable(): void {
    if (this.#closed) throw ledgerClosed(this.chainId);
  }
}

function check(field: string, value: unknown, allowed: readonly string[]): void {
  if (!allowed.includes(value as string)) throw invalidValue(field, value, allowed);
}

function iso(at: number): string {
  return new Date(at).toISOString();
}
