/**
 * The ledger's row <-> object mapping (the tables' types: src/store/schedule-tables.ts).
 *
 * Numbers are coerced with Number(): pg may hand back int8 as strings, SQLite gives numbers.
 */
import type { Selectable } from 'kysely';
import type { ScheduleDecisionTable, ScheduleStateTable } from '../store/schedule-tables.ts';
export type { LedgerTables, ScheduleDecisionTable, ScheduleStateTable } from '../store/schedule-tables.ts';
import type { Decision, DecisionKind, DecisionTrigger, RunOutcome, ScheduleState } from './ledger-types.ts';
import { numberOrNull } from '../util/sql-numbers.ts';

/** A summary column that is not JSON (edited by hand) is shown as it is rather than crash a listing. */
function parseSummary(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function toDecision(row: Selectable<ScheduleDecisionTable>): Decision {
  return {
    schedule: row.schedule,
    plannedAt: Number(row.planned_at),
    decision: row.decision as DecisionKind,
    reason: row.reason,
    detail: row.detail,
    decidedAt: Number(row.decided_at),
    decidedBy: row.decided_by,
    trigger: row.trigger as DecisionTrigger,
    runId: row.run_id,
    pid: numberOrNull(row.pid),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: numberOrNull(row.lease_expires_at),
    endedAt: numberOrNull(row.ended_at),
    outcome: row.outcome as RunOutcome | null,
    exitCode: numberOrNull(row.exit_code),
    summary: parseSummary(row.summary),
  };
}

export function defaultState(name: string): ScheduleState {
  return { name, paused: false, pausedBy: null, pausedAt: null, pauseNote: null, lastPlannedAt: null };
}

export function toState(row: Selectable<ScheduleStateTable>): ScheduleState {
  return {
    name: row.name,
    paused: Number(row.paused) === 1,
    pausedBy: row.paused_by,
    pausedAt: numberOrNull(row.paused_at),
    pauseNote: row.pause_note,
    lastPlannedAt: numberOrNull(row.last_planned_at),
  };
}
