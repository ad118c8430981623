/**
 * Listings show times in the configured time zone with its UTC offset; JSON keeps epoch
 * milliseconds (UTC) as stored.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log/logger.ts';
import { localTime } from '../../src/cli/table.ts';
import { openStore } from '../../src/store/index.ts';
import { plainEnv, runCli } from '../helpers/cli.ts';
import { createSchedulerHarness, schedule } from '../helpers/scheduler-doubles.ts';
import { useTempDir } from '../helpers/temp-dir.ts';

const dir = useTempDir('kanslist-local-times-');

/** The same instant as Intl writes it, a different route from localTime's own arithmetic. */
function intlLocal(ms: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    })
      .formatToParts(ms)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

describe('CLI local times in listings', () => {
  it('writes wall-clock time in the zone with its offset, across DST and for half-hour and western zones', () => {
    expect(localTime(Date.parse('2026-12-05T11:31:07Z'), 'Europe/Stockholm')).toBe('2026-12-05 12:31:07 +01:00');
    expect(localTime(Date.parse('2026-07-01T10:00:00Z'), 'Europe/Stockholm')).toBe('2026-07-01 12:00:00 +02:00');
    expect(localTime(Date.parse('2026-03-29T00:59:59Z'), 'Europe/Copenhagen')).toBe('2026-03-29 01:59:59 +01:00');
    expect(localTime(Date.parse('2026-03-29T01:00:00Z'), 'Europe/Copenhagen')).toBe('2026-03-29 03:00:00 +02:00');
    expect(localTime(Date.parse('2026-12-31T23:30:00Z'), 'Asia/Kolkata')).toBe('2027-01-01 05:00:00 +05:30');
    expect(localTime(Date.parse('2026-01-15T03:00:00Z'), 'America/New_York')).toBe('2026-01-14 22:00:00 -05:00');
    expect(localTime(Date.parse('2026-01-15T03:00:00Z'), 'UTC')).toBe('2026-01-15 03:00:00 +00:00');
    expect(localTime(null, 'UTC')).toBe('');
  });

  it('`kanslist runs` shows start and end in the configured zone; `runs --json` keeps epoch milliseconds', async () => {
    const db = `sqlite:${join(dir(), 'store.sqlite')}`;
    const store = await openStore(db);
    let run;
    try {
      run = await store.runs.create({ bot: 'intake', botVersion: 'v1', trigger: 'cli', host: 'test', pid: 1 });
      await store.runs.finish(run.id, 'finished', null);
      run = (await store.runs.get(run.id))!;
    } finally {
      await store.close();
    }
    for (const timeZone of ['America/New_York', 'Asia/Kolkata']) {
      const env = plainEnv({ KANSLIST_TIME_ZONE: timeZone });
      const table = await runCli(['runs', '--db', db], { env, cwd: dir() });
      expect(table.code, table.stderr).toBe(0);
      const row = table.stdout.split('\n').find((line) => line.startsWith(run.id.slice(0, 8)))!;
      expect(row).toContain(intlLocal(run.startedAt, timeZone));
      expect(row).toContain(intlLocal(run.endedAt!, timeZone));
    }
    const json = await runCli(['runs', '--db', db, '--json'], { env: plainEnv({ KANSLIST_TIME_ZONE: 'Asia/Kolkata' }), cwd: dir() });
    const [listed] = JSON.parse(json.stdout) as { startedAt: unknown; endedAt: unknown }[];
    expect(listed).toMatchObject({ startedAt: run.startedAt, endedAt: run.endedAt });
  }, 180_000);

  it("the scheduler's log lines give each fire in the schedule's zone with its offset", async () => {
    const lines: string[] = [];
    const log: Logger = {
      error: (m) => void lines.push(m),
      warn: (m) => void lines.push(m),
      info: (m) => void lines.push(m),
      debug: () => undefined,
      child: () => log,
      flush: () => Promise.resolve(),
    };
    const h = await createSchedulerHarness({
      schedule: schedule({ cron: '0 9 * * *', timeZone: 'Europe/Copenhagen' }),
      start: '2026-12-05T06:00:00Z',
      log,
    });
    try {
      await h.scheduler.start();
      await h.runUntil('2026-12-05T12:00:00Z');
    } finally {
      await h.close();
    }
    expect(lines).toContain('schedule intake 2026-12-05 09:00:00 +01:00: fired');
    expect(lines.some((l) => l.includes('started (pid') && l.endsWith('for 2026-12-05 09:00:00 +01:00'))).toBe(true);
  }, 60_000);
});
