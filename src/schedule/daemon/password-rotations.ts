/**
 * Password rotation by the scheduler, for each system with `systems.<name>.rotate` in the config:
 * once a day at `at` (local time, default 07:00 — when case systems are up), every robot account
 * whose vault password is older than `every` gets a new one by `kanslist vault rotate <system>
 * --account <n>` in a child process (a browser that hangs never takes the scheduler down). Due-ness
 * comes from when the vault's password was set, so a missed day or a failed rotation is simply
 * due again the next day, and a password rotated by hand resets the period.
 */
import type { Logger } from '../../log/logger.ts';
import { parsePeriod } from '../../config/retention.ts';
import type { LoadedConfig } from '../../config/load.ts';
import { accountsDue, vaultEntries } from '../../runner/rotation-due.ts';
import { wallClock, zoneOffsetMs } from '../../util/wall-clock.ts';
import { runChild } from './child.ts';
import type { Clock } from './clock.ts';
import { KANSLIST_BIN } from './launcher.ts';

const DEFAULT_AT = '07:00';
const DAY_MS = 86_400_000;
/** A rotation is a few logins; one that takes longer than this hangs. */
const ROTATION_LIMIT_MS = 10 * 60_000;

/** Runs one rotation; resolves with its exit code and the last line of its stderr. */
export type Rotator = (system: string, account: number, stop: AbortSignal) => Promise<{ code: number | null; error?: string | undefined }>;

export interface PasswordRotationsOptions {
  config: LoadedConfig;
  log: Logger;
  clock: Clock;
  env: NodeJS.ProcessEnv;
  /** Passed to the children as KANSLIST_STORE, for their audit records. */
  storeUrl?: string | undefined;
  /** @default a `kanslist vault rotate` child process */
  rotate?: Rotator;
  /** Told when a day's rotations for a system are done (tests wait on it). */
  onChecked?: (system: string, rotated: number[]) => void;
}

export interface PasswordRotations {
  /** Stops waiting; a rotation under way is finished first. */
  stop(): Promise<void>;
}

/** Starts a daily loop per system with `rotate`; undefined when no system has one. */
export function startPasswordRotations(options: PasswordRotationsOptions): PasswordRotations | undefined {
  const systems = Object.entries(options.config.systems).filter(([, system]) => system.rotate !== undefined);
  if (systems.length === 0) return undefined;
  const abort = new AbortController();
  const rotate = options.rotate ?? childRotator(options);
  const loops = systems.map(async ([name, system]) => {
    const everyMs = parsePeriod(system.rotate!.every)!;
    const at = system.rotate!.at ?? DEFAULT_AT;
    while (!abort.signal.aborted) {
      await options.clock.sleepUntil(nextLocalTime(options.clock.now(), at, options.config.timeZone), abort.signal);
      if (abort.signal.aborted) return;
      const rotated: number[] = [];
      try {
        const due = accountsDue({ name }, vaultEntries(options.env, options.config.paths.var), everyMs, options.clock.now());
        for (const account of due) {
          if (abort.signal.aborted) break;
          options.log.info(`password rotation: ${name} account ${account} is due (older than ${system.rotate!.every}); rotating`);
          const result = await rotate(name, account, abort.signal);
          if (result.code === 0) rotated.push(account);
          else
            options.log.error(
              `password rotation: ${name} account ${account} failed (exit ${result.code ?? 'none'})${result.error ? `: ${result.error}` : ''}; tried again tomorrow`,
            );
        }
      } catch (error) {
        options.log.error(`password rotation: ${name}: ${error instanceof Error ? error.message : String(error)}; tried again tomorrow`);
      }
      options.onChecked?.(name, rotated);
    }
  });
  return {
    async stop() {
      abort.abort();
      await Promise.all(loops);
    },
  };
}

/** The next `HH:MM` in the zone after `now`. */
export function nextLocalTime(now: number, at: string, timeZone: string): number {
  const [hour, minute] = at.split(':').map(Number) as [number, number];
  const local = wallClock(now, timeZone);
  for (let days = 0; days <= 2; days++) {
    const asUtc = Date.UTC(local.year, local.month - 1, local.day + days, hour, minute);
    const when = asUtc - zoneOffsetMs(asUtc, timeZone);
    if (when > now) return when;
  }
  return now + DAY_MS;
}

function childRotator(options: PasswordRotationsOptions): Rotator {
  const env: NodeJS.ProcessEnv = { ...options.env, FORCE_COLOR: '0', ...(options.storeUrl ? { KANSLIST_STORE: options.storeUrl } : {}) };
  return async (system, account, stop) => {
    const exit = await runChild(
      {
        command: process.execPath,
        args: [KANSLIST_BIN, 'vault', 'rotate', system, '--account', String(account)],
        cwd: options.config.root,
        env,
      },
      { clock: options.clock, deadline: options.clock.now() + ROTATION_LIMIT_MS, killGraceMs: 10_000, stop, stopGraceMs: 60_000 },
      () => undefined,
    );
    // The child's own error line (already redacted by it): code, where and what.
    const error = exit.stderrTail
      .split('\n')
      .find((line) => line.startsWith('kanslist: '))
      ?.slice('kanslist: '.length);
    return { code: exit.code, error };
  };
}
