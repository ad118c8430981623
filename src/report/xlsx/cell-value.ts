/**
 * A row object's value → the value written to the cell. Missing values (null, undefined) leave the
 * cell empty. A value of the wrong kind (text in a number column, a number given as a string as pg
 * returns int8) is an InputError naming sheet, row and column: a report with a silently empty
 * column would be wrong without anyone noticing. The value itself is never put in the message (it
 * may be personal data).
 */
import { InputError } from '../../errors.ts';
import { wallClockAsUtcDate } from '../../util/wall-clock.ts';
import { isNumericType, type CellType } from './cell-formats.ts';
import { inertText } from './inert-text.ts';

/** Excel's limit for one cell's text. */
export const MAX_CELL_TEXT = 32_767;

export interface CellPlace {
  sheet: string;
  /** The spreadsheet row number (the header is row 1). */
  row: number;
  /** The column's header, as the reader of the sheet sees it. */
  column: string;
  /** The row object's property, as the report's author wrote it. */
  key?: string;
}

export type CellValue = string | number | Date | undefined;

export function toCellValue(value: unknown, type: CellType, timeZone: string, place: CellPlace): CellValue {
  if (value === null || value === undefined) return undefined;
  if (type === 'text') return toText(value, place);
  if (isNumericType(type)) {
    if (typeof value === 'bigint') return Number(value);
    if (typeof value !== 'number') throw wrongKind(place, type, value, 'a number');
    // 0/0 or a division by zero: no value rather than "NaN", which Excel cannot read.
    return Number.isFinite(value) ? value : undefined;
  }
  // date, datetime: epoch milliseconds or a Date, shown as wall-clock time in the report's zone.
  const epochMs = value instanceof Date ? value.getTime() : value;
  if (typeof epochMs !== 'number') throw wrongKind(place, type, value, 'epoch milliseconds (a number) or a Date');
  if (!Number.isFinite(epochMs)) return undefined;
  return wallClockAsUtcDate(epochMs, timeZone);
}

function toText(value: unknown, place: CellPlace): string {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') text = String(value);
  else throw wrongKind(place, 'text', value, 'a string, number or boolean');
  const inert = inertText(text);
  if (inert.length <= MAX_CELL_TEXT) return inert;
  // Longer text makes Excel "repair" the file; cut it visibly, never between a surrogate pair.
  let end = MAX_CELL_TEXT - 1;
  if (/[\uD800-\uDBFF]/.test(inert.charAt(end - 1))) end--;
  return `${inert.slice(0, end)}…`;
}

function wrongKind(place: CellPlace, type: CellType, value: unknown, expected: string): InputError {
  const got = value instanceof Date ? 'a Date' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  const hint =
    typeof value === 'string' && type !== 'text'
      ? ' Values read from PostgreSQL int8/numeric columns arrive as strings: convert them with Number().'
      : '';
  return new InputError('KANSLIST_XLSX_CELL_TYPE', `A ${type} column got ${got}; it takes ${expected}`, {
    where: `sheet "${place.sheet}", row ${place.row}, column "${place.column}"${place.key === undefined ? '' : ` (key "${place.key}")`}`,
    remedy: `Give the column ${expected}, or null for an empty cell.${hint}`,
  });
}
