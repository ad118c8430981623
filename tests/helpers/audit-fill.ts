/**
 * A store filled by real work for the tamper tests: runs recorded through the run store, items
 * enqueued, claimed and completed through the queue, every step on an audit trail opened with
 * openAuditTrail, plus a chain that is not a run (as the scheduler's is). No browser: nothing here
 * needs one. Also a raw copy of every table the trail and the cross-check read, to restore the
 * store between tamperings or roll it back to an earlier state.
 */
import { sql, type Kysely } from 'kysely';
import { openAuditTrail } from '../../src/audit/trail.ts';
import type { Store } from '../../src/store/index.ts';
import { storeDb } from './store-internals.ts';

export const FILL_BOT = 'tamper-check';
/** The chain of something that is not a run (the scheduler's decisions). */
export const SIDE_CHAIN = 'scheduler-tamper-check';

const TABLES = [
  'audit_records',
  'audit_subjects',
  'audit_heads',
  'audit_ledger',
  'runs',
  'work_items',
  'item_attempts',
  'run_scope',
] as const;
const ROWS_PER_INSERT = 20;

export type TableCopy = Record<(typeof TABLES)[number], Array<Record<string, unknown>>>;

/** One finished run of `items` items, each claimed, completed with an output and recorded. */
export async function recordRun(store: Store, key: Buffer | null, keys: string[]): Promise<string> {
  const run = await store.runs.create({ bot: FILL_BOT, botVersion: 'v1', trigger: 'cli', host: 'test-host', pid: process.pid });
  const trail = await openAuditTrail(store, { bot: FILL_BOT, botVersion: 'v1', host: 'test-host', runId: run.id }, { key });
  await trail.append({ kind: 'run.start', data: { trigger: 'cli' } });
  const enqueue = await store.queue.enqueue(
    FILL_BOT,
    keys.map((k) => ({ key: k, payload: { case: k } })),
    { runId: run.id, maxAttempts: 3 },
  );
  await trail.append({ kind: 'item.transition', data: { event: 'enqueued', ...enqueue } });
  const outcomes = { done: 0 };
  for (;;) {
    const item = await store.queue.claim(FILL_BOT, { runId: run.id, workerId: 'w1', leaseMs: 60_000 });
    if (item === undefined) break;
    await trail.append({
      kind: 'item.transition',
      itemId: item.id,
      itemKey: item.key,
      data: { from: 'pending', to: 'running', attempt: item.attempts, worker: 'w1' },
    });
    const output = { caseNumber: `DNR-${item.key}` };
    await store.queue.complete(item.id, 'w1', output);
    await trail.append({
      kind: 'item.transition',
      itemId: item.id,
      itemKey: item.key,
      data: { from: 'running', to: 'done', outcome: 'done', attempt: item.attempts, output },
    });
    outcomes.done += 1;
  }
  await trail.append({ kind: 'run.end', data: { status: 'finished', outcomes } });
  await trail.close();
  await store.runs.finish(run.id, 'finished', { status: 'finished', outcomes, auditHead: trail.head() });
  return run.id;
}

/** A chain that is not a run, opened and closed twice (as the scheduler's is across restarts). */
export async function recordSideChain(store: Store, key: Buffer | null): Promise<void> {
  for (const decision of ['start', 'skip']) {
    const trail = await openAuditTrail(store, { bot: 'scheduler', botVersion: 'v1', host: 'test-host', runId: SIDE_CHAIN }, { key });
    await trail.append({ kind: 'schedule.decision', data: { decision } });
    await trail.close();
  }
}

/** Any of the tables, as they are: a copy and restore moves rows without knowing their columns. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as a migration sees the database (Kysely's advice)
type AnyDatabase = any;

function raw(store: Store): Kysely<AnyDatabase> {
  return storeDb(store);
}

export async function copyTables(store: Store): Promise<TableCopy> {
  const copy = {} as TableCopy;
  for (const table of TABLES) copy[table] = await raw(store).selectFrom(table).selectAll().execute();
  return copy;
}

/** Puts every table back exactly as copied (what a restore from a backup does). */
export async function restoreTables(store: Store, copy: TableCopy): Promise<void> {
  const db = raw(store);
  for (const table of TABLES) {
    await db.deleteFrom(table).execute();
    const rows = copy[table];
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(store, table, rows.slice(i, i + ROWS_PER_INSERT));
  }
}

/** PostgreSQL generates work_items.seq itself: a restore keeps the copied value (OVERRIDING SYSTEM VALUE). */
async function insertRows(store: Store, table: string, rows: Array<Record<string, unknown>>): Promise<void> {
  if (store.engine !== 'postgres') return void (await raw(store).insertInto(table).values(rows).execute());
  const cols = Object.keys(rows[0]!);
  const values = sql.join(rows.map((r) => sql`(${sql.join(cols.map((c) => r[c]))})`));
  await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))}) overriding system value values ${values}`.execute(
    raw(store),
  );
}
