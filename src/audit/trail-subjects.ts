/**
 * Subjects: the persons a record concerns, as normalised identity numbers, so that an access
 * request finds a person whichever form the number was typed in.
 *
 * Swedish personnummer/samordningsnummer normalise to 12 digits (YYYYMMDDNNNC), Danish CPR to
 * 10 digits (DDMMYYSSSS); the lengths never collide. A 10-digit string valid as both is stored
 * as Swedish (as findIdentityNumbers classifies it), and looked up under both.
 */
import { ConfigError } from '../errors.ts';
import { findIdentityNumbers, isValidCpr, parseCpr, parsePersonnummer, InvalidIdentityNumberError } from '../identity/index.ts';

/** Every normalised form `raw` could stand for: Swedish first, then CPR. Empty when invalid. */
export function subjectForms(raw: string): string[] {
  const text = raw.trim();
  const forms: string[] = [];
  try {
    forms.push(parsePersonnummer(text).normalized.replace(/\D/g, ''));
  } catch (error) {
    if (!(error instanceof InvalidIdentityNumberError)) throw error;
  }
  if (isValidCpr(text)) forms.push(parseCpr(text).normalized.replace(/\D/g, ''));
  return forms;
}

/** The one normalised form a record is indexed under, or undefined for a number that is not valid. */
export function normaliseSubject(raw: string): string | undefined {
  return subjectForms(raw)[0];
}

/**
 * The record's subjects: those the caller named plus every valid identity number found in the
 * record's data strings (a value typed into a field names its person even if the caller forgot).
 * Invalid numbers are left out: they identify no one.
 */
export function collectSubjects(named: readonly string[] | undefined, data: unknown): string[] {
  const found = new Set<string>();
  for (const raw of named ?? []) {
    const s = normaliseSubject(raw);
    if (s !== undefined) found.add(s);
  }
  for (const text of stringsIn(data)) {
    for (const m of findIdentityNumbers(text)) {
      const s = normaliseSubject(text.slice(m.start, m.end));
      if (s !== undefined) found.add(s);
    }
  }
  return [...found].sort();
}

/** The forms to look a person up under; a clear error for something that is no identity number. */
export function lookupForms(idNumber: string): string[] {
  const forms = subjectForms(idNumber);
  if (forms.length === 0) {
    throw new ConfigError('KANSLIST_AUDIT_BAD_ID', 'The number given is not a valid personnummer, samordningsnummer or CPR number', {
      where: 'audit person',
      remedy: 'Give the number as YYYYMMDD-NNNN, YYMMDD-NNNN or DDMMYY-SSSS (the dash is optional).',
    });
  }
  return forms;
}

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, out);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
