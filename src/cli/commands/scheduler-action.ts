/** What `kanslist scheduler` does (the daemon), loaded only when it runs. */
import { createLogger } from '../../log/logger.ts';
import type { LogLevel } from '../../config/config.ts';
import { loadConfig } from '../../config/load.ts';
import { openSchedulerRuntime } from '../../schedule/daemon/runtime.ts';
import { nextFires } from '../../schedule/next-fires.ts';
import { stopSignal } from '../signals.ts';
import { localTime } from '../table.ts';

export interface SchedulerCliOptions {
  schedules?: string;
  db?: string;
  logLevel?: LogLevel;
}

export async function runScheduler(o: SchedulerCliOptions): Promise<void> {
  const config = await loadConfig();
  const log = createLogger({
    level: o.logLevel ?? config.logLevel,
    dir: `${config.paths.var}/logs`,
    timeZone: config.timeZone,
    console: true,
  });
  // The first signal stops planning and lets running children finish their items; a second exits at once.
  const stop = stopSignal(() =>
    log.info('scheduler: stopping — running children finish their items in progress (send the signal again to exit now)'),
  );
  try {
    const runtime = await openSchedulerRuntime({ config, log, db: o.db, schedulesDir: o.schedules });
    try {
      if (runtime.schedules.length === 0) log.warn('scheduler: there are no schedules to run');
      for (const s of runtime.schedules) {
        const next = nextFires(s, new Date(), 1)[0];
        log.info(
          `schedule ${s.name} → ${s.bot}: next fire ${next ? `${localTime(next.at.getTime(), config.timeZone)}${next.decision.run ? '' : ` (skipped: ${next.decision.reason})`}` : 'none'}`,
        );
      }
      if (!stop.signal.aborted) await runtime.scheduler.start();
      await untilAborted(stop.signal);
    } finally {
      await runtime.close();
    }
    process.exitCode = 0;
  } finally {
    stop.dispose();
    await log.flush();
  }
}

function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}
