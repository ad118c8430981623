/** The time-saved arithmetic on grouped counts: exactly what the methodology section states. */
import { describe, expect, it } from 'vitest';
import { botFigures, exceptionRate, hoursToFte, sumFigures, tally } from '../../src/report/time-saved/arithmetic.ts';

const basis = { annualHours: 1700, periodDays: 31 };

describe('time-saved arithmetic', () => {
  it('tallies final statuses: handled, review and failed are exceptions', () => {
    expect(
      tally([
        { status: 'done', count: 10 },
        { status: 'handled', count: 2 },
        { status: 'review', count: 1 },
        { status: 'failed', count: 1 },
        { status: 'done', count: 5 },
      ]),
    ).toEqual({
      done: 15,
      handled: 2,
      review: 1,
      failed: 1,
      exceptions: 4,
    });
  });

  it('rates exceptions over done + exceptions, and has no rate without items', () => {
    expect(exceptionRate({ done: 30, exceptions: 6 })).toBeCloseTo(1 / 6, 12);
    expect(exceptionRate({ done: 0, exceptions: 3 })).toBe(1);
    expect(exceptionRate({ done: 0, exceptions: 0 })).toBeNull();
  });

  it('frees done × manual minutes, shows exception minutes beside it without subtracting them', () => {
    const f = botFigures({ done: 10, handled: 2, review: 1, failed: 1, exceptions: 4 }, 12, basis);
    expect([f.minutesFreed, f.hoursFreed, f.exceptionMinutes, f.exceptionHours]).toEqual([120, 2, 48, 0.8]);
    expect(f.fte).toBeCloseTo(2 / 1700, 12);
    expect(f.averageFte).toBeCloseTo((2 / 1700) * (365.2425 / 31), 12);
  });

  it('adds bots up by their own baselines, not by an average baseline', () => {
    const a = botFigures({ done: 10, handled: 0, review: 0, failed: 0, exceptions: 0 }, 12, basis);
    const b = botFigures({ done: 20, handled: 0, review: 2, failed: 0, exceptions: 2 }, 3, basis);
    const total = sumFigures(
      [a, b].map((f) => ({ tally: f, minutesFreed: f.minutesFreed, exceptionMinutes: f.exceptionMinutes })),
      basis,
    );
    expect([total.done, total.exceptions, total.minutesFreed, total.hoursFreed, total.exceptionMinutes]).toEqual([30, 2, 180, 3, 6]);
    expect(total.exceptionRate).toBeCloseTo(2 / 32, 12);
  });

  it('turns a year of hours at the annual figure into one full-time equivalent', () => {
    expect(hoursToFte(1700, { annualHours: 1700, periodDays: 365.2425 })).toEqual({ fte: 1, averageFte: 1 });
    expect(hoursToFte(1700, { annualHours: 1700, periodDays: 0 }).averageFte).toBe(0);
  });
});
