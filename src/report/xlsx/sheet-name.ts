/** Excel's rules for worksheet names, checked before exceljs writes a file Excel would "repair". */
import { ConfigError } from '../../errors.ts';

const FORBIDDEN = /[[\]:*?/\\]/;

/** Throws KANSLIST_XLSX_SHEET_NAME unless `name` is a valid, unused worksheet name. */
export function checkSheetName(name: string, used: readonly string[]): void {
  const problem =
    typeof name !== 'string' || name.trim() === ''
      ? 'is empty'
      : name.length > 31
        ? 'is longer than 31 characters'
        : FORBIDDEN.test(name)
          ? 'contains one of [ ] : * ? / \\'
          : name.startsWith("'") || name.endsWith("'")
            ? 'starts or ends with an apostrophe'
            : used.some((u) => u.toLowerCase() === name.toLowerCase())
              ? 'is already used in this workbook'
              : undefined;
  if (problem) {
    throw new ConfigError('KANSLIST_XLSX_SHEET_NAME', `The worksheet name "${String(name)}" ${problem}`, {
      where: 'xlsx sheet name',
      remedy: 'Use a unique name of 1–31 characters without [ ] : * ? / \\ (Excel refuses others).',
    });
  }
}
