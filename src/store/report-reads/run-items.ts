/**
 * The run report's reads: how the run's attempts ended, and its items sorted by finish time, paged
 * with a keyset so a run of 10 000 items is never in memory at once. Payloads are never selected:
 * they hold identity numbers. The rows are as stored; src/report/run-data.ts shapes and redacts them.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { AttemptOutcome } from '../types.ts';

const OUTCOMES: readonly AttemptOutcome[] = ['done', 'review', 'retry', 'failed', 'released', 'uncertain'];

/** One item of a run with its attempts in that run summed up and its last attempt joined in. Numbers may be strings (pg int8). */
export interface RunItemRecord {
  seq: number | string;
  id: string;
  key: string;
  status: string;
  output: string | null;
  source: string | null;
  item_code: string | null;
  item_reason: string | null;
  item_details: string | null;
  enqueued_run_id: string | null;
  total_attempts: number | string;
  n: number | string | null;
  first_started: number | string | null;
  last_ended: number | string | null;
  work_ms: number | string | null;
  outcome: string | null;
  attempt_code: string | null;
  attempt_reason: string | null;
  attempt_details: string | null;
  sort_at: number | string;
}

/** Attempts made in the run, by how each ended; an attempt still open is counted as none. */
export async function attemptOutcomes(db: Kysely<Database>, runId: string): Promise<Record<AttemptOutcome, number>> {
  const rows = await db
    .selectFrom('item_attempts')
    .select((eb) => ['outcome', eb.fn.countAll<number | string>().as('n')])
    .where('run_id', '=', runId)
    .groupBy('outcome')
    .execute();
  const out = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<AttemptOutcome, number>;
  // An attempt still open (outcome null) belongs to a running or abandoned run: not counted as any outcome.
  for (const row of rows) if (row.outcome !== null && row.outcome in out) out[row.outcome as AttemptOutcome] = Number(row.n);
  return out;
}

/** The run's items, oldest finish first (ties by insertion order), a page per query. */
export async function* runItemRecords(db: Kysely<Database>, runId: string, pageSize: number): AsyncGenerator<RunItemRecord> {
  let after: { at: number; seq: number } | undefined;
  for (;;) {
    const rows = await runItemsPage(db, runId, after, pageSize);
    yield* rows;
    const last = rows.at(-1);
    if (rows.length < pageSize || last === undefined) return;
    after = { at: Number(last.sort_at), seq: Number(last.seq) };
  }
}

/**
 * One page: the items enqueued by the run or attempted in it, each with its attempts in this run
 * summed up and its last attempt (by seq: a released attempt repeats its number) joined in. The
 * run's items are found through the two indexes (enqueued_run_id, item_attempts.run_id), never by
 * scanning every item of every run. Plain SQL that both engines read the same way.
 */
async function runItemsPage(
  db: Kysely<Database>,
  runId: string,
  after: { at: number; seq: number } | undefined,
  limit: number,
): Promise<RunItemRecord[]> {
  // An item this run only enqueued (rejected, or left for a later run) sorts at its enqueue time.
  const sortAt = sql`coalesce(r.last_ended, r.first_started, w.created_at)`;
  const keyset = after === undefined ? sql`` : sql`where ${sortAt} > ${after.at} or (${sortAt} = ${after.at} and w.seq > ${after.seq})`;
  const result = await sql<RunItemRecord>`
    with r as (
      select item_id, max(seq) as last_seq, count(*) as n, min(started_at) as first_started, max(ended_at) as last_ended,
             sum(coalesce(ended_at, started_at) - started_at) as work_ms
      from item_attempts where run_id = ${runId} group by item_id
    ),
    ids as (
      select id as item_id from work_items where enqueued_run_id = ${runId}
      union
      select item_id from r
    )
    select w.seq, w.id, w.key, w.status, w.output, w.source, w.error_code as item_code, w.reason as item_reason, w.reason_details as item_details,
           w.enqueued_run_id, w.attempts as total_attempts, r.n, r.first_started, r.last_ended, r.work_ms,
           la.outcome, la.error_code as attempt_code, la.reason as attempt_reason, la.reason_details as attempt_details, ${sortAt} as sort_at
    from ids
    join work_items w on w.id = ids.item_id
    left join r on r.item_id = w.id
    left join item_attempts la on la.seq = r.last_seq
    ${keyset}
    order by sort_at, w.seq
    limit ${limit}`.execute(db);
  return result.rows;
}
