import { describe, expect, it } from 'vitest';
import { decideFire, defineSchedule, nextFires } from '../../src/schedule/index.ts';

const s = defineSchedule({
  name: 'w',
  bot: 'b',
  cron: '0 7,23 * * *',
  timeZone: 'Europe/Stockholm',
  windows: {
    available: [{ days: 'mon-fri', from: '06:00', to: '22:00' }],
    maintenance: [
      { days: 'wed', from: '06:30', to: '07:30' },
      { date: '2026-06-12', from: '00:00', to: '24:00' },
    ],
  },
});
const at = (local: string) => new Date(`${local}+02:00`);

describe('availability and maintenance windows', () => {
  it('skips a 23:00 fire outside a 06–22 window, with the reason', () => {
    expect(decideFire(s, at('2026-06-16T23:00:00'))).toEqual({
      run: false,
      reason: 'outside-window',
      detail: '23:00 is outside mon-fri 06:00–22:00',
    });
  });

  it('runs inside the window; the end is exclusive', () => {
    expect(decideFire(s, at('2026-06-16T07:00:00'))).toEqual({ run: true });
    expect(decideFire(s, at('2026-06-16T21:59:00'))).toEqual({ run: true });
    expect(decideFire(s, at('2026-06-16T22:00:00'))).toMatchObject({ reason: 'outside-window' });
  });

  it('skips weekends when the window is mon-fri', () => {
    expect(decideFire(s, at('2026-06-13T07:00:00'))).toMatchObject({ reason: 'outside-window' });
  });

  it('skips weekly and dated maintenance', () => {
    expect(decideFire(s, at('2026-06-17T07:00:00'))).toEqual({ run: false, reason: 'maintenance', detail: 'maintenance wed 06:30–07:30' });
    expect(decideFire(s, at('2026-06-12T07:00:00'))).toMatchObject({ reason: 'maintenance', detail: 'maintenance 2026-06-12 00:00–24:00' });
  });

  it('nextFires shows each fire with its decision', () => {
    const fires = nextFires(s, at('2026-06-15T12:00:00'), 4).map((f) => [f.at.toISOString(), f.decision.run ? 'run' : f.decision.reason]);
    expect(fires).toEqual([
      ['2026-06-15T21:00:00.000Z', 'outside-window'], // Mon 23:00
      ['2026-06-16T05:00:00.000Z', 'run'], // Tue 07:00
      ['2026-06-16T21:00:00.000Z', 'outside-window'],
      ['2026-06-17T05:00:00.000Z', 'maintenance'], // Wed 07:00
    ]);
  });
});
