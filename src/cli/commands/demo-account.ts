/**
 * The demo's control-room login: an account `demo` (operator and auditor) with a random password
 * kept owner-only in var/secrets, so every demo can print it. Only the demo makes this account;
 * a real installation adds its people with `kanslist users add`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hashPassword } from '../../serve/index.ts';
import type { Store } from '../../store/index.ts';

export const DEMO_USERNAME = 'demo';

/** The demo login, made on the first demo; undefined when the account exists but its password is no longer on file. */
export async function ensureDemoAccount(store: Store, varDir: string): Promise<{ username: string; password: string } | undefined> {
  const file = join(varDir, 'secrets', 'demo-login');
  const existing = await store.users.get(DEMO_USERNAME);
  if (existing !== undefined)
    return existsSync(file) ? { username: DEMO_USERNAME, password: readFileSync(file, 'utf8').trim() } : undefined;
  const password = randomBytes(12).toString('base64url');
  await store.users.add({
    username: DEMO_USERNAME,
    displayName: 'Demo',
    passwordHash: await hashPassword(password),
    roles: ['operator', 'auditor'],
    bots: [],
    source: 'local',
  });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return { username: DEMO_USERNAME, password };
}
