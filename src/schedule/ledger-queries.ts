/**
 * The ledger's reads: running fires, decision listings, a schedule's state. Reads never lock, so
 * they use the store's connection directly.
 */
import type { Store } from '../store/index.ts';
import type { Decision, DecisionFilter, ScheduleState } from './ledger-types.ts';
import { defaultState, toDecision, toState } from './ledger-rows.ts';
import { ledgerDb } from './ledger-write.ts';

const DEFAULT_DECISION_LIMIT = 100;

/** A fire not ended whose lease is still valid: its scheduler is alive and its child running. */
export async function findRunning(store: Store, schedule: string, now: number): Promise<Decision | undefined> {
  const row = await ledgerDb(store)
    .selectFrom('schedule_decisions')
    .selectAll()
    .where('schedule', '=', schedule)
    .where('ended_at', 'is', null)
    .where('lease_expires_at', '>', now)
    .orderBy('planned_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row === undefined ? undefined : toDecision(row);
}

export async function findDecision(store: Store, schedule: string, plannedAt: number): Promise<Decision | undefined> {
  const row = await ledgerDb(store)
    .selectFrom('schedule_decisions')
    .selectAll()
    .where('schedule', '=', schedule)
    .where('planned_at', '=', plannedAt)
    .executeTakeFirst();
  return row === undefined ? undefined : toDecision(row);
}

/** Newest planned first; `since` keeps fires planned at or after it. */
export async function listDecisions(store: Store, filter: DecisionFilter = {}): Promise<Decision[]> {
  let query = ledgerDb(store).selectFrom('schedule_decisions').selectAll();
  if (filter.schedule !== undefined) query = query.where('schedule', '=', filter.schedule);
  if (filter.since !== undefined) query = query.where('planned_at', '>=', filter.since);
  const rows = await query
    .orderBy('planned_at', 'desc')
    .orderBy('schedule')
    .limit(filter.limit ?? DEFAULT_DECISION_LIMIT)
    .execute();
  return rows.map(toDecision);
}

/**
 * The state row, with lastPlannedAt never behind the decisions themselves: the decision and the
 * state are two statements, and a scheduler that died between them must not make the next one
 * think a decided fire was missed.
 */
export async function readState(store: Store, schedule: string): Promise<ScheduleState> {
  const db = ledgerDb(store);
  const row = await db.selectFrom('schedule_state').selectAll().where('name', '=', schedule).executeTakeFirst();
  const latest = await db
    .selectFrom('schedule_decisions')
    .select((eb) => eb.fn.max<number | string | null>('planned_at').as('planned_at'))
    .where('schedule', '=', schedule)
    .where('trigger', '<>', 'manual')
    .executeTakeFirst();
  const state = row === undefined ? defaultState(schedule) : toState(row);
  const decided = latest?.planned_at === null || latest?.planned_at === undefined ? null : Number(latest.planned_at);
  if (decided !== null && (state.lastPlannedAt === null || decided > state.lastPlannedAt)) state.lastPlannedAt = decided;
  return state;
}
