/**
 * The database schema as Kysely sees it: one interface per table, column names in snake_case.
 *
 * Both engines hold the same columns. Times are epoch milliseconds (`bigint` in PostgreSQL, read
 * back as numbers; `integer` in SQLite). JSON payloads and outputs are text, so both engines store
 * them the same way. `seq` is an insertion counter used only to keep "oldest first" stable.
 */
import type { Generated } from 'kysely';

export interface Database {
  work_items: WorkItemTable;
  item_attempts: ItemAttemptTable;
  runs: RunTable;
  drift_events: DriftEventTable;
  run_scope: RunScopeTable;
}

/** The items a run's input named (migration 006): what the run may claim unless it drains the backlog. */
export interface RunScopeTable {
  run_id: string;
  item_id: string;
}

export interface WorkItemTable {
  seq: Generated<number>;
  id: string;
  bot: string;
  key: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  available_at: number;
  lease_owner: string | null;
  lease_expires_at: number | null;
  source: string | null;
  output: string | null;
  error_code: string | null;
  reason: string | null;
  /** JSON: the reason's parameters and translations for reports (migration 005). */
  reason_details: Generated<string | null>;
  enqueued_run_id: string | null;
  /** The system address or named environment the item is meant for (migration 006); null before it. */
  environment: Generated<string | null>;
  last_run_id: string | null;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
  duration_ms: number | null;
  /** When retention replaced the payload's fields by a marker (migration 008); null while intact. */
  purged_at: Generated<number | null>;
}

export interface ItemAttemptTable {
  seq: Generated<number>;
  item_id: string;
  run_id: string;
  attempt: number;
  worker_id: string;
  started_at: number;
  ended_at: number | null;
  outcome: string | null;
  error_code: string | null;
  reason: string | null;
  /** JSON, as on work_items. */
  reason_details: Generated<string | null>;
}

export interface RunTable {
  id: string;
  bot: string;
  bot_version: string;
  trigger: string;
  host: string;
  pid: number;
  started_at: number;
  ended_at: number | null;
  heartbeat_at: number;
  status: string;
  input: string | null;
  summary: string | null;
}

export interface DriftEventTable {
  seq: Generated<number>;
  run_id: string;
  item_id: string | null;
  system: string;
  target: string;
  failed_strategy: string;
  matched_strategy: string;
  at: number;
}
