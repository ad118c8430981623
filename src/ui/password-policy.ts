/**
 * What a system accepts as a password, declared in its map so that `kanslist vault rotate` can
 * make one the system will take on the first try (a refused change costs an attempt, and some
 * systems count those towards a lock-out).
 */
import { ConfigError } from '../errors.ts';

export type CharacterKind = 'lower' | 'upper' | 'digit' | 'symbol';

export interface PasswordPolicy {
  /** The fewest characters the system accepts. */
  readonly minLength: number;
  /** The most characters the system accepts. @default no limit (rotation makes 24) */
  readonly maxLength?: number;
  /** Kinds of character every password must hold at least one of. @default ['lower', 'upper', 'digit'] */
  readonly required?: readonly CharacterKind[];
  /** Characters the system refuses (or that break its forms), e.g. `"'<>&`. @default none */
  readonly forbidden?: string;
}

/**
 * The characters of each kind a generated password is drawn from. Symbols are those that survive
 * shells, HTML forms and URL encoding in the systems seen so far; a map narrows them with `forbidden`.
 */
export const CHARACTERS: Readonly<Record<CharacterKind, string>> = {
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digit: '0123456789',
  symbol: '!#%*+-.:=?@_',
};

export const CHARACTER_KINDS = Object.keys(CHARACTERS) as CharacterKind[];
const POLICY_KEYS = ['minLength', 'maxLength', 'required', 'forbidden'];
export const DEFAULT_REQUIRED: readonly CharacterKind[] = ['lower', 'upper', 'digit'];

/** The characters of `kind` the policy allows. */
export function allowedCharacters(policy: PasswordPolicy, kind: CharacterKind): string {
  const forbidden = policy.forbidden ?? '';
  return [...CHARACTERS[kind]].filter((char) => !forbidden.includes(char)).join('');
}

/** Checks a map's `passwordPolicy`; every problem names the field, e.g. `passwordPolicy.required[1]`. */
export function validatePasswordPolicy(system: string, policy: unknown): void {
  const fail = (field: string, problem: string): never => {
    throw new ConfigError('KANSLIST_SYSTEM_MAP_INVALID', `System map "${system}": ${field}: ${problem}`, {
      where: `selectors/${system}.ts, ${field}`,
      remedy: 'Fix the password policy; see docs/authors.md, "Password rotation".',
    });
  };
  if (typeof policy !== 'object' || policy === null || Array.isArray(policy))
    return fail('passwordPolicy', "must be an object like { minLength: 12, required: ['lower', 'upper', 'digit'] }");
  const spec = policy as Record<string, unknown>;
  const unknown = Object.keys(spec).filter((key) => !POLICY_KEYS.includes(key));
  if (unknown.length > 0) fail('passwordPolicy', `unknown key(s) ${unknown.join(', ')} (known: ${POLICY_KEYS.join(', ')})`);
  const { minLength, maxLength, required, forbidden } = spec;
  if (!(typeof minLength === 'number' && Number.isInteger(minLength) && minLength >= 1))
    fail('passwordPolicy.minLength', 'must be a whole number ≥ 1');
  if (maxLength !== undefined && !(typeof maxLength === 'number' && Number.isInteger(maxLength) && maxLength >= (minLength as number))) {
    fail('passwordPolicy.maxLength', `must be a whole number ≥ minLength (${String(minLength)})`);
  }
  if (forbidden !== undefined && typeof forbidden !== 'string')
    fail('passwordPolicy.forbidden', 'must be a string of the characters the system refuses');
  if (required !== undefined && !Array.isArray(required))
    fail('passwordPolicy.required', `must be a list of kinds (${CHARACTER_KINDS.join(', ')})`);
  const kinds: readonly unknown[] = (required as unknown[] | undefined) ?? DEFAULT_REQUIRED;
  kinds.forEach((kind, index) => {
    if (!CHARACTER_KINDS.includes(kind as CharacterKind))
      fail(`passwordPolicy.required[${index}]`, `${JSON.stringify(kind)} is not a kind (${CHARACTER_KINDS.join(', ')})`);
    if (kinds.indexOf(kind) !== index) fail(`passwordPolicy.required[${index}]`, `${String(kind)} is listed twice`);
  });
  const typed = policy as PasswordPolicy;
  for (const kind of kinds as CharacterKind[]) {
    if (allowedCharacters(typed, kind) === '')
      fail('passwordPolicy.forbidden', `forbids every ${kind} character, but required asks for one`);
  }
  if (maxLength !== undefined && kinds.length > (maxLength as number))
    fail('passwordPolicy.maxLength', `is shorter than the ${kinds.length} required kinds`);
}
