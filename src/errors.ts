/**
 * Kanslist's error types, by what the runner should do with them (Crawlee/BullMQ style).
 *
 * Every error has a stable `code` (documented in docs/errors.md) and a `remedy`: what the
 * person reading it should do. Messages never contain secrets or personal numbers: callers
 * pass identifiers (file, row, field, target, item key), not values.
 */
export interface KanslistErrorOptions {
  remedy?: string;
  cause?: unknown;
  /** Where it happened: file, row, field, target, item — shown after the message. */
  where?: string;
  /**
   * Facts a translated reason fills in (row, column, field, kind…): never a value from the item,
   * which may be personal data. Kept with the item so reports can say it in the reader's language.
   */
  params?: ReasonParams;
  /**
   * The reason as a clerk should read it, per report language (`{ sv: 'Åtgärden finns inte i
   * CaseHub' }`). A report in another language uses the organisation's language, then English.
   * The `message` stays the developer's text for operators, the XLSX and the audit trail.
   */
  messages?: ReasonMessages;
}

/** Facts a reason's translation fills in. */
export type ReasonParams = Readonly<Record<string, string | number>>;
/** A reason in the report languages (sv, da, de, en); any may be missing. */
export type ReasonMessages = Readonly<Partial<Record<'sv' | 'da' | 'de' | 'en', string>>>;

/**
 * What is kept with a failed item besides its code and English reason, for reports in the
 * reader's language: the facts of the reason, the author's own translations, and — for an input
 * row with several problems — one part per problem.
 */
export interface ReasonDetails {
  params?: ReasonParams;
  messages?: ReasonMessages;
  parts?: Array<{ code: string; params: ReasonParams }>;
}

export class KanslistError extends Error {
  readonly code: string;
  readonly remedy: string | undefined;
  readonly where: string | undefined;
  readonly params: ReasonParams | undefined;
  readonly messages: ReasonMessages | undefined;

  constructor(code: string, message: string, options: KanslistErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.remedy = options.remedy;
    this.where = options.where;
    this.params = options.params;
    this.messages = options.messages;
  }

  /** One line for an operator: code, where, what, and what to do. */
  describe(): string {
    const where = this.where ? ` (${this.where})` : '';
    const remedy = this.remedy ? `\n  → ${this.remedy}` : '';
    return `${this.code}${where}: ${this.message}${remedy}`;
  }
}

/** Bad data in a work item (invalid personnummer, missing field): reported, sent to a clerk, never retried. */
export class BusinessRuleError extends KanslistError {
  constructor(code: string, message: string, options: KanslistErrorOptions = {}) {
    super(code, message, options);
  }
}

/** The legacy system misbehaved (500 page, busy page, timeout): the item is retried with backoff. */
export class TransientUiError extends KanslistError {}

/** The legacy system's session ended: the worker logs in again in a fresh context and retries. */
export class SessionExpiredError extends TransientUiError {
  constructor(message = 'The session in the legacy system has expired or was ended', options: KanslistErrorOptions = {}) {
    super('KANSLIST_SESSION_EXPIRED', message, { remedy: 'None needed: the worker logs in again and retries.', ...options });
  }
}

/** Something is wrong with the bot itself (a bug, a missing screen): the run stops. */
export class FatalBotError extends KanslistError {}

/**
 * The system refused the robot account's password as wrong (not a locked account, not a server
 * fault). `code` may be the map's own (CASEHUB_LOGIN_REFUSED). A system map's `login` throws it so that the login path can try a password a rotation
 * left pending in the vault; when there is none, the run stops like any FatalBotError.
 */
export class PasswordRefusedError extends FatalBotError {
  constructor(message = "The system refused the robot account's password", options: KanslistErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'KANSLIST_PASSWORD_REFUSED', message, {
      remedy: 'Check the password in the vault (`kanslist vault set <system>.password`); retrying would not help and may lock the account.',
      ...options,
    });
  }
}

/**
 * The system accepted the password but demands a new one before anything else. A system map's
 * `login` throws it so a run stops at once instead of logging in again and again;
 * `kanslist vault rotate` takes it as the cue to change the password.
 */
export class PasswordExpiredError extends FatalBotError {
  constructor(message = "The robot account's password has expired", options: KanslistErrorOptions & { code?: string } = {}) {
    super(options.code ?? 'KANSLIST_PASSWORD_EXPIRED', message, {
      remedy:
        'Run `kanslist vault rotate <system>` (add --account N for another robot account): it sets a new password in the system and the vault.',
      ...options,
    });
  }
}

/** Invalid configuration, bot file, schedule or command-line use: exit code 2, nothing is touched. */
export class ConfigError extends KanslistError {}

/** An input file or row that cannot be read: names the file, row and column. */
export class InputError extends KanslistError {}

/** A target matched no element with any of its strategies. */
export class TargetNotFoundError extends TransientUiError {}

/** A target matched several elements: Kanslist never guesses which one was meant. */
export class AmbiguousTargetError extends FatalBotError {}

/** No browser could be found or installed. */
export class BrowserNotFoundError extends ConfigError {}

export function isBusinessError(error: unknown): error is BusinessRuleError {
  return error instanceof BusinessRuleError;
}

/** The code to group a failure by in reports: a Kanslist code, or the error class name. */
export function errorCode(error: unknown): string {
  if (error instanceof KanslistError) return error.code;
  if (error instanceof Error) return error.name === 'TimeoutError' ? 'KANSLIST_TIMEOUT' : 'KANSLIST_UNEXPECTED';
  return 'KANSLIST_UNEXPECTED';
}

/** What happened and where, without code or remedy: the reason stored with an item. */
export function errorReason(error: unknown): string {
  if (error instanceof KanslistError) return error.where ? `${error.message} (${error.where})` : error.message;
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.message;
  return String(error);
}

/** The facts and translations kept with a failed item; null when the error has none. */
export function errorDetails(error: unknown): ReasonDetails | null {
  if (!(error instanceof KanslistError)) return null;
  const details: ReasonDetails = {
    ...(error.params && Object.keys(error.params).length > 0 ? { params: { ...error.params } } : {}),
    ...(error.messages && Object.keys(error.messages).length > 0 ? { messages: { ...error.messages } } : {}),
  };
  return Object.keys(details).length > 0 ? details : null;
}

export function errorMessage(error: unknown): string {
  if (error instanceof KanslistError) return error.describe();
  if (error instanceof Error) return error.message;
  return String(error);
}
