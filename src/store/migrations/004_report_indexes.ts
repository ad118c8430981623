/**
 * 004: an index for reports that read items by the moment they settled.
 *
 * The time-saved report (src/store/report-reads/time-saved.ts) filters on a final status and on
 * `coalesce(finished_at, updated_at)` — finished_at, or for an item that never had one (rejected
 * at enqueue, sent to review after an uncertain run) the time it was put in review — and groups by
 * bot. With (status, settled, seq, bot) each status is one range scan that never touches the table,
 * so a period of a million items is counted from the index alone, and the per-item rows are paged
 * along the same index in (settled, seq) order without a sort. Both engines index the expression;
 * a query must use the identical expression for the index to apply
 * (tests/store/report-index-plan.test.ts checks that it does).
 */
import { sql, type Kysely, type Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function reportIndexesMigration(_engine: Engine): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await sql`create index work_items_report on work_items (status, (coalesce(finished_at, updated_at)), seq, bot)`.execute(db);
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('work_items_report').execute();
    },
  };
}
