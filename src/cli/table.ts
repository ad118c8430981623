import { redact, redactDeep } from '../redact/redact.ts';
import { fitWidths, tableLine, tableWidth } from './table-fit.ts';

/**
 * A plain text table for listing commands (redacted: listings are operator output). Cells are one
 * line each (line breaks become spaces) and at most 60 characters; on a terminal, or with COLUMNS
 * set, the table fits that width (see ./table-fit.ts).
 */
export function printTable(
  rows: Record<string, unknown>[],
  columns: string[],
  width: number | undefined = tableWidth(process.stdout),
): void {
  if (rows.length === 0) {
    console.log('(none)');
    return;
  }
  for (const line of formatTable(rows, columns, width)) console.log(line);
}

/** The lines of the table, header and rule first. */
export function formatTable(rows: Record<string, unknown>[], columns: string[], width: number | undefined): string[] {
  const cells = rows.map((row) => columns.map((c) => redact(cellText(row[c]))));
  const natural = columns.map((c, i) => Math.min(60, Math.max(c.length, ...cells.map((r) => r[i]!.length))));
  const widths = fitWidths(natural, width);
  return [columns, widths.map((w) => '-'.repeat(w)), ...cells].map((values) => tableLine(values, widths, width));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint'
        ? String(value)
        : (JSON.stringify(value) ?? '');
  // One table row per line: a reason or note with line breaks or tabs must not break the columns.
  return text.replace(/[\r\n\t\v\f]+/g, ' ');
}

/** JSON for scripts; redacted like the tables (payloads hold identity numbers). */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(redactDeep(value), null, 2));
}

/** Listings show times in the config's time zone with the offset (JSON keeps epoch milliseconds). */
export { localTime } from '../util/local-time.ts';
