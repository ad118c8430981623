/**
 * The PostgreSQL engine (pg): for organisations that run several runner machines on one queue.
 *
 * int8 columns (our epoch-millisecond times) come back as numbers through a pool-local type
 * parser, so no other pg user in the process is affected. With the `schema` option the schema is
 * created if missing and every connection gets `search_path` set at connect time (so each test,
 * or each environment, can have its own schema, as pg-boss does).
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { ConfigError } from '../errors.ts';
import { claimNextPostgres } from './claim-postgres.ts';
import type { EngineAccess } from './engine.ts';
import { StoreError } from './errors.ts';
import { migrateToLatest } from './migrate.ts';
import type { Database } from './schema.ts';

const INT8_OID = 20;
const SCHEMA_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The URL with any password replaced, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
}

/** Removes the URL's password from a driver message, should the driver ever echo it. */
function scrub(message: string, url: string): string {
  const password = /\/\/[^/@:]*:([^/@]*)@/.exec(url)?.[1];
  if (!password) return message;
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape: the raw form is all we can match.
  }
  return message.split(password).join('***').split(decoded).join('***');
}

function createPool(url: string, schema: string | undefined): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
        oid === INT8_OID
          ? (value: string) => Number(value)
          : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

async function ensureSchema(db: Kysely<Database>, schema: string): Promise<void> {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating it at once: one loses the race on the catalog; the schema exists.
    const code = (error as { code?: string }).code;
    if (code !== '23505' && code !== '42P06') throw error;
  }
}

export async function openPostgres(url: string, schema?: string): Promise<EngineAccess> {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new ConfigError('KANSLIST_STORE_SCHEMA', `Invalid PostgreSQL schema name "${schema}"`, {
      remedy: 'Use letters, digits and underscores, starting with a letter or underscore (at most 63).',
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: createPool(url, schema) }) });
  try {
    // Reach the server first, so an unreachable server is reported as such, not as a migration.
    await sql`select 1`.execute(db);
    if (schema !== undefined) await ensureSchema(db, schema);
    await migrateToLatest(db, 'postgres', schema);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    if (error instanceof StoreError) throw error;
    throw new StoreError('KANSLIST_STORE_CONNECT', `Cannot open the PostgreSQL store: ${scrub((error as Error).message, url)}`, {
      cause: error,
      where: redactUrl(url),
      remedy: 'Check that PostgreSQL is running, the URL is right and the user may create tables.',
    });
  }

  let closed = false;
  return {
    engine: 'postgres',
    db,
    write: (fn) => db.transaction().execute(fn),
    claimNext: claimNextPostgres,
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
