import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.ts';
import { ScheduleConfigError, defineSchedule, loadSchedules } from '../../src/schedule/index.ts';

const api = pathToFileURL(resolve('src/schedule/index.ts')).href;
const root = mkdtempSync(join(tmpdir(), 'kanslist-schedules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
/** A schedules/ folder holding one file with this definition; returns [dir, file]. */
function folderWith(definition: string, fileName = 'nightly.ts'): [string, string] {
  const dir = join(root, `case-${n++}`);
  mkdirSync(dir);
  const file = join(dir, fileName);
  writeFileSync(file, `import { defineSchedule } from '${api}';\nexport default defineSchedule(${definition});\n`);
  return [dir, file];
}

async function loadError(definition: string, knownBots = ['bygglov-registrering']): Promise<ScheduleConfigError> {
  const [dir] = folderWith(definition);
  const error = await loadSchedules(dir, { knownBots }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return error as ScheduleConfigError;
}

const ok = `name: 'nightly', bot: 'bygglov-registrering', cron: '0 7 * * 1-5'`;

describe('loadSchedules', () => {
  it('loads valid files and fills in the config time zone', async () => {
    const [dir, file] = folderWith(`{ ${ok} }`);
    const [s] = await loadSchedules(dir, { knownBots: ['bygglov-registrering'], timeZone: 'Europe/Copenhagen' });
    expect(s).toMatchObject({ name: 'nightly', timeZone: 'Europe/Copenhagen', overlap: 'skip', catchUp: 'none', file });
  });

  it('skips a broken file and reports it when asked (the daemon), so the other schedules still run', async () => {
    const [dir] = folderWith(`{ ${ok} }`);
    writeFileSync(
      join(dir, 'broken.ts'),
      `import { defineSchedule } from '${api}';\nexport default defineSchedule({ name: 'broken', bot: 'bygglov-registrering', cron: '99 * * * *' });\n`,
    );
    const broken: ScheduleConfigError[] = [];
    const schedules = await loadSchedules(dir, { knownBots: ['bygglov-registrering'], onBroken: (error) => broken.push(error) });
    expect(schedules.map((s) => s.name)).toEqual(['nightly']);
    expect(broken).toHaveLength(1);
    expect(broken[0]!.describe()).toContain('broken.ts');
    // Without the callback (`kanslist schedules`), the broken file is still an error.
    await expect(loadSchedules(dir, { knownBots: ['bygglov-registrering'] })).rejects.toBeInstanceOf(ConfigError);
  });

  it('loads the example schedules/permit-intake.ts', async () => {
    const [s] = await loadSchedules(resolve('schedules'), { knownBots: ['bygglov-registrering'] });
    expect(s).toMatchObject({
      name: 'permit-intake',
      bot: 'bygglov-registrering',
      overlap: 'skip',
      catchUp: 'last',
      maxDurationMinutes: 60,
    });
  });

  const cases: Array<[string, string, string]> = [
    ['an invalid cron', `{ ${ok.replace('0 7 * * 1-5', '61 7 * * 1-5')} }`, 'cron'],
    ['a cron with too few fields', `{ ${ok.replace('0 7 * * 1-5', '0 7 *')} }`, 'cron'],
    ['an unknown time zone', `{ ${ok}, timeZone: 'Europe/Stokholm' }`, 'timeZone'],
    ['an unknown country', `{ ${ok}, calendar: { country: 'XX' } }`, 'calendar.country'],
    ['an unknown region', `{ ${ok}, calendar: { country: 'DE', region: 'ZZ' } }`, 'calendar.region'],
    ['a bad closed date', `{ ${ok}, calendar: { country: 'SE', closedDates: ['2026-02-30'] } }`, 'calendar.closedDates[0]'],
    [
      'a bad window time',
      `{ ${ok}, windows: { available: [{ days: 'mon-fri', from: '6:00', to: '22:00' }] } }`,
      'windows.available[0].from',
    ],
    [
      'a bad window day spec',
      `{ ${ok}, windows: { available: [{ days: 'weekdays', from: '06:00', to: '22:00' }] } }`,
      'windows.available[0].days',
    ],
    [
      'a window ending before it starts',
      `{ ${ok}, windows: { maintenance: [{ date: '2026-05-02', from: '12:00', to: '08:00' }] } }`,
      'windows.maintenance[0].to',
    ],
    ['a bad overlap policy', `{ ${ok}, overlap: 'parallel' }`, 'overlap'],
    ['an unknown bot', `{ ${ok.replace('bygglov-registrering', 'no-such-bot')} }`, 'bot'],
  ];
  for (const [what, definition, field] of cases) {
    it(`names the file and field for ${what}`, async () => {
      const error = await loadError(definition);
      expect(error.code).toBe('KANSLIST_SCHEDULE_INVALID');
      expect(error.field).toBe(field);
      expect(error.where).toMatch(new RegExp(`nightly\\.ts › ${field.replace(/[[\].]/g, '\\$&')}$`));
      expect(error.remedy).toBeTruthy();
    });
  }

  it('lists the known bots in the remedy for an unknown bot', async () => {
    const error = await loadError(`{ ${ok.replace('bygglov-registrering', 'nope')} }`);
    expect(error.remedy).toContain('bygglov-registrering');
  });

  it('rejects a file without a defineSchedule default export', async () => {
    const dir = join(root, `case-${n++}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'plain.ts'), 'export default { name: "x" };\n');
    await expect(loadSchedules(dir, { knownBots: [] })).rejects.toThrow(/defineSchedule/);
  });

  it('rejects two schedules with one name', async () => {
    const [dir] = folderWith(`{ ${ok} }`, 'a.ts');
    writeFileSync(join(dir, 'b.ts'), `import { defineSchedule } from '${api}';\nexport default defineSchedule({ ${ok} });\n`);
    await expect(loadSchedules(dir, { knownBots: ['bygglov-registrering'] })).rejects.toMatchObject({ field: 'name' });
  });
});

describe('defineSchedule', () => {
  it('throws at definition time naming the schedule and field', () => {
    expect(() => defineSchedule({ name: 'x', bot: 'b', cron: 'every day' })).toThrow(ScheduleConfigError);
    expect(() => defineSchedule({ name: 'x', bot: 'b', cron: '0 7 * * *', timeZone: 'Mars/Olympus' })).toThrow(
      expect.objectContaining({ where: 'schedule "x" › timeZone' }),
    );
  });
});
