/**
 * 001: work items, their attempts, runs and drift events.
 *
 * The only engine difference is the insertion counter `seq`: SQLite's INTEGER PRIMARY KEY
 * AUTOINCREMENT versus a PostgreSQL identity column. Everything else is portable types.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function initialMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  const seq = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('bot', 'text', (c) => c.notNull())
        .addColumn('bot_version', 'text', (c) => c.notNull())
        .addColumn('trigger', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('pid', 'integer', (c) => c.notNull())
        .addColumn('started_at', time, (c) => c.notNull())
        .addColumn('ended_at', time)
        .addColumn('heartbeat_at', time, (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('input', 'text')
        .addColumn('summary', 'text')
        .execute();
      await db.schema.createIndex('runs_bot_started').on('runs').columns(['bot', 'started_at']).execute();
      await db.schema.createIndex('runs_status_heartbeat').on('runs').columns(['status', 'heartbeat_at']).execute();

      await db.schema
        .createTable('work_items')
        .addColumn('seq', seq, (c) => (engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('bot', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('available_at', time, (c) => c.notNull())
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', time)
        .addColumn('source', 'text')
        .addColumn('output', 'text')
        .addColumn('error_code', 'text')
        .addColumn('reason', 'text')
        .addColumn('enqueued_run_id', 'text')
        .addColumn('last_run_id', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addColumn('started_at', time)
        .addColumn('finished_at', time)
        .addColumn('duration_ms', time)
        // Idempotency: one item per key per bot, whatever its status.
        .addUniqueConstraint('work_items_bot_key', ['bot', 'key'])
        .execute();
      // The claim's search: pending items of a bot, by availability then insertion order.
      await db.schema.createIndex('work_items_claim').on('work_items').columns(['bot', 'status', 'available_at', 'seq']).execute();
      await db.schema.createIndex('work_items_enqueued_run').on('work_items').column('enqueued_run_id').execute();

      await db.schema
        .createTable('item_attempts')
        .addColumn('seq', seq, (c) => (engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('item_id', 'text', (c) => c.notNull().references('work_items.id').onDelete('cascade'))
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('worker_id', 'text', (c) => c.notNull())
        .addColumn('started_at', time, (c) => c.notNull())
        .addColumn('ended_at', time)
        .addColumn('outcome', 'text')
        .addColumn('error_code', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema.createIndex('item_attempts_item').on('item_attempts').columns(['item_id', 'seq']).execute();
      await db.schema.createIndex('item_attempts_run').on('item_attempts').columns(['run_id', 'item_id']).execute();

      await db.schema
        .createTable('drift_events')
        .addColumn('seq', seq, (c) => (engine === 'postgres' ? c.primaryKey().generatedAlwaysAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('run_id', 'text', (c) => c.notNull().references('runs.id').onDelete('cascade'))
        .addColumn('item_id', 'text')
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('target', 'text', (c) => c.notNull())
        .addColumn('failed_strategy', 'text', (c) => c.notNull())
        .addColumn('matched_strategy', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('drift_events_run').on('drift_events').column('run_id').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      for (const table of ['drift_events', 'item_attempts', 'work_items', 'runs']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
