/**
 * Robot-account credentials for a system, from the environment first and then the vault:
 * KANSLIST_<SYSTEM>_USERNAME / _PASSWORD or casehub.username / casehub.password for the first
 * account; _USERNAME_2 / casehub.username.2 and so on for more.
 */
import { ConfigError } from '../errors.ts';
import type { Credentials } from '../ui/system.ts';
import { systemEnvPrefix } from '../ui/system.ts';
import type { SecretSource } from './vault.ts';

type Field = 'username' | 'password';

/** The vault name of account n's field: casehub.password, casehub.password.2, … */
export function credentialName(system: { name: string }, field: Field, account = 1): string {
  const base = `${system.name.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}.${field}`;
  return account === 1 ? base : `${base}.${account}`;
}

/** The environment variable of account n's field: KANSLIST_CASEHUB_PASSWORD, …_PASSWORD_2, … */
export function credentialEnvVar(system: { name: string }, field: Field, account = 1): string {
  const base = `${systemEnvPrefix(system)}_${field.toUpperCase()}`;
  return account === 1 ? base : `${base}_${account}`;
}

/** Every account found; the first is required, and half an account (a name without a password) is an error. */
export function lookupAccounts(system: { name: string }, env: NodeJS.ProcessEnv, vault: SecretSource): Credentials[] {
  const accounts: Credentials[] = [];
  for (let n = 1; ; n++) {
    const present = (field: Field) => Boolean(env[credentialEnvVar(system, field, n)]) || vault.has(credentialName(system, field, n));
    if (n > 1 && !present('username') && !present('password')) return accounts;
    const missing = (['username', 'password'] as const).filter((field) => !present(field));
    if (missing.length > 0) throw missingCredentials(system, missing, n, vault.where);
    accounts.push({ username: lookup(system, 'username', n, env, vault), password: lookup(system, 'password', n, env, vault) });
  }
}

function lookup(system: { name: string }, field: Field, n: number, env: NodeJS.ProcessEnv, vault: SecretSource): string {
  const value = env[credentialEnvVar(system, field, n)] || vault.get(credentialName(system, field, n));
  // present() said it exists; an empty vault value is the one way to get here.
  if (!value) throw missingCredentials(system, [field], n, vault.where);
  return value;
}

function missingCredentials(system: { name: string }, fields: readonly Field[], n: number, vaultFile: string): ConfigError {
  const account = n === 1 ? `the robot account` : `robot account ${n}`;
  const each = fields.map((f) => `${credentialEnvVar(system, f, n)} / vault secret ${credentialName(system, f, n)}`).join(' and ');
  const commands = fields.map((f) => `\`kanslist vault set ${credentialName(system, f, n)}\``).join(' and ');
  return new ConfigError(
    'KANSLIST_CREDENTIALS_MISSING',
    `No ${fields.join(' or ')} for ${account} in system "${system.name}": neither set (${each}).`,
    {
      where: `environment and vault ${vaultFile}`,
      remedy: `Run ${commands}, or set ${fields.map((f) => credentialEnvVar(system, f, n)).join(' and ')}.`,
    },
  );
}
