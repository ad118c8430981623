/**
 * Prepared statements kept for reuse. Kysely's SQLite driver prepares every query again, and a
 * worker runs the same few dozen statements for every item (claim, transitions, audit batches):
 * preparing is SQLite parsing and planning the SQL each time, which showed in profiles of a run
 * as a few milliseconds of the event loop per item. better-sqlite3 statements may be run again
 * with new parameters; one that is still being iterated is busy and is not handed out twice.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every statement the store runs; a query built with a varying shape (IN lists) may push old ones out. */
const KEPT_STATEMENTS = 256;

export function withStatementCache(raw: BetterSqlite3.Database, kept = KEPT_STATEMENTS): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      const cached = statements.get(sql);
      if (cached !== undefined && !cached.busy) {
        // Most recently used last, so the oldest goes first when the cache is full.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = raw.prepare(sql);
      if (cached === undefined) {
        statements.set(sql, statement);
        if (statements.size > kept) statements.delete(statements.keys().next().value!);
      }
      return statement;
    },
  };
}
