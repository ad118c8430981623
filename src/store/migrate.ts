/**
 * Runs the versioned migrations to the latest version. Called on every open; a no-op when
 * the database is current.
 */
import { inspect } from 'node:util';
import { Migrator, sql, type DatabaseIntrospector, type Kysely, type TableMetadata } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import { StoreError } from './errors.ts';
import type { Engine } from './types.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on the database as it is, not as typed, like the migrations
export async function migrateToLatest(db: Kysely<any>, engine: Engine, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db: engine === 'postgres' ? withOwnSchemaIntrospection(db, schema) : db,
    provider: migrationProvider(engine),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError(
      'KANSLIST_STORE_MIGRATION',
      `Migration ${failed} failed: ${error instanceof Error ? error.message : inspect(error)}`,
      {
        cause: error,
        where: `${engine} store`,
        remedy:
          'Nothing was changed by the failed migration. Check database permissions and that no newer Kanslist version migrated this database.',
      },
    );
  }
}

/**
 * Kysely's migrator asks the introspector whether its tables exist, and PostgreSQL's introspector
 * reads every schema of the database, calling pg_get_serial_sequence and has_schema_privilege by
 * schema name. A schema dropped meanwhile (another installation, another application, parallel
 * test files) then fails the open with invalid_schema_name before anything was migrated. The
 * migrator only needs the schema names and the tables of the store's own schema: this answers
 * exactly that from the catalog, by join, so other schemas coming and going cannot disturb it.
 * (It also keeps a `kysely_migration` table in some other schema from being taken for ours.)
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for migrateToLatest()
function withOwnSchemaIntrospection(db: Kysely<any>, schema: string | undefined): Kysely<any> {
  const introspection: Pick<DatabaseIntrospector, 'getSchemas' | 'getTables'> = {
    getSchemas: async () => (await sql<{ name: string }>`select nspname as name from pg_catalog.pg_namespace`.execute(db)).rows,
    getTables: async (): Promise<TableMetadata[]> => {
      const { rows } = await sql<{ name: string; schema: string; kind: string }>`
        select c.relname as name, n.nspname as schema, c.relkind as kind
        from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
        where n.nspname = coalesce(${schema ?? null}::text, current_schema()) and c.relkind in ('r', 'p', 'v', 'm')`.execute(db);
      return rows.map((r) => ({ name: r.name, schema: r.schema, isView: r.kind === 'v' || r.kind === 'm', columns: [] }));
    },
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'introspection') return introspection;
      // Kysely's methods use private fields: call them on the real instance, not on the proxy.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
