/**
 * A new robot password that meets a system's policy, from the operating system's CSPRNG
 * (crypto.randomInt, which has no modulo bias): one character of each required kind, the rest
 * from every allowed character, then shuffled so the required ones are not always first.
 */
import { randomInt } from 'node:crypto';
import { allowedCharacters, CHARACTER_KINDS, DEFAULT_REQUIRED, type PasswordPolicy } from '../ui/password-policy.ts';

/** Long enough to be out of reach of guessing, short enough for the legacy forms seen so far. */
export const GENERATED_LENGTH = 24;

export function generatePassword(policy: PasswordPolicy): string {
  const length = Math.min(Math.max(GENERATED_LENGTH, policy.minLength), policy.maxLength ?? Number.POSITIVE_INFINITY);
  const required = policy.required ?? DEFAULT_REQUIRED;
  // Every kind the policy does not forbid outright: a wider alphabet is a stronger password.
  const all = CHARACTER_KINDS.map((kind) => allowedCharacters(policy, kind)).join('');
  const chars = required.map((kind) => pick(allowedCharacters(policy, kind)));
  while (chars.length < length) chars.push(pick(all));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

function pick(alphabet: string): string {
  return alphabet[randomInt(alphabet.length)]!;
}
