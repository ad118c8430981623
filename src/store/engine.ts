/**
 * What the shared queue and run logic needs from an engine: a Kysely instance, a way to run a
 * write transaction, and the one statement that differs most between engines — the claim.
 */
import type { Kysely, QueryCreator, SelectQueryBuilder } from 'kysely';
import type { WorkItemRow } from './rows.ts';
import type { Database } from './schema.ts';
import type { ClaimScope, Engine } from './types.ts';

export interface ClaimParams {
  bot: string;
  runId: string;
  workerId: string;
  now: number;
  leaseExpiresAt: number;
  ownInputOnly?: boolean | undefined;
  environment?: string | undefined;
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
  /** Rewrites the database file so deleted values leave it (SQLite); undefined where the engine has its own VACUUM. */
  compact?: (() => Promise<void>) | undefined;
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
    .$call((q) => inClaimScope(db, q, params))
    .orderBy('available_at')
    .orderBy('seq')
    .limit(1);
}

/** What a run may claim: its own input's items unless it drains the backlog, and only its environment's (or items from before environments). */
export function inClaimScope<O>(
  db: QueryCreator<Database>,
  query: SelectQueryBuilder<Database, 'work_items', O>,
  scope: ClaimScope,
): SelectQueryBuilder<Database, 'work_items', O> {
  let q = query;
  const { environment, runId } = scope;
  if (environment !== undefined)
    q = q.where((eb) => eb.or([eb('work_items.environment', '=', environment), eb('work_items.environment', 'is', null)]));
  if (scope.ownInputOnly === true && runId !== undefined)
    q = q.where('work_items.id', 'in', db.selectFrom('run_scope').select('item_id').where('run_id', '=', runId));
  return q;
}
