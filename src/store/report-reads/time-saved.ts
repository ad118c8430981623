/**
 * The time-saved report's questions to the store (src/report/time-saved asks them through
 * `store.reports`), each answered by the database with GROUP BY
 * (never by loading items): counts per bot and final status, per trend bucket, run durations, and
 * exception reasons. The same statements run on SQLite and PostgreSQL.
 *
 * When an item "happened": the moment it reached its final state, `finished_at` — or, for items
 * that never had one (rejected when enqueued, or sent to review after an uncertain run),
 * `updated_at`, the moment they were put in review. Migration 004 indexes exactly this expression.
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.ts';

/** Statuses that end an item's life in the queue (for the report's purposes). */
export const DONE_STATUS = 'done';
export const EXCEPTION_STATUSES = ['handled', 'review', 'failed'] as const;
export type ExceptionStatus = (typeof EXCEPTION_STATUSES)[number];
export type FinalStatus = typeof DONE_STATUS | ExceptionStatus;
export const FINAL_STATUSES: readonly FinalStatus[] = [DONE_STATUS, ...EXCEPTION_STATUSES];

/**
 * The expression indexed by migration 004; keep the two identical so the index is used
 * (tests/store/report-index-plan.test.ts fails when they differ).
 */
export const settledAt = sql<number>`coalesce(finished_at, updated_at)`;

/** A half-open time range [start, end) in epoch ms (a trend bucket). */
export interface TimeRange {
  start: number;
  end: number;
}

export interface Scope {
  from: number;
  to: number;
  /** Only this bot. */
  bot?: string | undefined;
}

export interface StatusCount {
  bot: string;
  status: FinalStatus;
  count: number;
}

function inScope(scope: Scope, statuses: readonly string[]) {
  return (eb: ExpressionBuilder<Database, 'work_items'>): Expression<SqlBool> => {
    const conditions: Expression<SqlBool>[] = [
      eb('status', 'in', [...statuses]),
      eb(settledAt, '>=', scope.from),
      eb(settledAt, '<', scope.to),
    ];
    if (scope.bot !== undefined) conditions.push(eb('bot', '=', scope.bot));
    return eb.and(conditions);
  };
}

function toStatusCount(row: { bot: string; status: string; n: number | string | bigint }): StatusCount {
  return { bot: row.bot, status: row.status as FinalStatus, count: Number(row.n) };
}

/** The statement behind countSettledItems, unexecuted: tests/store/report-index-plan.test.ts asks the planner about it. */
export function settledCountQuery(db: Kysely<Database>, scope: Scope) {
  return db
    .selectFrom('work_items')
    .select((eb) => ['bot', 'status', eb.fn.countAll<number | string>().as('n')])
    .where(inScope(scope, FINAL_STATUSES))
    .groupBy(['bot', 'status']);
}

/** Items per bot and final status that settled in [from, to). */
export async function countSettledItems(db: Kysely<Database>, scope: Scope): Promise<StatusCount[]> {
  const rows = await settledCountQuery(db, scope).execute();
  return rows.map(toStatusCount);
}

export interface BucketCount extends StatusCount {
  /** Index into the buckets passed in. */
  bucket: number;
}

/**
 * Items per bucket, bot and final status. One grouped SELECT per bucket, joined with UNION ALL into
 * one statement: each part is a range scan of the index, so the whole period is read once, however
 * many buckets there are (a CASE over every boundary would compare each row with each boundary).
 */
export async function countSettledItemsPerBucket(
  db: Kysely<Database>,
  scope: Scope,
  buckets: readonly TimeRange[],
): Promise<BucketCount[]> {
  const parts = buckets.map((bucket, index) =>
    db
      .selectFrom('work_items')
      .select((eb) => [sql<number>`${sql.lit(index)}`.as('bucket'), 'bot', 'status', eb.fn.countAll<number | string>().as('n')])
      .where(inScope({ ...scope, from: Math.max(scope.from, bucket.start), to: Math.min(scope.to, bucket.end) }, FINAL_STATUSES))
      .groupBy(['bot', 'status']),
  );
  const out: BucketCount[] = [];
  // SQLite allows at most 500 terms in a compound SELECT: ten years of weeks take several statements.
  for (let i = 0; i < parts.length; i += BUCKETS_PER_STATEMENT) {
    const [first, ...rest] = parts.slice(i, i + BUCKETS_PER_STATEMENT);
    if (first === undefined) break;
    const rows = await rest.reduce((union, part) => union.unionAll(part), first).execute();
    for (const row of rows) out.push({ ...toStatusCount(row), bucket: Number(row.bucket) });
  }
  return out;
}

const BUCKETS_PER_STATEMENT = 100;

