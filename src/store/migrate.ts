/**
 * Runs the versioned migrations to the latest version. Called on every open; a no-op when
 * the database is current.
 */
import { Migrator, type Kysely } from 'kysely';
import { migrationProvider } from './migrations/index.ts';
import { StoreError } from './errors.ts';
import type { Engine } from './types.ts';

export async function migrateToLatest(db: Kysely<any>, engine: Engine, schema?: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider(engine),
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreError('KANSLIST_STORE_MIGRATION', `Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
      where: `${engine} store`,
      remedy: 'Nothing was changed by the failed migration. Check database permissions and that no newer Kanslist version migrated this database.',
    });
  }
}
