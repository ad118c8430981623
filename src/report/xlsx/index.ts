/** Excel reports: a streaming workbook writer with typed columns, and inert text for untrusted values. */
export {
  createXlsxWorkbook,
  type XlsxWorkbook,
  type XlsxWorkbookOptions,
  type XlsxSheet,
  type XlsxSheetOptions,
  type XlsxColumn,
} from './workbook.ts';
export { CELL_TYPES, numberFormat, dateFormat, defaultWidth, type CellType } from './cell-formats.ts';
export { inertText, couldRunAsFormula, INERT_PREFIX } from './inert-text.ts';
export { MAX_CELL_TEXT } from './cell-value.ts';
