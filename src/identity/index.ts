/** Identity numbers: Swedish personnummer/samordningsnummer, Danish CPR, finding and masking them. */
export { InvalidIdentityNumberError, type IdentityKind, type InvalidIdentityReason } from './errors.ts';
export { parsePersonnummer, isValidPersonnummer, type ParsedPersonnummer, type ParseOptions } from './personnummer.ts';
export { parseCpr, isValidCpr, cprCentury, passesModulus11, type ParsedCpr, type CprParseOptions } from './cpr.ts';
export { findIdentityNumbers, maskIdentityNumbers, defaultMask, kindMask, type IdentityNumberMatch, type FindOptions } from './patterns.ts';
export {
  syntheticPersonnummer,
  withWrongCheckDigit,
  TEST_BIRTH_NUMBER_MIN,
  TEST_BIRTH_NUMBER_MAX,
  type SyntheticPersonnummerOptions,
} from './synthetic.ts';
export { luhnCheckDigit } from './luhn.ts';
