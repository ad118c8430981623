import { ageOn, isoDate, isRealDate, todayIso } from './dates.ts';
import { InvalidIdentityNumberError } from './errors.ts';
import { luhnCheckDigit } from './luhn.ts';

/** A checked Swedish personnummer or samordningsnummer. */
export interface ParsedPersonnummer {
  /** 12-digit form with hyphen, `YYYYMMDD-NNNC` (coordination numbers keep day + 60). */
  normalized: string;
  /** 10-digit form `YYMMDD-NNNC`, with `+` instead of `-` once the person has turned 100. */
  short: string;
  /** Birth date as ISO `YYYY-MM-DD` (for coordination numbers: the day minus 60). */
  birthDate: string;
  /** True for a samordningsnummer (day + 60). */
  coordinationNumber: boolean;
  sex: 'female' | 'male';
}

export interface ParseOptions {
  /** Reference date for century resolution of 10-digit forms and for the `+` sign. @default new Date() */
  today?: Date;
}

// 10 or 12 digits, optionally with '-' or '+' before the last four. Whitespace around is tolerated.
const SHAPE = /^(\d{2})?(\d{6})([-+])?(\d{4})$/;

/** Parses and validates a personnummer or samordningsnummer; throws InvalidIdentityNumberError. */
export function parsePersonnummer(input: string, opts: ParseOptions = {}): ParsedPersonnummer {
  const today = todayIso(opts.today ?? new Date());
  const match = SHAPE.exec(input.trim());
  if (!match) {
    throw new InvalidIdentityNumberError('personnummer', 'format', 'expected YYMMDD-NNNC or YYYYMMDD-NNNC');
  }
  const [, century, yymmdd = '', separator, serial = ''] = match;
  const ten = yymmdd + serial;
  const month = Number(ten.slice(2, 4));
  const rawDay = Number(ten.slice(4, 6));
  const coordinationNumber = rawDay > 60;
  const day = coordinationNumber ? rawDay - 60 : rawDay;
  const year =
    century !== undefined ? Number(century + ten.slice(0, 2)) : resolveYear(Number(ten.slice(0, 2)), month, day, separator === '+', today);
  if (!isRealDate(year, month, day)) {
    throw new InvalidIdentityNumberError('personnummer', 'date', 'the date part is not a calendar date');
  }
  const birthDate = isoDate(year, month, day);
  if (birthDate > today) {
    throw new InvalidIdentityNumberError('personnummer', 'date', 'the birth date lies in the future');
  }
  if (luhnCheckDigit(ten.slice(0, 9)) !== Number(ten[9])) {
    throw new InvalidIdentityNumberError('personnummer', 'checksum', 'the check digit does not match');
  }
  const shortSign = ageOn(birthDate, today) >= 100 ? '+' : '-';
  return {
    normalized: `${year}${ten.slice(2, 6)}-${serial}`,
    short: `${yymmdd}${shortSign}${serial}`,
    birthDate,
    coordinationNumber,
    sex: Number(ten[8]) % 2 === 1 ? 'male' : 'female',
  };
}

/** True when `input` is a valid personnummer or samordningsnummer. */
export function isValidPersonnummer(input: string, opts: ParseOptions = {}): boolean {
  try {
    parsePersonnummer(input, opts);
    return true;
  } catch (error) {
    if (error instanceof InvalidIdentityNumberError) return false;
    throw error;
  }
}

/**
 * Century for a 10-digit form: the most recent birth date not after today; `+` means the person
 * has turned 100, so one century further back.
 */
function resolveYear(yy: number, month: number, day: number, hundredPlus: boolean, today: string): number {
  const currentYear = Number(today.slice(0, 4));
  let year = currentYear - ((((currentYear - yy) % 100) + 100) % 100);
  // Compare month/day textually; an impossible date is rejected later by isRealDate.
  if (year === currentYear && isoDate(year, month, day) > today) year -= 100;
  return hundredPlus ? year - 100 : year;
}
