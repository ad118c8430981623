import { hostname, userInfo } from 'node:os';

/** Who ran the command, for the audit trail: the operating-system user on this machine. */
export function operator(): string {
  let user = process.env.USER ?? process.env.USERNAME ?? 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's name will do.
  }
  return `${user}@${hostname()}`;
}
