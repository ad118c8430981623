/**
 * One ledger write statement, safe beside the store's own write transactions.
 *
 * Every ledger write is a single statement (the decision's primary key does the arbitration), so
 * it never holds a lock across an await. On PostgreSQL that is all there is to it.
 *
 * On SQLite there is one more hazard: better-sqlite3 blocks the thread while it waits for another
 * connection's write lock. If a second Store in this process (same file) is inside a write
 * transaction between two awaits, a blocking wait here would stop that transaction from ever
 * finishing — a deadlock until the busy timeout. So the statement runs with busy_timeout 0 and,
 * when the file is busy, is retried after a short asynchronous pause (with jitter) until
 * BUSY_WAIT_MS have passed: the thread stays free for the lock holder to commit.
 */
import { type Kysely, sql } from 'kysely';
import type { Database, Store } from '../store/index.ts';
// Until the ledger's statements and this locking move into src/store, the ledger uses the store's handle.
import { storeInternals } from '../store/internals.ts';
import { ScheduleLedgerError } from './ledger-errors.ts';
import type { LedgerTables } from './ledger-rows.ts';
import { backoffDelayMs } from '../util/backoff.ts';

export type LedgerDb = Kysely<Database & LedgerTables>;

/** As long as the store itself waits for a lock (sqlite.ts BUSY_TIMEOUT_MS). */
const BUSY_WAIT_MS = 15_000;
const FIRST_PAUSE_MS = 2;
const MAX_PAUSE_MS = 50;

export function ledgerDb(store: Store): LedgerDb {
  return storeInternals(store).db.withTables<LedgerTables>();
}

export async function writeStatement<T>(store: Store, statement: (db: LedgerDb) => Promise<T>): Promise<T> {
  if (store.engine === 'postgres') return await statement(ledgerDb(store));
  const deadline = Date.now() + BUSY_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      return await withoutBusyWait(store, statement);
    } catch (error) {
      if (!isBusy(error)) throw error;
      if (Date.now() >= deadline) throw busyTooLong(error);
      await pause(attempt);
    }
  }
}

/** On one connection (the driver's mutex keeps other statements of this Store off it meanwhile). */
async function withoutBusyWait<T>(store: Store, statement: (db: LedgerDb) => Promise<T>): Promise<T> {
  return await storeInternals(store)
    .db.connection()
    .execute(async (conn) => {
      const current = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn);
      const restore = Number(current.rows[0]?.timeout ?? BUSY_WAIT_MS);
      await sql`pragma busy_timeout = 0`.execute(conn);
      try {
        return await statement(conn.withTables<LedgerTables>());
      } finally {
        await sql.raw(`pragma busy_timeout = ${restore}`).execute(conn);
      }
    });
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/** `retry` counts from 0: the first pause has a ceiling of FIRST_PAUSE_MS. */
function pause(retry: number): Promise<void> {
  const ms = backoffDelayMs(retry + 1, { baseMs: FIRST_PAUSE_MS, maxMs: MAX_PAUSE_MS });
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function busyTooLong(cause: unknown): ScheduleLedgerError {
  return new ScheduleLedgerError('KANSLIST_SCHEDULE_LEDGER_BUSY', `The SQLite store stayed locked for ${BUSY_WAIT_MS / 1000} s`, {
    cause,
    where: 'schedule ledger',
    remedy:
      'Another process holds the database write lock for too long; check for a stuck kanslist process, or use PostgreSQL for several schedulers.',
  });
}