export interface RunTotals {
  bot: string;
  runs: number;
  /** Sum of run durations, ms. */
  durationMs: number;
}

/**
 * Runs per bot that started in [from, to) and the sum of their durations. A run still going (or
 * one whose runner died) counts until its last heartbeat.
 */
export async function sumRunDurations(db: Kysely<Database>, scope: Scope): Promise<RunTotals[]> {
  let query = db
    .selectFrom('runs')
    .select((eb) => [
      'bot',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string>(sql<number>`coalesce(ended_at, heartbeat_at) - started_at`).as('ms'),
    ])
    .where('started_at', '>=', scope.from)
    .where('started_at', '<', scope.to);
  if (scope.bot !== undefined) query = query.where('bot', '=', scope.bot);
  const rows = await query.groupBy('bot').execute();
  return rows.map((row) => ({ bot: row.bot, runs: Number(row.n), durationMs: Number(row.ms ?? 0) }));
}

export interface ReasonCount {
  /** The error code, or null for items without one. */
  code: string | null;
  count: number;
  /** One stored reason for this code (the alphabetically first), NOT yet redacted. */
  sampleReason: string | null;
  /** One stored reason_details for this code (JSON text): a sample in the reader's language is made from it. */
  sampleDetails: string | null;
}

/** The most frequent exception codes among items that settled as exceptions in [from, to). */
export async function topExceptionReasons(db: Kysely<Database>, scope: Scope, limit: number): Promise<ReasonCount[]> {
  const rows = await db
    .selectFrom('work_items')
    .select((eb) => [
      'error_code',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.min('reason').as('sample'),
      eb.fn.min('reason_details').as('sample_details'),
    ])
    .where(inScope(scope, EXCEPTION_STATUSES))
    .groupBy('error_code')
    .orderBy('n', 'desc')
    .orderBy('error_code')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    code: row.error_code,
    count: Number(row.n),
    sampleReason: row.sample,
    sampleDetails: row.sample_details ?? null,
  }));
}

export interface SettledItemRow {
  seq: number;
  key: string;
  bot: string;
  status: FinalStatus;
  settledAt: number;
  errorCode: string | null;
}

/**
 * Every item that settled in [from, to) — done items first, then handled, review, failed; each
 * status in the order the items settled — one page at a time. Keyset pagination along the
 * report index (status, settled, seq): each page continues after the last (settled, seq) seen, so
 * memory stays at one page and a page costs the same at row 1 as at row 1 000 000 — with or
 * without planner statistics. (Paging by seq alone lets SQLite pick this index without
 * statistics and then sort the whole period for every page.)
 */
export async function* settledItems(db: Kysely<Database>, scope: Scope, pageSize = 5000): AsyncGenerator<SettledItemRow> {
  for (const status of FINAL_STATUSES) {
    let after: { settledAt: number; seq: number } | undefined;
    for (;;) {
      const rows = await itemPage(db, scope, status, after, pageSize);
      for (const row of rows) yield row;
      const last = rows.at(-1);
      if (last === undefined || rows.length < pageSize) break;
      after = { settledAt: last.settledAt, seq: last.seq };
    }
  }
}

async function itemPage(
  db: Kysely<Database>,
  scope: Scope,
  status: FinalStatus,
  after: { settledAt: number; seq: number } | undefined,
  pageSize: number,
): Promise<SettledItemRow[]> {
  const rows = await itemPageQuery(db, scope, status, after, pageSize).execute();
  return rows.map((row) => ({
    seq: Number(row.seq),
    key: row.key,
    bot: row.bot,
    status: row.status as FinalStatus,
    settledAt: Number(row.settled_at),
    errorCode: row.error_code,
  }));
}

/** The statement behind one page of settledItems, unexecuted (for the planner test, like settledCountQuery). */
export function itemPageQuery(
  db: Kysely<Database>,
  scope: Scope,
  status: FinalStatus,
  after: { settledAt: number; seq: number } | undefined,
  pageSize: number,
) {
  return db
    .selectFrom('work_items')
    .select(['seq', 'key', 'bot', 'status', settledAt.as('settled_at'), 'error_code'])
    .where((eb) => {
      const conditions: Expression<SqlBool>[] = [
        eb('status', '=', status),
        eb(settledAt, '>=', after?.settledAt ?? scope.from),
        eb(settledAt, '<', scope.to),
      ];
      // Past the last row: a later time, or the same time and a later seq.
      if (after !== undefined) conditions.push(eb.or([eb(settledAt, '>', after.settledAt), eb('seq', '>', after.seq)]));
      if (scope.bot !== undefined) conditions.push(eb('bot', '=', scope.bot));
      return eb.and(conditions);
    })
    .orderBy(settledAt)
    .orderBy('seq')
    .limit(pageSize);
}
