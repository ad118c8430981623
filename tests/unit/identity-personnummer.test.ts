import { describe, it, expect } from 'vitest';
import { InvalidIdentityNumberError, isValidPersonnummer, parsePersonnummer } from '../../src/identity/index.ts';

// All numbers below are synthetic, from the test series (birth number 980–999).
const today = new Date('2026-06-01T12:00:00Z');

function reasonOf(input: string): string | undefined {
  try {
    parsePersonnummer(input, { today });
    return undefined;
  } catch (error) {
    return error instanceof InvalidIdentityNumberError ? error.reason : 'unexpected';
  }
}

describe('parsePersonnummer', () => {
  it('accepts the 10 and 12 digit forms, with and without hyphen, and normalizes them', () => {
    for (const form of ['811228-9981', '8112289981', '19811228-9981', '198112289981']) {
      const parsed = parsePersonnummer(form, { today });
      expect(parsed.normalized).toBe('19811228-9981');
      expect(parsed.short).toBe('811228-9981');
      expect(parsed.birthDate).toBe('1981-12-28');
      expect(parsed.coordinationNumber).toBe(false);
    }
  });

  it('tells the sex from the ninth digit: even for women, odd for men', () => {
    expect(parsePersonnummer('811228-9981', { today }).sex).toBe('female');
    expect(parsePersonnummer('050105-9893', { today }).sex).toBe('male');
  });

  it('rejects a wrong check digit with reason checksum', () => {
    expect(reasonOf('811228-9982')).toBe('checksum');
    expect(isValidPersonnummer('811228-9982', { today })).toBe(false);
  });

  it('rejects impossible dates with reason date', () => {
    expect(reasonOf('811328-9981')).toBe('date');
    expect(reasonOf('20050229-9986')).toBe('date');
    expect(parsePersonnummer('20040229-9986', { today }).birthDate).toBe('2004-02-29');
  });

  it('rejects malformed input with reason format', () => {
    for (const input of ['', 'abc', '811228-998', '811228--9981', '1981-12-28-9981', '811228 9981']) {
      expect(reasonOf(input)).toBe('format');
    }
  });

  it('reads a samordningsnummer: day plus 60, same check digit', () => {
    const parsed = parsePersonnummer('700163-9827', { today });
    expect(parsed.coordinationNumber).toBe(true);
    expect(parsed.birthDate).toBe('1970-01-03');
    expect(parsed.normalized).toBe('19700163-9827');
    expect(reasonOf('700193-9827')).toBe('date');
  });

  it('resolves the century of a 10-digit form to the most recent past birth date', () => {
    expect(parsePersonnummer('201004-9910', { today }).birthDate).toBe('2020-10-04');
    expect(parsePersonnummer('260615-9982', { today }).birthDate).toBe('1926-06-15');
    expect(parsePersonnummer('260615-9982', { today: new Date('2026-07-01') }).birthDate).toBe('2026-06-15');
    expect(parsePersonnummer('250101-9984', { today: new Date('2024-06-01') }).birthDate).toBe('1925-01-01');
  });

  it("uses '+' for people who have turned 100, in both directions", () => {
    const fromPlus = parsePersonnummer('121212+9983', { today });
    expect(fromPlus.birthDate).toBe('1912-12-12');
    expect(fromPlus.normalized).toBe('19121212-9983');
    expect(fromPlus.short).toBe('121212+9983');
    expect(parsePersonnummer('19121212-9983', { today }).short).toBe('121212+9983');
    expect(parsePersonnummer('121212-9983', { today }).birthDate).toBe('2012-12-12');
  });

  it('rejects a birth date in the future', () => {
    expect(reasonOf('20301212-9983')).toBe('date');
  });

  it('never puts the number into the error message', () => {
    for (const input of ['811228-9982', '811328-9981', '8112289', '198112289982']) {
      try {
        parsePersonnummer(input, { today });
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidIdentityNumberError);
        const text = `${(error as InvalidIdentityNumberError).describe()} ${String(error)}`;
        expect(text).not.toContain(input);
        expect(text).not.toMatch(/\d{4}/);
      }
    }
  });

  it('is a business error with a stable code and a remedy', () => {
    try {
      parsePersonnummer('811228-9982', { today });
    } catch (error) {
      const typed = error as InvalidIdentityNumberError;
      expect(typed.code).toBe('KANSLIST_INVALID_IDENTITY_NUMBER');
      expect(typed.remedy).toBeTruthy();
    }
  });
});
