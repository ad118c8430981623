/**
 * Every login of a robot account goes through here (a run's sessions, a check, a rotation), so
 * that a rotation interrupted between changing the password in the system and promoting it in the
 * vault never locks the robot out: when the system refuses the current password as wrong and a
 * pending one exists, the pending one is tried once, and if it works the vault is repaired.
 */
import { PasswordExpiredError, PasswordRefusedError } from '../errors.ts';
import type { Credentials } from '../ui/system.ts';
import { RobotAccount } from '../vault/index.ts';

/** Which password got in: 'current', or 'pending' (now promoted to current). */
export type LoginPassword = 'current' | 'pending';

/** `login` is the map's login with the given credentials (ui and baseUrl bound by the caller). */
export async function logInAccount(credentials: Credentials, login: (credentials: Credentials) => Promise<void>): Promise<LoginPassword> {
  try {
    await login(credentials);
    return 'current';
  } catch (error) {
    // Only a refused password: a locked account, an expired password or a server fault is not
    // a sign that the other password is the right one, and one more try could lock the account.
    if (!(error instanceof PasswordRefusedError) || !(credentials instanceof RobotAccount) || credentials.pending === undefined)
      throw error;
  }
  const account = credentials;
  try {
    await login({ username: account.username, password: account.pending! });
  } catch (error) {
    // "Expired" means the system took the password: it is the right one, only old.
    if (error instanceof PasswordExpiredError) account.adoptPending();
    throw error;
  }
  account.adoptPending();
  return 'pending';
}
