/**
 * The scheduler's password rotations: each day at the system's `rotate.at`, the robot accounts
 * whose vault password is older than `rotate.every` are rotated, the others left alone; without
 * `rotate` in the config nothing starts; a bad period is a configuration error naming the key.
 * A manual clock moves to the morning, so nothing sleeps.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../src/log/logger.ts';
import { DEFAULT_CONFIG, type SystemConfig } from '../../src/config/config.ts';
import type { LoadedConfig } from '../../src/config/load.ts';
import { validateConfig } from '../../src/config/validate.ts';
import { accountsDue } from '../../src/runner/rotation-due.ts';
import { nextLocalTime, startPasswordRotations } from '../../src/schedule/daemon/password-rotations.ts';
import { ManualClock } from '../../src/testing/index.ts';
import { createKeyFile, openVault } from '../../src/vault/index.ts';
import { thrown } from '../helpers/thrown.ts';

const DAY = 86_400_000;
let dir: string;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function config(systems: Record<string, SystemConfig>): LoadedConfig {
  dir = mkdtempSync(join(tmpdir(), 'kanslist-rotations-'));
  const p = (name: string) => join(dir, name);
  return {
    ...DEFAULT_CONFIG,
    systems,
    root: dir,
    paths: { bots: p('bots'), selectors: p('selectors'), schedules: p('schedules'), reports: p('reports'), var: p('var') },
  };
}

describe('password rotations by the scheduler', () => {
  it('finds the accounts whose password is older than the period', () => {
    const now = Date.parse('2026-03-01T07:00:00Z');
    const entries = [
      { name: 'casehub.password', setAt: new Date(now - 61 * DAY).toISOString() },
      { name: 'casehub.password.2', setAt: new Date(now - 5 * DAY).toISOString() },
      { name: 'casehub.password.3', setAt: new Date(now - 60 * DAY).toISOString() },
      { name: 'other.password', setAt: new Date(now - 400 * DAY).toISOString() },
    ];
    expect(accountsDue({ name: 'casehub' }, entries, 60 * DAY, now)).toEqual([1, 3]);
    expect(new Date(nextLocalTime(Date.parse('2026-01-10T08:00:00Z'), '07:00', 'Europe/Stockholm')).toISOString()).toBe(
      '2026-01-11T06:00:00.000Z',
    );
  });

  it('rotates at the configured time only the accounts that are due', async () => {
    const cfg = config({ casehub: { rotate: { every: '60d', at: '07:00' } } });
    const env = {};
    createKeyFile(join(cfg.paths.var, 'vault.key'));
    const vault = openVault({ env, varDir: cfg.paths.var });
    vault.set('casehub.password', 'Gammalt-Test-Lösen-1');
    vault.set('casehub.password.2', 'Nyare-Test-Lösen-2');
    // The first account's password was set 61 days ago (setAt is readable without the key).
    const file = join(cfg.paths.var, 'vault.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { secrets: Record<string, { setAt: string }> };
    json.secrets['casehub.password']!.setAt = new Date(Date.now() - 61 * DAY).toISOString();
    writeFileSync(file, JSON.stringify(json));

    const clock = new ManualClock(Date.now());
    const calls: string[] = [];
    const checked: number[][] = [];
    const rotations = startPasswordRotations({
      config: cfg,
      log: createLogger({ console: false }),
      clock,
      env,
      rotate: (system, account) => {
        calls.push(`${system} ${account}`);
        return Promise.resolve({ code: 0 });
      },
      onChecked: (_system, rotated) => checked.push(rotated),
    })!;
    try {
      await clock.waitForSleepers(1);
      expect(calls).toEqual([]);
      clock.set(nextLocalTime(clock.now(), '07:00', cfg.timeZone));
      await vi.waitFor(() => expect(checked).toHaveLength(1));
      expect(calls).toEqual(['casehub 1']);
      expect(checked[0]).toEqual([1]);
    } finally {
      await rotations.stop();
    }
  });

  it('starts nothing without rotate, and a bad period or time is an error naming the key', () => {
    expect(
      startPasswordRotations({ config: config({}), log: createLogger({ console: false }), clock: new ManualClock(0), env: {} }),
    ).toBeUndefined();
    const bad = (rotate: SystemConfig['rotate']) =>
      thrown(() => validateConfig(config({ casehub: { rotate: rotate! } }), 'kanslist.config.ts')).message;
    expect(bad({ every: 'soon' })).toContain('systems.casehub.rotate.every');
    expect(bad({ every: '60d', at: '7am' })).toContain('systems.casehub.rotate.at');
  });
});
