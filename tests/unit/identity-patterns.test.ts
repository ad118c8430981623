import { describe, it, expect } from 'vitest';
import { findIdentityNumbers, kindMask, maskIdentityNumbers } from '../../src/identity/index.ts';

// Synthetic numbers only (Swedish test series 980–999; a CPR with an 1860 birth date).
const today = new Date('2026-06-01');

describe('findIdentityNumbers', () => {
  it('finds Swedish numbers in every form and tells samordningsnummer apart', () => {
    const text = 'Sökande 811228-9981, medsökande 19700163-9827 och 8112289981 samt 198112289981.';
    const found = findIdentityNumbers(text, { today });
    expect(found.map((m) => [text.slice(m.start, m.end), m.kind])).toEqual([
      ['811228-9981', 'personnummer'],
      ['19700163-9827', 'samordningsnummer'],
      ['8112289981', 'personnummer'],
      ['198112289981', 'personnummer'],
    ]);
  });

  it('finds a date-valid Danish CPR number', () => {
    const text = 'CPR-nr. 150560-5984 oplyst';
    const [match] = findIdentityNumbers(text, { today });
    expect(match?.kind).toBe('cpr');
    expect(text.slice(match!.start, match!.end)).toBe('150560-5984');
  });

  it('leaves kinds out when asked', () => {
    expect(findIdentityNumbers('CPR 150560-5984', { today, kinds: ['personnummer', 'samordningsnummer'] })).toEqual([]);
  });
});

describe('maskIdentityNumbers', () => {
  it('masks valid numbers and leaves order numbers, phone numbers and wrong check digits alone', () => {
    const text =
      'Ärende för 811228-9981: order 1234567890, faktura 811228-9982, tel 070-123 45 67, ' +
      'org.nr 556677-8899, konto 12345678901234, ref X81122899811.';
    expect(maskIdentityNumbers(text, undefined, { today })).toBe(
      'Ärende för [personnummer]: order 1234567890, faktura 811228-9982, tel 070-123 45 67, ' +
        'org.nr 556677-8899, konto 12345678901234, ref X81122899811.',
    );
  });

  it('accepts a custom mask that sees the kind', () => {
    const text = '19700163-9827 / 811228-9981 / 150560-5984';
    expect(maskIdentityNumbers(text, kindMask, { today })).toBe('[samordningsnummer] / [personnummer] / [cpr]');
  });

  it('returns text without numbers unchanged', () => {
    expect(maskIdentityNumbers('Inga nummer här: 2026-06-01 kl 12:00', undefined, { today })).toBe('Inga nummer här: 2026-06-01 kl 12:00');
  });
});
