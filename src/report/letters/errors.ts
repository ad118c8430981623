/**
 * What can go wrong when a letter is made from a PDF form template. A template that does not
 * match the values a bot gives it is a bug in the bot or the template, not bad data: the run stops
 * (FatalBotError) before more letters come out wrong. Messages name the template and the field,
 * never a value — the values are names and addresses of applicants.
 */
import { FatalBotError, KanslistError, type KanslistErrorOptions } from '../../errors.ts';

export type PdfFormErrorCode =
  | 'KANSLIST_PDF_FORM_TEMPLATE_UNREADABLE'
  | 'KANSLIST_PDF_FORM_FIELD_UNKNOWN'
  | 'KANSLIST_PDF_FORM_VALUE_MISSING'
  | 'KANSLIST_PDF_FORM_VALUE_INVALID';

/** A template that cannot be read, or that does not fit the values given to it. */
export class PdfFormError extends FatalBotError {
  declare readonly code: PdfFormErrorCode;
  /** The template's path, or "(bytes)" when it was given as bytes. */
  readonly template: string;
  /** The field concerned, when there is one. */
  readonly field: string | undefined;

  constructor(code: PdfFormErrorCode, message: string, details: { template: string; field?: string } & KanslistErrorOptions) {
    const where = details.field === undefined ? `template ${details.template}` : `template ${details.template}, field "${details.field}"`;
    super(code, message, { where, remedy: details.remedy, cause: details.cause });
    this.template = details.template;
    this.field = details.field;
  }
}

/** A letter that could not be written to disk. Not a bug: the item is retried like a system exception. */
export class LetterWriteError extends KanslistError {
  constructor(path: string, cause: unknown) {
    super('KANSLIST_LETTER_WRITE_FAILED', `The letter could not be written: ${(cause as NodeJS.ErrnoException)?.code ?? 'error'}.`, {
      where: path,
      remedy: 'Check that the folder exists, is writable and has free space; the item is retried.',
      cause,
    });
  }
}

/** A letter file name with a folder in it or characters that do not belong in a file name. */
export class LetterFileNameError extends FatalBotError {
  constructor(fileName: string) {
    super('KANSLIST_LETTER_FILE_NAME', 'A letter file name must be a plain file name ending in .pdf, without folders.', {
      where: `file name "${fileName}"`,
      remedy: 'Build the name from an identifier that is not personal data, e.g. `kvittens-<applicationId>.pdf`.',
    });
  }
}
