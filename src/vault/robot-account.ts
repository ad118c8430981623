/**
 * A robot account as the login path uses it: its current password and, after a rotation that was
 * interrupted, the new password the rotation left pending in the vault. Which of the two the
 * system holds is only known by trying; the one that works is kept, here and in the vault.
 */
import { registerSecret } from '../redact/redact.ts';
import type { Credentials } from '../ui/system.ts';
import { credentialName } from './credentials.ts';
import type { SecretSource } from './vault.ts';

/** The vault name of the password a rotation is setting for account n: casehub.password.pending, casehub.password.2.pending … */
export function pendingPasswordName(system: { name: string }, account = 1): string {
  return `${credentialName(system, 'password', account)}.pending`;
}

export class RobotAccount implements Credentials {
  readonly username: string;
  password: string;
  pending: string | undefined;
  readonly #adopt: () => void;
  readonly #listeners: (() => void)[] = [];

  constructor(username: string, password: string, pending: string | undefined, adopt: () => void) {
    this.username = username;
    this.password = password;
    this.pending = pending;
    this.#adopt = adopt;
  }

  /** The pending password worked: from now on it is the password, in this process and in the vault. */
  adoptPending(): void {
    if (this.pending === undefined) return;
    this.password = this.pending;
    this.pending = undefined;
    this.#adopt();
    for (const listener of this.#listeners) listener();
  }

  /** `listener` is called after the pending password was adopted (a run logs and records the repair). */
  onAdopted(listener: () => void): void {
    this.#listeners.push(listener);
  }
}

/**
 * Account n's credentials with the password a rotation left pending, when its password comes from
 * the vault (a password from the environment is the operator's to change, and has none).
 */
export function withPending(
  system: { name: string },
  account: Credentials,
  n: number,
  vault: SecretSource,
  passwordFromEnv: boolean,
): RobotAccount {
  const name = pendingPasswordName(system, n);
  const pending = !passwordFromEnv && vault.has(name) ? vault.get(name) : undefined;
  registerSecret(pending);
  // The value that worked, even if a rotation has stored another pending one since.
  const promote = () => void vault.promote?.(name, credentialName(system, 'password', n), pending);
  return new RobotAccount(account.username, account.password, pending, promote);
}
