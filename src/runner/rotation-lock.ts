/**
 * One rotation of an account at a time: two at once would each store their own pending password,
 * and the one whose change went through could find the other's in the vault. A lock file next to
 * the vault (var/locks/rotate-<system>-<n>.lock), created exclusively, holds the process id and
 * host; a lock left by a rotation that was killed (its process is gone) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigError } from '../errors.ts';

/** Takes the lock, or throws KANSLIST_ROTATE_BUSY; returns the function that releases it. */
export function acquireRotationLock(varDir: string, system: string, account: number): () => void {
  const file = join(varDir, 'locks', `rotate-${system}-${account}.lock`);
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, JSON.stringify({ pid: process.pid, host: hostname(), at: new Date().toISOString() }), {
        flag: 'wx',
        mode: 0o600,
      });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.host === hostname() && !isAlive(holder.pid)) {
      rmSync(file, { force: true });
      continue;
    }
    throw new ConfigError(
      'KANSLIST_ROTATE_BUSY',
      `Another rotation of ${system} robot account ${account} is under way${holder ? ` (process ${holder.pid} on ${holder.host})` : ''}.`,
      {
        where: file,
        remedy: 'Let it finish, then run again if needed. If no rotation is running (a machine that crashed), remove the lock file.',
      },
    );
  }
  throw new ConfigError(
    'KANSLIST_ROTATE_BUSY',
    `Another rotation of ${system} robot account ${account} took the lock at the same moment.`,
    { where: file, remedy: 'Let it finish.' },
  );
}

function readHolder(file: string): { pid: number; host: string } | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown };
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host } : undefined;
  } catch {
    // Half-written by a process killed between create and write: treat as held, to be safe.
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
