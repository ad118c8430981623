/**
 * The scheduler's nightly purge: nothing happens before 03:00 local time; at 03:00 what is past its
 * period goes and the purge is on the audit trail; without retention configured nothing starts.
 * A manual clock moves through the night, so nothing sleeps.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import type { PurgeResult } from '../../src/audit/purge.ts';
import { DEFAULT_CONFIG } from '../../src/config/config.ts';
import type { LoadedConfig } from '../../src/config/load.ts';
import { nextNight, startNightlyPurge } from '../../src/schedule/daemon/nightly-purge.ts';
import { openStore, type Store } from '../../src/store/index.ts';
import { ManualClock } from '../../src/testing/index.ts';

const DAY = 86_400_000;
let dir: string;
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function config(retention: LoadedConfig['retention']): LoadedConfig {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-nightly-'));
  const p = (name: string) => join(dir, name);
  return {
    ...DEFAULT_CONFIG,
    retention,
    root: dir,
    paths: { bots: p('bots'), selectors: p('selectors'), schedules: p('schedules'), reports: p('reports'), var: p('var') },
  };
}

describe('nightly purge', () => {
  it('finds the next 03:00 in the zone, across daylight saving', () => {
    // 30 March 2025: Stockholm moves to summer time at 02:00; 03:00 CEST is 01:00 UTC.
    expect(new Date(nextNight(Date.parse('2025-03-29T23:00:00Z'), 'Europe/Stockholm')).toISOString()).toBe('2025-03-30T01:00:00.000Z');
    expect(new Date(nextNight(Date.parse('2025-01-10T02:00:00Z'), 'Europe/Stockholm')).toISOString()).toBe('2025-01-11T02:00:00.000Z');
  });

  it('purges at 03:00, not before, and records the purge', async () => {
    const cfg = config({ logs: '30d' });
    const start = Date.parse('2026-01-10T12:00:00Z');
    const log = join(cfg.paths.var, 'logs', 'kanslist-2025-11-01.log');
    mkdirSync(join(cfg.paths.var, 'logs'), { recursive: true });
    writeFileSync(log, '{"msg":"old"}\n');
    utimesSync(log, new Date(start - 60 * DAY), new Date(start - 60 * DAY));
    store = await openStore('sqlite::memory:');
    const clock = new ManualClock(start);
    const results: PurgeResult[] = [];
    const nightly = startNightlyPurge({
      store,
      config: cfg,
      log: createLogger({ console: false }),
      clock,
      key: null,
      onPurged: (r) => results.push(r),
    })!;
    try {
      clock.advance(12 * 60 * 60_000); // 00:00 Stockholm: not yet
      await new Promise((r) => setTimeout(r, 50));
      expect(results).toHaveLength(0);
      expect(existsSync(log)).toBe(true);
      clock.set(Date.parse('2026-01-11T02:00:00Z')); // 03:00 Stockholm
      await vi.waitFor(() => expect(results).toHaveLength(1));
      expect(existsSync(log)).toBe(false);
      expect(results[0]!.lines).toEqual([expect.objectContaining({ rule: 'retention.logs', count: 1 })]);
      const records = await store.audit.records(results[0]!.purgeId!);
      expect(records.map((r) => r.kind)).toEqual(['retention.purge']);
    } finally {
      await nightly.stop();
    }
  });

  it('does not start without retention', () => {
    expect(
      startNightlyPurge({
        store: undefined as unknown as Store,
        config: config(undefined),
        log: createLogger({ console: false }),
        clock: new ManualClock(0),
        key: null,
      }),
    ).toBeUndefined();
  });
});
