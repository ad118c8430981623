import { describe, it, expect } from 'vitest';
import { isValidPersonnummer, parsePersonnummer, syntheticPersonnummer, withWrongCheckDigit } from '../../src/identity/index.ts';
import { createRng } from '../../src/util/rng.ts';

describe('syntheticPersonnummer', () => {
  it('makes valid numbers from the test series 980–999 only', () => {
    const rng = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const number = syntheticPersonnummer(rng, { coordination: i % 5 === 0 });
      expect(isValidPersonnummer(number)).toBe(true);
      expect(Number(number.slice(9, 12))).toBeGreaterThanOrEqual(980);
      expect(parsePersonnummer(number).coordinationNumber).toBe(i % 5 === 0);
    }
  });

  it('respects the birth-year range and the requested sex', () => {
    const rng = createRng(11);
    for (let i = 0; i < 500; i++) {
      const number = syntheticPersonnummer(rng, { birthYearRange: [1950, 1952], sex: 'male' });
      const parsed = parsePersonnummer(number);
      expect(Number(parsed.birthDate.slice(0, 4))).toBeGreaterThanOrEqual(1950);
      expect(Number(parsed.birthDate.slice(0, 4))).toBeLessThanOrEqual(1952);
      expect(parsed.sex).toBe('male');
    }
  });

  it('is deterministic for a seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const first = Array.from({ length: 20 }, () => syntheticPersonnummer(a));
    expect(Array.from({ length: 20 }, () => syntheticPersonnummer(b))).toEqual(first);
  });

  it('withWrongCheckDigit makes a number fail only on its check digit', () => {
    const number = syntheticPersonnummer(createRng(3));
    expect(() => parsePersonnummer(withWrongCheckDigit(number))).toThrow(expect.objectContaining({ reason: 'checksum' }));
  });
});
