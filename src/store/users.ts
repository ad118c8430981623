/**
 * The control room's accounts and server-side sessions. The store only moves rows: password
 * hashing, roles and what a session holds are the control room's (src/serve).
 *
 * Tables are typed here (via `withTables`), as the audit trail's are, so they stay in one place.
 */
import type { Kysely } from 'kysely';
import type { EngineAccess } from './engine.ts';
import type { Database } from './schema.ts';
import { StoreError } from './errors.ts';

type UserTable = {
  username: string;
  display_name: string;
  password_hash: string | null;
  roles: string;
  bots: string;
  language: string | null;
  source: string;
  failed_logins: number;
  locked_until: number | null;
  created_at: number;
  updated_at: number;
};

type WebSessionTable = {
  sid: string;
  username: string | null;
  data: string;
  expires_at: number;
};

type UserTables = { users: UserTable; web_sessions: WebSessionTable };
type UserDatabase = Database & UserTables;

export interface User {
  username: string;
  displayName: string;
  /** Null for a single-sign-on account: it never logs in with a password. */
  passwordHash: string | null;
  roles: string[];
  /** The bots whose review queue a clerk works; empty for other roles. */
  bots: string[];
  /** The person's chosen language; null follows the configuration. */
  language: string | null;
  /** 'local' (kanslist users add) or 'oidc'. */
  source: string;
  failedLogins: number;
  lockedUntil: number | null;
  createdAt: number;
  updatedAt: number;
}

export type NewUser = Pick<User, 'username' | 'displayName' | 'passwordHash' | 'roles' | 'bots' | 'source'> & { language?: string | null };
export type UserChanges = Partial<Pick<User, 'displayName' | 'roles' | 'bots' | 'language'>>;

export interface UserStore {
  /** Throws StoreError KANSLIST_USER_EXISTS when the username is taken. */
  add(user: NewUser, now?: number): Promise<void>;
  get(username: string): Promise<User | undefined>;
  /** By username. */
  list(): Promise<User[]>;
  /** Also ends the user's sessions. False when there was no such user. */
  remove(username: string): Promise<boolean>;
  /** Also ends the user's sessions (a changed password must log out whoever knew the old one). */
  setPassword(username: string, passwordHash: string, now?: number): Promise<boolean>;
  update(username: string, changes: UserChanges, now?: number): Promise<boolean>;
  /** Counts a failed password; from `lockAfter` failures on, the account is locked until now + lockMs. Returns the lock's end, if locked. */
  failedLogin(username: string, options: { lockAfter: number; lockMs: number; now?: number }): Promise<number | null>;
  /** A successful login clears the count. */
  succeededLogin(username: string): Promise<void>;
}

export interface WebSessionStore {
  /** The session's data, unless it is absent or expired (an expired one is deleted). */
  get(sid: string, now?: number): Promise<string | undefined>;
  set(sid: string, data: { username: string | null; json: string; expiresAt: number }): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Ends every session of the user. */
  destroyForUser(username: string): Promise<number>;
  /** Deletes expired sessions; the number deleted. */
  purgeExpired(now?: number): Promise<number>;
}

