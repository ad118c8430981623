/**
 * Which robot accounts of a system are due a new password: those whose vault password was set
 * longer ago than the configured period. The vault's names and times are read without its key,
 * so the scheduler can decide without opening a secret.
 */
import { credentialName, openVault, type VaultEntry } from '../vault/index.ts';

/** Account numbers (1, 2 …) whose `<system>.password[.n]` was set at least `everyMs` before `now`. */
export function accountsDue(system: { name: string }, entries: readonly VaultEntry[], everyMs: number, now: number): number[] {
  const setAt = new Map(entries.map((entry) => [entry.name, Date.parse(entry.setAt)]));
  const due: number[] = [];
  for (let n = 1; setAt.has(credentialName(system, 'password', n)); n++) {
    if (now - setAt.get(credentialName(system, 'password', n))! >= everyMs) due.push(n);
  }
  return due;
}

/** The vault's names and when each was set, for accountsDue. */
export function vaultEntries(env: NodeJS.ProcessEnv, varDir: string): VaultEntry[] {
  return openVault({ env, varDir }).list();
}
