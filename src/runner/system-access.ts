/**
 * Where a system is and how the bot logs in. Both are settled before any browser starts, so a
 * missing secret is one clear message, not a failed login in the middle of a run.
 */
import { registerSecret } from '../redact/redact.ts';
import type { LoadedConfig } from '../config/load.ts';
import { resolveBaseUrl, type Credentials } from '../ui/index.ts';
import { credentialEnvVar, lookupAccounts, openVault, withPending, type RobotAccount, type SecretSource } from '../vault/index.ts';
import type { AnySystem } from './bot.ts';

export function systemBaseUrl(system: AnySystem, config: LoadedConfig, env: NodeJS.ProcessEnv = process.env): string {
  return resolveBaseUrl(system, { env, configured: config.systems[system.name]?.baseUrl });
}

/**
 * The robot accounts for a system: env KANSLIST_<NAME>_USERNAME / _PASSWORD, else the vault's
 * <name>.username / <name>.password; then _USERNAME_2 / <name>.username.2 and so on. A missing or
 * unopenable secret is a ConfigError naming it. Every password is registered for redaction at once.
 * Each carries the password an interrupted rotation left pending, for the login to fall back on.
 */
export function systemAccounts(
  system: AnySystem,
  env: NodeJS.ProcessEnv = process.env,
  vault: SecretSource = openVault({ env }),
): RobotAccount[] {
  const accounts = lookupAccounts(system, env, vault);
  for (const account of accounts) registerSecret(account.password);
  return accounts.map((account, i) =>
    withPending(system, account, i + 1, vault, Boolean(env[credentialEnvVar(system, 'password', i + 1)])),
  );
}

/** Workers: the bot's wish, capped by the licence (maxSessions) and by what the accounts allow. */
export function workerCount(wanted: number, system: AnySystem, accounts: number): number {
  const perAccount = system.sessionsPerAccount ?? Number.POSITIVE_INFINITY;
  return Math.max(1, Math.min(wanted, system.maxSessions, accounts * perAccount));
}

/** Worker n (0-based) uses account n mod accounts: with one session per account, each its own. */
export function accountFor(worker: number, accounts: readonly Credentials[]): Credentials {
  return accounts[worker % accounts.length]!;
}
