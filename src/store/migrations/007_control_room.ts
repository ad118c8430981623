/**
 * 007: the control room's people and their sessions.
 *
 * `users` are local accounts managed with `kanslist users` (a single-sign-on user has a row too,
 * created on first login, with no password hash). Roles and the bots a clerk is assigned to are
 * JSON arrays: a person may hold several roles, and the list of bots is short.
 * `failed_logins`/`locked_until` throttle password guessing per account (the per-address limit
 * is the web server's).
 *
 * `web_sessions` keeps sessions server-side, so logging out, removing a user or changing their
 * password ends their sessions at once; the cookie holds only the signed session id.
 *
 * `item_attempts_ended` serves the overview's "today per bot" (attempts ended since midnight).
 */
import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../types.ts';

export function controlRoomMigration(engine: Engine): Migration {
  const time = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the database as it is, not as typed (Kysely's advice)
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('username', 'text', (c) => c.primaryKey())
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('roles', 'text', (c) => c.notNull())
        .addColumn('bots', 'text', (c) => c.notNull())
        .addColumn('language', 'text')
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('locked_until', time)
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('web_sessions')
        .addColumn('sid', 'text', (c) => c.primaryKey())
        .addColumn('username', 'text')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('web_sessions_username').on('web_sessions').column('username').execute();
      await db.schema.createIndex('web_sessions_expires').on('web_sessions').column('expires_at').execute();
      await db.schema.createIndex('item_attempts_ended').on('item_attempts').column('ended_at').execute();
    },

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as for up()
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('item_attempts_ended').execute();
      await db.schema.dropTable('web_sessions').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}
