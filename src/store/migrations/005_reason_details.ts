/**
 * 005: the facts of a failure's reason, kept next to its English text.
 *
 * `reason_details` (JSON text, null when there are none) holds what reports need to say the reason
 * in the reader's language: the parameters of the reason (row, column, field, kind of problem —
 * never a value from the item), the bot author's own translations, and for an input row with
 * several problems one part per problem. `error_code` and `reason` are unchanged: operators, the
 * XLSX files and the audit trail keep the code and the developer's text.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function reasonDetailsMigration(_engine: Engine): Migration {
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('work_items').addColumn('reason_details', 'text').execute();
      await db.schema.alterTable('item_attempts').addColumn('reason_details', 'text').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('item_attempts').dropColumn('reason_details').execute();
      await db.schema.alterTable('work_items').dropColumn('reason_details').execute();
    },
  };
}
