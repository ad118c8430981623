import { isValidCpr } from './cpr.ts';
import type { IdentityKind } from './errors.ts';
import { InvalidIdentityNumberError } from './errors.ts';
import { parsePersonnummer } from './personnummer.ts';

export interface IdentityNumberMatch {
  /** Index of the first character in the text. */
  start: number;
  /** Index after the last character. */
  end: number;
  kind: IdentityKind;
}

export interface FindOptions {
  /** Kinds to look for. @default ['personnummer', 'samordningsnummer', 'cpr'] */
  kinds?: readonly IdentityKind[];
  /**
   * Also numbers that only look like one: the shape of an identity number with a plausible date
   * but a wrong check digit (a mistyped number is still someone's number). Redaction uses it; a
   * validator does not. Reported as 'personnummer'. @default false
   */
  lookalikes?: boolean;
  /** Reference date for century resolution and future-date checks. @default new Date() */
  today?: Date;
}

/**
 * Candidate shapes: 12 or 10 digits with an optional '-' or '+' before the last four, not glued to
 * further digits. Candidates are then validated, so order numbers and phone numbers are left alone.
 */
const CANDIDATE = /(?<![\d])(?:\d{8}|\d{6})[-+]?\d{4}(?![\d])/g;
const ALL_KINDS: readonly IdentityKind[] = ['personnummer', 'samordningsnummer', 'cpr'];

/**
 * Finds valid identity numbers in free text: Swedish numbers must pass the date and Luhn checks,
 * Danish CPR numbers the date check (CPR has no mandatory checksum since 2007, so any date-valid
 * DDMMYY-SSSS counts — pass `kinds` to leave CPR out where it cannot occur).
 * A string valid as both is reported as Swedish.
 */
export function findIdentityNumbers(text: string, opts: FindOptions = {}): IdentityNumberMatch[] {
  const kinds = opts.kinds ?? ALL_KINDS;
  const matches: IdentityNumberMatch[] = [];
  for (const candidate of text.matchAll(CANDIDATE)) {
    const kind =
      classify(candidate[0], kinds, opts.today) ??
      (opts.lookalikes && looksLikeIdentityNumber(text, candidate.index, candidate[0]) ? 'personnummer' : undefined);
    if (kind) matches.push({ start: candidate.index, end: candidate.index + candidate[0].length, kind });
  }
  return matches;
}

/**
 * An invalid number that still reads as an identity number: standing alone (not part of an id,
 * a UUID or a word) with a date a person could be born on — YYYYMMDD or YYMMDD, or CPR's DDMMYY,
 * the day also as a samordningsnummer's day + 60.
 */
function looksLikeIdentityNumber(text: string, start: number, candidate: string): boolean {
  const before = text[start - 1];
  const after = text[start + candidate.length];
  if ((before !== undefined && /[\w-]/.test(before)) || (after !== undefined && /[\w-]/.test(after))) return false;
  const digits = candidate.replace(/[-+]/g, '');
  const date = digits.slice(0, digits.length - 4);
  const plausible = (month: string, day: string) => {
    const m = Number(month);
    const d = Number(day);
    return m >= 1 && m <= 12 && ((d >= 1 && d <= 31) || (d >= 61 && d <= 91));
  };
  if (date.length === 8) return /^(18|19|20)/.test(date) && plausible(date.slice(4, 6), date.slice(6, 8));
  return plausible(date.slice(2, 4), date.slice(4, 6)) || plausible(date.slice(2, 4), date.slice(0, 2));
}

/** Default mask: one neutral token for every kind, so the kind does not narrow down the person. */
export const defaultMask = (_kind: IdentityKind): string => '[personnummer]';
/** Alternative mask naming the kind, e.g. '[samordningsnummer]', '[cpr]'. */
export const kindMask = (kind: IdentityKind): string => `[${kind}]`;

/** Replaces every valid identity number in `text` with `mask(kind)`. */
export function maskIdentityNumbers(text: string, mask: (kind: IdentityKind) => string = defaultMask, opts: FindOptions = {}): string {
  let result = '';
  let position = 0;
  for (const match of findIdentityNumbers(text, opts)) {
    result += text.slice(position, match.start) + mask(match.kind);
    position = match.end;
  }
  return result + text.slice(position);
}

function classify(candidate: string, kinds: readonly IdentityKind[], today?: Date): IdentityKind | undefined {
  const swedish = swedishKind(candidate, today);
  if (swedish && kinds.includes(swedish)) return swedish;
  if (kinds.includes('cpr') && /^\d{6}-?\d{4}$/.test(candidate) && isValidCpr(candidate, { today })) return 'cpr';
  return undefined;
}

function swedishKind(candidate: string, today?: Date): IdentityKind | undefined {
  try {
    const parsed = parsePersonnummer(candidate, { today });
    return parsed.coordinationNumber ? 'samordningsnummer' : 'personnummer';
  } catch (error) {
    if (error instanceof InvalidIdentityNumberError) return undefined;
    throw error;
  }
}
