/**
 * Where a system is and how the bot logs in. Both are settled before any browser starts, so a
 * missing secret is one clear message, not a failed login in the middle of a run.
 */
import { registerSecret } from '../audit/redact.ts';
import type { LoadedConfig } from '../config/load.ts';
import { credentialsFromEnv, resolveBaseUrl, systemEnvPrefix, type Credentials } from '../ui/index.ts';
import type { AnySystem } from './bot.ts';

export function systemBaseUrl(system: AnySystem, config: LoadedConfig, env: NodeJS.ProcessEnv = process.env): string {
  return resolveBaseUrl(system, { env, configured: config.systems[system.name]?.baseUrl });
}

/**
 * The robot accounts for a system: KANSLIST_<NAME>_USERNAME / _PASSWORD, then _USERNAME_2 /
 * _PASSWORD_2 and so on. Every password is registered for redaction at once.
 */
export function systemAccounts(system: AnySystem, env: NodeJS.ProcessEnv = process.env): Credentials[] {
  const accounts = [credentialsFromEnv(system, env)];
  const prefix = systemEnvPrefix(system);
  for (let n = 2; env[`${prefix}_USERNAME_${n}`] && env[`${prefix}_PASSWORD_${n}`]; n++) {
    accounts.push({ username: env[`${prefix}_USERNAME_${n}`]!, password: env[`${prefix}_PASSWORD_${n}`]! });
  }
  for (const account of accounts) registerSecret(account.password);
  return accounts;
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
