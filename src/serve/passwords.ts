/**
 * Password hashing with Argon2id (memory-hard, the OWASP first choice) from @node-rs/argon2, a kept
 * binding with prebuilt binaries: no compiler needed on a municipality's server.
 */
import { hash, verify } from '@node-rs/argon2';
import { ConfigError } from '../errors.ts';

/** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a wrong password and for a malformed stored hash alike: both mean "not this password". */
export async function passwordMatches(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the user does not exist, so a wrong name takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('kanslist-decoy-password-never-valid');
  return decoy;
}

/** A password a person chose, checked before it is hashed; the error never repeats it. */
export function checkNewPassword(password: string, where: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ConfigError('KANSLIST_PASSWORD_WEAK', `The password is shorter than ${MIN_PASSWORD_LENGTH} characters.`, {
      where,
      remedy: `Choose a passphrase of at least ${MIN_PASSWORD_LENGTH} characters (several words are easy to remember and hard to guess).`,
    });
  }
}
