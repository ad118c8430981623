/**
 * 009: a chain that catches every rewrite.
 *
 * `audit_heads.format` says whether a head is authenticated: 1 (every head before this migration)
 * holds seq and hash only, so an insider could move it to an earlier record unseen; 2 carries
 * `mac`, an HMAC (with the audit key) over run id, seq and hash, so a moved head no longer matches.
 * Existing heads get 1 by default and still verify as they did.
 *
 * `audit_ledger` is the store-wide ledger of chains: one entry when a chain (a run, the scheduler's
 * or the control room's chain, a purge) is created and one when it is closed, each hashed onto the
 * entry before it. A deleted chain, a deleted entry or a reordered one breaks it. Entries are
 * appended under a lock (PostgreSQL table lock, SQLite's write lock), so `seq` counts 1..n
 * without gaps even with several runners at once.
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function chainLedgerMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .alterTable('audit_heads')
        .addColumn('format', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
      await db.schema.alterTable('audit_heads').addColumn('mac', 'text').execute();
      await db.schema
        .createTable('audit_ledger')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('at', time, (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('chain_id', 'text', (c) => c.notNull())
        .addColumn('chain_seq', 'integer', (c) => c.notNull())
        .addColumn('chain_hash', 'text')
        .addColumn('prev_hash', 'text')
        .addColumn('hash', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_ledger_chain').on('audit_ledger').columns(['chain_id', 'seq']).execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('audit_ledger').execute();
      await db.schema.alterTable('audit_heads').dropColumn('mac').execute();
      await db.schema.alterTable('audit_heads').dropColumn('format').execute();
    },
  };
}
