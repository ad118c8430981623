/**
 * 003: what the scheduler decided, kept across restarts (node-cron itself keeps nothing).
 *
 * `schedule_state` holds one row per schedule: whether an operator paused it, and the latest
 * planned cron instant that has a decision — after a restart the scheduler computes what it
 * missed from there.
 *
 * `schedule_decisions` holds one row per (schedule, planned instant). Its primary key is how
 * exactly one scheduler wins a fire: every scheduler inserts with ON CONFLICT DO NOTHING and only
 * the one whose row went in runs it. While the child runs, the winner renews a lease on the row;
 * another scheduler treats a fire whose lease expired as no longer running.
 *
 * Times are epoch milliseconds (bigint on PostgreSQL), like the other tables.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function schedulesMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('schedule_state')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('paused_by', 'text')
        .addColumn('paused_at', time)
        .addColumn('pause_note', 'text')
        .addColumn('last_planned_at', time)
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('schedule_decisions')
        .addColumn('schedule', 'text', (c) => c.notNull())
        .addColumn('planned_at', time, (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .addColumn('detail', 'text')
        .addColumn('decided_at', time, (c) => c.notNull())
        .addColumn('decided_by', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text')
        .addColumn('pid', 'integer')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', time)
        .addColumn('ended_at', time)
        .addColumn('outcome', 'text')
        .addColumn('exit_code', 'integer')
        .addColumn('summary', 'text')
        .addPrimaryKeyConstraint('schedule_decisions_pk', ['schedule', 'planned_at'])
        .execute();
      // "Is a fire of this schedule still running?" looks for rows with no end yet.
      await db.schema.createIndex('schedule_decisions_schedule_ended').on('schedule_decisions').columns(['schedule', 'ended_at']).execute();
      // Listings across schedules are newest first.
      await db.schema.createIndex('schedule_decisions_decided').on('schedule_decisions').column('decided_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['schedule_decisions', 'schedule_state']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
