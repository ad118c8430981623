/**
 * 002: the hash-chained audit trail.
 *
 * `audit_records` is append-only: one row per record, keyed by (run_id, seq), seq counting 1..n
 * per run. `audit_subjects` indexes which identity numbers (normalised) a record concerns, so an
 * access request (`kanslist audit person`) is an index lookup, not a scan of every record's data.
 * `audit_heads` holds each run's last seq and hash: without it, deleting the last records of a run
 * would leave a shorter chain that still verifies.
 *
 * No foreign key to `runs`: evidence must outlive housekeeping of the runs table.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function auditMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('audit_records')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text')
        .addColumn('item_key', 'text')
        .addColumn('bot', 'text', (c) => c.notNull())
        .addColumn('bot_version', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('prev_hash', 'text')
        .addColumn('hash', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_records_pk', ['run_id', 'seq'])
        .execute();

      await db.schema
        .createTable('audit_subjects')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('audit_subjects_pk', ['run_id', 'seq', 'subject'])
        .execute();
      await db.schema.createIndex('audit_subjects_subject').on('audit_subjects').columns(['subject', 'run_id', 'seq']).execute();

      await db.schema
        .createTable('audit_heads')
        .addColumn('run_id', 'text', (c) => c.primaryKey())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['audit_heads', 'audit_subjects', 'audit_records']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
