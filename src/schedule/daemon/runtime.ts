/**
 * Everything a scheduler process needs, opened in order and closed in reverse: the store, the
 * schedules, the ledger (with this process's audit chain), the alerter, the child-process
 * launcher, the preflight check and the Scheduler. `kanslist scheduler` and
 * `kanslist schedule fire` both start from here.
 */
import { basename, extname, resolve } from 'node:path';
import { hostname } from 'node:os';
import { createAlerter } from '../../alerts/index.ts';
import type { Alerter } from '../../alerts/index.ts';
import type { Logger } from '../../log/logger.ts';
import { auditKeyFromEnv } from '../../audit/trail.ts';
import { storeUrl as resolveStoreUrl, type LoadedConfig } from '../../config/load.ts';
import { runBotPreflight } from '../../preflight/index.ts';
import { listBotFiles } from '../../runner/load-bot.ts';
import { openStore, type Store } from '../../store/index.ts';
import { openScheduleLedger, type ScheduleLedger } from '../ledger.ts';
import { loadSchedules } from '../load.ts';
import type { Schedule } from '../types.ts';
import type { ScheduleConfigError } from '../errors.ts';
import { systemClock, type Clock } from './clock.ts';
import { childProcessLauncher, type ChildProcessLauncherOptions } from './launcher.ts';
import { startNightlyPurge } from './nightly-purge.ts';
import { startPasswordRotations } from './password-rotations.ts';
import { Scheduler } from './scheduler.ts';

export interface SchedulerRuntimeOptions {
  config: LoadedConfig;
  log: Logger;
  /** Store URL; overrides the config's. */
  db?: string | undefined;
  /** @default the config's schedules folder */
  schedulesDir?: string | undefined;
  /** Only these schedules (by name). @default all */
  only?: string[] | undefined;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  /** Lease on a running fire. @default 60000 */
  leaseMs?: number;
  /** Overrides for the launcher (grace periods). */
  launcher?: Partial<Pick<ChildProcessLauncherOptions, 'killGraceMs' | 'stopGraceMs' | 'command'>>;
}

export interface SchedulerRuntime {
  owner: string;
  store: Store;
  ledger: ScheduleLedger;
  alerter: Alerter;
  schedules: Schedule[];
  scheduler: Scheduler;
  /** Stops the scheduler (gracefully), flushes alerts, closes the ledger and the store; each step on its own. Safe to call twice. */
  close(): Promise<void>;
}

/** This process as the ledger knows it. */
export function schedulerOwner(): string {
  return `${hostname()}:${process.pid}`;
}

export async function loadProjectSchedules(
  config: LoadedConfig,
  dir?: string,
  onBroken?: (error: ScheduleConfigError) => void,
): Promise<Schedule[]> {
  const knownBots = listBotFiles(config.paths.bots).map((f) => basename(f, extname(f)));
  return await loadSchedules(dir ? resolve(config.root, dir) : config.paths.schedules, { knownBots, timeZone: config.timeZone, onBroken });
}

export async function openSchedulerRuntime(options: SchedulerRuntimeOptions): Promise<SchedulerRuntime> {
  const { config, log } = options;
  const env = options.env ?? process.env;
  const clock = options.clock ?? systemClock;
  // 1. The schedules first. A broken file is reported and skipped: one typo must not stop every other schedule.
  const all = await loadProjectSchedules(config, options.schedulesDir, (error) =>
    log.error(`scheduler: ${error.describe()} — this schedule is skipped until the file is fixed`),
  );
  const schedules = options.only ? all.filter((s) => options.only!.includes(s.name)) : all;
  const owner = schedulerOwner();
  const url = resolveStoreUrl(config, options.db);
  // 2. The store and this process's ledger chain.
  const store = await openStore(url);
  let ledger: ScheduleLedger;
  try {
    ledger = await openScheduleLedger(store, { owner, auditKey: auditKeyFromEnv(env) });
  } catch (error) {
    await store.close();
    throw error;
  }
  // 3. Alerts, children, preflight, and the scheduler itself.
  const alerter = createAlerter({ config, log });
  const launcher = childProcessLauncher({ root: config.root, store, storeUrl: url, env, log, clock, ...options.launcher });
  const scheduler = new Scheduler({
    schedules,
    ledger,
    launcher,
    alerter,
    log,
    clock,
    owner,
    leaseMs: options.leaseMs,
    preflight: (schedule) => runBotPreflight({ config, bot: schedule.bot, env, log, storeUrl: url }),
  });
  // Retention, when configured: the scheduler is the process that is always up, so it purges nightly.
  const nightlyPurge = startNightlyPurge({ store, config, log, clock, key: auditKeyFromEnv(env) });
  // Robot passwords, for systems with `rotate` in the config: checked daily, rotated when due.
  const rotations = startPasswordRotations({ config, log, clock, env, storeUrl: url });
  let closing: Promise<void> | undefined;
  return {
    owner,
    store,
    ledger,
    alerter,
    schedules,
    scheduler,
    close: () =>
      (closing ??= (async () => {
        await step(log, 'stop the scheduler', () => scheduler.stop());
        await step(log, 'stop the nightly purge', async () => nightlyPurge?.stop());
        await step(log, 'stop the password rotations', async () => rotations?.stop());
        await step(log, 'deliver the alerts', async () => {
          const counts = await alerter.flush(config.alerts.timeoutMs * 2);
          if (counts.pending > 0) log.warn(`${counts.pending} alert(s) were still being delivered at shutdown`);
        });
        await step(log, 'close the ledger', () => ledger.close());
        await step(log, 'close the store', () => store.close());
      })()),
  };
}

async function step(log: Logger, what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    log.error(`scheduler shutdown: could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
