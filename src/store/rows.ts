/**
 * Row <-> object mapping. Rows are snake_case with JSON as text; objects are the public types.
 *
 * Numbers are coerced with Number() because a pg pool without our int8 parser (or an aggregate)
 * would hand back strings; this keeps the mapping honest whatever the driver did.
 */
import type { Selectable } from 'kysely';
import type { ItemAttemptTable, RunTable, WorkItemTable } from './schema.ts';
import type { AttemptOutcome, ItemAttempt, ItemStatus, Run, RunStatus, WorkItem } from './types.ts';
import { numberOrNull } from '../util/sql-numbers.ts';

export type WorkItemRow = Selectable<WorkItemTable>;

export function toJson(value: unknown): string {
  return JSON.stringify(value === undefined ? null : value);
}

/** Reason details as stored: JSON text, or null when there are none. */
export function detailsJson(details: object | null | undefined): string | null {
  return details === null || details === undefined ? null : JSON.stringify(details);
}

export function fromJson(text: string | null): unknown {
  return text === null ? null : (JSON.parse(text) as unknown);
}

function num(value: number | string): number {
  return Number(value);
}

export function toWorkItem(row: WorkItemRow): WorkItem {
  return {
    id: row.id,
    bot: row.bot,
    key: row.key,
    payload: fromJson(row.payload),
    status: row.status as ItemStatus,
    attempts: num(row.attempts),
    maxAttempts: num(row.max_attempts),
    availableAt: num(row.available_at),
    leaseOwner: row.lease_owner,
    leaseExpiresAt: numberOrNull(row.lease_expires_at),
    source: row.source,
    output: fromJson(row.output),
    errorCode: row.error_code,
    reason: row.reason,
    reasonDetails: fromJson(row.reason_details ?? null),
    enqueuedRunId: row.enqueued_run_id,
    environment: row.environment ?? null,
    lastRunId: row.last_run_id,
    createdAt: num(row.created_at),
    updatedAt: num(row.updated_at),
    startedAt: numberOrNull(row.started_at),
    finishedAt: numberOrNull(row.finished_at),
    durationMs: numberOrNull(row.duration_ms),
  };
}

export function toAttempt(row: Selectable<ItemAttemptTable>): ItemAttempt {
  return {
    itemId: row.item_id,
    runId: row.run_id,
    attempt: num(row.attempt),
    workerId: row.worker_id,
    startedAt: num(row.started_at),
    endedAt: numberOrNull(row.ended_at),
    outcome: row.outcome as AttemptOutcome | null,
    errorCode: row.error_code,
    reason: row.reason,
  };
}

export function toRun(row: Selectable<RunTable>): Run {
  return {
    id: row.id,
    bot: row.bot,
    botVersion: row.bot_version,
    trigger: row.trigger,
    host: row.host,
    pid: num(row.pid),
    startedAt: num(row.started_at),
    endedAt: numberOrNull(row.ended_at),
    heartbeatAt: num(row.heartbeat_at),
    status: row.status as RunStatus,
    input: row.input,
    summary: fromJson(row.summary),
  };
}
