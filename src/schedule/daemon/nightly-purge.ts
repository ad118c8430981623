/**
 * The nightly purge: when `retention` is configured, a scheduler purges what is past its period
 * every night at 03:00 local time (few runs then; a purge that takes a while disturbs nobody). It
 * waits through the scheduler's Clock, so tests move a manual clock past the night instead of
 * sleeping. A failed purge is logged and tried again the next night; it never stops the scheduler.
 */
import type { Logger } from '../../log/logger.ts';
import { purge, type PurgeResult } from '../../audit/purge.ts';
import type { LoadedConfig } from '../../config/load.ts';
import { retentionRules } from '../../config/retention.ts';
import type { Store } from '../../store/index.ts';
import { wallClock, zoneOffsetMs } from '../../util/wall-clock.ts';
import type { Clock } from './clock.ts';

const HOUR = 3;
const DAY_MS = 86_400_000;

export interface NightlyPurge {
  /** Stops waiting; a purge under way is finished first. */
  stop(): Promise<void>;
}

export interface NightlyPurgeOptions {
  store: Store;
  config: LoadedConfig;
  log: Logger;
  clock: Clock;
  key: Buffer | null;
  /** Told of each purge (tests wait on it). */
  onPurged?: (result: PurgeResult) => void;
}

/** Starts the nightly purge, or returns undefined when no retention period is configured. */
export function startNightlyPurge(options: NightlyPurgeOptions): NightlyPurge | undefined {
  const { store, config, log, clock } = options;
  if (retentionRules(config.retention).length === 0) return undefined;
  const abort = new AbortController();
  const loop = (async () => {
    while (!abort.signal.aborted) {
      await clock.sleepUntil(nextNight(clock.now(), config.timeZone), abort.signal);
      if (abort.signal.aborted) return;
      try {
        const result = await purge(store, {
          varDir: config.paths.var,
          retention: config.retention,
          now: clock.now(),
          dryRun: false,
          key: options.key,
        });
        const count = result.lines.reduce((sum, l) => sum + l.count, 0);
        log.info(
          count === 0
            ? 'nightly purge: nothing was past its retention period'
            : `nightly purge: ${count} entries past their retention period removed (${result.purgeId})`,
        );
        options.onPurged?.(result);
      } catch (error) {
        log.error(`nightly purge failed, tried again tomorrow night: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return {
    async stop() {
      abort.abort();
      await loop;
    },
  };
}

/** The next 03:00 in the zone after `now`. */
export function nextNight(now: number, timeZone: string): number {
  const local = wallClock(now, timeZone);
  for (let days = 0; days <= 2; days++) {
    const asUtc = Date.UTC(local.year, local.month - 1, local.day + days, HOUR);
    const at = asUtc - zoneOffsetMs(asUtc, timeZone);
    if (at > now) return at;
  }
  return now + DAY_MS;
}
