/**
 * "Fire now" from the control room: `kanslist schedule fire <name>` in a child process of its own,
 * detached, so the run outlives the request (and a restart of the web server). The child decides
 * and records the fire in the schedule ledger exactly as the command does — a manual fire still
 * respects overlap and the preflight — and the schedules page shows its decision.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../util/package-info.ts';
import type { ControlRoom } from './context.ts';

export function fireScheduleInChild(room: ControlRoom, schedule: string): number | undefined {
  const env = {
    ...process.env,
    ...(room.storeUrl === undefined ? {} : { KANSLIST_STORE: room.storeUrl }),
    KANSLIST_VAR_DIR: room.config.paths.var,
  };
  const child = spawn(process.execPath, [join(PACKAGE_ROOT, 'bin', 'kanslist.mjs'), 'schedule', 'fire', schedule], {
    cwd: room.config.root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  child.on('error', (error) => room.log.error('control room: could not start a fired schedule', { schedule, error: error.message }));
  child.unref();
  return child.pid;
}
