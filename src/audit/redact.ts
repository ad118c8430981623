/**
 * Redaction for operator logs and error messages: identity numbers and known secret values
 * never leave the process in clear text.
 */
import { maskIdentityNumbers } from '../identity/patterns.ts';

const secrets = new Set<string>();

/** Registers a secret (a password from the environment or vault) so that redact() masks it. */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 4) secrets.add(value);
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('•••');
  return maskIdentityNumbers(out);
}

/** Redacts every string inside a JSON-like value. */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  }
  return value;
}
