/**
 * openStore: picks the engine from the URL, opens it, runs the migrations, and wires the queue
 * and the run store onto it.
 *
 * URL forms: 'sqlite:var/kanslist.db', 'sqlite::memory:', a plain path ending in .db/.sqlite
 * (or .sqlite3), 'postgres://…' / 'postgresql://…' (optionally with `?schema=name`).
 */
import { ConfigError } from '../errors.ts';
import { SqlAuditStore } from './audit.ts';
import { SqlUserStore, SqlWebSessionStore } from './users.ts';
import { SqlRetentionStore } from './retention.ts';
import { SqlDashboardReads } from './dashboard.ts';
import type { EngineAccess } from './engine.ts';
import { attachInternals } from './internals.ts';
import { SqlReportReads } from './report-reads/index.ts';
import { SqlWorkQueue } from './queue.ts';
import { SqlRunStore } from './runs.ts';
import type { Store } from './types.ts';

export interface OpenStoreOptions {
  /** PostgreSQL only: the schema to use; created if missing and set as search_path. @default the server's search_path */
  schema?: string;
}

type Target = { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string; schema?: string };

export function parseStoreUrl(url: string): Target {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (file.length === 0) return badUrl('sqlite:', 'The sqlite: URL names no file');
    return { engine: 'sqlite', file };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) return postgresTarget(url);
  if (/\.(db|sqlite|sqlite3)$/i.test(url) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return { engine: 'sqlite', file: url };
  // Only the scheme is shown: the rest may hold a password.
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  return badUrl(
    scheme === undefined ? '(none)' : `${scheme}:`,
    `Unknown store URL scheme ${scheme === undefined ? '(no scheme)' : `"${scheme}:"`}`,
  );
}

/**
 * A `?schema=name` parameter picks the schema (as the `schema` option does), so a command line or
 * KANSLIST_STORE can point a runner at one; it is taken off the URL the driver sees.
 */
function postgresTarget(url: string): Target {
  const match = /^([^?#]*)\?([^#]*)(#.*)?$/.exec(url);
  if (!match) return { engine: 'postgres', url };
  const params = new URLSearchParams(match[2]);
  const schema = params.get('schema');
  if (schema === null) return { engine: 'postgres', url };
  params.delete('schema');
  const rest = params.toString();
  return { engine: 'postgres', url: `${match[1]}${rest ? `?${rest}` : ''}${match[3] ?? ''}`, schema };
}

function badUrl(scheme: string, message: string): never {
  throw new ConfigError('KANSLIST_STORE_URL', message, {
    where: `store URL scheme ${scheme}`,
    remedy: "Use 'sqlite:var/kanslist.db', 'sqlite::memory:', a path ending in .db or .sqlite, or 'postgres://user@host:5432/db'.",
  });
}

export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const target = parseStoreUrl(url);
  if (target.engine === 'sqlite' && options.schema !== undefined) {
    throw new ConfigError('KANSLIST_STORE_SCHEMA', 'The schema option is for PostgreSQL; SQLite has no schemas', {
      where: `sqlite file ${target.file}`,
      remedy: 'Use a separate database file instead of a schema.',
    });
  }
  // Each engine's driver is loaded only when it is used: a SQLite project never loads pg, and back.
  const engine: EngineAccess =
    target.engine === 'sqlite'
      ? await (await import('./sqlite.ts')).openSqlite(target.file)
      : await (await import('./postgres.ts')).openPostgres(target.url, options.schema ?? target.schema);
  return attachInternals<Store>(
    {
      engine: engine.engine,
      queue: new SqlWorkQueue(engine),
      runs: new SqlRunStore(engine),
      audit: new SqlAuditStore(engine),
      users: new SqlUserStore(engine),
      webSessions: new SqlWebSessionStore(engine),
      dashboard: new SqlDashboardReads(engine),
      retention: new SqlRetentionStore(engine),
      reports: new SqlReportReads(engine),
      close: () => engine.close(),
    },
    engine,
  );
}
