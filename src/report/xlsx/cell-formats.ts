/**
 * How each column type is written: the Excel number format, the default width, and what values it
 * takes. Number formats use Excel's invariant codes (`#,##0.0`): Excel shows them with the reader's
 * own separators, so a Swedish Excel shows `1 234,5` from the same file an English one shows as
 * `1,234.5`. Only date order is a choice per report language.
 */
import type { Language } from '../i18n/language.ts';

export type CellType = 'text' | 'integer' | 'number' | 'decimal2' | 'percent' | 'date' | 'datetime' | 'minutes' | 'hours';

export const CELL_TYPES: readonly CellType[] = ['text', 'integer', 'number', 'decimal2', 'percent', 'date', 'datetime', 'minutes', 'hours'];

/**
 * Date cells follow the report language like LocaleFormat.date: ISO `yyyy-mm-dd` for sv and en (en:
 * unambiguous for every English reader), `dd.mm.yyyy` for da and de. Times are 24-hour `hh:mm`.
 */
export function dateFormat(language: Language): string {
  return language === 'da' || language === 'de' ? 'dd.mm.yyyy' : 'yyyy-mm-dd';
}

/** The cell number format of a column type; text columns are Text ('@') so typing in them stays text. */
export function numberFormat(type: CellType, language: Language): string {
  switch (type) {
    case 'text':
      return '@';
    case 'integer':
      return '#,##0';
    case 'number':
    case 'minutes':
    case 'hours':
      return '#,##0.0';
    case 'decimal2':
      return '#,##0.00';
    case 'percent':
      return '0.0%';
    case 'date':
      return dateFormat(language);
    case 'datetime':
      return `${dateFormat(language)} hh:mm`;
  }
}

/** Width (in characters) wide enough for typical values of the type. */
const TYPE_WIDTH: Record<CellType, number> = {
  text: 24,
  integer: 10,
  number: 12,
  decimal2: 12,
  percent: 9,
  date: 12,
  datetime: 17,
  minutes: 10,
  hours: 10,
};

/** The header's length plus room for the autofilter button, at least the type's typical width, at most 60. */
export function defaultWidth(header: string, type: CellType): number {
  return Math.min(60, Math.max(TYPE_WIDTH[type], header.length + 4));
}

export function isNumericType(type: CellType): boolean {
  return type !== 'text' && type !== 'date' && type !== 'datetime';
}
