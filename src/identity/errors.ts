import { BusinessRuleError, type KanslistErrorOptions } from '../errors.ts';

/** Why an identity number was rejected. Stable codes: reports group failures by them. */
export type InvalidIdentityReason = 'format' | 'date' | 'checksum';

export type IdentityKind = 'personnummer' | 'samordningsnummer' | 'cpr';

const REMEDY: Record<InvalidIdentityReason, string> = {
  format: 'Check that the field holds one complete identity number and nothing else.',
  date: "Check the date part: it may be mistyped, or the number may be in another country's format.",
  checksum: 'Check for a mistyped digit and ask the applicant to confirm the number.',
};

/**
 * An identity number is not valid. A business error: bad data is reported and sent to a clerk,
 * never retried.
 *
 * The message deliberately never contains the input: identity numbers are personal data and
 * error messages end up in logs, reports and screenshots. Callers add `where` (file, row, item).
 */
export class InvalidIdentityNumberError extends BusinessRuleError {
  constructor(
    readonly kind: 'personnummer' | 'cpr',
    readonly reason: InvalidIdentityReason,
    detail: string,
    options: Omit<KanslistErrorOptions, 'remedy'> = {},
  ) {
    super('KANSLIST_INVALID_IDENTITY_NUMBER', `Invalid ${kind} (${reason}): ${detail}`, {
      remedy: REMEDY[reason],
      ...options,
      // What a translated reason says: which kind of number, and what is wrong with it.
      params: { kind, problem: reason, ...options.params },
    });
  }
}
