/**
 * What the shared queue and run logic needs from an engine: a Kysely instance, a way to run a
 * write transaction, and the one statement that differs most between engines — the claim.
 */
import type { Kysely, QueryCreator } from 'kysely';
import type { WorkItemRow } from './rows.ts';
import type { Database } from './schema.ts';
import type { Engine } from './types.ts';

export interface ClaimParams {
  bot: string;
  runId: string;
  workerId: string;
  now: number;
  leaseExpiresAt: number;
}

export interface EngineAccess {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /**
   * Runs `fn` in one write transaction. SQLite: BEGIN IMMEDIATE (the write lock up front, so
   * busy_timeout applies instead of a failed lock upgrade). PostgreSQL: an ordinary transaction.
   */
  write<T>(fn: (tx: Kysely<Database>) => Promise<T>): Promise<T>;
  /** Claims the next pending item inside a write transaction; returns the updated row. */
  claimNext(tx: Kysely<Database>, params: ClaimParams): Promise<WorkItemRow | undefined>;
  close(): Promise<void>;
}

/** Columns set on the item when a worker claims it (shared by both claim statements). */
export function claimedColumns(params: ClaimParams) {
  return {
    status: 'running',
    lease_owner: params.workerId,
    lease_expires_at: params.leaseExpiresAt,
    last_run_id: params.runId,
    started_at: params.now,
    finished_at: null,
    duration_ms: null,
    updated_at: params.now,
  } as const;
}

/** The oldest claimable item of the bot: pending and due. Both engines' claims select it. */
export function nextClaimable(db: QueryCreator<Database>, params: ClaimParams) {
  return db
    .selectFrom('work_items')
    .select('id')
    .where('bot', '=', params.bot)
    .where('status', '=', 'pending')
    .where('available_at', '<=', params.now)
    .orderBy('available_at')
    .orderBy('seq')
    .limit(1);
}
