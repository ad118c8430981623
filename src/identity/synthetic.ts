import { type Rng, randomInt } from '../util/rng.ts';
import { daysInMonth, pad2 } from './dates.ts';
import { luhnCheckDigit } from './luhn.ts';

export interface SyntheticPersonnummerOptions {
  /** Generate a samordningsnummer (day + 60). @default false */
  coordination?: boolean;
  /** Inclusive range of birth years. @default [1940, 2005] */
  birthYearRange?: [number, number];
  /** Force the sex (ninth digit odd for men, even for women). @default random */
  sex?: 'female' | 'male';
}

/** Lowest birth number of the series the Swedish Tax Agency reserves for test identity numbers. */
export const TEST_BIRTH_NUMBER_MIN = 980;
export const TEST_BIRTH_NUMBER_MAX = 999;

/**
 * A valid synthetic personnummer `YYYYMMDD-NNNC` whose birth number NNN lies in 980–999, the
 * series reserved for test numbers, so it cannot belong to a real person.
 */
export function syntheticPersonnummer(rng: Rng, opts: SyntheticPersonnummerOptions = {}): string {
  const [fromYear, toYear] = opts.birthYearRange ?? [1940, 2005];
  const year = randomInt(rng, fromYear, toYear);
  const month = randomInt(rng, 1, 12);
  const day = randomInt(rng, 1, daysInMonth(year, month)) + (opts.coordination ? 60 : 0);
  let birthNumber = randomInt(rng, TEST_BIRTH_NUMBER_MIN, TEST_BIRTH_NUMBER_MAX);
  if (opts.sex !== undefined) {
    const wantOdd = opts.sex === 'male';
    if ((birthNumber % 2 === 1) !== wantOdd) birthNumber += birthNumber === TEST_BIRTH_NUMBER_MAX ? -1 : 1;
  }
  const nine = `${pad2(year % 100)}${pad2(month)}${pad2(day)}${birthNumber}`;
  return `${year}${nine.slice(2, 6)}-${birthNumber}${luhnCheckDigit(nine)}`;
}

/**
 * The same number with a wrong check digit: a realistic typing error for negative test data.
 */
export function withWrongCheckDigit(personnummer: string): string {
  const last = Number(personnummer.slice(-1));
  return personnummer.slice(0, -1) + String((last + 1) % 10);
}
