import { isoDate, isRealDate, todayIso } from './dates.ts';
import { InvalidIdentityNumberError } from './errors.ts';

/** A checked Danish CPR number. */
export interface ParsedCpr {
  /** `DDMMYY-SSSS`. */
  normalized: string;
  /** Birth date as ISO `YYYY-MM-DD`, century from the seventh digit and the year. */
  birthDate: string;
  /** The last digit is even for women. */
  sex: 'female' | 'male';
  /**
   * Whether the old modulus-11 check holds. Informational only: numbers issued since 2007 may
   * fail it and are still valid, so it is never a reason to reject.
   */
  passesModulus11: boolean;
}

export interface CprParseOptions {
  /** Reference date: a birth date after it is rejected. @default new Date() */
  today?: Date;
}

const SHAPE = /^(\d{2})(\d{2})(\d{2})-?(\d{4})$/;
const MODULUS_11_WEIGHTS = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1] as const;

/** Parses and validates a CPR number (format and date); throws InvalidIdentityNumberError. */
export function parseCpr(input: string, opts: CprParseOptions = {}): ParsedCpr {
  const match = SHAPE.exec(input.trim());
  if (!match) throw new InvalidIdentityNumberError('cpr', 'format', 'expected DDMMYY-SSSS');
  const [, dd = '', mm = '', yy = '', serial = ''] = match;
  const year = cprCentury(Number(serial[0]), Number(yy)) + Number(yy);
  const day = Number(dd);
  const month = Number(mm);
  if (!isRealDate(year, month, day)) {
    throw new InvalidIdentityNumberError('cpr', 'date', 'the date part is not a calendar date');
  }
  const birthDate = isoDate(year, month, day);
  if (birthDate > todayIso(opts.today ?? new Date())) {
    throw new InvalidIdentityNumberError('cpr', 'date', 'the birth date lies in the future');
  }
  const digits = dd + mm + yy + serial;
  return {
    normalized: `${dd}${mm}${yy}-${serial}`,
    birthDate,
    sex: Number(serial[3]) % 2 === 0 ? 'female' : 'male',
    passesModulus11: passesModulus11(digits),
  };
}

/** True when `input` is a valid CPR number (format and date; modulus 11 is not required). */
export function isValidCpr(input: string, opts: CprParseOptions = {}): boolean {
  try {
    parseCpr(input, opts);
    return true;
  } catch (error) {
    if (error instanceof InvalidIdentityNumberError) return false;
    throw error;
  }
}

/**
 * The century from the seventh digit (first serial digit) and the two-digit year, per the CPR
 * office's table:
 *   0–3: 1900s · 4 and 9: 2000s if year ≤ 36, else 1900s · 5–8: 2000s if year ≤ 57, else 1800s.
 */
export function cprCentury(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

/** The pre-2007 modulus-11 check over all ten digits (weights 4,3,2,7,6,5,4,3,2,1). */
export function passesModulus11(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  const sum = MODULUS_11_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(tenDigits[i]), 0);
  return sum % 11 === 0;
}
