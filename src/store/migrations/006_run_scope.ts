/**
 * 006: runs scoped to their input and their system.
 *
 * `run_scope` lists the items each run's input named (new or already waiting), so a run claims its
 * own input's items and nobody else's unless it drains the backlog on purpose. `work_items.environment`
 * is the system address (or named environment) an item was enqueued for: a run against a test
 * system never claims items meant for production. Items from before this migration have none and
 * go to whichever environment claims them first, as they did.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function runScopeMigration(_engine: Engine): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('work_items').addColumn('environment', 'text').execute();
      await db.schema
        .createTable('run_scope')
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('item_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('run_scope_pk', ['run_id', 'item_id'])
        .execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('run_scope').execute();
      await db.schema.alterTable('work_items').dropColumn('environment').execute();
    },
  };
}
