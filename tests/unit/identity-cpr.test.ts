import { describe, it, expect } from 'vitest';
import { cprCentury, InvalidIdentityNumberError, isValidCpr, parseCpr } from '../../src/identity/index.ts';

// Synthetic numbers only: births in 1800s/early 1900s (before the CPR register existed for them)
// or in the 2040s–2050s with a `today` in the future, so no living person can hold them.
const future = new Date('2060-01-01');

describe('cprCentury (the official table)', () => {
  it.each([
    [0, 5, 1900],
    [3, 99, 1900],
    [4, 36, 2000],
    [4, 37, 1900],
    [9, 36, 2000],
    [9, 37, 1900],
    [5, 57, 2000],
    [5, 58, 1800],
    [8, 0, 2000],
    [8, 99, 1800],
  ])('seventh digit %i with year %i → %i', (digit, yy, century) => {
    expect(cprCentury(digit, yy)).toBe(century);
  });
});

describe('parseCpr', () => {
  it('accepts DDMMYY-SSSS and DDMMYYSSSS and gives the birth date from the century table', () => {
    expect(parseCpr('150560-5985').birthDate).toBe('1860-05-15');
    expect(parseCpr('0101032985').birthDate).toBe('1903-01-01');
    expect(parseCpr('0101032985').normalized).toBe('010103-2985');
    expect(parseCpr('010150-5984', { today: future }).birthDate).toBe('2050-01-01');
  });

  it('accepts numbers that fail modulus 11 (issued since 2007) and reports it informationally', () => {
    const failing = parseCpr('010150-5984', { today: future });
    expect(failing.passesModulus11).toBe(false);
    expect(isValidCpr('010150-5984', { today: future })).toBe(true);
  });

  it('tells modulus-11 numbers apart', () => {
    expect(parseCpr('150560-5981').passesModulus11).toBe(true);
    expect(parseCpr('150560-5984').passesModulus11).toBe(false);
    expect(parseCpr('010150-5987', { today: future }).passesModulus11).toBe(true);
  });

  it('tells the sex from the last digit: even for women', () => {
    expect(parseCpr('150560-5984').sex).toBe('female');
    expect(parseCpr('150560-5985').sex).toBe('male');
  });

  it('rejects impossible dates and malformed input, without the number in the message', () => {
    for (const [input, reason] of [
      ['320160-5985', 'date'],
      ['290259-5984', 'date'],
      ['15056-5985', 'format'],
    ] as const) {
      try {
        parseCpr(input);
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidIdentityNumberError);
        expect((error as InvalidIdentityNumberError).reason).toBe(reason);
        expect((error as Error).message).not.toContain(input);
      }
    }
    expect(isValidCpr('290256-5984', { today: future })).toBe(true); // 2056 is a leap year
  });

  it('rejects a birth date after today', () => {
    expect(isValidCpr('010150-5984', { today: new Date('2026-01-01') })).toBe(false);
  });
});
