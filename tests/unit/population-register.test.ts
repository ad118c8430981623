import { describe, it, expect } from 'vitest';
import { findPerson, populationRegister } from '../../src/fixtures/population/register.ts';
import { isValidPersonnummer, parsePersonnummer } from '../../src/identity/index.ts';

describe('population register', () => {
  const people = populationRegister();

  it('holds about 500 people, each with a unique valid number from the test series', () => {
    expect(people.length).toBeGreaterThanOrEqual(450);
    expect(new Set(people.map((p) => p.personnummer)).size).toBe(people.length);
    for (const person of people) {
      expect(person.personnummer).toMatch(/^\d{8}-\d{4}$/);
      expect(isValidPersonnummer(person.personnummer)).toBe(true);
      const birthNumber = Number(person.personnummer.slice(9, 12));
      expect(birthNumber).toBeGreaterThanOrEqual(980);
      expect(birthNumber).toBeLessThanOrEqual(999);
    }
  });

  it('includes people with samordningsnummer and Swedish names with å ä ö', () => {
    const coordination = people.filter((p) => parsePersonnummer(p.personnummer).coordinationNumber);
    expect(coordination.length).toBeGreaterThan(10);
    expect(people.some((p) => /[åäöÅÄÖ]/.test(p.name))).toBe(true);
    for (const person of people) {
      expect(person.name).toMatch(/\S+ \S+/);
      expect(person.address).toMatch(/\S+ \d+$/);
      expect(person.postalCode).toMatch(/^\d{3} \d{2}$/);
      expect(person.city.length).toBeGreaterThan(1);
    }
  });

  it('is the same on every call', () => {
    expect(populationRegister()).toBe(people);
    expect(people[0]).toEqual(populationRegister()[0]);
  });

  it('finds every person by every accepted form of the number', () => {
    for (const person of people) {
      const long = person.personnummer;
      const short = parsePersonnummer(long).short;
      for (const form of [long, long.replace('-', ''), short, short.replace(/[-+]/, '')]) {
        expect(findPerson(form)).toBe(person);
      }
    }
  });

  it("reads '+' as one century back in the short form, and ignores it in the long form", () => {
    const person = people[0]!;
    const yymmdd = person.personnummer.slice(2, 8);
    const serial = person.personnummer.slice(9);
    // The '+' form points one century back, so it is a different person: not found.
    expect(findPerson(`${yymmdd}+${serial}`)).toBeUndefined();
    expect(findPerson(`${person.personnummer.slice(0, 8)}+${serial}`)).toBe(person);
  });

  it('returns undefined for unknown, invalid or malformed numbers instead of throwing', () => {
    const person = people[0]!;
    const wrongCheck = person.personnummer.slice(0, -1) + String((Number(person.personnummer.slice(-1)) + 1) % 10);
    expect(findPerson(wrongCheck)).toBeUndefined();
    expect(findPerson('')).toBeUndefined();
    expect(findPerson('not a number')).toBeUndefined();
  });
});
