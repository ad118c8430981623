/**
 * Redaction for operator logs, error messages and HTML evidence: identity numbers (personnummer,
 * samordningsnummer, CPR) and known secret values never leave the process in clear text.
 */
import { maskIdentityNumbers } from '../identity/patterns.ts';

/** What a secret is replaced with. */
export const SECRET_MASK = '•••';

/** Every registered secret and the encodings it may travel in, longest first. */
const secrets = new Set<string>();
let ordered: string[] = [];

/**
 * Registers a secret (a password from the environment or vault) so that redact() masks it —
 * also URL-encoded (a form body, a query string), HTML-escaped (a page) and JSON-escaped (a
 * serialised error). Values shorter than 4 characters are ignored: masking "a" would shred every
 * log line and hide nothing worth hiding.
 */
export function registerSecret(value: string | undefined): void {
  if (!value || value.length < 4) return;
  for (const form of encodings(value)) secrets.add(form);
  // Longest first, so a secret that contains another is masked whole.
  ordered = [...secrets].sort((a, b) => b.length - a.length);
}

/** Forgets every registered secret (tests, and a long-lived process after a credential rotation). */
export function clearSecrets(): void {
  secrets.clear();
  ordered = [];
}

export function redact(text: string): string {
  let out = text;
  for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(SECRET_MASK);
  // Lookalikes too: the rows a clerk must correct are exactly the mistyped numbers.
  return maskIdentityNumbers(out, undefined, { lookalikes: true });
}

/** Redacts every string inside a JSON-like value; an Error keeps its name, message, code and stack, masked. */
export function redactDeep(value: unknown): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map(redactDeep);
  if (value instanceof Error) return redactError(value);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redactDeep(v)]));
  }
  return value;
}

function redactError(error: Error): Record<string, unknown> {
  // message and stack are not enumerable: copied by hand, or they would vanish (or leak) in JSON
  const own = Object.fromEntries(Object.entries(error).map(([k, v]) => [k, redactDeep(v)]));
  return { ...own, name: error.name, message: redact(error.message), ...(error.stack ? { stack: redact(error.stack) } : {}) };
}

function encodings(value: string): string[] {
  const html = value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  const forms = [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ v: value }).toString().slice(2),
    html,
    JSON.stringify(value).slice(1, -1),
  ];
  return [...new Set(forms)];
}
