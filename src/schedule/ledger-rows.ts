/**
 * The ledger's two tables (created by migration 003_schedules), typed here via `withTables` as
 * src/store/audit.ts does for the audit tables, and the row <-> object mapping.
 *
 * Numbers are coerced with Number(): pg may hand back int8 as strings, SQLite gives numbers.
 */
import type { Selectable } from 'kysely';
import type { Decision, DecisionKind, DecisionTrigger, RunOutcome, ScheduleState } from './ledger-types.ts';

export type ScheduleStateTable = {
  name: string;
  /** 0 or 1: both engines store it as an integer. */
  paused: number;
  paused_by: string | null;
  paused_at: number | null;
  pause_note: string | null;
  last_planned_at: number | null;
  updated_at: number;
}

export type ScheduleDecisionTable = {
  schedule: string;
  planned_at: number;
  decision: string;
  reason: string | null;
  detail: string | null;
  decided_at: number;
  decided_by: string;
  trigger: string;
  run_id: string | null;
  pid: number | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  ended_at: number | null;
  outcome: string | null;
  exit_code: number | null;
  /** JSON text. */
  summary: string | null;
}

export type LedgerTables = {
  schedule_state: ScheduleStateTable;
  schedule_decisions: ScheduleDecisionTable;
}

function numOrNull(value: number | string | null): number | null {
  return value === null ? null : Number(value);
}

/** A summary column that is not JSON (edited by hand) is shown as it is rather than crash a listing. */
function parseSummary(text: string | null): unknown | null {
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
    pid: numOrNull(row.pid),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: numOrNull(row.lease_expires_at),
    endedAt: numOrNull(row.ended_at),
    outcome: row.outcome as RunOutcome | null,
    exitCode: numOrNull(row.exit_code),
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
    pausedAt: numOrNull(row.paused_at),
    pauseNote: row.pause_note,
    lastPlannedAt: numOrNull(row.last_planned_at),
  };
}
