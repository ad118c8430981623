/**
 * One cell → the column's type. A cell comes from any format as a RawCell: its plain value, and for
 * workbooks the digit text a zero-padded number format shows (so `0101019800` stays a string with
 * its leading zero) or the formula error it holds.
 */
import type { ColumnType } from './types.ts';
import { excelSerialToDate, parseBooleanText, parseDateText, parseNumberText } from './parse-text.ts';

export interface RawCell {
  /** string | number | boolean | Date | null | undefined — or anything a JSON file holds. */
  value: unknown;
  /** The digits as the cell displays them, when a number format pads them (`0000000000`). */
  text?: string;
  /** Why the cell has no usable value, as a phrase: 'the formula error #N/A'. */
  invalid?: string;
}

export type Conversion = { ok: true; value: unknown } | { ok: false; problem: string };

export function isEmptyCell(cell: RawCell | undefined): boolean {
  if (cell === undefined) return true;
  if (cell.invalid !== undefined) return false;
  const v = cell.value;
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

export function convertCell(cell: RawCell, type: ColumnType): Conversion {
  if (cell.invalid !== undefined) return fail(`holds ${cell.invalid}`);
  switch (type) {
    case 'string':
    case 'file':
      return toStringValue(cell);
    case 'number':
      return toNumberValue(cell.value);
    case 'date':
      return toDateValue(cell.value);
    case 'boolean':
      return toBooleanValue(cell.value);
  }
}

function fail(problem: string): Conversion {
  return { ok: false, problem };
}

function toStringValue(cell: RawCell): Conversion {
  const v = cell.value;
  if (cell.text !== undefined) return { ok: true, value: cell.text };
  if (typeof v === 'string') return { ok: true, value: v.trim() };
  // A numeric identity number: give back its digits, never an exponent or a grouping separator.
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: String(v) };
  if (typeof v === 'boolean') return { ok: true, value: String(v) };
  if (v instanceof Date) return { ok: true, value: isoText(v) };
  return fail('is not text');
}

function toNumberValue(v: unknown): Conversion {
  if (typeof v === 'number' && Number.isFinite(v)) return { ok: true, value: v };
  const n = typeof v === 'string' ? parseNumberText(v) : undefined;
  return n === undefined ? fail('is not a number (expected e.g. 1234,50 or 1234.50)') : { ok: true, value: n };
}

function toDateValue(v: unknown): Conversion {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return { ok: true, value: v };
  // A number in a date column is an Excel serial whose cell lost its date format (or a formula result).
  const d = typeof v === 'string' ? parseDateText(v) : typeof v === 'number' ? excelSerialToDate(v) : undefined;
  return d === undefined ? fail('is not a date (expected e.g. 2026-11-22, 2026-11-22 08:15 or 22.11.2026)') : { ok: true, value: d };
}

function toBooleanValue(v: unknown): Conversion {
  if (typeof v === 'boolean') return { ok: true, value: v };
  if (v === 1 || v === 0) return { ok: true, value: v === 1 };
  const b = typeof v === 'string' ? parseBooleanText(v) : undefined;
  return b === undefined ? fail('is not yes/no (expected e.g. ja/nej, yes/no, true/false, 1/0)') : { ok: true, value: b };
}

/** `2026-11-22` for a date at midnight, else the full ISO text. */
function isoText(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}