function toUser(row: UserTable): User {
  return {
    username: row.username,
    displayName: row.display_name,
    passwordHash: row.password_hash,
    roles: JSON.parse(row.roles) as string[],
    bots: JSON.parse(row.bots) as string[],
    language: row.language,
    source: row.source,
    failedLogins: Number(row.failed_logins),
    lockedUntil: row.locked_until === null ? null : Number(row.locked_until),
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export class SqlUserStore implements UserStore {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  get #db(): Kysely<UserDatabase> {
    return this.#engine.db.withTables<UserTables>();
  }

  async add(user: NewUser, now = Date.now()): Promise<void> {
    const inserted = await this.#db
      .insertInto('users')
      .values({
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        roles: JSON.stringify(user.roles),
        bots: JSON.stringify(user.bots),
        language: user.language ?? null,
        source: user.source,
        failed_logins: 0,
        locked_until: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('username').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new StoreError('KANSLIST_USER_EXISTS', `There is already a user named "${user.username}".`, {
        remedy: 'Choose another name, or change that user with `kanslist users passwd`.',
      });
    }
  }

  async get(username: string): Promise<User | undefined> {
    const row = await this.#db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    return row === undefined ? undefined : toUser(row);
  }

  async list(): Promise<User[]> {
    return (await this.#db.selectFrom('users').selectAll().orderBy('username').execute()).map(toUser);
  }

  async remove(username: string): Promise<boolean> {
    return this.#engine.write(async (plain) => {
      const tx = plain.withTables<UserTables>();
      await tx.deleteFrom('web_sessions').where('username', '=', username).execute();
      const deleted = await tx.deleteFrom('users').where('username', '=', username).executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    });
  }

  async setPassword(username: string, passwordHash: string, now = Date.now()): Promise<boolean> {
    return this.#engine.write(async (plain) => {
      const tx = plain.withTables<UserTables>();
      const updated = await tx
        .updateTable('users')
        .set({ password_hash: passwordHash, failed_logins: 0, locked_until: null, updated_at: now })
        .where('username', '=', username)
        .executeTakeFirst();
      await tx.deleteFrom('web_sessions').where('username', '=', username).execute();
      return Number(updated.numUpdatedRows) > 0;
    });
  }

  async update(username: string, changes: UserChanges, now = Date.now()): Promise<boolean> {
    const set: Partial<UserTable> = { updated_at: now };
    if (changes.displayName !== undefined) set.display_name = changes.displayName;
    if (changes.roles !== undefined) set.roles = JSON.stringify(changes.roles);
    if (changes.bots !== undefined) set.bots = JSON.stringify(changes.bots);
    if (changes.language !== undefined) set.language = changes.language;
    const updated = await this.#db.updateTable('users').set(set).where('username', '=', username).executeTakeFirst();
    return Number(updated.numUpdatedRows) > 0;
  }

  async failedLogin(username: string, options: { lockAfter: number; lockMs: number; now?: number }): Promise<number | null> {
    const now = options.now ?? Date.now();
    return this.#engine.write(async (plain) => {
      const tx = plain.withTables<UserTables>();
      const row = await tx.selectFrom('users').select(['failed_logins']).where('username', '=', username).executeTakeFirst();
      if (row === undefined) return null;
      const failures = Number(row.failed_logins) + 1;
      const lockedUntil = failures >= options.lockAfter ? now + options.lockMs : null;
      await tx.updateTable('users').set({ failed_logins: failures, locked_until: lockedUntil }).where('username', '=', username).execute();
      return lockedUntil;
    });
  }

  async succeededLogin(username: string): Promise<void> {
    await this.#db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('username', '=', username).execute();
  }
}

export class SqlWebSessionStore implements WebSessionStore {
  readonly #engine: EngineAccess;

  constructor(engine: EngineAccess) {
    this.#engine = engine;
  }

  get #db(): Kysely<UserDatabase> {
    return this.#engine.db.withTables<UserTables>();
  }

  async get(sid: string, now = Date.now()): Promise<string | undefined> {
    const row = await this.#db.selectFrom('web_sessions').select(['data', 'expires_at']).where('sid', '=', sid).executeTakeFirst();
    if (row === undefined) return undefined;
    if (Number(row.expires_at) <= now) {
      await this.destroy(sid);
      return undefined;
    }
    return row.data;
  }

  async set(sid: string, data: { username: string | null; json: string; expiresAt: number }): Promise<void> {
    await this.#db
      .insertInto('web_sessions')
      .values({ sid, username: data.username, data: data.json, expires_at: data.expiresAt })
      .onConflict((oc) => oc.column('sid').doUpdateSet({ username: data.username, data: data.json, expires_at: data.expiresAt }))
      .execute();
  }

  async destroy(sid: string): Promise<void> {
    await this.#db.deleteFrom('web_sessions').where('sid', '=', sid).execute();
  }

  async destroyForUser(username: string): Promise<number> {
    const deleted = await this.#db.deleteFrom('web_sessions').where('username', '=', username).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  async purgeExpired(now = Date.now()): Promise<number> {
    const deleted = await this.#db.deleteFrom('web_sessions').where('expires_at', '<=', now).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }
}
