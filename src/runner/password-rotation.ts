/**
 * `kanslist vault rotate`: a new robot password, set so that no crash can lock the robot out.
 *
 *   1. log in with the current password (falling back to, and repairing, a pending one);
 *   2. generate a password that meets the map's policy and store it in the vault as *pending*;
 *   3. change it in the system with the map's `changePassword`;
 *   4. verify: log in with the new password in a fresh browser context;
 *   5. promote pending to current, in one atomic write of the vault.
 *
 * A crash before 3 leaves the old password working (the pending one is never used); a crash
 * between 3 and 5 leaves the new one in the system and in the vault as pending, which the next
 * login of any run tries when the current one is refused. No tracing and no screenshots: the new
 * password is typed into this browser, and registered for redaction before it is typed.
 */
import type { Browser } from 'playwright-core';
import { registerSecret } from '../redact/redact.ts';
import { ConfigError, PasswordExpiredError } from '../errors.ts';
import { createUi } from '../ui/index.ts';
import { credentialEnvVar, credentialName, generatePassword, pendingPasswordName, type RobotAccount, type Vault } from '../vault/index.ts';
import { logInAccount } from './account-login.ts';
import type { AnySystem } from './bot.ts';
import { holdForCrashTest } from './rotation-hold.ts';
import { contextOptions } from './session.ts';
import { systemAccounts } from './system-access.ts';

export interface RotationOptions {
  system: AnySystem;
  /** 1 for the first robot account (casehub.password), 2 for casehub.password.2 … */
  account: number;
  vault: Vault;
  browser: Browser;
  baseUrl: string;
  env: NodeJS.ProcessEnv;
  timeoutMs?: number | undefined;
  locale?: string | undefined;
  /** Each step as it is done, for the operator (never a value). */
  progress: (line: string) => void;
}

export type RotationStage = 'login' | 'pending-stored' | 'changed' | 'verified' | 'promoted';

export interface RotationResult {
  username: string;
  /** The first login got in with the pending password of an earlier, interrupted rotation (now repaired). */
  repaired: boolean;
  /** The system demanded a new password at login. */
  wasExpired: boolean;
}

/** The checks that need no browser: the map can rotate, and the password is the vault's to change. */
export function rotationAccount(options: Pick<RotationOptions, 'system' | 'account' | 'vault' | 'env'>): RobotAccount {
  const { system, account: n, vault, env } = options;
  if (!system.changePassword || !system.passwordPolicy) {
    throw new ConfigError(
      'KANSLIST_ROTATE_UNSUPPORTED',
      `The system map "${system.name}" declares no changePassword and passwordPolicy, so its passwords cannot be rotated.`,
      {
        where: `selectors/${system.name}.ts`,
        remedy:
          'Add changePassword({ ui, credentials, newPassword }) and passwordPolicy to the map; see docs/authors.md, "Password rotation".',
      },
    );
  }
  const envVar = credentialEnvVar(system, 'password', n);
  if (env[envVar]) {
    throw new ConfigError(
      'KANSLIST_ROTATE_ENV_PASSWORD',
      `The password of robot account ${n} comes from ${envVar}, which a rotation cannot change.`,
      {
        where: `environment variable ${envVar}`,
        remedy: `Keep it in the vault instead: unset ${envVar} and run \`kanslist vault set ${credentialName(system, 'password', n)}\`.`,
      },
    );
  }
  const accounts = systemAccounts(system, env, vault);
  const account = accounts[n - 1];
  if (!account) {
    throw new ConfigError(
      'KANSLIST_ROTATE_NO_ACCOUNT',
      `System "${system.name}" has ${accounts.length} robot account(s); there is no account ${n}.`,
      {
        remedy: `Use --account 1 to ${accounts.length}, or set ${credentialName(system, 'username', n)} and ${credentialName(system, 'password', n)} first.`,
      },
    );
  }
  return account;
}

export async function rotatePassword(options: RotationOptions, reached: (stage: RotationStage) => void): Promise<RotationResult> {
  const { system, vault, env, progress } = options;
  const account = rotationAccount(options);
  const pendingName = pendingPasswordName(system, options.account);
  const currentName = credentialName(system, 'password', options.account);
  const context = await options.browser.newContext(contextOptions(system, options.locale));
  try {
    const page = await context.newPage();
    // No recorder and no tracing: nothing of this session is kept.
    const ui = createUi({ page, system, timeoutMs: options.timeoutMs });
    reached('login');
    const before = account.password;
    let wasExpired = false;
    try {
      await logInAccount(account, async (credentials) => {
        await system.login?.({ ui, credentials, baseUrl: options.baseUrl });
      });
    } catch (error) {
      if (!(error instanceof PasswordExpiredError)) throw error;
      // The system took the password and wants a new one: exactly what a rotation gives it.
      wasExpired = true;
    }
    // The login adopted the pending password when the current one was refused.
    const repaired = account.password !== before;
    progress(
      `Logged in to ${system.name} as robot account ${options.account}${wasExpired ? ' (the password has expired)' : ''}${repaired ? ', with the password an interrupted rotation left pending; the vault now holds it as current' : ''}.`,
    );
    const newPassword = generatePassword(system.passwordPolicy!);
    registerSecret(newPassword);
    vault.set(pendingName, newPassword);
    reached('pending-stored');
    progress(`Stored a new password as ${pendingName}.`);
    await holdForCrashTest('before-change', env, progress);
    await system.changePassword!({
      ui,
      credentials: { username: account.username, password: account.password },
      newPassword,
      baseUrl: options.baseUrl,
    });
    reached('changed');
    progress(`Changed the password in ${system.name}.`);
    await holdForCrashTest('after-change', env, progress);
    await verifyLogin(options, account.username, newPassword);
    reached('verified');
    progress(`Logged in with the new password.`);
    // The value this rotation set, whatever the pending entry holds now.
    vault.promote(pendingName, currentName, newPassword);
    account.password = newPassword;
    reached('promoted');
    progress(`The new password is ${currentName} now.`);
    await holdForCrashTest('after-promotion', env, progress);
    return { username: account.username, repaired, wasExpired };
  } finally {
    await context.close().catch(() => undefined);
  }
}

/** A fresh context, so the check is a real login and not the session the change left behind. */
async function verifyLogin(options: RotationOptions, username: string, password: string): Promise<void> {
  const context = await options.browser.newContext(contextOptions(options.system, options.locale));
  try {
    const ui = createUi({ page: await context.newPage(), system: options.system, timeoutMs: options.timeoutMs });
    await options.system.login?.({ ui, credentials: { username, password }, baseUrl: options.baseUrl });
    await options.system.logout?.({ ui, baseUrl: options.baseUrl }).catch(() => undefined);
  } finally {
    await context.close().catch(() => undefined);
  }
}
