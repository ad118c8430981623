/**
 * Minimisation: a number that only looks like an identity number — a wrong check digit, a typo —
 * is still someone's number, and the rows a clerk must correct are exactly those. Redaction masks
 * them too, while ids, case numbers, UUIDs and order numbers stay readable.
 */
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/redact/redact.ts';
import { findIdentityNumbers } from '../../src/identity/patterns.ts';
import { withWrongCheckDigit } from '../../src/identity/synthetic.ts';
import { populationRegister } from '../../src/fixtures/population/register.ts';

describe('redaction of identity-number lookalikes', () => {
  it('masks every register number with a wrong check digit, in each written form', () => {
    for (const person of populationRegister().slice(0, 200)) {
      const wrong = withWrongCheckDigit(person.personnummer);
      const digits = wrong.replace(/\D/g, '');
      for (const form of [wrong, digits, `${digits.slice(2, 8)}-${digits.slice(8)}`, digits.slice(2)]) {
        const text = redact(`Sökande ${form} ${person.name}`);
        expect(text, form).not.toContain(form);
        expect(text).toContain('[personnummer]');
      }
    }
  });

  it('leaves ids, case numbers, UUIDs and plain order numbers alone', () => {
    for (const text of [
      'ET-2026-001113',
      'BN 2026-000123',
      'item 12345678-1234-5678-9abc-def012345678',
      'order 12345678901',
      'run 20261205-aaaa',
    ]) {
      expect(redact(text)).toBe(text);
    }
  });

  it('keeps validation strict: a lookalike is not a valid number', () => {
    const wrong = withWrongCheckDigit(populationRegister()[0]!.personnummer);
    expect(findIdentityNumbers(wrong)).toEqual([]);
    expect(findIdentityNumbers(wrong, { lookalikes: true })).toHaveLength(1);
  });
});
