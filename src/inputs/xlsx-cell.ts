/**
 * exceljs cell values → plain RawCells. Cells can be rich text, formulas (their cached result is
 * used — formulas are never evaluated), hyperlinks, dates, numbers, booleans or errors.
 */
import type { RawCell } from './convert.ts';

export function normaliseCell(value: unknown, numFmt?: string): RawCell {
  const plain = plainValue(value);
  if (plain === NO_RESULT)
    return { value: undefined, invalid: 'a formula with no usable result (an error such as #N/A, or never calculated)' };
  if (isErrorValue(plain)) return { value: undefined, invalid: `the formula error ${plain.error}` };
  const text = typeof plain === 'number' && numFmt ? paddedDigits(plain, numFmt) : undefined;
  return text === undefined ? { value: plain } : { value: plain, text };
}

/** A formula cell without a cached result (never calculated, e.g. written by a script). */
const NO_RESULT = Symbol('no formula result');

function plainValue(value: unknown): unknown {
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return value;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText))
    return (v.richText as { text?: unknown }[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  // Formula and shared-formula cells: the cached result — formulas are never evaluated here.
  if ('formula' in v || 'sharedFormula' in v) {
    const missing = v.result === undefined || (typeof v.result === 'number' && Number.isNaN(v.result));
    return missing ? NO_RESULT : plainValue(v.result);
  }
  if ('hyperlink' in v || 'text' in v) return plainValue(v.text);
  return value;
}

function isErrorValue(value: unknown): value is { error: string } {
  return typeof value === 'object' && value !== null && typeof (value as { error?: unknown }).error === 'string';
}

/**
 * The digits a zero-padded number format displays: `0000000000` shows 101019800 as 0101019800, and
 * `000000-0000` as 010101-9800. Identity numbers typed into numeric cells survive only this way.
 */
export function paddedDigits(n: number, numFmt: string): string | undefined {
  if (!Number.isInteger(n) || n < 0 || !/^(?:0+[- ]?)+$/.test(numFmt) || !/0$/.test(numFmt)) return undefined;
  const zeros = numFmt.replace(/[^0]/g, '').length;
  let digits = String(n).padStart(zeros, '0');
  if (digits.length > zeros) return digits;
  let out = '';
  for (const ch of numFmt) {
    if (ch === '0') {
      out += digits[0];
      digits = digits.slice(1);
    } else out += ch;
  }
  return out;
}
