/**
 * 008: retention (gallring).
 *
 * `audit_records.format` says how a record's hash is computed: 1 (every record before this
 * migration) hashes its data and subjects as they are, so purging them would break the chain —
 * those records are kept; 2 hashes a SHA-256 digest of the data and of each subject instead, so
 * the values can be purged later and the chain still verifies. Existing rows get 1 by default.
 *
 * A purged record keeps the digest of its original data in `data_digest`, with when and by which
 * purge run it was purged (`purged_at`, `purged_by`): `audit verify` recomputes with the digest and
 * says what was purged and when. A purged work item carries `purged_at` next to its marked payload.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function retentionMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('audit_records')
        .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('audit_records').addColumn('data_digest', 'text').execute();
      await db.schema.alterTable('audit_records').addColumn('purged_at', time).execute();
      await db.schema.alterTable('audit_records').addColumn('purged_by', 'text').execute();
      await db.schema.alterTable('work_items').addColumn('purged_at', time).execute();
      // The nightly purge looks for old, unpurged records and finished items by time.
      await db.schema.createIndex('audit_records_at').on('audit_records').column('at').execute();
      await db.schema.createIndex('work_items_finished').on('work_items').column('finished_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('work_items_finished').execute();
      await db.schema.dropIndex('audit_records_at').execute();
      await db.schema.alterTable('work_items').dropColumn('purged_at').execute();
      for (const column of ['purged_by', 'purged_at', 'data_digest', 'format']) {
        await db.schema.alterTable('audit_records').dropColumn(column).execute();
      }
    },
  };
}
