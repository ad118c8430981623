/**
 * The SQLite engine (better-sqlite3): the embedded default, e.g. `var/kanslist.db`.
 *
 * Several runner processes may share one file: WAL mode lets readers run beside the writer,
 * busy_timeout makes a writer wait for the lock instead of failing, and every write transaction
 * starts with BEGIN IMMEDIATE so the wait happens up front.
 *
 * Within one process, better-sqlite3 blocks the thread while it waits for a lock. If two Store
 * instances in the same process shared a file, one could block the thread while the other holds
 * the lock between two awaits — a deadlock until the timeout. So writes to one file from one
 * process also queue on an in-process lock (`fileLocks`) first.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { claimNextSqlite } from './claim-sqlite.ts';
import { withStatementCache } from './sqlite-statements.ts';
import type { EngineAccess } from './engine.ts';
import { StoreError } from './errors.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

/** How long a writer waits for another process's write lock before giving up. */
const BUSY_TIMEOUT_MS = 15_000;

class AsyncLock {
  #tail: Promise<unknown> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.#tail.then(fn);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}

const fileLocks = new Map<string, AsyncLock>();

function lockFor(file: string): AsyncLock {
  if (file === ':memory:') return new AsyncLock();
  const key = resolve(file);
  let lock = fileLocks.get(key);
  if (lock === undefined) {
    lock = new AsyncLock();
    fileLocks.set(key, lock);
  }
  return lock;
}

function openFile(file: string): BetterSqlite3.Database {
  try {
    if (file !== ':memory:') mkdirSync(dirname(resolve(file)), { recursive: true });
    const raw = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
    if (file !== ':memory:') raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    // Safe with WAL: a power loss may lose the last commits, never corrupt the file.
    raw.pragma('synchronous = NORMAL');
    return raw;
  } catch (error) {
    throw new StoreError('KANSLIST_STORE_OPEN', `Cannot open the SQLite database: ${(error as Error).message}`, {
      cause: error,
      where: file,
      remedy: 'Check that the folder is writable and the file is a SQLite database.',
    });
  }
}

export async function openSqlite(file: string): Promise<EngineAccess> {
  const raw = openFile(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(raw) }) });
  const lock = lockFor(file);

  async function write<T>(fn: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
    return await lock.run(() =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (error) {
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw error;
        }
      }),
    );
  }

  try {
    // The migrations run inside the write lock so two processes opening a new file at once
    // do not both create the tables.
    await write((conn) => migrateToLatest(conn, 'sqlite'));
  } catch (error) {
    await db.destroy();
    throw error;
  }

  let closed = false;
  return {
    engine: 'sqlite',
    db,
    write,
    claimNext: claimNextSqlite,
    // A deleted value stays in free pages and the WAL until the file is rewritten: a purge must
    // leave no personal number in the file, so checkpoint, VACUUM, and truncate the WAL again.
    async compact() {
      await lock.run(() => {
        raw.pragma('wal_checkpoint(TRUNCATE)');
        raw.exec('VACUUM');
        raw.pragma('wal_checkpoint(TRUNCATE)');
        return Promise.resolve();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      // Waits for writes queued on the lock, then closes the connection.
      await lock.run(() => Promise.resolve());
      await db.destroy();
    },
  };
}
