import { describe, expect, it } from 'vitest';
import { defineSchedule, describeSchedule, nextFires } from '../../src/schedule/index.ts';

const permitIntake = defineSchedule({
  name: 'permit-intake',
  bot: 'bygglov-registrering',
  cron: '0 7,10,14 * * 1-5',
  timeZone: 'Europe/Stockholm',
  calendar: { country: 'SE', closeCustomaryDays: true },
  windows: { available: [{ days: 'mon-fri', from: '06:00', to: '22:00' }] },
  overlap: 'skip',
  catchUp: 'last',
  maxDurationMinutes: 60,
});

describe('nextFires', () => {
  it('lists the next five fires with skip reasons (before Easter 2026)', () => {
    const fires = nextFires(permitIntake, new Date('2026-04-02T10:00:00Z'), 5);
    expect(fires.map((f) => [f.at.toISOString(), f.decision.run ? 'run' : `${f.decision.reason}:${f.decision.holiday}`])).toEqual([
      ['2026-04-02T12:00:00.000Z', 'run'], // Maundy Thursday 14:00: an observance, open
      ['2026-04-03T05:00:00.000Z', 'holiday:långfredagen'],
      ['2026-04-03T08:00:00.000Z', 'holiday:långfredagen'],
      ['2026-04-03T12:00:00.000Z', 'holiday:långfredagen'],
      ['2026-04-06T05:00:00.000Z', 'holiday:annandag påsk'],
    ]);
  });

  it('starts strictly after `from`', () => {
    const fires = nextFires(permitIntake, new Date('2026-06-18T05:00:00Z'), 1);
    expect(fires[0]!.at.toISOString()).toBe('2026-06-18T08:00:00.000Z');
  });

  it('supports six-field (seconds) expressions for the daemon', () => {
    const s = defineSchedule({ name: 's', bot: 'b', cron: '*/10 * * * * *', timeZone: 'UTC' });
    expect(nextFires(s, new Date('2026-01-01T00:00:01Z'), 2).map((f) => f.at.toISOString())).toEqual([
      '2026-01-01T00:00:10.000Z',
      '2026-01-01T00:00:20.000Z',
    ]);
  });
});

describe('describeSchedule', () => {
  it('puts the cron in words with zone, calendar and windows', () => {
    const en = describeSchedule(permitIntake);
    expect(en.cron).toMatch(/07:00, 10:00 and 14:00, Monday through Friday/);
    expect(en.text).toContain('Europe/Stockholm');
    expect(en.calendar).toContain('SE public holidays');
    expect(en.windows).toBe('only mon-fri 06:00–22:00');
  });

  it('speaks Swedish', () => {
    expect(describeSchedule(permitIntake, { language: 'sv' }).cron).toBe('Kl 07:00, 10:00 och 14:00, måndag till fredag');
  });
});
