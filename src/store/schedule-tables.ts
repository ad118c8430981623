/**
 * The schedule ledger's two tables (created by migration 003_schedules), typed for `withTables` as
 * src/store/audit.ts does for the audit tables. Kept beside the other table types so the store
 * holds every table's shape; src/schedule/ledger-rows.ts maps the rows to objects.
 */
export type ScheduleStateTable = {
  name: string;
  /** 0 or 1: both engines store it as an integer. */
  paused: number;
  paused_by: string | null;
  paused_at: number | null;
  pause_note: string | null;
  last_planned_at: number | null;
  updated_at: number;
};

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
};

export type LedgerTables = {
  schedule_state: ScheduleStateTable;
  schedule_decisions: ScheduleDecisionTable;
};
