/** What `kanslist users add|passwd|rm|list` do, loaded only when one of them runs. */
import { ConfigError } from '../../errors.ts';
import { auditKeyFromEnv } from '../../audit/trail.ts';
import { checkNewPassword, hashPassword, isRole, ROLES } from '../../serve/index.ts';
import { openActionTrail } from '../../serve/action-trail.ts';
import type { Store } from '../../store/index.ts';
import { readPipedSecret, readTypedSecret } from '../../vault/read-secret.ts';
import { operator } from '../operator.ts';
import { localTime, printJson, printTable } from '../table.ts';
import { kanslistVersion } from '../version.ts';
import { withStore } from '../with-store.ts';

export function runUsersAdd(username: string, o: { role: string; bot?: string; name?: string; db?: string }): Promise<void> {
  checkUsername(username);
  const roles = parseList(o.role);
  const bad = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || bad.length > 0) {
    throw new ConfigError('KANSLIST_ROLE_UNKNOWN', `Unknown role ${bad.map((r) => `"${r}"`).join(', ') || '(none given)'}.`, {
      where: '--role',
      remedy: `Give one or more of ${ROLES.join(', ')}, separated by commas.`,
    });
  }
  const bots = parseList(o.bot ?? '');
  if (roles.includes('clerk') && bots.length === 0) {
    throw new ConfigError('KANSLIST_CLERK_WITHOUT_BOTS', 'A clerk works the review queue of named bots, and none was given.', {
      where: '--bot',
      remedy: 'Add --bot <bot>[,<bot>…] (see `kanslist bots`).',
    });
  }
  return withStore(o.db, async (store) => {
    if ((await store.users.get(username)) !== undefined) {
      throw new ConfigError('KANSLIST_USER_EXISTS', `There is already a user named "${username}".`, {
        remedy: 'Choose another name, or change their password with `kanslist users passwd`.',
      });
    }
    const password = await newPassword(username);
    await store.users.add({
      username,
      displayName: o.name ?? username,
      passwordHash: await hashPassword(password),
      roles,
      bots,
      source: 'local',
    });
    await record(store, 'users.add', { username, roles, bots });
    console.log(
      `Added ${username} (${roles.join(', ')}${bots.length > 0 ? `; bots ${bots.join(', ')}` : ''}). They log in at the control room (\`kanslist serve\`).`,
    );
  });
}

export function runUsersPasswd(username: string, o: { db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    await requireUser(store, username);
    const password = await newPassword(username);
    await store.users.setPassword(username, await hashPassword(password));
    await record(store, 'users.passwd', { username });
    console.log(`The password of ${username} is changed; their sessions have ended.`);
  });
}

export function runUsersRm(username: string, o: { db?: string }): Promise<void> {
  return withStore(o.db, async (store) => {
    await requireUser(store, username);
    await store.users.remove(username);
    await record(store, 'users.rm', { username });
    console.log(`Removed ${username}; their sessions have ended.`);
  });
}

export function runUsersList(o: { json?: boolean; db?: string }): Promise<void> {
  return withStore(o.db, async (store, config) => {
    const users = (await store.users.list()).map((u) => ({
      username: u.username,
      name: u.displayName,
      roles: u.roles,
      bots: u.bots,
      source: u.source,
      locked: u.lockedUntil !== null && u.lockedUntil > Date.now(),
      created: u.createdAt,
    }));
    if (o.json) return printJson(users);
    if (users.length === 0) return console.log('No accounts. Add one with `kanslist users add <name> --role operator`.');
    printTable(
      users.map((u) => ({
        ...u,
        roles: u.roles.join(','),
        bots: u.bots.join(','),
        locked: u.locked ? 'yes' : '',
        created: localTime(u.created, config.timeZone),
      })),
      ['username', 'name', 'roles', 'bots', 'source', 'locked', 'created'],
    );
  });
}

function parseList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

function checkUsername(username: string): void {
  if (!/^[A-Za-z0-9._@-]{1,64}$/.test(username)) {
    throw new ConfigError('KANSLIST_USERNAME_INVALID', `"${username}" cannot be a username.`, {
      remedy: 'Use 1–64 letters, digits and . _ @ - (e.g. anna.berg).',
    });
  }
}

async function requireUser(store: Store, username: string): Promise<void> {
  if ((await store.users.get(username)) === undefined) {
    throw new ConfigError('KANSLIST_USER_UNKNOWN', `There is no account "${username}".`, { remedy: 'See `kanslist users list`.' });
  }
}

async function newPassword(username: string): Promise<string> {
  const password = process.stdin.isTTY ? await readTypedSecret(`Password for ${username} (not shown): `) : await readPipedSecret();
  checkNewPassword(password, process.stdin.isTTY ? 'the typed password' : 'the password on stdin');
  return password;
}

/** Account changes made from the shell are on the audit trail too, under the operating-system user. */
async function record(store: Store, action: string, data: Record<string, unknown>): Promise<void> {
  const trail = openActionTrail(store, { key: auditKeyFromEnv(), version: `kanslist ${kanslistVersion()}` });
  try {
    await trail.record({ username: operator(), roles: ['cli'] }, action, { data });
  } finally {
    await trail.close();
  }
}
