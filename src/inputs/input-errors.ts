/**
 * The structural input errors: the file as a whole cannot be used. Each names the file, says what
 * is wrong and what to do. They are thrown before any row is yielded, so nothing from a broken
 * file is enqueued. Messages never quote cell values (they may be personal data).
 */
import { InputError } from '../errors.ts';

/** The file as the user named it, and where it resolved to. */
export interface InputFile {
  /** The path as given (bot file or `--input`). */
  given: string;
  /** Absolute path. */
  path: string;
  /** File name only, used in row sources: 'e-tjanst.xlsx'. */
  name: string;
}

export function noFileError(kind: string): InputError {
  return new InputError('INPUT_NO_FILE', `The ${kind} input has no file: the bot's source names none and no --input was given`, {
    remedy: "Pass the file with --input <path>, or set `file` in the bot's input source.",
  });
}

export function fileNotFoundError(file: InputFile, cause?: unknown): InputError {
  return new InputError('INPUT_FILE_NOT_FOUND', `Input file ${file.given} does not exist (looked at ${file.path})`, {
    where: file.path,
    remedy: 'Check the path and the working directory; relative paths resolve against the directory the command runs in.',
    cause,
  });
}

export function unreadableError(file: InputFile, what: string, remedy: string, cause?: unknown): InputError {
  return new InputError('INPUT_UNREADABLE', `Input file ${file.given} ${what}`, { where: file.path, remedy, cause });
}

export function sheetNotFoundError(file: InputFile, sheet: string, sheets: string[]): InputError {
  const there = sheets.length > 0 ? sheets.map((s) => `"${s}"`).join(', ') : 'none';
  return new InputError('INPUT_SHEET_NOT_FOUND', `Workbook ${file.given} has no sheet "${sheet}". Sheets there: ${there}`, {
    where: file.path,
    remedy: "Fix `sheet` in the bot's input source, or rename the sheet in the workbook.",
  });
}

export interface MissingColumnsDetails {
  missing: string[];
  headerRow: number;
  found: string[];
  /** 'sheet "Ansökningar" ' or '' — where the header row is. */
  sheetLabel?: string;
}

export function columnsMissingError(file: InputFile, d: MissingColumnsDetails): InputError {
  const missing = d.missing.map((h) => `"${h}"`).join(', ');
  const found = d.found.length > 0 ? d.found.map((h) => `"${h}"`).join(', ') : 'no headers at all';
  const noun = d.missing.length === 1 ? 'column' : 'columns';
  const message =
    `Input file ${file.given} is missing required ${noun} ${missing} in header row ${d.headerRow}` +
    `${d.sheetLabel ? ` of ${d.sheetLabel}` : ''}. Headers found: ${found}`;
  return new InputError('INPUT_COLUMN_MISSING', message, {
    where: `${file.path} row ${d.headerRow}`,
    remedy:
      "Rename the header in the file, or add the file's header text to the column's `aliases` in the bot (for xlsx, also check `headerRow`).",
  });
}
