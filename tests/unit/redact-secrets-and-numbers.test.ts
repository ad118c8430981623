/** Redaction (promise 4): registered secrets and identity numbers never reach a log line in clear text. */
import { afterEach, describe, expect, it } from 'vitest';
import { clearSecrets, redact, redactDeep, registerSecret, SECRET_MASK } from '../../src/redact/redact.ts';
import { parsePersonnummer } from '../../src/identity/personnummer.ts';
import { syntheticPersonnummer } from '../../src/identity/synthetic.ts';
import { createRng } from '../../src/util/rng.ts';

/** Every way a clerk or a system writes the same personnummer. */
function allForms(personnummer: string): string[] {
  const { normalized, short } = parsePersonnummer(personnummer);
  return [normalized, normalized.replace('-', ''), short, short.replace(/[-+]/, '')];
}

afterEach(() => clearSecrets());

describe('redact: secrets', () => {
  it('masks a registered password wherever it appears, also URL-, HTML- and JSON-encoded', () => {
    registerSecret('Robot-1 "demo"&!');
    const text = [
      'login failed for Robot-1 "demo"&!',
      `body: user=robot01&pw=${encodeURIComponent('Robot-1 "demo"&!')}`,
      `form: ${new URLSearchParams({ pw: 'Robot-1 "demo"&!' }).toString()}`,
      '<input value="Robot-1 &quot;demo&quot;&amp;!">',
      JSON.stringify({ password: 'Robot-1 "demo"&!' }),
    ].join('\n');
    const out = redact(text);
    expect(out).not.toContain('Robot-1');
    expect(out.split(SECRET_MASK).length - 1).toBe(5);
  });

  it('masks a secret that contains another registered secret as a whole', () => {
    registerSecret('abcd');
    registerSecret('xxabcdyy');
    expect(redact('pw=xxabcdyy')).toBe(`pw=${SECRET_MASK}`);
  });

  it('ignores values too short to be a secret, and forgets secrets when cleared', () => {
    registerSecret('ab');
    registerSecret(undefined);
    expect(redact('a tab b')).toBe('a tab b');
    registerSecret('Hemligt-99');
    clearSecrets();
    expect(redact('Hemligt-99')).toBe('Hemligt-99');
  });
});

describe('redact: identity numbers', () => {
  const rng = createRng(42);
  const people = [syntheticPersonnummer(rng), syntheticPersonnummer(rng), syntheticPersonnummer(rng, { coordination: true })];

  it('masks every form of a personnummer and samordningsnummer', () => {
    for (const person of people) {
      for (const form of allForms(person)) {
        const out = redact(`sökande ${form}, ärende 2026-0042`);
        expect(out, form).toBe('sökande [personnummer], ärende 2026-0042');
      }
    }
  });

  it('masks a Danish CPR number and leaves order and phone numbers alone', () => {
    expect(redact('CPR 010190-1234')).toBe('CPR [personnummer]');
    expect(redact('order 12345678, tel 08-123 456 78')).toBe('order 12345678, tel 08-123 456 78');
  });
});

describe('redactDeep', () => {
  it('masks strings at any depth and keeps numbers, dates and structure', () => {
    registerSecret('Robot-2-demo!');
    const at = new Date(0);
    const out = redactDeep({ item: { pnr: people0(), tries: [1, 'pw Robot-2-demo!'] }, at, n: 3 });
    expect(out).toEqual({ item: { pnr: '[personnummer]', tries: [1, `pw ${SECRET_MASK}`] }, at, n: 3 });
  });

  it("keeps an error's name, message and stack, masked (they are not enumerable)", () => {
    registerSecret('Robot-3-demo!');
    const error = Object.assign(new TypeError(`login with Robot-3-demo! for ${people0()}`), { code: 'E_LOGIN' });
    const out = redactDeep({ error }) as { error: Record<string, string> };
    expect(out.error.name).toBe('TypeError');
    expect(out.error.code).toBe('E_LOGIN');
    expect(out.error.message).toBe(`login with ${SECRET_MASK} for [personnummer]`);
    expect(out.error.stack).toContain('[personnummer]');
    expect(JSON.stringify(out)).not.toMatch(/Robot-3|\d{8}-\d{4}/);
  });
});

function people0(): string {
  return syntheticPersonnummer(createRng(7));
}
